import { describe, expect, it } from 'vitest';
import { compareDates, datesAgree, displayDate, isRealDay, parseIsoDate, spanOf } from './dates.js';

describe('parseIsoDate', () => {
  it('reads YYYY, YYYY-MM and YYYY-MM-DD', () => {
    expect(parseIsoDate('2019')).toEqual({ year: 2019 });
    expect(parseIsoDate('2014-11')).toEqual({ year: 2014, month: 11 });
    expect(parseIsoDate('2018-03-02')).toEqual({ year: 2018, month: 3, day: 2 });
  });

  it('returns undefined for days that do not exist, other formats and years out of range', () => {
    for (const text of ['2021-02-29', '2019-13', '2019-00', '19', 'March 2019', '0999', '3000', '', undefined]) expect(parseIsoDate(text)).toBeUndefined();
  });
});

describe('isRealDay', () => {
  it('knows 29 February only in leap years', () => {
    expect([isRealDay(2020, 2, 29), isRealDay(2021, 2, 29), isRealDay(2000, 2, 29), isRealDay(1900, 2, 29)]).toEqual([true, false, true, false]);
  });
});

describe('compareDates', () => {
  it('orders by the first day covered, the coarser date first', () => {
    const dates = ['2014-11', '2014', '2013-12-31', '2014-01-01'].map((d) => parseIsoDate(d)!);
    expect(dates.sort(compareDates)).toEqual([{ year: 2013, month: 12, day: 31 }, { year: 2014 }, { year: 2014, month: 1, day: 1 }, { year: 2014, month: 11 }]);
  });
});

describe('displayDate', () => {
  it('writes days, months and years as a reader says them', () => {
    expect(displayDate({ year: 2018, month: 3, day: 2 })).toBe('2 March 2018');
    expect(displayDate({ year: 2014, month: 11 })).toBe('November 2014');
    expect(displayDate({ year: 2014 })).toBe('2014');
  });

  it('writes ranges without repeating the year, and a whole decade as "the 1980s"', () => {
    expect(displayDate({ year: 2018, month: 10, day: 21 }, { year: 2018, month: 11, day: 4 })).toBe('21 October – 4 November 2018');
    expect(displayDate({ year: 2018, month: 12, day: 28 }, { year: 2019, month: 1, day: 3 })).toBe('28 December 2018 – 3 January 2019');
    expect(displayDate({ year: 2001 }, { year: 2002 })).toBe('2001–2002');
    expect(displayDate({ year: 1980 }, { year: 1989 })).toBe('the 1980s');
  });
});

describe('datesAgree', () => {
  it('agrees on dates that are the same at the precision they share, ranges included', () => {
    expect([datesAgree('2014', '2014-11'), datesAgree('2014-11-20', '2014'), datesAgree('2018-10-21/2018-11-04', '2018'), datesAgree('2014', '2014')])
      .toEqual([true, true, true, true]);
  });

  it('disagrees on dates that cannot both be right, on a range and a date it holds, and on what is not a date', () => {
    expect([datesAgree('2014', '2015'), datesAgree('2014-10', '2014-11'), datesAgree('2001/2002', '2002/2003'), datesAgree('1980/1989', '1989-02-15'), datesAgree('2014', 'soon')])
      .toEqual([false, false, false, false, false]);
  });
});

describe('spanOf', () => {
  it('gives the days, months and years a date or range covers, and its precision', () => {
    expect(spanOf('2014-11')).toEqual({ first: 16375, last: 16404, firstMonth: 24178, lastMonth: 24178, firstYear: 2014, lastYear: 2014, precision: 'month' });
    expect(spanOf('1980/1989')).toEqual(spanOf('1980', '1989'));
    expect(spanOf('1980', '1989')).toMatchObject({ firstYear: 1980, lastYear: 1989, precision: 'year' });
    expect(spanOf('November 2014')).toBeUndefined();
  });
});
