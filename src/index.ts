#!/usr/bin/env node
import { loadConfig } from './app/config.js';
import { describeLibrarySize, openAtStart } from './ingest/prepare.js';
import { UserError } from './core/errors.js';
import { runLocalPrompt } from './cli/prompt.js';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local prompt. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.discord) {
    const { startBot } = await import('./discord/bot.js');
    await startBot(config);
    return;
  }
  const ctx = await openAtStart(config);
  ctx.log.info(`Local prompt (no DISCORD_TOKEN set): answering from ${describeLibrarySize(ctx)}.`);
  try {
    await runLocalPrompt(ctx);
  } finally {
    ctx.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(error instanceof UserError ? `${error.message}\n` : `Unexpected failure: ${(error as Error).stack ?? error}\n`);
  process.exitCode = 1;
});
