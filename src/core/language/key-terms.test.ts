import { describe, expect, it } from 'vitest';
import { findKeyTerms, type TermDoc } from './key-terms.js';

const docs: TermDoc[] = [
  { sourceId: 'a', body: 'Shoigu visited Pakistan. Shoigu praised the army of Pakistan.' },
  { sourceId: 'a', body: 'The Islamic State threatens Pakistan. The Islamic State was said to grow.' },
  { sourceId: 'a', body: 'Pakistan signed a pipeline deal. Said once: a ceasefire.' },
  { sourceId: 'b', body: 'Pakistan and China signed the pipeline deal. Pakistan grew.' },
  { sourceId: 'b', body: 'China trades with Pakistan and with the army.' },
];
const isName = (word: string) => ['Shoigu', 'Pakistan', 'Islamic', 'China'].includes(word);

describe('findKeyTerms', () => {
  it('ranks what only this source says first, as written, with its count and score', () => {
    expect(findKeyTerms(docs, 'a', isName)).toEqual([
      { term: 'Islamic State', count: 2, score: 3.22 },
      { term: 'Shoigu', count: 2, score: 3.22 },
    ]);
  });

  it('leaves out words the other sources use as much, words said once, and common words like "said"', () => {
    const terms = findKeyTerms(docs, 'a', isName).map((t) => t.term);
    for (const word of ['Pakistan', 'pakistan', 'ceasefire', 'said', 'army', 'pipeline']) expect(terms).not.toContain(word);
  });

  it('shows the form the source writes most, lower-cased unless a name or an acronym', () => {
    const library: TermDoc[] = [
      { sourceId: 'x', body: 'Sanctions bite. The SCO met; sanctions were lifted. The SCO agreed.' },
      { sourceId: 'y', body: 'Nothing in common here at all.' },
    ];
    expect(findKeyTerms(library, 'x').map((t) => t.term)).toEqual(['sanctions', 'SCO']);
  });

  it('returns nothing for a source the library does not have, and respects the limit', () => {
    expect(findKeyTerms(docs, 'missing', isName)).toEqual([]);
    expect(findKeyTerms(docs, 'a', isName, 1)).toHaveLength(1);
  });
});
