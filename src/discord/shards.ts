#!/usr/bin/env node
import { ShardingManager } from 'discord.js';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../app/config.js';
import { openAtStart } from '../ingest/prepare.js';
import { UserError } from '../core/errors.js';
import { NODE_FLAGS } from '../app/node-flags.js';

/**
 * `npm run start:sharded`: prepares the library once (migrations, the articles folder), then runs one bot
 * process per shard under discord.js's ShardingManager. Each shard opens the same database; Discord
 * sends a server's interactions to one shard only, so a server's library is changed by that shard
 * alone, and every shard sees another's changes at its next command (PRAGMA data_version).
 * SHARD_COUNT sets the number of shards (default: Discord's recommendation).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.discord) throw new UserError('DISCORD_TOKEN is not set: sharding is only for the Discord bot.');
  (await openAtStart(config)).close();
  const manager = new ShardingManager(fileURLToPath(new URL('../index.js', import.meta.url)), {
    token: config.discord.token,
    totalShards: config.discord.shardCount ?? 'auto',
    respawn: true,
    execArgv: [...NODE_FLAGS],
  });
  manager.on('shardCreate', (shard) => process.stderr.write(`Started shard ${shard.id}.\n`));
  await manager.spawn();
}

main().catch((error: unknown) => {
  process.stderr.write((error instanceof UserError ? error.message : `Could not start the shards: ${(error as Error).message}`) + '\n');
  process.exitCode = 1;
});
