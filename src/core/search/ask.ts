import { QuestionError } from '../errors.js';
import { formatCitation } from '../citation.js';
import { addRelatedTerms, analyzeQuery, type QueryConcept, type SynonymTable, type Thesaurus } from './query.js';
import type { Retrieval, SearchFilter } from './rank.js';
import { foldText, quoteInput, stripControlCharacters, stripMarkup } from '../language/text.js';
import { chooseSentence, shapeQuestion, type QuestionShape, type SentenceChoice } from './answer.js';
import type { SourceMeta, StoredParagraph } from '../types.js';

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 2000;
/** Passages returned when the caller does not say. */
export const DEFAULT_PASSAGES = 3;
export const MAX_PASSAGES = 10;
/** Passages whose sentences compete to be the answer. */
const ANSWER_CANDIDATES = 3;
/** Leading hits re-ranked by their best sentence (the same whatever the number of passages asked for). */
const RERANKED = 10;
/**
 * A re-ranked paragraph's score is multiplied by (1 + its best sentence's score) to this power, so
 * the sentence that says the question decides the order more than the paragraph's BM25, which grows
 * with repeated words: SQuAD recall@1 0.835 with the power 1, 0.846 with 6, which also raised both
 * student sets' recall@3 (docs/DESIGN.md, issue 14's experiments).
 */
const SENTENCE_POWER = 6;
/**
 * ... and by (1 + PAIR_WEIGHT × the share of the question's neighbouring words it writes side by side
 * too): "Battle of Hastings", "Turing machine" name one thing, which the same words scattered do not
 * (SQuAD recall@1 0.846 → 0.858 with 0.5; docs/DESIGN.md, issue 14's experiments).
 */
const PAIR_WEIGHT = 0.5;
/**
 * The levels of an answer, decided by what the library lacks (see docs/DESIGN.md, "Refusing"), calibrated on
 * SQuAD's answerable and unanswerable questions and on bench/absent-topics.json:
 * - "nothing": words the library never uses carry `missingShare` of the question's weight or more (an
 *   everyday word, see Thesaurus.everyday, at `everydayMissing` of its weight), or the top passage says
 *   less than `nothingCoverage` of it;
 * - "closest": the top passage says less than `answerCoverage` of the question, or no sentence of it
 *   holds the kind of answer asked (a date for "when", a number for "how many", a name for "who");
 * - "answer" otherwise.
 */
export const REFUSAL = { missingShare: 0.4, nothingCoverage: 0.2, answerCoverage: 0.45, everydayMissing: 0.5 };

/** What answering needs: paragraph retrieval, the stored paragraphs and sources, the synonyms table and a thesaurus. */
export interface AskDeps {
  retrieval: Retrieval;
  synonyms: SynonymTable;
  /** Words of the same meaning beyond the synonyms table (WordNet); none when absent. */
  thesaurus?: Thesaurus;
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
  /** The page the paragraph starts on (PDF); null for sources without pages. */
  page: number | null;
  text: string;
  score: number;
  /** Share (0-1) of the question's weight this passage matches, as `AskResult.coverage` for the top one. */
  coverage: number;
  source: SourceMeta;
}

export type AnswerLevel = 'answer' | 'closest' | 'nothing';

/** The answer to /ask, the same for Discord, the terminal and `--json`. */
export interface AskResult {
  query: string;
  /** False for "nothing on that" (level "nothing"); true with an answer, even a hedged one. */
  answered: boolean;
  /**
   * "answer"; "closest" (the closest passages: the library may not answer this directly); "nothing"
   * (the library has nothing on that).
   */
  level: AnswerLevel;
  /** The sentence that best answers, and in it the phrase of the kind asked (a date, a number, a name); null when not answered. */
  answer: { text: string; citation: string; sourceId: string; paragraph: number; page: number | null; phrase: { text: string; start: number } | null } | null;
  /** Share (0-1) of the question's weight the top passage matches. */
  coverage: number;
  /** The question's words the library never uses (none of their forms or synonyms), which decide a "nothing". */
  missing: string[];
  passages: Passage[];
  tookMs: number;
}

/**
 * Answers a question from the library: the best passages, each cited, the sentence that best answers
 * it with the phrase of the kind asked, and the answer's level ("nothing": `answered: false`).
 * @throws QuestionError for an empty, over-long or word-less question, or an unknown source
 */
