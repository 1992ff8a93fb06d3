import { stemmer } from 'stemmer';
import { foldText } from './text.js';

/**
 * English stop words: function words that carry no topic. Removing them from documents and queries
 * was the largest single gain on Cranfield together with stemming (see docs/DESIGN.md).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a about above after again against all am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her ' +
    'here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not ' +
    'now of off on once only or other our ours ourselves out over own same she should so some such than that the ' +
    'their theirs them themselves then there these they this those through to too under until up very was we ' +
    'were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'also may might must shall us s t don doesn didn isn wasn aren weren won wouldn shouldn couldn').split(' '),
);

/**
 * Words that frame a question rather than name its subject ("what papers are available on ...").
 * Dropped from queries only; tuned on Cranfield (+0.004 nDCG@10, see docs/DESIGN.md).
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  ('available paper papers information work done known existing published studies study investigated ' +
    'investigation investigations find found give given obtain obtained possible').split(' '),
);

const WORD = /\p{L}+(?:['\u2019]\p{L}+)*|\p{N}+/gu;

/**
 * Splits text into raw word tokens: runs of letters (keeping inner apostrophes) and runs of digits,
 * so "Mi35", "Mi-35" and "Mi 35" all give "Mi", "35".
 */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Turns one raw token into its index term, or `null` for a stop word. An all-capitals token
 * (SCO, ISIS, IS, US) is an acronym: kept whole, never stemmed or dropped, so "ISIS" and "ISI"
 * stay apart and "US" is not the pronoun. Other tokens are folded (case, accents, quotes),
 * lose a possessive, and are Porter-stemmed.
 */
export function processTerm(token: string): string | null {
  // Plain ASCII words (nearly all of them) skip Unicode folding: it was the top cost of ingestion.
  const lower = /^[A-Za-z0-9']+$/.test(token) ? token.toLowerCase() : foldText(token);
  const folded = lower.replace(/'s$/, '').replace(/'/g, '');
  if (!folded) return null;
  if (isAcronym(token)) return folded;
  if (STOP_WORDS.has(folded)) return null;
  if (/^\p{N}+$/u.test(folded)) return folded;
  return stem(folded) || null;
}

/** Stems seen so far: a library repeats its words, and stemming is the next cost after folding. */
const stems = new Map<string, string>();
const MAX_CACHED_STEMS = 200_000;

function stem(word: string): string {
  let result = stems.get(word);
  if (result === undefined) {
    result = stemmer(word);
    if (stems.size >= MAX_CACHED_STEMS) stems.clear();
    stems.set(word, result);
  }
  return result;
}

/**
 * True for a token of two to five capitals ("SCO", "IS", "CPEC's" too). Longer words in capitals
 * ("RELATIONS" in a headline) are ordinary words shouting, and are stemmed like any other.
 */
export function isAcronym(token: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}]{1,4}$/u.test(token.replace(/['\u2019]s$/, ''));
}

/** The index terms of a text, in order, stop words removed. */
export function extractTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenize(text)) {
    const term = processTerm(token);
    if (term) terms.push(term);
  }
  return terms;
}
