import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/store/paths.js';

// Drives the built CLI (run `npm run build` first) on a library in a temporary folder.
const cli = join(projectRoot(), 'dist/src/cli/main.js');
let dir: string;

function run(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: join(dir, 'library.db') };
  delete env.DEBUG;
  const result = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const json = (...args: string[]) => {
  const result = run(...args, '--json');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
};

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run build" before this test.`);
  dir = mkdtempSync(join(tmpdir(), 'research-bot-cli-'));
  // The CLI reads the library as it is: the shipped articles go in by name.
  expect(run('ingest', join(projectRoot(), 'data/articles')).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('research-bot source', () => {
  it('--json without options prints one object: every source with the public keys', () => {
    const { sources } = json('source') as { sources: Record<string, unknown>[] };
    expect(sources.map((s) => s.id)).toEqual(['kharakov-2014', 'gvs-2018', 'aslam-2019', 'berger-2019', 'observer-2021']);
    for (const s of sources) expect(Object.keys(s)).toEqual(expect.arrayContaining(['id', 'title', 'author', 'publisher', 'published', 'url', 'paragraphs']));
    expect(sources[1]).toMatchObject({
      id: 'gvs-2018', title: 'Moscow and Islamabad unite against Indo-US nexus', author: null, publisher: 'Global Village Space',
      published: '2018-03', url: null, paragraphs: 12,
    });
  });

  it('--id shows a source with what ingestion dropped and its key terms', () => {
    const { source } = json('source', '--id', 'kharakov-2014') as { source: { dropped: unknown[]; keyTerms: { term: string }[]; published: string } };
    expect(source.published).toBe('2014-11');
    expect(source.dropped).toHaveLength(7);
    expect(source.keyTerms[0]!.term).toBe('Shoigu');
  });

  it('--cite opens a paragraph written the way a person types it', () => {
    expect(json('source', '--cite', 'GVS-2018 p4')).toMatchObject({
      citation: '[gvs-2018 ¶4]', paragraph: 4, before: { citation: '[gvs-2018 ¶3]' }, after: { citation: '[gvs-2018 ¶5]' }, paragraphs: 12,
    });
  });

  it('--format prints the reference alone, ready to paste', () => {
    expect(run('source', '--id', 'berger-2019', '--format', 'apa')).toEqual({
      code: 0, stderr: expect.any(String), stdout: 'Berger, M. (ca. 2019). Pakistan-Russia relations: From bitter enemies to geopolitical partners. New Eastern Outlook.\n',
    });
    expect(run('source', '--id', 'gvs-2018', '--format', 'bibtex').stdout).toBe([
      '@misc{gvs-2018,',
      '  title        = {{Moscow and Islamabad unite against Indo-US nexus}},',
      '  howpublished = {Global Village Space},',
      '  year         = {2018},',
      '  month        = mar,',
      "  note         = {Date estimated: reports the 2 March 2018 meeting as news; the printed ``Saturday, April 13, 2024'' is the site header's date of viewing}",
      '}',
      '',
    ].join('\n'));
    expect(json('source', '--cite', '[gvs-2018 ¶4]', '--format', 'mla')).toEqual({
      style: 'mla', styleName: 'MLA 9th edition', sourceId: 'gvs-2018', reference: '“Moscow and Islamabad Unite against Indo-US Nexus.” Global Village Space, [c. Mar. 2018].',
    });
  });

  it('fails with one sentence and exit code 1 for an unknown id or citation', () => {
    expect(run('source', '--id', 'gvs-2019')).toEqual({ code: 1, stdout: '', stderr: 'There is no source "gvs-2019" in the library. Did you mean gvs-2018?\n' });
    expect(run('source', '--cite', 'gvs-2018 ¶99')).toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^gvs-2018 has no paragraph 99: .*\n$/) });
  });

  it('exits 2 for a usage mistake, with the message the local prompt gives for the same option', () => {
    expect(run('source', '--format', 'harvard', '--id', 'gvs-2018')).toMatchObject({ code: 2, stdout: '', stderr: 'format: must be one of apa, mla, chicago, bibtex, not "harvard".\nRun "research-bot help source" for usage.\n' });
    expect(run('source', 'gvs-2018').code).toBe(2);
  });

  it('exits 1 with /source\'s own sentence for options it cannot use together', () => {
    expect(run('source', '--format', 'apa')).toMatchObject({ code: 1, stderr: 'format: needs a source: add id:, e.g. /source id: gvs-2018 format: apa\n' });
    expect(run('source', '--id', 'gvs-2018', '--cite', 'gvs-2018 4')).toMatchObject({ code: 1, stderr: 'Give id: to see a source or cite: to open a paragraph, not both.\n' });
  });
});

describe('research-bot quote', () => {
  it('--json gives the verdict and each match with its citation, text and differences', () => {
    expect(json('quote', 'Russia has lifted its arms embargo on Pakistan')).toMatchObject({
      verdict: 'verbatim', matches: [{ citation: '[aslam-2019 ¶5]', text: 'Russia has lifted its arms embargo on Pakistan', differences: [] }],
    });
    expect(json('quote', 'Russia has removed its arms embargo on Pakistan and started armed trade')).toMatchObject({
      verdict: 'close', matches: [{ citation: '[aslam-2019 ¶5]', text: 'Russia has lifted its arms embargo on Pakistan and started armed trade', differences: ['-lifted', '+removed'] }],
    });
    expect(json('quote', 'Pakistan and Russia signed a treaty of eternal friendship in Lahore')).toMatchObject({ verdict: 'absent', matches: [] });
  });

  it('exits 2 without a quotation and 1 for one too short to check', () => {
    expect(run('quote').code).toBe(2);
    expect(run('quote', 'arms embargo')).toEqual({ code: 1, stdout: '', stderr: 'Give at least 3 words of the quotation, as you plan to quote them.\n' });
  });
});
