import { describe, expect, it } from 'vitest';
import { QuestionError } from '../errors.js';
import type { Source, StoredParagraph } from '../types.js';
import { SourceFinder } from './source-finder.js';
import { findSource, listSources, openCitation, type SourceDeps } from './source-views.js';

// A stand-in library of two sources: the core's views are tested without a database or an app context.
const SOURCES: Source[] = [
  { id: 'kharakov-2014', title: 'Russia-Pakistan Foreign Relations to a new height', author: 'Varonica Kharakov', paragraphCount: 2, warnings: [], dropped: [] },
  { id: 'gvs-2018', title: 'Moscow and Islamabad unite', paragraphCount: 1, warnings: [], dropped: [] },
];
const PARAGRAPHS: StoredParagraph[] = [
  { id: 1, sourceId: 'kharakov-2014', n: 1, text: 'Shoigu visited Rawalpindi.', body: 'Shoigu visited Rawalpindi.' },
  { id: 2, sourceId: 'kharakov-2014', n: 2, text: 'A deal was signed.', body: 'A deal was signed.' },
  { id: 3, sourceId: 'gvs-2018', n: 1, text: 'Talks were held in Moscow.', body: 'Talks were held in Moscow.' },
];
const deps: SourceDeps = {
  listSources: () => SOURCES,
  getSource: (id) => SOURCES.find((s) => s.id === id),
  getParagraphsOf: (id) => PARAGRAPHS.filter((p) => p.sourceId === id),
  paragraphs: () => PARAGRAPHS.map(({ sourceId, body }) => ({ sourceId, body })),
  sourceFinder: () => new SourceFinder(SOURCES),
};

describe('listSources', () => {
  it('pages the library without the stored warnings and dropped text', () => {
    expect(listSources(deps, 2, 1)).toEqual({ kind: 'list', sources: [{ id: 'gvs-2018', title: 'Moscow and Islamabad unite', paragraphCount: 1 }], page: 2, pageCount: 2, total: 2 });
  });
});

describe('findSource', () => {
  it('finds a source by its id in any case, or by the words of its title', () => {
    expect(findSource(deps, 'GVS-2018').id).toBe('gvs-2018');
    expect(findSource(deps, 'foreign relations').id).toBe('kharakov-2014');
  });

  it('suggests the nearest ids for a typo', () => {
    expect(() => findSource(deps, 'kharakov-2041')).toThrow(new QuestionError('There is no source "kharakov-2041" in the library. Did you mean kharakov-2014?'));
  });
});

describe('openCitation', () => {
  it('opens a cited paragraph with its neighbours', () => {
    const excerpt = openCitation(deps, '[kharakov-2014 ¶2]');
    expect([excerpt.before?.n, excerpt.paragraph.n, excerpt.after?.n]).toEqual([1, 2, undefined]);
  });

  it('names the paragraphs a source has when the number is past its end', () => {
    expect(() => openCitation(deps, '[gvs-2018 ¶4]')).toThrow(new QuestionError('gvs-2018 has no paragraph 4: its paragraphs are ¶1 to ¶1. Closest: [gvs-2018 ¶1].'));
  });
});
