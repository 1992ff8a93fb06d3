import type { DroppedText, TextBlock } from '../types.js';

/** A run of text as a PDF page draws it (PDF coordinates: y grows upwards), in the page's own order. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

/** A PDF's text rebuilt as paragraphs: what a reader of the pages would call the text. */
export interface PdfLayout {
  blocks: TextBlock[];
  /** Running headers and footers and page numbers, left out. */
  dropped: DroppedText[];
  /** The first page's largest line(s), a title when the document's metadata gives none. */
  title?: string;
}

interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  fontSize: number;
}

/** Lines at the top and bottom of a page looked at for running headers, footers and page numbers. */
const MARGIN_LINES = 2;
/** A page number: "3", "Page 3", "3 of 10", "- 3 -", "iv". */
const PAGE_NUMBER = /^(?:(?:page|p\.)\s*)?(?:\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|[-–—]\s*\d{1,4}\s*[-–—]|[ivxlc]{1,7})$/i;
/** Ends a sentence, so a paragraph that ends a page is not continued on the next. */
const SENTENCE_END = /[.!?:;…]["”’»)\]]*$/;

/**
 * Rebuilds a PDF's paragraphs from its text runs: lines from runs on one baseline, running headers
 * and footers (a line at the top or bottom of more than half the pages, numbers aside) and page
 * numbers removed, paragraphs split where the spacing grows, the font size changes, a line is indented
 * or a short line ends a sentence; a paragraph left open at the foot of a page joined to the next
 * page's first one, and a word hyphenated across a line break joined.
 * @param pages each page's text runs in the order the page draws them (usually reading order)
 */
export function layoutPdfText(pages: readonly (readonly PdfTextItem[])[]): PdfLayout {
  const lines = pages.map(toLines);
  const dropped = dropMargins(lines);
  const lineGap = commonest(lines.flatMap((page) => page.slice(1).map((line, i) => page[i]!.y - line.y).filter((gap) => gap > 0)));
  const blocks: TextBlock[] = [];
  lines.forEach((page, index) => {
    const paragraphs = splitParagraphs(page, lineGap);
    paragraphs.forEach((paragraph, i) => {
      const text = joinLines(paragraph.map((line) => line.text));
      const previous = blocks.at(-1);
      // The first paragraph of a page continues the last of the one before when that one is left open.
      if (i === 0 && previous && continues(previous.text, text)) previous.text = joinLines([previous.text, text]);
      else blocks.push({ text, page: index + 1 });
    });
  });
  return { blocks, dropped, ...titleOf(lines[0] ?? []) };
}

/** Groups a page's runs into lines: a new line where the baseline moves by half a font size or more. */
function toLines(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { parts: string[] }) | undefined;
  for (const item of items) {
    if (item.str === '' && item.width === 0) continue;
    const size = item.fontSize || 1;
    if (current && Math.abs(item.y - current.y) < 0.5 * Math.max(size, current.fontSize) && item.x >= current.x) {
      // A gap wider than a fifth of the font size between two runs is a space the PDF does not draw.
      const gap = item.x - current.right;
      if (gap > 0.2 * size && !/\s$/.test(current.parts.at(-1) ?? '') && !/^\s/.test(item.str)) current.parts.push(' ');
      current.parts.push(item.str);
      current.right = Math.max(current.right, item.x + item.width);
      current.fontSize = Math.max(current.fontSize, size);
    } else {
      if (current) lines.push(finish(current));
      current = { text: '', x: item.x, y: item.y, right: item.x + item.width, fontSize: size, parts: [item.str] };
    }
  }
  if (current) lines.push(finish(current));
  return lines.filter((line) => line.text !== '');
}

function finish({ parts, ...line }: Line & { parts: string[] }): Line {
  return { ...line, text: parts.join('').replace(/\s+/g, ' ').trim() };
}

/**
 * Removes running headers and footers (the same line, numbers aside, among the top or bottom lines of
 * more than half the pages) and page numbers at the top or bottom of a page.
 */
