/**
 * The baseline a user would get from SQLite alone: FTS5 with the porter tokenizer, ranked by its
 * bm25(), query words OR-ed with stop words removed; over paragraphs, its answer is the top
 * paragraph's sentence sharing the most words with the question.
 */
import Database from 'better-sqlite3';
import { stemmer } from 'stemmer';
import { STOP_WORDS, tokenize } from '../src/core/language/terms.js';
import { foldText, splitSentences } from '../src/core/language/text.js';

/** How the baseline is named in the tables. */
export const FTS5_SYSTEM = 'FTS5 bm25 (porter, stop words removed)';

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

/** A question's distinct content words as the baseline compares them: folded, stop words out, Porter-stemmed. */
function contentWords(text: string): Set<string> {
  return new Set(tokenize(foldText(text)).map((w) => w.replace(/'/g, '')).filter((w) => w && !STOP_WORDS.has(w)).map((w) => stemmer(w)));
}

/** The baseline's answer: the sentence of `text` sharing the most content words with the question (the first on a tie). */
export function bestSentence(question: string, text: string): string {
  const wanted = contentWords(question);
  let best = { sentence: text, shared: -1 };
  for (const sentence of splitSentences(text)) {
    const shared = [...contentWords(sentence)].filter((w) => wanted.has(w)).length;
    if (shared > best.shared) best = { sentence, shared };
  }
  return best.sentence;
}

/** A library paragraph as the baseline indexes it: its text of its own, under its source's title. */
export interface BaselineParagraph { id: number; sourceId: string; n: number; title: string; body: string }

/** The FTS5 baseline over a library's paragraphs, answering as /ask does: ranked paragraphs and one sentence. */
export class Fts5ParagraphBaseline {
  private readonly fts: Fts5Baseline;
  private readonly byId: Map<number, BaselineParagraph>;

  constructor(paragraphs: BaselineParagraph[]) {
    this.byId = new Map(paragraphs.map((p) => [p.id, p]));
    this.fts = new Fts5Baseline(paragraphs.map((p) => ({ id: p.id, title: p.title, text: p.body })));
  }

  /** The top `limit` paragraphs, and the answer sentence from the first; `answer` is undefined when nothing matched. */
  ask(question: string, limit = 10): { passages: BaselineParagraph[]; answer?: { text: string; sourceId: string; paragraph: number } } {
    const passages = this.fts.search(question, limit).map((id) => this.byId.get(id)!);
    const top = passages[0];
    return { passages, ...(top ? { answer: { text: bestSentence(question, top.body), sourceId: top.sourceId, paragraph: top.n } } : {}) };
  }

  close(): void {
    this.fts.close();
  }
}
