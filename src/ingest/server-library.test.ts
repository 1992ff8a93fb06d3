import Database from 'better-sqlite3';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ask } from '../commands/ask.js';
import { analyzeQuestion } from '../core/search/ask.js';
import { quoteCommand } from '../commands/quote.js';
import { source } from '../commands/source.js';
import { suggestSources } from '../commands/source-option.js';
import { timeline } from '../commands/timeline.js';
import { library } from '../commands/library.js';
import type { OptionValues } from '../commands/types.js';
import { loadConfig } from '../app/config.js';
import type { AppContext } from '../app/context.js';
import { createLogger } from '../app/log.js';
import { openAtStart } from './prepare.js';
import { ingestPaths, removeSources, type IngestReport } from './ingest.js';
import { displayPath } from '../store/paths.js';

const SHIPPED = fileURLToPath(new URL('../../data/articles', import.meta.url));
const BASE_IDS = ['aslam-2019', 'berger-2019', 'gvs-2018', 'kharakov-2014', 'observer-2021'];
const SERVER_A = '100000000000000001';
const SERVER_B = '100000000000000002';
const quiet = createLogger({ debug: false, quiet: true });

const ZEPPELIN = `---
id: zeppelin-2020
title: Zeppelins over Karachi
author: Jane Smith
date: 2020-05
---
A zeppelin named Aurora landed in Karachi on 5 May 2020, the first airship to visit the city.

Officials said the Aurora carried grain from Tashkent and would leave for Moscow the next day.
`;

let dir: string;
let ctx: AppContext;
let a: AppContext;
let b: AppContext;

