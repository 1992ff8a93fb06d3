import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDay, isRealDay, type PartialDate } from './dates.js';
import { readRelativePhrase, resolveRelative, type RelativeDate } from './relative-dates.js';

describe('readRelativePhrase', () => {
  it('reads years, months, days ago and weekdays as chrono-node matches them', () => {
    expect(readRelativePhrase('last year')).toEqual({ kind: 'year', offset: -1 });
    expect(readRelativePhrase('this month')).toEqual({ kind: 'month', offset: 0 });
    expect(readRelativePhrase('two years ago')).toEqual({ kind: 'year', offset: -2 });
    expect(readRelativePhrase('3 months ago')).toEqual({ kind: 'month', offset: -3 });
    expect(readRelativePhrase('on Thursday,')).toEqual({ kind: 'weekday', weekday: 4 });
  });

  it('reads "a year ago" and "a year earlier" as the same month a year back', () => {
    expect(readRelativePhrase('a year ago')).toEqual({ kind: 'year', offset: -1, sameMonth: true });
    expect(readRelativePhrase('a year earlier')).toEqual({ kind: 'year', offset: -1, sameMonth: true });
  });

  it('reads today, tonight, this morning, yesterday, last night and tomorrow as days from the article\'s', () => {
    const offsets = ['today', 'tonight', 'this morning', 'yesterday', 'last night', 'yesterday afternoon', 'tomorrow', 'tomorrow night']
      .map((phrase) => readRelativePhrase(phrase));
    expect(offsets).toEqual([0, 0, 0, -1, -1, -1, 1, 1].map((offset) => ({ kind: 'day', offset })));
  });

  it('reads "last" and "next" before a weekday, and otherwise the direction its sentence gives', () => {
    expect(readRelativePhrase('last Thursday', 'future')).toEqual({ kind: 'weekday', weekday: 4, which: 'last' });
    expect(readRelativePhrase('next Friday')).toEqual({ kind: 'weekday', weekday: 5, which: 'next' });
    expect(readRelativePhrase('on Monday', 'future')).toEqual({ kind: 'weekday', weekday: 1, direction: 'future' });
  });

  it('returns undefined for the present, weeks and durations, which are not event dates', () => {
    for (const phrase of ['now', 'these days', 'for 65 years', 'in 70 years', 'After 10 years', 'last 30 years', 'past few years',
      'the last two years', 'in the day', 'in the morning', 'last week', 'a week ago', 'the weekend']) {
      expect(readRelativePhrase(phrase)).toBeUndefined();
    }
  });
});

