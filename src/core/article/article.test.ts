import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anyArticleText, thrownBy } from '../../../test/arbitraries.js';
import { ArticleError, parseArticle } from './article.js';

const readArticle = (id: string) => readFileSync(new URL(`../../../data/articles/${id}.txt`, import.meta.url), 'utf8');
const FRONT = '---\nid: test-2020\ntitle: A test article\ndate: 2020-05-01\n---\n';

const WITH_FURNITURE = `${FRONT}| Welcome to Example News

Saturday, April 13, 2024

A test article

World News

News Analysis |

By Jane Smith

Pakistan and Russia signed an agreement on energy cooperation in Moscow.

Read more: Something else entirely

The two governments said the pipeline would be finished within three years.

Source: Example Wire

The views and opinions expressed in this article are those of the author and do not necessarily reflect the official policy.

*Jane Smith is a researcher at the Example Institute.

Similar Posts

Leave a Reply

Your email address will not be published. Required fields are marked *
`;

const PLAIN = `Pakistan and Russia hold talks – Analysis

By Jane Smith

March 3, 2018

Pakistan and Russia held talks in Moscow on defence and trade this week.

Both sides agreed to meet again next year in Islamabad.
`;

/** The error `run` throws, checked to be an ArticleError. */
function articleError(run: () => unknown): string {
  const thrown = thrownBy(run);
  expect(thrown).toBeInstanceOf(ArticleError);
  return (thrown as ArticleError).message;
}

