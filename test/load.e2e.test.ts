import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandsByName } from '../src/commands/index.js';
import type { DiscordReply } from '../src/render/discord-kit.js';
import { loadConfig } from '../src/app/config.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { createLogger } from '../src/app/log.js';
import { startLoggedInBot, type BotProcess } from './bot-process.js';
import { checkMessageLimits, startFakeDiscord, type FakeDiscord, type PlayedInteraction } from './fake-discord/index.js';

const STRING = 3;
const DEFERRED = 5;
const INTERACTIONS = 200;
const QUESTIONS = [
  'When did Russia lift its arms embargo on Pakistan?',
  'Who did Shoygu meet in Rawalpindi?',
  'Friendship 2018 exercise',
  'What did Gazprom pledge for the offshore gas pipeline?',
  'SCO summit',
  'How do I bake sourdough bread?',
];

let fake: FakeDiscord;
let bot: BotProcess;
let dir: string;

/** The answer each question must get: the same command run in-process on the same articles. */
async function expectedAnswers(): Promise<Map<string, DiscordReply>> {
  const ctx = await openAtStart(loadConfig({ DATABASE_PATH: ':memory:' }), { log: createLogger({ debug: false, quiet: true }) });
  try {
    const ask = commandsByName.get('ask')!;
    return new Map(QUESTIONS.map((question) => [question, ask.renderDiscord(ask.run(ctx, { question }))]));
  } finally {
    ctx.close();
  }
}

/** The value below which `share` of the sorted figures fall. */
function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

function describeLatencies(figures: number[]): string {
  const sorted = [...figures].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5)} ms, p95 ${percentile(sorted, 0.95)} ms, p99 ${percentile(sorted, 0.99)} ms, max ${sorted.at(-1)} ms`;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-load-'));
  // Discord's 3-second deadline is measured and printed, not enforced: on a machine busy with other
  // work the bot may be late for reasons of its own, and the suite must not fail for that.
  fake = await startFakeDiscord({ ackTimeoutMs: 60_000 });
  bot = await startLoggedInBot(fake, join(dir, 'library.db'));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`${INTERACTIONS} concurrent /ask interactions`, () => {
  it('are all acknowledged with a deferral and all get the right answer', async () => {
    const expected = await expectedAnswers();
    const started = performance.now();
    const played: { question: string; interaction: PlayedInteraction }[] = [];
    for (let i = 0; i < INTERACTIONS; i++) {
      const question = QUESTIONS[i % QUESTIONS.length]!;
      const user = { id: String(300000000000000000n + BigInt(i)), username: `student${i}` };
      played.push({ question, interaction: fake.slashCommand('ask', [{ name: 'question', type: STRING, value: question }], user) });
    }
    const acks = await Promise.all(played.map(({ interaction }) => interaction.acknowledged));
    const finals = await Promise.all(played.map(({ interaction }) => interaction.waitFor((r) => r.kind === 'edit', 240_000)));
    const wallMs = Math.round(performance.now() - started);

    for (const [i, { question, interaction }] of played.entries()) {
      expect(acks[i]!.type).toBe(DEFERRED);
      expect(interaction.errors()).toEqual([]);
      const shown = interaction.message();
      const want = expected.get(question)!.embeds[0]!;
      const got = shown.embeds[0];
      expect({ title: got.title, description: got.description, fields: got.fields, footer: got.footer.text }, question)
        .toEqual({ title: want.title, description: want.description, fields: want.fields, footer: want.footer!.text });
      expect(checkMessageLimits(shown)).toEqual([]);
    }
    const ackMs = acks.map((r) => r.at);
    const finalMs = finals.map((r) => r.at);
    console.log(
      `load: ${INTERACTIONS} concurrent /ask from ${INTERACTIONS} users, all answered in ${wallMs} ms\n` +
      `  acknowledged (deferred): ${describeLatencies(ackMs)}; ${ackMs.filter((ms) => ms > 3000).length} after Discord's 3-second deadline\n` +
      `  final answer (edited):   ${describeLatencies(finalMs)}`,
    );
  }, 300_000);
});
