/**
 * Search quality on the hand-made question set (bench/questions.json), through the same
 * ingestion and /ask code the bot runs: recall@1, recall@3, MRR, answer-sentence accuracy,
 * refusals on questions the library cannot answer, and false refusals on those it can; then the
 * timeline against bench/timeline.json (bench/timeline-quality.ts); then its date resolution on the
 * annotated news articles of bench/timeline-news.json and the widest merged lines (bench/timeline-news.ts); then the
 * held-out student questions (bench/student-questions.json, then bench/more-student-questions.json)
 * against plain FTS5 on the same library;
 * then, with --squad, SQuAD 2.0 articles (bench/squad.ts) and the student questions about them
 * (bench/squad-student-questions.json) and, with --cranfield, the Cranfield
 * collection, each against plain FTS5.
 * Usage: npm run bench:quality [-- --verbose] [--generated <paragraphs>] [--squad <folder>] [--cranfield <folder>]
 * (--generated: the size of the generated library whose merged timeline is measured, 10,000 by default.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { askQuestion, type AskResult } from '../src/core/search/ask.js';
import { loadConfig } from '../src/app/config.js';
import type { AppContext } from '../src/app/context.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { createLogger } from '../src/app/log.js';
import { projectRoot } from '../src/store/paths.js';
import { answerKeys, type runAbsentTopics } from './ask-scores.js';
import { runCranfield } from './cranfield-run.js';
import { runSquad } from './squad.js';
import { SQUAD_STUDENT_FILE, type SquadStudentSet } from './squad-student.js';
import { runStudentSet, type StudentSet } from './student-set.js';
import { printNewsTimelineBench, type NewsArticle } from './timeline-news.js';
import { printTimelineBench } from './timeline-quality.js';

interface QuestionSet {
  questions: { id: string; question: string; answers: { sourceId: string; contains: string; sentence: string }[] }[];
  unanswerable: { id: string; question: string }[];
}

/** Scores every question once. */
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

function summarise(run: ReturnType<typeof runQualityBench>) {
  const n = run.answerable.length;
  const share = (count: number, of: number) => Math.round((count / of) * 1000) / 1000;
  return {
    recallAt1: share(run.answerable.filter((a) => a.rank === 1).length, n),
    recallAt3: share(run.answerable.filter((a) => a.rank >= 1 && a.rank <= 3).length, n),
    mrr: share(run.answerable.reduce((sum, a) => sum + (a.rank ? 1 / a.rank : 0), 0), n),
    answerSentence: share(run.answerable.filter((a) => a.sentenceOk).length, n),
    falseRefusals: share(run.answerable.filter((a) => a.result.level === 'nothing').length, n),
    answerableClosest: share(run.answerable.filter((a) => a.result.level === 'closest').length, n),
    correctRefusals: share(run.unanswerable.filter((u) => u.result.level === 'nothing').length, run.unanswerable.length),
    unanswerableClosest: share(run.unanswerable.filter((u) => u.result.level === 'closest').length, run.unanswerable.length),
  };
}

function describe(result: AskResult): string {
  return `${result.level} ${result.coverage.toFixed(2)} ${result.passages[0]?.citation ?? '-'}`;
}

