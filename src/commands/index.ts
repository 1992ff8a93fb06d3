import { ask } from './ask.js';
import { library } from './library.js';
import { quoteCommand } from './quote.js';
import { source } from './source.js';
import { timeline } from './timeline.js';
import type { Command } from './types.js';

/** Every slash command, for the bot, the deploy script and the local prompt alike. */
export const commands: readonly Command[] = [ask, source, timeline, quoteCommand, library];

/** Commands by name, for dispatch. */
export const commandsByName: ReadonlyMap<string, Command> = new Map(commands.map((c) => [c.data.name, c]));

/** The JSON Discord registers for every command (what `npm run deploy` sends). */
export function commandDefinitions() {
  return commands.map((command) => command.data.toJSON());
}
