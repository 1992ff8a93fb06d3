import { dayToDate, displayDate, firstDay, isRealDay, MONTH_NAMES, precisionOf, type PartialDate } from './dates.js';

/** A date phrase that only means something against the article's publication date. */
export type RelativeDate =
  /** this year, last year, next year, two years ago */
  | { kind: 'year'; offset: number }
  /** this month, earlier this month, last month, three months ago */
  | { kind: 'month'; offset: number }
  /** last March, this March, next March */
  | { kind: 'named month'; month: number; which: 'last' | 'this' | 'next' }
  /** "29 February, this year", "March last year": a month (and day) in a year counted from the article's */
  | { kind: 'in year'; month: number; day?: number; offset: number }
  /** yesterday, two days ago */
  | { kind: 'day'; offset: number }
  /** on Thursday: the last such weekday on or before the article's date (0 = Sunday) */
  | { kind: 'weekday'; weekday: number }
  /** "now in its 17th year": what is in its Nth year began N - 1 to N years before the article */
  | { kind: 'ordinal year'; n: number };

/** A relative phrase resolved: the date, a range end, and a sentence when the reader should know how. */
export interface ResolvedDate {
  date: PartialDate;
  end?: PartialDate;
  note?: string;
}

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const OFFSETS: Record<string, number> = { this: 0, last: -1, previous: -1, next: 1 };

/**
 * Reads the relative phrases the timeline resolves, as chrono-node matched them ("last year",
 * "on Thursday,", "two years ago", "this month"); anything else (now, today, durations such as
 * "for 65 years" or "in 70 years") is not an event date.
 * @returns `undefined` for a phrase that is not one of them
 */
export function readRelativePhrase(phrase: string): RelativeDate | undefined {
  const text = phrase.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^(?:on|in|during) /, '');
  let match = /^(this|last|previous|next) (year|month)$/.exec(text);
  if (match) return { kind: match[2] as 'year' | 'month', offset: OFFSETS[match[1]!]! };
  match = /^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}) (year|month|day)s? ago$/.exec(text);
  if (match) {
    const count = NUMBER_WORDS[match[1]!] ?? Number(match[1]);
    return { kind: match[2] as 'year' | 'month' | 'day', offset: -count };
  }
  if (text === 'yesterday') return { kind: 'day', offset: -1 };
  match = /^(?:last |this )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.exec(text);
  if (match) return { kind: 'weekday', weekday: WEEKDAYS.indexOf(match[1]!) };
  return undefined;
}

/**
 * Resolves a relative phrase against the article's date, never claiming more than that date knows:
 * a phrase finer than the article's date ("on Thursday" in an article of November 2014) keeps the
 * article's precision, with a note; a phrase whose year or month depends on what the article's date
 * leaves open ("last March" in an article of 2019: March 2018 or March 2019?) is left out.
 * @returns `undefined` when the phrase cannot be placed from that date
 */
export function resolveRelative(relative: RelativeDate, ref: PartialDate): ResolvedDate | undefined {
  const { year, month } = ref;
  switch (relative.kind) {
    case 'year':
      return { date: { year: year + relative.offset } };
    case 'month': {
      if (month === undefined) return relative.offset === 0 ? withNote({ year }, ref) : undefined;
      const index = year * 12 + month - 1 + relative.offset;
      return { date: { year: Math.floor(index / 12), month: (index % 12) + 1 } };
    }
    case 'named month': {
      if (relative.which === 'this') return { date: { year, month: relative.month } };
      if (month === undefined) return undefined;
      const shift = relative.which === 'last' ? (relative.month < month ? 0 : -1) : relative.month > month ? 0 : 1;
      return { date: { year: year + shift, month: relative.month } };
    }
    case 'in year':
      return resolveInYear(relative, year);
    case 'day':
    case 'weekday': {
      if (ref.day === undefined) return withNote(ref, ref);
      const day = firstDay(ref);
      const back = relative.kind === 'day' ? -relative.offset : (new Date(day * 86_400_000).getUTCDay() - relative.weekday + 7) % 7;
      return { date: dayToDate(day - back) };
    }
    case 'ordinal year':
      return {
        date: { year: year - relative.n },
        end: { year: year - relative.n + 1 },
        note: `its ${ordinal(relative.n)} year counted back from ${displayDate(ref)}`,
      };
  }
}

/** A day or month in a year counted from the article's; a day that year does not have is read in the year before, when that one has it. */
function resolveInYear(relative: Extract<RelativeDate, { kind: 'in year' }>, refYear: number): ResolvedDate | undefined {
  const year = refYear + relative.offset;
  const { month, day } = relative;
  if (day === undefined) return { date: { year, month } };
  if (isRealDay(year, month, day)) return { date: { year, month, day } };
  // "29 February, this year" in an article dated 2021: 2021 has no 29 February, so the article's
  // (uncertain) date is off for this sentence; the year before is the only reading that exists.
  if (isRealDay(year - 1, month, day)) {
    return { date: { year: year - 1, month, day }, note: `${year} has no ${day} ${MONTH_NAMES[month - 1]}: read as ${year - 1}` };
  }
  return undefined;
}

function withNote(date: PartialDate, ref: PartialDate): ResolvedDate {
  const known = precisionOf(ref) === 'month' ? 'the month' : 'the year';
  return { date, note: `the article is dated ${displayDate(ref)}, so only ${known} is known` };
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
