/**
 * One process of the speed benchmark: opens an existing library the way the bot does and answers
 * the workload through the bot's own code (the /ask command's run and Discord rendering,
 * autocomplete), then prints one JSON line: latencies, peak RSS, and the same queries through plain
 * FTS5 over the same paragraphs (BASELINE_PATH). Usage: node dist/bench/perf-worker.js <queries> [--no-baseline]
 */
import Database from 'better-sqlite3';
import { ask } from '../src/commands/ask.js';
import { suggestSources } from '../src/commands/source-option.js';
import { timeline } from '../src/commands/timeline.js';
import { loadConfig } from '../src/app/config.js';
import { createContext } from '../src/app/context.js';
import { createLogger } from '../src/app/log.js';
import { toFtsQuery } from './fts5-baseline.js';
import { generateQueries, PEOPLE } from './generate.js';

const started = performance.now();

/** p50, p95, p99 and max of a list of milliseconds. */
export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function main(): void {
  const count = Number(process.argv[2] ?? 500);
  const config = loadConfig();
  const ctx = createContext(config, { log: createLogger({ debug: false, quiet: true }), readonly: process.argv.includes('--readonly') });
  const queries = generateQueries(count);
  let firstAnswerMs = 0;
  const askMs = queries.map((q, i) => {
    const ms = time(() => {
      const reply = ask.run(ctx, { question: q.question, from: q.filter.from, to: q.filter.to });
      ask.renderDiscord(reply);
    });
    if (i === 0) firstAnswerMs = performance.now() - started;
    return ms;
  });
  // /timeline topic: the topic words of the same workload (names, topics, acronyms).
  const timelineMs = queries.map((q) => time(() => {
    try {
      timeline.renderDiscord(timeline.run(ctx, { topic: q.question.replace(/\?$/, '').split(' ').slice(-3).join(' ') }));
    } catch (error) {
      if ((error as Error).name !== 'QuestionError') throw error;
    }
  }));
  const typed = queries.map((_, i) => PEOPLE[i % PEOPLE.length]!.split(' ').pop()!.slice(0, 1 + (i % 5)));
  const autocompleteMs = typed.map((t) => time(() => suggestSources(ctx, t)));
  // Peak memory of the bot's own work, read before the baseline opens its own copy of the library.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  let baselineMs: number[] = [];
  if (!process.argv.includes('--no-baseline')) {
    // The same questions through SQLite alone: an FTS5 porter table over the same paragraphs.
    const db = new Database(process.env.BASELINE_PATH ?? '', { readonly: true });
    const search = db.prepare('SELECT rowid FROM baseline WHERE baseline MATCH ? ORDER BY rank LIMIT 10').pluck();
    baselineMs = queries.map((q) => time(() => {
      const match = toFtsQuery(q.question);
      if (match) search.all(match);
    }));
    db.close();
  }
  ctx.close();
  process.stdout.write(JSON.stringify({
    firstAnswerMs: Math.round(firstAnswerMs),
    ask: percentiles(askMs),
    autocomplete: percentiles(autocompleteMs),
    timeline: percentiles(timelineMs),
    baseline: baselineMs.length ? percentiles(baselineMs) : undefined,
    peakRssMb,
  }) + '\n');
}

main();
