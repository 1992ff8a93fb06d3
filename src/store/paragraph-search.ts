import SearchableMap from 'minisearch/SearchableMap';
import type { QueryConcept } from '../core/search/query.js';
import { inverseDocumentFrequency, rankParagraphs, type CorpusStats, type Retrieval, type SearchFilter, type SearchHit } from '../core/search/rank.js';
import { allowedEdits, NAME_EDITS, pickCorrection } from '../core/language/spelling.js';
import type { SearchStore } from './search-store.js';
import { BASE_LIBRARY } from './library-keys.js';

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

/** A server's own paragraphs as search counts them: documents, body terms, document frequencies. */
interface OwnCounts {
  documents: number;
  bodyTerms: number;
  df: Map<string, number>;
  /** Its vocabulary as a radix tree, built on the first misspelt word. */
  vocabulary?: SearchableMap<number>;
}

/**
 * Paragraph search, the SQL side: FTS5 proposes candidates (it is fast at finding them in a large
 * library) and the core ranks them (`rankParagraphs`); corpus statistics and typo correction come
 * from the index's vocabulary. One search per library as it is seen: the base library's, or a
 * server's, which adds that server's own paragraphs to the base's (its counts, candidates and words)
 * and nothing of any other server's.
 */
export class ParagraphSearch implements Retrieval {
  private readonly dfCache = new Map<string, number>();
  private stats: { documents: number; bodyTerms: number };
  /** MiniSearch's radix tree over the base vocabulary, for fuzzy look-ups; built on the first misspelt word. */
  private vocabulary: SearchableMap<number> | undefined;
  /** A server's own counts, read on first use after each change of the library. */
  private own: OwnCounts | undefined;
  /** The library version this view's caches were built at (a server's view follows the base's). */
  private seen = 0;
  private changes = 0;

  /**
   * @param library the base library (`''`), or a server's guild id
   * @param base for a server's library, the base library's search, whose counts it shares
   */
  constructor(private readonly store: SearchStore, readonly library = BASE_LIBRARY, private readonly base?: ParagraphSearch) {
    this.stats = store.stats();
  }

  /** Bumped whenever any library changes, so derived caches (of every view) know to rebuild. */
  get version(): number {
    return this.base ? this.base.version : this.changes;
  }

  /** Forgets cached statistics of every view: call after the library changed (any library). */
  invalidate(): void {
    if (this.base) return this.base.invalidate();
    this.dfCache.clear();
    this.stats = this.store.stats();
    this.vocabulary = undefined;
    this.changes += 1;
    this.seen = this.changes;
  }

  size(): number {
    return this.corpusStats().documents;
  }

  search(concepts: QueryConcept[], filter: SearchFilter, limit: number): SearchHit[] {
    if (concepts.length === 0) return [];
    const pool = Math.max(MIN_CANDIDATES, limit * CANDIDATES_PER_RESULT);
    const stats = this.corpusStats();
    const candidates = this.store.candidates(toMatch(this.candidateTerms(concepts)), filter, pool, this.library);
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
    const near = new Map(this.fuzzyBase(term, edits));
    const own = this.ownCounts();
    if (own) {
      own.vocabulary ??= SearchableMap.from(own.df) as SearchableMap<number>;
      for (const [known, [doc]] of own.vocabulary.fuzzyGet(term, edits)) near.set(known, (near.get(known) ?? 0) + doc);
    }
    return pickCorrection(term, [...near].map(([known, doc]) => ({ term: known, doc })), name);
  }

  /** Base terms within `edits` of a term, with their document frequencies. */
  private fuzzyBase(term: string, edits: number): [string, number][] {
    if (this.base) return this.base.fuzzyBase(term, edits);
    this.vocabulary ??= SearchableMap.from(this.store.vocabulary()) as SearchableMap<number>;
    return [...this.vocabulary.fuzzyGet(term, edits)].map(([known, [doc]]) => [known, doc]);
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
    const base = this.base ? this.base.stats : this.stats;
    const own = this.ownCounts();
    const documents = base.documents + (own?.documents ?? 0);
    const bodyTerms = base.bodyTerms + (own?.bodyTerms ?? 0);
    return {
      documents,
      averageLength: documents > 0 ? bodyTerms / documents : 0,
      documentFrequency: (term) => this.documentFrequency(term),
    };
  }

  private documentFrequency(term: string): number {
    if (this.base) return this.base.documentFrequency(term) + (this.ownCounts()?.df.get(term) ?? 0);
    let df = this.dfCache.get(term);
    if (df === undefined) {
      df = this.store.documentFrequency(term);
      if (this.dfCache.size >= DF_CACHE_LIMIT) this.dfCache.clear();
      this.dfCache.set(term, df);
    }
    return df;
  }

  /**
   * A server's own counts, from its index rows (a server's library is a few readings: counting them
   * again after a change costs milliseconds); `undefined` for the base library's search.
   */
  private ownCounts(): OwnCounts | undefined {
    if (!this.base) return undefined;
    if (this.own && this.seen === this.version) return this.own;
    const own: OwnCounts = { documents: 0, bodyTerms: 0, df: new Map() };
    for (const [body, title] of this.store.serverRows(this.library)) {
      const bodyTerms = body ? body.split(' ') : [];
      own.documents += 1;
      own.bodyTerms += bodyTerms.length;
      for (const term of new Set([...bodyTerms, ...(title ? title.split(' ') : [])])) own.df.set(term, (own.df.get(term) ?? 0) + 1);
    }
    this.own = own;
    this.seen = this.version;
    return own;
  }
}

/** The FTS5 query proposing candidates: any of the terms. */
function toMatch(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ');
}