/** Writes one article file under the temp dir and returns its path. */
function file(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}
const reportOf = (parts: Partial<IngestReport>): IngestReport => ({ added: [], updated: [], unchanged: [], refused: [], files: [], warnings: [], paragraphs: 0, events: 0, ...parts });
/** The citations /ask shows for a question in a library, best first. */
const citations = (view: AppContext, question: string) => ask.run(view, { question, limit: 10 }).result.passages.map((p) => p.citation);
/** What a command throws, as its sentence. */
const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-servers-'));
  ctx = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: SHIPPED }), { log: quiet });
  a = ctx.forLibrary(SERVER_A);
  b = ctx.forLibrary(SERVER_B);
});
afterEach(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a server library', () => {
  it("holds what the server added, seen by that server's commands and no other's", async () => {
    const path = file('zeppelin.txt', ZEPPELIN);
    expect(await ingestPaths(a, [path])).toEqual(reportOf({ added: ['zeppelin-2020'], files: [{ file: displayPath(path), id: 'zeppelin-2020', status: 'added' }], paragraphs: 2, events: 1 }));

    expect(citations(a, 'zeppelin Aurora Karachi')).toEqual(['[zeppelin-2020 ¶1]', '[zeppelin-2020 ¶2]']);
    expect(ask.run(a, { question: 'zeppelin Aurora Karachi' }).result.answered).toBe(true);
    expect(a.search.size()).toBe(97 + 2);
    for (const other of [b, ctx]) {
      expect(citations(other, 'zeppelin Aurora Karachi')).not.toContain('[zeppelin-2020 ¶1]');
      expect(ask.run(other, { question: 'zeppelin Aurora Karachi' }).result.answered).toBe(false);
      expect(other.search.size()).toBe(97);
      expect(suggestSources(other, 'zeppelin')).toEqual([]);
      expect(timeline.run(other, {}).result.events.map((e) => e.date)).not.toContain('2020-05-05');
      expect(quoteCommand.run(other, { text: 'A zeppelin named Aurora landed in Karachi' }).verdict).toBe('absent');
    }
    expect(suggestSources(a, 'zeppelin')).toEqual([{ name: 'Zeppelins over Karachi (zeppelin-2020)', value: 'zeppelin-2020' }]);
    expect(timeline.run(a, { topic: 'zeppelin' }).result.events.map((e) => [e.date, e.citations.map((c) => c.citation)])).toEqual([['2020-05-05', ['[zeppelin-2020 ¶1]']]]);
    expect(quoteCommand.run(a, { text: 'A zeppelin named Aurora landed in Karachi' }).verdict).toBe('verbatim');
    const listed = source.run(a, {});
    expect(listed.kind === 'list' && listed.sources.map((s) => s.id)).toEqual(['kharakov-2014', 'gvs-2018', 'aslam-2019', 'berger-2019', 'zeppelin-2020', 'observer-2021']);
  });

  it("never names another server's source or words, not even in error messages or typo corrections", async () => {
    await ingestPaths(a, [file('zeppelin.txt', ZEPPELIN)]);
    expect(thrown(() => source.run(b, { id: 'zeppelin-2020' }))).toBe('There is no source "zeppelin-2020" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, berger-2019, observer-2021.');
    expect(thrown(() => source.run(b, { cite: '[zeppelin-2020 ¶1]' }))).not.toContain('zeppelin-2020 ¶');
    expect(thrown(() => source.run(b, { id: 'zeppelin-202' }))).not.toContain('zeppelin-2020');
    expect(thrown(() => ask.run(b, { question: 'airship', source: 'zeppelin-2020' }))).toBe('There is no source "zeppelin-2020" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, berger-2019, observer-2021.');
    // "Aurora" is a word of server A's library only: server B does not correct "Auroa" to it.
    const terms = (view: AppContext) => analyzeQuestion(view.askDeps, 'Auroa').flatMap((c) => c.terms);
    expect(terms(a)).toContain('aurora');
    expect(terms(b)).not.toContain('aurora');
    expect(citations(a, 'Auroa').slice(0, 2).sort()).toEqual(['[zeppelin-2020 ¶1]', '[zeppelin-2020 ¶2]']);
    expect(citations(b, 'Auroa').join(' ')).not.toContain('zeppelin-2020');
  });

  it("reads the server's own source through #17's paths (a name, References, links, the answer without the filter), and no other server does", async () => {
    await ingestPaths(a, [file('zeppelin.txt', ZEPPELIN.replace('date: 2020-05', 'date: 2020-05\nurl: https://example.org/zeppelin'))]);
    const question = 'zeppelin Aurora Karachi';
    const asked = (view: AppContext, filter: OptionValues) => ask.run(view, { question, ...filter });
    for (const typed of ['zepp', 'Jane Smith']) expect(asked(a, { source: typed }).result.passages[0]?.citation).toBe('[zeppelin-2020 ¶1]');
    expect(thrown(() => asked(a, { source: 'zeppelin-2002' }))).toBe('There is no source "zeppelin-2002" in the library. Did you mean zeppelin-2020?');
    expect(thrown(() => asked(b, { source: 'zeppelin-2002' }))).toBe('There is no source "zeppelin-2002" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, berger-2019, observer-2021.');
    // The References button re-asks the question from the answer's footer, in the presser's server.
    const references = (view: AppContext) => ask.press!(view, ['refs', 'apa', '0', '3', '', '', ''], { footer: `Asked: ${question}` });
    expect(references(a)).toMatchObject({ kind: 'references', references: [{ sourceId: 'zeppelin-2020', text: 'Smith, J. (2020, May). Zeppelins over Karachi. https://example.org/zeppelin' }] });
    expect(references(b)).toMatchObject({ kind: 'references', references: [] });
    expect(timeline.run(a, { source: 'zepp' }).result.sourceUrls).toEqual({ 'zeppelin-2020': 'https://example.org/zeppelin' });
    // A filter that empties the answer: the reply answers without it, from what the server sees.
    for (const filter of [{ source: 'berger-2019' }, { from: 2018, to: 2018 }] as OptionValues[]) {
      expect(asked(a, filter).withoutFilter?.answer?.citation).toBe('[zeppelin-2020 ¶1]');
      expect(JSON.stringify([asked(b, filter).result.passages, asked(b, filter).withoutFilter])).not.toContain('zeppelin');
    }
  });

  it('lets two servers each have a source of the same id', async () => {
    const one = file('a/reading.txt', '---\nid: reading-1\ntitle: First reading\n---\nThe caravan reached Samarkand in spring.\n');
    const two = file('b/reading.txt', '---\nid: reading-1\ntitle: Another first reading\n---\nThe fleet wintered at Sevastopol.\n');
    expect((await ingestPaths(a, [one])).added).toEqual(['reading-1']);
    expect((await ingestPaths(b, [two])).added).toEqual(['reading-1']);
    expect(citations(a, 'caravan Samarkand')[0]).toBe('[reading-1 ¶1]');
    expect(citations(b, 'caravan Samarkand')).not.toContain('[reading-1 ¶1]');
    expect(citations(b, 'fleet Sevastopol')[0]).toBe('[reading-1 ¶1]');
    expect(citations(a, 'fleet Sevastopol')).not.toContain('[reading-1 ¶1]');
    expect(source.run(b, { id: 'reading-1' })).toMatchObject({ kind: 'source', source: { title: 'Another first reading' } });
  });

  it("gives a server's source an id the shared library does not have, and a base source an id no server has", async () => {
    const taken = file('taken.txt', '---\nid: berger-2019\ntitle: Not Berger\n---\nSome text about caravans.\n');
    expect((await ingestPaths(a, [taken])).refused).toEqual([{
      file: displayPath(taken), reason: `${displayPath(taken)} has the id "berger-2019", which the shared library already has; it was not ingested (give it another id in its front matter).`,
    }]);
    const guessed = file('guessed.txt', 'Relations in a new light\n\nBy Martin Berger\n\nJune 5, 2019\n\nThe two countries met again in spring.\n');
    expect((await ingestPaths(a, [guessed])).added).toEqual(['berger-2019b']);

    await ingestPaths(a, [file('reading.txt', '---\nid: reading-1\ntitle: First reading\n---\nThe caravan reached Samarkand in spring.\n')]);
    const base = file('base/reading.txt', '---\nid: reading-1\ntitle: A base reading\n---\nThe fleet wintered at Sevastopol.\n');
    expect((await ingestPaths(ctx, [base])).refused).toEqual([{
      file: displayPath(base), reason: `${displayPath(base)} has the id "reading-1", which a server's own library already has; it was not ingested (give it another id in its front matter).`,
    }]);
    expect((await ingestPaths(ctx, [file('base/plain.txt', 'Relations in a new light\n\nBy Martin Berger\n\nJune 5, 2020\n\nThe fleet met again.\n')])).added).toEqual(['berger-2020']);
  });

  it('takes a copy of a shared article as unchanged, under its shared id', async () => {
    const copy = file('copy.txt', readFileSync(join(SHIPPED, 'berger-2019.txt'), 'utf8'));
    expect(await ingestPaths(a, [copy])).toEqual(reportOf({ unchanged: ['berger-2019'], files: [{ file: displayPath(copy), id: 'berger-2019', status: 'unchanged' }] }));
    expect(a.sources.listOwnSources(SERVER_A)).toEqual([]);
  });

  it("removes only the server's own additions", async () => {
    await ingestPaths(a, [file('zeppelin.txt', ZEPPELIN)]);
    expect(thrown(() => removeSources(a, ['berger-2019']))).toBe('"berger-2019" is in the shared library that every server sees, not this server\'s own; only the bot\'s host can remove it. Nothing was removed.');
    expect(thrown(() => removeSources(b, ['zeppelin-2020']))).toBe('There is no source "zeppelin-2020" in the library; nothing was removed.');
    expect(thrown(() => removeSources(ctx, ['zeppelin-2020']))).toBe('There is no source "zeppelin-2020" in the library; nothing was removed.');
    expect(removeSources(a, ['zeppelin-2020']).map((s) => s.id)).toEqual(['zeppelin-2020']);
    expect(citations(a, 'zeppelin Aurora Karachi')).toEqual([]);
    expect(a.search.size()).toBe(97);
    expect(ctx.sources.countSources()).toBe(5);
  });
});

