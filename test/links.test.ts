import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/app/config.js';
import type { AppContext } from '../src/app/context.js';
import { createLogger } from '../src/app/log.js';
import { fetchLink, isPrivateAddress } from '../src/ingest/fetch-link.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { openAtStart } from '../src/ingest/prepare.js';

// `npm test` builds before running vitest; run `npm run build` first when calling vitest directly.
const CLI = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));

const page = (body: string) => `<!DOCTYPE html><html><head><title>Zeppelins over Karachi | Daily Test</title>
<meta property="og:title" content="Zeppelins over Karachi"><meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2019-06-05"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Zeppelins over Karachi</h1>${body}</article><footer>© Daily Test</footer></body></html>`;
const FIRST = '<p>A zeppelin landed in Karachi on Monday, the first airship to visit the city since 1937.</p><p>Thousands of people gathered at the old airfield to watch it come down slowly over the harbour.</p>';
let version = FIRST;
let pdf: Uint8Array;

let server: Server;
let base: string;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.setTitle('Airship Routes');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('The airship service to Dubai will begin next year, the owners said on Monday.', { x: 50, y: 700, size: 11, font });
  pdf = await doc.save();
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    const send = (status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    const redirect = (to: string) => send(302, 'text/plain', '', { location: to });
    if (path === '/article.html') return send(200, 'text/html; charset=utf-8', page(version));
    if (path === '/paper') return send(200, 'application/pdf', pdf);
    if (path === '/latin1') return send(200, 'text/html; charset=iso-8859-1', Buffer.from(page('<p>Der Zeppelin landete am Montag in Karachi, zum ersten Mal seit 1937, sagte der Bürgermeister.</p>'), 'latin1'));
    if (path === '/gzip') return send(200, 'text/html', gzipSync(page(FIRST)), { 'content-encoding': 'gzip' });
    const hops = /^\/redirect\/(\d+)$/.exec(path);
    if (hops) return redirect(Number(hops[1]) > 1 ? `/redirect/${Number(hops[1]) - 1}` : '/article.html');
    if (path === '/loop-a') return redirect('/loop-b');
    if (path === '/loop-b') return redirect(`${base}/loop-a`);
    if (path === '/to-file') return redirect('file:///etc/passwd');
    if (path === '/big') return send(200, 'text/html', `<html><body><p>${'x'.repeat(5000)}</p></body></html>`);
    if (path === '/slow') return void response.writeHead(200, { 'content-type': 'text/html' });
    return send(404, 'text/html', '<h1>Not here</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const ALLOWED = { allowPrivate: true };

describe('isPrivateAddress', () => {
  it('is true for loopback, private, link-local, unique local and IPv4 written as IPv6, false for public addresses', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1',
      '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '64:ff9b::a00:1', 'not-an-address']) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['93.184.216.34', '172.32.0.1', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34']) expect(isPrivateAddress(address), address).toBe(false);
  });
});

