import { describe, expect, it } from 'vitest';
import type { AskResult } from '../core/search/ask.js';
import { renderAskText } from './text-ask.js';

const passage = { sourceId: 'berger-2019', paragraph: 9, citation: '[berger-2019 ¶9]', page: null, text: 'Russia lifted an arms embargo in 2014.', score: 12, source: { id: 'berger-2019', title: 'Partners' } };
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