/** The folder given after `option`, undefined when the option is absent. */
function optionValue(option: string, example: string): string | undefined {
  const at = process.argv.indexOf(option);
  if (at < 0) return undefined;
  const value = process.argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${option} needs the collection folder, e.g. ${example}`);
  return value;
}

/** The questions of bench/absent-topics.json about topics one library lacks ("shipped" or "squad"). */
function absentTopics(root: string, library: 'shipped' | 'squad'): string[] {
  const set = JSON.parse(readFileSync(join(root, 'bench/absent-topics.json'), 'utf8')) as { questions: { library: string; question: string }[] };
  return set.questions.filter((q) => q.library === library).map((q) => q.question);
}

function printAbsentTopics(run: ReturnType<typeof runAbsentTopics>, verbose: boolean): void {
  console.log(`Questions about absent topics (bench/absent-topics.json): research-bot refused ${run.refused.bot} of ${run.questions} (answer / closest / nothing: ${run.levels}), FTS5 ${run.refused.fts5}.`);
  if (verbose) for (const q of run.answered) console.log(`  not refused: ${q}`);
}

/** A held-out set of student questions (`file`, in bench/) against FTS5; the absent topics are asked with the first set only. */
function printStudentSet(ctx: AppContext, root: string, verbose: boolean, file = 'bench/student-questions.json'): void {
  const set = JSON.parse(readFileSync(join(root, file), 'utf8')) as StudentSet;
  const withAbsent = file === 'bench/student-questions.json';
  const run = runStudentSet(ctx, set, withAbsent ? absentTopics(root, 'shipped') : []);
  const kinds = Object.entries(run.unanswerable).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'no';
  console.log(`\nHeld-out student questions: ${run.answerable} answerable, ${kinds} unanswerable (${file})`);
  console.table(run.rows);
  console.table(run.failureCounts);
  for (const [failure, ids] of Object.entries(run.failed.research)) if (ids.length > 0) console.log(`research-bot, ${failure}: ${ids.join(', ')}`);
  console.log(`research-bot levels (answer / closest / nothing): answerable ${run.levels.answerable}, unanswerable ${run.levels.unanswerable}`);
  if (withAbsent) printAbsentTopics(run.absentTopics, verbose);
  if (verbose) {
    for (const { q, bot } of run.outcomes.answerable) {
      if (bot.sentenceOk && bot.rank === 1) continue;
      const top = bot.reply.passages[0];
      console.log(`${q.id} rank ${bot.rank || '-'} sentence ${bot.sentenceOk ? 'ok' : 'MISS'}${bot.refused ? ' REFUSED' : ''} top ${top ? `${top.sourceId} ¶${top.paragraph}` : '-'} | ${q.question} | ${bot.reply.answer?.text.slice(0, 100) ?? '-'}`);
    }
    for (const { q, kind, bot } of run.outcomes.unanswerable) console.log(`${q.id} ${kind} ${bot.refused ? 'refused' : 'ANSWERED'} | ${q.question} | ${bot.answer?.text.slice(0, 100) ?? '-'}`);
  }
}

async function printSquad(root: string, folder: string, verbose: boolean): Promise<void> {
  const studentSet = JSON.parse(readFileSync(join(root, SQUAD_STUDENT_FILE), 'utf8')) as SquadStudentSet;
  const run = await runSquad(folder, absentTopics(root, 'squad'), studentSet);
  console.log(`\nSQuAD 2.0 (${run.articles} articles, ${run.paragraphs} paragraphs, ${run.answerable} answerable and ${run.unanswerable} unanswerable questions; recall and MRR@10 of the question's paragraph):`);
  if (run.issues.length > 0) console.log(`Ingest differs from SQuAD: ${run.issues.join('; ')}`);
  else console.log('Ingest kept every SQuAD paragraph, in order, with its text.');
  if (run.rejected > 0) console.log(`${run.rejected} questions rejected by /ask (no words to search for), counted as refusals.`);
  console.table(run.rows);
  console.table(run.failures);
  console.log(`research-bot levels (answer / closest / nothing): answerable ${run.levels.answerable}, unanswerable ${run.levels.unanswerable}`);
  console.log(`research-bot answers with a bold phrase: ${run.phrases.withPhrase} of ${run.answerable}; the phrase is (part of) the gold answer in ${run.phrases.right}.`);
  printAbsentTopics(run.absentTopics, verbose);
  if (verbose) {
    for (const { q, bot } of run.outcomes.answerable) {
      if (bot.sentenceOk && bot.rank === 1) continue;
      const top = bot.reply.passages[0];
      console.log(`${q.id} rank ${bot.rank || '-'} sentence ${bot.sentenceOk ? 'ok' : 'MISS'}${bot.refused ? ' REFUSED' : ''} top ${top ? `${top.sourceId} ¶${top.paragraph}` : '-'} | ${q.question} | ${q.answers[0]?.text} | ${bot.reply.answer?.text.slice(0, 100) ?? '-'}`);
    }
  }
  if (run.student) printSquadStudentSet(run.student, verbose);
}

/** The student-worded questions about the SQuAD articles (bench/squad-student-questions.json) against FTS5. */
function printSquadStudentSet(run: NonNullable<Awaited<ReturnType<typeof runSquad>>['student']>, verbose: boolean): void {
  console.log(`\nHeld-out student questions about the SQuAD articles: ${run.answerable} answerable, ${run.absent} absent topics (${SQUAD_STUDENT_FILE}; unanswerableRefused is the absent topics refused)`);
  console.table(run.rows);
  console.table(run.failureCounts);
  for (const [failure, ids] of Object.entries(run.failed)) if (ids.length > 0) console.log(`research-bot, ${failure}: ${ids.join(', ')}`);
  if (run.absentNotRefused.length > 0) console.log(`research-bot, absent topic not refused: ${run.absentNotRefused.join(', ')}`);
  if (verbose) {
    for (const { q, bot } of run.outcomes) {
      if (bot.sentenceOk && bot.rank === 1) continue;
      const top = bot.reply.passages[0];
      console.log(`${q.id} rank ${bot.rank || '-'} sentence ${bot.sentenceOk ? 'ok' : 'MISS'}${bot.refused ? ' REFUSED' : ''} top ${top ? `${top.sourceId} ¶${top.paragraph}` : '-'} | ${q.question} | ${q.answers[0]?.answer} | ${bot.reply.answer?.text.slice(0, 100) ?? '-'}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = projectRoot();
  const config = { ...loadConfig(), databasePath: ':memory:', articlesDir: join(root, 'data/articles') };
  const ctx = await openAtStart(config, { log: createLogger({ debug: false, quiet: true }) });
  const set = JSON.parse(readFileSync(join(root, 'bench/questions.json'), 'utf8')) as QuestionSet;
  const run = runQualityBench(ctx, set);
  console.log(`Question set: ${run.answerable.length} answerable, ${run.unanswerable.length} unanswerable (bench/questions.json)`);
  console.table([summarise(run)]);
  if (process.argv.includes('--verbose')) {
    for (const a of run.answerable) if (a.rank !== 1 || !a.sentenceOk) console.log(`${a.q.id} rank ${a.rank || '-'} sentence ${a.sentenceOk ? 'ok' : 'MISS'} ${describe(a.result)} | ${a.q.question} | ${a.result.answer?.text.slice(0, 80)}`);
    for (const u of run.unanswerable) console.log(`${u.q.id} ${describe(u.result)} | ${u.q.question}`);
  }
  printTimelineBench(ctx, root, process.argv.includes('--verbose'));
  printStudentSet(ctx, root, process.argv.includes('--verbose'));
  printStudentSet(ctx, root, process.argv.includes('--verbose'), 'bench/more-student-questions.json');
  ctx.close();
  const news = JSON.parse(readFileSync(join(root, 'bench/timeline-news.json'), 'utf8')) as { articles: NewsArticle[] };
  const generated = process.argv.indexOf('--generated');
  const paragraphs = generated > 0 ? Number(process.argv[generated + 1]) : 10_000;
  if (!Number.isInteger(paragraphs) || paragraphs < 1) throw new Error('--generated needs a number of paragraphs, e.g. 10000');
  await printNewsTimelineBench(news.articles, process.argv.includes('--verbose'), paragraphs);
  const squadFolder = optionValue('--squad', '../shared/eval/squad');
  if (squadFolder) await printSquad(root, squadFolder, process.argv.includes('--verbose'));
  const at = process.argv.indexOf('--cranfield');
  if (at > 0) {
    const folder = process.argv[at + 1];
    if (!folder) throw new Error('--cranfield needs the collection folder, e.g. ../shared/eval/cranfield');
    const cranfield = await runCranfield(folder);
    console.log(`\nCranfield (${cranfield.queries} queries, nDCG@10 with gain 5 - grade, MAP@100, recall@100):`);
    console.table(cranfield.rows);
  }
}
