/**
 * The held-out student-worded questions (bench/student-questions.json, issue 14) on the shipped
 * library, for research-bot and, in the same run, the FTS5 baseline over the same paragraphs. An
 * answer sentence is right when the answer text includes the `sentence` of one of the answers.
 */
import type { AppContext } from '../src/app/context.js';
import { answerKeys, askBot, askFts5, countFailures, countLevels, failureOf, FAILURES, libraryParagraphs, runAbsentTopics, score, summarise, type Reply } from './ask-scores.js';
import { FTS5_SYSTEM, Fts5ParagraphBaseline } from './fts5-baseline.js';

export const UNANSWERABLE_KINDS = ['absent-topic', 'unstated-fact'] as const;
type Kind = (typeof UNANSWERABLE_KINDS)[number];

export interface StudentSet {
  questions: {
    id: string;
    question: string;
    answers: { sourceId: string; contains: string; sentence: string; answer: string }[];
    kind?: Kind;
  }[];
}

/** Scores both systems on every question of the set, and asks both the `absent` questions (topics the library lacks). */
export function runStudentSet(ctx: AppContext, set: StudentSet, absent: string[] = []) {
  const baseline = new Fts5ParagraphBaseline(libraryParagraphs(ctx));
  const answerable = set.questions.filter((q) => q.answers.length > 0).map((q) => {
    const keys = answerKeys(ctx, q.answers);
    const sentenceOk = (text: string) => q.answers.some((a) => text.includes(a.sentence));
    return { q, bot: score(q.id, askBot(ctx.askDeps, q.question), keys, sentenceOk), fts5: score(q.id, askFts5(baseline, q.question), keys, sentenceOk) };
  });
  const unanswerable = set.questions.filter((q) => q.answers.length === 0).map((q) => {
    if (!q.kind || !UNANSWERABLE_KINDS.includes(q.kind)) throw new Error(`bench: unanswerable question ${q.id} has no kind (${UNANSWERABLE_KINDS.join(' or ')})`);
    return { q, kind: q.kind, bot: askBot(ctx.askDeps, q.question), fts5: askFts5(baseline, q.question) };
  });
  const absentTopics = runAbsentTopics(ctx.askDeps, baseline, absent);
  baseline.close();
  const refusedShare = (replies: Reply[]) => Math.round((replies.filter((r) => r.refused).length / replies.length) * 1000) / 1000;
  const row = (system: 'bot' | 'fts5') => ({
    ...summarise(answerable.map((x) => x[system]), unanswerable.map((x) => x[system].refused)),
    ...Object.fromEntries(UNANSWERABLE_KINDS.map((kind) => [`${kind}Refused`, refusedShare(unanswerable.filter((x) => x.kind === kind).map((x) => x[system]))])),
  });
  const ours = row('bot');
  const theirs = row('fts5');
  // The failed questions of each system, by what went wrong.
  const failed = (system: 'bot' | 'fts5') => ({
    ...Object.fromEntries(FAILURES.map((f) => [f, answerable.filter((x) => failureOf(x[system]) === f).map((x) => x.q.id)])),
    'unanswerable not refused': unanswerable.filter((x) => !x[system].refused).map((x) => `${x.q.id} (${x.kind})`),
  }) as Record<string, string[]>;
  return {
    answerable: answerable.length,
    unanswerable: Object.fromEntries(UNANSWERABLE_KINDS.map((kind) => [kind, unanswerable.filter((x) => x.kind === kind).length])),
    rows: [
      { system: 'research-bot', ...ours },
      { system: FTS5_SYSTEM, ...theirs },
      { system: 'ratio (recall@1)', recallAt1: Math.round((ours.recallAt1 / theirs.recallAt1) * 1000) / 1000 },
    ],
    failureCounts: [
      { system: 'research-bot', ...countFailures(answerable.map((x) => x.bot)), 'unanswerable not refused': unanswerable.filter((x) => !x.bot.refused).length },
      { system: FTS5_SYSTEM, ...countFailures(answerable.map((x) => x.fts5)), 'unanswerable not refused': unanswerable.filter((x) => !x.fts5.refused).length },
    ],
    failed: { research: failed('bot'), fts5: failed('fts5') },
    /** research-bot's answers by level (answer / closest / nothing), answerable and unanswerable. */
    levels: { answerable: countLevels(answerable.map((x) => x.bot.reply)), unanswerable: countLevels(unanswerable.map((x) => x.bot)) },
    absentTopics,
    outcomes: { answerable, unanswerable },
  };
}
