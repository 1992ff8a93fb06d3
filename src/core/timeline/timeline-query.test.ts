import { describe, expect, it } from 'vitest';
import { extractEvents } from './events.js';
import { memoryRetrieval } from '../../../test/memory-retrieval.js';
import { QuestionError } from '../errors.js';
import { buildTimeline, MAX_MERGED_EVENTS, MAX_TOPIC_LENGTH, type TimelineDeps } from './timeline-query.js';
import type { SourcedEvent } from './timeline.js';

const SOURCES = { 'gvs-2018': '2018-03', 'observer-2021': '2021-04', 'aslam-2019': '2019' } as const;
const PARAGRAPHS: { id: number; sourceId: keyof typeof SOURCES; n: number; body: string }[] = [
  { id: 1, sourceId: 'gvs-2018', n: 8, body: 'The counterterrorism maneuvering had stemmed from a defense cooperation agreement between the two countries which was signed in 2014, lifting a long-running Russian ban on arms sales to Pakistan.' },
  { id: 2, sourceId: 'gvs-2018', n: 4, body: 'Earlier, both countries had signed a defense cooperation agreement and a technical cooperation accord in 2015 for arms supplies. In February, 2018, Pakistan’s Defense Minister, Khawaja Asif visited Moscow.' },
  { id: 3, sourceId: 'observer-2021', n: 29, body: 'As regards the military relations, defence-counter terrorism related agreement was signed in 2014. Under the deal 4 Mi35 helicopters were also sold.' },
  { id: 4, sourceId: 'observer-2021', n: 25, body: 'On 27 September 2018, Islamabad and Moscow signed a historic $10 billion offshore gas pipeline agreement in Moscow.' },
  { id: 5, sourceId: 'aslam-2019', n: 2, body: 'Diplomatic and bilateral relations between Pakistan and the Russian Federation were first developed on May 1st, 1948.' },
];

/** Undated paragraphs, so that words weigh in the index as in a real library ("Pakistan" everywhere, "agreement" in few places). */
const FILLER = [
  'Pakistan and Russia have agreed to explore new ways for bilateral cooperation to expand their relationship.',
  'Russia has security concerns over the growing presence of the Islamic State in Afghanistan.',
  'Pakistan always remained willing to counter extremism and to cooperate with other countries.',
  'Russia, like Pakistan, China and Iran, is concerned about regional security in Afghanistan.',
  'The emerging shift in geopolitics has pushed Russia closer to Pakistan and to China.',
  'Moscow offered to be a mediator between India and Pakistan during the recent tensions.',
  'Pakistan has already allowed Russia to use Gwadar port through the economic corridor.',
  'The new friends share the same approach towards stability in South Asia and Afghanistan.',
  'India has long been the largest buyer of Russian weapons in the region.',
  'Military relations between the two countries grew after the end of the Cold War.',
  'Counter terrorism is a concern both militaries share, and their relations show it.',
  'Analysts in Washington watch the growing military ties between Moscow and Islamabad closely.',
];

/**
 * The library as the timeline reads it. `size` pretends the library holds that many events (more
 * than MAX_MERGED_EVENTS: a large library); `perYear` pretends each year holds that many.
 */
function deps({ size, perYear }: { size?: number; perYear?: number } = {}): TimelineDeps {
  const retrieval = memoryRetrieval([
    ...PARAGRAPHS.map((p) => ({ id: p.id, sourceId: p.sourceId, title: p.sourceId, body: p.body })),
    ...FILLER.map((body, i) => ({ id: 100 + i, sourceId: 'aslam-2019', title: 'aslam-2019', body })),
  ]);
  const events: SourcedEvent[] = PARAGRAPHS.flatMap((p) =>
    extractEvents(p.body, SOURCES[p.sourceId]).map((e) => ({ ...e, sourceId: p.sourceId, paragraph: p.n, paragraphId: p.id })));
  return {
    retrieval,
    synonyms: { groups: [['defence', 'defense']] },
    listEvents: (limit) => ((size ?? events.length) > limit ? undefined : events),
    listEventsOf: (ids) => events.filter((e) => ids.includes(e.paragraphId)),
    listEventsOfSource: (id) => events.filter((e) => e.sourceId === id),
    listEventsInYears: (years, limit) => {
      const found = events.filter((e) => years.includes(e.date.slice(0, 4)));
      return (perYear === undefined ? found.length : perYear * years.length) > limit ? undefined : found;
    },
    getSource: (id) => (id in SOURCES ? { id, title: id, date: SOURCES[id as keyof typeof SOURCES] } : undefined),
  };
}

/** Each line as `date [citations] conflict`. */
const lines = (options: Parameters<typeof buildTimeline>[1], library: Parameters<typeof deps>[0] = {}) =>
  buildTimeline(deps(library), options).events.map((e) => [e.date, e.citations.map((c) => c.citation).join(' '), e.conflict ?? null]);

/** The 2014 agreement as two sources date it, and as gvs-2018 ¶4 dates it (2015): two lines that name each other. */
const AGREEMENT = ['2014', '[gvs-2018 ¶8] [observer-2021 ¶29]', 'sources differ: 2014 / 2015'];
const AGREEMENT_2015 = ['2015', '[gvs-2018 ¶4]', 'sources differ: 2014 / 2015'];

