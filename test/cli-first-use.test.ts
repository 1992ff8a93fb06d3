/**
 * The CLI and the local prompt as a new user tries them (issue 17, points 8, 10, 11, 12): the
 * built programs (`npm test` builds first) on the shipped library in a temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/store/paths.js';

const CLI = join(projectRoot(), 'dist/src/cli/main.js');
const START = join(projectRoot(), 'dist/src/index.js');
const ARTICLES = join(projectRoot(), 'data/articles');
const SUBCOMMANDS = ['ask', 'ingest', 'timeline', 'source', 'quote', 'remove'];
let dir: string;

const env = (db = join(dir, 'library.db')) => ({ PATH: process.env.PATH ?? '', DATABASE_PATH: db, ARTICLES_DIR: ARTICLES });

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, env: env(), encoding: 'utf8', timeout: 30_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
const json = (...args: string[]) => JSON.parse(cli(...args, '--json').stdout);

/** Runs `args` with stdout closed before the program writes, as `| head -0` would; resolves with its exit code and stderr. */
function withClosedStdout(program: string, args: string[], input = ''): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [program, ...args], { cwd: dir, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(input);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-first-use-'));
  expect(cli('ingest', ARTICLES).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('8. /ask\'s from and to are years of publication, and say so', () => {
  it('says the filter left nothing, then answers without it', () => {
    const { code, stdout } = cli('ask', '--from', '2018', '--to', '2018', 'gas pipeline agreement');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 5)).toEqual([
      'No passage published in 2018 matches; without the filter:',
      '',
      'Answer: On 27 September 2018, Islamabad and Moscow signed a historic $10 billion offshore gas pipeline agreement in Moscow. [observer-2021 ¶25]',
      '',
      '1. [observer-2021 ¶25]  strong match',
    ]);
  });

  it('keeps the filtered result in --json and adds the one without the filter', () => {
    const result = json('ask', '--from', '2018', '--to', '2018', 'gas pipeline agreement');
    expect([result.level, [...new Set(result.passages.map((p: { sourceId: string }) => p.sourceId))]]).toEqual(['closest', ['gvs-2018']]);
    expect([result.withoutFilter.level, result.withoutFilter.answer.citation]).toEqual(['answer', '[observer-2021 ¶25]']);
  });

  it('names them "published from/to" in the help, and /timeline\'s years as the events\'', () => {
    expect(cli('ask', '--help').stdout).toContain('  --from YEAR       Published from: only articles published in or after this year\n  --to YEAR         Published to: only articles published in or before this year\n');
    expect(cli('timeline', '--help').stdout).toContain('  --from YEAR       Events from: only events in or after this year (of the event, not of publication)\n');
  });
});

describe('10. the CLI helps with each command and ends quietly when its reader stops', () => {
  it.each(SUBCOMMANDS)('prints the help of %s for --help, -h and help <command>', (name) => {
    const help = cli(name, '--help');
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout.startsWith(`Usage: research-bot ${name} `)).toBe(true);
    expect(help.stdout).toContain('  --help, -h        Print this help.\n');
    expect(cli(name, '-h').stdout).toBe(help.stdout);
    expect(cli('help', name).stdout).toBe(help.stdout);
  });

  it('prints the source help with the source option described as /source describes it', () => {
    expect(cli('help', 'source').stdout.split('\n').slice(0, 10)).toEqual([
      'Usage: research-bot source [--id ID] [--cite CITATION] [--format apa|mla|chicago|bibtex] [--json]',
      '',
      'List the library; show one source; open a cited paragraph ("[gvs-2018 ¶4]", "gvs-2018 p4"); or print',
      'a reference to paste.',
      '',
      'Options:',
      '  --id ID           A source: its id, the start of it, or words of its title or author',
      '  --cite CITATION   A citation as the bot prints it, e.g. [gvs-2018 ¶4]',
      '  --format STYLE    A reference to paste, in this style (with id:)',
      '  --json            Print exactly one JSON object (see README.md for its keys).',
    ]);
  });

  it('refuses help on a command that does not exist', () => {
    expect(cli('help', 'frobnicate')).toEqual({ code: 2, stdout: '', stderr: 'There is no command "frobnicate".\nRun "research-bot help" for usage.\n' });
  });

  it('takes --help after -- as part of the question', () => {
    expect(JSON.parse(cli('ask', '--json', '--', 'Shoigu --help').stdout).query).toBe('Shoigu --help');
  });

  it('exits 0 without a word when stdout closes before the answer is written', async () => {
    expect(await withClosedStdout(CLI, ['ask', 'When did Russia lift its arms embargo on Pakistan?'])).toEqual({ code: 0, stderr: '' });
    expect(await withClosedStdout(CLI, ['ask', '--batch'], 'Shoigu\nCPEC\nSCO\n')).toEqual({ code: 0, stderr: '' });
    expect(await withClosedStdout(CLI, ['timeline'])).toEqual({ code: 0, stderr: '' });
  });
});

