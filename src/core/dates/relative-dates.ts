import { dayToDate, displayDate, firstDay, isRealDay, MONTH_NAMES, precisionOf, type PartialDate } from './dates.js';
import type { Direction } from './direction.js';

/** A date phrase that only means something against the article's publication date. */
export type RelativeDate =
  /**
   * this year, last year, next year, two years ago; "a year ago" keeps the article's month (`sameMonth`),
   * "sixty years ago today" its month and day (`sameDay`: the anniversary)
   */
  | { kind: 'year'; offset: number; sameMonth?: boolean; sameDay?: boolean }
  /** this month, earlier this month, last month, three months ago; "six months ago today" keeps the article's day (`sameDay`) */
  | { kind: 'month'; offset: number; sameDay?: boolean }
  /** today, tonight, this morning (0); yesterday, last night (-1); tomorrow (1); two days ago */
  | { kind: 'day'; offset: number }
  /** Thursday, last Thursday, next Thursday (0 = Sunday); without last/next, the sentence's direction or the nearest */
  | { kind: 'weekday'; weekday: number; which?: 'last' | 'next'; direction?: Direction }
  /** A month, or a month and day, without a year: "in March", "last October", "this June", "Oct. 12" */
  | { kind: 'month name'; month: number; day?: number; which?: 'last' | 'this' | 'next'; direction?: Direction }
  /** "29 February, this year", "March last year": a month (and day) in a year counted from the article's */
  | { kind: 'in year'; month: number; day?: number; offset: number };

/** A relative phrase resolved: the date and, when the reader should know how it was read, a sentence. */
export interface ResolvedDate {
  date: PartialDate;
  note?: string;
}

/**
 * A month (and day) without a year this close to the article's date, in months, is taken there
 * whatever the tense says: the tense reader misses verbs it does not know ("open", "resume") and then
 * reads a verb of another clause, which would move a date days away by a whole year.
 */
const NEAR_MONTHS = 2;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const TEEN_WORDS: Record<string, number> = { eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENS_WORDS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
/** A count of years, months or days as written: "2", "two", "sixty", "forty-five", "a hundred", "one hundred and fifty". */
export const COUNT_PATTERN = `(?:\\d{1,3}|(?:(?:a|an|one|two|three)[ -]hundred(?:(?: and)?[ -](?:${Object.keys(TENS_WORDS).join('|')}|${Object.keys(TEEN_WORDS).join('|')}|one|two|three|four|five|six|seven|eight|nine|ten))?)|(?:${Object.keys(TENS_WORDS).join('|')})(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|${Object.keys(TEEN_WORDS).join('|')}|${Object.keys(NUMBER_WORDS).join('|')})`;

/** The number a count matched by COUNT_PATTERN stands for. */
export function readCount(text: string): number | undefined {
  const words = text.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
  if (words.length === 1 && /^\d+$/.test(words[0]!)) return Number(words[0]) || undefined;
  let total = 0;
  for (const [i, word] of words.entries()) {
    if (word === 'hundred') total = (total || 1) * 100;
    else if (i === 0 && (word === 'a' || word === 'an')) total += 1;
    else {
      const value = NUMBER_WORDS[word] ?? TEEN_WORDS[word] ?? TENS_WORDS[word];
      if (value === undefined) return undefined;
      total += value;
    }
  }
  return total > 0 ? total : undefined;
}
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const OFFSETS: Record<string, number> = { this: 0, last: -1, previous: -1, next: 1 };
const DAY_WORDS: Record<string, number> = { today: 0, tonight: 0, this: 0, yesterday: -1, last: -1, tomorrow: 1 };
const PART_OF_DAY = '(?: (?:morning|afternoon|evening|night))?';
const DAY = new RegExp(`^(today|tonight|this(?= (?:morning|afternoon|evening))|yesterday|last(?= night)|tomorrow)${PART_OF_DAY}$`);
const WEEKDAY = new RegExp(`^(?:(last|past|next|this) )?(${WEEKDAYS.join('|')})${PART_OF_DAY}$`);

/**
 * Reads the relative phrases the timeline resolves, as chrono-node matched them ("last year",
 * "on Thursday,", "two years ago", "yesterday morning"); anything else ("now", durations such as
 * "for 65 years" or "in 70 years", "last week") is not an event date.
 * @param direction where the sentence puts a weekday, when it says (see readDirection)
 * @returns `undefined` for a phrase that is not one of them
 */
export function readRelativePhrase(phrase: string, direction?: Direction): RelativeDate | undefined {
  const text = phrase.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^(?:on|in|during) /, '');
  let match = /^(this|last|previous|next) (year|month)$/.exec(text);
  if (match) return { kind: match[2] as 'year' | 'month', offset: OFFSETS[match[1]!]! };
  match = new RegExp(`^(${COUNT_PATTERN}) (year|month|day)s? (?:ago|earlier)( today)?$`).exec(text);
  if (match) {
    const count = readCount(match[1]!);
    if (count === undefined) return undefined;
    if (match[3] && match[2] !== 'day') return { kind: match[2] as 'year' | 'month', offset: -count, sameDay: true };
    if (match[2] === 'year' && count === 1) return { kind: 'year', offset: -1, sameMonth: true };
    return { kind: match[2] as 'year' | 'month' | 'day', offset: -count };
  }
  match = DAY.exec(text);
  if (match) return { kind: 'day', offset: DAY_WORDS[match[1]!]! };
  match = WEEKDAY.exec(text);
  if (!match) return undefined;
  const weekday: RelativeDate = { kind: 'weekday', weekday: WEEKDAYS.indexOf(match[2]!) };
  if (match[1] === 'last' || match[1] === 'past') weekday.which = 'last';
  else if (match[1] === 'next') weekday.which = 'next';
  else if (direction) weekday.direction = direction;
  return weekday;
}

