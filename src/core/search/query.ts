import { isAcronym, processTerm, QUESTION_WORDS, STOP_WORDS, tokenize } from '../language/terms.js';
import { foldText } from '../language/text.js';

/** The synonyms and acronyms table (`data/synonyms.json`): each group lists ways to say one thing. */
export interface SynonymTable {
  groups: string[][];
}

/** Words that can say what a word says (a thesaurus such as WordNet), most common senses first. */
export interface Thesaurus {
  related(word: string): string[];
  /** True when the word (or a form of it) is an English word of the thesaurus, so not a name spelt otherwise. */
  knows(word: string): boolean;
  /**
   * True for an everyday English word ("invented", "troops", "origin"): one a question may use where
   * the text says it otherwise, so its absence from a library does not mean the topic is absent.
   */
  everyday?(word: string): boolean;
  /** Words derived from the word or it from them (conquer: conquest); none when absent. */
  derived?(word: string): string[];
}

/** One thing the query asks about, with every term that counts as saying it. */
export interface QueryConcept {
  /** The words of the query that name it. */
  label: string;
  /** Index terms: the query's own first, then synonyms. */
  terms: string[];
  /** Each way of saying it, as index terms (the query's own first): it is matched when all terms of one variant are. */
  variants: string[][];
  /** Weight in ranking (1 when absent); feedback terms weigh less and do not count towards coverage. */
  weight?: number;
  /** How many times the query says it (1 when absent): repeated words weigh more. */
  count?: number;
  /** How many of the last `terms` come from the thesaurus: they weigh less than the user's words and the synonyms table. */
  related?: number;
}

/** True when the matched terms say the concept: every term of at least one of its variants. */
export function conceptMatched(concept: QueryConcept, has: (term: string) => boolean): boolean {
  return concept.variants.some((variant) => variant.length > 0 && variant.every(has));
}

interface Variant {
  tokens: string[];
  /** An acronym that is also a common word (IS, US) only counts when written in capitals. */
  caseSensitive: boolean;
}

/** The most concepts a query is searched for; the rest of a very long query is ignored. */
export const MAX_QUERY_CONCEPTS = 32;

/**
 * Breaks a query into concepts: synonym groups it mentions (expanded to all their variants) and
 * its other content words, stop words removed, in query order.
 */
export function analyzeQuery(text: string, synonyms: SynonymTable): QueryConcept[] {
  const tokens = tokenize(text);
  const used = new Array<boolean>(tokens.length).fill(false);
  const found: { at: number; concept: QueryConcept }[] = [];
  for (const group of synonyms.groups) {
    const variants = group.map(toVariant);
    for (const variant of variants) {
      const at = findVariant(tokens, used, variant);
      if (at < 0) continue;
      for (let i = at; i < at + variant.tokens.length; i++) used[i] = true;
      const all = [variant, ...variants.filter((v) => v !== variant)].map((v) => termsOf(v.tokens)).filter((t) => t.length > 0);
      found.push({ at, concept: { label: tokens.slice(at, at + variant.tokens.length).join(' '), terms: unique(all.flat()), variants: all } });
      break;
    }
  }
  tokens.forEach((token, at) => {
    if (used[at] || QUESTION_WORDS.has(foldText(token))) return;
    const term = processTerm(token);
    if (term) found.push({ at, concept: { label: token, terms: [term], variants: [[term]] } });
  });
  const seen = new Map<string, QueryConcept>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((entry) => entry.concept)
    .filter((concept) => {
      const key = concept.terms.join(' ');
      const earlier = seen.get(key);
      if (earlier) earlier.count = (earlier.count ?? 1) + 1;
      else seen.set(key, concept);
      return !earlier;
    })
    .slice(0, MAX_QUERY_CONCEPTS);
}

/**
 * Adds the thesaurus's words for each of the question's own content words ("talks" → negotiation,
 * "chief" → head) as weaker terms of the same concept; words the synonyms table already expands,
 * acronyms and numbers are left as they are.
 */
export function addRelatedTerms(concepts: QueryConcept[], thesaurus: Thesaurus | undefined): QueryConcept[] {
  if (!thesaurus) return concepts;
  return concepts.map((concept) => {
    const [term] = concept.terms;
    if (concept.terms.length !== 1 || term === undefined || concept.weight !== undefined || isAcronym(concept.label) || /^\p{N}+$/u.test(term)) return concept;
    const related = unique(thesaurus.related(concept.label).map(processTerm).filter((t): t is string => t !== null && t !== term));
    if (related.length === 0) return concept;
    return { ...concept, terms: [term, ...related], variants: [[term], ...related.map((t) => [t])], related: related.length };
  });
}

function toVariant(text: string): Variant {
  const tokens = tokenize(text);
  const caseSensitive = tokens.length === 1 && isAcronym(tokens[0]!) && STOP_WORDS.has(foldText(tokens[0]!));
  return { tokens, caseSensitive };
}

function findVariant(tokens: string[], used: boolean[], variant: Variant): number {
  const want = variant.tokens.map((t) => (variant.caseSensitive ? t : foldText(t)));
  for (let at = 0; at + want.length <= tokens.length; at++) {
    const matches = want.every((w, k) => !used[at + k] && (variant.caseSensitive ? tokens[at + k] : foldText(tokens[at + k]!)) === w);
    if (matches) return at;
  }
  return -1;
}

/** Index terms of a synonym variant; a lone acronym keeps its acronym form whatever case the user typed. */
function termsOf(tokens: string[]): string[] {
  if (tokens.length === 1 && isAcronym(tokens[0]!)) return [foldText(tokens[0]!)];
  return tokens.map(processTerm).filter((t): t is string => t !== null);
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
