import { classifyLine, classifyParagraph, EDITOR_NOTE, isLabel } from './boilerplate.js';
import { parseFrontMatter } from './front-matter.js';
import { guessMeta } from './guess-meta.js';
import { collapseWhitespace, foldText, splitSentences } from '../language/text.js';
import type { ArticleText, DocumentMeta, DroppedText, Paragraph, ParsedArticle, SourceMeta } from '../types.js';

/** A source id: lower-case letters, digits and dashes, as used in citations. */
export const SOURCE_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
/** Ends a sentence: a line that does is text, not a heading. */
const SENTENCE_END = /[.!?…]["”’)\]]*$/;
/** Sentences shorter than this are too generic to call a repeat ("He said so."). */
const MIN_REPEATED_SENTENCE = 25;

/** An article file that cannot be ingested; the message names the file and the reason. */
export class ArticleError extends Error {
  override name = 'ArticleError';
}

/** A block of lines, with the page it starts on when the document has pages. */
interface Block {
  lines: string[];
  page?: number;
}

/** A paragraph's text before numbering, with its page. */
interface Piece {
  text: string;
  page?: number;
}

/**
 * Parses one article: front matter (or guesses, with warnings), paragraphs, dropped boilerplate, repeats.
 * @param input a text file's text as given, or an article extracted from a document (its paragraphs,
 *   their pages and what its metadata says; what it leaves out is guessed as for text)
 * @param file the file's name, used in messages and to guess an id
 * @throws ArticleError when the file has no article text or its metadata is malformed
 */
export function parseArticle(input: string | ArticleText, file: string): ParsedArticle {
  const text: ArticleText = typeof input === 'string' ? { format: 'text', raw: input, meta: {} } : input;
  let fields: Record<string, string> = {};
  let blocks: Block[];
  if (text.format === 'text') {
    let frontMatter;
    try {
      frontMatter = parseFrontMatter(text.raw.replace(/^\uFEFF/, ''), file);
    } catch (error) {
      throw new ArticleError((error as Error).message);
    }
    if (text.raw.includes('\u0000')) throw new ArticleError(`${file} is not a text file (it contains NUL bytes)`);
    fields = frontMatter.fields;
    blocks = splitBlocks(frontMatter.body).map((lines) => ({ lines }));
  } else {
    blocks = text.blocks
      .map((block) => ({ lines: block.text.split('\n').map(collapseWhitespace).filter(Boolean), ...(block.page === undefined ? {} : { page: block.page }) }))
      .filter((block) => block.lines.length > 0);
  }
  const dropped: DroppedText[] = text.format === 'text' ? [] : [...(text.dropped ?? [])];
  const kept: Piece[] = [];
  for (const block of blocks) {
    const keptLines = block.lines.filter((line) => {
      const kind = classifyLine(line);
      if (kind) dropped.push({ kind, text: line });
      return !kind;
    });
    if (keptLines.length > 0) kept.push({ text: keptLines.join('\n'), ...(block.page === undefined ? {} : { page: block.page }) });
  }
  const { meta, warnings } = resolveMeta(fields, text.meta, file, blocks.flatMap((b) => b.lines), kept.map((k) => k.text));
  // A document's first line taken for its title may be its first paragraph (a page with no title at
  // all): it stays a paragraph when it reads as a sentence.
  const titleMayBeText = text.format !== 'text' && fields.title === undefined && text.meta.title === undefined && SENTENCE_END.test(meta.title);
  const paragraphs = markRepeats(dropFurniture(kept, titleMayBeText ? undefined : meta.title, dropped), dropped);
  if (paragraphs.length === 0) throw new ArticleError(`${file} has no article text after removing boilerplate`);
  return { meta, paragraphs, dropped, warnings, ...(fields.id === undefined ? { idGuessed: true as const } : {}) };
}

/** Splits on blank lines when the text has any, else one paragraph per line; lines are tidied. */
function splitBlocks(body: string): string[][] {
  const text = body.replace(/\r\n?/g, '\n');
  const hasBlankLines = /\n[ \t\u00A0]*\n/.test(text);
  const blocks = hasBlankLines ? text.split(/\n[ \t\u00A0]*\n/) : text.split('\n');
  return blocks
    .map((block) => block.split('\n').map(collapseWhitespace).filter(Boolean))
    .filter((block) => block.length > 0);
}

/**
 * The source's metadata: front matter first, then what the document says of itself (`given`), then
 * guesses from the text, each guess a warning.
 */
function resolveMeta(fields: Record<string, string>, given: DocumentMeta, file: string, allLines: string[], kept: string[]) {
  // Guessing reads every line; front matter usually makes it unnecessary.
  let guesses: ReturnType<typeof guessMeta> | undefined;
  // The id is made from the author, title and date the file gives, front matter first.
  const known: DocumentMeta = { ...given };
  for (const key of ['title', 'author', 'date'] as const) if (fields[key] !== undefined) known[key] = fields[key];
  const guessed = () => (guesses ??= guessMeta(allLines, kept, file, known));
  const warnings: string[] = [];
  const pick = (key: keyof SourceMeta, value: string | undefined, label: string) => {
    if (value !== undefined) return value;
    const guess = guessed()[key];
    if (guess !== undefined) warnings.push(`${label} guessed from ${guessed().from[key]}: ${JSON.stringify(guess)}`);
    return guess;
  };
  const meta: SourceMeta = {
    id: pick('id', fields.id, 'id') ?? '',
    title: pick('title', fields.title ?? given.title, 'title') ?? '',
    author: fields.author ?? given.author ?? (Object.keys(fields).length > 0 ? undefined : pick('author', undefined, 'author')),
    publisher: fields.publisher ?? given.publisher,
    date: pick('date', fields.date ?? given.date, 'date'),
    dateNote: fields.date_note ?? (fields.date === undefined && given.date === undefined && guessed().date ? `guessed from ${guessed().from.date}` : undefined),
    url: fields.url ?? given.url,
  };
  // The date first: an id guessed from a malformed date is malformed for that reason.
  if (meta.date !== undefined && !DATE.test(meta.date)) {
    throw new ArticleError(`${file} has a date ${JSON.stringify(meta.date)} that is not YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  if (!SOURCE_ID.test(meta.id)) throw new ArticleError(`${file} has an invalid id ${JSON.stringify(meta.id)}: use lower-case letters, digits and dashes`);
  if (!meta.title) throw new ArticleError(`${file} has no title`);
  return { meta: dropUndefined(meta), warnings };
}

/** Removes headings (the title again), labels, editor's-note prefixes and paragraph-level furniture. */
function dropFurniture(pieces: Piece[], title: string | undefined, dropped: DroppedText[]): Piece[] {
  const foldedTitle = title === undefined ? undefined : foldText(title);
  const result: Piece[] = [];
  for (const piece of pieces) {
    let block = piece.text;
    // A Markdown heading's marks are not words: "# The Title" is the title again.
    const folded = foldText(block.replace(/^#{1,6}[ \t]+/, ''));
    const isTitle = foldedTitle !== undefined && (folded === foldedTitle || (folded.startsWith(foldedTitle) && folded.length - foldedTitle.length <= 12));
    const kind = isTitle ? 'heading' : isLabel(block) ? 'label' : classifyParagraph(block);
    if (kind) {
      dropped.push({ kind, text: block });
      continue;
    }
    const note = EDITOR_NOTE.exec(block);
    if (note) {
      dropped.push({ kind: 'editor note label', text: note[0].trim() });
      block = block.slice(note[0].length);
    }
    result.push({ ...piece, text: block });
  }
  return result;
}

/** Numbers paragraphs and marks what repeats earlier text: whole paragraphs, or sentences inside later ones. */
function markRepeats(pieces: Piece[], dropped: DroppedText[]): Paragraph[] {
  const seenParagraphs = new Map<string, number>();
  const seenSentences = new Map<string, number>();
  return pieces.map(({ text, page }, i) => {
    const n = i + 1;
    const paged = (paragraph: Paragraph): Paragraph => (page === undefined ? paragraph : { ...paragraph, page });
    const folded = foldText(text);
    const whole = seenParagraphs.get(folded);
    if (whole !== undefined) {
      dropped.push({ kind: 'repeat', text: `¶${n} repeats ¶${whole}` });
      return paged({ n, text, body: '', repeatOf: whole });
    }
    seenParagraphs.set(folded, n);
    const fresh: string[] = [];
    const repeatedFrom: number[] = [];
    for (const sentence of splitSentences(text)) {
      const key = foldText(sentence);
      const earlier = key.length >= MIN_REPEATED_SENTENCE ? seenSentences.get(key) : undefined;
      if (earlier !== undefined) repeatedFrom.push(earlier);
      else {
        fresh.push(sentence);
        if (!seenSentences.has(key)) seenSentences.set(key, n);
      }
    }
    if (repeatedFrom.length === 0) return paged({ n, text, body: text });
    dropped.push({ kind: 'repeat', text: `¶${n} repeats ${repeatedFrom.length} sentence(s) of ¶${[...new Set(repeatedFrom)].join(', ¶')}` });
    if (fresh.length === 0) return paged({ n, text, body: '', repeatOf: repeatedFrom[0] });
    return paged({ n, text, body: fresh.join(' ') });
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
