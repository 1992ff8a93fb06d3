import { QuestionError } from '../errors.js';
import { formatCitation } from '../citation.js';
import { analyzeQuery, conceptMatched, type QueryConcept, type SynonymTable } from './query.js';
import type { Retrieval, SearchFilter } from './rank.js';
import { extractTerms } from '../language/terms.js';
import { foldText, quoteInput, splitSentences, stripControlCharacters } from '../language/text.js';
import type { SourceMeta, StoredParagraph } from '../types.js';

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 2000;
/** Passages returned when the caller does not say. */
export const DEFAULT_PASSAGES = 3;
export const MAX_PASSAGES = 10;
/** Passages whose sentences compete to be the answer. */
const ANSWER_CANDIDATES = 3;
/**
 * The top passage must match at least this share of the question's weight (terms weighted by
 * inverse document frequency) for the library to count as covering it. Chosen from
 * bench/questions.json (see docs/DESIGN.md, "Refusing").
 */
export const COVERAGE_THRESHOLD = 0.45;

/** What answering needs: paragraph retrieval, the stored paragraphs and sources, the synonyms table. */
export interface AskDeps {
  retrieval: Retrieval;
  synonyms: SynonymTable;
  getParagraphs(ids: number[]): StoredParagraph[];
  getSource(id: string): SourceMeta | undefined;
}

export interface AskOptions extends SearchFilter {
  limit?: number;
}

/** A passage as shown to the user: one paragraph with its citation. */
export interface Passage {
  sourceId: string;
  paragraph: number;
  citation: string;
  text: string;
  score: number;
  source: SourceMeta;
}

/** The answer to /ask, the same for Discord, the terminal and `--json`. */
export interface AskResult {
  query: string;
  answered: boolean;
  answer: { text: string; citation: string; sourceId: string; paragraph: number } | null;
  /** Share (0-1) of the question's weight the top passage matches; `answered` needs COVERAGE_THRESHOLD. */
  coverage: number;
  passages: Passage[];
  tookMs: number;
}

/**
 * Answers a question from the library: the best passages, each cited, and the sentence that best
 * answers it, or `answered: false` when nothing in the library covers the question.
 * @throws QuestionError for an empty, over-long or word-less question, or an unknown source
 */
export function askQuestion(deps: AskDeps, question: string, options: AskOptions = {}): AskResult {
  const started = performance.now();
  const query = stripControlCharacters(question).trim();
  const concepts = validate(deps, query, options);
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? DEFAULT_PASSAGES)), MAX_PASSAGES);
  const hits = deps.retrieval.search(concepts, options, limit * 3 + 5);
  const paragraphs = new Map(deps.getParagraphs(hits.map((h) => h.id)).map((p) => [p.id, p]));
  const shown = new Set<string>();
  const passages: Passage[] = [];
  for (const hit of hits) {
    const paragraph = paragraphs.get(hit.id);
    const source = deps.getSource(hit.sourceId);
    if (!paragraph || !source) continue;
    const key = foldText(paragraph.body);
    if ([...shown].some((seen) => seen.includes(key))) continue;
    shown.add(key);
    passages.push({
      sourceId: hit.sourceId,
      paragraph: paragraph.n,
      citation: formatCitation(hit.sourceId, paragraph.n),
      text: paragraph.body,
      score: Math.round(hit.score * 100) / 100,
      source,
    });
    if (passages.length === limit) break;
  }
  const top = passages[0];
  const coverage = Math.round((hits[0]?.coverage ?? 0) * 1000) / 1000;
  const answered = top !== undefined && coverage >= COVERAGE_THRESHOLD;
  const answer = answered ? pickAnswer(deps.retrieval, concepts, query, passages) : null;
  return { query, answered, answer, coverage, passages, tookMs: Math.round((performance.now() - started) * 100) / 100 };
}

