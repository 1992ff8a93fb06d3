/**
 * Search quality on the hand-made question set (bench/questions.json), through the same
 * ingestion and /ask code the bot runs: recall@1, recall@3, MRR, answer-sentence accuracy,
 * refusals on questions the library cannot answer, and false refusals on those it can; then the
 * timeline against bench/timeline.json (bench/timeline-quality.ts); then its date resolution on the
 * annotated news articles of bench/timeline-news.json and the widest merged lines (bench/timeline-news.ts); then, with --cranfield, the
 * Cranfield collection against plain FTS5.
 * Usage: npm run bench:quality [-- --sweep] [--verbose] [--generated <paragraphs>] [--cranfield <folder>]
 * (--generated: the size of the generated library whose merged timeline is measured, 10,000 by default.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { askQuestion, COVERAGE_THRESHOLD, type AskResult } from '../src/core/search/ask.js';
import { foldText } from '../src/core/language/text.js';
import { loadConfig } from '../src/app/config.js';
import type { AppContext } from '../src/app/context.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { createLogger } from '../src/app/log.js';
import { projectRoot } from '../src/store/paths.js';
import { runCranfield } from './cranfield-run.js';
import { printNewsTimelineBench, type NewsArticle } from './timeline-news.js';
import { printTimelineBench } from './timeline-quality.js';

interface QuestionSet {
  questions: { id: string; question: string; answers: { sourceId: string; contains: string; sentence: string }[] }[];
  unanswerable: { id: string; question: string }[];
}

/** Citations ("src ¶n") that answer a question: each listed paragraph, plus earlier paragraphs it repeats. */
function answerKeys(ctx: AppContext, answers: QuestionSet['questions'][number]['answers']): Set<string> {
  const keys = new Set<string>();
  for (const answer of answers) {
    const paragraphs = ctx.sources.getParagraphsOf(answer.sourceId);
    const target = paragraphs.find((p) => p.text.includes(answer.contains));
    if (!target) throw new Error(`bench: "${answer.contains}" is in no paragraph of ${answer.sourceId}`);
    keys.add(`${answer.sourceId} ${target.n}`);
    for (const p of paragraphs) if (p.n < target.n && foldText(target.text).includes(foldText(p.text))) keys.add(`${answer.sourceId} ${p.n}`);
  }
  return keys;
}

/** Scores every question once; refusal figures are recomputed for other thresholds from `coverage`. */
export function runQualityBench(ctx: AppContext, set: QuestionSet) {
  const answerable = set.questions.map((q) => {
    const keys = answerKeys(ctx, q.answers);
    const result = askQuestion(ctx.askDeps, q.question, { limit: 10 });
    const rank = result.passages.findIndex((p) => keys.has(`${p.sourceId} ${p.paragraph}`)) + 1;
    const sentenceOk = result.answer !== null && q.answers.some((a) => result.answer!.text.includes(a.sentence));
    return { q, result, rank, sentenceOk };
  });
  const unanswerable = set.unanswerable.map((q) => ({ q, result: askQuestion(ctx.askDeps, q.question, { limit: 3 }) }));
  return { answerable, unanswerable };
}

function summarise(run: ReturnType<typeof runQualityBench>, threshold: number) {
  const n = run.answerable.length;
  const share = (count: number, of: number) => Math.round((count / of) * 1000) / 1000;
  return {
    threshold,
    recallAt1: share(run.answerable.filter((a) => a.rank === 1).length, n),
    recallAt3: share(run.answerable.filter((a) => a.rank >= 1 && a.rank <= 3).length, n),
    mrr: share(run.answerable.reduce((sum, a) => sum + (a.rank ? 1 / a.rank : 0), 0), n),
    answerSentence: share(run.answerable.filter((a) => a.sentenceOk).length, n),
    falseRefusals: share(run.answerable.filter((a) => a.result.coverage < threshold).length, n),
    correctRefusals: share(run.unanswerable.filter((u) => u.result.coverage < threshold).length, run.unanswerable.length),
  };
}

function describe(result: AskResult): string {
  return `${result.coverage.toFixed(2)} ${result.passages[0]?.citation ?? '-'}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = projectRoot();
  const config = { ...loadConfig(), databasePath: ':memory:', articlesDir: join(root, 'data/articles') };
  const ctx = openAtStart(config, { log: createLogger({ debug: false, quiet: true }) });
  const set = JSON.parse(readFileSync(join(root, 'bench/questions.json'), 'utf8')) as QuestionSet;
  const run = runQualityBench(ctx, set);
  console.log(`Question set: ${run.answerable.length} answerable, ${run.unanswerable.length} unanswerable (bench/questions.json)`);
  console.table([summarise(run, COVERAGE_THRESHOLD)]);
  if (process.argv.includes('--sweep')) {
    console.table([0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7].map((t) => summarise(run, t)));
  }
  if (process.argv.includes('--verbose')) {
    for (const a of run.answerable) if (a.rank !== 1 || !a.sentenceOk) console.log(`${a.q.id} rank ${a.rank || '-'} sentence ${a.sentenceOk ? 'ok' : 'MISS'} ${describe(a.result)} | ${a.q.question} | ${a.result.answer?.text.slice(0, 80)}`);
    for (const u of run.unanswerable) console.log(`${u.q.id} ${describe(u.result)} | ${u.q.question}`);
  }
  printTimelineBench(ctx, root, process.argv.includes('--verbose'));
  ctx.close();
  const news = JSON.parse(readFileSync(join(root, 'bench/timeline-news.json'), 'utf8')) as { articles: NewsArticle[] };
  const generated = process.argv.indexOf('--generated');
  const paragraphs = generated > 0 ? Number(process.argv[generated + 1]) : 10_000;
  if (!Number.isInteger(paragraphs) || paragraphs < 1) throw new Error('--generated needs a number of paragraphs, e.g. 10000');
  printNewsTimelineBench(news.articles, process.argv.includes('--verbose'), paragraphs);
  const at = process.argv.indexOf('--cranfield');
  if (at > 0) {
    const folder = process.argv[at + 1];
    if (!folder) throw new Error('--cranfield needs the collection folder, e.g. ../shared/eval/cranfield');
    const cranfield = runCranfield(folder);
    console.log(`\nCranfield (${cranfield.queries} queries, nDCG@10 with gain 5 - grade, MAP@100, recall@100):`);
    console.table(cranfield.rows);
  }
}
