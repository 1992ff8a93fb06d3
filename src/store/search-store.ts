import type { Candidate } from '../core/search/rank.js';
import type { Db } from './db.js';
import { BASE_LIBRARY, libraryOfSql, sourceKey } from './library-keys.js';

/** Filters applied inside the full-text query. */
export interface CandidateFilter {
  sourceId?: string;
  from?: number;
  to?: number;
}

/**
 * The FTS5 tables behind paragraph search: writes, candidate queries, vocabulary look-ups. The base
 * library's paragraphs are in `paragraph_terms`, whose vocabulary and counts are the base's own; the
 * servers' in `server_paragraph_terms`, read one server at a time.
 */
export class SearchStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      insert: db.prepare('INSERT INTO paragraph_terms (rowid, body, title, source) VALUES (?, ?, ?, ?)'),
      insertServer: db.prepare('INSERT INTO server_paragraph_terms (rowid, body, title, source, library) VALUES (?, ?, ?, ?, ?)'),
      deleteSource: db.prepare('DELETE FROM paragraph_terms WHERE rowid IN (SELECT id FROM paragraphs WHERE source_id = ?)'),
      deleteServerSource: db.prepare('DELETE FROM server_paragraph_terms WHERE rowid IN (SELECT id FROM paragraphs WHERE source_id = ?)'),
      // ORDER BY rank on the bare FTS5 table lets FTS5 pick the top rows itself; filters join afterwards.
      // Top rowids first, columns after: selecting the columns in the ranked query makes SQLite carry
      // every matching row's text through the sort (measured 2.3x slower on Cranfield). bm25() in
      // ORDER BY, not a configured rank: 2.7 against 4.1 ms a query at 10k paragraphs.
      candidates: db.prepare(`SELECT rowid AS id, source AS sourceId, body, title FROM paragraph_terms WHERE rowid IN
        (SELECT rowid FROM paragraph_terms WHERE paragraph_terms MATCH ? ORDER BY bm25(paragraph_terms) LIMIT ?)`),
      filteredCandidates: db.prepare(filteredCandidatesSql('paragraph_terms', 'bm25(paragraph_terms)')),
      // A server's paragraphs: its library token is part of the MATCH (see serverMatch), so FTS5
      // reads that server's rows only; the library column weighs nothing in bm25.
      serverCandidates: db.prepare(filteredCandidatesSql('server_paragraph_terms', 'bm25(server_paragraph_terms, 1, 1, 1, 0)')),
      // A server's indexed paragraphs, through its sources' keys (the library column is not indexed).
      serverRows: db.prepare(`SELECT body, title FROM server_paragraph_terms WHERE rowid IN
        (SELECT p.id FROM sources s JOIN paragraphs p ON p.source_id = s.id WHERE ${libraryOfSql('s.id')} = ?)`).raw(),
      documentFrequency: db.prepare('SELECT doc FROM paragraph_vocab WHERE term = ?').pluck(),
      vocabulary: db.prepare('SELECT term, doc FROM paragraph_vocab').raw(),
      stats: db.prepare('SELECT documents, body_terms AS bodyTerms FROM search_stats WHERE id = 1'),
      refreshStats: db.prepare(`UPDATE search_stats SET (documents, body_terms) =
        (SELECT count(*), coalesce(sum(length(body) - length(replace(body, ' ', '')) + (body <> '')), 0) FROM paragraph_terms) WHERE id = 1`),
      hasParagraphs: db.prepare("SELECT EXISTS (SELECT 1 FROM paragraphs WHERE body <> '' AND instr(source_id, ':') = 0)").pluck(),
      clear: db.prepare('DELETE FROM paragraph_terms'),
      clearServers: db.prepare('DELETE FROM server_paragraph_terms'),
    };
  }

  /** Indexes one paragraph's terms, each space-separated, in its library's index (call inside the ingest transaction). */
  insert(id: number, sourceId: string, bodyTerms: string, titleTerms: string, library = BASE_LIBRARY): void {
    if (library === BASE_LIBRARY) this.statements.insert.run(id, bodyTerms, titleTerms, sourceId);
    else this.statements.insertServer.run(id, bodyTerms, titleTerms, sourceId, libraryToken(library));
  }

  /** Removes every indexed paragraph of a library's source (before its paragraphs are replaced). */
  deleteSource(sourceId: string, library = BASE_LIBRARY): void {
    if (library === BASE_LIBRARY) this.statements.deleteSource.run(sourceId);
    else this.statements.deleteServerSource.run(sourceKey(library, sourceId));
  }

  /** Empties both indexes (before a rebuild). */
  clear(): void {
    this.statements.clear.run();
    this.statements.clearServers.run();
  }

  /**
   * Paragraphs matching the FTS5 expression that a library sees, with their index terms: the base
   * library's best `limit` by FTS5's bm25, then, for a server, its own best `limit`.
   */
  candidates(match: string, filter: CandidateFilter, limit: number, library = BASE_LIBRARY): Candidate[] {
    const filtered = filter.sourceId !== undefined || filter.from !== undefined || filter.to !== undefined;
    const bounds = { match, from: filter.from ?? null, to: filter.to ?? null, limit };
    const rows = (filtered
      ? this.statements.filteredCandidates.all({ ...bounds, source: filter.sourceId ?? null })
      : this.statements.candidates.all(match, limit)) as { id: number; sourceId: string; body: string; title: string }[];
    if (library !== BASE_LIBRARY) {
      const source = filter.sourceId === undefined ? null : sourceKey(library, filter.sourceId);
      rows.push(...(this.statements.serverCandidates.all({ ...bounds, match: serverMatch(match, library), source }) as typeof rows));
    }
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

  /** A server's own indexed paragraphs, as their body and title terms (space-separated). */
  serverRows(library: string): [body: string, title: string][] {
    return this.statements.serverRows.all(library) as [string, string][];
  }

  /** Every term of the base library's index with its document frequency. */
  vocabulary(): IterableIterator<[string, number]> {
    return this.statements.vocabulary.iterate() as IterableIterator<[string, number]>;
  }

  /** The base library's paragraphs indexed and the number of body terms in them, as last recorded. */
  stats(): { documents: number; bodyTerms: number } {
    return this.statements.stats.get() as { documents: number; bodyTerms: number };
  }

  /** Recounts the base library's index (call at the end of a write transaction). */
  refreshStats(): void {
    this.statements.refreshStats.run();
  }

  /** True when paragraphs exist but the index is empty: a library from before this index, to rebuild once. */
  needsRebuild(): boolean {
    return this.stats().documents === 0 && this.statements.hasParagraphs.get() === 1;
  }
}

/** A server's one token in the `library` column of its index rows (a guild id is digits only). */
function libraryToken(library: string): string {
  return `g${library}`;
}

/** The candidate query kept to one server's rows: its terms in body or title, and its library token. */
function serverMatch(match: string, library: string): string {
  return `{body title} : (${match}) AND library : "${libraryToken(library)}"`;
}

/**
 * SQL: the best candidates of an FTS5 table for `@match`, within the source and publication years
 * asked (each filter NULL when not asked), in `rank` order; `table` and `rank` are constants.
 */
function filteredCandidatesSql(table: string, rank: string): string {
  return `SELECT rowid AS id, source AS sourceId, body, title FROM ${table} WHERE rowid IN
    (SELECT t.rowid FROM ${table} t JOIN paragraphs p ON p.id = t.rowid JOIN sources s ON s.id = p.source_id
    WHERE ${table} MATCH @match
      AND (@source IS NULL OR p.source_id = @source)
      AND (@from IS NULL OR CAST(substr(s.published, 1, 4) AS INTEGER) >= @from)
      AND (@to IS NULL OR CAST(substr(s.published, 1, 4) AS INTEGER) <= @to)
    ORDER BY ${rank} LIMIT @limit)`;
}
