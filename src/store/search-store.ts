import type { Candidate } from '../core/search/rank.js';
import type { Db } from './db.js';

/** Filters applied inside the full-text query. */
export interface CandidateFilter {
  sourceId?: string;
  from?: number;
  to?: number;
}

/** The FTS5 tables behind paragraph search: writes, candidate queries, vocabulary look-ups. */
export class SearchStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare('INSERT INTO paragraph_terms (rowid, body, title, source) VALUES (?, ?, ?, ?)'),
      deleteSource: db.prepare('DELETE FROM paragraph_terms WHERE rowid IN (SELECT id FROM paragraphs WHERE source_id = ?)'),
      // ORDER BY rank on the bare FTS5 table lets FTS5 pick the top rows itself; filters join afterwards.
      // Top rowids first, columns after: selecting the columns in the ranked query makes SQLite carry
      // every matching row's text through the sort (measured 2.3x slower on Cranfield). bm25() in
      // ORDER BY, not a configured rank: 2.7 against 4.1 ms a query at 10k paragraphs.
      candidates: db.prepare(`SELECT rowid AS id, source AS sourceId, body, title FROM paragraph_terms WHERE rowid IN
        (SELECT rowid FROM paragraph_terms WHERE paragraph_terms MATCH ? ORDER BY bm25(paragraph_terms) LIMIT ?)`),
      filteredCandidates: db.prepare(`SELECT rowid AS id, source AS sourceId, body, title FROM paragraph_terms WHERE rowid IN
        (SELECT t.rowid FROM paragraph_terms t JOIN paragraphs p ON p.id = t.rowid JOIN sources s ON s.id = p.source_id
        WHERE paragraph_terms MATCH @match
          AND (@source IS NULL OR p.source_id = @source)
          AND (@from IS NULL OR CAST(substr(s.published, 1, 4) AS INTEGER) >= @from)
          AND (@to IS NULL OR CAST(substr(s.published, 1, 4) AS INTEGER) <= @to)
        ORDER BY bm25(paragraph_terms) LIMIT @limit)`),
      documentFrequency: db.prepare('SELECT doc FROM paragraph_vocab WHERE term = ?').pluck(),
      vocabulary: db.prepare('SELECT term, doc FROM paragraph_vocab').raw(),
      stats: db.prepare('SELECT documents, body_terms AS bodyTerms FROM search_stats WHERE id = 1'),
      refreshStats: db.prepare(`UPDATE search_stats SET (documents, body_terms) =
        (SELECT count(*), coalesce(sum(length(body) - length(replace(body, ' ', '')) + (body <> '')), 0) FROM paragraph_terms) WHERE id = 1`),
      hasParagraphs: db.prepare("SELECT EXISTS (SELECT 1 FROM paragraphs WHERE body <> '')").pluck(),
      clear: db.prepare('DELETE FROM paragraph_terms'),
    };
  }

  /** Indexes one paragraph's terms, each space-separated (call inside the ingest transaction). */
  insert(id: number, sourceId: string, bodyTerms: string, titleTerms: string): void {
    this.statements.insert.run(id, bodyTerms, titleTerms, sourceId);
  }

  /** Removes every indexed paragraph of a source (before its paragraphs are replaced). */
  deleteSource(sourceId: string): void {
    this.statements.deleteSource.run(sourceId);
  }

  /** Empties the index (before a rebuild). */
  clear(): void {
    this.statements.clear.run();
  }

  /** Paragraphs matching the FTS5 expression, best first by FTS5's bm25, with their index terms. */
  candidates(match: string, filter: CandidateFilter, limit: number): Candidate[] {
    const filtered = filter.sourceId !== undefined || filter.from !== undefined || filter.to !== undefined;
    const rows = (filtered
      ? this.statements.filteredCandidates.all({ match, source: filter.sourceId ?? null, from: filter.from ?? null, to: filter.to ?? null, limit })
      : this.statements.candidates.all(match, limit)) as { id: number; sourceId: string; body: string; title: string }[];
    return rows.map((r) => ({
      id: r.id,
      sourceId: r.sourceId,
      body: r.body ? r.body.split(' ') : [],
      title: r.title ? r.title.split(' ') : [],
    }));
  }

  documentFrequency(term: string): number {
    return (this.statements.documentFrequency.get(term) as number | undefined) ?? 0;
  }

  /** Every indexed term with its document frequency. */
  vocabulary(): IterableIterator<[string, number]> {
    return this.statements.vocabulary.iterate() as IterableIterator<[string, number]>;
  }

  /** Paragraphs indexed and the number of body terms in them, as last recorded. */
  stats(): { documents: number; bodyTerms: number } {
    return this.statements.stats.get() as { documents: number; bodyTerms: number };
  }

  /** Recounts the index (call at the end of a write transaction). */
  refreshStats(): void {
    this.statements.refreshStats.run();
  }

  /** True when paragraphs exist but the index is empty: a library from before this index, to rebuild once. */
  needsRebuild(): boolean {
    return this.stats().documents === 0 && this.statements.hasParagraphs.get() === 1;
  }
}