describe('/library action:remove in a server', () => {
  const reading = (id: string, title: string) => file(`${id}.txt`, `---\nid: ${id}\ntitle: ${title}\nauthor: Jane Smith\n---\nThe caravan reached Samarkand in spring.\n`);
  const ownIds = () => a.sources.listOwnSources(SERVER_A).map((s) => s.id);

  it('removes only the exact id named, never a source it guesses from a prefix, words or a typo', async () => {
    await ingestPaths(a, [reading('reading-1', 'Week one'), reading('reading-10', 'Week ten')]);
    expect(await library.run(a, { action: 'remove', source: 'Reading-1' })).toMatchObject({ action: 'remove', removed: { id: 'reading-1' } });
    // A second moderator removing reading-1 too, or one who typed only a name: reading-10 stays.
    for (const typed of ['reading-1', 'reading', 'Jane Smith', 'reading-01']) {
      await expect(library.run(a, { action: 'remove', source: typed })).rejects.toThrow(
        `There is no source "${typed}" in the library; nothing was removed. Did you mean reading-10? Removing takes the exact id.`);
    }
    expect(ownIds()).toEqual(['reading-10']);
  });

  it("names the server's own sources when a removal misses, not the shared library's", async () => {
    // Guessed from "By Martin Berger ... 2019", as berger-2019 is the shared library's: berger-2019b.
    await ingestPaths(a, [file('guessed.txt', 'Relations in a new light\n\nBy Martin Berger\n\nJune 5, 2019\n\nThe two countries met again in spring.\n')]);
    for (const typed of ['berger', 'Martin Berger']) {
      await expect(library.run(a, { action: 'remove', source: typed })).rejects.toThrow(
        `There is no source "${typed}" in the library; nothing was removed. Did you mean berger-2019b? Removing takes the exact id.`);
    }
    await expect(library.run(a, { action: 'remove', source: 'berger-2019' })).rejects.toThrow('"berger-2019" is in the shared library that every server sees');
    expect(await library.run(a, { action: 'remove', source: 'berger-2019b' })).toMatchObject({ removed: { id: 'berger-2019b' } });
    expect(ctx.sources.countSources()).toBe(5);
  });
});

