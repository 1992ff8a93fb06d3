import type { DroppedText, ParsedArticle, Source, SourceMeta, StoredParagraph } from '../core/types.js';
import type { Db } from './db.js';
import { BASE_LIBRARY, citedId, libraryOfKey, libraryOfSql, sourceKey, visibleSql } from './library-keys.js';

interface SourceRow {
  id: string; title: string; author: string | null; publisher: string | null; published: string | null;
  date_note: string | null; url: string | null; file: string; content_hash: string; warnings: string; dropped: string;
  file_size: number | null; file_mtime: number | null; paragraph_count: number;
}

interface ParagraphRow { id: number; source_id: string; n: number; text: string; body: string; repeat_of: number | null; page: number | null }

/** A source as stored, with where it came from. */
export interface StoredSource extends Source {
  /** The library it is in: the base (`''`) or a server's (its guild id). */
  library: string;
  /** Where it came from, its identity: the file (absolute; relative to the working folder in older libraries), or an upload or URL. */
  file: string;
  contentHash: string;
  /** The file's size and modification time (ms) when it was last read, when known. */
  fileSize?: number;
  fileMtime?: number;
}

/** Size and modification time of a file, as the start-up re-read compares them. */
export interface FileStamp {
  size: number;
  mtime: number;
}

/** The library tables behind prepared statements: every read and write of sources and paragraphs. */
export class SourceStore {
  private readonly statements;

  constructor(readonly db: Db) {
    const count = '(SELECT count(*) FROM paragraphs p WHERE p.source_id = s.id) AS paragraph_count';
    this.statements = {
      sources: db.prepare(`SELECT s.*, ${count} FROM sources s WHERE ${visibleSql('s.id')} ORDER BY s.published, s.id`),
      ownSources: db.prepare(`SELECT s.*, ${count} FROM sources s WHERE ${libraryOfSql('s.id')} = @library ORDER BY s.published, s.id`),
      source: db.prepare(`SELECT s.*, ${count} FROM sources s WHERE s.id = ?`),
      sample: db.prepare(`SELECT p.source_id AS key, p.body FROM paragraphs p WHERE p.body <> '' AND p.id % @step = 0 AND ${visibleSql('p.source_id')}`),
      size: db.prepare(`SELECT (SELECT count(*) FROM sources s WHERE ${visibleSql('s.id')}) AS sources,
        (SELECT count(*) FROM paragraphs p WHERE ${visibleSql('p.source_id')}) AS paragraphs`),
      ingestedAt: db.prepare('SELECT ingested_at FROM sources WHERE id = ?').pluck(),
      sourceByHash: db.prepare(`SELECT id FROM sources WHERE content_hash = ? AND ${libraryOfSql('id')} = ?`).pluck(),
      // Newest first: an older library may hold two sources of one file (an id changed in its front matter).
      sourceByFile: db.prepare(`SELECT id FROM sources WHERE file IN (?, ?) AND ${libraryOfSql('id')} = ? ORDER BY ingested_at DESC LIMIT 1`).pluck(),
      // Every library's source cited by one id: the key itself, then `id:<guild>` by range on the primary key.
      holders: db.prepare("SELECT id, file FROM sources WHERE id = @id OR (id >= @id || ':' AND id < @id || ';')"),
      stamps: db.prepare("SELECT id, file, file_size AS size, file_mtime AS mtime FROM sources WHERE instr(id, ':') = 0"),
      stamp: db.prepare('UPDATE sources SET file = ?, file_size = ?, file_mtime = ? WHERE id = ?'),
      removedHash: db.prepare('SELECT content_hash FROM removed_files WHERE file IN (?, ?)').pluck(),
      markRemoved: db.prepare('INSERT OR REPLACE INTO removed_files (file, content_hash, removed_at) VALUES (?, ?, ?)'),
      forgetRemoved: db.prepare('DELETE FROM removed_files WHERE file IN (?, ?)'),
      paragraphById: db.prepare('SELECT * FROM paragraphs WHERE id = ?'),
      paragraph: db.prepare('SELECT * FROM paragraphs WHERE source_id = ? AND n = ?'),
      paragraphsOf: db.prepare('SELECT * FROM paragraphs WHERE source_id = ? ORDER BY n'),
      indexable: db.prepare(`SELECT p.id, p.source_id AS key, p.body, s.title FROM paragraphs p
        JOIN sources s ON s.id = p.source_id WHERE p.body <> '' AND p.id > @after AND (@all OR ${visibleSql('s.id')}) ORDER BY p.id LIMIT @limit`),
      deleteSource: db.prepare('DELETE FROM sources WHERE id = ?'),
      insertSource: db.prepare(`INSERT INTO sources (id, title, author, publisher, published, date_note, url, file,
        content_hash, warnings, dropped, ingested_at, file_size, file_mtime) VALUES (@id, @title, @author, @publisher, @published,
        @dateNote, @url, @file, @contentHash, @warnings, @dropped, @ingestedAt, @size, @mtime)`),
      insertParagraph: db.prepare('INSERT INTO paragraphs (source_id, n, text, body, repeat_of, page) VALUES (?, ?, ?, ?, ?, ?)'),
      count: db.prepare('SELECT count(*) FROM sources').pluck(),
    };
  }