describe('resolveRelative', () => {
  it('counts years from the article\'s year whatever its precision', () => {
    expect(resolveRelative({ kind: 'year', offset: -1 }, { year: 2019 })).toEqual({ date: { year: 2018 } });
    expect(resolveRelative({ kind: 'year', offset: -2 }, { year: 2014, month: 11 })).toEqual({ date: { year: 2012 } });
  });

  it('keeps the article\'s month for "a year ago" when the article has one', () => {
    expect(resolveRelative({ kind: 'year', offset: -1, sameMonth: true }, { year: 2001, month: 6, day: 14 })).toEqual({ date: { year: 2000, month: 6 } });
    expect(resolveRelative({ kind: 'year', offset: -1, sameMonth: true }, { year: 2019 })).toEqual({ date: { year: 2018 } });
  });

  it('keeps the article\'s month and day for an anniversary ("sixty years ago today"), at the article\'s precision', () => {
    expect(readRelativePhrase('Sixty years ago today')).toEqual({ kind: 'year', offset: -60, sameDay: true });
    expect(resolveRelative({ kind: 'year', offset: -60, sameDay: true }, { year: 2015, month: 4, day: 12 })).toEqual({ date: { year: 1955, month: 4, day: 12 } });
    expect(resolveRelative({ kind: 'year', offset: -1, sameDay: true }, { year: 2016, month: 2, day: 29 })).toEqual({ date: { year: 2015, month: 2 } });
    expect(resolveRelative({ kind: 'year', offset: -40, sameDay: true }, { year: 2019 })).toEqual({ date: { year: 1979 } });
  });

  it('counts months from the article\'s month, across the new year', () => {
    expect(resolveRelative({ kind: 'month', offset: -1 }, { year: 2019, month: 1 })).toEqual({ date: { year: 2018, month: 12 } });
  });

  it('counts days from a day-precise date, across a month', () => {
    expect(resolveRelative({ kind: 'day', offset: -1 }, { year: 2019, month: 3, day: 1 })).toEqual({ date: { year: 2019, month: 2, day: 28 } });
    expect(resolveRelative({ kind: 'day', offset: 1 }, { year: 2022, month: 2, day: 28 })).toEqual({ date: { year: 2022, month: 3, day: 1 } });
    expect(resolveRelative({ kind: 'day', offset: 0 }, { year: 2022, month: 2, day: 28 })).toEqual({ date: { year: 2022, month: 2, day: 28 } });
  });

  it('leaves out "today" in an article not dated to the day, where it means nowadays', () => {
    expect(resolveRelative({ kind: 'day', offset: 0 }, { year: 2014, month: 11 })).toBeUndefined();
  });

  it('places "last March" before the article\'s month and "next March" after it', () => {
    const march = (which: 'last' | 'next'): RelativeDate => ({ kind: 'month name', month: 3, which });
    expect(resolveRelative(march('last'), { year: 2019, month: 7 })).toEqual({ date: { year: 2019, month: 3 } });
    expect(resolveRelative(march('last'), { year: 2019, month: 3 })).toEqual({ date: { year: 2018, month: 3 } });
    expect(resolveRelative(march('next'), { year: 2019, month: 7 })).toEqual({ date: { year: 2020, month: 3 } });
    expect(resolveRelative({ kind: 'month name', month: 3, which: 'this' }, { year: 2019 })).toEqual({ date: { year: 2019, month: 3 } });
  });

  it('places a month or a month and day on the side its sentence gives, else at the nearest', () => {
    const ref = { year: 2003, month: 11, day: 20 };
    expect(resolveRelative({ kind: 'month name', month: 2, direction: 'past' }, ref)).toEqual({ date: { year: 2003, month: 2 } });
    expect(resolveRelative({ kind: 'month name', month: 2 }, ref)).toEqual({ date: { year: 2004, month: 2 } });
    expect(resolveRelative({ kind: 'month name', month: 12, day: 22 }, { year: 1999, month: 1, day: 8 })).toEqual({ date: { year: 1998, month: 12, day: 22 } });
    expect(resolveRelative({ kind: 'month name', month: 3, day: 16, direction: 'future' }, { year: 1998, month: 3, day: 4 })).toEqual({ date: { year: 1998, month: 3, day: 16 } });
  });

  it('keeps a month and day within two months of the article\'s date there, whatever the tense', () => {
    expect(resolveRelative({ kind: 'month name', month: 1, day: 17, direction: 'past' }, { year: 2010, month: 1, day: 12 })).toEqual({ date: { year: 2010, month: 1, day: 17 } });
    expect(resolveRelative({ kind: 'month name', month: 6, day: 30, direction: 'past' }, { year: 2020, month: 1, day: 10 })).toEqual({ date: { year: 2019, month: 6, day: 30 } });
  });

  it('leaves out what the article\'s date leaves open: "last March", "in March" or "last month" in an article of 2019', () => {
    expect(resolveRelative({ kind: 'month name', month: 3, which: 'last' }, { year: 2019 })).toBeUndefined();
    expect(resolveRelative({ kind: 'month name', month: 3, direction: 'past' }, { year: 2019 })).toBeUndefined();
    expect(resolveRelative({ kind: 'month', offset: -1 }, { year: 2019 })).toBeUndefined();
  });

  it('keeps the article\'s precision, with a note, for a day or weekday finer than its date', () => {
    expect(resolveRelative({ kind: 'weekday', weekday: 4 }, { year: 2014, month: 11 })).toEqual({
      date: { year: 2014, month: 11 }, note: 'the article is dated November 2014, so only the month is known',
    });
    expect(resolveRelative({ kind: 'day', offset: -1 }, { year: 2019 })).toEqual({ date: { year: 2019 }, note: 'the article is dated 2019, so only the year is known' });
  });

  it('takes a weekday on or before a day-precise date in the past, on or after in the future, else the nearest', () => {
    const saturday = { year: 2014, month: 11, day: 22 };
    const on = (day: number) => ({ date: { year: 2014, month: 11, day } });
    expect(resolveRelative({ kind: 'weekday', weekday: 4, direction: 'past' }, saturday)).toEqual(on(20));
    expect(resolveRelative({ kind: 'weekday', weekday: 6, direction: 'past' }, saturday)).toEqual(on(22));
    expect(resolveRelative({ kind: 'weekday', weekday: 4, direction: 'future' }, saturday)).toEqual(on(27));
    expect(resolveRelative({ kind: 'weekday', weekday: 1 }, saturday)).toEqual(on(24));
    expect(resolveRelative({ kind: 'weekday', weekday: 6, which: 'last' }, saturday)).toEqual(on(15));
    expect(resolveRelative({ kind: 'weekday', weekday: 6, which: 'next' }, saturday)).toEqual(on(29));
  });

  it('reads a day the year lacks in the year before when that one has it, and otherwise leaves it out', () => {
    expect(resolveRelative({ kind: 'in year', month: 2, day: 29, offset: 0 }, { year: 2021, month: 4 })).toEqual({
      date: { year: 2020, month: 2, day: 29 }, note: '2021 has no 29 February: read as 2020',
    });
    expect(resolveRelative({ kind: 'in year', month: 2, day: 29, offset: 0 }, { year: 2019 })).toBeUndefined();
    expect(resolveRelative({ kind: 'in year', month: 3, offset: -1 }, { year: 2019 })).toEqual({ date: { year: 2018, month: 3 } });
  });

  it('for any month and day, article date and direction, lands within a year on the side asked or within two months, or within half a year (property)', () => {
    const anyRef = fc.record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) });
    fc.assert(
      fc.property(anyRef, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.constantFrom('past', 'future', undefined), (ref, month, day, direction) => {
        const relative: RelativeDate = direction ? { kind: 'month name', month, day, direction } : { kind: 'month name', month, day };
        const { date } = resolveRelative(relative, ref)!;
        const gap = firstDay(date) - firstDay(ref);
        // The side asked, unless the date is within two months of the article's either way.
        if (direction === 'past') expect(gap <= 62 && gap > -366).toBe(true);
        else if (direction === 'future') expect(gap >= -62 && gap < 366).toBe(true);
        else expect(Math.abs(gap)).toBeLessThanOrEqual(190);
        expect(isRealDay(date.year, date.month!, date.day!)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('for any weekday and day-precise date, lands on that weekday within a week on the side asked (property)', () => {
    const anyDay = fc.integer({ min: firstDay({ year: 1950, month: 1, day: 1 }), max: firstDay({ year: 2050, month: 1, day: 1 }) });
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 6 }), fc.constantFrom('past', 'future', undefined), (day, weekday, direction) => {
        const d = new Date(day * 86_400_000);
        const ref: PartialDate = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
        const relative: RelativeDate = direction ? { kind: 'weekday', weekday, direction } : { kind: 'weekday', weekday };
        const { date } = resolveRelative(relative, ref)!;
        const gap = firstDay(date) - day;
        expect(new Date(firstDay(date) * 86_400_000).getUTCDay()).toBe(weekday);
        if (direction === 'past') expect(gap <= 0 && gap > -7).toBe(true);
        else if (direction === 'future') expect(gap >= 0 && gap < 7).toBe(true);
        else expect(Math.abs(gap)).toBeLessThanOrEqual(3);
      }),
      { numRuns: 1000 },
    );
  });
});
