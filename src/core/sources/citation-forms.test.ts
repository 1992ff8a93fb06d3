import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_ID } from '../article/article.js';
import { formatCitation } from '../citation.js';
import { explainMiss, readCitation, type CitationTargets } from './citation-lookup.js';
import { editDistance } from '../language/spelling.js';

const LIBRARY: Record<string, number> = { 'aslam-2019': 16, 'berger-2019': 17, 'gvs-2018': 12, 'kharakov-2014': 21, 'observer-2021': 32 };
const targets: CitationTargets = { ids: Object.keys(LIBRARY), paragraphCount: (id) => LIBRARY[id] ?? 0 };
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ maxLength: 60 }));

describe('readCitation', () => {
  it.each([
    ['[gvs-2018 ¶4]', 'gvs-2018', 4],
    ['gvs-2018 ¶ 4', 'gvs-2018', 4],
    ['GVS-2018 p4', 'gvs-2018', 4],
    ['gvs-2018#4', 'gvs-2018', 4],
    ['[gvs-2018 para 4]', 'gvs-2018', 4],
    ['gvs-2018, ¶4', 'gvs-2018', 4],
    ['(gvs-2018 ¶4)', 'gvs-2018', 4],
    ['“gvs-2018 ¶4”', 'gvs-2018', 4],
    ['[gvs-2018 ¶4].', 'gvs-2018', 4],
    ['gvs-2018 § 4', 'gvs-2018', 4],
    ['gvs-2018 pp. 4', 'gvs-2018', 4],
    ['gvs-2018 paragraph #4', 'gvs-2018', 4],
    ['gvs 2018 4', 'gvs-2018', 4],
    ['Kharakov-2014 Paragraph 12', 'kharakov-2014', 12],
    ['observer-2021:32', 'observer-2021', 32],
    ['gvs-2018\u00a0¶\u00a04', 'gvs-2018', 4],
    ['[gvs-2018 ¶４]', 'gvs-2018', 4],
    ['smith-p 4', 'smith-p', 4],
  ])('reads %j as %s paragraph %i', (text, id, n) => {
    expect(readCitation(text)).toEqual({ sourceId: id, paragraph: n });
  });

  it('prefers an id the library has when the text reads two ways', () => {
    expect(readCitation('gvs-2018p4')).toEqual({ sourceId: 'gvs-2018p', paragraph: 4 });
    expect(readCitation('gvs-2018p4', targets.ids)).toEqual({ sourceId: 'gvs-2018', paragraph: 4 });
  });

  it.each(['', '   ', 'hello world', 'gvs-2018', '¶4', '[gvs-2018 ¶]', 'gvs-2018 ¶1234567', 'gvs_2018 4', '@everyone'])(
    'returns undefined for %j, which names no paragraph',
    (text) => {
      expect(readCitation(text)).toBeUndefined();
    },
  );

  it('reads back every citation formatCitation writes, in any case (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(SOURCE_ID), fc.integer({ min: 1, max: 999_999 }), (id, n) => {
        expect(readCitation(formatCitation(id, n))).toEqual({ sourceId: id, paragraph: n });
        expect(readCitation(formatCitation(id, n).toUpperCase())).toEqual({ sourceId: id, paragraph: n });
      }),
      { numRuns: 500 },
    );
  });

  it('for any text, returns undefined or an id that is a valid source id, never throwing (property)', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = readCitation(text, targets.ids);
        if (result === undefined) return;
        expect(result.sourceId).toMatch(SOURCE_ID);
        expect(Number.isInteger(result.paragraph)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  // A pattern that backtracked on this input would not return at all (the test's timeout reports it);
  // how fast it returns is the benchmark's business, not a test's.
  it('gives up on 40,000 characters of pasted whitespace', () => {
    expect(readCitation('a' + '\t '.repeat(20_000) + '1 x')).toBeUndefined();
  });
});

describe('explainMiss', () => {
  it('offers the nearest paragraphs of the same source when the number is past its end', () => {
    expect(explainMiss({ sourceId: 'gvs-2018', paragraph: 40 }, targets)).toEqual({
      reason: 'no such paragraph', closest: ['[gvs-2018 ¶12]', '[gvs-2018 ¶11]', '[gvs-2018 ¶10]'],
    });
    expect(explainMiss({ sourceId: 'gvs-2018', paragraph: 0 }, targets).closest).toEqual(['[gvs-2018 ¶1]', '[gvs-2018 ¶2]', '[gvs-2018 ¶3]']);
  });

  it('offers sources whose ids are a few edits away, at the same paragraph when they have it', () => {
    expect(explainMiss({ sourceId: 'gsv-2018', paragraph: 4 }, targets)).toEqual({ reason: 'unknown source', closest: ['[gvs-2018 ¶4]'] });
    expect(explainMiss({ sourceId: 'berger-2018', paragraph: 30 }, targets)).toEqual({ reason: 'unknown source', closest: ['[berger-2019 ¶17]'] });
  });

  it('offers nothing for an id unlike any in the library', () => {
    expect(explainMiss({ sourceId: 'smith-2020', paragraph: 4 }, targets)).toEqual({ reason: 'unknown source', closest: [] });
  });

  it('offers the first paragraphs of the library for text that is not a citation', () => {
    expect(explainMiss(undefined, targets)).toEqual({ reason: 'not a citation', closest: ['[aslam-2019 ¶1]', '[berger-2019 ¶1]', '[gvs-2018 ¶1]'] });
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('gvs-2018', 'gvs-2018')).toBe(0);
    expect(editDistance('gsv-2018', 'gvs-2018')).toBe(1);
    expect(editDistance('gvs-218', 'gvs-2018')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
