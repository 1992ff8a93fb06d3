/** What a citation needs to know about one article. */
export interface SourceMeta {
  /** Stable slug used in citations, e.g. `gvs-2018`. */
  id: string;
  title: string;
  author?: string;
  publisher?: string;
  /** Publication date as printed or inferred: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  /** Set when the date is inferred rather than printed: from what. */
  dateNote?: string;
  url?: string;
}

/** One paragraph of an article, numbered from 1 in reading order. */
export interface Paragraph {
  n: number;
  /** The paragraph as the article gives it, whitespace tidied. */
  text: string;
  /** The text with sentences the article already said earlier removed; empty when the whole paragraph repeats. */
  body: string;
  /** Number of the earlier paragraph this one repeats entirely. */
  repeatOf?: number;
  /** The page it starts on, for documents that have pages (PDF). */
  page?: number;
}

/** Text that ingestion left out of the paragraphs, and why. */
export interface DroppedText {
  kind: 'banner' | 'page date' | 'heading' | 'label' | 'byline' | 'source line' | 'read more' | 'comments' |
    'author bio' | 'disclaimer' | 'editor note label' | 'repeat' | 'running header' | 'page number';
  text: string;
}

/** The formats an article can arrive in. */
export type ArticleFormat = 'text' | 'html' | 'pdf' | 'docx';

/** One paragraph of a document as extracted (lines separated by `\n`), with the page it starts on (PDF). */
export interface TextBlock {
  text: string;
  page?: number;
}

/** What a document says about itself (a page's `og:` tags and JSON-LD, a PDF's info, a link), before any guess. */
export type DocumentMeta = Partial<Pick<SourceMeta, 'title' | 'author' | 'publisher' | 'date' | 'url'>>;

/**
 * An article's text as extracted from its bytes: a text file as written (front matter and all), or a
 * document's paragraphs in reading order; with what the document's metadata says.
 */
export type ArticleText =
  | { format: 'text'; raw: string; meta: DocumentMeta }
  | {
    format: Exclude<ArticleFormat, 'text'>;
    blocks: TextBlock[];
    meta: DocumentMeta;
    /** Pages in the document (PDF). */
    pages?: number;
    /** What extraction left out that a reader would want to know (a PDF's running headers, page numbers). */
    dropped?: DroppedText[];
  };

/** An article parsed and cleaned, ready to store. */
export interface ParsedArticle {
  meta: SourceMeta;
  paragraphs: Paragraph[];
  dropped: DroppedText[];
  /** What was guessed because the file did not say it (no front matter). */
  warnings: string[];
  /** Set when the id was guessed, not given in front matter: ingestion may then choose another. */
  idGuessed?: true;
}

/** A stored source, as the library lists it. */
export interface Source extends SourceMeta {
  paragraphCount: number;
  warnings: string[];
  dropped: DroppedText[];
}

/** A paragraph as stored, with the id the search index uses. */
export interface StoredParagraph extends Paragraph {
  /** Numeric id shared by SQLite and the search index. */
  id: number;
  sourceId: string;
}
