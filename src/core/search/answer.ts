import { conceptMatched, type QueryConcept, type Thesaurus } from './query.js';
import { RANK_PARAMS, type Retrieval } from './rank.js';
import { answerFramingWords, answerPhrases, askedAnswerType, saidBy, type AnswerType, type Span } from './answer-type.js';
import { extractTerms, processTerm, tokenize } from '../language/terms.js';
import { foldText, splitSentences } from '../language/text.js';

/** A sentence with a phrase of the asked type counts this much more (Cranfield untouched: /ask only). */
const TYPED_SENTENCE_BONUS = 1.5;
/**
 * Among a passage's sentences, the one that answers is chosen with each concept weighing its weight
 * to this power, so the question's rarest words decide ("what does a turing machine keep its symbols
 * on": the sentence with "symbols", not the ones saying "Turing machine" again); the passage's own
 * score stays its best plain share. SQuAD's answer sentence 0.763 → 0.770 (docs/DESIGN.md, issue 14's third round).
 */
const RAREST_POWER = 2;

/** What a question needs for judging sentences: its concepts, their weights, the kind of answer asked. */
export interface QuestionShape {
  concepts: QueryConcept[];
  /** Each concept's weight (inverse document frequency of its own words); 0 for a word that only frames the question. */
  weights: number[];
  total: number;
  /** Each concept's derived words' index terms (conquer: conquest), counted like thesaurus words when choosing a sentence. */
  derived: ReadonlySet<string>[];
  /** Each concept's weight to `RAREST_POWER`, for choosing a passage's sentence: the rarest words decide. */
  choiceWeights: number[];
  choiceTotal: number;
  type: AnswerType | undefined;
  /** The question's folded words and index terms, so a phrase the question already says is not taken for its answer. */
  words: ReadonlySet<string>;
  /** Each two index terms the question writes one after the other ("battl hast"), with the lower IDF of the two as weight. */
  pairs: Map<string, number>;
}

/** The best sentence of a passage for a question. */
export interface SentenceChoice {
  /** The sentence, with the one before it when that one holds the date a "when" question asks for. */
  text: string;
  /** Share (0-1) of the question's weight the passage's best sentence says, times the bonus for an answer of the asked type (the passage's re-ranking score). */
  score: number;
  /** The phrase of the asked type in `text`, when there is one. */
  phrase: Span | undefined;
  /** Share (0-1) of the question's pairs of words that some sentence of the passage writes side by side too. */
  pairs: number;
}

/** Weighs the question's concepts once, for all the sentences it is compared with. */
export function shapeQuestion(retrieval: Retrieval, concepts: QueryConcept[], question: string, thesaurus?: Thesaurus): QuestionShape {
  // Words that only frame the question ("many" in "how many") weigh nothing in a sentence or in what is missing;
  // they still search, since dropping them from the query cost the student set a question (docs/DESIGN.md).
  const framing = answerFramingWords(question);
  const weights = concepts.map((c) => (c.weight === undefined && !framing.has(c.label.toLowerCase()) ? Math.max(0, ...c.terms.slice(0, c.terms.length - (c.related ?? 0)).map((t) => retrieval.idf(t))) : 0));
  const choiceWeights = weights.map((w) => w ** RAREST_POWER);
  return {
    concepts,
    weights,
    total: weights.reduce((a, b) => a + b, 0),
    choiceWeights,
    choiceTotal: choiceWeights.reduce((a, b) => a + b, 0),
    // Derivations searched for cost SQuAD a question in the second round; in the sentence choice alone
    // they gained SQuAD's answer sentence and the SQuAD student set's one each (docs/DESIGN.md).
    derived: concepts.map((c) => (c.weight === undefined && thesaurus?.derived ? new Set(thesaurus.derived(c.label).map(processTerm).filter((t): t is string => t !== null && !c.terms.includes(t))) : new Set<string>())),
    type: askedAnswerType(question),
    words: new Set([...tokenize(foldText(question)), ...concepts.flatMap((c) => c.terms.slice(0, c.terms.length - (c.related ?? 0)))]),
    pairs: wordPairs(extractTerms(question), (t) => retrieval.idf(t)),
  };
}

/** Each two neighbouring terms, joined by a space, with the lower IDF of the two. */
function wordPairs(terms: string[], idf: (term: string) => number): Map<string, number> {
  const pairs = new Map<string, number>();
  for (let i = 1; i < terms.length; i++) pairs.set(`${terms[i - 1]} ${terms[i]}`, Math.min(idf(terms[i - 1]!), idf(terms[i]!)));
  return pairs;
}

