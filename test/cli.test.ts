import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm test` builds before running vitest; run `npm run build` first when calling vitest directly.
const CLI = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));
const QUESTION = 'When did Russia lift its arms embargo on Pakistan?';
const SHIPPED = fileURLToPath(new URL('../data/articles', import.meta.url));

let dir: string;
let library: string;

/** Runs the built CLI in a scratch folder (no .env) with only PATH and DATABASE_PATH set. */
function cli(args: string[], options: { db?: string; input?: string } = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: options.db ?? library },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, errLines: run.stderr.split('\n').filter(Boolean) };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-cli-'));
  library = join(dir, 'library.db');
  expect(existsSync(CLI)).toBe(true);
  // The CLI reads the library as it is: the shipped articles go in by name.
  expect(cli(['ingest', SHIPPED]).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('research-bot ask', () => {
  it('prints the answer as one JSON object and nothing else with --json', () => {
    const { code, stdout } = cli(['ask', '--json', QUESTION]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result).sort()).toEqual(['answer', 'answered', 'coverage', 'level', 'missing', 'passages', 'query', 'tookMs']);
    expect(result.level).toBe('answer');
    expect(result.missing).toEqual([]);
    expect(result.query).toBe(QUESTION);
    expect(result.answered).toBe(true);
    expect(result.answer).toEqual({
      text: 'The relationships started to gain traction in 2014 – the year the United States began to withdraw NATO troops from Afghanistan. It was during that year that Russia lifted an arms embargo on Pakistan, paving the way for the two countries to sign a defence agreement.',
      citation: '[berger-2019 ¶9]', sourceId: 'berger-2019', paragraph: 9, page: null, phrase: { text: '2014', start: 46 },
    });
    expect(result.passages).toHaveLength(3);
    for (const passage of result.passages) {
      expect(passage).toMatchObject({
        sourceId: expect.any(String), paragraph: expect.any(Number), citation: `[${passage.sourceId} ¶${passage.paragraph}]`,
        page: null, text: expect.any(String), score: expect.any(Number),
      });
    }
    expect(typeof result.tookMs).toBe('number');
  });

  it('returns one passage with --limit 1', () => {
    const { code, stdout } = cli(['ask', '--json', '--limit', '1', QUESTION]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).passages.map((p: { citation: string }) => p.citation)).toEqual(['[berger-2019 ¶9]']);
  });

  it('answers each line of stdin with one JSON line with --batch', () => {
    const questions = [QUESTION, 'Shoygu', 'What is CPEC?'];
    const { code, stdout } = cli(['ask', '--batch'], { input: questions.join('\n') + '\n' });
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => JSON.parse(line).query)).toEqual(questions);
    expect(lines.map((line) => JSON.parse(line).passages[0].citation)).toEqual(['[berger-2019 ¶9]', '[kharakov-2014 ¶9]', '[observer-2021 ¶31]']);
  });

  it('answers a line that is not a question with an error object on its own line in --batch', () => {
    const { code, stdout } = cli(['ask', '--batch', '--limit', '1'], { input: 'what is it\nShoigu\n' });
    expect(code).toBe(0);
    const [first, second] = stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(Object.keys(first).sort()).toEqual(['error', 'query']);
    expect(second.passages).toHaveLength(1);
  });

  it('exits 1 with one sentence on stderr and nothing on stdout for an empty question', () => {
    const { code, stdout, errLines } = cli(['ask', '']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(errLines).toEqual(['The question is empty: type what you want to know.']);
  });

  it('prints only the error for an empty question even on a first start', () => {
    const { code, errLines } = cli(['ask', ''], { db: join(dir, 'first-start.db') });
    expect(code).toBe(1);
    expect(errLines).toEqual(['The question is empty: type what you want to know.']);
  });

  it('exits 2 with usage help on stderr for an unknown option', () => {
    const { code, stdout, errLines } = cli(['ask', '--bogus', QUESTION]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(errLines[0]).toBe('Unknown option "--bogus"; to ask a question that starts with "-", put -- before it.');
    expect(errLines.at(-1)).toBe('Run "research-bot help ask" for usage.');
  });

  it('exits 2 for an unknown command and for --limit out of range', () => {
    expect(cli(['frobnicate']).code).toBe(2);
    // The same bound and sentence as the local prompt and Discord: /ask's own option definition.
    expect(cli(['ask', '--limit', '11', QUESTION]).errLines[0]).toBe('limit: must be at most 10, not 11.');
  });

  it('creates the library where DATABASE_PATH says, holding exactly the folder ingested into it', () => {
    mkdirSync(join(dir, 'elsewhere'));
    mkdirSync(join(dir, 'mine'));
    writeFileSync(join(dir, 'mine', 'notes.txt'), '---\nid: my-notes\ntitle: My notes\n---\nA zeppelin landed in Karachi.\n');
    const path = join(dir, 'elsewhere', 'my-library.db');
    expect(cli(['ingest', join(dir, 'mine')], { db: path }).code).toBe(0);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT id FROM sources ORDER BY id').pluck().all()).toEqual(['my-notes']);
    db.close();
  });

  it('exits 1 with one sentence for a corrupt DATABASE_PATH and leaves the file unchanged', () => {
    const path = join(dir, 'corrupt.db');
    const bytes = randomBytes(8192);
    writeFileSync(path, bytes);
    const { code, stdout, errLines } = cli(['ask', '--json', QUESTION], { db: path });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(errLines).toEqual([
      `The database ${path} is not a readable SQLite file (corrupt or another kind of file); it was left untouched: move it aside or set DATABASE_PATH.`,
    ]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});

describe('research-bot ingest', () => {
  it('accepts --threads and reports the ingest as without it', () => {
    const folder = join(dir, 'threads');
    mkdirSync(folder);
    for (let i = 0; i < 6; i++) writeFileSync(join(folder, `t${i}.txt`), `---\nid: threads-${i}\ntitle: Threads ${i}\ndate: 2020\n---\nThe treaty was signed in 201${i}.\n\nA zeppelin landed.\n`);
    const { code, stdout } = cli(['ingest', '--threads', '3', '--json', folder]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      added: ['threads-0', 'threads-1', 'threads-2', 'threads-3', 'threads-4', 'threads-5'], updated: [], unchanged: [], refused: [], warnings: [], paragraphs: 12, events: 6,
      files: [0, 1, 2, 3, 4, 5].map((i) => ({ file: join('threads', `t${i}.txt`), id: `threads-${i}`, status: 'added' })),
    });
  });

  it('exits 2 with one sentence for --threads that is not a whole number from 1 to 64', () => {
    for (const threads of ['0', '65', 'many']) {
      const { code, errLines } = cli(['ingest', '--threads', threads, join(dir, 'threads')]);
      expect(code).toBe(2);
      expect(errLines[0]).toBe(`--threads must be a whole number from 1 to 64, not "${threads}".`);
    }
  });
});

describe('research-bot --server', () => {
  const SERVER = '100000000000000001';
  const OTHER = '100000000000000002';
  const READING = '---\nid: caravan-2021\ntitle: The caravan road\nauthor: Ana Ruiz\ndate: 2021-03\n---\nThe caravan reached Samarkand on 3 March 2021 after forty days.\n';
  let db: string;
  let folder: string;

  beforeAll(() => {
    db = join(dir, 'servers.db');
    folder = join(dir, 'server-reading');
    mkdirSync(folder);
    writeFileSync(join(folder, 'caravan.txt'), READING);
    expect(cli(['ingest', SHIPPED], { db }).code).toBe(0);
  });

  it("ingests into the server's own library, which that server sees beside the shared one and no other server or the shared library sees", () => {
    const ingested = cli(['ingest', '--server', SERVER, folder], { db });
    expect(ingested.code).toBe(0);
    expect(ingested.stdout).toBe(`Added 1, updated 0, unchanged 0, refused 0 (1 paragraphs, 1 dated events written).\n  added caravan-2021  ${join('server-reading', 'caravan.txt')}\n`);

    const listed = (server?: string) => JSON.parse(cli(['source', '--json', ...(server ? ['--server', server] : [])], { db }).stdout).sources.map((s: { id: string }) => s.id);
    expect(listed(SERVER)).toEqual(['kharakov-2014', 'gvs-2018', 'aslam-2019', 'berger-2019', 'caravan-2021', 'observer-2021']);
    expect(listed(OTHER)).toEqual(['kharakov-2014', 'gvs-2018', 'aslam-2019', 'berger-2019', 'observer-2021']);
    expect(listed()).toEqual(['kharakov-2014', 'gvs-2018', 'aslam-2019', 'berger-2019', 'observer-2021']);

    const asked = (server?: string) => JSON.parse(cli(['ask', '--json', ...(server ? ['--server', server] : []), 'caravan Samarkand forty days'], { db }).stdout);
    expect(asked(SERVER)).toMatchObject({ answered: true, answer: { citation: '[caravan-2021 ¶1]' } });
    expect(asked(OTHER)).toMatchObject({ answered: false, answer: null });
    expect(asked(OTHER).passages.map((p: { sourceId: string }) => p.sourceId)).not.toContain('caravan-2021');
    expect(asked()).toMatchObject({ answered: false, answer: null });
    expect(cli(['ask', '--server', OTHER, '--source', 'caravan-2021', 'caravan'], { db }).errLines).toEqual(['There is no source "caravan-2021" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, berger-2019, observer-2021.']);
  });

  it("removes only the server's own sources", () => {
    expect(cli(['remove', '--server', SERVER, 'berger-2019'], { db }).errLines).toEqual([
      '"berger-2019" is in the shared library that every server sees, not this server\'s own; only the bot\'s host can remove it. Nothing was removed.',
    ]);
    expect(cli(['remove', '--server', OTHER, 'caravan-2021'], { db }).errLines).toEqual(['There is no source "caravan-2021" in the library; nothing was removed.']);
    expect(cli(['remove', 'caravan-2021'], { db }).errLines).toEqual(['There is no source "caravan-2021" in the library; nothing was removed.']);
    // A miss suggests only what that library may remove: its own sources.
    expect(cli(['remove', '--server', SERVER, 'caravan'], { db }).errLines).toEqual(['There is no source "caravan" in the library; nothing was removed. Did you mean caravan-2021? Removing takes the exact id.']);
    expect(cli(['remove', '--server', SERVER, 'berger'], { db }).errLines).toEqual(['There is no source "berger" in the library; nothing was removed.']);
    const removed = cli(['remove', '--server', SERVER, 'caravan-2021'], { db });
    expect(removed.code).toBe(0);
    expect(removed.stdout).toBe('Removed caravan-2021 (The caravan road, 1 paragraphs).\n');
    const reader = new Database(db, { readonly: true });
    expect(reader.prepare('SELECT id FROM sources ORDER BY id').pluck().all()).toEqual(['aslam-2019', 'berger-2019', 'gvs-2018', 'kharakov-2014', 'observer-2021']);
    reader.close();
  });

  it('exits 2 with one sentence for a --server that is not a guild id', () => {
    for (const command of [['ask', 'caravan'], ['ingest', folder], ['remove', 'x'], ['source'], ['timeline'], ['quote', 'the caravan reached Samarkand']]) {
      const { code, errLines } = cli([...command, '--server', 'my-server'], { db });
      expect(code).toBe(2);
      expect(errLines[0]).toBe('--server takes a Discord server\'s id (17 to 20 digits), not "my-server".');
    }
  });
});
