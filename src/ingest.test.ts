import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { createContext, type AppContext } from './context.js';
import { analyzeQuestion } from './core/ask.js';
import { UserError } from './errors.js';
import { canAnalyzeOnWorkers } from './analyze-pool.js';
import { ingestPaths } from './ingest.js';
import { createLogger } from './log.js';

const SHIPPED = fileURLToPath(new URL('../data/articles', import.meta.url));
const IDS = ['aslam-2019', 'berger-2019', 'gvs-2018', 'kharakov-2014', 'observer-2021'];

let dir: string;
let articles: string;
let ctx: AppContext;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-ingest-'));
  articles = join(dir, 'articles');
  cpSync(SHIPPED, articles, { recursive: true });
  ctx = createContext(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: articles }), { log: createLogger({ debug: false, quiet: true }) });
});
afterEach(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every row of the library and of its full-text index. */
const snapshot = () => ({
  sources: ctx.db.prepare('SELECT * FROM sources ORDER BY id').all(),
  paragraphs: ctx.db.prepare('SELECT * FROM paragraphs ORDER BY id').all(),
  events: ctx.db.prepare('SELECT * FROM events ORDER BY paragraph_id, position').all(),
  index: ctx.db.prepare('SELECT rowid, * FROM paragraph_terms ORDER BY rowid').all(),
  stats: ctx.searchStore.stats(),
});
const cites = (query: string) => {
  const hits = ctx.search.search(analyzeQuestion(ctx.askDeps, query), {}, 10);
  return ctx.library.getParagraphsById(hits.map((h) => h.id)).map((p) => `${p.sourceId} ¶${p.n}`);
};
/** Writes article files into a new folder under the temp dir and returns it. */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const path = join(dir, name);
  mkdirSync(path);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}
