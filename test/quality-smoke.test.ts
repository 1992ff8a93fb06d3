import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runQualityBench } from '../bench/quality.js';
import { loadConfig } from '../src/app/config.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { createLogger } from '../src/app/log.js';

// The question set of `npm run bench:quality` as a regression test: a change to analysis, ranking or
// refusal that loses a question shows here. Improvements update the counts (and the README figures).
const ctx = await openAtStart(loadConfig({ DATABASE_PATH: ':memory:' }), { log: createLogger({ debug: false, quiet: true }) });
afterAll(() => ctx.close());
const set = JSON.parse(readFileSync(new URL('../bench/questions.json', import.meta.url), 'utf8'));
const run = runQualityBench(ctx, set);

describe('the hand-made question set (bench/questions.json)', () => {
  // Issue 14's second round traded one question first (55 → 54) for one more within three (61 → 62); see docs/DESIGN.md.
  it('answers 54 of 67 questions with an answering paragraph first and 62 within the first three', () => {
    expect(run.answerable).toHaveLength(67);
    expect(run.answerable.filter((a) => a.rank === 1)).toHaveLength(54);
    expect(run.answerable.filter((a) => a.rank >= 1 && a.rank <= 3)).toHaveLength(62);
  });

  it('picks the answering sentence for 49 of them', () => {
    expect(run.answerable.filter((a) => a.sentenceOk)).toHaveLength(49);
  });

  it('says "nothing on that" to 13 of the 18 questions the library cannot answer, and to 1 of the 67 it can', () => {
    expect(run.unanswerable.filter((u) => u.result.level === 'nothing')).toHaveLength(13);
    expect(run.answerable.filter((a) => a.result.level === 'nothing')).toHaveLength(1);
  });
});
