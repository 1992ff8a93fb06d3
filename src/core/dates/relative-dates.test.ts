import { describe, expect, it } from 'vitest';
import { readRelativePhrase, resolveRelative } from './relative-dates.js';

describe('readRelativePhrase', () => {
  it('reads years, months, days ago and weekdays as chrono-node matches them', () => {
    expect(readRelativePhrase('last year')).toEqual({ kind: 'year', offset: -1 });
    expect(readRelativePhrase('this month')).toEqual({ kind: 'month', offset: 0 });
    expect(readRelativePhrase('two years ago')).toEqual({ kind: 'year', offset: -2 });
    expect(readRelativePhrase('3 months ago')).toEqual({ kind: 'month', offset: -3 });
    expect(readRelativePhrase('yesterday')).toEqual({ kind: 'day', offset: -1 });
    expect(readRelativePhrase('on Thursday,')).toEqual({ kind: 'weekday', weekday: 4 });
  });

  it('returns undefined for the present and for durations, which are not event dates', () => {
    for (const phrase of ['now', 'today', 'these days', 'for 65 years', 'in 70 years', 'After 10 years', 'last 30 years', 'past few years', 'the last two years', 'in the day']) {
      expect(readRelativePhrase(phrase)).toBeUndefined();
    }
  });
});

describe('resolveRelative', () => {
  it('counts years from the article\'s year whatever its precision', () => {
    expect(resolveRelative({ kind: 'year', offset: -1 }, { year: 2019 })).toEqual({ date: { year: 2018 } });
    expect(resolveRelative({ kind: 'year', offset: -2 }, { year: 2014, month: 11 })).toEqual({ date: { year: 2012 } });
  });

  it('counts months from the article\'s month, across the new year', () => {
    expect(resolveRelative({ kind: 'month', offset: -1 }, { year: 2019, month: 1 })).toEqual({ date: { year: 2018, month: 12 } });
  });

  it('places "last March" in the article\'s year when March is before its month, else the year before', () => {
    expect(resolveRelative({ kind: 'named month', month: 3, which: 'last' }, { year: 2019, month: 7 })).toEqual({ date: { year: 2019, month: 3 } });
    expect(resolveRelative({ kind: 'named month', month: 3, which: 'last' }, { year: 2019, month: 3 })).toEqual({ date: { year: 2018, month: 3 } });
    expect(resolveRelative({ kind: 'named month', month: 3, which: 'next' }, { year: 2019, month: 7 })).toEqual({ date: { year: 2020, month: 3 } });
  });

  it('leaves out what the article\'s date leaves open: "last March" or "last month" in an article of 2019', () => {
    expect(resolveRelative({ kind: 'named month', month: 3, which: 'last' }, { year: 2019 })).toBeUndefined();
    expect(resolveRelative({ kind: 'month', offset: -1 }, { year: 2019 })).toBeUndefined();
  });

  it('keeps the article\'s precision, with a note, for a day or weekday finer than its date', () => {
    expect(resolveRelative({ kind: 'weekday', weekday: 4 }, { year: 2014, month: 11 })).toEqual({
      date: { year: 2014, month: 11 }, note: 'the article is dated November 2014, so only the month is known',
    });
    expect(resolveRelative({ kind: 'day', offset: -1 }, { year: 2019 })).toEqual({ date: { year: 2019 }, note: 'the article is dated 2019, so only the year is known' });
  });

  it('takes the last such weekday on or before a day-precise date', () => {
    expect(resolveRelative({ kind: 'weekday', weekday: 4 }, { year: 2014, month: 11, day: 22 })).toEqual({ date: { year: 2014, month: 11, day: 20 } });
    expect(resolveRelative({ kind: 'weekday', weekday: 4 }, { year: 2014, month: 11, day: 20 })).toEqual({ date: { year: 2014, month: 11, day: 20 } });
    expect(resolveRelative({ kind: 'day', offset: -1 }, { year: 2019, month: 3, day: 1 })).toEqual({ date: { year: 2019, month: 2, day: 28 } });
  });

  it('reads a day the year lacks in the year before when that one has it, and otherwise leaves it out', () => {
    expect(resolveRelative({ kind: 'in year', month: 2, day: 29, offset: 0 }, { year: 2021, month: 4 })).toEqual({
      date: { year: 2020, month: 2, day: 29 }, note: '2021 has no 29 February: read as 2020',
    });
    expect(resolveRelative({ kind: 'in year', month: 2, day: 29, offset: 0 }, { year: 2019 })).toBeUndefined();
    expect(resolveRelative({ kind: 'in year', month: 3, offset: -1 }, { year: 2019 })).toEqual({ date: { year: 2018, month: 3 } });
  });

  it('dates the start of what is "in its 17th year" to the two years it can have begun in', () => {
    expect(resolveRelative({ kind: 'ordinal year', n: 17 }, { year: 2018, month: 3 })).toEqual({
      date: { year: 2001 }, end: { year: 2002 }, note: 'its 17th year counted back from March 2018',
    });
  });
});
