import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCE_ID } from './article/article.js';
import { describeSource, formatCitation, formatSourceDate } from './citation.js';
import { readCitation } from './sources/citation-lookup.js';

const sourceId = fc.stringMatching(SOURCE_ID);
const paragraph = fc.integer({ min: 1, max: 999_999 });

describe('formatCitation', () => {
  it('prints what readCitation reads back, for any valid id and paragraph (property)', () => {
    fc.assert(fc.property(sourceId, paragraph, (id, n) => {
      expect(readCitation(formatCitation(id, n), [id])).toEqual({ sourceId: id, paragraph: n });
    }));
  });

  it('writes the source id and the paragraph number in brackets with a pilcrow', () => {
    expect(formatCitation('gvs-2018', 4)).toBe('[gvs-2018 ¶4]');
  });

  it('adds the page of a paragraph from a document with pages, and reads back as the same paragraph', () => {
    expect(formatCitation('smith-2020', 12, 3)).toBe('[smith-2020 ¶12, p. 3]');
    expect(readCitation('[smith-2020 ¶12, p. 3]', ['smith-2020'])).toEqual({ sourceId: 'smith-2020', paragraph: 12 });
    expect(readCitation('smith-2020 ¶12 p3', ['smith-2020'])).toEqual({ sourceId: 'smith-2020', paragraph: 12 });
  });

  it('prints with a page what readCitation reads back as its paragraph, for any id, paragraph and page (property)', () => {
    fc.assert(fc.property(sourceId, paragraph, paragraph, (id, n, page) => {
      expect(readCitation(formatCitation(id, n, page), [id])).toEqual({ sourceId: id, paragraph: n });
    }));
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
