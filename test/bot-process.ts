import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeDiscord } from './fake-discord/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A bot process started from the build output (`npm test` builds first), with what it logged. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code when the process ends by itself. */
  exited: Promise<number | null>;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** The environment that points the bot at the fake Discord and a library database. */
export function botEnv(fake: FakeDiscord, databasePath: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    DISCORD_TOKEN: fake.botToken,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_API_BASE: fake.apiBase,
    DATABASE_PATH: databasePath,
    ...extra,
  };
}

/** Runs a script of dist/src (e.g. `index.js`, `deploy.js`) with the given environment. */
export function startScript(script: string, env: NodeJS.ProcessEnv, args: string[] = []): BotProcess {
  const child = spawn(process.execPath, [`dist/src/${script}`, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Resolves when `check` holds, polling every 20 ms; rejects after `timeoutMs` with `what`. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Starts the bot (dist/src/index.js) against the fake and resolves once it has logged in anew. */
export async function startLoggedInBot(fake: FakeDiscord, databasePath: string, extra: Record<string, string> = {}): Promise<BotProcess> {
  const identified = fake.identifyCount();
  const bot = startScript('index.js', botEnv(fake, databasePath, extra));
  await waitUntil(() => fake.identifyCount() > identified, `the bot to log in (output: ${bot.output()})`, 20_000);
  await fake.waitForReady();
  return bot;
}
