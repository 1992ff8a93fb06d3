import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { anyText, thrownBy } from '../../test/arbitraries.js';
import { loadConfig } from '../app/config.js';
import { openAtStart } from '../ingest/prepare.js';
import { createLogger } from '../app/log.js';
import { analyzeQuestion, askQuestion, MAX_PASSAGES, type AskOptions } from '../core/search/ask.js';
import { QuestionError } from '../core/errors.js';
import type { SearchFilter } from '../core/search/rank.js';
import { ParagraphSearch } from './paragraph-search.js';
import type { SearchStore } from './search-store.js';

const ctx = await openAtStart(loadConfig({ DATABASE_PATH: ':memory:' }), { log: createLogger({ debug: false, quiet: true }) });
afterAll(() => ctx.close());

/** The paragraphs a search finds, best first, as citations with their text. */
function find(query: string, filter: SearchFilter = {}, limit = 10) {
  const hits = ctx.search.search(analyzeQuestion(ctx.askDeps, query), filter, limit);
  const byId = new Map(ctx.sources.getParagraphsById(hits.map((h) => h.id)).map((p) => [p.id, p]));
  return hits.map((h) => ({ cite: `${h.sourceId} ¶${byId.get(h.id)!.n}`, body: byId.get(h.id)!.body }));
}
const ask = (question: string, options: AskOptions = {}) => askQuestion(ctx.askDeps, question, options);

describe('ParagraphSearch', () => {
  it('indexes every paragraph of the library that has text of its own', () => {
    expect(ctx.sources.countSources()).toBe(5);
    expect(ctx.search.size()).toBe(97);
  });

  it('finds the Shoigu paragraphs for the typo "Shoygu"', () => {
    const found = find('Shoygu', {}, 5);
    expect(found).toHaveLength(5);
    for (const { body } of found) expect(body).toContain('Shoigu');
  });

  it('finds the Lavrov paragraphs for the typo "Lavrof"', () => {
    expect(find('Lavrof').map((f) => f.cite).sort()).toEqual(['berger-2019 ¶13', 'observer-2021 ¶1', 'observer-2021 ¶4']);
  });

  it('finds the Putin paragraphs for the typo "Putn"', () => {
    const cites = find('Putn').map((f) => f.cite);
    expect(cites).toEqual(expect.arrayContaining(['observer-2021 ¶23', 'observer-2021 ¶24', 'aslam-2019 ¶8']));
  });

  // "putn" is one edit from "put" as well as "putin": corrections prefer a word at least as long.
  it('ranks a paragraph that names Putin first for "Putn"', () => {
    expect(find('Putn', {}, 1)[0]!.body).toContain('Putin');
  });

  it.each([
    ['SCO', 'aslam-2019 ¶8'],
    ['CPEC', 'observer-2021 ¶31'],
    ['FATF', 'berger-2019 ¶11'],
    ['ISI', 'observer-2021 ¶10'],
    ['IS', 'gvs-2018 ¶6'],
  ])('ranks the passage about %s first', (acronym, cite) => {
    expect(find(acronym)[0]!.cite).toBe(cite);
  });

  it('finds for "SCO" the paragraphs that only say "Shanghai Cooperation Organization" or "Organisation"', () => {
    const found = find('SCO', {}, 4);
    expect(found.map((f) => f.cite)).toEqual(['aslam-2019 ¶8', 'observer-2021 ¶23', 'observer-2021 ¶24', 'berger-2019 ¶4']);
    expect(found[3]!.body).toContain('Shanghai Cooperation Organization');
    expect(found[3]!.body).not.toContain('SCO');
  });

  it('finds for "ISIS" the Islamic State (IS) paragraph too, and never finds it for "ISI"', () => {
    expect(find('ISIS', {}, 2).map((f) => f.cite).sort()).toEqual(['berger-2019 ¶5', 'gvs-2018 ¶6']);
    expect(find('ISI').map((f) => f.cite)).not.toContain('berger-2019 ¶5');
  });

  it.each<[string, SearchFilter, string[]]>([
    ['one source', { sourceId: 'kharakov-2014' }, ['kharakov-2014']],
    ['from a year', { from: 2019 }, ['aslam-2019', 'berger-2019', 'observer-2021']],
    ['up to a year', { to: 2018 }, ['gvs-2018', 'kharakov-2014']],
    ['one year', { from: 2018, to: 2018 }, ['gvs-2018']],
  ])('restricts results to %s', (_name, filter, sources) => {
    const found = find('Pakistan Russia relations', filter, 200);
    expect(found.length).toBeGreaterThan(0);
    expect([...new Set(found.map((f) => f.cite.split(' ')[0]))].sort()).toEqual(sources);
  });
});

