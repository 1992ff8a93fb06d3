import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { commandsByName } from '../commands/index.js';
import type { Config } from '../app/config.js';
import { createContext, type AppContext } from '../app/context.js';
import { describeLibrarySize, openAtStart } from '../ingest/prepare.js';
import { handleInteraction, NO_MENTIONS } from './interactions.js';
import { PRESSES_PER_MINUTE, RateLimiter } from './rate-limit.js';
import { UserError } from '../core/errors.js';

/** The discord.js client options: only the Guilds intent, mentions off by default, a custom API base when set. */
export function clientOptions(config: Config): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    // Passing `rest: { api: undefined }` would replace discord.js's default base with undefined.
    ...(config.discord?.apiBase ? { rest: { api: config.discord.apiBase } } : {}),
  };
}

/**
 * Logs the bot in and answers interactions until SIGINT/SIGTERM, which close the client and the
 * database. Under the ShardingManager each shard opens the database as it is: the manager has
 * applied the migrations and read the articles folder before starting the shards.
 */
export async function startBot(config: Config): Promise<{ client: Client; ctx: AppContext }> {
  if (!config.discord) throw new UserError('DISCORD_TOKEN is not set.');
  const ctx = config.discord.isShard ? createContext(config) : await openAtStart(config);
  // Build the autocomplete index now rather than on the first keystroke a user types.
  ctx.sourceFinder();
  const client = new Client(clientOptions(config));
  const limited = config.rateLimitPerMinute > 0;
  const rateLimiter = limited ? new RateLimiter(config.rateLimitPerMinute) : undefined;
  const pressLimiter = limited ? new RateLimiter(PRESSES_PER_MINUTE) : undefined;
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(ctx, commandsByName, interaction, { rateLimiter, pressLimiter }));
  client.once(Events.ClientReady, (ready) => ctx.log.info(`Logged in as ${ready.user.tag}, answering from ${describeLibrarySize(ctx)}${config.discord!.isShard ? ' (a shard)' : ''}.`));
  client.on(Events.Error, (error) => ctx.log.error(`discord.js client error: ${error.message}`, error));
  client.on(Events.ShardDisconnect, (_event, shard) => ctx.log.warn(`shard ${shard} disconnected`));

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    ctx.log.info(`${signal}: closing the Discord client and the database.`);
    await client.destroy();
    ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await client.login(config.discord.token);
  } catch (error) {
    ctx.close();
    const code = (error as { code?: string }).code;
    if (code === 'TokenInvalid' || (error as { status?: number }).status === 401) throw new UserError('Discord refused DISCORD_TOKEN: reset the token in the Developer Portal and update .env.');
    throw new UserError(`Could not log in to Discord: ${(error as Error).message.replaceAll(config.discord.token, '[token]')}`);
  }
  return { client, ctx };
}
