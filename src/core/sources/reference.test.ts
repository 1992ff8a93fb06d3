import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bibtexKey, escapeBibtex } from './bibtex.js';
import { formatReference, isReferenceStyle, REFERENCE_STYLES } from './reference.js';
import type { SourceMeta } from '../types.js';

// The front matter of data/articles, as stored.
const berger: SourceMeta = {
  id: 'berger-2019', title: 'Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners', author: 'Martin Berger',
  publisher: 'New Eastern Outlook', date: '2019', dateNote: 'estimated: calls the February 2018 FATF meeting "last year\'s"',
};
const gvs: SourceMeta = {
  id: 'gvs-2018', title: 'Moscow and Islamabad unite against Indo-US nexus', publisher: 'Global Village Space', date: '2018-03',
  dateNote: 'inferred: reports the 2 March 2018 meeting as news; the printed "Saturday, April 13, 2024" is the site header\'s date of viewing',
};
const kharakov: SourceMeta = {
  id: 'kharakov-2014', title: 'Russia-Pakistan Foreign Relations to a new height', author: 'Varonica Kharakov', publisher: 'Dispatch News Desk',
  date: '2014-11', dateNote: "inferred from outside the text: reports Shoigu's visit to Islamabad of 20 November 2014",
  url: 'https://dispatchnewsdesk.com/russia-pakistan-foreign-relations/',
};
const aslam: SourceMeta = {
  id: 'aslam-2019', title: 'Growing Alliance Between Islamabad And Moscow', author: 'Sabah Aslam', publisher: 'Eurasia Review (unconfirmed)',
  date: '2019', dateNote: 'estimated: describes the October-November 2018 exercise in the past tense; author from the closing bio',
};
const NAMES = new Set(['russia', 'pakistan', 'islamabad', 'moscow']);
const isName = (word: string) => NAMES.has(word.toLowerCase());
const plain = (meta: SourceMeta, style: Parameters<typeof formatReference>[1]) => formatReference(meta, style, isName).text;
const marked = (meta: SourceMeta, style: Parameters<typeof formatReference>[1]) =>
  formatReference(meta, style, isName).spans.map((s) => (s.italic ? `*${s.text}*` : s.text)).join('');

describe('formatReference in APA 7', () => {
  it('inverts the author to initials, marks an estimated year "ca.", sentence-cases and italicises the title', () => {
    expect(marked(berger, 'apa')).toBe('Berger, M. (ca. 2019). *Pakistan-Russia relations: From bitter enemies to geopolitical partners*. New Eastern Outlook.');
  });

  it('moves the title to the author position when there is no author', () => {
    expect(marked(gvs, 'apa')).toBe('*Moscow and Islamabad unite against Indo-US nexus*. (ca. 2018). Global Village Space.');
  });

  it('ends with the URL, without a period after it', () => {
    expect(plain(kharakov, 'apa')).toBe('Kharakov, V. (ca. 2014). Russia-Pakistan foreign relations to a new height. Dispatch News Desk. https://dispatchnewsdesk.com/russia-pakistan-foreign-relations/');
  });

  it('gives a printed date in full and "n.d." for no date', () => {
    expect(plain({ ...berger, date: '2019-03-02', dateNote: undefined }, 'apa')).toContain('Berger, M. (2019, March 2).');
    expect(plain({ ...berger, date: '2019-03', dateNote: undefined }, 'apa')).toContain('(2019, March).');
    expect(plain({ ...berger, date: undefined, dateNote: undefined }, 'apa')).toContain('Berger, M. (n.d.).');
  });

  it('lists two authors with "&" and brackets an unconfirmed publisher with a question mark', () => {
    expect(plain({ ...aslam, author: 'Sabah Aslam and Jean-Paul Sartre' }, 'apa')).toBe('Aslam, S., & Sartre, J.-P. (ca. 2019). Growing alliance between Islamabad and Moscow. [Eurasia Review?].');
  });
});

describe('formatReference in MLA 9', () => {
  it('gives the full name inverted, the title in quotes and title case, the site in italics, the estimated date as "[c. 2019]"', () => {
    expect(marked(berger, 'mla')).toBe('Berger, Martin. “Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners.” *New Eastern Outlook*, [c. 2019].');
  });

  it('starts with the title when there is no author, and abbreviates the month', () => {
    expect(marked(gvs, 'mla')).toBe('“Moscow and Islamabad Unite against Indo-US Nexus.” *Global Village Space*, [c. Mar. 2018].');
  });

  it('gives the URL without its protocol, and a printed date as day, month, year', () => {
    expect(plain(kharakov, 'mla')).toBe('Kharakov, Varonica. “Russia-Pakistan Foreign Relations to a New Height.” Dispatch News Desk, [c. Nov. 2014], dispatchnewsdesk.com/russia-pakistan-foreign-relations/.');
    expect(plain({ ...gvs, date: '2018-09-02', dateNote: undefined }, 'mla')).toBe('“Moscow and Islamabad Unite against Indo-US Nexus.” Global Village Space, 2 Sept. 2018.');
  });

  it('leaves out an unknown date rather than writing "undefined"', () => {
    expect(plain({ ...gvs, date: undefined, dateNote: undefined }, 'mla')).toBe('“Moscow and Islamabad Unite against Indo-US Nexus.” Global Village Space.');
  });

  it('names the first of three or more authors and "et al."', () => {
    expect(plain({ ...berger, author: 'Martin Berger; Ann Lee; Bo Chen' }, 'mla')).toMatch(/^Berger, Martin, et al\. “/);
  });
});