describe('buildTimeline', () => {
  it('lists every event of the library in date order, the 2014 agreement once, linked to the line of the source that says 2015', () => {
    const { events } = buildTimeline(deps());
    expect(events.map((e) => [e.date, e.citations.map((c) => c.citation).join(' '), e.conflict ?? null])).toEqual([
      ['1948-05-01', '[aslam-2019 ¶2]', null],
      AGREEMENT,
      AGREEMENT_2015,
      ['2018-02', '[gvs-2018 ¶4]', null],
      ['2018-09-27', '[observer-2021 ¶25]', null],
    ]);
    expect(events.map((e) => (e.conflictingCitations ?? []).map((c) => `${c.citation} ${c.date}`))).toEqual([
      [], ['[gvs-2018 ¶4] 2015'], ['[gvs-2018 ¶8] 2014', '[observer-2021 ¶29] 2014'], [], [],
    ]);
  });

  it('keeps events of the paragraphs /ask finds for a topic, and of summaries that cover it', () => {
    expect(lines({ topic: 'gas pipeline' })).toEqual([['2018-09-27', '[observer-2021 ¶25]', null]]);
    // ¶4 is on the topic, so its other event (Asif's visit) comes too; the pipeline paragraph says "agreement" but not "defence".
    expect(lines({ topic: 'defense agreement' })).toEqual([AGREEMENT, AGREEMENT_2015, ['2018-02', '[gvs-2018 ¶4]', null]]);
    expect(lines({ topic: 'Shoigu in Paris' })).toEqual([]);
  });

  it('reads a misspelt topic as /ask reads a misspelt question: "gas pipline" is the pipeline', () => {
    const library = deps();
    // Terms are stems, as the index holds them.
    const typos: Record<string, string> = { piplin: 'pipelin' };
    const corrected: TimelineDeps = { ...library, retrieval: { ...library.retrieval, correct: (term) => typos[term] } };
    expect(buildTimeline(corrected, { topic: 'gas pipline' }).events.map((e) => e.citations.map((c) => c.citation).join(' '))).toEqual(['[observer-2021 ¶25]']);
  });

  it('keeps events a source reports, with every citation, so a disagreement stays visible', () => {
    expect(lines({ sourceId: 'aslam-2019' })).toEqual([['1948-05-01', '[aslam-2019 ¶2]', null]]);
    expect(lines({ sourceId: 'observer-2021' })).toEqual([AGREEMENT, ['2018-09-27', '[observer-2021 ¶25]', null]]);
    expect(buildTimeline(deps(), { sourceId: 'observer-2021' }).events[0]!.conflictingCitations!.map((c) => c.citation)).toEqual(['[gvs-2018 ¶4]']);
  });

  it('keeps events some source dates within from–to, so "from 2015" still shows the agreement one source dates 2015', () => {
    expect(lines({ from: 2015, to: 2018 })).toEqual([AGREEMENT_2015, ['2018-02', '[gvs-2018 ¶4]', null], ['2018-09-27', '[observer-2021 ¶25]', null]]);
    expect(lines({ to: 1950 })).toEqual([['1948-05-01', '[aslam-2019 ¶2]', null]]);
    expect(lines({ from: 2019 })).toEqual([]);
  });

  it('echoes the filters it applied, the topic cleaned of control characters', () => {
    const result = buildTimeline(deps(), { topic: ' gas\u0007 pipeline ', from: 2000, to: 2020, sourceId: 'observer-2021' });
    expect({ ...result, events: result.events.length }).toEqual({ topic: 'gas pipeline', from: 2000, to: 2020, sourceId: 'observer-2021', events: 1 });
  });

  it('refuses from after to, an unknown source, a word-less or over-long topic, with a sentence to act on', () => {
    expect(() => buildTimeline(deps(), { from: 2020, to: 2014 })).toThrow('"from" (2020) is after "to" (2014).');
    expect(() => buildTimeline(deps(), { sourceId: 'nobody-2000' })).toThrow('There is no source "nobody-2000" in the library.');
    expect(() => buildTimeline(deps(), { topic: 'the of and' })).toThrow('The topic has no words to search for');
    expect(() => buildTimeline(deps(), { topic: 'x'.repeat(MAX_TOPIC_LENGTH + 1) })).toThrow(`keep it under ${MAX_TOPIC_LENGTH}`);
    expect(() => buildTimeline(deps(), { from: 1.5 })).toThrow('"from" must be a year from 0 to 9999, not 1.5.');
  });

  describe('on a library of more than MAX_MERGED_EVENTS events', () => {
    const large = { size: MAX_MERGED_EVENTS + 1 };

    it('refuses a timeline with no topic, source or years, saying what to give', () => {
      for (const options of [{}, { from: 2014 }, { from: 1800, to: 2020 }]) {
        expect(() => buildTimeline(deps(large), options)).toThrow(new QuestionError(
          'The library holds more than 2,000 dated events, too many for one timeline: name a topic, a source, or the years (from and to, at most 200 apart).',
        ));
      }
    });

    it('reads a source\'s own events and those of the years around them, giving what the whole library gives', () => {
      for (const sourceId of ['aslam-2019', 'observer-2021', 'gvs-2018']) expect(lines({ sourceId }, large)).toEqual(lines({ sourceId }));
    });

    it('reads only the years asked for and the years around them, giving what the whole library gives', () => {
      expect(lines({ from: 2015, to: 2018 }, large)).toEqual(lines({ from: 2015, to: 2018 }));
      expect(lines({ from: 1940, to: 1950 }, large)).toEqual([['1948-05-01', '[aslam-2019 ¶2]', null]]);
    });

    it('refuses years that alone hold more than MAX_MERGED_EVENTS events', () => {
      expect(() => buildTimeline(deps({ ...large, perYear: 1000 }), { from: 2014, to: 2015 })).toThrow(new QuestionError(
        'The library holds more than 2,000 dated events, too many for one timeline, and 2014–2015 alone holds more: name a topic, a source, or fewer years.',
      ));
      expect(() => buildTimeline(deps({ ...large, perYear: 1000 }), { from: 2014, to: 2014 })).toThrow('and 2014 alone holds more');
    });
  });
});
