import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, pickCorrection, skeleton } from './spelling.js';

const known = (...terms: string[]) => terms.map((term, i) => ({ term, doc: 10 - i }));

describe('skeleton', () => {
  it.each([
    ['shareef', 'sharif'],
    ['sergei', 'sergey'],
    ['mohammad', 'muhammad'],
    ['gaddafi', 'gadafi'],
  ])('gives %s and %s the same consonant skeleton', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it('keeps different consonants apart', () => {
    expect(skeleton('sharif')).not.toBe(skeleton('shariq'));
  });
});

describe('pickCorrection', () => {
  it('corrects one edit from four letters and two from eight, preferring a longer word', () => {
    expect(pickCorrection('putn', known('put', 'putin'))).toBe('putin');
    expect(pickCorrection('kazakhtsan', known('kazakhstan'))).toBe('kazakhstan');
  });

  it('takes another spelling of a name two edits away in a shorter word when the consonants agree', () => {
    expect(pickCorrection('shareef', known('sharif', 'shares'), true)).toBe('sharif');
    expect(pickCorrection('shoigoo', known('shoigu'), true)).toBe('shoigu');
  });

  it('allows those two edits for names only', () => {
    expect(pickCorrection('shareef', known('sharif'))).toBeUndefined();
  });

  it('does not take a name two edits away whose consonants differ', () => {
    expect(pickCorrection('canada', known('canal', 'panama'), true)).toBeUndefined();
    expect(pickCorrection('brazil', known('bravo', 'basil'), true)).toBeUndefined();
  });

  it('never returns a term further than two edits away (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,10}$/), fc.array(fc.stringMatching(/^[a-z]{1,10}$/), { maxLength: 8 }), (term, terms) => {
        const picked = pickCorrection(term, known(...terms), true);
        if (picked !== undefined) expect(editDistance(term, picked)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });
});
