import { ask } from './ask.js';
import { source } from './source.js';
import { timeline } from './timeline.js';
import type { Command } from './types.js';

/** Every slash command, for the bot, the deploy script and the local prompt alike. */
export const commands: readonly Command[] = [ask, source, timeline];

/** Commands by name, for dispatch. */
export const commandsByName: ReadonlyMap<string, Command> = new Map(commands.map((c) => [c.data.name, c]));
