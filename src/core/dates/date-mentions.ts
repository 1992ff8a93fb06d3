import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { casualChrono, DIRECTION_TAG, MODIFIER_TAG } from './chrono.js';
import type { Direction } from './direction.js';
import { isValidDate, type PartialDate } from './dates.js';
import { findRuleMentions, type DateMention } from './date-rules.js';
import { COUNT_PATTERN, readRelativePhrase, type RelativeDate } from './relative-dates.js';

/**
 * chrono-node's reference instant. Relative phrases are resolved by resolveRelative against the
 * article's date at that date's precision, so chrono only has to find and read dates; a leap year
 * lets it read "29 February" without a year (it rejects days the reference year does not have).
 */
const CHRONO_REFERENCE = { instant: new Date(Date.UTC(2000, 5, 15, 12)), timezone: 0 };
/** Anything chrono-node could read as a date: a digit, a month or weekday, or a relative word. */
const MAY_HOLD_DATE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|now|ago|last|this|next|past|week|month|year|decade|century|noon|midnight|morning|evening|weekend)/i;
const RANGE_JOINER = /^\s*,?\s*(?:to|until|till|through|and|-|–|—)\s*$/i;
const YEAR_AFTER = /^,?\s*(?:of\s+)?(this|last|next) year\b/i;
/** A month as a name is written with a capital ("in March", "Oct. 12"): "a protest march", "an august body" are not dates, nor "12/5". */
const MONTH_NAME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/;
const OFFSETS = { this: 0, last: -1, next: 1 } as const;
const WEEKDAY_IN_TIME = /\b(?:(?:last|past|next|this)\s+)?(?:sun|mon|tues|wednes|thurs|fri|satur)day\b/i;

/**
 * "sixty years ago", "Forty years ago today": chrono-node reads counts up to twelve only, and reads the
 * "today" of an anniversary as a date of its own (the article's day, not sixty years before it).
 */
const AGO = new RegExp(`(?<![\\d,.])\\b${COUNT_PATTERN}\\s+(?:year|month|day)s?\\s+ago(?:,?\\s+today\\b)?`, 'gi');

type Found = ParsedResult;

/**
 * Every date mention in a paragraph, in reading order, not overlapping: chrono-node's absolute
 * dates and ranges, the relative phrases the timeline resolves, then the patterns chrono misses
 * (see findRuleMentions). Relative mentions are returned unresolved.
 */
export function findDateMentions(text: string): DateMention[] {
  // chrono-node is most of the cost of ingestion; text with no digit and no date word has nothing for it.
  const found = MAY_HOLD_DATE.test(text) ? casualChrono().parse(text, CHRONO_REFERENCE, { forwardDate: false }) : [];
  const fromChrono: DateMention[] = [];
  for (let i = 0; i < found.length; i++) {
    const result = found[i]!;
    const next = found[i + 1];
    if (next && !hasYear(result) && hasYear(next) && !next.end && result.start.isCertain('month') && RANGE_JOINER.test(text.slice(result.index + result.text.length, next.index))) {
      fromChrono.push(joinRange(text, result, next));
      i++;
      continue;
    }
    const mention = readResult(text, result);
    if (mention) fromChrono.push(mention);
  }
  const accepted: DateMention[] = [];
  for (const mention of [...agoMentions(text), ...fromChrono, ...findRuleMentions(text)]) {
    if (valid(mention) && !accepted.some((other) => overlaps(mention, other))) accepted.push(mention);
  }
  return accepted.sort((a, b) => a.index - b.index);
}

/** Counts of years, months or days ago, with the "today" of an anniversary (see AGO). */
function agoMentions(text: string): DateMention[] {
  if (!/\bago\b/i.test(text)) return [];
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(AGO)) {
    const relative = readRelativePhrase(match[0]);
    if (relative) mentions.push({ index: match.index, text: match[0], relative });
  }
  return mentions;
}

/** True when chrono read a year written in the text, at the start or end of a range (not one it inferred, as for "this year"). */
function hasYear(result: Found): boolean {
  const written = (components: ParsedComponents | null | undefined) =>
    components != null && components.isCertain('year') && result.text.includes(String(components.get('year')));
  return (written(result.start) || written(result.end)) &&
    ![...result.tags()].some((tag) => tag.startsWith('result/relative') || tag.startsWith('casualReference'));
}