describe('parseArticle', () => {
  it('splits paragraphs on blank lines', () => {
    const article = parseArticle(`${FRONT}First paragraph here.\n\n  Second   paragraph\u00A0here.  \n \nThird one.`, 'a.txt');
    expect(article.paragraphs.map((p) => p.text)).toEqual(['First paragraph here.', 'Second paragraph here.', 'Third one.']);
    expect(article.paragraphs.map((p) => p.n)).toEqual([1, 2, 3]);
  });

  it('takes one paragraph per line when the text has no blank lines, as observer-2021 does', () => {
    const article = parseArticle(`${FRONT}First line.\r\nSecond line.\r\nThird line.`, 'a.txt');
    expect(article.paragraphs.map((p) => p.text)).toEqual(['First line.', 'Second line.', 'Third line.']);
    expect(parseArticle(readArticle('observer-2021'), 'observer-2021.txt').paragraphs).toHaveLength(32);
  });

  it('drops site furniture and records each piece with its kind', () => {
    const article = parseArticle(WITH_FURNITURE, 'a.txt');
    expect(article.paragraphs).toEqual([
      { n: 1, text: 'Pakistan and Russia signed an agreement on energy cooperation in Moscow.', body: 'Pakistan and Russia signed an agreement on energy cooperation in Moscow.' },
      { n: 2, text: 'The two governments said the pipeline would be finished within three years.', body: 'The two governments said the pipeline would be finished within three years.' },
    ]);
    expect(article.dropped).toEqual([
      { kind: 'banner', text: '| Welcome to Example News' },
      { kind: 'page date', text: 'Saturday, April 13, 2024' },
      { kind: 'label', text: 'News Analysis |' },
      { kind: 'byline', text: 'By Jane Smith' },
      { kind: 'read more', text: 'Read more: Something else entirely' },
      { kind: 'source line', text: 'Source: Example Wire' },
      { kind: 'comments', text: 'Similar Posts' },
      { kind: 'comments', text: 'Leave a Reply' },
      { kind: 'comments', text: 'Your email address will not be published. Required fields are marked *' },
      { kind: 'heading', text: 'A test article' },
      { kind: 'label', text: 'World News' },
      { kind: 'disclaimer', text: 'The views and opinions expressed in this article are those of the author and do not necessarily reflect the official policy.' },
      { kind: 'author bio', text: '*Jane Smith is a researcher at the Example Institute.' },
    ]);
    expect(article.meta).toEqual({ id: 'test-2020', title: 'A test article', date: '2020-05-01' });
    expect(article.warnings).toEqual([]);
  });

  it('gives a whole repeated paragraph repeatOf and an empty body, and removes a repeated sentence from a later body', () => {
    const long = 'The first paragraph says something long enough to count as a sentence.';
    const article = parseArticle(`${FRONT}${long} It also says a second thing.\n\nThe second paragraph is new. ${long}\n\n${long} It also says a second thing.\n\nShort one. Short one.`, 'a.txt');
    expect(article.paragraphs.map(({ n, body, repeatOf }) => ({ n, body, repeatOf }))).toEqual([
      { n: 1, body: `${long} It also says a second thing.`, repeatOf: undefined },
      { n: 2, body: 'The second paragraph is new.', repeatOf: undefined },
      { n: 3, body: '', repeatOf: 1 },
      { n: 4, body: 'Short one. Short one.', repeatOf: undefined },
    ]);
    expect(article.paragraphs[2]!.text).toBe(`${long} It also says a second thing.`);
    expect(article.dropped).toEqual([
      { kind: 'repeat', text: '¶2 repeats 1 sentence(s) of ¶1' },
      { kind: 'repeat', text: '¶3 repeats ¶1' },
    ]);
  });

  it('reads gvs-2018 as 12 paragraphs without its banner, page date, label or read-more lines', () => {
    const article = parseArticle(readArticle('gvs-2018'), 'gvs-2018.txt');
    expect(article.paragraphs).toHaveLength(12);
    expect(article.dropped.slice(0, 6)).toEqual([
      { kind: 'banner', text: '| Welcome to Global Village Space' },
      { kind: 'page date', text: 'Saturday, April 13, 2024' },
      { kind: 'label', text: 'News Analysis |' },
      { kind: 'read more', text: 'Read more: What was Israel’s PM up to in Moscow?' },
      { kind: 'read more', text: 'Read more: Moscow nervous as the US-North Korean tensions rise' },
      { kind: 'heading', text: 'Moscow and Islamabad unite against Indo-US nexus' },
    ]);
    expect(article.paragraphs.some((p) => /Welcome to|April 13, 2024|Read more/.test(p.text))).toBe(false);
    expect(article.meta.date).toBe('2018-03');
  });

  it('keeps the new sentence of gvs-2018 ¶12 and drops the one it repeats from ¶3', () => {
    const { paragraphs } = parseArticle(readArticle('gvs-2018'), 'gvs-2018.txt');
    expect(paragraphs[11]!.text.startsWith('To kill the vicious phenomenon')).toBe(true);
    expect(paragraphs[11]!.body).toBe('In a nut shell, both Russia and Pakistan have expressed their willingness to work together in different fields including trade, defense and counter terrorism.');
    expect(paragraphs[11]!.repeatOf).toBeUndefined();
  });

  it('marks kharakov-2014 ¶2 as a repeat of ¶1 and drops its editor-note label and disclaimer', () => {
    const article = parseArticle(readArticle('kharakov-2014'), 'kharakov-2014.txt');
    expect(article.paragraphs).toHaveLength(21);
    expect(article.paragraphs[1]).toEqual({ n: 2, text: article.paragraphs[0]!.text, body: '', repeatOf: 1 });
    expect(article.dropped.map((d) => d.kind)).toEqual(['byline', 'heading', 'label', 'heading', 'editor note label', 'disclaimer', 'repeat']);
  });

  it('drops the byline, source line and comment furniture of berger-2019 and the author bio of aslam-2019', () => {
    expect(parseArticle(readArticle('berger-2019'), 'berger-2019.txt').dropped.slice(0, 5).map((d) => d.text))
      .toEqual(['By Martin Berger', 'Source: New Eastern Outlook', 'Similar Posts', 'Leave a Reply', 'Your email address will not be published. Required fields are marked *']);
    const aslam = parseArticle(readArticle('aslam-2019'), 'aslam-2019.txt');
    expect(aslam.paragraphs).toHaveLength(16);
    expect(aslam.dropped.find((d) => d.kind === 'author bio')?.text.startsWith('*Sabah Aslam is the Founder')).toBe(true);
  });

  it('guesses title, author, date and id of a plain text file and warns about each guess', () => {
    const article = parseArticle(PLAIN, 'talks.txt');
    expect(article.meta).toEqual({
      id: 'smith-2018', title: 'Pakistan and Russia hold talks', author: 'Jane Smith', date: '2018-03-03',
      dateNote: 'guessed from the printed date "March 3, 2018" (a page header may print the day it was viewed)',
    });
    expect(article.warnings).toEqual([
      'id guessed from the author or title and the year: "smith-2018"',
      'title guessed from the first line: "Pakistan and Russia hold talks"',
      'author guessed from a "By" line: "Jane Smith"',
      'date guessed from the printed date "March 3, 2018" (a page header may print the day it was viewed): "2018-03-03"',
    ]);
    expect(article.paragraphs.map((p) => p.n)).toEqual([1, 2]);
  });

  it('guesses the printed day whatever the time zone of the machine', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(parseArticle(PLAIN, 'talks.txt').meta.date).toBe('2018-03-03');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it.each([
    ['unclosed front matter', '---\nid: a\ntitle: b\nText.', 'front matter in bad.txt has no closing "---" line'],
    ['a front-matter line that is not key: value', '---\nid: a\nno colon here\n---\nText.', 'front matter in bad.txt, line 3, is not "key: value": "no colon here"'],
    ['a bad id', '---\nid: Bad_Id\ntitle: b\n---\nText.', 'bad.txt has an invalid id "Bad_Id": use lower-case letters, digits and dashes'],
    ['a bad date', '---\nid: a\ntitle: b\ndate: 2018-13\n---\nText.', 'bad.txt has a date "2018-13" that is not YYYY, YYYY-MM or YYYY-MM-DD'],
    ['a bad date and no id', '---\ntitle: Bad date\ndate: May 2020\n---\nText.', 'bad.txt has a date "May 2020" that is not YYYY, YYYY-MM or YYYY-MM-DD'],
    ['nothing left after boilerplate', '---\nid: a\ntitle: b\n---\nLeave a Reply\n\nSimilar Posts', 'bad.txt has no article text after removing boilerplate'],
    ['NUL bytes', '---\nid: a\ntitle: b\n---\nText\u0000more text.', 'bad.txt is not a text file (it contains NUL bytes)'],
    ['an empty file', '', 'bad.txt has no title'],
  ])('throws an ArticleError naming the file for %s', (_case, raw, message) => {
    expect(articleError(() => parseArticle(raw, 'bad.txt'))).toBe(message);
  });

  it('reads an extracted document: its blocks as paragraphs with their pages, its metadata as given, the id from it', () => {
    const article = parseArticle({
      format: 'pdf',
      meta: { title: 'Airships in South Asia', author: 'Jane Smith', date: '2020-05-01' },
      blocks: [
        { text: 'Airships in South Asia', page: 1 },
        { text: 'By Jane Smith', page: 1 },
        { text: 'A zeppelin landed in Karachi on Monday.', page: 1 },
        { text: 'Read more: Something else', page: 2 },
        { text: 'The airship left for Dubai the next day.', page: 2 },
        { text: 'A zeppelin landed in Karachi on Monday.', page: 3 },
      ],
    }, 'paper.pdf');
    expect(article.meta).toEqual({ id: 'smith-2020', title: 'Airships in South Asia', author: 'Jane Smith', date: '2020-05-01' });
    expect(article.paragraphs).toEqual([
      { n: 1, text: 'A zeppelin landed in Karachi on Monday.', body: 'A zeppelin landed in Karachi on Monday.', page: 1 },
      { n: 2, text: 'The airship left for Dubai the next day.', body: 'The airship left for Dubai the next day.', page: 2 },
      { n: 3, text: 'A zeppelin landed in Karachi on Monday.', body: '', repeatOf: 1, page: 3 },
    ]);
    expect(article.warnings).toEqual(['id guessed from the author or title and the year: "smith-2020"']);
    expect(article.idGuessed).toBe(true);
  });

  it('drops a Markdown heading that repeats the title, and guesses a title from one without its marks', () => {
    const article = parseArticle('---\nid: polio-2015\ntitle: The Race Against Polio\n---\n# The Race Against Polio\n\nIn 1952 polio struck.\n\nSalk made it.\n', 'polio.md');
    expect(article.paragraphs.map((p) => p.text)).toEqual(['In 1952 polio struck.', 'Salk made it.']);
    expect(article.dropped).toContainEqual({ kind: 'heading', text: '# The Race Against Polio' });
    const guessed = parseArticle('# Zeppelins over Karachi\n\nBy Jane Smith\n\nA zeppelin landed in Karachi on Monday.\n', 'z.md');
    expect(guessed.meta.title).toBe('Zeppelins over Karachi');
    expect(guessed.paragraphs.map((p) => p.text)).toEqual(['A zeppelin landed in Karachi on Monday.']);
  });

  it('reads a lower-case "by" line, a labelled date line and a byline with its date as metadata, and drops them', () => {
    const labelled = parseArticle('The Difference Engine\nby Charles Webb\nPublished: 12 May 2020\n\nBabbage began work in 1822.\n', 'a.txt');
    expect(labelled.meta).toMatchObject({ id: 'webb-2020', title: 'The Difference Engine', author: 'Charles Webb', date: '2020-05-12' });
    expect(labelled.paragraphs.map((p) => p.text)).toEqual(['Babbage began work in 1822.']);
    const withDate = parseArticle('Ada Lovelace\'s Notes\n\nWritten by Grace Liu | 2019-10-08\n\nIn 1843 Ada Lovelace published her notes.\n', 'b.txt');
    expect(withDate.meta).toMatchObject({ id: 'liu-2019', author: 'Grace Liu', date: '2019-10-08', dateNote: 'guessed from the date printed with the byline "Written by Grace Liu | 2019-10-08"' });
    expect(withDate.dropped).toContainEqual({ kind: 'byline', text: 'Written by Grace Liu | 2019-10-08' });
    const page = parseArticle({ format: 'html', meta: { title: 'Colossus', author: 'Owen Pryce' }, blocks: [{ text: 'By Owen Pryce · 18 January 2018' }, { text: 'Colossus first worked in December 1943.' }] }, 'c.html');
    expect(page.meta).toMatchObject({ id: 'pryce-2018', date: '2018-01-18' });
    expect(page.paragraphs.map((p) => p.text)).toEqual(['Colossus first worked in December 1943.']);
    const wrapped = parseArticle('---\nid: a\ntitle: A\n---\nThe treaty was signed in Moscow on Friday\nby Sergey Lavrov.\n\nIt came into force in May.\n', 'a.txt');
    expect(wrapped.paragraphs.map((p) => p.text)).toEqual(['The treaty was signed in Moscow on Friday\nby Sergey Lavrov.', 'It came into force in May.']);
  });

  it('makes a guessed id from the first author\'s family name and the date front matter gives, as from a document\'s metadata', () => {
    const article = parseArticle('---\ntitle: The Race Against Polio\nauthor: Daniel Okafor\ndate: 2015-04-12\n---\nIn 1952 polio struck.\n', 'polio.md');
    expect(article.meta).toMatchObject({ id: 'okafor-2015', title: 'The Race Against Polio', author: 'Daniel Okafor', date: '2015-04-12' });
    expect(article.warnings).toEqual(['id guessed from the author or title and the year: "okafor-2015"']);
    const untitledAuthor = parseArticle('---\ntitle: ENIAC and the First Programmers\ndate: 2016\n---\nSix women programmed it.\n', 'eniac.md');
    expect(untitledAuthor.meta.id).toBe('eniac-and-the-2016');
    const inverted = parseArticle('---\ntitle: Vaccines\nauthor: "O\'Brien, Kate"\ndate: 2012\n---\nText.\n', 'v.md');
    expect(inverted.meta.id).toBe('o-brien-2012');
    const two = parseArticle('---\ntitle: Vaccines\nauthor: Jane Smith and John Doe\ndate: 2012\n---\nText.\n', 'v.md');
    expect(two.meta.id).toBe('smith-2012');
  });

  it('guesses what a document\'s metadata leaves out as for text, with a warning for each guess', () => {
    const article = parseArticle({ format: 'html', meta: { publisher: 'The Daily Test', url: 'https://example.com/a' }, blocks: [
      { text: 'Zeppelins over Karachi' }, { text: 'By Jane Smith' }, { text: 'A zeppelin landed in Karachi on Monday.' },
    ] }, 'page.html');
    expect(article.meta).toEqual({ id: 'smith', title: 'Zeppelins over Karachi', author: 'Jane Smith', publisher: 'The Daily Test', url: 'https://example.com/a' });
    expect(article.warnings).toEqual([
      'id guessed from the author or title and the year: "smith"',
      'title guessed from the first line: "Zeppelins over Karachi"',
      'author guessed from a "By" line: "Jane Smith"',
    ]);
    expect(article.paragraphs.map((p) => p.text)).toEqual(['A zeppelin landed in Karachi on Monday.']);
  });

  it('for any text, returns a numbered article or throws an ArticleError, and never hangs (property)', () => {
    fc.assert(
      fc.property(anyArticleText, (raw) => {
        let article: ReturnType<typeof parseArticle> | undefined;
        const thrown = thrownBy(() => (article = parseArticle(raw, 'any.txt')));
        if (thrown !== undefined) {
          expect(thrown).toBeInstanceOf(ArticleError);
          return;
        }
        expect(article!.paragraphs.length).toBeGreaterThan(0);
        article!.paragraphs.forEach((p, i) => {
          expect(p.n).toBe(i + 1);
          expect(p.text).not.toBe('');
          if (p.repeatOf !== undefined) expect(p.repeatOf).toBeLessThan(p.n);
        });
      }),
      { numRuns: 500 },
    );
  });
});
