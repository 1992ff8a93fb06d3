import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignQuotation, tokenizeForAlignment } from './align.js';
import { checkQuotation, isClose, type QuoteDeps } from './quote.js';
import { memoryRetrieval } from '../../../test/memory-retrieval.js';
import type { StoredParagraph } from '../types.js';

const paragraphs: StoredParagraph[] = [
  { id: 1, sourceId: 'aslam-2019', n: 5, text: 'Besides skills exchange, arms trade is also happening between the two. Indeed, it is a great deal for Pakistan that Russia has lifted its arms embargo on Pakistan and started armed trade.', body: '' },
  { id: 2, sourceId: 'berger-2019', n: 9, text: 'It was during that year that Russia lifted an arms embargo on Pakistan, paving the way for the two countries to sign a defence agreement.', body: '' },
  { id: 3, sourceId: 'gvs-2018', n: 3, text: 'To kill the vicious phenomenon of extremism and terrorism from the region, an economic development is needed.', body: '' },
  { id: 4, sourceId: 'gvs-2018', n: 12, text: 'To kill the vicious phenomenon of extremism and terrorism from the region, an economic development is needed. More follows.', body: '' },
].map((p) => ({ ...p, body: p.text }));
const retrieval = memoryRetrieval(paragraphs);
const deps: QuoteDeps = { retrieval, getParagraphs: (ids) => ids.map((id) => paragraphs.find((p) => p.id === id)!).filter(Boolean) };

describe('checkQuotation', () => {
  it('finds a verbatim quotation whatever its case, quote marks and spacing, and gives the source wording', () => {
    const result = checkQuotation(deps, '  “INDEED, it is a great   deal for Pakistan that Russia has lifted its arms embargo”  ');
    expect(result.verdict).toBe('verbatim');
    expect(result.matches).toEqual([{
      citation: '[aslam-2019 ¶5]', sourceId: 'aslam-2019', paragraph: 5, page: null, similarity: 1, differences: [],
      text: 'Indeed, it is a great deal for Pakistan that Russia has lifted its arms embargo',
      diff: [{ kind: 'same', text: 'Indeed, it is a great deal for Pakistan that Russia has lifted its arms embargo' }],
    }]);
  });

  it('counts a quotation that marks an omission with "..." as verbatim and shows the omission', () => {
    const result = checkQuotation(deps, 'it is a great deal for Pakistan ... and started armed trade');
    expect(result.verdict).toBe('verbatim');
    expect(result.matches[0]!.diff).toEqual([
      { kind: 'same', text: 'it is a great deal for Pakistan' }, { kind: 'elided', text: '…' }, { kind: 'same', text: 'and started armed trade' },
    ]);
  });

  it('lists every paragraph that has a verbatim quotation, in library order', () => {
    const result = checkQuotation(deps, 'the vicious phenomenon of extremism and terrorism');
    expect(result.matches.map((m) => m.citation)).toEqual(['[gvs-2018 ¶3]', '[gvs-2018 ¶12]']);
  });

  it('calls a quotation with a word changed close, and shows the change', () => {
    const result = checkQuotation(deps, 'it is a great deal for Pakistan that Russia has removed its arms embargo on Pakistan');
    expect(result.verdict).toBe('close');
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({
      citation: '[aslam-2019 ¶5]', differences: ['-lifted', '+removed'], similarity: 0.938,
      text: 'it is a great deal for Pakistan that Russia has lifted its arms embargo on Pakistan',
    });
  });

  it('shows words dropped and added as runs, the source side first', () => {
    const result = checkQuotation(deps, 'It was during that year that Moscow lifted the embargo on Pakistan, paving the way');
    expect(result.verdict).toBe('close');
    expect(result.matches[0]).toMatchObject({ citation: '[berger-2019 ¶9]', differences: ['-Russia', '+Moscow', '-an arms', '+the'] });
  });

  it('calls a quotation with other punctuation close, however short', () => {
    const result = checkQuotation(deps, 'Russia lifted an arms embargo on Pakistan; paving the way');
    expect(result).toMatchObject({ verdict: 'close', matches: [{ citation: '[berger-2019 ¶9]', differences: ['-,', '+;'], similarity: 1 }] });
  });

  it('finds nothing for a quotation the library does not have, even on its topic', () => {
    expect(checkQuotation(deps, 'Russia and Pakistan signed a treaty of friendship in the spring')).toEqual({
      quote: 'Russia and Pakistan signed a treaty of friendship in the spring', verdict: 'absent', matches: [],
    });
    expect(checkQuotation(deps, '')).toEqual({ quote: '', verdict: 'absent', matches: [] });
    expect(checkQuotation(deps, ' ... !? ').verdict).toBe('absent');
  });

  it('for any text, returns a verdict consistent with its matches and never throws (property)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ maxLength: 100 }),
      fc.subarray(paragraphs[0]!.text.split(' '), { minLength: 1 }).map((words) => words.join(' ')),
    );
    fc.assert(
      fc.property(text, (quote) => {
        const result = checkQuotation(deps, quote);
        expect(result.verdict === 'absent').toBe(result.matches.length === 0);
        for (const match of result.matches) expect(match.differences.length === 0).toBe(result.verdict === 'verbatim');
      }),
      { numRuns: 500 },
    );
  });
});

describe('isClose', () => {
  it('needs 0.7 of the words and six of them, unless only punctuation differs', () => {
    expect(isClose({ similarity: 0.7, shared: 6 })).toBe(true);
    expect(isClose({ similarity: 0.69, shared: 20 })).toBe(false);
    expect(isClose({ similarity: 0.8, shared: 4 })).toBe(false);
    expect(isClose({ similarity: 1, shared: 3 })).toBe(true);
  });
});

describe('alignQuotation', () => {
  it('fits the quotation to the best stretch of the source and scores words only', () => {
    const source = tokenizeForAlignment('One two three four five six.');
    const alignment = alignQuotation(tokenizeForAlignment('two THREE for five'), source);
    expect(alignment).toMatchObject({ start: 1, end: 5, similarity: 0.75, shared: 3, cost: 1 });
  });

  it('lets "…" in the quotation skip any run of the source at no cost', () => {
    const source = tokenizeForAlignment('a b c d e f');
    expect(alignQuotation(tokenizeForAlignment('a … f'), source)).toMatchObject({ start: 0, end: 6, cost: 0, similarity: 1 });
  });
});

describe('tokenizeForAlignment', () => {
  it('keeps U.S., hyphenated words and apostrophes whole, folds case and curly quotes, reads "..." as "…"', () => {
    expect(tokenizeForAlignment('The U.S. “two–week” Pakistan’s... end …').map((t) => t.norm))
      .toEqual(['the', 'u.s', '.', 'two-week', "pakistan's", '…', 'end', '…']);
  });
});