function componentsOf(components: ParsedComponents, year: number): PartialDate {
  const date: PartialDate = { year };
  if (components.isCertain('month')) date.month = components.get('month')!;
  if (date.month !== undefined && components.isCertain('day')) date.day = components.get('day')!;
  return date;
}

/** "October 21, to November 4, 2018": the start takes the end's year, or the year before when it falls later in the year. */
function joinRange(text: string, first: Found, second: Found): DateMention {
  const end = componentsOf(second.start, second.start.get('year')!);
  const start = componentsOf(first.start, end.year);
  if (laterInYear(start, end)) start.year -= 1;
  return { index: first.index, text: text.slice(first.index, second.index + second.text.length), date: start, end };
}

function readResult(text: string, result: Found): DateMention | undefined {
  const { start, end } = result;
  if (hasYear(result)) {
    if (!end) return { index: result.index, text: result.text, date: componentsOf(start, start.get('year')!) };
    const endDate = componentsOf(end, end.isCertain('year') ? end.get('year')! : start.get('year')!);
    const date = componentsOf(start, start.isCertain('year') ? start.get('year')! : endDate.year);
    if (!start.isCertain('year') && laterInYear(date, endDate)) date.year -= 1;
    return { index: result.index, text: result.text, date, end: endDate };
  }
  const relative = relativeOf(text, result);
  if (relative || !start.isCertain('month')) return relative;
  const month = start.get('month')!;
  const day = start.isCertain('day') ? start.get('day')! : undefined;
  const after = YEAR_AFTER.exec(text.slice(result.index + result.text.length));
  if (after) {
    const inYear: RelativeDate = { kind: 'in year', month, offset: OFFSETS[after[1]!.toLowerCase() as keyof typeof OFFSETS] };
    if (day !== undefined) inYear.day = day;
    return { index: result.index, text: text.slice(result.index, result.index + result.text.length + after[0].length), relative: inYear };
  }
  if (!MONTH_NAME.test(result.text)) return undefined;
  const named: RelativeDate = { kind: 'month name', month };
  if (day !== undefined) named.day = day;
  const which = tagged(result, MODIFIER_TAG) as 'last' | 'this' | 'next' | undefined;
  const direction = tagged(result, DIRECTION_TAG) as Direction | undefined;
  if (which) named.which = which;
  else if (direction) named.direction = direction;
  return { index: result.index, text: result.text.replace(/[\s,.;:]+$/, ''), relative: named };
}

/** The rest of a tag ARTICLE_REFINERS gave the result (`last` of `…/modifier/last`), if it has one. */
function tagged(result: Found, prefix: string): string | undefined {
  for (const tag of result.tags()) if (tag.startsWith(prefix)) return tag.slice(prefix.length);
  return undefined;
}

/** True when `a`'s month and day come after `b`'s in a year: a range from December to January. */
function laterInYear(a: PartialDate, b: PartialDate): boolean {
  return (a.month ?? 1) * 100 + (a.day ?? 1) > (b.month ?? 12) * 100 + (b.day ?? 31);
}

function relativeOf(text: string, result: Found): DateMention | undefined {
  const direction = tagged(result, DIRECTION_TAG) as Direction | undefined;
  let at = result.index;
  let phrase = result.text.replace(/[\s,.;:]+$/, '');
  let relative = readRelativePhrase(phrase, direction);
  // A time swallows the weekday beside it ("rose to $12.25 Wednesday" is read as 12:25 on Wednesday): the weekday is the date.
  const weekday = !relative && result.start.isCertain('weekday') && !result.start.isCertain('month') ? WEEKDAY_IN_TIME.exec(phrase) : null;
  if (weekday) {
    [at, phrase] = [at + weekday.index, weekday[0]];
    relative = readRelativePhrase(phrase, direction);
  }
  if (!relative) return undefined;
  const before = /\b(?:earlier|later|early|late)\s+$/i.exec(text.slice(Math.max(0, at - 10), at));
  const index = before ? at - before[0].length : at;
  return { index, text: text.slice(index, at + phrase.length), relative };
}

function valid(mention: DateMention): boolean {
  if (mention.relative) return true;
  return isValidDate(mention.date) && (mention.end === undefined || isValidDate(mention.end));
}

function overlaps(a: DateMention, b: DateMention): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}
