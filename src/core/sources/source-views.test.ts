import { describe, expect, it } from 'vitest';
import { QuestionError } from '../errors.js';
import type { Source, StoredParagraph } from '../types.js';
import { SourceFinder } from './source-finder.js';
import { findKeyTerms } from '../language/key-terms.js';
import { describeSource, findSource, listSources, openCitation, STATISTICS_SAMPLE, type SourceDeps } from './source-views.js';

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
  paragraphCount: () => PARAGRAPHS.length,
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

describe('describeSource in a large library', () => {
  // One source about airships among 6,000 paragraphs of other sources on other things.
  const TOPICS = ['harvest grain', 'river flood', 'railway station', 'printing press', 'coal mine', 'steam engine'];
  const large: StoredParagraph[] = Array.from({ length: 3 * STATISTICS_SAMPLE }, (_, i) => {
    const sourceId = i < 10 ? 'airship-1920' : `other-${i % 300}`;
    const body = i < 10 ? `The Zeppelin airship crossed the Atlantic with ${i} passengers and the ${TOPICS[i % 6]}.` : `A report on the ${TOPICS[i % 6]} and the ${TOPICS[(i + 1) % 6]} in year ${i}.`;
    return { id: i + 1, sourceId, n: i + 1, text: body, body };
  });
  const read: number[] = [];
  const airship: Source = { id: 'airship-1920', title: 'Airships', paragraphCount: 10, warnings: [], dropped: [] };
  const largeDeps: SourceDeps = {
    ...deps,
    getSource: (id) => (id === airship.id ? airship : undefined),
    getParagraphsOf: (id) => large.filter((p) => p.sourceId === id),
    paragraphs: (step = 1) => {
      read.push(step);
      return large.filter((p) => p.id % step === 0).map(({ sourceId, body }) => ({ sourceId, body }));
    },
    paragraphCount: () => large.length,
    sourceFinder: () => new SourceFinder([airship]),
  };

  it('reads a sample of the rest of the library, and finds the key terms the whole library gives', () => {
    const whole = findKeyTerms(large.map(({ sourceId, body }) => ({ sourceId, body })), airship.id).map((t) => t.term);
    const details = describeSource(largeDeps, airship.id);
    expect(read).toEqual([3]);
    // (describeSource keeps the capitals of names; the whole library's terms here are lower case)
    expect(details.keyTerms.map((t) => t.term.toLowerCase()).sort()).toEqual([...whole].sort());
    expect(whole).toContain('zeppelin airship');
  });
});