/**
 * Share of the question's weight that a set of index terms says; a thesaurus word counts for less.
 * With `forChoice`, by the weights that choose a passage's sentence (`choiceWeights`).
 */
export function sayShare(shape: QuestionShape, has: (term: string) => boolean, forChoice = false): number {
  const weights = forChoice ? shape.choiceWeights : shape.weights;
  const total = forChoice ? shape.choiceTotal : shape.total;
  if (total === 0) return 0;
  let said = 0;
  shape.concepts.forEach((concept, i) => {
    const own = concept.related ? { ...concept, variants: concept.variants.slice(0, concept.variants.length - concept.related) } : concept;
    if (conceptMatched(own, has)) said += weights[i]!;
    else if (conceptMatched(concept, has) || (forChoice && [...shape.derived[i]!].some(has))) said += weights[i]! * RANK_PARAMS.relatedWeight;
  });
  return said / total;
}

/**
 * The sentence of a passage that best answers the question: the one saying most of the question's
 * weight, its rarest words weighing most, more when it holds a phrase of the asked type (a date for "when", a number for "how
 * many", a name for "who"). "It was during that year that ..." answers "when" only with the
 * sentence before it, which is then shown with it.
 */
export function chooseSentence(shape: QuestionShape, passage: string): SentenceChoice {
  const sentences = splitSentences(passage);
  let best = { text: passage, score: -1, phrases: [] as Span[] };
  let bestPlain = -1;
  const pairsSaid = new Set<string>();
  sentences.forEach((sentence, i) => {
    const list = extractTerms(sentence);
    const terms = new Set(list);
    for (let k = 1; k < list.length; k++) {
      const pair = `${list[k - 1]} ${list[k]}`;
      if (shape.pairs.has(pair)) pairsSaid.add(pair);
    }
    let text = sentence;
    let phrases = shape.type ? answerPhrases(sentence, shape.type, shape.words) : [];
    const previous = sentences[i - 1];
    if (shape.type === 'date' && phrases.length === 0 && previous !== undefined) {
      const earlier = answerPhrases(previous, 'date', shape.words);
      if (earlier.length > 0) {
        text = `${previous} ${sentence}`;
        phrases = earlier;
      }
    }
    const bonus = phrases.length > 0 ? TYPED_SENTENCE_BONUS : 1;
    const plain = sayShare(shape, (t) => terms.has(t)) * bonus;
    // Re-ranking the passage by its chosen sentence's rare-word share instead cost SQuAD recall@1 0.856 → 0.827.
    const choice = sayShare(shape, (t) => terms.has(t), true) * bonus;
    bestPlain = Math.max(bestPlain, plain);
    if (choice > best.score) best = { text, score: choice, phrases };
  });
  const pairWeight = [...shape.pairs.values()].reduce((a, b) => a + b, 0);
  const pairs = pairWeight > 0 ? [...pairsSaid].reduce((sum, pair) => sum + shape.pairs.get(pair)!, 0) / pairWeight : 0;
  return { text: best.text, score: bestPlain, phrase: pickPhrase(shape, best.text, best.phrases), pairs };
}

/**
 * The phrase to show of those of the asked kind: one that shares no word with the question ("Munir
 * Akram", not "Pakistan's Ambassador", for "who is the ambassador"), the nearest to the question's
 * own words in the sentence ("met his counterpart Khawaja Asif" for "who did Shoigu meet").
 */
function pickPhrase(shape: QuestionShape, text: string, phrases: Span[]): Span | undefined {
  const fresh = phrases.filter((p) => !tokenize(foldText(text.slice(p.start, p.end))).some((w) => saidBy(shape.words, w)));
  const choices = fresh.length > 0 ? fresh : phrases;
  const anchors = [...text.matchAll(/\p{L}+/gu)].filter((m) => processTerm(m[0]) !== null && saidBy(shape.words, m[0].toLowerCase())).map((m) => m.index);
  if (anchors.length === 0) return choices[0];
  const distance = (p: Span) => Math.min(...anchors.map((at) => (at < p.start ? p.start - at : at > p.end ? at - p.end : 0)));
  return choices.reduce((nearest, p) => (distance(p) < distance(nearest) ? p : nearest), choices[0]!);
}