  /** Every source a library sees (the base library's, and a server's own), oldest first. */
  listSources(library = BASE_LIBRARY): StoredSource[] {
    return (this.statements.sources.all({ library }) as SourceRow[]).map(toSource);
  }

  /** The sources of one library only (a server's own additions, or the base library alone), oldest first. */
  listOwnSources(library: string): StoredSource[] {
    return (this.statements.ownSources.all({ library }) as SourceRow[]).map(toSource);
  }

  /** One source of one library, or `undefined` when that library has no such id. */
  getSource(id: string, library = BASE_LIBRARY): StoredSource | undefined {
    const row = this.statements.source.get(sourceKey(library, id)) as SourceRow | undefined;
    return row && toSource(row);
  }

  /** When a library's source was last written (added, or updated from a changed file), in ms; `undefined` when there is none. */
  ingestedAt(id: string, library = BASE_LIBRARY): number | undefined {
    const at = this.statements.ingestedAt.get(sourceKey(library, id)) as string | undefined;
    return at === undefined ? undefined : Date.parse(at);
  }

  /** The source an id names as a library sees it: its own first (a server's ids never repeat the base's), then the base's. */
  findVisible(id: string, library: string): StoredSource | undefined {
    return this.getSource(id, library) ?? (library === BASE_LIBRARY ? undefined : this.getSource(id, BASE_LIBRARY));
  }

  /** The id of a library's source ingested from a file with this content hash, if any. */
  findByHash(contentHash: string, library = BASE_LIBRARY): string | undefined {
    const key = this.statements.sourceByHash.get(contentHash, library) as string | undefined;
    return key === undefined ? undefined : citedId(key);
  }

  /**
   * The id of the source a library made from a file (or an upload, a URL), if any.
   * @param file the absolute path; `shown` the same as older libraries stored it (relative to the working folder)
   */
  findByFile(file: string, shown: string, library = BASE_LIBRARY): string | undefined {
    const key = this.statements.sourceByFile.get(file, shown, library) as string | undefined;
    return key === undefined ? undefined : citedId(key);
  }

  /** Every library's source cited by this id, with where it came from. */
  holdersOf(id: string): { library: string; file: string }[] {
    return (this.statements.holders.all({ id }) as { id: string; file: string }[]).map((row) => ({ library: libraryOfKey(row.id), file: row.file }));
  }

  /** Every base source's file with its size and modification time when last read (null when unknown). */
  fileStamps(): { id: string; file: string; size: number | null; mtime: number | null }[] {
    return this.statements.stamps.all() as { id: string; file: string; size: number | null; mtime: number | null }[];
  }

  /** Records where a source's unchanged file now is and its size and time (call inside a transaction). */
  stampFile(id: string, file: string, stamp: FileStamp | undefined, library = BASE_LIBRARY): void {
    this.statements.stamp.run(file, stamp?.size ?? null, stamp?.mtime ?? null, sourceKey(library, id));
  }

  /** The content hash of a file whose source was removed, if it was (either form of its path). */
  removedHash(file: string, shown: string): string | undefined {
    return this.statements.removedHash.get(file, shown) as string | undefined;
  }

  /** Remembers that a file's source was removed, so the start-up re-read leaves that file out. */
  markRemoved(file: string, contentHash: string): void {
    this.statements.markRemoved.run(file, contentHash, new Date().toISOString());
  }

  /** Forgets a removal: the file was ingested again by name. */
  forgetRemoved(file: string, shown: string): void {
    this.statements.forgetRemoved.run(file, shown);
  }

  /** How many sources and paragraphs a library sees (the base's and its own), without reading them. */
  sizeOf(library = BASE_LIBRARY): { sources: number; paragraphs: number } {
    return this.statements.size.get({ library }) as { sources: number; paragraphs: number };
  }

  /** Number of sources, in every library. */
  countSources(): number {
    return this.statements.count.get() as number;
  }

