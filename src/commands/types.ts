import type { APIApplicationCommandOption, ApplicationCommandOptionType, ApplicationCommandType, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { AppContext } from '../app/context.js';
import type { DiscordReply } from '../render/discord-kit.js';

/** A file a user attached to a command, as Discord describes it (its bytes are on Discord's CDN, at `url`). */
export interface AttachmentValue {
  name: string;
  url: string;
  /** Its size in bytes, as Discord declares it. */
  size: number;
  contentType?: string;
}

/** Option values of one invocation, by option name, as Discord or the local prompt gives them. */
export type OptionValues = Record<string, string | number | boolean | AttachmentValue | undefined>;

/** Tells the user how long work is going: a short line that replaces the previous one. */
export type Progress = (line: string) => void;

/** A command's definition as Discord registers it, with its name at hand for dispatch. */
export interface CommandData {
  name: string;
  toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
}

// Discord's numbers, typed from discord.js but written here: its builders and enums would load
// discord.js (~0.3 s) into the CLI, which runs commands without Discord.
/** Option types the commands and their readers use. */
export const OPTION = {
  string: 3 as ApplicationCommandOptionType.String,
  integer: 4 as ApplicationCommandOptionType.Integer,
  boolean: 5 as ApplicationCommandOptionType.Boolean,
  number: 10 as ApplicationCommandOptionType.Number,
  attachment: 11 as ApplicationCommandOptionType.Attachment,
};

/** A slash command's definition from its name, description and options (each `required: false` unless said). */
export function slashCommand(definition: Omit<RESTPostAPIChatInputApplicationCommandsJSONBody, 'type' | 'options'> & { options: APIApplicationCommandOption[] }): CommandData {
  const json: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    ...definition,
    options: definition.options.map((o) => ({ required: false, ...o }) as APIApplicationCommandOption),
    type: 1 as ApplicationCommandType.ChatInput,
  };
  return { name: json.name, toJSON: () => json };
}

/** The value of an option when given, as a number; `undefined` when absent or empty. */
export function optionalNumber(value: OptionValues[string]): number | undefined {
  return value === undefined || value === '' ? undefined : Number(value);
}

/** The value of an option when given and not blank, as a string. */
export function optionalString(value: OptionValues[string]): string | undefined {
  return value === undefined || String(value).trim() === '' ? undefined : String(value);
}

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
  data: CommandData;
  /** Most commands answer at once; one that changes the library (`/library`) answers with a promise. */
  run(ctx: AppContext, options: OptionValues): Result | Promise<Result>;
  /**
   * The same as `run` for the bot, for work long enough to block everyone else's answers (re-reading
   * a folder, adding a download): done outside the bot's event loop, telling `progress` as it goes.
   * The bot prefers it when a command has it.
   */
  runInBackground?(ctx: AppContext, options: OptionValues, progress?: Progress): Promise<Result>;
  /** True when the reply is for the user alone (ephemeral in Discord), whatever `private:` says. */
  replyPrivately?(options: OptionValues): boolean;
  renderText(result: Result): string;
  renderDiscord(result: Result): DiscordReply;
  /** Suggestions for the focused option; must not throw and must stay within Discord's limits. */
  autocomplete?(ctx: AppContext, option: string, value: string): Choice[];
  /** Answers a button press on a message this command sent, from what the custom id and message carry. */
  press?(ctx: AppContext, args: string[], message: { footer?: string }): Result;
  /**
   * True for a press that answers with a new message, privately, beside the one pressed on (an
   * Open from an answer, references to paste), rather than turning that message's page. A press on
   * someone else's message always answers beside it (see discord/interactions.ts).
   */
  opensBeside?(args: string[], message: { footer?: string }): boolean;
}
