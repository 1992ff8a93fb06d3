import Database from 'better-sqlite3';
import { spawn, spawnSync, type SpawnOptions } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm test` builds first; run `npm run build` before calling vitest on this file directly.
const DIST = fileURLToPath(new URL('../dist/src/', import.meta.url));
const ARTICLES = fileURLToPath(new URL('../data/articles', import.meta.url));
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.startup.token-for-tests';
/** Owner of the read-only library when the tests run as root, who may write anything. */
const NOBODY = 65534;

/** True when the user "nobody" can read the built app (false when the checkout sits in a root-only folder). */
function nobodyCanRun(): boolean {
  const probe = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(join(DIST, 'cli/main.js'))})`], { uid: NOBODY, gid: NOBODY });
  return probe.status === 0;
}

/** Every way the app starts: the CLI (ask, ingest), the local prompt, the bot. */
const ENTRY_POINTS: { name: string; script: string; args: string[]; env?: Record<string, string> }[] = [
  { name: 'research-bot ask', script: 'cli/main.js', args: ['ask', 'Shoigu'] },
  { name: 'research-bot ingest', script: 'cli/main.js', args: ['ingest', ARTICLES] },
  { name: 'npm start (local prompt)', script: 'index.js', args: [] },
  { name: 'npm start (bot)', script: 'index.js', args: [], env: { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: 'http://127.0.0.1:9/api' } },
];

/** The CLI and the bot; the local prompt and ingest open the library the same way as the CLI's ask. */
const MAIN_ENTRY_POINTS = [ENTRY_POINTS[0]!, ENTRY_POINTS[3]!];

let dir: string;
let library: string;

