import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/db.js';

// `npm test` builds first; run `npm run build` before calling vitest on this file directly.
const CLI = fileURLToPath(new URL('../dist/src/cli.js', import.meta.url));
const KILLS = 25;
/** Articles in the new state: enough that parsing and writing them take about a second. */
const NEW_ARTICLES = 100;

let dir: string;
let oldState: string;
let newState: string;
let fullRunMs: number;

/** A seeded generator of article files, so every run of the test ingests the same library. */
function writeArticles(folder: string, count: number, version: string): void {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const word = () => Array.from({ length: 4 + Math.floor(random() * 6) }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  const sentence = () => Array.from({ length: 8 + Math.floor(random() * 10) }, word).join(' ').replace(/^./, (c) => c.toUpperCase()) + '.';
  mkdirSync(folder);
  for (let i = 0; i < count; i++) {
    const paragraphs = Array.from({ length: 15 }, () => Array.from({ length: 4 }, sentence).join(' '));
    writeFileSync(join(folder, `gen-${i}.md`), `---\nid: gen-${i}\ntitle: Generated article ${i}, version ${version}\ndate: 2020\n---\n${paragraphs.join('\n\n')}\n`);
  }
}

/** Starts `research-bot ingest <folder>` on a library; resolves with how it ended. */
function startIngest(databasePath: string, folder: string) {
  // Two worker threads, whatever the machine: kills must also land while workers analyse.
  const child = spawn(process.execPath, [CLI, 'ingest', '--threads', '2', folder], { env: { PATH: process.env.PATH, DATABASE_PATH: databasePath }, stdio: 'ignore' });
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, ended };
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

const walBytes = (databasePath: string) => (existsSync(`${databasePath}-wal`) ? statSync(`${databasePath}-wal`).size : 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-crash-'));
  writeArticles(join(dir, 'old'), 20, 'a');
  writeArticles(join(dir, 'new'), NEW_ARTICLES, 'b');
  // The old state: the shipped articles (first start) and 20 generated ones.
  const template = join(dir, 'template.db');
  expect((await startIngest(template, join(dir, 'old')).ended).code).toBe(0);
  oldState = checkAndDigest(template);
  // The new state: the same 20 changed, 130 more.
  const full = join(dir, 'full.db');
  copyFileSync(template, full);
  const started = performance.now();
  expect((await startIngest(full, join(dir, 'new')).ended).code).toBe(0);
  fullRunMs = performance.now() - started;
  newState = checkAndDigest(full);
  expect(newState).not.toBe(oldState);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Outcome = 'finished' | 'killed before writing' | 'killed mid-transaction' | 'killed after the commit';

/**
 * Ingests the new state into a copy of the old one and SIGKILLs it: after a random delay over the
 * whole run, or (`atWrite`) a few milliseconds after the write transaction starts filling the WAL,
 * so kills land inside the transaction too.
 */
async function killOnce(run: number, atWrite: boolean, maxDelayAfterWriteMs = 8): Promise<Outcome> {
  const databasePath = join(dir, `run-${run}.db`);
  copyFileSync(join(dir, 'template.db'), databasePath);
  const { child, ended } = startIngest(databasePath, join(dir, 'new'));
  let finished = false;
  void ended.then(() => (finished = true));
  if (atWrite) {
    while (!finished && walBytes(databasePath) === 0) await sleep(1);
    if (maxDelayAfterWriteMs > 0) await sleep(Math.random() * maxDelayAfterWriteMs);
  } else {
    await sleep(Math.random() * fullRunMs * 1.1);
  }
  child.kill('SIGKILL');
  const { signal } = await ended;
  const wal = walBytes(databasePath);
  const state = checkAndDigest(databasePath);
  expect([oldState, newState], `run ${run}: the library holds a mix of the old and new states`).toContain(state);
  if (signal !== 'SIGKILL') return 'finished';
  if (state === newState) return 'killed after the commit';
  return wal > 0 ? 'killed mid-transaction' : 'killed before writing';
}

describe('research-bot ingest, killed with SIGKILL at random points', () => {
  it(`leaves a library that opens, passes integrity_check and holds exactly the old or the new state (${KILLS} kills or more)`, async () => {
    const outcomes: Outcome[] = [];
    // Two at a time: the test machine may have two cores.
    for (let run = 0; run < KILLS; run += 2) {
      const batch = [run, run + 1].filter((r) => r < KILLS).map((r) => killOnce(r, r % 2 === 1));
      outcomes.push(...(await Promise.all(batch)));
    }
    // Under a loaded machine the writes may be seen late; kill at once on seeing them until one kill lands inside.
    for (let extra = 0; extra < 10 && !outcomes.includes('killed mid-transaction'); extra++) outcomes.push(await killOnce(KILLS + extra, true, 0));
    const counts = Object.fromEntries([...new Set(outcomes)].map((o) => [o, outcomes.filter((x) => x === o).length]));
    console.log(`crash safety: a full ingest of ${NEW_ARTICLES} articles took ${Math.round(fullRunMs)} ms; ${outcomes.length} runs:`, counts);
    expect(outcomes.filter((o) => o === 'killed before writing' || o === 'killed mid-transaction').length).toBeGreaterThan(0);
    expect(outcomes).toContain('killed mid-transaction');
    expect(outcomes).toContain('killed after the commit');
  }, 120_000);
});
