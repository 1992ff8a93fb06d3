#!/usr/bin/env node
import { loadConfig } from './config.js';
import { openAtStart } from './prepare.js';
import { UserError } from './errors.js';
import { runLocalPrompt } from './local.js';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local prompt. */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.discord) {
    const { startBot } = await import('./bot.js');
    await startBot(config);
    return;
  }
  const ctx = openAtStart(config);
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
