/**
 * Dates known to a precision (a year, a month or a day), as articles give them: stored as
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, compared as the span of days they cover.
 */

/** How much of a date is known. */
export type Precision = 'day' | 'month' | 'year';

/** A date known to some precision: no day without a month. */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

/** Years outside this span are not taken for dates ("2000 words" aside, no article here is older). */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 2999;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The English month names, January first. */
export const MONTH_NAMES: readonly string[] = MONTHS;

/** True when the day exists in that month of that year (no 29 February 2021). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(day) || day < 1 || month < 1 || month > 12) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True for a whole year in range, with a real month and day when they are given. */
export function isValidDate(date: PartialDate): boolean {
  if (!Number.isInteger(date.year) || date.year < MIN_YEAR || date.year > MAX_YEAR) return false;
  if (date.month === undefined) return date.day === undefined;
  if (!Number.isInteger(date.month) || date.month < 1 || date.month > 12) return false;
  return date.day === undefined || isRealDay(date.year, date.month, date.day);
}

/** The precision of a date: the finest part it has. */
export function precisionOf(date: PartialDate): Precision {
  return date.day !== undefined ? 'day' : date.month !== undefined ? 'month' : 'year';
}

/** The date cut down to a precision (never made finer). */
export function truncateDate(date: PartialDate, precision: Precision): PartialDate {
  if (precision === 'year') return { year: date.year };
  if (precision === 'month' && date.month !== undefined) return { year: date.year, month: date.month };
  return { ...date };
}

/** The coarser of two precisions. */
export function coarser(a: Precision, b: Precision): Precision {
  const rank = { year: 0, month: 1, day: 2 } as const;
  return rank[a] <= rank[b] ? a : b;
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function formatIsoDate(date: PartialDate): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return [String(date.year).padStart(4, '0'), date.month && pad(date.month), date.month && date.day && pad(date.day)].filter(Boolean).join('-');
}

/**
 * Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 * @returns `undefined` when the text is not such a date or the date does not exist
 */
export function parseIsoDate(text: string | undefined): PartialDate | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text?.trim() ?? '');
  if (!match) return undefined;
  const date: PartialDate = { year: Number(match[1]) };
  if (match[2]) date.month = Number(match[2]);
  if (match[3]) date.day = Number(match[3]);
  return isValidDate(date) ? date : undefined;
}

/** Days since 1970-01-01 of the first day the date covers. */
export function firstDay(date: PartialDate): number {
  return Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1) / 86_400_000;
}

/** Days since 1970-01-01 of the last day the date covers. */
export function lastDay(date: PartialDate): number {
  if (date.day !== undefined) return firstDay(date);
  const next = date.month !== undefined ? { year: date.year, month: date.month + 1 } : { year: date.year + 1, month: 1 };
  return Date.UTC(next.year, next.month - 1, 1) / 86_400_000 - 1;
}

/** The date of a day number (days since 1970-01-01). */
export function dayToDate(day: number): PartialDate {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Orders dates by the first day they cover, a coarser date before a finer one starting the same day. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  return firstDay(a) - firstDay(b) || lastDay(b) - lastDay(a);
}

/**
 * A date as a reader sees it: "2 March 2018", "March 2018", "2018", "the 1980s", or a range
 * "21 October – 4 November 2018", "2001–2002".
 */
export function displayDate(date: PartialDate, end?: PartialDate): string {
  if (!end) return displayOne(date);
  if (precisionOf(date) === 'year' && precisionOf(end) === 'year') {
    return date.year % 10 === 0 && end.year === date.year + 9 ? `the ${date.year}s` : `${date.year}–${end.year}`;
  }
  const start = displayOne(date);
  if (date.year !== end.year) return `${start} – ${displayOne(end)}`;
  return `${start.replace(new RegExp(` ${date.year}$`), '')} – ${displayOne(end)}`;
}

function displayOne(date: PartialDate): string {
  const month = date.month !== undefined ? MONTHS[date.month - 1] : undefined;
  return [date.day, month, date.year].filter((part) => part !== undefined).join(' ');
}

/** The days (since 1970-01-01), months and years a date or range covers, first to last, and its precision. */
export interface DateSpan {
  first: number;
  last: number;
  /** Months counted as year × 12 + month − 1. */
  firstMonth: number;
  lastMonth: number;
  firstYear: number;
  lastYear: number;
  precision: Precision;
}

/**
 * The span of `YYYY[-MM[-DD]]`, of `start/end`, or of a start and an end.
 * @returns `undefined` when the text is not such a date
 */
export function spanOf(date: string, end?: string): DateSpan | undefined {
  const [startText, endText] = end === undefined ? date.split('/') : [date, end];
  const start = parseIsoDate(startText);
  const finish = parseIsoDate(endText) ?? start;
  if (!start || !finish) return undefined;
  return {
    first: firstDay(start), last: lastDay(finish),
    firstMonth: start.year * 12 + (start.month ?? 1) - 1, lastMonth: finish.year * 12 + (finish.month ?? 12) - 1,
    firstYear: start.year, lastYear: finish.year,
    precision: coarser(precisionOf(start), precisionOf(finish)),
  };
}

/**
 * True when two dates are the same at the precision they share: 2014 and November 2014 (both 2014),
 * 21 October – 4 November 2018 and 2018; not 2014 and 2015, nor the 1980s and 1985 (a decade holds
 * the year but is not its date).
 */
export function spansAgree(a: DateSpan, b: DateSpan): boolean {
  // Compared for every pair of events a few years apart when merging: no calls, no lookups.
  if (a.firstYear !== b.firstYear || a.lastYear !== b.lastYear) return false;
  if (a.precision === 'year' || b.precision === 'year') return true;
  if (a.firstMonth !== b.firstMonth || a.lastMonth !== b.lastMonth) return false;
  return a.precision === 'month' || b.precision === 'month' || (a.first === b.first && a.last === b.last);
}

/**
 * spansAgree for two dates written `YYYY[-MM[-DD]]` or `start/end`.
 * @returns false when either is not such a date
 */
export function datesAgree(a: string, b: string): boolean {
  const x = spanOf(a);
  const y = spanOf(b);
  return !!x && !!y && spansAgree(x, y);
}
