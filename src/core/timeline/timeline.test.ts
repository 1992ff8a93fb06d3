import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareDates, datesAgree, parseIsoDate } from '../dates/dates.js';
import { createSummaryComparer } from './event-similarity.js';
import { groupByYear, mergeEvents, withinYears, type SourcedEvent, type TimelineEvent } from './timeline.js';

/** Every term weighs the same: the similarity is the share of the shorter summary's terms the other has. */
const comparer = createSummaryComparer({ groups: [['defence', 'defense']] }, () => 1);
let nextId = 1;

function event(sourceId: string, paragraph: number, date: string, summary: string, extra: Partial<SourcedEvent> = {}): SourcedEvent {
  return { sourceId, paragraph, paragraphId: nextId++, date, precision: parseIsoDate(date)!.day ? 'day' : parseIsoDate(date)!.month ? 'month' : 'year',
    summary, quote: summary, quoteAt: 0, mention: date, offset: 0, relative: false, ...extra };
}

const lines = (events: SourcedEvent[]) => mergeEvents(events, comparer).map((e) => [e.date, e.citations.map((c) => c.citation).join(' '), e.conflict ?? null]);

describe('mergeEvents', () => {
  const agreement2014 = event('gvs-2018', 8, '2014', 'A defence cooperation agreement was signed in 2014, lifting the arms ban.');
  const agreementThursday = event('kharakov-2014', 13, '2014-11', 'Shoigu and Asif signed a defence cooperation agreement on Thursday.', { relative: true, mention: 'on Thursday' });
  const agreement2015 = event('aslam-2019', 3, '2015', 'Both countries signed a defense cooperation agreement in 2015.');

  it('shows one event reported by several sources once, at the finest date they agree on, with every citation', () => {
    const [line, ...rest] = mergeEvents([agreement2014, agreementThursday], comparer);
    expect(rest).toEqual([]);
    expect(line).toEqual<TimelineEvent>({
      date: '2014-11', precision: 'month', relative: true, resolvedFrom: 'on Thursday', summary: agreementThursday.summary,
      citations: [
        { sourceId: 'kharakov-2014', paragraph: 13, citation: '[kharakov-2014 ¶13]', quote: agreementThursday.summary, date: '2014-11' },
        { sourceId: 'gvs-2018', paragraph: 8, citation: '[gvs-2018 ¶8]', quote: agreement2014.summary, date: '2014' },
      ],
    });
  });

  it('links the line of another source that dates the same event otherwise, both lines saying "sources differ" and naming the other\'s reports', () => {
    const merged = mergeEvents([agreement2015, agreement2014, event('observer-2021', 29, '2014', 'A defence agreement was signed in 2014.')], comparer);
    expect(merged.map((e) => [e.date, e.citations.map((c) => c.citation), e.conflict, e.conflictingCitations!.map((c) => `${c.citation} ${c.date}`)])).toEqual([
      ['2014', ['[gvs-2018 ¶8]', '[observer-2021 ¶29]'], 'sources differ: 2014 / 2015', ['[aslam-2019 ¶3] 2015']],
      ['2015', ['[aslam-2019 ¶3]'], 'sources differ: 2014 / 2015', ['[gvs-2018 ¶8] 2014', '[observer-2021 ¶29] 2014']],
    ]);
  });

  it('never chains: A like B and B like C, A unlike C, make two lines, the most alike pair together', () => {
    expect(lines([
      event('a-1', 1, '2014', 'Pipeline tariff accord signed in Karachi.'),
      event('b-2', 1, '2014', 'Pipeline tariff accord signed; harbour dredging contract awarded.'),
      event('c-3', 1, '2014', 'Harbour dredging contract awarded in Gwadar.'),
    ])).toEqual([['2014', '[c-3 ¶1]', null], ['2014', '[a-1 ¶1] [b-2 ¶1]', null]]);
  });

  it('never merges a range with a date it holds: the 1980s and 1985 are two dates', () => {
    expect(lines([event('a-1', 1, '1980', 'Pakistan stood with the United States against the Soviet Union.', { end: '1989' }),
      event('b-2', 1, '1985', 'Pakistan stood with the United States against the Soviet Union.')]).map((l) => l[0])).toEqual(['1980', '1985']);
  });

  it('takes similar statements with other dates as other events within one source, years apart, or of a recurring kind', () => {
    expect(lines([
      event('observer-2021', 25, '2018-09-27', 'Islamabad and Moscow signed a $10 billion offshore gas pipeline agreement.'),
      event('observer-2021', 27, '2019-02-06', 'The Russian side pledged $14 billion in the offshore gas pipeline project.'),
      event('gvs-2018', 11, '2017', 'Russia and Pakistan conducted a joint military exercise titled Friendship 2017.'),
      event('aslam-2019', 4, '2018-10-21', 'Both countries held a joint military exercise.', { end: '2018-11-04' }),
      event('berger-2019', 9, '2014', 'Russia lifted its arms embargo, and the two countries signed a defence agreement.'),
      event('gvs-2018', 20, '2021', 'The two countries signed a defence agreement, lifting the arms embargo.'),
    ])).toEqual([
      ['2014', '[berger-2019 ¶9]', null],
      ['2017', '[gvs-2018 ¶11]', null],
      ['2018-09-27', '[observer-2021 ¶25]', null],
      ['2018-10-21', '[aslam-2019 ¶4]', null],
      ['2019-02-06', '[observer-2021 ¶27]', null],
      ['2021', '[gvs-2018 ¶20]', null],
    ]);
  });

  it('never merges two dates of one sentence ("in 2016 and 2017") and keeps unrelated events apart', () => {
    const sentence = 'Two drills, in 2016 and 2017 were held in Cherat and Karachayevo-Cherkessia respectively.';
    expect(lines([
      event('aslam-2019', 4, '2017', sentence),
      event('aslam-2019', 4, '2016', sentence),
      event('gvs-2018', 2, '2016', 'The consultative group met for the first time.'),
    ])).toEqual([['2016', '[gvs-2018 ¶2]', null], ['2016', '[aslam-2019 ¶4]', null], ['2017', '[aslam-2019 ¶4]', null]]);
  });

  it('for any events, cites every one, never twice on a line, lists lines in date order, and puts on a line only reports that all agree (property)', () => {
    const words = ['defence', 'agreement', 'signed', 'exercise', 'pipeline', 'gas', 'visit', 'Moscow', 'ban', 'arms', 'summit', 'talks'];
    const anyEvent = fc.record({
      source: fc.constantFrom('a-1', 'b-2', 'c-3'),
      paragraph: fc.integer({ min: 1, max: 4 }),
      date: fc.constantFrom('2014', '2014-11', '2014-11-20', '2014-12', '2015', '2016-02', '2018', '2021-04-01', '2014/2016'),
      words: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 25 }), (specs) => {
        const events = specs.map((s) => {
          const [date, end] = s.date.split('/');
          return event(s.source, s.paragraph, date!, s.words.join(' '), end ? { end } : {});
        });
        const merged = mergeEvents(events, comparer);
        const cited = merged.map((e) => e.citations.map((c) => `${c.sourceId} ${c.paragraph} ${c.date}`));
        for (const line of cited) expect(new Set(line).size).toBe(line.length);
        expect(new Set(cited.flat())).toEqual(new Set(events.map((e) => `${e.sourceId} ${e.paragraph} ${e.end ? `${e.date}/${e.end}` : e.date}`)));
        for (let i = 1; i < merged.length; i++) expect(compareDates(parseIsoDate(merged[i - 1]!.date)!, parseIsoDate(merged[i]!.date)!)).toBeLessThanOrEqual(0);
        for (const line of merged) {
          // Complete link: every two reports of a line give the same date at the precision they share.
          for (const a of line.citations) for (const b of line.citations) expect(datesAgree(a.date, b.date)).toBe(true);
          expect(new Set(line.citations.map((c) => c.date)).size).toBeLessThanOrEqual(3);
          if (line.conflict) expect(line.conflictingCitations!.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('groupByYear', () => {
  it('groups lines under the year they start in, keeping their order', () => {
    const merged = mergeEvents([event('a-1', 1, '1980', 'War.', { end: '1989' }), event('a-1', 2, '1989-02-15', 'Exit.'), event('a-1', 3, '1989', 'Talks.')], comparer);
    expect(groupByYear(merged).map((g) => [g.year, g.events.map((e) => e.summary)])).toEqual([[1980, ['War.']], [1989, ['Talks.', 'Exit.']]]);
  });
});

describe('withinYears', () => {
  const [line] = mergeEvents([event('a-1', 1, '1980', 'War.', { end: '1989' })], comparer);

  it('keeps an event some source dates at least partly within the years', () => {
    expect([withinYears(line!, 1985, 1990), withinYears(line!, undefined, 1980), withinYears(line!, 1989), withinYears(line!)]).toEqual([true, true, true, true]);
  });

  it('drops an event outside them', () => {
    expect([withinYears(line!, 1990), withinYears(line!, undefined, 1979)]).toEqual([false, false]);
  });
});
