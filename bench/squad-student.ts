/**
 * The held-out student-worded questions about the SQuAD articles' text
 * (bench/squad-student-questions.json, issue 14's third round), on the SQuAD library that
 * bench/squad.ts builds, for research-bot and the FTS5 baseline in the same run. A question names
 * its answering paragraph by article and paragraph index (0-based, as in SQuAD's file); an answer
 * sentence is right when it contains the question's `answer`, both accent- and case-folded.
 */
import type { AskDeps } from '../src/core/search/ask.js';
import { foldText } from '../src/core/language/text.js';
import { askBot, askFts5, countFailures, failureOf, FAILURES, score, summarise } from './ask-scores.js';
import { FTS5_SYSTEM, type Fts5ParagraphBaseline } from './fts5-baseline.js';

export const SQUAD_STUDENT_FILE = 'bench/squad-student-questions.json';

export interface SquadStudentSet {
  questions: { id: string; question: string; answers: { article: number; paragraph: number; answer: string }[]; kind?: 'absent-topic' }[];
}

/**
 * Scores both systems on the set. `keysOf` maps "article paragraph" (0-based) to the library
 * paragraphs ("src n") that hold it, as bench/squad.ts maps SQuAD's own questions.
 */
export function runSquadStudentSet(deps: AskDeps, baseline: Fts5ParagraphBaseline, keysOf: Map<string, Set<string>>, set: SquadStudentSet) {
  const answerable = set.questions.filter((q) => q.answers.length > 0).map((q) => {
    const keys = new Set<string>();
    for (const a of q.answers) {
      const held = keysOf.get(`${a.article} ${a.paragraph}`);
      if (!held) throw new Error(`bench: ${q.id} names article ${a.article} paragraph ${a.paragraph}, which SQuAD's file does not have`);
      for (const key of held) keys.add(key);
    }
    const wanted = q.answers.map((a) => foldText(a.answer));
    const sentenceOk = (text: string) => wanted.some((w) => foldText(text).includes(w));
    return { q, bot: score(q.id, askBot(deps, q.question), keys, sentenceOk), fts5: score(q.id, askFts5(baseline, q.question), keys, sentenceOk) };
  });
  const absent = set.questions.filter((q) => q.answers.length === 0).map((q) => {
    if (q.kind !== 'absent-topic') throw new Error(`bench: ${q.id} has no answers and is not an absent topic`);
    return { q, bot: askBot(deps, q.question), fts5: askFts5(baseline, q.question) };
  });
  const row = (system: 'bot' | 'fts5') => summarise(answerable.map((x) => x[system]), absent.map((x) => x[system].refused));
  const ours = row('bot');
  const theirs = row('fts5');
  return {
    answerable: answerable.length,
    absent: absent.length,
    rows: [
      { system: 'research-bot', ...ours },
      { system: FTS5_SYSTEM, ...theirs },
      { system: 'ratio (recall@1)', recallAt1: Math.round((ours.recallAt1 / theirs.recallAt1) * 1000) / 1000 },
    ],
    failureCounts: [
      { system: 'research-bot', ...countFailures(answerable.map((x) => x.bot)) },
      { system: FTS5_SYSTEM, ...countFailures(answerable.map((x) => x.fts5)) },
    ],
    failed: Object.fromEntries(FAILURES.map((f) => [f, answerable.filter((x) => failureOf(x.bot) === f).map((x) => x.q.id)])) as Record<string, string[]>,
    absentNotRefused: absent.filter((x) => !x.bot.refused).map((x) => x.q.id),
    outcomes: answerable,
  };
}
