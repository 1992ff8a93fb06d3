import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../../test/arbitraries.js';
import { QuestionError } from '../errors.js';
import type { SourceMeta } from '../types.js';
import { resolveSource, SourceFinder } from './source-finder.js';

const SOURCES: SourceMeta[] = [
  { id: 'kharakov-2014', title: 'Russia-Pakistan Foreign Relations to a new height', author: 'Varonica Kharakov', publisher: 'Dispatch News Desk' },
  { id: 'gvs-2018', title: 'Moscow and Islamabad unite against Indo-US nexus', publisher: 'Global Village Space' },
  { id: 'aslam-2019', title: 'Growing Alliance Between Islamabad And Moscow', author: 'Sabah Aslam', publisher: 'Eurasia Review' },
  { id: 'berger-2019', title: 'Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners', author: 'Martin Berger' },
  { id: 'berger-2019b', title: 'A second Berger article', author: 'Martin Berger' },
];
const finder = new SourceFinder(SOURCES);
const failure = (typed: string) => {
  try {
    resolveSource(finder, typed);
  } catch (error) {
    expect(error).toBeInstanceOf(QuestionError);
    return (error as Error).message;
  }
  throw new Error(`${typed} resolved`);
};

describe('resolveSource', () => {
  it('reads an exact id in any case, then a prefix of one id, then words of one source', () => {
    expect(['GVS-2018', 'kharakov', 'berger-2019', 'Sabah', 'dispatch news', 'bitter enemies'].map((typed) => resolveSource(finder, typed)))
      .toEqual(['gvs-2018', 'kharakov-2014', 'berger-2019', 'aslam-2019', 'kharakov-2014', 'berger-2019']);
  });

  it('names the sources an ambiguous reference could mean', () => {
    expect(failure('berger')).toBe('"berger" could be berger-2019, berger-2019b: give one id.');
    expect(failure('Islamabad Moscow')).toBe('"Islamabad Moscow" could be gvs-2018, aslam-2019: give one id.');
  });

  it('suggests the nearest ids for a typo, and lists the library when nothing is near', () => {
    expect(failure('kharakov-2041')).toBe('There is no source "kharakov-2041" in the library. Did you mean kharakov-2014?');
    expect(failure('gvs-2019')).toBe('There is no source "gvs-2019" in the library. Did you mean gvs-2018?');
    expect(failure('smith')).toBe('There is no source "smith" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, berger-2019, berger-2019b.');
  });

  it('keeps its sentence one short line for a library of many long ids', () => {
    const many = new SourceFinder(Array.from({ length: 500 }, (_, i) => ({ id: `${'x'.repeat(60)}-${i}`, title: `T ${i}` })));
    expect(() => resolveSource(many, 'nothing like it')).toThrow(/^There is no source "nothing like it" in the library\. The library has x{60}-0, x{60}-1 and 498 more\.$/);
  });
});

describe('SourceFinder.find', () => {
  it('offers the nearest ids for a typo, as the resolver suggests them', () => {
    expect(finder.find('kharakov-2041', 25).map((s) => s.id)).toEqual(['kharakov-2014']);
  });

  it('ranks an exact id, then ids it begins, then sources with all its words, then the rest of the search', () => {
    expect(finder.find('berger-2019', 25).map((s) => s.id)).toEqual(['berger-2019', 'berger-2019b']);
    expect(finder.find('Moscow', 25).map((s) => s.id)).toEqual(['gvs-2018', 'aslam-2019']);
    expect(finder.find('', 2).map((s) => s.id)).toEqual(['kharakov-2014', 'gvs-2018']);
  });

  it('offers first whatever the resolver reads a reference as', () => {
    fc.assert(fc.property(fc.oneof(anyText, fc.constantFrom(...SOURCES.flatMap((s) => [s.id, s.id.slice(0, 5), s.title, s.author ?? '']))), (typed) => {
      const match = finder.match(typed);
      if ('id' in match) expect(finder.find(typed, 25)[0]?.id).toBe(match.id);
    }), { numRuns: 300 });
  });
});