describe('11. the local prompt reads a line as a person types it', () => {
  it('takes the one required option as is, keeps "limit:" in a question, refuses a repeated option, and counts the library once', () => {
    const lines = ['/ask Who is Shoigu?', '/ask question: What is the limit: of arms sales?', '/ask question: CPEC question: SCO'];
    const run = spawnSync(process.execPath, [START], { cwd: dir, env: env(join(dir, 'prompt.db')), input: lines.join('\n') + '\n', encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      `Read the articles folder ${ARTICLES}: added 5 (aslam-2019, berger-2019, gvs-2018, kharakov-2014, observer-2021), updated 0, unchanged 0, refused 0; 98 paragraphs written.`,
      'Local prompt (no DISCORD_TOKEN set): answering from 98 paragraphs in 5 sources.',
      '',
    ]);
    // Each reply starts a line of its own: an answer, or a sentence saying what is wrong.
    const replies = run.stdout.split('\n').filter((line) => /^(Answer:|The library has|⚠)/.test(line));
    expect(replies).toEqual([
      expect.stringMatching(/^Answer: .*Shoigu.* \[kharakov-2014 ¶\d+\]$/),
      // "limit" is read as a word of the question (one the library never uses), not as limit: (which
      // would refuse "of arms sales" as not a number); the passage on arms sales answers it.
      expect.stringMatching(/^Answer: .*arms sales.* \[gvs-2018 ¶8\]$/),
      '⚠ question: is given twice; give each option once.',
    ]);
  });
});

describe('12. ask --json and source --json name a source\'s fields alike', () => {
  it('gives published and author (null when none) in both, and date in ask as an alias of published', () => {
    const { source } = json('source', '--id', 'gvs-2018');
    const passage = json('ask', '--source', 'gvs-2018', 'defence cooperation agreement').passages[0];
    const fields = Object.fromEntries(Object.entries(source).filter(([key]) => !['paragraphs', 'warnings', 'dropped', 'keyTerms'].includes(key)));
    expect(passage.source).toEqual({ ...fields, date: '2018-03' });
    expect(passage.source).toMatchObject({ author: null, published: '2018-03', date: '2018-03', url: null });
  });
});

describe('7. remove reads a source name as the other commands do, but removes exact ids only', () => {
  it('names the source meant by a prefix or a typo and removes nothing', () => {
    for (const [typed, meant] of [['berger', 'berger-2019'], ['kharakov-2041', 'kharakov-2014']]) {
      const { code, stderr } = cli('remove', typed);
      expect(code).toBe(1);
      expect(stderr).toBe(`There is no source "${typed}" in the library; nothing was removed. Did you mean ${meant}? Removing takes the exact id.\n`);
    }
    expect(json('source').sources.map((s: { id: string }) => s.id)).toHaveLength(5);
  });
});
