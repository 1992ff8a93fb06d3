/**
 * The baseline a user would get from SQLite alone: FTS5 with the porter tokenizer, ranked by its
 * bm25(), query words OR-ed with stop words removed.
 */
import Database from 'better-sqlite3';
import { STOP_WORDS, tokenize } from '../src/core/language/terms.js';
import { foldText } from '../src/core/language/text.js';

/** Turns a natural-language query into an FTS5 OR query without stop words; `undefined` when nothing is left. */
export function toFtsQuery(text: string): string | undefined {
  const words = [...new Set(tokenize(foldText(text)).map((w) => w.replace(/'/g, '')).filter((w) => w && !STOP_WORDS.has(w)))];
  return words.length > 0 ? words.map((w) => `"${w}"`).join(' OR ') : undefined;
}

/** An FTS5 table over (title, body) documents, queried the plain way. */
export class Fts5Baseline {
  private readonly db = new Database(':memory:');
  private readonly query;

  constructor(docs: Iterable<{ id: number; title: string; text: string }>) {
    this.db.exec("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61')");
    const insert = this.db.prepare('INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const doc of docs) insert.run(doc.id, doc.title, doc.text);
    })();
    this.query = this.db.prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?').pluck();
  }

  /** Document ids, best first. */
  search(text: string, limit: number): number[] {
    const match = toFtsQuery(text);
    return match ? (this.query.all(match, limit) as number[]) : [];
  }

  close(): void {
    this.db.close();
  }
}