describe('formatReference in Chicago 17 (bibliography entry)', () => {
  it('writes "n.d., ca. 2019" for an estimated date', () => {
    expect(marked(berger, 'chicago')).toBe('Berger, Martin. “Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners.” *New Eastern Outlook*, n.d., ca. 2019.');
  });

  it('starts with the title when there is no author, with the estimated month spelled out', () => {
    expect(marked(gvs, 'chicago')).toBe('“Moscow and Islamabad Unite against Indo-US Nexus.” *Global Village Space*, n.d., ca. March 2018.');
  });

  it('ends with the URL and a period, and gives a printed date as month day, year', () => {
    expect(plain(kharakov, 'chicago')).toBe('Kharakov, Varonica. “Russia-Pakistan Foreign Relations to a New Height.” Dispatch News Desk, n.d., ca. November 2014. https://dispatchnewsdesk.com/russia-pakistan-foreign-relations/.');
    expect(plain({ ...gvs, date: '2018-03-02', dateNote: undefined }, 'chicago')).toBe('“Moscow and Islamabad Unite against Indo-US Nexus.” Global Village Space, March 2, 2018.');
  });

  it('turns double quotes inside a title into single ones and keeps its question mark', () => {
    expect(plain({ id: 'x', title: 'Is the "Indo-US nexus" real?' }, 'chicago')).toBe('“Is the ‘Indo-US Nexus’ Real?” n.d.');
  });
});

describe('formatReference in BibTeX', () => {
  it('writes a @misc entry with the estimated date explained in note', () => {
    expect(plain(berger, 'bibtex')).toBe([
      '@misc{berger-2019,',
      '  author       = {Berger, Martin},',
      '  title        = {{Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners}},',
      '  howpublished = {New Eastern Outlook},',
      '  year         = {2019},',
      "  note         = {Date estimated: calls the February 2018 FATF meeting ``last year's''}",
      '}',
    ].join('\n'));
  });

  it('leaves out the author field when there is none, and gives the month as a BibTeX macro', () => {
    expect(plain(gvs, 'bibtex')).toBe([
      '@misc{gvs-2018,',
      '  title        = {{Moscow and Islamabad unite against Indo-US nexus}},',
      '  howpublished = {Global Village Space},',
      '  year         = {2018},',
      '  month        = mar,',
      "  note         = {Date estimated: reports the 2 March 2018 meeting as news; the printed ``Saturday, April 13, 2024'' is the site header's date of viewing}",
      '}',
    ].join('\n'));
  });

  it('names an unconfirmed publisher as such in note', () => {
    expect(plain(aslam, 'bibtex')).toContain('howpublished = {Eurasia Review},');
    expect(plain(aslam, 'bibtex')).toContain('author from the closing bio. Publisher unconfirmed}');
  });

  it('writes only the title for a source with nothing else', () => {
    expect(plain({ id: 'bare', title: 'Notes' }, 'bibtex')).toBe('@misc{bare,\n  title = {{Notes}}\n}');
  });
});

describe('escapeBibtex', () => {
  it('escapes LaTeX specials, backticks and braces, and turns straight quotes into `` and \'\'', () => {
    expect(escapeBibtex('50% of R&D_ops cost $3 #1 {x} ~^ \\ ` "yes"')).toBe(
      "50\\% of R\\&D\\_ops cost \\$3 \\#1 \\{x\\} \\textasciitilde{}\\textasciicircum{} \\textbackslash{} \\textasciigrave{} ``yes''",
    );
  });
});

describe('bibtexKey', () => {
  it('keeps a source id and replaces characters a key cannot hold', () => {
    expect(bibtexKey('gvs-2018')).toBe('gvs-2018');
    expect(bibtexKey('a b,{c}')).toBe('a-b--c-');
  });
});

describe('isReferenceStyle', () => {
  it('accepts the four style names and nothing else', () => {
    expect(REFERENCE_STYLES.every(isReferenceStyle)).toBe(true);
    expect(isReferenceStyle('harvard')).toBe(false);
  });
});

describe('formatReference on any metadata (property)', () => {
  const text = fc.string({ maxLength: 40 }).filter((s) => !/undefined|null|NaN/.test(s));
  const meta = fc.record(
    {
      id: fc.constantFrom('a', 'gvs-2018'), title: text.filter((s) => s.trim() !== ''), author: text, publisher: text,
      date: fc.constantFrom('2019', '2018-03', '2018-03-02', 'garbage'), dateNote: text, url: fc.webUrl(),
    },
    { requiredKeys: ['id', 'title'] },
  );

  it('never writes "undefined", "null" or "NaN", and keeps BibTeX braces balanced', () => {
    fc.assert(
      fc.property(meta, fc.constantFrom(...REFERENCE_STYLES), (m, style) => {
        const out = formatReference(m, style).text;
        expect(out).not.toMatch(/undefined|null|NaN/);
        if (style === 'bibtex') {
          const unescaped = out.replace(/\\[{}]/g, '');
          expect(unescaped.split('{').length).toBe(unescaped.split('}').length);
          expect(out).not.toContain('```');
        }
      }),
      { numRuns: 500 },
    );
  });
});
