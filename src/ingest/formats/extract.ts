import { UserError } from '../../core/errors.js';
import type { ArticleFormat, ArticleText } from '../../core/types.js';
import { BINARY, charsetOf, declaredFormat, FORMAT_NAMES, READABLE, sniffBytes } from './sniff.js';
import { decodeText } from './text.js';

/** An article as it arrives: its bytes, the name it came under, and what its sender said of it. */
export interface ArrivingArticle {
  bytes: Uint8Array;
  /** The file name or link it came under: its extension says what it should be, and messages name it. */
  name: string;
  /** The Content-Type it came with (a download, an upload), when there was one: its charset decodes text. */
  contentType?: string;
  /** The link it was downloaded from: the source's url. */
  url?: string;
}

/** Largest article of each format: no article is longer, and parsing one would stall the bot. */
export const MAX_BYTES: Record<ArticleFormat, number> = {
  text: 5 * 1024 * 1024,
  html: 10 * 1024 * 1024,
  pdf: 50 * 1024 * 1024,
  docx: 50 * 1024 * 1024,
};

/**
 * Turns an article's bytes into its text and what it says of itself, whatever the format: the one
 * way in for a file, a link and an upload. The format is sniffed from the bytes; a name or content
 * type that says otherwise refuses it. Text stays as written (front matter and all; parsing comes
 * later); a web page is reduced to its article (Readability), a PDF and a Word file to their paragraphs.
 * @throws UserError in one sentence naming the article: an unsupported type, a file that is not what
 *   its extension says, too large, empty, unreadable, no text (a scan, a page that is all script)
 */
export async function extractArticle(article: ArrivingArticle): Promise<ArticleText> {
  const { bytes, name, contentType, url } = article;
  const format = formatOf(bytes, name, contentType);
  if (bytes.length > MAX_BYTES[format]) throw new UserError(`${name} is ${bytes.length} bytes, over the ${MAX_BYTES[format]}-byte limit for one article.`);
  const meta = url === undefined ? {} : { url };
  switch (format) {
    case 'text':
      return { format, raw: decodeText(bytes, name, charsetOf(contentType)), meta };
    // Each format's parser is loaded when an article of that format arrives: linkedom and mammoth
    // alone took ~250 ms of every CLI start (`research-bot ask` imports the ingester).
    case 'html': {
      const { decodeHtml, extractHtml } = await import('./html.js');
      const page = extractHtml(decodeHtml(bytes, charsetOf(contentType)), name);
      return { format, blocks: page.blocks, meta: { ...page.meta, ...meta } };
    }
    case 'pdf': {
      const { extractPdf } = await import('./pdf.js');
      const pdf = await extractPdf(bytes, name);
      return { format, ...pdf, meta: { ...pdf.meta, ...meta } };
    }
    case 'docx': {
      const { extractDocx } = await import('./docx.js');
      const docx = await extractDocx(bytes, name);
      return { format, ...docx, meta: { ...docx.meta, ...meta } };
    }
  }
}

/**
 * The format of an article: what its bytes are, when its name (or content type) does not say
 * something else.
 * @throws UserError for bytes no format reads, or bytes that are not what the name says
 */
export function formatOf(bytes: Uint8Array, name: string, contentType?: string): ArticleFormat {
  const sniffed = sniffBytes(bytes);
  const declared = declaredFormat(name, contentType);
  if ('other' in sniffed) {
    const { other, hint } = sniffed;
    if (other === BINARY && (declared === undefined || declared === 'text')) throw new UserError(`${name} is a binary file, not text.`);
    if (declared !== undefined) throw new UserError(`${name} is not ${FORMAT_NAMES[declared]}: it is ${other}${hint ? `; ${hint}` : ''}.`);
    throw new UserError(`${name} is ${other}: ${hint ?? `research-bot reads ${READABLE}`}.`);
  }
  const found = sniffed.format;
  if (declared === undefined || declared === found) return found;
  // Markdown and plain text may start with a tag; a page may hold no tag before its text.
  if (declared === 'text' && found === 'html') return 'text';
  if (declared === 'html' && found === 'text') return 'html';
  throw new UserError(`${name} is not ${FORMAT_NAMES[declared]}: it is ${FORMAT_NAMES[found]}.`);
}
