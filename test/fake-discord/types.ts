/**
 * A JSON value as the bot sent it or the fake returns it. Deliberately loose so tests can
 * index into Discord payloads without restating Discord's types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Options for {@link startFakeDiscord}; every id and the token have working defaults. */
export interface FakeDiscordOptions {
  applicationId?: string;
  guildId?: string;
  /** More guilds the bot is in (GUILD_CREATE for each); a played user names one with `guildId`. */
  otherGuildIds?: string[];
  botToken?: string;
  /** How long an interaction may wait for its first callback, like Discord's 3 seconds. */
  ackTimeoutMs?: number /* default 3000 */;
}

/** One response the bot gave to an interaction; for callbacks `body` is the callback's `data`. */
export interface RecordedResponse {
  interactionId: string;
  kind: 'callback' | 'edit' | 'followup';
  type?: number;
  body: Json;
  at: number /* ms since dispatch */;
}

/** An error the fake returned to the bot. */
export interface ReturnedError {
  status: number;
  code: number;
  message: string;
}

/** An interaction the fake dispatched, with everything the bot did in reply. */
export interface PlayedInteraction {
  id: string;
  token: string;
  /** Resolves with the first acknowledgement (callback) or rejects after ackTimeoutMs with an Error saying it was not acknowledged. */
  acknowledged: Promise<RecordedResponse>;
  /** All responses recorded so far for this interaction, in order. */
  responses(): RecordedResponse[];
  /** Resolves when a response matching the predicate arrives (or is already there); rejects after timeoutMs (default 5000). */
  waitFor(predicate: (r: RecordedResponse) => boolean, timeoutMs?: number): Promise<RecordedResponse>;
  /** What the user would see now: the current original message (after callback 4/7 or edits), or undefined. */
  message(): Json | undefined;
  /** Errors the fake returned to the bot for this interaction (e.g. {status:400, code:40060}). */
  errors(): ReturnedError[];
}

/** A command option as a user filled it in. */
export interface PlayedOption {
  name: string;
  type: number;
  value: string | number | boolean;
  focused?: boolean;
}

/** A file a user attached to a command, served by the fake's CDN. */
export interface FakeAttachment {
  id: string;
  /** The attachment as Discord describes it in an interaction's `resolved.attachments`. */
  json: Json;
  /** The option carrying it, for `slashCommand`'s options: `{ name, type: 11, value: id }`. */
  option(name: string): PlayedOption;
  /** Lets a held download go on. */
  release(): void;
}

/** Who runs a played interaction, and where; defaults to one test user with @everyone's permissions in the test guild. */
export interface PlayedUser {
  id?: string;
  username?: string;
  permissions?: string;
  /** The guild the user plays in: the test guild (default) or one of `otherGuildIds`. */
  guildId?: string;
}

/** A local Discord: REST under `apiBase`, gateway at `gatewayUrl`, and levers to play users. */
export interface FakeDiscord {
  apiBase: string; // e.g. http://127.0.0.1:PORT/api  -> pass as rest.api / DISCORD_API_BASE
  gatewayUrl: string;
  applicationId: string;
  guildId: string;
  botToken: string;
  /** The user interactions come from unless a test names another. */
  testUserId: string;
  /** Resolves when a client has identified and got READY. */
  waitForReady(timeoutMs?: number): Promise<void>;
  /** Commands registered through PUT (global or guild), as received. */
  registeredCommands(scope: 'global' | 'guild'): Json[];
  /** Every REST request seen: method, path, auth header value, body. */
  requests(): { method: string; path: string; authorization?: string; body: Json }[];
  /** Dispatches a chat-input command as the given user would run it; attachment options are resolved from `attach`. */
  slashCommand(name: string, options?: PlayedOption[], user?: PlayedUser): PlayedInteraction;
  /**
   * A file a user attaches, served like Discord's CDN at the signed URL the interaction gives;
   * `held` keeps its download waiting until `release()`.
   */
  attach(filename: string, content: string | Uint8Array, options?: { contentType?: string; held?: boolean; guildId?: string }): FakeAttachment;
  /** Paths of every request the CDN saw, in order. */
  cdnRequests(): string[];
  /** Dispatches an autocomplete request; the last option is focused unless one says so. */
  autocomplete(name: string, options: { name: string; type: number; value: string | number; focused?: boolean }[], user?: PlayedUser): PlayedInteraction;
  /**
   * Dispatches a button click on `message` (default: a bot message holding that one button) by the
   * given user (default: the test user). A message the bot sent (`played.message()`) changes
   * where it is shown when the bot updates it, as in a channel everyone sees.
   */
  button(customId: string, message?: Json, user?: PlayedUser): PlayedInteraction;
  /** Number of gateway connections that identified (to test restarts). */
  identifyCount(): number;
  /** Stops REST and gateway and clears every timer; destroy the client first. */
  close(): Promise<void>;
}
