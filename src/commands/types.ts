import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { AppContext } from '../context.js';

/** Option values of one invocation, by option name, as Discord or the local prompt gives them. */
export type OptionValues = Record<string, string | number | boolean | undefined>;

/**
 * A slash command: its Discord definition, a transport-neutral `run` that returns the reply as
 * plain data, and a terminal rendering of it. The Discord adapter renders the same data to embeds.
 */
export interface Command<Result = unknown> {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  run(ctx: AppContext, options: OptionValues): Result;
  renderText(result: Result): string;
}
