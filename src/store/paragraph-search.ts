import SearchableMap from 'minisearch/SearchableMap';
import type { QueryConcept } from '../core/search/query.js';
import { inverseDocumentFrequency, rankParagraphs, type CorpusStats, type Retrieval, type SearchFilter, type SearchHit } from '../core/search/rank.js';
import { allowedEdits, NAME_EDITS, pickCorrection } from '../core/language/spelling.js';
import type { SearchStore } from './search-store.js';

/** Candidates fetched from FTS5 per passage asked for, before re-ranking. */
const CANDIDATES_PER_RESULT = 3;
const MIN_CANDIDATES = 100;
/**
 * Postings FTS5 may score for one query. Terms join the candidate query rarest first until their
 * document frequencies add up to this; commoner terms still count in the re-ranking. On a small
 * library every term joins; on a large one "Sergey" (half the paragraphs) stops costing a scan.
 */
const CANDIDATE_POSTINGS_BUDGET = 10_000;
/** Document frequencies remembered between queries (cleared when the library changes). */
const DF_CACHE_LIMIT = 50_000;

/**
 * Paragraph search, the SQL side: FTS5 proposes candidates (it is fast at finding them in a large
 * library) and the core ranks them (`rankParagraphs`); corpus statistics and typo correction come
 * from the index's vocabulary.
 */
export class ParagraphSearch implements Retrieval {
  private readonly dfCache = new Map<string, number>();
  private stats: { documents: number; bodyTerms: number };
  /** MiniSearch's radix tree over the vocabulary, for fuzzy look-ups; built on the first misspelt word. */
  private vocabulary: SearchableMap<number> | undefined;
  /** Bumped whenever the library changes, so derived caches know to rebuild. */
  version = 0;

  constructor(private readonly store: SearchStore) {
    this.stats = store.stats();
  }

  /** Forgets cached statistics: call after the library changed. */
  invalidate(): void {
    this.dfCache.clear();
    this.stats = this.store.stats();
    this.vocabulary = undefined;
    this.version += 1;
  }

  size(): number {
    return this.stats.documents;
  }

  search(concepts: QueryConcept[], filter: SearchFilter, limit: number): SearchHit[] {
    if (concepts.length === 0) return [];
    const pool = Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT);
    const stats = this.corpusStats();
    const candidates = this.store.candidates(toMatch(this.candidateTerms(concepts)), filter, pool);
    return rankParagraphs(concepts, candidates, stats, limit);
  }

  idf(term: string): number {
    return inverseDocumentFrequency(this.corpusStats(), term);
  }

  knows(term: string): boolean {
    return this.documentFrequency(term) > 0;
  }

  correct(term: string, name = false): string | undefined {
    const edits = Math.max(allowedEdits(term.length), name && term.length >= 5 ? NAME_EDITS : 0);
    if (edits === 0 || /^\d+$/.test(term)) return undefined;
    this.vocabulary ??= SearchableMap.from(this.store.vocabulary()) as SearchableMap<number>;
    const near = [...this.vocabulary.fuzzyGet(term, edits)].map(([known, [doc]]) => ({ term: known, doc }));
    return pickCorrection(term, near, name);
  }

  /**
   * The query's terms that propose candidates: rarest first, within the postings budget; the
   * thesaurus's words after the question's own, so a rare synonym never takes the budget of the
   * words the user typed (at 100k paragraphs it did: candidates came from WordNet's words alone).
   */
  private candidateTerms(concepts: QueryConcept[]): string[] {
    const own = new Set(concepts.flatMap((c) => c.terms.slice(0, c.terms.length - (c.related ?? 0))));
    const terms = [...new Set(concepts.flatMap((c) => c.terms))]
      .map((term) => ({ term, df: this.documentFrequency(term), related: !own.has(term) }))
      .sort((a, b) => Number(a.related) - Number(b.related) || a.df - b.df);
    let postings = 0;
    return terms.filter(({ df }, i) => {
      postings += df;
      return i === 0 || postings <= CANDIDATE_POSTINGS_BUDGET;
    }).map(({ term }) => term);
  }

  private corpusStats(): CorpusStats {
    return {
      documents: this.stats.documents,
      averageLength: this.stats.documents > 0 ? this.stats.bodyTerms / this.stats.documents : 0,
      documentFrequency: (term) => this.documentFrequency(term),
    };
  }

  private documentFrequency(term: string): number {
    let df = this.dfCache.get(term);
    if (df === undefined) {
      df = this.store.documentFrequency(term);
      if (this.dfCache.size >= DF_CACHE_LIMIT) this.dfCache.clear();
      this.dfCache.set(term, df);
    }
    return df;
  }
}

/** The FTS5 query proposing candidates: any of the terms. */
function toMatch(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
}
