/**
 * Cranfield through the bot's own pipeline (real ingester into a temporary library, the /ask
 * analysis and search) and, in the same run, through the plain FTS5 baseline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeQuestion } from '../src/core/search/ask.js';
import { loadConfig } from '../src/app/config.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { createLogger } from '../src/app/log.js';
import { loadCranfield, meanScores, scoreRanking } from './cranfield.js';
import { writeCranfieldArticles } from './cranfield-library.js';
import { Fts5Baseline, FTS5_SYSTEM } from './fts5-baseline.js';

/** Scores both systems on the collection in `dir`; `timeMs` is the total query time of each. */
export async function runCranfield(dir: string) {
  const collection = loadCranfield(dir);
  const articles = mkdtempSync(join(tmpdir(), 'research-bot-cranfield-'));
  try {
    writeCranfieldArticles(collection.docs, articles);
    const ctx = await openAtStart({ ...loadConfig({}), databasePath: ':memory:', articlesDir: articles }, { log: createLogger({ debug: false, quiet: true }) });
    let started = performance.now();
    const ours = collection.queries.map((q) => {
      const hits = ctx.search.search(analyzeQuestion(ctx.askDeps, q.text), {}, 100);
      return scoreRanking(hits.map((h) => Number(h.sourceId.slice('cran-'.length))), collection.gains.get(q.id)!);
    });
    const oursMs = performance.now() - started;
    ctx.close();
    const baseline = new Fts5Baseline(collection.docs);
    started = performance.now();
    const theirs = collection.queries.map((q) => scoreRanking(baseline.search(q.text, 100), collection.gains.get(q.id)!));
    const baselineMs = performance.now() - started;
    baseline.close();
    const research = meanScores(ours);
    const fts5 = meanScores(theirs);
    return {
      queries: collection.queries.length,
      rows: [
        { system: 'research-bot', ...research, queryMs: Math.round(oursMs) },
        { system: FTS5_SYSTEM, ...fts5, queryMs: Math.round(baselineMs) },
        { system: 'ratio', ndcg10: round(research.ndcg10 / fts5.ndcg10), map100: round(research.map100 / fts5.map100), recall100: round(research.recall100 / fts5.recall100), queryMs: round(oursMs / baselineMs) },
      ],
    };
  } finally {
    rmSync(articles, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
