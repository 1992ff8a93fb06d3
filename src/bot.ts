import type { Config } from './config.js';
import { UserError } from './errors.js';

/** Starts the Discord bot (next issue: the adapter is not built yet). */
export async function startBot(_config: Config): Promise<void> {
  throw new UserError('The Discord bot is not built yet; unset DISCORD_TOKEN to use the local prompt.');
}
