import { isAcronym, processTerm } from './terms.js';

/** A word or two-word phrase that sets a source apart from the rest of the library. */
export interface KeyTerm {
  /** As the source writes it most often (lower case unless a name or an acronym). */
  term: string;
  /** Times it occurs in the source. */
  count: number;
  score: number;
}

/** A paragraph body and the source it belongs to. */
export interface TermDoc {
  sourceId: string;
  body: string;
  /** How many of the library's paragraphs this one stands for in a sample (default 1). */
  weight?: number;
}

/** Key terms shown for a source. */
export const KEY_TERMS = 8;
/** A term must occur this often in a source to be one of its key terms: once is chance. */
const MIN_COUNT = 2;
/**
 * Common English words that are never key terms, whatever their count: with a library of a few
 * sources, TF-IDF alone cannot tell "way" or "around" from a topic word. They also end a phrase.
 */
const COMMON_WORDS: ReadonlySet<string> = new Set(
  ('said say says saying told tell asked one two three first second last next new old many much less least several ' +
    'every another way ways day days time times year years back well even still just really already however therefore ' +
    'thus hence though although whether around behind following based including include includes within without across ' +
    'toward towards along among per via like make makes made making take takes took taken get gets got give gives given ' +
    'go goes went come comes came see seen look know known think want wants wanted need needs use used using put set ' +
    'keep kept let seem seems part parts case point number kind sort sorts thing things something anything nothing lot ' +
    'people person good great big small large long high low different important clear certain possible able likely ' +
    'whole far near early late recent recently now today currently since ago often always never sometimes usually ' +
    'quite rather almost enough especially particularly indeed again ever major').split(' ').map((w) => processTerm(w)!),
);
/** Words, and punctuation marks (which end a phrase). */
const TOKEN = /\p{L}+(?:['\u2019]\p{L}+)*|\p{N}+|[^\s\p{L}\p{N}]/gu;

interface Tally {
  count: number;
  forms: Map<string, number>;
}

/**
 * The terms that distinguish one source from the rest of the library: index terms (the search
 * index's `processTerm`, so stems) and two-term phrases, scored by count in the source × inverse
 * paragraph frequency over the library × the share of the library's occurrences that are in this
 * source. Numbers and words under three letters (other than acronyms) are skipped.
 * @param isName keeps the capital of a name when showing the term
 */
export function findKeyTerms(docs: Iterable<TermDoc>, sourceId: string, isName: (word: string) => boolean = () => false, limit = KEY_TERMS): KeyTerm[] {
  const own = new Map<string, Tally>();
  const total = new Map<string, number>();
  const paragraphs = new Map<string, number>();
  let paragraphCount = 0;
  for (const doc of docs) {
    const weight = doc.weight ?? 1;
    paragraphCount += weight;
    const seen = new Set<string>();
    const count = (term: string, form: string) => {
      total.set(term, (total.get(term) ?? 0) + weight);
      if (!seen.has(term)) paragraphs.set(term, (paragraphs.get(term) ?? 0) + weight);
      seen.add(term);
      if (doc.sourceId !== sourceId) return;
      const tally = own.get(term) ?? { count: 0, forms: new Map<string, number>() };
      tally.count++;
      tally.forms.set(form, (tally.forms.get(form) ?? 0) + 1);
      own.set(term, tally);
    };
    let previous: { term: string; form: string; named: boolean } | undefined;
    for (const [token] of doc.body.matchAll(TOKEN)) {
      const term = /^\p{L}/u.test(token) && (token.length >= 3 || isAcronym(token)) ? processTerm(token) : null;
      if (!term || (COMMON_WORDS.has(term) && !isAcronym(token))) {
        previous = undefined;
        continue;
      }
      const form = isAcronym(token) || isName(token) ? token : token.toLowerCase();
      count(term, form);
      // After a name, a capitalised word is part of it ("Islamic State"), even if "state" is common.
      if (previous) count(`${previous.term} ${term}`, `${previous.form} ${previous.named && /^\p{Lu}/u.test(token) ? token : form}`);
      previous = { term, form, named: form !== token.toLowerCase() };
    }
  }
  const scored = [...own]
    .filter(([, tally]) => tally.count >= MIN_COUNT)
    .map(([term, tally]) => ({
      stem: term,
      term: [...tally.forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0],
      count: tally.count,
      score: tally.count * Math.log(paragraphCount / paragraphs.get(term)!) * (tally.count / total.get(term)!),
    }))
    // On a tie a phrase goes first, so it can stand for the words it is made of.
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score || b.stem.split(' ').length - a.stem.split(' ').length || a.term.localeCompare(b.term));
  const chosen: typeof scored = [];
  for (const candidate of scored) {
    if (chosen.length >= limit) break;
    // A word every occurrence of which is inside a chosen phrase adds nothing, and vice versa.
    const words = candidate.stem.split(' ');
    const covered = chosen.some((c) => {
      const other = c.stem.split(' ');
      return c.count === candidate.count && (other.includes(candidate.stem) || words.includes(c.stem));
    });
    if (!covered) chosen.push(candidate);
  }
  return chosen.map(({ term, count, score }) => ({ term, count, score: Math.round(score * 100) / 100 }));
}
