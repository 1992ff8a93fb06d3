import { extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { layoutPdfText } from '../../core/article/pdf-layout.js';
import { UserError } from '../../core/errors.js';
import type { DocumentMeta, DroppedText, TextBlock } from '../../core/types.js';

/** Fewer letters than this a page, on average: the pages are images (a scan), not text. */
const MIN_LETTERS_PER_PAGE = 40;
/** Metadata a tool writes by itself, not the author: "Microsoft Word - draft.docx", "Untitled", "user". */
const PLACEHOLDER = /^(?:untitled|microsoft (?:word|powerpoint|excel)\b.*|document\d*|title|author|user|owner|admin(?:istrator)?|unknown|.*\.(?:docx?|pdf|tex|rtf|odt|indd|pages))$/i;

/**
 * A PDF's paragraphs with their pages (unpdf's build of PDF.js reads the text runs; the core rebuilds
 * lines and paragraphs: {@link layoutPdfText}), title and author from its metadata or its first page.
 * @throws UserError naming the file: password-protected, damaged, or no text layer (a scan)
 */
export async function extractPdf(bytes: Uint8Array, name: string): Promise<{ blocks: TextBlock[]; meta: DocumentMeta; pages: number; dropped: DroppedText[] }> {
  let pages: Awaited<ReturnType<typeof extractTextItems>>;
  let info: Record<string, unknown>;
  try {
    // A copy: PDF.js may take over the buffer it is given. Verbosity 0: its warnings would go to stdout, the CLI's --json.
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, disableFontFace: true });
    try {
      pages = await extractTextItems(pdf);
      info = (await getMeta(pdf)).info as Record<string, unknown>;
    } finally {
      await pdf.loadingTask.destroy();
    }
  } catch (error) {
    if ((error as Error).name === 'PasswordException') throw new UserError(`${name} is password-protected: save a copy without the password to ingest it.`);
    throw new UserError(`${name} is damaged: it cannot be read as a PDF.`);
  }
  const letters = pages.items.reduce((sum, page) => sum + page.reduce((n, item) => n + (item.str.match(/\p{L}/gu)?.length ?? 0), 0), 0);
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, pages.totalPages)) throw new UserError(`${name} has no text layer: it looks scanned (run it through OCR first).`);
  const layout = layoutPdfText(pages.items);
  if (layout.blocks.length === 0) throw new UserError(`${name} has no text layer: it looks scanned (run it through OCR first).`);
  const meta: DocumentMeta = {};
  const title = metadataValue(info.Title) ?? layout.title;
  if (title) meta.title = title;
  const author = metadataValue(info.Author);
  if (author) meta.author = author;
  return { blocks: layout.blocks, meta, pages: pages.totalPages, dropped: layout.dropped };
}

function metadataValue(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  return text.length >= 2 && /\p{L}/u.test(text) && !PLACEHOLDER.test(text) ? text : undefined;
}
