/**
 * /ask scored against known answering paragraphs, the same way for research-bot and for the FTS5
 * baseline: recall@1, recall@3, MRR@10, answer sentence and false refusals on answerable questions,
 * the share refused of unanswerable ones, and what went wrong with each failed question.
 */
import { askQuestion, type AskDeps } from '../src/core/search/ask.js';
import { QuestionError } from '../src/core/errors.js';
import type { AppContext } from '../src/app/context.js';
import { foldText } from '../src/core/language/text.js';
import type { BaselineParagraph, Fts5ParagraphBaseline } from './fts5-baseline.js';

/** Passages asked for: MRR is over the top 10. */
export const PASSAGES = 10;

/** A system's reply to a question, reduced to what is scored. */
export interface Reply {
  refused: boolean;
  /** research-bot only: the answer's level ("answer", "closest", "nothing"). */
  level?: string;
  passages: { sourceId: string; paragraph: number }[];
  answer?: { text: string; sourceId: string; paragraph: number; phrase?: { text: string } | null };
  /** research-bot only: /ask rejected the question (no words to search for), which counts as a refusal. */
  rejected?: string;
}

/** What a system did with one answerable question. */
export interface Outcome {
  id: string;
  /** Rank (1-10) of the first answering paragraph among the passages; 0 when none is. */
  rank: number;
  refused: boolean;
  sentenceOk: boolean;
  /** The answer sentence was taken from an answering paragraph. */
  answerFromKey: boolean;
  reply: Reply;
}

export type Failure = 'falsely refused' | 'wrong paragraph' | 'right paragraph, wrong sentence';
export const FAILURES: Failure[] = ['falsely refused', 'wrong paragraph', 'right paragraph, wrong sentence'];

/** Why an answerable question failed (its answer sentence is not right), or undefined when it did not. */
export function failureOf(o: Outcome): Failure | undefined {
  if (o.refused) return 'falsely refused';
  if (o.sentenceOk) return undefined;
  return o.answerFromKey ? 'right paragraph, wrong sentence' : 'wrong paragraph';
}

/** research-bot's /ask, as the bot calls it. */
export function askBot(deps: AskDeps, question: string): Reply {
  try {
    const result = askQuestion(deps, question, { limit: PASSAGES });
    return {
      refused: !result.answered,
      level: result.level,
      passages: result.passages,
      ...(result.answer ? { answer: result.answer } : {}),
    };
  } catch (error) {
    if (!(error instanceof QuestionError)) throw error;
    return { refused: true, passages: [], rejected: error.message };
  }
}

/** The FTS5 baseline: it refuses only when no paragraph matches a word. */
export function askFts5(baseline: Fts5ParagraphBaseline, question: string): Reply {
  const { passages, answer } = baseline.ask(question, PASSAGES);
  return { refused: passages.length === 0, passages: passages.map((p) => ({ sourceId: p.sourceId, paragraph: p.n })), ...(answer ? { answer } : {}) };
}

/** Scores a reply: `keys` are the answering paragraphs ("src n"), `sentenceOk` judges the answer text. */
export function score(id: string, reply: Reply, keys: Set<string>, sentenceOk: (text: string) => boolean): Outcome {
  const rank = reply.passages.slice(0, PASSAGES).findIndex((p) => keys.has(`${p.sourceId} ${p.paragraph}`)) + 1;
  const answer = reply.refused ? undefined : reply.answer;
  return {
    id, rank, refused: reply.refused, reply,
    sentenceOk: answer !== undefined && sentenceOk(answer.text),
    answerFromKey: answer !== undefined && keys.has(`${answer.sourceId} ${answer.paragraph}`),
  };
}

const share = (count: number, of: number) => (of > 0 ? Math.round((count / of) * 1000) / 1000 : NaN);

/** The figures of one system on one set. */
export function summarise(answerable: Outcome[], unanswerableRefused: boolean[]) {
  const n = answerable.length;
  const refused = answerable.filter((a) => a.refused).length;
  return {
    recallAt1: share(answerable.filter((a) => a.rank === 1).length, n),
    recallAt3: share(answerable.filter((a) => a.rank >= 1 && a.rank <= 3).length, n),
    mrr10: share(answerable.reduce((sum, a) => sum + (a.rank ? 1 / a.rank : 0), 0), n),
    answerSentence: share(answerable.filter((a) => a.sentenceOk).length, n),
    /** research-bot only: the same among the replies given as an answer (level "answer"), not as the closest. */
    ...(answerable.some((a) => a.reply.level) ? { sentenceWhenAnswer: share(answerable.filter((a) => a.reply.level === 'answer' && a.sentenceOk).length, answerable.filter((a) => a.reply.level === 'answer').length) } : {}),
    falseRefusals: `${refused} (${share(refused, n)})`,
    unanswerableRefused: share(unanswerableRefused.filter(Boolean).length, unanswerableRefused.length),
  };
}

/** research-bot's levels: how many replies were an answer, "closest passages" or "nothing on that". */
export function countLevels(replies: Reply[]): string {
  const count = (level: string) => replies.filter((r) => r.level === level).length;
  return `${count('answer')} / ${count('closest')} / ${count('nothing')}`;
}

/** Questions about topics the library lacks (bench/absent-topics.json): how many each system refused. */
export function runAbsentTopics(deps: AskDeps, baseline: Fts5ParagraphBaseline, questions: string[]) {
  const bot = questions.map((q) => askBot(deps, q));
  const fts5 = questions.map((q) => askFts5(baseline, q));
  return {
    questions: questions.length,
    refused: { bot: bot.filter((r) => r.refused).length, fts5: fts5.filter((r) => r.refused).length },
    levels: countLevels(bot),
    answered: questions.filter((_, i) => !bot[i]!.refused),
  };
}

/** How many answerable questions failed each way. */
export function countFailures(answerable: Outcome[]): Record<Failure, number> {
  const counts = Object.fromEntries(FAILURES.map((f) => [f, 0])) as Record<Failure, number>;
  for (const o of answerable) {
    const failure = failureOf(o);
    if (failure) counts[failure] += 1;
  }
  return counts;
}

/** Citations ("src n") that answer a question: each listed paragraph, plus earlier paragraphs it repeats. */
export function answerKeys(ctx: AppContext, answers: { sourceId: string; contains: string }[]): Set<string> {
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

/** Every paragraph of the library with text of its own (what the search index holds), for the baseline. */
export function libraryParagraphs(ctx: AppContext): BaselineParagraph[] {
  return ctx.sources.listSources().flatMap((source) => ctx.sources.getParagraphsOf(source.id)
    .filter((p) => p.body !== '')
    .map((p) => ({ id: p.id, sourceId: source.id, n: p.n, title: source.title, body: p.body })));
}
