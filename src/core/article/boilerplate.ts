import type { DroppedText } from '../types.js';

type Kind = DroppedText['kind'];

/** A line-level rule: site furniture that is not part of the article. */
interface LineRule {
  kind: Kind;
  test: RegExp;
}

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const WEEKDAY = '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day';

/** A printed date: "Saturday, April 13, 2024", "12 May 2020", "2019-10-08". */
const DATE = `(?:${WEEKDAY},?\\s+)?(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;
/** What may label a date printed on its own line: "Published: 12 May 2020", "Posted on May 12, 2020". */
const DATE_LABEL = '(?:(?:First\\s+)?Published|Posted|Dated?)(?:\\s+on)?\\s*:?\\s+';

/** A line that is only a date (perhaps labelled), as page headers print the day the page was viewed. */
export const DATE_LINE = new RegExp(`^(?:${DATE_LABEL})?(${DATE})$`, 'i');

const NAME = "\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,3}";
/**
 * A byline: the author's name (group 1), perhaps with the date after it (group 2): "By Jane Smith",
 * "by Jane Smith", "Written by Jane Smith | 2019-10-08", "By Jane Smith · 18 January 2018". Not a
 * line "by ..." ending a sentence: the last line of a hard-wrapped paragraph ("by Sergey Lavrov.").
 */
export const BYLINE = new RegExp(`^(?!by\\b.*\\.\\s*$)(?:Written\\s+)?[Bb]y\\s+(${NAME})(?:\\s*[|·•,–—-]\\s*(?:${DATE_LABEL})?(${DATE}))?\\s*$`, 'u');

/** Line rules in the order they are tried; the first that matches names the kind. */
export const LINE_RULES: readonly LineRule[] = [
  { kind: 'banner', test: /^\|?\s*Welcome to\b/i },
  { kind: 'label', test: /^\|.{0,80}$|^.{0,80}\|$/ },
  { kind: 'page date', test: DATE_LINE },
  { kind: 'read more', test: /^(?:Read more|Also read|See also|Related)\s*:/i },
  { kind: 'comments', test: /^(?:Leave a (?:Reply|Comment)|Your email address will not be published.*|Similar Posts|Related Posts|Share this:?|Comments?)\s*$/i },
  { kind: 'byline', test: new RegExp(`^By\\s*$|${BYLINE.source}`, 'u') },
  { kind: 'source line', test: /^Source:\s*\S.{0,80}$/i },
];

/** Paragraph rules, tried on whole paragraphs after the line rules. */
export const PARAGRAPH_RULES: readonly LineRule[] = [
  { kind: 'disclaimer', test: /^The views and opinions expressed in this article are those of the author/i },
  { kind: 'author bio', test: /^(?:\*\s*\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}\s+is\s+(?:a|an|the)\b|[\u2014\u2013-]+\s*The (?:writer|author) is\b)/u },
];

/** The editor's-note label some sites put before a standfirst that the article then repeats. */
export const EDITOR_NOTE = /^Editor(?:'|\u2019)?s? Note\s*:\s*/i;

/** Returns the kind of site furniture a line is, or `undefined` for article text. */
export function classifyLine(line: string): Kind | undefined {
  return LINE_RULES.find((rule) => rule.test.test(line))?.kind;
}

/** Returns the kind of site furniture a whole paragraph is, or `undefined` for article text. */
export function classifyParagraph(text: string): Kind | undefined {
  return PARAGRAPH_RULES.find((rule) => rule.test.test(text))?.kind;
}

/** A short line with no sentence punctuation: a section label such as "News Analysis" or "Eurasia News". */
export function isLabel(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length > 0 && words.length <= 3 && !/[.!?:;"\u201D\u2019)]$/.test(line);
}
