import type { SourceMeta } from '../types.js';

/** A person's name split for inverting: "Martin Berger" → Berger, Martin. */
export interface PersonName {
  family: string;
  given?: string;
}

/** The publication date as its parts, and whether it was printed or estimated. */
export interface DateParts {
  year: number;
  month?: number;
  day?: number;
  estimated: boolean;
}

/** The publisher's name and whether the library marks it unconfirmed ("Eurasia Review (unconfirmed)"). */
export interface PublisherName {
  name: string;
  uncertain: boolean;
}

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Splits the author field into people: several are separated by " and ", "&" or ";"; each is
 * "Given Family" or already "Family, Given". A single word is a family name.
 */
export function parseAuthors(author: string | undefined): PersonName[] {
  if (!author?.trim()) return [];
  return author
    .split(/\s+(?:and|&)\s+|\s*;\s*/i)
    .map((name) => name.trim())
    .filter(Boolean)
    .map((name) => {
      const comma = name.indexOf(',');
      if (comma > 0) return { family: name.slice(0, comma).trim(), given: name.slice(comma + 1).trim() || undefined };
      const words = name.split(/\s+/);
      return words.length === 1 ? { family: name } : { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
    });
}

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a date with a date note is estimated. */
export function parseDate(meta: Pick<SourceMeta, 'date' | 'dateNote'>): DateParts | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(meta.date ?? '');
  if (!match) return undefined;
  const parts: DateParts = { year: Number(match[1]), estimated: Boolean(meta.dateNote) };
  if (match[2]) parts.month = Number(match[2]);
  if (match[3]) parts.day = Number(match[3]);
  return parts;
}

/** The publisher with an "(unconfirmed)" or "(?)" marker taken off and remembered. */
export function parsePublisher(publisher: string | undefined): PublisherName | undefined {
  if (!publisher?.trim()) return undefined;
  const match = /^(.*?)\s*\((?:unconfirmed|unverified|uncertain|probably|\?)\)\s*$|^(.*?)\s*\?$/i.exec(publisher.trim());
  const name = match ? (match[1] ?? match[2] ?? '').trim() : publisher.trim();
  return name ? { name, uncertain: Boolean(match) } : undefined;
}

/** Ends text with a period unless it already ends a sentence. */
export function endSentence(text: string): string {
  return /[.?!]["”’']?$/.test(text) ? text : `${text}.`;
}

/** Double quotes inside a title that will itself be quoted become single quotes (MLA, Chicago). */
export function nestQuotes(title: string): string {
  return title.replace(/"([^"]*)"/g, '‘$1’').replace(/“([^”]*)”/g, '‘$1’');
}

/** The title in double quotes with its closing period inside them: `“Title.”`, or `“Title?”`. */
export function quotedTitle(title: string): string {
  return `“${endSentence(nestQuotes(title))}”`;
}