/**
 * Resolves a relative phrase against the article's date, never claiming more than that date knows:
 * a phrase finer than the article's date ("on Thursday" in an article of November 2014) keeps the
 * article's precision, with a note; a phrase whose year depends on what the article's date leaves
 * open ("last March" in an article of 2019: March 2018 or March 2019?) is left out, and so is
 * "today" in an article not dated to the day (there it means "nowadays").
 * @returns `undefined` when the phrase cannot be placed from that date
 */
export function resolveRelative(relative: RelativeDate, ref: PartialDate): ResolvedDate | undefined {
  const { year, month } = ref;
  switch (relative.kind) {
    case 'year':
      if (relative.sameDay) return { date: sameDay(year + relative.offset, month, ref.day) };
      return { date: relative.sameMonth && month !== undefined ? { year: year + relative.offset, month } : { year: year + relative.offset } };
    case 'month': {
      if (month === undefined) return relative.offset === 0 ? withNote({ year }, ref) : undefined;
      const index = year * 12 + month - 1 + relative.offset;
      const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
      return { date: relative.sameDay ? sameDay(y, m, ref.day) : { year: y, month: m } };
    }
    case 'month name':
      return resolveMonthName(relative, ref);
    case 'in year':
      return resolveInYear(relative, year);
    case 'day':
      if (ref.day === undefined) return relative.offset === 0 ? undefined : withNote(ref, ref);
      return { date: dayToDate(firstDay(ref) + relative.offset) };
    case 'weekday': {
      if (ref.day === undefined) return withNote(ref, ref);
      const day = firstDay(ref);
      const back = (new Date(day * 86_400_000).getUTCDay() - relative.weekday + 7) % 7;
      const ahead = (7 - back) % 7;
      let shift: number;
      if (relative.which === 'last') shift = -(back || 7);
      else if (relative.which === 'next') shift = ahead || 7;
      else if (relative.direction === 'past') shift = -back;
      else if (relative.direction === 'future') shift = ahead;
      else shift = back <= ahead ? -back : ahead;
      return { date: dayToDate(day + shift) };
    }
  }
}

/** The article's month and day in another year or month, at the article's precision: a day that month lacks (29 February) leaves the month. */
function sameDay(year: number, month: number | undefined, day: number | undefined): PartialDate {
  if (month === undefined) return { year };
  return day !== undefined && isRealDay(year, month, day) ? { year, month, day } : { year, month };
}

/**
 * A month (and day) without a year, in the article's year or the one before or after: "last" is the
 * latest before the article's date, "next" the first after; otherwise the nearest (the past on a tie,
 * as chrono-node does), unless it is more than NEAR_MONTHS away and the sentence is past or future:
 * then the latest on or before the article's date, or the first on or after.
 */
function resolveMonthName(relative: Extract<RelativeDate, { kind: 'month name' }>, ref: PartialDate): ResolvedDate | undefined {
  const { month, day, which, direction } = relative;
  const date = (year: number): ResolvedDate => ({ date: day === undefined ? { year, month } : { year, month, day } });
  if (which === 'this') return date(ref.year);
  if (ref.month === undefined) return undefined;
  // Months from the article's date to the mention, a day counting as a 31st of a month; 0 when the article cannot tell.
  const at = (m: number, d: number | undefined) => m + ((d ?? 16) - 1) / 31;
  const gap = month === ref.month && (day === undefined || ref.day === undefined) ? 0 : at(month, day) - at(ref.month, ref.day);
  const nearest = gap >= 6 ? -1 : gap < -6 ? 1 : 0;
  let shift: number;
  if (which === 'last') shift = gap < 0 ? 0 : -1;
  else if (which === 'next') shift = gap > 0 ? 0 : 1;
  else if (!direction || Math.abs(gap - 12 * nearest) <= NEAR_MONTHS) shift = nearest;
  else shift = direction === 'past' ? (gap <= 0 ? 0 : -1) : gap >= 0 ? 0 : 1;
  return date(ref.year + shift);
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