describe('ParagraphSearch candidates in a large library', () => {
  it("asks FTS5 for the question's own words before the thesaurus's, within the postings budget", () => {
    const df: Record<string, number> = { shoigu: 6_000, visit: 3_000, trip: 1_500, journey: 900 };
    const matches: string[] = [];
    const store = {
      stats: () => ({ documents: 100_000, bodyTerms: 4_000_000 }),
      documentFrequency: (term: string) => df[term] ?? 0,
      candidates: (match: string) => {
        matches.push(match);
        return [];
      },
    } as unknown as SearchStore;
    new ParagraphSearch(store).search([
      { label: 'Shoigu', terms: ['shoigu'], variants: [['shoigu']] },
      { label: 'visit', terms: ['visit', 'trip', 'journey'], variants: [['visit'], ['trip'], ['journey']], related: 2 },
    ], {}, 10);
    expect(matches).toEqual(['"visit" OR "shoigu" OR "journey"']);
  });
});

describe('askQuestion', () => {
  it('answers when Russia lifted its arms embargo from the paragraph that gives the year, the year in the phrase', () => {
    const result = ask('When did Russia lift its arms embargo on Pakistan?');
    expect(result.level).toBe('answer');
    expect(result.passages.map((p) => p.citation)).toEqual(['[berger-2019 ¶9]', '[aslam-2019 ¶5]', '[gvs-2018 ¶8]']);
    expect(result.answer!.phrase).toEqual({ text: '2014', start: 46 });
    const cited = result.passages.find((p) => p.citation === result.answer!.citation)!;
    expect(cited.text).toContain(result.answer!.text);
    expect(result.answer!.text).toMatch(/lift(?:ed)? (?:its|an) arms embargo on Pakistan/);
  });

  it('says it has nothing on a question whose words the library never uses, naming them, but still lists passages', () => {
    const result = ask('How do I bake sourdough bread?');
    expect(result.answered).toBe(false);
    expect(result.level).toBe('nothing');
    expect(result.missing).toEqual(['sourdough', 'bread']);
    expect(result.answer).toBeNull();
    expect(result.passages).toHaveLength(3);
  });

  it('answers, not "nothing", when the one word the library lacks is an everyday one', () => {
    // "abolish" is not in the shipped articles, which say the embargo was "lifted"; "sourdough" is no everyday word.
    const paraphrase = ask('When did Russia abolish its arms embargo on Pakistan?');
    expect([paraphrase.level, paraphrase.missing]).toEqual(['answer', ['abolish']]);
    expect(paraphrase.passages[0]!.text).toMatch(/arms embargo/);
    expect(ask('When was the sourdough embargo on Pakistan lifted?').level).toBe('nothing');
  });

  it('never shows a repeated paragraph twice in one answer', () => {
    const result = ask('Russia-Pakistan are working for a better foreign relations and both countries are coming closer', { limit: 10 });
    expect(result.passages[0]!.citation).toBe('[kharakov-2014 ¶1]');
    expect(result.passages.map((p) => p.citation)).not.toContain('[kharakov-2014 ¶2]');
    const texts = result.passages.map((p) => p.text);
    for (const [i, text] of texts.entries()) for (const other of texts.slice(i + 1)) expect(other.includes(text) || text.includes(other)).toBe(false);
  });

  it('shows a sentence repeated later in an article only in the paragraph that said it first', () => {
    const result = ask('vicious phenomenon of extremism and terrorism', { limit: 10 });
    expect(result.passages[0]!.citation).toBe('[gvs-2018 ¶3]');
    expect(result.passages.filter((p) => p.text.includes('vicious phenomenon'))).toHaveLength(1);
  });

  it('returns as many passages as asked, from 1 to 10', () => {
    expect(ask('Pakistan Russia', { limit: 1 }).passages).toHaveLength(1);
    expect(ask('Pakistan Russia', { limit: 50 }).passages).toHaveLength(MAX_PASSAGES);
  });

  it.each<[string, string, AskOptions]>([
    ['an empty question', '', {}],
    ['a question of only whitespace and control characters', ' \n\t\u0000\u0007 ', {}],
    ['a question of 2001 characters', 'Pakistan '.repeat(223).slice(0, 2001), {}],
    ['a question of only stop words', 'What is it that they were doing?', {}],
    ['an unknown source', 'Shoigu', { sourceId: 'nobody-1999' }],
    ['"from" after "to"', 'Shoigu', { from: 2020, to: 2019 }],
  ])('throws a QuestionError for %s', (_name, question, options) => {
    expect(() => ask(question, options)).toThrow(QuestionError);
  });

  it('accepts a question of exactly 2000 characters', () => {
    expect(ask('Pakistan '.repeat(223).slice(0, 2000)).query).toHaveLength(2000);
  });

  it('for any text, answers or throws a QuestionError, with passages cited from the library (property)', () => {
    fc.assert(
      fc.property(anyText, (question) => {
        let result: ReturnType<typeof ask> | undefined;
        const thrown = thrownBy(() => (result = ask(question)));
        if (thrown !== undefined) {
          expect(thrown).toBeInstanceOf(QuestionError);
          return;
        }
        for (const p of result!.passages) expect(ctx.sources.getParagraph(p.sourceId, p.paragraph)?.body).toBe(p.text);
        expect(result!.answered).toBe(result!.answer !== null);
      }),
      { numRuns: 200 },
    );
  });
});