describe('fetchLink', () => {
  it('downloads a page with its content type, following a few redirects and undoing gzip', async () => {
    expect(await fetchLink(`${base}/article.html`, ALLOWED)).toEqual({ bytes: Buffer.from(page(version)), contentType: 'text/html; charset=utf-8' });
    expect((await fetchLink(`${base}/redirect/3`, ALLOWED)).bytes.toString()).toBe(page(version));
    expect((await fetchLink(`${base}/gzip`, ALLOWED)).bytes.toString()).toBe(page(FIRST));
  });

  it.each([
    ['a 404', '/missing', {}, (link: string) => `${link} was not downloaded: the server answered 404 Not Found.`],
    ['a redirect loop', '/loop-a', {}, (link: string) => `${link} was not downloaded: its redirects go round in a loop (${base}/loop-a).`],
    ['too many redirects', '/redirect/6', {}, (link: string) => `${link} was not downloaded: it redirects more than 5 times.`],
    ['a redirect to a file', '/to-file', {}, (link: string) => `${link} was not downloaded: only http and https links are fetched (it redirects to file:).`],
    ['a page over the size limit', '/big', { maxBytes: 1000 }, (link: string) => `${link} was not downloaded: it is larger than the 1000-byte limit for one article.`],
    ['a server that never answers', '/slow', { timeoutMs: 300 }, (link: string) => `${link} was not downloaded: it did not arrive within 0.3 seconds.`],
  ])('refuses %s with one sentence naming the link', async (_name, path, options, message) => {
    await expect(fetchLink(`${base}${path}`, { ...ALLOWED, ...options })).rejects.toThrow(message(`${base}${path}`));
  });

  it('refuses links other than http and https', async () => {
    await expect(fetchLink('ftp://example.com/a.pdf', ALLOWED)).rejects.toThrow('ftp://example.com/a.pdf was not downloaded: only http and https links are fetched.');
    await expect(fetchLink('file:///etc/passwd', ALLOWED)).rejects.toThrow('file:///etc/passwd was not downloaded: only http and https links are fetched.');
  });

  it('refuses, without ALLOW_PRIVATE_URLS, links to the host\'s own and private networks, by address or by a name resolving to one', async () => {
    const port = new URL(base).port;
    const cases: [string, string][] = [
      [`${base}/article.html`, '127.0.0.1'], [`http://localhost:${port}/article.html`, ''], [`http://[::1]:${port}/`, '::1'],
      ['http://10.0.0.1/', '10.0.0.1'], ['http://172.16.5.4/', '172.16.5.4'], ['http://192.168.0.1/admin', '192.168.0.1'],
      ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'], ['http://[fc00::1]/', 'fc00::1'], ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
      ['http://0.0.0.0:80/', '0.0.0.0'], ['http://2130706433/', '127.0.0.1'],
    ];
    for (const [link, address] of cases) {
      const refused = fetchLink(link, { allowPrivate: false });
      await expect(refused, link).rejects.toThrow(/ was not downloaded: it leads to .+, an address on the host's own or a private network, which is only fetched with ALLOW_PRIVATE_URLS=1\.$/);
      if (address) await expect(refused).rejects.toThrow(`it leads to ${address},`);
    }
  });
});

describe('ingestPaths with links', () => {
  let dir: string;
  let ctx: AppContext;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'research-bot-links-'));
    version = FIRST;
    ctx = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: dir, ALLOW_PRIVATE_URLS: '1' }), { log: createLogger({ debug: false, quiet: true }) });
  });
  afterEach(() => {
    ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a page as its article, with the link as its url; the link again is unchanged, then updates that source', async () => {
    const link = `${base}/article.html`;
    expect(await ingestPaths(ctx, [link])).toMatchObject({ added: ['smith-2019'], files: [{ file: link, id: 'smith-2019', status: 'added' }], refused: [] });
    expect(ctx.sources.getSource('smith-2019')).toMatchObject({ title: 'Zeppelins over Karachi', author: 'Jane Smith', date: '2019-06-05', url: link, file: link, paragraphCount: 2 });
    expect((await ingestPaths(ctx, [link])).unchanged).toEqual(['smith-2019']);
    version = `${FIRST}<p>Officials said the zeppelin carried no cargo on this flight.</p>`;
    expect(await ingestPaths(ctx, [link])).toMatchObject({ added: [], updated: ['smith-2019'] });
    expect(ctx.sources.getParagraphsOf('smith-2019').map((p) => p.n)).toEqual([1, 2, 3]);
  });

  it('takes a PDF link as a PDF and decodes a page in the charset it was sent with', async () => {
    const report = await ingestPaths(ctx, [`${base}/paper`, `${base}/latin1`]);
    expect(report.refused).toEqual([]);
    const [paper, latin] = report.files.map((f) => ctx.sources.getParagraphsOf(f.id));
    expect(paper).toEqual([expect.objectContaining({ n: 1, page: 1, text: 'The airship service to Dubai will begin next year, the owners said on Monday.' })]);
    expect(latin![0]!.text).toBe('Der Zeppelin landete am Montag in Karachi, zum ersten Mal seit 1937, sagte der Bürgermeister.');
  });

  it('names each bad link and takes the good ones', async () => {
    const report = await ingestPaths(ctx, [`${base}/missing`, `${base}/article.html`, `${base}/loop-a`]);
    expect(report.added).toEqual(['smith-2019']);
    expect(report.refused.map((r) => r.reason)).toEqual([
      `${base}/missing was not downloaded: the server answered 404 Not Found.`,
      `${base}/loop-a was not downloaded: its redirects go round in a loop (${base}/loop-a).`,
    ]);
  });
});

describe('research-bot ingest <link>', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'research-bot-links-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the built CLI without blocking this process, which serves the pages it downloads. */
  const cli = (args: string[], env: Record<string, string> = {}) => new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(dir, 'library.db'), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

  it('refuses a link to this machine with one sentence and exit 1 unless ALLOW_PRIVATE_URLS=1, then takes it', async () => {
    const link = `${base}/article.html`;
    const refused = await cli(['ingest', link]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`Refused: ${link} was not downloaded: it leads to 127.0.0.1, an address on the host's own or a private network, which is only fetched with ALLOW_PRIVATE_URLS=1.\n`);
    const taken = await cli(['ingest', '--json', link], { ALLOW_PRIVATE_URLS: '1' });
    expect(taken.code).toBe(0);
    expect(JSON.parse(taken.stdout)).toMatchObject({ added: ['smith-2019'], files: [{ file: link, id: 'smith-2019', status: 'added' }] });
    const source = await cli(['source', '--json', '--id', 'smith-2019']);
    expect(JSON.parse(source.stdout).source).toMatchObject({ url: link, paragraphs: 2 });
  });
});
