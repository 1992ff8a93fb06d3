import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, thrownBy } from '../../../test/arbitraries.js';
import { parseIsoDate } from '../dates/dates.js';
import { extractArticleEvents, extractEvents, type ExtractedEvent } from './events.js';

/** The date fields of each event, to compare in one line: date, end, precision, relative, mention. */
const dates = (text: string, articleDate?: string) =>
  extractEvents(text, articleDate).map((e) => [e.date, e.end ?? null, e.precision, e.relative, e.mention]);

describe('extractEvents', () => {
  describe('absolute dates (chrono-node)', () => {
    it('reads a full date and gives the whole event: date, precision, summary, quote, mention, offset', () => {
      const text = 'Diplomatic and bilateral relations between Pakistan and the Russian Federation were first developed on May 1st, 1948. History has seen ups and downs.';
      expect(extractEvents(text)).toEqual<ExtractedEvent[]>([{
        date: '1948-05-01', precision: 'day', relative: false, mention: 'May 1st, 1948', offset: 103,
        summary: 'Diplomatic and bilateral relations between Pakistan and the Russian Federation were first developed on May 1st, 1948.',
        quote: 'Diplomatic and bilateral relations between Pakistan and the Russian Federation were first developed on May 1st, 1948.', quoteAt: 0,
      }]);
    });

    it('reads day-month-year, month-day-year and month-year orders at their precision', () => {
      expect(dates('Gen Bajwa on 24 April 2019 met Salyukov. On June 9, 2017, Sharif met Putin. Talks in July 2015 followed. In February, 2018, Asif visited Moscow.')).toEqual([
        ['2019-04-24', null, 'day', false, 'on 24 April 2019'],
        ['2017-06-09', null, 'day', false, 'June 9, 2017'],
        ['2015-07', null, 'month', false, 'July 2015'],
        ['2018-02', null, 'month', false, 'February, 2018'],
      ]);
    });

    it('keeps absolute dates when the article has no date', () => {
      expect(dates('The USSR left Afghanistan on February 15, 1989.')).toEqual([['1989-02-15', null, 'day', false, 'February 15, 1989']]);
    });
  });

  describe('ranges', () => {
    it('joins "from October 21, to November 4, 2018" into one range in 2018', () => {
      expect(dates('Both the countries also held a joint military exercise from October 21, to November 4, 2018.')).toEqual([
        ['2018-10-21', '2018-11-04', 'day', false, 'October 21, to November 4, 2018'],
      ]);
    });

    it('puts the start in the year before when it falls later in the year than the end', () => {
      expect(dates('The talks ran from December 28 to January 3, 2019.')).toEqual([['2018-12-28', '2019-01-03', 'day', false, 'December 28 to January 3, 2019']]);
    });

    it('reads a range chrono-node gives whole, and year ranges', () => {
      expect(dates('The drill ran from 21 October to 4 November 2018.')).toEqual([['2018-10-21', '2018-11-04', 'day', false, '21 October to 4 November 2018']]);
      expect(dates('Trade grew from 2014 to 2016 and again in 2017–18.')).toEqual([
        ['2014', '2016', 'year', false, 'from 2014 to 2016'],
        ['2017', '2018', 'year', false, '2017–18'],
      ]);
    });
  });

  describe('the patterns chrono-node misses', () => {
    it('reads "in 2014", "since 2016" and "as far back as 1969" as years', () => {
      expect(dates('The agreement was signed in 2014.')).toEqual([['2014', null, 'year', false, '2014']]);
      expect(dates('Since 2016, Islamabad and Moscow have been conducting joint military exercises.')).toEqual([['2016', null, 'year', false, '2016']]);
      expect(dates('The latest visit took place as far back as 1969, when Grechko made a trip.')).toEqual([['1969', null, 'year', false, '1969']]);
    });

    it('reads every year of a list after a preposition: "in 2016 and 2017", "in 2010, 2012 and 2014"', () => {
      expect(dates('Two drills, in 2016 and 2017 were held in Cherat.').map((d) => d[0])).toEqual(['2016', '2017']);
      expect(dates('Elections were held in 2010, 2012 and 2014.').map((d) => d[0])).toEqual(['2010', '2012', '2014']);
    });

    it('reads "the 1980s" and "in 1980s" as the decade, a range of years', () => {
      expect(dates('Pakistan stood with the United States in 1980s to oust the Soviet Union.')).toEqual([['1980', '1989', 'year', false, '1980s']]);
      expect(dates('In the 1990s relations were cold.')).toEqual([['1990', '1999', 'year', false, 'the 1990s']]);
    });

    it('reads "the 2014 defence agreement" but not a name with a year in it ("Friendship 2017")', () => {
      expect(dates('Both sides praised the 2014 defence agreement.')).toEqual([['2014', null, 'year', false, '2014']]);
      expect(dates('The exercise was titled ‘Friendship 2017’. The drill was called Friendship 2018.')).toEqual([]);
    });

    it('reads "fiscal 2003", "dating to 1987", "post-1971" and "her 2004 campaign" as years', () => {
      expect(dates('Exports for fiscal 2003 fell, on surveys dating to 1987 and the post-1971 rules, as in her 2004 campaign.').map((d) => d[0])).toEqual(['2003', '1987', '1971', '2004']);
    });

    it('gives no event for the start of a period the text only counts ("now in its 17th year")', () => {
      expect(extractEvents('The US is still embroiled in the Afghan conflict which is now in its 17th year.', '2018-03')).toEqual([]);
    });
  });

  describe('relative dates, resolved against the article\'s date', () => {
    it('resolves "last year", "this year", "two years ago" and "last March"', () => {
      expect(dates('Last year, Russia and Pakistan conducted a joint exercise.', '2018-03')).toEqual([['2017', null, 'year', true, 'Last year']]);
      expect(dates('Elections are due this year.', '2019')).toEqual([['2019', null, 'year', true, 'this year']]);
      expect(dates('Putin was planning to visit Pakistan two years ago.', '2014-11')).toEqual([['2012', null, 'year', true, 'two years ago']]);
      expect(dates('It has been noted that last March, both capitals engaged in discussions.', '2019-07')).toEqual([['2019-03', null, 'month', true, 'last March']]);
    });

    it('reads "sixty years ago today" as the article\'s day sixty years back, one event, and counts chrono-node does not read', () => {
      expect(dates('Sixty years ago today, the announcement in Ann Arbor changed public health.', '2015-04-12')).toEqual([['1955-04-12', null, 'day', true, 'Sixty years ago today']]);
      expect(dates('Forty years ago today, the commission signed its certificate.', '2019-12')).toEqual([['1979-12', null, 'month', true, 'Forty years ago today']]);
      expect(dates('Six months ago today the law passed.', '2016-02-29')).toEqual([['2015-08-29', null, 'day', true, 'Six months ago today']]);
      expect(dates('Forty-five years ago, the last case fell ill.', '2016')).toEqual([['1971', null, 'year', true, 'Forty-five years ago']]);
      expect(dates('A hundred years ago the act passed.', '2016')).toEqual([['1916', null, 'year', true, 'A hundred years ago']]);
      expect(dates('Some 2,000 years ago the Chinese used variolation.', '2016')).toEqual([]);
    });

    it('resolves "earlier this month" to the article\'s month', () => {
      expect(dates('Earlier this month the two ministers met in Moscow.', '2021-04')).toEqual([['2021-04', null, 'month', true, 'Earlier this month']]);
    });

    it('keeps the month for "on Thursday" in an article dated only to the month, and says so', () => {
      const [event] = extractEvents('Shoigu and Asif signed a deal on military cooperation on Thursday in Islamabad.', '2014-11');
      expect(event).toMatchObject({ date: '2014-11', precision: 'month', relative: true, mention: 'on Thursday' });
      expect(event!.note).toBe('the article is dated November 2014, so only the month is known');
    });

    it('gives the day for "on Thursday" in an article dated to the day', () => {
      expect(dates('The deal was signed on Thursday in Islamabad.', '2014-11-22')).toEqual([['2014-11-20', null, 'day', true, 'on Thursday']]);
    });

    it('reads "29 February, this year" in an article dated 2021 as 29 February 2020, not 1 March 2021, and says why', () => {
      const [event] = extractEvents('The US and the Taliban signed an agreement in Doha on 29 February, this year.', '2021-04');
      expect(event).toMatchObject({ date: '2020-02-29', precision: 'day', relative: true, mention: 'on 29 February, this year' });
      expect(event!.note).toBe('2021 has no 29 February: read as 2020');
    });

    it('resolves today, yesterday, tomorrow and this morning against an article dated to the day', () => {
      expect(dates('The council voted late yesterday; shares fell today. The mayor spoke this morning, and the bills go out tomorrow.', '1998-03-04')).toEqual([
        ['1998-03-03', null, 'day', true, 'late yesterday'],
        ['1998-03-04', null, 'day', true, 'today'],
        ['1998-03-04', null, 'day', true, 'this morning'],
        ['1998-03-05', null, 'day', true, 'tomorrow'],
      ]);
    });

    it('gives no event for "today" in an article dated only to the month or year, where it means nowadays', () => {
      expect(dates('The relations of today’s Russian Federation have not been stable.', '2014-11')).toEqual([]);
    });

    it('puts a month and day in the article\'s year, or the year before when the sentence is past and the day after the article', () => {
      expect(dates('The warning follows the cancellation of two orders on Dec. 22.', '1999-01-08')).toEqual([['1998-12-22', null, 'day', true, 'Dec. 22']]);
      expect(dates('The levy takes effect on March 16, and the first bills will be posted in June.', '1998-03-04')).toEqual([
        ['1998-03-16', null, 'day', true, 'March 16'], ['1998-06', null, 'month', true, 'June'],
      ]);
      expect(dates('The half-year ended June 30 with a loss.', '2020-01-10')).toEqual([['2019-06-30', null, 'day', true, 'June 30']]);
    });

    it('places a bare month and a weekday by the tense of their sentence', () => {
      expect(dates('He resigned in February, and sentencing is set for next March.', '2003-11-20')).toEqual([
        ['2003-02', null, 'month', true, 'February'], ['2004-03', null, 'month', true, 'next March'],
      ]);
      expect(dates('Imhof said on Wednesday that the board will meet on Monday.', '1999-01-08')).toEqual([
        ['1999-01-06', null, 'day', true, 'on Wednesday'], ['1999-01-11', null, 'day', true, 'on Monday'],
      ]);
    });

    it('reads the weekday a time swallows ("to $12.25 Wednesday"), and the month and day beside a weekday', () => {
      expect(dates('Shares rose 50 cents to $12.25 Wednesday. Talks resume Monday, March 2.', '1998-02-26')).toEqual([
        ['1998-02-25', null, 'day', true, 'Wednesday'], ['1998-03-02', null, 'day', true, 'Monday, March 2'],
      ]);
    });

    it('gives "a year ago" the article\'s month, and no event for a month name written in lower case', () => {
      expect(dates('Prices were 38 percent higher than a year ago.', '2010-08')).toEqual([['2009-08', null, 'month', true, 'a year ago']]);
      expect(dates('A protest march crossed the capital; an august body met.', '2010-08-03')).toEqual([]);
    });

    it('leaves out relative dates when the article has no date, and "last March" when it has only a year', () => {
      expect(dates('Last year, both sides met. On Thursday they signed.')).toEqual([]);
      expect(dates('It has been noted that last March, both capitals engaged in discussions.', '2019')).toEqual([]);
    });
  });

  describe('numbers that are not dates', () => {
    it.each([
      'Russia currently accounts for barely $500 million in trade.',
      'The exercise involved more than 200 Special Forces soldiers from both countries.',
      'Under the deal 4 Mi35 helicopters were also sold by Russia to Pakistan.',
      'We have been inimical to the Russians for 65 years.',
      'America did not even deign to give us any such access in 70 years.',
      'After 10 years, the USSR failed to win the war.',
      'See page 12, paragraph 3, and the 12th meeting of the group.',
      'The report runs to 2014 pages, in 2000 words per chapter.',
      'A $10 billion pipeline, 1.3 billion dollars in aid, and 10% today.',
      'After the 9/11 tragedy, America needed Pakistan again, as it does now.',
    ])('finds no event in "%s"', (text) => {
      expect(extractEvents(text, '2019-06')).toEqual([]);
    });
  });

  it('for any text and article date, never throws and gives valid dates, a non-empty summary and a mention in the text (property)', () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.constantFrom('2019', '2018-03', '2014-11-20', '2021-02', 'not a date'), { nil: undefined }), (text, articleDate) => {
        let events: ExtractedEvent[] = [];
        expect(thrownBy(() => (events = extractEvents(text, articleDate)))).toBeUndefined();
        for (const event of events) {
          expect(parseIsoDate(event.date)).toBeDefined();
          if (event.end !== undefined) expect(event.end > event.date && parseIsoDate(event.end) !== undefined).toBe(true);
          expect(event.summary.trim()).not.toBe('');
          expect(text.slice(event.offset, event.offset + event.mention.length)).toBe(event.mention);
          if (!articleDate || articleDate === 'not a date') expect(event.relative).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('extractArticleEvents', () => {
  it('extracts from each paragraph\'s body, numbering events by paragraph, so a repeated paragraph gives none', () => {
    const paragraphs = [
      { n: 1, text: 'It was signed in 2014.', body: 'It was signed in 2014.' },
      { n: 2, text: 'It was signed in 2014.', body: '', repeatOf: 1 },
      { n: 3, text: 'Last year, they met.', body: 'Last year, they met.' },
    ];
    expect(extractArticleEvents({ date: '2018-03' }, paragraphs).map((e) => [e.paragraph, e.date, e.relative])).toEqual([[1, '2014', false], [3, '2017', true]]);
  });
});
