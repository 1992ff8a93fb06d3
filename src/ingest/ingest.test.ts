import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../app/config.js';
import type { AppContext } from '../app/context.js';
import { openAtStart } from './prepare.js';
import { analyzeQuestion } from '../core/search/ask.js';
import { UserError } from '../core/errors.js';
import { canAnalyzeOnWorkers } from './analyze-pool.js';
import { ingestPaths, type IngestReport } from './ingest.js';
import { displayPath } from '../store/paths.js';
import { createLogger } from '../app/log.js';

const SHIPPED = fileURLToPath(new URL('../../data/articles', import.meta.url));
const IDS = ['aslam-2019', 'berger-2019', 'gvs-2018', 'kharakov-2014', 'observer-2021'];

let dir: string;
let articles: string;
let ctx: AppContext;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-ingest-'));
  articles = join(dir, 'articles');
  cpSync(SHIPPED, articles, { recursive: true });
  ctx = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: articles }), { log: createLogger({ debug: false, quiet: true }) });
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
  return ctx.sources.getParagraphsById(hits.map((h) => h.id)).map((p) => `${p.sourceId} ¶${p.n}`);
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

/** A report with nothing in it but what `parts` says. */
const reportOf = (parts: Partial<IngestReport>): IngestReport => ({ added: [], updated: [], unchanged: [], refused: [], files: [], warnings: [], paragraphs: 0, events: 0, ...parts });
const shown = (path: string) => displayPath(path);