const article = (id: string, body: string) => `---\nid: ${id}\ntitle: Article ${id}\ndate: 2020\n---\n${body}\n`;
const GOOD = {
  'a.txt': article('new-a', 'A zeppelin landed in Karachi on Monday.'),
  'b.txt': article('new-b', 'The zeppelin left for Moscow the next day.'),
  'c.md': article('new-c', 'Officials said the zeppelin carried no cargo.'),
  'd.txt': article('new-d', 'A second zeppelin is expected next year.'),
};
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('ingestPaths', () => {
  it('adds new files, reporting each id and what was guessed for plain text', () => {
    const plain = 'Zeppelins over Karachi\n\nBy Jane Smith\n\nA zeppelin landed in Karachi on Monday and left again.\n';
    const path = folder('new', { 'a.txt': GOOD['a.txt'], 'plain.txt': plain, 'notes.json': '{}' });
    expect(ingestPaths(ctx, [path])).toEqual({
      added: ['new-a', 'smith'], updated: [], unchanged: [], paragraphs: 2, events: 1,
      warnings: [{ file: join(path, 'plain.txt'), warnings: [
        'id guessed from the author or title and the year: "smith"',
        'title guessed from the first line: "Zeppelins over Karachi"',
        'author guessed from a "By" line: "Jane Smith"',
      ] }],
    });
    expect(cites('zeppelin').sort()).toEqual(['new-a ¶1', 'smith ¶1']);
  });

  it('changes nothing on a second run over the same files', () => {
    const before = snapshot();
    expect(ingestPaths(ctx, [articles])).toEqual({ added: [], updated: [], unchanged: IDS, warnings: [], paragraphs: 0, events: 0 });
    expect(snapshot()).toEqual(before);
  });

  it.each<[string, string | Buffer, (file: string) => string]>([
    ['unclosed front matter', '---\nid: bad-1\ntitle: Bad\nNo closing line.', (f) => `front matter in ${f} has no closing "---" line; nothing was ingested.`],
    ['NUL bytes', article('bad-1', 'Text with a \u0000 in it.'), (f) => `${f} is not a text file (it contains NUL bytes); nothing was ingested.`],
    ['bytes that are not UTF-8', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]), (f) => `${f} is not UTF-8 text; nothing was ingested.`],
    ['nothing but boilerplate', article('bad-1', 'Leave a Reply\n\nSimilar Posts'), (f) => `${f} has no article text after removing boilerplate; nothing was ingested.`],
  ])('ingests none of a folder whose last file has %s, naming that file', (_name, bad, message) => {
    const path = folder('batch', { ...GOOD, 'e-bad.txt': bad });
    const before = snapshot();
    const error = thrown(() => ingestPaths(ctx, [path]));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(message(join(path, 'e-bad.txt')));
    expect(snapshot()).toEqual(before);
    expect(cites('zeppelin')).toEqual([]);
  });

  it('keeps citations stable when a changed file is ingested again, and searches the new text only', () => {
    const file = join(articles, 'gvs-2018.txt');
    const old = ctx.library.getParagraphsOf('gvs-2018');
    expect(cites('contributory')).toContain('gvs-2018 ¶5');
    writeFileSync(file, readFileSync(file, 'utf8').replace('are the contributory factors', 'are the zeppelin factors'));
    expect(ingestPaths(ctx, [articles])).toEqual({
      added: [], updated: ['gvs-2018'], unchanged: IDS.filter((id) => id !== 'gvs-2018'), warnings: [], paragraphs: 12, events: 9,
    });
    const now = ctx.library.getParagraphsOf('gvs-2018');
    expect(now.map(({ n, text, body }) => ({ n, text, body }))).toEqual(old.map(({ n, text, body }) =>
      n === 5 ? { n, text: text.replace('contributory', 'zeppelin'), body: body.replace('contributory', 'zeppelin') } : { n, text, body }));
    expect(cites('zeppelin')).toEqual(['gvs-2018 ¶5']);
    expect(cites('contributory')).not.toContain('gvs-2018 ¶5');
    expect(ctx.search.size()).toBe(ctx.db.prepare("SELECT count(*) FROM paragraphs WHERE body <> ''").pluck().get());
  });

  it('ingests nothing when a file changes between its first reading and its turn, naming it', () => {
    const path = folder('moving', GOOD);
    const before = snapshot();
    const change = () => writeFileSync(join(path, 'd.txt'), article('new-d', 'A different zeppelin.'));
    expect(() => ingestPaths(ctx, [path], (done) => done === 1 && change(), 1)).toThrow(new UserError(
      `${join(path, 'd.txt')} changed or was removed while it was being ingested; nothing was ingested.`,
    ));
    expect(snapshot()).toEqual(before);
  });

  it('ingests nothing when a file is removed before its turn, naming it', () => {
    const path = folder('vanishing', GOOD);
    const before = snapshot();
    expect(() => ingestPaths(ctx, [path], (done) => done === 1 && rmSync(join(path, 'c.md')), 1)).toThrow(new UserError(
      `${join(path, 'c.md')} changed or was removed while it was being ingested; nothing was ingested.`,
    ));
    expect(snapshot()).toEqual(before);
  });

  it('refuses two new files with the same id, naming both, and writes nothing', () => {
    const path = folder('twins', { 'a.txt': article('twin-1', 'First twin.'), 'b.txt': article('twin-1', 'Second twin.') });
    const before = snapshot();
    expect(() => ingestPaths(ctx, [path])).toThrow(new UserError(
      `${join(path, 'b.txt')} and ${join(path, 'a.txt')} both have the id "twin-1"; nothing was ingested.`,
    ));
    expect(snapshot()).toEqual(before);
  });

  it('refuses a new file that has the id of an unchanged file in the same run', () => {
    const path = folder('impostor', { 'copy.txt': article('gvs-2018', 'An impostor paragraph that replaces the real article.') });
    const before = snapshot();
    expect(() => ingestPaths(ctx, [articles, path])).toThrow(UserError);
    expect(snapshot()).toEqual(before);
  });

  it('names a path that does not exist', () => {
    const missing = join(dir, 'missing');
    expect(() => ingestPaths(ctx, [missing])).toThrow(new UserError(`${missing} does not exist; nothing was ingested.`));
  });

  it('names a folder with no articles in it', () => {
    const path = folder('empty', { 'notes.json': '{}' });
    expect(() => ingestPaths(ctx, [path])).toThrow(new UserError(`No .txt or .md articles found in ${path}.`));
  });
});

