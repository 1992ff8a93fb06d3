import { describe, expect, it } from 'vitest';
import type { AskResult } from '../core/search/ask.js';
import { describeFilterMiss, describeMatch, renderAskText } from './text-ask.js';

const passage = { sourceId: 'berger-2019', paragraph: 9, citation: '[berger-2019 ¶9]', page: null, text: 'Russia lifted an arms embargo in 2014.', score: 12, coverage: 1, source: { id: 'berger-2019', title: 'Partners' } };
const result = (over: Partial<AskResult>): AskResult => ({
  query: 'q', answered: true, level: 'answer', coverage: 1, missing: [], passages: [passage], tookMs: 1,
  answer: { text: 'Russia lifted an arms embargo in 2014.', citation: '[berger-2019 ¶9]', sourceId: 'berger-2019', paragraph: 9, page: null, phrase: { text: '2014', start: 33 } },
  ...over,
});

describe('renderAskText', () => {
  it('shows an answer with its answering phrase in bold', () => {
    expect(renderAskText(result({})).split('\n')[0]).toBe('Answer: Russia lifted an arms embargo in **2014**. [berger-2019 ¶9]');
  });

  it('says the library may not answer directly when the answer is only the closest', () => {
    const lines = renderAskText(result({ level: 'closest' })).split('\n');
    expect(lines.slice(0, 3)).toEqual(['Closest passages — the library may not answer this directly.', '', 'Closest: Russia lifted an arms embargo in **2014**. [berger-2019 ¶9]']);
  });

  it('says "nothing on that", naming the words the library never uses', () => {
    const text = renderAskText(result({ level: 'nothing', answered: false, answer: null, missing: ['cricket', 'cup'] }));
    expect(text.split('\n')[0]).toBe('The library has nothing on that (it never mentions “cricket”, “cup”).');
  });
});

describe('describeMatch', () => {
  it('says how well a passage matches in words, not a score', () => {
    expect([1, 0.8, 0.79, 0.45, 0.44, 0].map(describeMatch)).toEqual(['strong match', 'strong match', 'partial match', 'partial match', 'weak match', 'weak match']);
  });
});

describe('renderAskText passages', () => {
  it('shows the answering sentence once: its passage marks where it was', () => {
    expect(renderAskText(result({})).split('\n').slice(2)).toEqual(['1. [berger-2019 ¶9]  strong match', '   Partners — n.d.', '   (the answer above)']);
    expect(renderAskText(result({ level: 'closest' })).split('\n').at(-1)).toBe('   (the sentence above)');
  });

  it('says first that the filters left no answer, before the answer without them', () => {
    expect(renderAskText(result({}), describeFilterMiss({ from: 2018, to: 2018 })).split('\n').slice(0, 3))
      .toEqual(['No passage published in 2018 matches; without the filter:', '', 'Answer: Russia lifted an arms embargo in **2014**. [berger-2019 ¶9]']);
    expect([describeFilterMiss({ source: 'gvs-2018', from: 2015 }), describeFilterMiss({ to: 2016 }), describeFilterMiss({ from: 2014, to: 2016 })])
      .toEqual(['No passage of gvs-2018 published in or after 2015 matches', 'No passage published in or before 2016 matches', 'No passage published 2014–2016 matches']);
  });
});