export function askQuestion(deps: AskDeps, question: string, options: AskOptions = {}): AskResult {
  const started = performance.now();
  const query = stripControlCharacters(question).trim();
  // Searched for its words: mentions, emoji and markdown would be words the library lacks.
  const words = stripMarkup(query);
  const concepts = validate(deps, words, options);
  const limit = Math.min(Math.max(1, Math.trunc(options.limit ?? DEFAULT_PASSAGES)), MAX_PASSAGES);
  const hits = deps.retrieval.search(concepts, options, Math.max(limit * 3 + 5, RERANKED));
  const paragraphs = new Map(deps.getParagraphs(hits.map((h) => h.id)).map((p) => [p.id, p]));
  const shape = shapeQuestion(deps.retrieval, concepts, words, deps.thesaurus);
  const shown = new Set<string>();
  const found: { passage: Passage; coverage: number; sentence?: SentenceChoice }[] = [];
  for (const hit of hits) {
    const paragraph = paragraphs.get(hit.id);
    const source = deps.getSource(hit.sourceId);
    if (!paragraph || !source) continue;
    const key = foldText(paragraph.body);
    if ([...shown].some((seen) => seen.includes(key))) continue;
    shown.add(key);
    // A paragraph whose one sentence says the question, with the kind of answer asked, is likelier
    // the answer than one that scatters the same words. Later hits keep their order below these.
    const sentence = found.length < RERANKED ? chooseSentence(shape, paragraph.body) : undefined;
    const score = sentence ? hit.score * (1 + sentence.score) ** SENTENCE_POWER * (1 + PAIR_WEIGHT * sentence.pairs) : hit.score;
    found.push({
      passage: {
        sourceId: hit.sourceId, paragraph: paragraph.n, citation: formatCitation(hit.sourceId, paragraph.n, paragraph.page), page: paragraph.page ?? null,
        text: paragraph.body, score: Math.round(score * 100) / 100, coverage: Math.round(hit.coverage * 1000) / 1000, source,
      },
      coverage: hit.coverage,
      sentence,
    });
  }
  found.sort((a, b) => b.passage.score - a.passage.score);
  const kept = found.slice(0, limit);
  const coverage = Math.round((kept[0]?.coverage ?? 0) * 1000) / 1000;
  const missing = concepts.filter((c, i) => shape.weights[i]! > 0 && !c.terms.some((t) => deps.retrieval.knows(t)));
  // An everyday word the library lacks ("invented" where it says "developed") is weaker evidence of
  // an absent topic than a name or a rare word it lacks ("penicillin").
  const missingWeight = (c: QueryConcept, i: number) => shape.weights[i]! * (deps.thesaurus?.everyday?.(c.label) ? REFUSAL.everydayMissing : 1);
  const missingShare = concepts.reduce((sum, c, i) => sum + (missing.includes(c) ? missingWeight(c, i) : 0), 0) / (shape.total || 1);
  const best = kept.length > 0 ? pickAnswer(kept, shape) : undefined;
  const level = decideLevel(coverage, missingShare, best !== undefined && (shape.type === undefined || best.phrase !== null));
  const answer = level === 'nothing' ? null : best ?? null;
  return {
    query, answered: answer !== null, level, answer, coverage, missing: missing.map((c) => c.label),
    passages: kept.map((f) => f.passage), tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

/** The answer's level, from what the library lacks (see {@link REFUSAL}). */
function decideLevel(coverage: number, missingShare: number, typed: boolean): AnswerLevel {
  if (missingShare >= REFUSAL.missingShare || coverage < REFUSAL.nothingCoverage) return 'nothing';
  return coverage < REFUSAL.answerCoverage || !typed ? 'closest' : 'answer';
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

/** The question as search concepts: synonyms expanded, stop words out, typos corrected, thesaurus words added. */
export function analyzeQuestion(deps: Pick<AskDeps, 'retrieval' | 'synonyms' | 'thesaurus'>, question: string): QueryConcept[] {
  return addRelatedTerms(correctTypos(analyzeQuery(question, deps.synonyms), deps.retrieval, deps.thesaurus), deps.thesaurus);
}

/**
 * Replaces words the library does not contain by the known word they most likely misspell
 * ("Shoygu" → Shoigu, "Putn" → Putin); words with no close match stay as they are.
 */
export function correctTypos(concepts: QueryConcept[], retrieval: Retrieval, thesaurus?: Thesaurus): QueryConcept[] {
  return concepts.map((concept) => {
    const [term] = concept.terms;
    if (concept.terms.length !== 1 || term === undefined || retrieval.knows(term)) return concept;
    // A word the thesaurus lacks may be a name spelt otherwise ("Shareef"); an English word ("cheese")
    // is not taken for one ("chase"): that cost two absent-topic refusals on bench/absent-topics.json.
    const corrected = retrieval.correct(term, thesaurus !== undefined && !thesaurus.knows(concept.label));
    return corrected ? { label: concept.label, terms: [corrected], variants: [[corrected]] } : concept;
  });
}

/**
 * The answer: the best sentence among the leading passages, each passage's sentence weighted by how
 * well the passage ranked.
 */
function pickAnswer(found: { passage: Passage; sentence?: SentenceChoice }[], shape: QuestionShape): NonNullable<AskResult['answer']> {
  const topScore = found[0]!.passage.score;
  let best = { passage: found[0]!.passage, sentence: found[0]!.sentence ?? chooseSentence(shape, found[0]!.passage.text) };
  let bestScore = -1;
  for (const candidate of found.slice(0, ANSWER_CANDIDATES)) {
    const sentence = candidate.sentence ?? chooseSentence(shape, candidate.passage.text);
    const score = sentence.score * Math.sqrt(candidate.passage.score / topScore);
    if (score > bestScore) {
      best = { passage: candidate.passage, sentence };
      bestScore = score;
    }
  }
  const { passage, sentence } = best;
  const phrase = sentence.phrase ? { text: sentence.text.slice(sentence.phrase.start, sentence.phrase.end), start: sentence.phrase.start } : null;
  return { text: sentence.text, citation: passage.citation, sourceId: passage.sourceId, paragraph: passage.paragraph, page: passage.page, phrase };
}