  /** Paragraphs by index id, in the order asked; unknown ids are skipped. */
  getParagraphsById(ids: number[]): StoredParagraph[] {
    return ids.map((id) => this.statements.paragraphById.get(id) as ParagraphRow | undefined).filter((r) => r !== undefined).map(toParagraph);
  }

  /** One paragraph by its citation, or `undefined`. */
  getParagraph(sourceId: string, n: number, library = BASE_LIBRARY): StoredParagraph | undefined {
    const row = this.statements.paragraph.get(sourceKey(library, sourceId), n) as ParagraphRow | undefined;
    return row && toParagraph(row);
  }

  /** All paragraphs of a source, in order. */
  getParagraphsOf(sourceId: string, library = BASE_LIBRARY): StoredParagraph[] {
    return (this.statements.paragraphsOf.all(sourceKey(library, sourceId)) as ParagraphRow[]).map(toParagraph);
  }

  /**
   * Every paragraph with text of its own, with its source's title and library: what the search
   * indexes hold; those a library sees, or every library's with `library` undefined. Read a page at
   * a time, so the caller may write to the database between pages.
   */
  *indexable(library?: string, pageSize = 2000): IterableIterator<{ id: number; sourceId: string; library: string; body: string; title: string }> {
    for (let after = 0; ; ) {
      const page = this.statements.indexable.all({ after, limit: pageSize, all: library === undefined ? 1 : 0, library: library ?? BASE_LIBRARY }) as
        { id: number; key: string; body: string; title: string }[];
      for (const { key, ...row } of page) yield { ...row, sourceId: citedId(key), library: libraryOfKey(key) };
      if (page.length < pageSize) return;
      after = page[page.length - 1]!.id;
    }
  }

  /** Every `step`-th paragraph with text (by id) that a library sees: an even sample of it, for statistics. */
  sampleParagraphs(library: string, step: number): { sourceId: string; body: string }[] {
    return (this.statements.sample.all({ library, step }) as { key: string; body: string }[]).map(({ key, body }) => ({ sourceId: citedId(key), body }));
  }

  /** Deletes a source and, by cascade, its paragraphs and events (call inside a transaction); false when the id is unknown. */
  deleteSource(id: string, library = BASE_LIBRARY): boolean {
    return this.statements.deleteSource.run(sourceKey(library, id)).changes > 0;
  }

  /**
   * Replaces a library's source and its paragraphs (call inside a transaction).
   * @param file where it came from: its identity
   * @returns the stored paragraphs with text of their own, with their new ids, for the search index
   */
  replaceSource(article: ParsedArticle, file: string, contentHash: string, stamp?: FileStamp, library = BASE_LIBRARY): { id: number; body: string }[] {
    const { meta } = article;
    const key = sourceKey(library, meta.id);
    this.statements.deleteSource.run(key);
    this.statements.insertSource.run({
      id: key, title: meta.title, author: meta.author ?? null, publisher: meta.publisher ?? null,
      published: meta.date ?? null, dateNote: meta.dateNote ?? null, url: meta.url ?? null, file, contentHash,
      warnings: JSON.stringify(article.warnings), dropped: JSON.stringify(article.dropped), ingestedAt: new Date().toISOString(),
      size: stamp?.size ?? null, mtime: stamp?.mtime ?? null,
    });
    return article.paragraphs.flatMap((p) => {
      const { lastInsertRowid } = this.statements.insertParagraph.run(key, p.n, p.text, p.body, p.repeatOf ?? null, p.page ?? null);
      return p.body ? [{ id: Number(lastInsertRowid), body: p.body }] : [];
    });
  }
}

function toSource(row: SourceRow): StoredSource {
  const meta: SourceMeta = { id: citedId(row.id), title: row.title };
  if (row.author) meta.author = row.author;
  if (row.publisher) meta.publisher = row.publisher;
  if (row.published) meta.date = row.published;
  if (row.date_note) meta.dateNote = row.date_note;
  if (row.url) meta.url = row.url;
  return {
    ...meta,
    library: libraryOfKey(row.id),
    paragraphCount: row.paragraph_count,
    warnings: JSON.parse(row.warnings) as string[],
    dropped: JSON.parse(row.dropped) as DroppedText[],
    file: row.file,
    contentHash: row.content_hash,
    ...(row.file_size !== null && row.file_mtime !== null ? { fileSize: row.file_size, fileMtime: row.file_mtime } : {}),
  };
}

function toParagraph(row: ParagraphRow): StoredParagraph {
  const paragraph: StoredParagraph = { id: row.id, sourceId: citedId(row.source_id), n: row.n, text: row.text, body: row.body };
  if (row.repeat_of !== null) paragraph.repeatOf = row.repeat_of;
  if (row.page !== null) paragraph.page = row.page;
  return paragraph;
}
