import { classifyLine, classifyParagraph, EDITOR_NOTE, isLabel } from './boilerplate.js';
import { parseFrontMatter } from './front-matter.js';
import { guessMeta } from './guess-meta.js';
import { collapseWhitespace, foldText, splitSentences } from '../language/text.js';
import type { DroppedText, Paragraph, ParsedArticle, SourceMeta } from '../types.js';

/** A source id: lower-case letters, digits and dashes, as used in citations. */
export const SOURCE_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
const DATE = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
/** Sentences shorter than this are too generic to call a repeat ("He said so."). */
const MIN_REPEATED_SENTENCE = 25;

/** An article file that cannot be ingested; the message names the file and the reason. */
export class ArticleError extends Error {
  override name = 'ArticleError';
}

/**
 * Parses one article file: front matter (or guesses, with warnings), paragraphs, dropped boilerplate, repeats.
 * @param raw the file's text as given
 * @param file the file's name, used in messages and to guess an id
 * @throws ArticleError when the file has no article text or its metadata is malformed
 */
export function parseArticle(raw: string, file: string): ParsedArticle {
  let frontMatter;
  try {
    frontMatter = parseFrontMatter(raw.replace(/^\uFEFF/, ''), file);
  } catch (error) {
    throw new ArticleError((error as Error).message);
  }
  if (raw.includes('\u0000')) throw new ArticleError(`${file} is not a text file (it contains NUL bytes)`);
  const blocks = splitBlocks(frontMatter.body);
  const dropped: DroppedText[] = [];
  const kept: string[] = [];
  const lines: string[] = [];
  for (const block of blocks) {
    const keptLines = block.filter((line) => {
      const kind = classifyLine(line);
      if (kind) dropped.push({ kind, text: line });
      return !kind;
    });
    lines.push(...keptLines);
    if (keptLines.length > 0) kept.push(keptLines.join('\n'));
  }
  const { meta, warnings } = resolveMeta(frontMatter.fields, file, blocks.flat(), kept);
  const paragraphs = markRepeats(dropFurniture(kept, meta.title, dropped), dropped);
  if (paragraphs.length === 0) throw new ArticleError(`${file} has no article text after removing boilerplate`);
  return { meta, paragraphs, dropped, warnings, ...(frontMatter.fields.id === undefined ? { idGuessed: true as const } : {}) };
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

function resolveMeta(fields: Record<string, string>, file: string, allLines: string[], kept: string[]) {
  // Guessing reads every line; front matter usually makes it unnecessary.
  let guesses: ReturnType<typeof guessMeta> | undefined;
  const guessed = () => (guesses ??= guessMeta(allLines, kept, file));
  const warnings: string[] = [];
  const pick = (key: keyof SourceMeta, value: string | undefined, label: string) => {
    if (value !== undefined) return value;
    const guess = guessed()[key];
    if (guess !== undefined) warnings.push(`${label} guessed from ${guessed().from[key]}: ${JSON.stringify(guess)}`);
    return guess;
  };
  const meta: SourceMeta = {
    id: pick('id', fields.id, 'id') ?? '',
    title: pick('title', fields.title, 'title') ?? '',
    author: fields.author ?? (Object.keys(fields).length > 0 ? undefined : pick('author', undefined, 'author')),
    publisher: fields.publisher,
    date: pick('date', fields.date, 'date'),
    dateNote: fields.date_note ?? (fields.date === undefined && guessed().date ? `guessed from ${guessed().from.date}` : undefined),
    url: fields.url,
  };
  if (!SOURCE_ID.test(meta.id)) throw new ArticleError(`${file} has an invalid id ${JSON.stringify(meta.id)}: use lower-case letters, digits and dashes`);
  if (!meta.title) throw new ArticleError(`${file} has no title`);
  if (meta.date !== undefined && !DATE.test(meta.date)) {
    throw new ArticleError(`${file} has a date ${JSON.stringify(meta.date)} that is not YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  return { meta: dropUndefined(meta), warnings };
}

/** Removes headings (the title again), labels, editor's-note prefixes and paragraph-level furniture. */
function dropFurniture(blocks: string[], title: string, dropped: DroppedText[]): string[] {
  const foldedTitle = foldText(title);
  const result: string[] = [];
  for (let block of blocks) {
    const folded = foldText(block);
    const isTitle = folded === foldedTitle || (folded.startsWith(foldedTitle) && folded.length - foldedTitle.length <= 12);
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
    result.push(block);
  }
  return result;
}

/** Numbers paragraphs and marks what repeats earlier text: whole paragraphs, or sentences inside later ones. */
function markRepeats(texts: string[], dropped: DroppedText[]): Paragraph[] {
  const seenParagraphs = new Map<string, number>();
  const seenSentences = new Map<string, number>();
  return texts.map((text, i) => {
    const n = i + 1;
    const folded = foldText(text);
    const whole = seenParagraphs.get(folded);
    if (whole !== undefined) {
      dropped.push({ kind: 'repeat', text: `¶${n} repeats ¶${whole}` });
      return { n, text, body: '', repeatOf: whole };
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
    if (repeatedFrom.length === 0) return { n, text, body: text };
    dropped.push({ kind: 'repeat', text: `¶${n} repeats ${repeatedFrom.length} sentence(s) of ¶${[...new Set(repeatedFrom)].join(', ¶')}` });
    if (fresh.length === 0) return { n, text, body: '', repeatOf: repeatedFrom[0] };
    return { n, text, body: fresh.join(' ') };
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