/** Runs an entry point on `databasePath`; resolves with its exit code and what it printed. */
function start(entry: (typeof ENTRY_POINTS)[number], databasePath: string, options: SpawnOptions = {}) {
  const child = spawn(process.execPath, [join(DIST, entry.script), ...entry.args], {
    cwd: dir, env: { PATH: process.env.PATH, DATABASE_PATH: databasePath, ...entry.env }, stdio: ['ignore', 'pipe', 'pipe'], ...options,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

/** Runs every entry point on the file and checks each says `sentence` alone and exits 1, leaving the bytes as they were. */
async function expectRefusal(databasePath: string, sentence: RegExp, options: SpawnOptions = {}, entries = MAIN_ENTRY_POINTS): Promise<void> {
  const isFile = existsSync(databasePath) && statSync(databasePath).isFile();
  const before = isFile ? readFileSync(databasePath) : undefined;
  const results = await Promise.all(entries.map((entry) => start(entry, databasePath, options)));
  for (const [i, { code, stdout, stderr }] of results.entries()) {
    const { name } = entries[i]!;
    expect(stderr, name).toMatch(sentence);
    expect(stderr.trimEnd().split('\n'), `${name}: one sentence`).toHaveLength(1);
    expect(stdout, name).toBe('');
    expect(code, name).toBe(1);
  }
  if (before) expect(readFileSync(databasePath).equals(before), 'the file is unchanged').toBe(true);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-startup-'));
  library = join(dir, 'library.db');
  expect((await start(ENTRY_POINTS[1]!, library)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Concurrent: the two lock tests each wait out the 5-second busy timeout.
describe.concurrent('start-up with a database it cannot use', () => {
  it('names a missing folder and creates nothing', async () => {
    await expectRefusal(join(dir, 'no-such-folder', 'library.db'), /^The folder for the database \(.*no-such-folder\) does not exist; create it or set DATABASE_PATH\.$/m, {}, ENTRY_POINTS);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('names a path that is a folder', async () => {
    mkdirSync(join(dir, 'a-folder.db'));
    await expectRefusal(join(dir, 'a-folder.db'), /^The database path .*a-folder\.db is a folder; set DATABASE_PATH to a file\.$/m);
  });

  it.each([
    ['random bytes', () => Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 251))],
    ['a text file', () => Buffer.from('My thesis notes, not a database.\n')],
    ['a library cut short', () => readFileSync(library).subarray(0, 40_000)],
    ['a library with pages overwritten', () => {
      const bytes = Buffer.from(readFileSync(library));
      bytes.fill(0xff, 4096 * 3, 4096 * 7);
      return bytes;
    }],
  ])('refuses %s as corrupt and leaves it untouched', async (name, bytes) => {
    const path = join(dir, `corrupt-${name.replaceAll(' ', '-')}.db`);
    writeFileSync(path, bytes());
    await expectRefusal(path, /^The database .* is not a readable SQLite file \(corrupt or another kind of file\); it was left untouched: move it aside or set DATABASE_PATH\.$/m, {}, name === 'random bytes' ? ENTRY_POINTS : MAIN_ENTRY_POINTS);
  });

  it("refuses another application's SQLite database and leaves it untouched", async () => {
    const path = join(dir, 'notes.db');
    const other = new Database(path);
    other.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('precious')");
    other.close();
    await expectRefusal(path, /^The database .*notes\.db belongs to another application \(it has tables but no schema_migrations\); it was left untouched: set DATABASE_PATH to a new file\.$/m);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a read-only library with one sentence', async (test) => {
    // Root writes to read-only files regardless, so as root the apps run as "nobody", who may not.
    const asRoot = process.getuid?.() === 0;
    if (asRoot && !nobodyCanRun()) {
      // A checkout inside a folder only root may enter (mktemp -d makes those): nobody cannot start the app.
      console.warn(`skipped: the user "nobody" cannot read ${DIST}, so a read-only library cannot be shown as root here`);
      return test.skip();
    }
    const folder = join(dir, 'read-only');
    mkdirSync(folder);
    const path = join(folder, 'library.db');
    copyFileSync(library, path);
    chmodSync(path, 0o444);
    if (asRoot) {
      chmodSync(dir, 0o755);
      chownSync(folder, NOBODY, NOBODY);
      chownSync(path, NOBODY, NOBODY);
    }
    await expectRefusal(path, /^The database .*library\.db is read-only for this user; allow writing to it, or set DATABASE_PATH\.$/m, asRoot ? { uid: NOBODY, gid: NOBODY } : {}, ENTRY_POINTS);
  });

  it('waits for a lock held by another process, then says it is locked; the file is untouched', async () => {
    // A library in rollback-journal mode under an exclusive lock: not even reading is possible.
    const path = join(dir, 'locked.db');
    copyFileSync(library, path);
    const holder = new Database(path);
    holder.pragma('journal_mode = DELETE');
    const before = readFileSync(path);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const started = performance.now();
      const results = await Promise.all(ENTRY_POINTS.map((entry) => start(entry, path)));
      expect(performance.now() - started).toBeGreaterThan(4_500);
      for (const [i, { code, stdout, stderr }] of results.entries()) {
        expect(stderr, ENTRY_POINTS[i]!.name).toMatch(/^The database .*locked\.db is locked by another process; stop it or try again\.\n$/);
        expect(stdout).toBe('');
        expect(code).toBe(1);
      }
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('answers while another process writes (WAL), and refuses to ingest until it is done', async () => {
    const path = join(dir, 'busy.db');
    copyFileSync(library, path);
    const article = join(dir, 'new-article.md');
    writeFileSync(article, '---\nid: new-2024\ntitle: A new article\n---\nRussia and Pakistan held talks on wheat.\n');
    const writer = new Database(path);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const [ask, ingest] = await Promise.all([start(ENTRY_POINTS[0]!, path), start({ name: 'ingest', script: 'cli/main.js', args: ['ingest', article] }, path)]);
      expect(ask.code).toBe(0);
      expect(ask.stdout).toMatch(/^Answer: /);
      expect(ingest.stderr).toMatch(/^The database .*busy\.db is locked by another process; stop it or try again\.\n$/);
      expect(ingest.code).toBe(1);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });
});
