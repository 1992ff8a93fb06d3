/**
 * The kind of phrase a question asks for, read from its question word, and where a sentence holds
 * one: a date for "when", a number or amount for "how many/much", a name for "who", "where" and
 * "which company". No model: patterns over the sentence's own text (digits, month names,
 * capitalised words), so it works for any library in English.
 */
import { processTerm, STOP_WORDS } from '../language/terms.js';

export type AnswerType = 'date' | 'number' | 'name';

/** A phrase of a sentence, by character offsets: `sentence.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
}

const ORGANISATION_NOUNS = 'company|companies|firm|firms|corporation|business|businesses|organi[sz]ations?|agency|bank|group|university|college|newspaper|party|team';
const PLACE_NOUNS = 'city|cities|country|countries|town|province|state|region|place|port|capital|continent|island|river|county|district|village|nation';
const ASKS: [RegExp, AnswerType][] = [
  [/\b(?:when|(?:what|which|in what|in which) (?:years?|dates?|months?|days?|century|centuries|decades?)|since when|how long ago)\b/i, 'date'],
  [/\b(?:how (?:many|much|long|big|large|old|far|tall|high|often)|what (?:percentage|percent|number|amount|size|proportion|share))\b/i, 'number'],
  [/\b(?:who|whom|whose)\b/i, 'name'],
  [/\bwhere\b/i, 'name'],
  [new RegExp(`\\b(?:which|what) (?:\\w+ )?(?:${ORGANISATION_NOUNS}|${PLACE_NOUNS})\\b`, 'i'), 'name'],
];

const NUMBER_FRAMING = /\bhow (many|much|long|big|large|old|far|tall|high|often)\b/gi;

/**
 * The words of a question that only say a number is asked ("many" in "how many years", "big" in
 * "how big is trade"), lower case: a sentence saying "so many years" does not answer for saying
 * them, and a library that never says "big" does not lack what is asked.
 */
export function answerFramingWords(question: string): Set<string> {
  return new Set([...question.matchAll(NUMBER_FRAMING)].map((m) => m[1]!.toLowerCase()));
}

/** The kind of answer a question asks for, by its first matching question word; undefined for "what", "why", "how". */
export function askedAnswerType(question: string): AnswerType | undefined {
  // The first question word decides: "Who did X meet when..." asks for a name, not a date.
  let best: { at: number; type: AnswerType } | undefined;
  for (const [pattern, type] of ASKS) {
    const at = question.search(pattern);
    if (at >= 0 && (!best || at < best.at)) best = { at, type };
  }
  return best?.type;
}

/** True when the question says the word, as written or as the same index term ("Shoigu" for "Shoygu" corrected). */
export function saidBy(questionWords: ReadonlySet<string>, word: string): boolean {
  return questionWords.has(word) || questionWords.has(processTerm(word) ?? word);
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const DATE = new RegExp(
  `\\b(?:(?:\\d{1,2}(?:st|nd|rd|th)? )?${MONTH},? (?:\\d{1,2}(?:st|nd|rd|th)?,? )?(?:1\\d{3}|20\\d{2})|${MONTH} \\d{1,2}(?:st|nd|rd|th)?|(?:1\\d{3}|20\\d{2})s?|(?:\\d{1,2}(?:st|nd|rd|th)|\\w+(?:teen|ieth)) century)\\b`,
  'g',
);
const NUMBER_WORDS = 'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion|dozen|dozens|half|several';
const NUMBER = new RegExp(`(?:[$€£¥]|\\bRs\\.? ?)?\\b(?:\\d[\\d,.]*|${NUMBER_WORDS})(?:[ -](?:${NUMBER_WORDS}|per ?cent|percent))*(?: ?%)?\\b`, 'gi');
// A name: capitalised words, joined by "of", "the", "de", "al-" and the like ("King Malcolm III of Scotland").
const NAME = /\b\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+(?:(?:of|the|de|del|da|von|van|al|bin|ibn|and)\s+)?\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;

/**
 * Phrases of the asked type in a sentence that the question does not already say, in order.
 * `questionWords` are the question's folded words and index terms: a name the question itself gives
 * is not its answer.
 */
export function answerPhrases(sentence: string, type: AnswerType, questionWords: ReadonlySet<string>): Span[] {
  const pattern = type === 'date' ? DATE : type === 'number' ? NUMBER : NAME;
  const spans: Span[] = [];
  for (const match of sentence.matchAll(pattern)) {
    let text = match[0].replace(/[.,'’-]+$/, '');
    let start = match.index;
    // A sentence's first word is capitalised anyway: "While Pakistan's Ambassador" names no one by "While".
    const opener = type === 'name' && start === 0 ? /^(\p{L}+)\s+/u.exec(text) : null;
    if (type === 'name' && start === 0 && (!opener || STOP_WORDS.has(opener[1]!.toLowerCase()))) {
      if (!opener) continue;
      start += opener[0].length;
      text = text.slice(opener[0].length);
    }
    const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (words.length === 0 || words.every((w) => saidBy(questionWords, w))) continue;
    if (type === 'date' && /^(?:1\d{3}|20\d{2})$/.test(text) && questionWords.has(text)) continue;
    spans.push({ start, end: start + text.length });
  }
  return spans;
}
