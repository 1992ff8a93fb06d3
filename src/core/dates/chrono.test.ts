import fc from 'fast-check';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { describe, expect, it } from 'vitest';
import { ARTICLE_REFINERS, casualChrono, chrono, DIRECTION_TAG, MODIFIER_TAG, PARSER_GATES } from './chrono.js';

const REFERENCE = { instant: new Date(Date.UTC(2000, 5, 15, 12)), timezone: 0 };
/** Words and separators that chrono-node's English parsers are made of, so random text hits them and their edges. */
const TOKENS = [
  ' ', ' ', ',', '.', '-', '–', '/', ':', '(', ')', '+', 'T', 'x', 'the', 'a', 'an', 'of', 'on', 'in', 'at', 'from', 'to', 'and', 'within', 'for', 'about',
  '3', '12', '24', '29', '2019', '1996', '44', '05', '2019-05-03', '10:30', '5 pm', 'am', 'p.m.',
  'May', 'march', 'Sept.', 'sep', 'December', 'jan.', 'Monday', 'thurs.', 'Thur', 'wed', 'sat', 'Sun.', 'weekend', 'weekday', 'months', 'mon',
  'BC', 'BCE', 'AD', 'CE', 'BE', 'day', 'days', 'week', 'year', 'years', 'mo', 'hrs', 'h', 's', 'd', 'two', 'few', 'several',
  'ago', 'before', 'earlier', 'later', 'after', 'from now', 'out', 'forward', 'this', 'last', 'past', 'next', 'end', 'last day',
  'morning', 'tonight', 'noon', 'midday', 'yesterday', 'today', 'now',
];
const dateText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((tokens) => tokens.join(''));
const dateWords = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((tokens) => tokens.join(' '));

const COMPONENTS = ['year', 'month', 'day', 'weekday', 'hour', 'minute', 'second', 'millisecond', 'meridiem', 'timezoneOffset'] as const;

/** A result as plain data: where, what, each component's value and whether it is certain, and the tags. */
function describeResult(result: ParsedResult) {
  const values = (components: ParsedComponents | null | undefined) =>
    components && COMPONENTS.map((name) => [name, components.get(name), components.isCertain(name)]);
  return { index: result.index, text: result.text, start: values(result.start), end: values(result.end), tags: [...result.tags()] };
}

/** chrono.casual with our refiners after its own, and no gate: what casualChrono must read. */
const ungated = new (chrono().Chrono)({ parsers: chrono().casual.parsers, refiners: [...chrono().casual.refiners, ...ARTICLE_REFINERS] });

function parseBoth(text: string) {
  const options = { forwardDate: false };
  return {
    gated: casualChrono().parse(text, REFERENCE, options).map(describeResult),
    casual: ungated.parse(text, REFERENCE, options).map(describeResult),
  };
}

describe('PARSER_GATES', () => {
  const parsers = new Map(chrono().casual.parsers.map((parser) => [parser.constructor.name, parser]));

  it('names parsers of chrono-node\'s casual set, so an upgrade that renames one is noticed', () => {
    expect(Object.keys(PARSER_GATES).filter((name) => !parsers.has(name))).toEqual([]);
  });

  it('match wherever their parser\'s pattern matches, in the text or any of its tails', () => {
    const context = new (chrono().ParsingContext)('', REFERENCE, {});
    fc.assert(
      fc.property(fc.oneof(dateText, dateWords), (text) => {
        for (const [name, gate] of Object.entries(PARSER_GATES)) {
          const pattern = parsers.get(name)!.pattern(context);
          // chrono-node runs a pattern again on the text after each match, where ^ matches mid-text.
          const matched = [...text].some((_, at) => pattern.test(text.slice(at)));
          if (matched && !gate.test(text)) return false;
        }
        return true;
      }),
      { numRuns: 3000 },
    );
  });
});

describe('ARTICLE_REFINERS', () => {
  const read = (text: string) => casualChrono().parse(text, REFERENCE, { forwardDate: false })
    .map((r) => [r.text, [...r.tags()].filter((tag) => tag.startsWith('research-bot/')).join(' ')]);

  it('widen a month to the "last", "this" or "next" before it and tag which', () => {
    expect(read('The proposal was first tabled last October.')).toEqual([['last October', `${MODIFIER_TAG}last`]]);
    expect(read('Rainfall this June was double; a survey is planned for next March.')).toEqual([['this June', `${MODIFIER_TAG}this`], ['next March', `${MODIFIER_TAG}next`]]);
  });

  it('tag a weekday or a month without a year with the side of the article\'s date its sentence puts it on', () => {
    expect(read('He resigned in February. Repairs will start on Monday. The draw is made on June 22.')).toEqual([
      ['February', `${DIRECTION_TAG}past`], ['on Monday', `${DIRECTION_TAG}future`], ['June 22', ''],
    ]);
  });

  it('leave dates with a year alone', () => {
    expect(read('He resigned in February 2003.')).toEqual([['February 2003', '']]);
  });
});

describe('casualChrono', () => {
  it('reads what chrono.casual and ARTICLE_REFINERS read, on the edges of each gate', () => {
    const edges = [
      'two years ago', 'a week before', '3 days earlier', '2 mo ago', '3 years later', '2 days after 3 May 2019', '5 days from now', 'a year out',
      '2 weeks forward', '3 days henceforth', 'Thurs. this week', 'thur.', 'Wed.', 'on wednesday', 'Saturday,', 'Tuesday(', 'Sun.of last week',
      'mon next week', 'on mondaythis week', 'fridayof next week', 'the weekend', 'a weekday', 'months', 'it was reviewed, Monday',
      'On 3 May 2019 at 5 pm, 10 people were killed.', 'yesterday morning', 'the night of 12/5', 'the last day of March 2019',
    ];
    for (const text of edges) {
      const { gated, casual } = parseBoth(text);
      expect(gated, text).toEqual(casual);
    }
  });

  it('reads what chrono.casual and ARTICLE_REFINERS read, on any text made of date words', () => {
    fc.assert(
      fc.property(fc.oneof(dateText, dateWords), (text) => {
        const { gated, casual } = parseBoth(text);
        expect(gated).toEqual(casual);
      }),
      { numRuns: 1000 },
    );
  });
});