describe('ingestPaths', () => {
  it('adds new files, reporting each id and what was guessed for plain text', async () => {
    const plain = 'Zeppelins over Karachi\n\nBy Jane Smith\n\nA zeppelin landed in Karachi on Monday and left again.\n';
    const path = folder('new', { 'a.txt': GOOD['a.txt'], 'plain.txt': plain, 'notes.json': '{}' });
    expect(await ingestPaths(ctx, [path])).toEqual(reportOf({
      added: ['new-a', 'smith'], paragraphs: 2, events: 1,
      files: [{ file: shown(join(path, 'a.txt')), id: 'new-a', status: 'added' }, { file: shown(join(path, 'plain.txt')), id: 'smith', status: 'added' }],
      warnings: [{ file: shown(join(path, 'plain.txt')), warnings: [
        'id guessed from the author or title and the year: "smith"',
        'title guessed from the first line: "Zeppelins over Karachi"',
        'author guessed from a "By" line: "Jane Smith"',
      ] }],
    }));
    expect(cites('zeppelin').sort()).toEqual(['new-a ¶1', 'smith ¶1']);
  });

  it('changes nothing on a second run over the same files', async () => {
    const before = snapshot();
    expect(await ingestPaths(ctx, [articles])).toEqual(reportOf({
      unchanged: IDS, files: IDS.map((id) => ({ file: shown(join(articles, `${id}.txt`)), id, status: 'unchanged' })),
    }));
    expect(snapshot()).toEqual(before);
  });

  it.each<[string, string | Buffer, (file: string) => string]>([
    ['unclosed front matter', '---\nid: bad-1\ntitle: Bad\nNo closing line.', (f) => `front matter in ${f} has no closing "---" line.`],
    ['NUL bytes', article('bad-1', 'Text with a \u0000 in it.'), (f) => `${f} is a binary file, not text.`],
    ['bytes that are not UTF-8', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xff, 0xfe, 0x0a]), (f) => `${f} is not UTF-8 text.`],
    ['nothing but boilerplate', article('bad-1', 'Leave a Reply\n\nSimilar Posts'), (f) => `${f} has no article text after removing boilerplate.`],
    ['no bytes at all', '', (f) => `${f} is empty: it has no text.`],
    ['only blank lines', '\n \n\t\n', (f) => `${f} is empty: it has no text.`],
  ])('ingests the good files of a folder whose last file has %s, naming that file and why', async (_name, bad, message) => {
    const path = folder('batch', { ...GOOD, 'e-bad.txt': bad });
    const report = await ingestPaths(ctx, [path]);
    expect(report.added).toEqual(['new-a', 'new-b', 'new-c', 'new-d']);
    expect(report.refused).toEqual([{ file: shown(join(path, 'e-bad.txt')), reason: message(shown(join(path, 'e-bad.txt'))) }]);
    expect(cites('zeppelin').sort()).toEqual(['new-a ¶1', 'new-b ¶1', 'new-c ¶1', 'new-d ¶1']);
  });

  it('names every bad file of a folder with good, empty and binary files, and takes the good ones', async () => {
    const path = folder('mixed', { 'a.txt': GOOD['a.txt'], 'b-empty.txt': '', 'c-binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'd.txt': GOOD['d.txt'], 'e-latin1.txt': Buffer.from('caf\xe9\n', 'latin1') });
    const report = await ingestPaths(ctx, [path]);
    expect(report.added).toEqual(['new-a', 'new-d']);
    expect(report.refused).toEqual([
      { file: shown(join(path, 'b-empty.txt')), reason: `${shown(join(path, 'b-empty.txt'))} is empty: it has no text.` },
      { file: shown(join(path, 'c-binary.md')), reason: `${shown(join(path, 'c-binary.md'))} is a binary file, not text.` },
      { file: shown(join(path, 'e-latin1.txt')), reason: `${shown(join(path, 'e-latin1.txt'))} is not UTF-8 text.` },
    ]);
  });

  it('takes valid UTF-8 that holds U+FFFD as text', async () => {
    const path = folder('replacement', { 'a.txt': article('odd-chars', 'A zeppelin \uFFFD landed in Karachi.') });
    expect((await ingestPaths(ctx, [path])).added).toEqual(['odd-chars']);
  });

  it('keeps citations stable when a changed file is ingested again, and searches the new text only', async () => {
    const file = join(articles, 'gvs-2018.txt');
    const old = ctx.sources.getParagraphsOf('gvs-2018');
    expect(cites('contributory')).toContain('gvs-2018 ¶5');
    writeFileSync(file, readFileSync(file, 'utf8').replace('are the contributory factors', 'are the zeppelin factors'));
    const report = await ingestPaths(ctx, [articles]);
    expect({ ...report, files: [] }).toEqual(reportOf({ updated: ['gvs-2018'], unchanged: IDS.filter((id) => id !== 'gvs-2018'), paragraphs: 12, events: 8 }));
    const now = ctx.sources.getParagraphsOf('gvs-2018');
    expect(now.map(({ n, text, body }) => ({ n, text, body }))).toEqual(old.map(({ n, text, body }) =>
      n === 5 ? { n, text: text.replace('contributory', 'zeppelin'), body: body.replace('contributory', 'zeppelin') } : { n, text, body }));
    expect(cites('zeppelin')).toEqual(['gvs-2018 ¶5']);
    expect(cites('contributory')).not.toContain('gvs-2018 ¶5');
    expect(ctx.search.size()).toBe(ctx.db.prepare("SELECT count(*) FROM paragraphs WHERE body <> ''").pluck().get());
  });

  it('keeps a guessed id when an edit changes the guess, and says so instead of naming the new guess', async () => {
    const path = folder('guess', { 'plain.txt': 'Zeppelins over Karachi\n\nBy Jane Smith\n\nA zeppelin landed in Karachi on Monday.\n' });
    expect((await ingestPaths(ctx, [path])).added).toEqual(['smith']);
    writeFileSync(join(path, 'plain.txt'), 'Zeppelins over Karachi\n\nBy Jane Doe\n\nA zeppelin landed in Karachi on Monday.\n');
    const report = await ingestPaths(ctx, [path]);
    expect(report.updated).toEqual(['smith']);
    expect(report.warnings[0]!.warnings).toContain('id kept from before: "smith" (guessed today it would be "doe")');
    expect(report.warnings[0]!.warnings.join('\n')).not.toContain('id guessed');
  });

  it('refuses a file that changes between its first reading and its turn, naming it, and takes the others', async () => {
    const path = folder('moving', GOOD);
    const change = () => writeFileSync(join(path, 'd.txt'), article('new-d', 'A different zeppelin.'));
    const report = await ingestPaths(ctx, [path], (done) => done === 1 && change(), 1);
    expect(report.added).toEqual(['new-a', 'new-b', 'new-c']);
    expect(report.refused).toEqual([{ file: shown(join(path, 'd.txt')), reason: `${shown(join(path, 'd.txt'))} changed or was removed while it was being ingested; ingest it again.` }]);
  });

  it('refuses a file removed before its turn, naming it, and takes the others', async () => {
    const path = folder('vanishing', GOOD);
    const report = await ingestPaths(ctx, [path], (done) => done === 1 && rmSync(join(path, 'c.md')), 1);
    expect(report.added).toEqual(['new-a', 'new-b', 'new-d']);
    expect(report.refused.map((r) => r.reason)).toEqual([`${shown(join(path, 'c.md'))} changed or was removed while it was being ingested; ingest it again.`]);
  });

  it('refuses the second of two new files with the same front-matter id, naming both, and takes the first', async () => {
    const path = folder('twins', { 'a.txt': article('twin-1', 'First twin.'), 'b.txt': article('twin-1', 'Second twin.'), 'c.txt': GOOD['c.md'] });
    const report = await ingestPaths(ctx, [path]);
    expect(report.added).toEqual(['twin-1', 'new-c']);
    expect(report.refused).toEqual([{ file: shown(join(path, 'b.txt')), reason: `${shown(join(path, 'b.txt'))} has the id "twin-1", which ${shown(join(path, 'a.txt'))} already has; it was not ingested (give it another id in its front matter).` }]);
    expect(ctx.sources.getParagraph('twin-1', 1)?.text).toBe('First twin.');
  });

  it('refuses a new file whose front-matter id another file\'s source has, leaving that source as it was', async () => {
    const path = folder('impostor', { 'copy.txt': article('gvs-2018', 'An impostor paragraph that replaces the real article.') });
    const before = snapshot();
    const report = await ingestPaths(ctx, [articles, path]);
    expect(report.refused).toEqual([{ file: shown(join(path, 'copy.txt')), reason: `${shown(join(path, 'copy.txt'))} has the id "gvs-2018", which ${shown(join(articles, 'gvs-2018.txt'))} already has; it was not ingested (give it another id in its front matter).` }]);
    expect(snapshot()).toEqual(before);
  });

  it('gives a plain-text article whose guessed id is taken the next letter, leaving the first and its citations alone', async () => {
    const berger = (title: string) => `${title}\n\nBy Martin Berger\n\nJune 5, 2019\n\nA zeppelin visited Moscow and Islamabad in the spring.\n`;
    const paragraph9 = ctx.sources.getParagraph('berger-2019', 9);
    const first = await ingestPaths(ctx, [folder('run-1', { 'berger-new.txt': berger('A new article') })]);
    expect(first.added).toEqual(['berger-2019b']);
    expect(first.warnings[0]!.warnings).toContain('id "berger-2019" is another source\'s, so this one is "berger-2019b"');
    // Two articles by one author in one year in one run, and two titled "Editorial": c, d, e.
    const second = await ingestPaths(ctx, [folder('run-2', { 'one.txt': berger('Another one'), 'two.txt': berger('Editorial'), 'three.txt': berger('Editorial') })]);
    expect(second.added).toEqual(['berger-2019c', 'berger-2019d', 'berger-2019e']);
    expect(second.refused).toEqual([]);
    expect(ctx.sources.getParagraph('berger-2019', 9)).toEqual(paragraph9);
    expect(ctx.sources.getSource('berger-2019')?.paragraphCount).toBe(17);
    // Each file keeps its own source when it is read again.
    writeFileSync(join(dir, 'run-1', 'berger-new.txt'), berger('A new article, corrected'));
    expect((await ingestPaths(ctx, [join(dir, 'run-1')])).updated).toEqual(['berger-2019b']);
    expect(ctx.sources.getSource('berger-2019b')?.title).toBe('A new article, corrected');
  });

  it('names a path that does not exist, and takes the paths that do', async () => {
    const missing = join(dir, 'missing');
    const report = await ingestPaths(ctx, [missing, folder('there', { 'a.txt': GOOD['a.txt'] })]);
    expect(report.added).toEqual(['new-a']);
    expect(report.refused).toEqual([{ file: shown(missing), reason: `${shown(missing)} does not exist.` }]);
  });

  it('names a folder with no articles in it', async () => {
    const path = folder('empty', { 'notes.json': '{}' });
    await expect(ingestPaths(ctx, [path])).rejects.toThrow(new UserError(`No articles (.txt, .md, .html, .htm, .pdf, .docx) found in ${shown(path)}.`));
  });

  it('takes a saved web page in a folder as its article, and names files that are not what their extension says', async () => {
    const page = `<!DOCTYPE html><html><head><title>Zeppelins | Daily Test</title><meta property="og:title" content="Zeppelins over Karachi">
      <meta name="author" content="Jane Smith"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><h1>Zeppelins over Karachi</h1><p>A zeppelin landed in Karachi on Monday, the first airship to visit the city since 1937.</p>
      <p>Thousands of people gathered at the old airfield to watch it come down slowly over the harbour.</p></article>
      <footer>© Daily Test</footer><script>track()</script></body></html>`;
    const path = folder('pages', { 'a-page.html': page, 'b-fake.pdf': page, 'c-old.doc': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'd.txt': GOOD['d.txt'] });
    const report = await ingestPaths(ctx, [path]);
    expect(report.added).toEqual(['smith', 'new-d']);
    expect(report.refused).toEqual([
      { file: shown(join(path, 'b-fake.pdf')), reason: `${shown(join(path, 'b-fake.pdf'))} is not a PDF: it is a web page (HTML).` },
      { file: shown(join(path, 'c-old.doc')), reason: `${shown(join(path, 'c-old.doc'))} is an old Word or Office document (.doc): save it as .docx or PDF.` },
    ]);
    expect(ctx.sources.getParagraphsOf('smith').map((p) => p.text)).toEqual([
      'A zeppelin landed in Karachi on Monday, the first airship to visit the city since 1937.',
      'Thousands of people gathered at the old airfield to watch it come down slowly over the harbour.',
    ]);
    expect(ctx.sources.getSource('smith')).toMatchObject({ title: 'Zeppelins over Karachi', author: 'Jane Smith' });
    expect(cites('zeppelin airfield')).toContain('smith ¶2');
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

  it('writes exactly what one thread writes, in the same order, with the same report', async () => {
    expect(canAnalyzeOnWorkers()).toBe(true);
    const path = copies();
    const one = await ingestPaths(ctx, [path], undefined, 1);
    const written = rows();
    ctx.close();
    ctx = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'threads.db'), ARTICLES_DIR: articles }), { log: createLogger({ debug: false, quiet: true }) });
    expect(await ingestPaths(ctx, [path], undefined, 3)).toEqual(one);
    expect(one.added).toHaveLength(19);
    expect(rows()).toEqual(written);
  });

  it('refuses a file in the middle that is not an article and one with a taken id, as one thread does', async () => {
    const path = copies();
    writeFileSync(join(path, 'gvs-2018-2.txt'), '---\nid: bad-1\ntitle: Bad\nNo closing line.');
    writeFileSync(join(path, 'twin.txt'), article('new-a', 'A twin of a.txt.'));
    const two = await ingestPaths(ctx, [path], undefined, 2);
    expect(two.refused.map((r) => r.reason)).toEqual([
      `front matter in ${shown(join(path, 'gvs-2018-2.txt'))} has no closing "---" line.`,
      `${shown(join(path, 'twin.txt'))} has the id "new-a", which ${shown(join(path, 'a.txt'))} already has; it was not ingested (give it another id in its front matter).`,
    ]);
    expect(two.added).toHaveLength(18);
    const written = rows();
    ctx.close();
    ctx = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'threads.db'), ARTICLES_DIR: articles }), { log: createLogger({ debug: false, quiet: true }) });
    expect(await ingestPaths(ctx, [path], undefined, 1)).toEqual(two);
    expect(rows()).toEqual(written);
  });

  it('refuses each bad file at its turn though workers read ahead, and a file changed before its turn', async () => {
    const path = folder('ahead', {});
    const name = (i: number) => `f${String(i).padStart(2, '0')}.txt`;
    for (let i = 0; i < 40; i++) writeFileSync(join(path, name(i)), article(`ahead-${i}`, `Paragraph ${i} of the run ahead.`));
    writeFileSync(join(path, name(1)), '---\nid: bad-1\ntitle: Bad\nNo closing line.');
    // After the first article is written, a file the workers have not been sent yet changes.
    const change = (done: number) => done === 1 && writeFileSync(join(path, name(37)), article('ahead-37', 'Changed.'));
    const report = await ingestPaths(ctx, [path], change, 2);
    expect(report.refused.map((r) => r.file)).toEqual([shown(join(path, name(1))), shown(join(path, name(37)))]);
    expect(report.added).toHaveLength(38);
  });
});
