import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { AppContext } from '../app/context.js';
import type { DiscordReply } from '../render/discord-kit.js';

/** Option values of one invocation, by option name, as Discord or the local prompt gives them. */
export type OptionValues = Record<string, string | number | boolean | undefined>;

/** An autocomplete suggestion. */
export interface Choice {
  name: string;
  value: string;
}

/**
 * A slash command: its Discord definition, a transport-neutral `run` that returns the reply as
 * plain data, and two renderings of it (terminal text, Discord embeds). Buttons whose custom id
 * starts with `<name>:` come back to `press` with the rest of the id split on `:`.
 */
export interface Command<Result = unknown> {
  data: { name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  run(ctx: AppContext, options: OptionValues): Result;
  /**
   * The same as `run` for the bot, for work long enough to block everyone else's answers (re-reading
   * a folder): done outside the bot's event loop. The bot prefers it when a command has it.
   */
  runInBackground?(ctx: AppContext, options: OptionValues): Promise<Result>;
  renderText(result: Result): string;
  renderDiscord(result: Result): DiscordReply;
  /** Suggestions for the focused option; must not throw and must stay within Discord's limits. */
  autocomplete?(ctx: AppContext, option: string, value: string): Choice[];
  /** Answers a button press on a message this command sent, from what the custom id and message carry. */
  press?(ctx: AppContext, args: string[], message: { footer?: string }): Result;
}
