/**
 * `research-bot timeline` as a user runs it: the built CLI (run `npm run build` first) on a fresh
 * library in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/store/paths.js';

const CLI = join(projectRoot(), 'dist/src/cli/main.js');
let dir: string;

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'timeline', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'library.db') },
    cwd: dir,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  dir = mkdtempSync(join(tmpdir(), 'research-bot-cli-'));
  // The CLI reads the library as it is: the shipped articles go in by name.
  const ingest = spawnSync(process.execPath, [CLI, 'ingest', join(projectRoot(), 'data/articles')], { env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'library.db') }, cwd: dir });
  expect(ingest.status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('research-bot timeline --json', () => {
  it('prints exactly one JSON object { events: [...] } of the documented shape', () => {
    const { status, stdout } = run('--json');
    expect(status).toBe(0);
    const { events, ...rest } = JSON.parse(stdout) as { events: Record<string, unknown>[] };
    expect(rest).toEqual({});
    expect(events.length).toBeGreaterThan(20);
    for (const event of events) {
      expect(Object.keys(event).every((k) => ['date', 'precision', 'end', 'summary', 'relative', 'resolvedFrom', 'note', 'citations', 'conflict', 'conflictingCitations'].includes(k))).toBe(true);
      expect(event.date).toMatch(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/);
      expect(['day', 'month', 'year']).toContain(event.precision);
      expect(typeof event.summary).toBe('string');
      expect(typeof event.relative).toBe('boolean');
      for (const citation of event.citations as Record<string, unknown>[]) {
        expect(Object.keys(citation).sort()).toEqual(['citation', 'date', 'paragraph', 'quote', 'sourceId']);
        expect(citation.citation).toBe(`[${citation.sourceId} ¶${citation.paragraph}]`);
      }
    }
    const agreement = events.filter((e) => e.conflict !== undefined);
    expect(agreement.map((e) => [e.date, e.precision, e.conflict, (e.conflictingCitations as { citation: string }[]).map((c) => c.citation)])).toEqual([
      ['2014', 'year', 'sources differ: 2014 / 2015', ['[gvs-2018 ¶4]']],
      ['2015', 'year', 'sources differ: 2014 / 2015', ['[gvs-2018 ¶8]', '[observer-2021 ¶29]']],
    ]);
  });

  it('filters by topic, source and years', () => {
    const { status, stdout } = run('--json', '--topic', 'gas pipeline', '--source', 'observer-2021', '--from', '2018', '--to', '2019');
    expect(status).toBe(0);
    const { events } = JSON.parse(stdout) as { events: { date: string; citations: { citation: string }[] }[] };
    expect(events.map((e) => [e.date, e.citations.map((c) => c.citation)])).toEqual([
      ['2018-09-27', ['[observer-2021 ¶25]']],
      ['2019-02-06', ['[observer-2021 ¶27]']],
    ]);
  });
});

describe('research-bot timeline errors', () => {
  it('says what is wrong in one sentence on stderr with exit code 1', () => {
    expect(run('--from', '2020', '--to', '2014')).toEqual({ status: 1, stdout: '', stderr: '"from" (2020) is after "to" (2014).\n' });
    expect(run('--source', 'nobody')).toEqual({ status: 1, stdout: '', stderr: 'There is no source "nobody" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, berger-2019, observer-2021.\n' });
  });

  it('exits 2 on a usage mistake', () => {
    expect(run('defence').status).toBe(2);
    expect(run('--from', 'soon')).toMatchObject({ status: 2, stderr: 'from: must be a whole number, not "soon".\nRun "research-bot help timeline" for usage.\n' });
  });
});
