import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import { conceptMatched, type QueryConcept } from './query.js';
import { extractTerms, processTerm, tokenize } from './terms.js';

/** What the search index holds for one paragraph. */
export interface IndexDoc {
  id: number;
  sourceId: string;
  title: string;
  body: string;
  /** Publication year of the source, for `from`/`to` filters. */
  year?: number;
}

/** The MiniSearch options, used both to build an index and to load a snapshot. */
export const MINISEARCH_OPTIONS = {
  idField: 'id',
  fields: ['body', 'title'],
  storeFields: ['sourceId', 'year'],
  tokenize,
  processTerm: (term: string) => processTerm(term) ?? null,
  // Vacuuming is done by SearchIndex.remove, in one synchronous pass (see there).
  autoVacuum: false,
  searchOptions: {
    boost: { body: 1, title: 0.5 },
    // Queries arrive already analysed into index terms (see analyzeQuery).
    tokenize: (text: string) => text.split(' '),
    processTerm: (term: string) => term,
  },
} satisfies Options<IndexDoc>;

/** Removed paragraphs whose index entries are cleaned up at once; MiniSearch's own defaults. */
const VACUUM_MIN_DIRT = 20;
const VACUUM_MIN_DIRT_FACTOR = 0.1;

/** One paragraph found by a search, best first. */
export interface SearchHit {
  id: number;
  sourceId: string;
  score: number;
  /** Share (0-1) of the query's weight, by inverse document frequency, that this paragraph matches. */
  coverage: number;
  /** Index terms of the query that matched, directly or through a typo. */
  matchedTerms: string[];
}

/** Filters for a search. */
export interface SearchFilter {
  sourceId?: string;
  from?: number;
  to?: number;
}

/**
 * The in-memory full-text index over paragraphs, with the vocabulary it needs to decide when a
 * query word is a typo (fuzzy matching only for words the library does not contain).
 */
export class SearchIndex {
  readonly mini = new MiniSearch<IndexDoc>(MINISEARCH_OPTIONS);
  private readonly documentFrequency = new Map<string, number>();

  /** Adds paragraphs (their body must be non-empty to be worth indexing). */
  add(docs: Iterable<IndexDoc>): void {
    for (const doc of docs) {
      if (!doc.body) continue;
      this.mini.add(doc);
      this.count(doc, 1);
    }
  }

  /** Removes paragraphs previously added with the same content. */
  remove(docs: Iterable<IndexDoc>): void {
    for (const doc of docs) {
      if (!doc.body || !this.mini.has(doc.id)) continue;
      this.mini.discard(doc.id);
      this.count(doc, -1);
    }
    // MiniSearch's automatic vacuum cleans discarded documents in timed batches, and adding or
    // discarding between two batches crashes it with an unhandled rejection (lucaong/minisearch#306),
    // which would end the bot. One batch the size of the index runs synchronously, before anything
    // else can touch it.
    if (this.mini.dirtCount >= VACUUM_MIN_DIRT && this.mini.dirtFactor >= VACUUM_MIN_DIRT_FACTOR) {
      void this.mini.vacuum({ batchSize: Number.POSITIVE_INFINITY });
    }
  }

  /** Number of paragraphs indexed. */
  get size(): number {
    return this.mini.documentCount;
  }

  /** Inverse document frequency of an index term (BM25's, never negative); unknown terms get the highest. */
  idf(term: string): number {
    const n = this.size;
    const df = this.documentFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** True when some paragraph contains the index term. */
  knows(term: string): boolean {
    return this.documentFrequency.has(term);
  }

  /**
   * Ranks paragraphs for the analysed query. Words the library does not contain are matched
   * fuzzily (one edit, two for long words), so "Shoygu" finds "Shoigu"; known words match exactly.
   */
  search(concepts: QueryConcept[], filter: SearchFilter = {}, limit = 10): SearchHit[] {
    const terms = [...new Set(concepts.flatMap((c) => c.terms))];
    if (terms.length === 0) return [];
    const ownTerms = new Set(concepts.map((c) => c.terms[0]));
    const results = this.mini.search(terms.join(' '), {
      fuzzy: (term) => (this.knows(term) || /^\d+$/.test(term) ? false : term.length >= 8 ? 2 : term.length >= 4 ? 1 : false),
      boostTerm: (term) => (ownTerms.has(term) ? 1 : 0.7),
      filter: (result) => matchesFilter(result, filter),
    });
    const totalWeight = concepts.reduce((sum, c) => sum + this.conceptWeight(c), 0);
    return results.slice(0, limit).map((result) => ({
      id: result.id as number,
      sourceId: result.sourceId as string,
      score: result.score,
      coverage: totalWeight > 0 ? this.matchedWeight(concepts, result) / totalWeight : 0,
      matchedTerms: result.queryTerms,
    }));
  }

  private conceptWeight(concept: QueryConcept): number {
    return Math.max(...concept.terms.map((t) => this.idf(t)));
  }

  private matchedWeight(concepts: QueryConcept[], result: SearchResult): number {
    const matched = new Set(result.queryTerms);
    return concepts.filter((c) => conceptMatched(c, (t) => matched.has(t))).reduce((sum, c) => sum + this.conceptWeight(c), 0);
  }

  private count(doc: IndexDoc, delta: number): void {
    for (const term of new Set([...extractTerms(doc.body), ...extractTerms(doc.title)])) {
      const df = (this.documentFrequency.get(term) ?? 0) + delta;
      if (df > 0) this.documentFrequency.set(term, df);
      else this.documentFrequency.delete(term);
    }
  }
}

function matchesFilter(result: SearchResult, filter: SearchFilter): boolean {
  if (filter.sourceId !== undefined && result.sourceId !== filter.sourceId) return false;
  const year = result.year as number | undefined;
  if (filter.from !== undefined && (year === undefined || year < filter.from)) return false;
  if (filter.to !== undefined && (year === undefined || year > filter.to)) return false;
  return true;
}