describe('ingestPaths on worker threads', () => {
  /** The shipped articles three times over under new ids, and four short ones: enough files for every worker. */
  function copies(): string {
    const path = folder('copies', GOOD);
    for (const id of IDS) {
      const text = readFileSync(join(SHIPPED, `${id}.txt`), 'utf8');
      for (const copy of [1, 2, 3]) writeFileSync(join(path, `${id}-${copy}.txt`), text.replace(`id: ${id}`, `id: ${id}-copy-${copy}`));
    }
    return path;
  }
  const rows = () => {
    const { sources, ...rest } = snapshot();
    return { ...rest, sources: (sources as { ingested_at: string }[]).map(({ ingested_at: _, ...source }) => source) };
  };

  it('writes exactly what one thread writes, in the same order, with the same report', () => {
    expect(canAnalyzeOnWorkers()).toBe(true);
    const path = copies();
    const one = ingestPaths(ctx, [path], undefined, 1);
    const written = rows();
    ctx.close();
    ctx = createContext(loadConfig({ DATABASE_PATH: join(dir, 'threads.db'), ARTICLES_DIR: articles }), { log: createLogger({ debug: false, quiet: true }) });
    expect(ingestPaths(ctx, [path], undefined, 3)).toEqual(one);
    expect(one.added).toHaveLength(19);
    expect(rows()).toEqual(written);
  });

  it('ingests none of the files when one in the middle is not an article, naming it', () => {
    const path = copies();
    writeFileSync(join(path, 'gvs-2018-2.txt'), '---\nid: bad-1\ntitle: Bad\nNo closing line.');
    const before = snapshot();
    expect(() => ingestPaths(ctx, [path], undefined, 2)).toThrow(new UserError(
      `front matter in ${join(path, 'gvs-2018-2.txt')} has no closing "---" line; nothing was ingested.`,
    ));
    expect(snapshot()).toEqual(before);
  });

  it('refuses two files with the same id, naming both, and writes nothing', () => {
    const path = copies();
    writeFileSync(join(path, 'twin.txt'), article('new-a', 'A twin of a.txt.'));
    const before = snapshot();
    expect(() => ingestPaths(ctx, [path], undefined, 2)).toThrow(new UserError(
      `${join(path, 'twin.txt')} and ${join(path, 'a.txt')} both have the id "new-a"; nothing was ingested.`,
    ));
    expect(snapshot()).toEqual(before);
  });

  it('names the first bad file in file order, as one thread does, though workers read ahead', () => {
    const path = folder('ahead', {});
    const name = (i: number) => `f${String(i).padStart(2, '0')}.txt`;
    for (let i = 0; i < 40; i++) writeFileSync(join(path, name(i)), article(`ahead-${i}`, `Paragraph ${i} of the run ahead.`));
    writeFileSync(join(path, name(1)), '---\nid: bad-1\ntitle: Bad\nNo closing line.');
    // After the first article is written, a file the workers have not been sent yet changes.
    const change = (done: number) => done === 1 && writeFileSync(join(path, name(17)), article('ahead-17', 'Changed.'));
    const expected = new UserError(`front matter in ${join(path, name(1))} has no closing "---" line; nothing was ingested.`);
    expect(() => ingestPaths(ctx, [path], change, 2)).toThrow(expected);
    writeFileSync(join(path, name(17)), article('ahead-17', 'Paragraph 17 of the run ahead.'));
    expect(() => ingestPaths(ctx, [path], change, 1)).toThrow(expected);
  });
});
