import { MONTH_NAMES } from '../dates/dates.js';
import type { SynonymTable } from '../search/query.js';
import { extractTerms, processTerm, tokenize } from '../language/terms.js';

/** Words that say when, not what: two reports of one event may date it differently. */
const DATE_WORDS = new Set(
  [...MONTH_NAMES, 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'year', 'years', 'month', 'months',
    'week', 'day', 'last', 'ago', 'earlier', 'later', 'since', 'decade', 'recent', 'recently']
    .map((word) => processTerm(word.toLowerCase())).filter((term): term is string => term !== null),
);
/** Two summaries must share at least this many terms to be about the same thing. */
const MIN_SHARED_TERMS = 3;

/** A summary's terms as compared, with their total weight. */
export interface SummaryTerms {
  terms: Set<string>;
  weight: number;
}

/** How alike two event summaries are. */
export interface SummaryComparer {
  /** The terms a summary is compared on. */
  termsOf(summary: string): SummaryTerms;
  /** 0 (nothing in common) to 1 (one says all the other says). */
  similarity(a: SummaryTerms, b: SummaryTerms): number;
}

/**
 * Compares event summaries on their index terms, without numbers and date words, reading
 * synonyms (`defence`/`defense`, `Friendship`/`Druzhba`) as one. The similarity is the weighted
 * overlap coefficient: the weight of the shared terms over the weight of the smaller set, with
 * each term weighted by its inverse document frequency in the library (so "Pakistan" counts for
 * little and "agreement" for more); fewer than two shared terms count as nothing in common.
 * @param weight a term's weight, e.g. Retrieval.idf
 * @param extract a summary's index terms: extractTerms, or a cache of it shared with other readers of the summaries
 */
export function createSummaryComparer(synonyms: SynonymTable, weight: (term: string) => number, extract = extractTerms): SummaryComparer {
  const canonical = new Map<string, string>();
  for (const group of synonyms.groups) {
    const terms = group.map(tokenize).filter((tokens) => tokens.length === 1).map((tokens) => processTerm(tokens[0]!));
    const first = terms.find((t): t is string => t !== null);
    for (const term of terms) if (term && first) canonical.set(term, first);
  }
  return {
    termsOf(summary) {
      const terms = new Set(extract(summary).filter((t) => !/^\d+$/.test(t) && !DATE_WORDS.has(t)).map((t) => canonical.get(t) ?? t));
      let total = 0;
      for (const term of terms) total += weight(term);
      return { terms, weight: total };
    },
    // Called for every pair of events within a few years of each other: no allocation here.
    similarity(a, b) {
      let shared = 0;
      let count = 0;
      for (const term of a.terms) {
        if (!b.terms.has(term)) continue;
        shared += weight(term);
        count++;
      }
      const smaller = Math.min(a.weight, b.weight);
      return count >= MIN_SHARED_TERMS && smaller > 0 ? shared / smaller : 0;
    },
  };
}
