import SearchableMap from 'minisearch/SearchableMap';
import type { QueryConcept } from '../core/search/query.js';
import { feedbackConcepts, inverseDocumentFrequency, RANK_PARAMS, rankCandidates, type CorpusStats, type Retrieval, type SearchFilter, type SearchHit } from '../core/search/rank.js';
import { allowedEdits, pickCorrection } from '../core/language/spelling.js';
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
 * Paragraph search: FTS5 proposes candidates (it is fast at finding them in a large library), the
 * core re-ranks them with tuned BM25 over the query's concepts and measures coverage.
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
    const ranked = rankCandidates(concepts, candidates, stats);
    const top = ranked[0];
    if (RANK_PARAMS.feedbackDocs === 0 || top === undefined) return ranked.slice(0, limit);
    // A second pass with pseudo-relevance feedback terms finds more of what the question is about
    // (+0.03 nDCG@10 on Cranfield), but drifts on short factual questions, so the first pass's best
    // paragraph keeps first place (no loss on bench/questions.json). See docs/DESIGN.md.
    const expanded = [...concepts, ...feedbackConcepts(concepts, ranked, candidates, stats)];
    // Feedback re-ranks the same candidates: a second FTS5 query with the feedback terms matched most
    // of a large library (18 ms a query at 10k paragraphs) for 0.001 nDCG@10 on Cranfield.
    const reranked = rankCandidates(expanded, candidates, stats);
    // Paragraphs that say none of the question's own words are left out: a reader expects each passage
    // to bear on what was asked. Scores are the second pass's, the kept first one raised to stay highest.
    const rest = reranked.filter((hit) => hit.id !== top.id && hit.coverage > 0);
    const topScore = Math.max(reranked.find((hit) => hit.id === top.id)?.score ?? 0, rest[0]?.score ?? 0);
    return [{ ...top, score: topScore }, ...rest].slice(0, limit);
  }

  idf(term: string): number {
    return inverseDocumentFrequency(this.corpusStats(), term);
  }

  knows(term: string): boolean {
    return this.documentFrequency(term) > 0;
  }

  correct(term: string): string | undefined {
    const edits = allowedEdits(term.length);
    if (edits === 0 || /^\d+$/.test(term)) return undefined;
    this.vocabulary ??= SearchableMap.from(this.store.vocabulary()) as SearchableMap<number>;
    const near = [...this.vocabulary.fuzzyGet(term, edits)].map(([known, [doc]]) => ({ term: known, doc }));
    return pickCorrection(term, near);
  }

  /** The query's terms that propose candidates: rarest first, within the postings budget. */
  private candidateTerms(concepts: QueryConcept[]): string[] {
    const terms = [...new Set(concepts.flatMap((c) => c.terms))].map((term) => ({ term, df: this.documentFrequency(term) })).sort((a, b) => a.df - b.df);
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
