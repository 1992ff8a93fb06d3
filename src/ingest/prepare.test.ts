import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../app/config.js';
import { askQuestion } from '../core/search/ask.js';
import { removeSources } from './ingest.js';
import type { Logger } from '../app/log.js';
import { displayPath } from '../store/paths.js';
import { openAtStart } from './prepare.js';

const SHIPPED = fileURLToPath(new URL('../../data/articles', import.meta.url));
const IDS = ['aslam-2019', 'berger-2019', 'gvs-2018', 'kharakov-2014', 'observer-2021'];

let dir: string;
let articles: string;
let logged: string[];
const log: Logger = { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) };
/** Starts the app on the temp library, as `npm start` does, and returns what it logged. */
async function start(articlesDir = articles): Promise<{ ids: string[]; logged: string[] }> {
  logged = [];
  const ctx = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: articlesDir }), { log });
  try {
    return { ids: ctx.sources.listSources().map((s) => s.id).sort(), logged };
  } finally {
    ctx.close();
  }
}
const article = (id: string, body: string) => `---\nid: ${id}\ntitle: Article ${id}\n---\n${body}\n`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-prepare-'));
  articles = join(dir, 'articles');
  cpSync(SHIPPED, articles, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openAtStart', () => {
  it('reads the articles folder into a new library, then reads nothing at a start where nothing changed', async () => {
    expect(await start()).toEqual({ ids: IDS, logged: [`Read the articles folder ${displayPath(articles)}: added 5 (${IDS.join(', ')}), updated 0, unchanged 0, refused 0; 98 paragraphs written.`] });
    expect(await start()).toEqual({ ids: IDS, logged: [] });
  });

  it('adds a file put into the folder between two starts, and updates a changed one', async () => {
    await start();
    writeFileSync(join(articles, 'new.txt'), article('new-1', 'A zeppelin landed in Karachi.'));
    writeFileSync(join(articles, 'gvs-2018.txt'), article('gvs-2018', 'Rewritten entirely.'));
    expect(await start()).toEqual({ ids: [...IDS, 'new-1'].sort(), logged: [
      `Read the articles folder ${displayPath(articles)}: added 1 (new-1), updated 1 (gvs-2018), unchanged 0, refused 0; 2 paragraphs written.`,
    ] });
  });

  it('hashes a file whose time changed but not its text, says nothing, and stat alone suffices at the next start', async () => {
    await start();
    utimesSync(join(articles, 'gvs-2018.txt'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect((await start()).logged).toEqual([]);
    const ctx = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: articles }), { log });
    expect(ctx.sources.getSource('gvs-2018')?.fileMtime).toBe(new Date(2001, 0, 1).getTime());
    ctx.close();
  });

  it('keeps the source of a file that left the folder, and says so in one line', async () => {
    await start();
    rmSync(join(articles, 'berger-2019.txt'));
    expect(await start()).toEqual({ ids: IDS, logged: [
      `1 sources' files are no longer in ${displayPath(articles)}; their sources are kept (remove them with research-bot remove): berger-2019.`,
    ] });
  });

  it('does not bring back a source a moderator removed, until its file changes', async () => {
    await start();
    const ctx = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: articles }), { log });
    removeSources(ctx, ['berger-2019']);
    ctx.close();
    expect((await start()).ids).toEqual(IDS.filter((id) => id !== 'berger-2019'));
    writeFileSync(join(articles, 'berger-2019.txt'), article('berger-2019', 'A new version of the article.'));
    expect((await start()).ids).toEqual(IDS);
  });

  it('names a bad file of the folder at start and takes the others', async () => {
    writeFileSync(join(articles, 'empty.txt'), '');
    const { ids, logged: lines } = await start();
    expect(ids).toEqual(IDS);
    expect(lines).toContain(`${displayPath(join(articles, 'empty.txt'))} is empty: it has no text.`);
  });

  it('opens an empty articles folder as a valid, empty library that answers', async () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(await start(empty)).toEqual({ ids: [], logged: [] });
    const ctx = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: empty }), { log });
    expect(askQuestion(ctx.askDeps, 'Who is Shoigu?', {}).passages).toEqual([]);
    ctx.close();
  });
});