function validate(deps: AskDeps, query: string, options: AskOptions): QueryConcept[] {
  if (!query) throw new QuestionError('The question is empty: type what you want to know.');
  if (query.length > MAX_QUESTION_LENGTH) {
    throw new QuestionError(`The question is ${query.length} characters long; keep it under ${MAX_QUESTION_LENGTH}.`);
  }
  if (options.sourceId !== undefined && !deps.getSource(options.sourceId)) {
    throw new QuestionError(`There is no source ${quoteInput(options.sourceId)} in the library.`);
  }
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    throw new QuestionError(`"from" (${options.from}) is after "to" (${options.to}).`);
  }
  const concepts = analyzeQuestion(deps, query);
  if (concepts.length === 0) {
    throw new QuestionError('The question has no words to search for (only common words like "what" or "is"): name what you want to know about.');
  }
  return concepts;
}

/** The question as search concepts: synonyms expanded, stop words out, typos corrected. */
export function analyzeQuestion(deps: Pick<AskDeps, 'retrieval' | 'synonyms'>, question: string): QueryConcept[] {
  return correctTypos(analyzeQuery(question, deps.synonyms), deps.retrieval);
}

/**
 * Replaces words the library does not contain by the known word they most likely misspell
 * ("Shoygu" → Shoigu, "Putn" → Putin); words with no close match stay as they are.
 */
export function correctTypos(concepts: QueryConcept[], retrieval: Retrieval): QueryConcept[] {
  return concepts.map((concept) => {
    const [term] = concept.terms;
    if (concept.terms.length !== 1 || term === undefined || retrieval.knows(term)) return concept;
    const corrected = retrieval.correct(term);
    return corrected ? { label: concept.label, terms: [corrected], variants: [[corrected]] } : concept;
  });
}

const ASKS_WHEN = /^\s*(?:when|what (?:year|date|month|day)|in which year|since when|how long ago)\b/i;
const ASKS_AMOUNT = /^\s*how (?:much|many|big|large)\b/i;
const HAS_DATE = /\b(?:1[5-9]\d\d|20\d\d)s?\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const HAS_NUMBER = /\d/;

/**
 * Picks the sentence that best answers the question among the leading passages: the one matching
 * most of the question's weight (a bonus for a date when it asks "when", a number when it asks
 * "how many"), weighted by how well its passage ranked.
 */
export function pickAnswer(retrieval: Retrieval, concepts: QueryConcept[], question: string, passages: Passage[]): NonNullable<AskResult['answer']> {
  const top = passages[0]!;
  let best = { text: top.text, passage: top, score: -1 };
  for (const passage of passages.slice(0, ANSWER_CANDIDATES)) {
    const rankWeight = Math.sqrt(passage.score / top.score);
    const sentences = splitSentences(passage.text);
    sentences.forEach((sentence, i) => {
      // "It was during that year that ..." answers "when" only with the sentence before it, which
      // then counts as the date the question asks for.
      const previous = sentences[i - 1];
      const needsPrevious = ASKS_WHEN.test(question) && !HAS_DATE.test(sentence) && previous !== undefined && HAS_DATE.test(previous);
      const score = scoreSentence(retrieval, concepts, question, sentence, needsPrevious) * rankWeight;
      if (score > best.score) best = { text: needsPrevious ? `${previous} ${sentence}` : sentence, passage, score };
    });
  }
  const { passage } = best;
  return { text: best.text, citation: passage.citation, sourceId: passage.sourceId, paragraph: passage.paragraph };
}

function scoreSentence(retrieval: Retrieval, concepts: QueryConcept[], question: string, sentence: string, datedByPrevious: boolean): number {
  const terms = new Set(extractTerms(sentence));
  let score = concepts
    .filter((c) => conceptMatched(c, (t) => terms.has(t)))
    .reduce((sum, c) => sum + Math.max(...c.terms.map((t) => retrieval.idf(t))), 0);
  if (ASKS_WHEN.test(question) && (datedByPrevious || HAS_DATE.test(sentence))) score *= 1.5;
  if (ASKS_AMOUNT.test(question) && HAS_NUMBER.test(sentence)) score *= 1.5;
  return score;
}
