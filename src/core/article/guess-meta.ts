import { chrono } from '../dates/chrono.js';
import { BYLINE, DATE_LINE } from './boilerplate.js';
import { parseAuthors } from '../sources/reference-parts.js';
import type { SourceMeta } from '../types.js';

/** Metadata guessed from an article without front matter, with where each guess came from. */
export interface GuessedMeta extends Partial<SourceMeta> {
  from: Partial<Record<keyof SourceMeta, string>>;
}

const TITLE_SUFFIX = /\s+[\u2013\u2014-]\s+(?:Op-?Ed|Opinion|Analysis|Editorial|Comment)$/i;
/** A closing author bio: "*Sabah Aslam is the Founder of ...", a name of two to four words. */
const BIO = /^\*?\s*(\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){1,3})\s+is\s+(?:a|an|the)\b/u;
const MAX_TITLE_WORDS = 25;

/**
 * Guesses title, author, date and id for a plain-text article.
 * @param allLines every non-empty line of the file, boilerplate included (bylines and printed dates live there)
 * @param blocks the paragraphs left after line-level boilerplate was removed
 * @param file the file name, the id of last resort
 * @param known what the document's own metadata says: not guessed, but the id is made from it
 */
export function guessMeta(allLines: string[], blocks: string[], file: string, known: Partial<SourceMeta> = {}): GuessedMeta {
  const guess: GuessedMeta = { from: {} };
  // A Markdown heading's marks are not part of the title.
  const firstLine = blocks[0]?.split('\n')[0]?.replace(/^#{1,6}[ \t]+/, '');
  if (known.title) guess.title = known.title;
  else if (firstLine && firstLine.split(/\s+/).length <= MAX_TITLE_WORDS) {
    guess.title = firstLine.replace(TITLE_SUFFIX, '');
    guess.from.title = 'the first line';
  }
  const bylines = allLines.map((line) => BYLINE.exec(line));
  const byline = bylines.map((match) => match?.[1]).find(Boolean);
  const bio = blocks.slice(-3).map((block) => BIO.exec(block)?.[1]).find(Boolean);
  if (known.author) guess.author = known.author;
  else if (byline || bio) {
    guess.author = byline ?? bio;
    guess.from.author = byline ? 'a "By" line' : 'the author\'s bio';
  }
  // The first date printed on a line of its own or after a byline ("By Jane Smith | 2019-10-08").
  const at = known.date ? -1 : allLines.findIndex((line, i) => DATE_LINE.test(line) || bylines[i]?.[2] !== undefined);
  const dateLine = at >= 0 ? allLines[at] : undefined;
  const printed = dateLine && (DATE_LINE.exec(dateLine)?.[1] ?? bylines[at]![2]!);
  const parsed = printed ? chrono().strict.parse(printed)[0]?.start : undefined;
  if (known.date) guess.date = known.date;
  else if (dateLine && parsed) {
    // The printed components, not a Date: a Date would shift the day by the machine's time zone.
    const pad = (n: number | null) => String(n ?? 0).padStart(2, '0');
    guess.date = `${parsed.get('year')}-${pad(parsed.get('month'))}-${pad(parsed.get('day'))}`;
    guess.from.date = DATE_LINE.test(dateLine)
      ? `the printed date "${dateLine}" (a page header may print the day it was viewed)`
      : `the date printed with the byline "${dateLine}"`;
  }
  // The first author's family name, as the references read it: "Kate O'Brien" and "O'Brien, Kate" are o-brien, "Jane Smith and John Doe" smith.
  const family = parseAuthors(guess.author)[0]?.family;
  const stem = slugify(family ?? guess.title?.split(/\s+/).slice(0, 3).join(' ') ?? '');
  guess.id = stem ? [stem, guess.date?.slice(0, 4)].filter(Boolean).join('-') : slugify(file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, ''));
  guess.from.id = stem ? 'the author or title and the year' : 'the file name';
  return guess;
}

/** Lower-cases and dashes a string into a source id. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}