function dropMargins(pages: Line[][]): DroppedText[] {
  const margins = (page: Line[]) => new Set([...page.slice(0, MARGIN_LINES), ...page.slice(-MARGIN_LINES)]);
  const key = (line: Line) => line.text.toLowerCase().replace(/\d+/g, '#');
  const pagesWith = new Map<string, number>();
  for (const page of pages) for (const k of new Set([...margins(page)].map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  const dropped: DroppedText[] = [];
  const seen = new Set<string>();
  let numbers = 0;
  pages.forEach((page, i) => {
    const edge = margins(page);
    pages[i] = page.filter((line) => {
      if (!edge.has(line) || (line.text.match(/\S/g) ?? []).length === 0) return true;
      if (PAGE_NUMBER.test(line.text)) {
        numbers++;
        return false;
      }
      const k = key(line);
      if (pages.length < 2 || (pagesWith.get(k) ?? 0) * 2 <= pages.length) return true;
      if (!seen.has(k)) dropped.push({ kind: 'running header', text: line.text });
      seen.add(k);
      return false;
    });
  });
  if (numbers > 0) dropped.push({ kind: 'page number', text: `${numbers} page number${numbers === 1 ? '' : 's'}` });
  return dropped;
}

/** Splits a page's lines into paragraphs by spacing, font size, indentation and short last lines. */
function splitParagraphs(lines: Line[], lineGap: number): Line[][] {
  const width = median(lines.map((line) => line.right - line.x));
  const paragraphs: Line[][] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (!previous || startsParagraph(previous, line, lineGap, width)) paragraphs.push([line]);
    else paragraphs.at(-1)!.push(line);
  });
  return paragraphs;
}

function startsParagraph(previous: Line, line: Line, lineGap: number, width: number): boolean {
  const gap = previous.y - line.y;
  const size = Math.max(previous.fontSize, line.fontSize);
  return gap <= 0 || gap > Math.max(lineGap * 1.4, size * 1.6) ||
    Math.abs(previous.fontSize - line.fontSize) > 0.15 * size ||
    line.x - previous.x > 0.8 * size ||
    (SENTENCE_END.test(previous.text) && previous.right - previous.x < 0.7 * width) ||
    (SHORT_LINE_ENDS.test(previous.text) && /^\p{Lu}/u.test(line.text) && previous.right - previous.x < 0.5 * width);
}

/**
 * A line under half the body's width ending in a word or number, before a line starting with a
 * capital, ends its paragraph though it ends no sentence: a byline ("by Samuel Ortiz"), a date line,
 * a heading above its text. (Half, not the 0.7 of a sentence's end: a ragged line of running text
 * may end short of the margin before a name.)
 */
const SHORT_LINE_ENDS = /[\p{L}\p{N}]$/u;

/** True when a paragraph left open (no sentence end, or a hyphen) goes on in the next, which starts in lower case. */
function continues(before: string, after: string): boolean {
  return !SENTENCE_END.test(before) && /^[\p{Ll}(]/u.test(after);
}

/** Joins a paragraph's lines: a word hyphenated across a break loses its hyphen, other lines are joined by a space. */
function joinLines(lines: string[]): string {
  return lines.reduce((text, line) => {
    if (text === '') return line;
    if (/\p{L}\u00AD$/u.test(text)) return text.slice(0, -1) + line;
    if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line)) return text.slice(0, -1) + line;
    if (/\p{L}-$/u.test(text)) return text + line;
    return `${text} ${line}`;
  }, '');
}

/** The first page's lines in its largest font, when that is clearly larger than the body's. */
function titleOf(lines: Line[]): { title?: string } {
  const body = median(lines.map((line) => line.fontSize));
  const largest = Math.max(0, ...lines.map((line) => line.fontSize));
  if (largest < body * 1.2) return {};
  const start = lines.findIndex((line) => line.fontSize === largest);
  const title: Line[] = [];
  for (const line of lines.slice(start)) {
    if (line.fontSize !== largest) break;
    title.push(line);
  }
  const text = joinLines(title.map((line) => line.text));
  return text.split(/\s+/).length <= 25 ? { title: text } : {};
}

/** The line spacing: the most frequent gap between lines (to half a point), the smaller one on a tie. */
function commonest(gaps: number[]): number {
  const counts = new Map<number, number>();
  for (const gap of gaps) counts.set(Math.round(gap * 2) / 2, (counts.get(Math.round(gap * 2) / 2) ?? 0) + 1);
  let best = 0;
  let most = 0;
  for (const [gap, count] of counts) if (count > most || (count === most && gap < best)) [best, most] = [gap, count];
  return best;
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