describe('AppContext.forLibrary', () => {
  it('sees what another process wrote, at its next command', async () => {
    const other = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: SHIPPED }), { log: quiet });
    try {
      expect(citations(ctx.forLibrary(SERVER_A), 'zeppelin Aurora Karachi')).toEqual([]);
      await ingestPaths(other.forLibrary(SERVER_A), [file('zeppelin.txt', ZEPPELIN)]);
      removeSources(other, ['gvs-2018']);
      expect(citations(ctx.forLibrary(SERVER_A), 'zeppelin Aurora Karachi')).toEqual(['[zeppelin-2020 ¶1]', '[zeppelin-2020 ¶2]']);
      expect(ctx.forLibrary('').search.size()).toBe(97 - 12);
    } finally {
      other.close();
    }
  });

  it('refuses a name that is neither a guild id nor the base library', async () => {
    expect(() => ctx.forLibrary('../etc')).toThrow('context: "../etc" is not a library (a guild id, or \'\' for the base)');
  });
});

describe('an upgrade', () => {
  it('keeps a library made before server libraries as the base library, seen by every server', async () => {
    const path = join(dir, 'old.db');
    const articles = join(dir, 'articles');
    cpSync(SHIPPED, articles, { recursive: true });
    (await openAtStart(loadConfig({ DATABASE_PATH: path, ARTICLES_DIR: articles }), { log: quiet })).close();
    // The library as the release before this one left it: no servers' index, migration 8 not applied.
    const db = new Database(path);
    db.exec("DROP TABLE server_paragraph_terms; DELETE FROM schema_migrations WHERE version = 8;");
    const before = db.prepare('SELECT * FROM sources ORDER BY id').all();
    db.close();
    const upgraded = await openAtStart(loadConfig({ DATABASE_PATH: path, ARTICLES_DIR: articles }), { log: quiet });
    try {
      expect(upgraded.db.prepare('SELECT * FROM sources ORDER BY id').all()).toEqual(before);
      expect(upgraded.sources.listOwnSources('').map((s) => s.id).sort()).toEqual(BASE_IDS);
      expect(citations(upgraded.forLibrary(SERVER_A), 'bitter enemies geopolitical partners')[0]).toMatch(/^\[berger-2019 ¶\d+\]$/);
    } finally {
      upgraded.close();
    }
  });
});
