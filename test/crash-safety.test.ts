import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';

// `npm test` builds first; run `npm run build` before calling vitest on this file directly.
const CLI = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
const KILLS = 25;
/** Articles in the new state: enough that a kill after one of them lands well before the commit. */
const NEW_ARTICLES = 100;

let dir: string;
let oldState: string;
let newState: string;

/** A seeded generator of article files, so every run of the test ingests the same library. */
function writeArticles(folder: string, count: number, version: string): void {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const word = () => Array.from({ length: 4 + Math.floor(random() * 6) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  const sentence = () => Array.from({ length: 8 + Math.floor(random() * 10) }, word).join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < count; i++) {
    const paragraphs = Array.from({ length: 15 }, () => Array.from({ length: 4 }, sentence).join(' '));
    writeFileSync(join(folder, `gen-${i}.md`), `---\nid: gen-${i}\ntitle: Generated article ${i}, version ${version}\ndate: 2020\n---\n${paragraphs.join('\n\n')}\n`);
  }
}

/**
 * Starts `research-bot ingest --progress <folder>` on a library; `written` resolves when the ingest
 * reports its `count`-th file written (inside its one transaction), `ended` with how it ended.
 */
function startIngest(databasePath: string, folder: string) {
  // Two worker threads, whatever the machine: kills must also land while workers analyse.
  const child = spawn(process.execPath, [CLI, 'ingest', '--progress', '--threads', '2', folder], { env: { PATH: process.env.PATH, DATABASE_PATH: databasePath }, stdio: ['ignore', 'ignore', 'pipe'] });
  let lines = 0;
  const waiting: { count: number; resolve: () => void }[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    lines += chunk.split('\n').filter((line) => line.startsWith('ingesting ')).length;
    for (const w of waiting.filter((w) => lines >= w.count)) w.resolve();
  });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const written = (count: number) => new Promise<boolean>((resolve) => {
    waiting.push({ count, resolve: () => resolve(true) });
    void ended.then(() => resolve(false));
  });
  return { child, ended, written };
}

/**
 * Opens the library the way the app does (recovering the WAL), checks SQLite's integrity and the
 * foreign keys, and returns a digest of every source and paragraph (all but the ingestion time).
 */
function checkAndDigest(databasePath: string): string {
  const db = openDatabase(databasePath);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const sources = db.prepare('SELECT id, title, author, publisher, published, date_note, url, file, content_hash, warnings, dropped FROM sources ORDER BY id').raw().all();
    const paragraphs = db.prepare('SELECT id, source_id, n, text, body, repeat_of FROM paragraphs ORDER BY id').raw().all();
    return createHash('sha256').update(JSON.stringify([sources, paragraphs])).digest('hex');
  } finally {
    db.close();
  }
}


beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-crash-'));
  // The old state: 20 generated articles. The new state: the same 20 files changed, 80 more.
  writeArticles(join(dir, 'articles'), 20, 'a');
  const template = join(dir, 'template.db');
  expect((await startIngest(template, join(dir, 'articles')).ended).code).toBe(0);
  oldState = checkAndDigest(template);
  writeArticles(join(dir, 'articles'), NEW_ARTICLES, 'b');
  const full = join(dir, 'full.db');
  copyFileSync(template, full);
  expect((await startIngest(full, join(dir, 'articles')).ended).code).toBe(0);
  newState = checkAndDigest(full);
  expect(newState).not.toBe(oldState);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Outcome = 'finished' | 'killed before writing' | 'killed mid-transaction' | 'killed after the commit';

/**
 * Ingests the new state into a copy of the old one and SIGKILLs it at a point taken from its own
 * progress, never from the clock: as soon as it starts (`0`: before it writes), or once it reports
 * its `afterFile`-th file written (inside the transaction: the files after it are still to come).
 */
async function killOnce(run: number, afterFile: number): Promise<Outcome> {
  const databasePath = join(dir, `run-${run}.db`);
  copyFileSync(join(dir, 'template.db'), databasePath);
  const { child, ended, written } = startIngest(databasePath, join(dir, 'articles'));
  const reached = afterFile === 0 || (await written(afterFile));
  child.kill('SIGKILL');
  const { signal } = await ended;
  const state = checkAndDigest(databasePath);
  expect([oldState, newState], `run ${run}: the library holds a mix of the old and new states`).toContain(state);
  if (signal !== 'SIGKILL') return 'finished';
  if (state === newState) return 'killed after the commit';
  return reached && afterFile > 0 ? 'killed mid-transaction' : 'killed before writing';
}

describe('research-bot ingest, killed with SIGKILL at points taken from its progress', () => {
  it(`leaves a library that opens, passes integrity_check and holds exactly the old or the new state (${KILLS} kills)`, async () => {
    const outcomes: Outcome[] = [];
    // Two at a time: the test machine may have two cores. Every fifth kill lands at the start; the
    // others after a file from the first to the last, so some land near the commit.
    for (let run = 0; run < KILLS; run += 2) {
      const points = [run, run + 1].filter((r) => r < KILLS).map((r) => (r % 5 === 0 ? 0 : 1 + Math.floor(((r * 37) % KILLS) / KILLS * NEW_ARTICLES)));
      outcomes.push(...(await Promise.all(points.map((point, i) => killOnce(run + i, point)))));
    }
    const counts = Object.fromEntries([...new Set(outcomes)].map((o) => [o, outcomes.filter((x) => x === o).length]));
    console.log(`crash safety: ${outcomes.length} kills of an ingest of ${NEW_ARTICLES} articles:`, counts);
    expect(outcomes).toContain('killed before writing');
    expect(outcomes).toContain('killed mid-transaction');
  }, 600_000);
});
