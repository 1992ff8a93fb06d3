import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, thrownBy } from '../../test/arbitraries.js';
import { SOURCE_ID } from './article.js';
import { describeSource, formatCitation, formatSourceDate, parseCitation } from './citation.js';

const sourceId = fc.stringMatching(SOURCE_ID);
const paragraph = fc.integer({ min: 1, max: 999_999 });

describe('formatCitation', () => {
  it('writes the source id and the paragraph number in brackets with a pilcrow', () => {
    expect(formatCitation('gvs-2018', 4)).toBe('[gvs-2018 ¶4]');
  });
});

describe('parseCitation', () => {
  it.each([
    ['[gvs-2018 ¶4]', 'gvs-2018', 4],
    ['gvs-2018 4', 'gvs-2018', 4],
    ['GVS-2018 p4', 'gvs-2018', 4],
    ['gvs-2018#4', 'gvs-2018', 4],
    ['gvs-2018 para 4', 'gvs-2018', 4],
    ['kharakov-2014 paragraph 12', 'kharakov-2014', 12],
    ['  [ observer-2021:32 ]  ', 'observer-2021', 32],
    ['aslam-2019, 16', 'aslam-2019', 16],
    ['[gvs-2018 ¶４]', 'gvs-2018', 4],
  ])('reads %j as %s paragraph %i', (text, id, n) => {
    expect(parseCitation(text)).toEqual({ sourceId: id, paragraph: n });
  });

  it.each([
    '', '   ', 'hello world', 'gvs-2018', '¶4', '[gvs-2018 ¶]', 'gvs-2018 ¶1234567', 'gvs_2018 4',
    '@everyone 4', "gvs-2018'; DROP TABLE sources;-- 4", '[gvs-2018 ¶4] and more',
  ])('returns undefined for %j, which is not a citation', (text) => {
    expect(parseCitation(text)).toBeUndefined();
  });

  it('reads back every citation formatCitation writes, in any case (property)', () => {
    fc.assert(
      fc.property(sourceId, paragraph, (id, n) => {
        expect(parseCitation(formatCitation(id, n))).toEqual({ sourceId: id, paragraph: n });
        expect(parseCitation(formatCitation(id, n).toUpperCase())).toEqual({ sourceId: id, paragraph: n });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back a typed "id n" for ids that do not end in a paragraph word (property)', () => {
    fc.assert(
      fc.property(sourceId.filter((id) => !/-(?:p|para|paragraph)$/.test(id)), paragraph, (id, n) => {
        expect(parseCitation(`${id} ${n}`)).toEqual({ sourceId: id, paragraph: n });
      }),
      { numRuns: 1000 },
    );
  });

  it('reads "smith-p 4" as smith-p paragraph 4, never as an id ending in a dash', () => {
    expect(parseCitation('smith-p 4')).toEqual({ sourceId: 'smith-p', paragraph: 4 });
  });

  it('for any text, returns undefined or a valid-looking citation and never throws or hangs (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let result: ReturnType<typeof parseCitation>;
        expect(thrownBy(() => (result = parseCitation(text)))).toBeUndefined();
        if (result === undefined) return;
        expect(result.sourceId).toMatch(/^[a-z0-9][a-z0-9-]*$/);
        expect(Number.isInteger(result.paragraph) && result.paragraph >= 0 && result.paragraph <= 999_999).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('rejects 40,000 characters of spaces and tabs in under 100 ms', () => {
    const text = 'a' + '\t '.repeat(20_000) + '1 x';
    const started = performance.now();
    expect(parseCitation(text)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('formatSourceDate', () => {
  it('prints a day, a month or a year as given, and "n.d." when there is no date', () => {
    expect(formatSourceDate({ date: '2018-03-02' })).toBe('2 March 2018');
    expect(formatSourceDate({ date: '2014-11' })).toBe('November 2014');
    expect(formatSourceDate({ date: '2019' })).toBe('2019');
    expect(formatSourceDate({})).toBe('n.d.');
  });

  it('marks an inferred date with "c."', () => {
    expect(formatSourceDate({ date: '2018-03', dateNote: 'inferred from the text' })).toBe('c. March 2018');
  });
});

describe('describeSource', () => {
  it('names the title, then author, publisher and date, leaving out what is unknown', () => {
    expect(describeSource({ id: 'berger-2019', title: 'From Enemies to Partners', author: 'Martin Berger', publisher: 'New Eastern Outlook', date: '2019' }))
      .toBe('From Enemies to Partners — Martin Berger, New Eastern Outlook, 2019');
    expect(describeSource({ id: 'x', title: 'Untitled' })).toBe('Untitled — n.d.');
  });
});
