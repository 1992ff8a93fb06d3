import { formatBibtex } from './bibtex.js';
import {
  endSentence, MONTHS, parseAuthors, parseDate, parsePublisher, quotedTitle, type DateParts, type PersonName, type PublisherName,
} from './reference-parts.js';
import { toSentenceCase, toTitleCase, type ProperNounTest } from './title-case.js';
import type { SourceMeta } from '../types.js';

/** The reference styles `/source format:` offers. */
export const REFERENCE_STYLES = ['apa', 'mla', 'chicago', 'bibtex'] as const;
export type ReferenceStyle = (typeof REFERENCE_STYLES)[number];

/** The style's full name, as shown above a reference. */
export const STYLE_NAMES: Record<ReferenceStyle, string> = {
  apa: 'APA 7th edition',
  mla: 'MLA 9th edition',
  chicago: 'Chicago 17th edition (notes and bibliography: bibliography entry)',
  bibtex: 'BibTeX',
};

/** A run of reference text; titles of whole works are italic. */
export interface Span {
  text: string;
  italic?: boolean;
}

/** A reference ready to paste: as spans (for rich text) and as plain text. */
export interface Reference {
  style: ReferenceStyle;
  sourceId: string;
  spans: Span[];
  text: string;
}

/** True when `value` names a style `formatReference` knows (any case). */
export function isReferenceStyle(value: string): value is ReferenceStyle {
  return (REFERENCE_STYLES as readonly string[]).includes(value);
}

/**
 * Writes the reference-list entry for a source, treated as an article on a news website.
 * A missing author puts the title first; an estimated date is marked the style's way (see docs/DESIGN.md).
 * @param isProperNoun tells names from common words when APA asks for sentence case
 */
export function formatReference(meta: SourceMeta, style: ReferenceStyle, isProperNoun: ProperNounTest = () => false): Reference {
  const spans = style === 'bibtex' ? [{ text: formatBibtex(meta) }] : WRITERS[style](meta, isProperNoun);
  return { style, sourceId: meta.id, spans, text: spans.map((s) => s.text).join('') };
}

type Writer = (meta: SourceMeta, isProperNoun: ProperNounTest) => Span[];

const WRITERS: Record<Exclude<ReferenceStyle, 'bibtex'>, Writer> = {
  apa: (meta, isProperNoun) => {
    const authors = parseAuthors(meta.author);
    const title = toSentenceCase(meta.title, isProperNoun);
    const period = endSentence(title).slice(title.length);
    const date = `(${apaDate(parseDate(meta))}).`;
    const site = publisherName(parsePublisher(meta.publisher));
    const tail = [site && endSentence(site), meta.url].filter(Boolean).map((t) => ` ${t}`).join('');
    if (authors.length === 0) return [{ text: title, italic: true }, { text: `${period} ${date}${tail}` }];
    return [{ text: `${apaAuthors(authors)} ${date} ` }, { text: title, italic: true }, { text: period + tail }];
  },
  mla: (meta) => {
    const authors = parseAuthors(meta.author);
    const head = authors.length > 0 ? `${endSentence(fullNames(authors, authors.length > 2 ? 1 : 2))} ` : '';
    const date = mlaDate(parseDate(meta));
    const rest = [date, meta.url?.replace(/^https?:\/\//, '')].filter(Boolean).join(', ');
    return container(`${head}${quotedTitle(toTitleCase(meta.title))}`, parsePublisher(meta.publisher), rest);
  },
  chicago: (meta) => {
    const authors = parseAuthors(meta.author);
    const head = authors.length > 0 ? `${endSentence(fullNames(authors, authors.length > 10 ? 7 : authors.length))} ` : '';
    const spans = container(`${head}${quotedTitle(toTitleCase(meta.title))}`, parsePublisher(meta.publisher), chicagoDate(parseDate(meta)));
    if (meta.url) spans.push({ text: ` ${endSentence(meta.url)}` });
    return spans;
  },
};

/** `Head “Title.” *Site*, rest.`: the container (italic site name) and what follows it. */
function container(head: string, publisher: PublisherName | undefined, rest: string): Span[] {
  if (!publisher) return [{ text: rest ? `${head} ${endSentence(rest)}` : head }];
  const site: Span = publisher.uncertain ? { text: `[${publisher.name}?]` } : { text: publisher.name, italic: true };
  return [{ text: `${head} ` }, site, { text: rest ? `, ${endSentence(rest)}` : '.' }];
}

function publisherName(publisher: PublisherName | undefined): string | undefined {
  return publisher && (publisher.uncertain ? `[${publisher.name}?]` : publisher.name);
}

/** APA: "Berger, M.", "Berger, M., & Smith, J.", up to 20 names. */
function apaAuthors(authors: PersonName[]): string {
  const names = authors.map((a) => (a.given ? `${a.family}, ${initials(a.given)}` : a.family));
  if (names.length === 1) return endSentence(names[0]!);
  const shown = names.length > 20 ? [...names.slice(0, 19), '. . .', names.at(-1)!] : names;
  return endSentence(`${shown.slice(0, -1).join(', ')}, & ${shown.at(-1)}`);
}

function initials(given: string): string {
  return given.split(/\s+/).map((name) => name.split('-').map((part) => `${part.charAt(0).toUpperCase()}.`).join('-')).join(' ');
}

/** MLA and Chicago: the first author inverted, the others in normal order; "et al." past `shown`. */
function fullNames(authors: PersonName[], shown: number): string {
  const names = authors.map((a, i) => (a.given ? (i === 0 ? `${a.family}, ${a.given}` : `${a.given} ${a.family}`) : a.family));
  if (names.length > shown) return `${names.slice(0, shown).join(', ')}, et al`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')}, and ${names.at(-1)}`;
}

/** APA: "2018, March 2", "2018, March", "2019"; "ca. 2019" when estimated (year only); "n.d." when unknown. */
function apaDate(date: DateParts | undefined): string {
  if (!date) return 'n.d.';
  if (date.estimated) return `ca. ${date.year}`;
  return [String(date.year), date.month && [MONTHS[date.month - 1], date.day].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** MLA: "2 Mar. 2018"; an estimated date supplied in brackets with "c." ("[c. Mar. 2018]"); nothing when unknown. */
function mlaDate(date: DateParts | undefined): string {
  if (!date) return '';
  const month = date.month ? MONTHS[date.month - 1]! : '';
  const short = month.length > 4 ? `${month.slice(0, month === 'September' ? 4 : 3)}.` : month;
  const text = [date.day, short, date.year].filter(Boolean).join(' ');
  return date.estimated ? `[c. ${text}]` : text;
}

/** Chicago: "March 2, 2018"; "n.d., ca. March 2018" when estimated; "n.d." when unknown. */
function chicagoDate(date: DateParts | undefined): string {
  if (!date) return 'n.d.';
  const month = date.month ? MONTHS[date.month - 1] : undefined;
  const text = date.day ? `${month} ${date.day}, ${date.year}` : [month, date.year].filter(Boolean).join(' ');
  return date.estimated ? `n.d., ca. ${text}` : text;
}
