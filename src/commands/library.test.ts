import { InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkMessageLimits } from '../../test/fake-discord/limits.js';
import { loadConfig } from '../app/config.js';
import type { AppContext } from '../app/context.js';
import { openAtStart } from '../ingest/prepare.js';
import { askQuestion } from '../core/search/ask.js';
import { QuestionError } from '../core/errors.js';
import { createLogger } from '../app/log.js';
import { library, type LibraryChange } from './library.js';
import { projectRoot } from '../store/paths.js';

const quiet = createLogger({ debug: false, quiet: true });
let ctx: AppContext;

beforeEach(async () => {
  ctx = await openAtStart(loadConfig({ DATABASE_PATH: ':memory:' }), { log: quiet });
});
afterEach(() => ctx.close());

/** The citations /ask gives for a question, all sources. */
const citations = (question: string) => askQuestion(ctx.askDeps, question, { limit: 10 }).passages.map((p) => p.sourceId);

describe('library', () => {
  it('is for members with Manage Server, in servers only', () => {
    const json = library.data.toJSON();
    expect(json.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(json.contexts).toEqual([InteractionContextType.Guild]);
  });

  it('removes a source from the library and the search index', async () => {
    expect(citations('Martin Berger bitter enemies geopolitical partners')).toContain('berger-2019');
    const result = await library.run(ctx, { action: 'remove', source: 'berger-2019' });
    expect(result).toEqual({ action: 'remove', removed: expect.objectContaining({ id: 'berger-2019', paragraphCount: 17 }) });
    expect(ctx.sources.getSource('berger-2019')).toBeUndefined();
    expect(ctx.sources.getParagraphsOf('berger-2019')).toEqual([]);
    expect(citations('Martin Berger bitter enemies geopolitical partners')).not.toContain('berger-2019');
    expect(ctx.search.size()).toBe(97 - 17);
    expect(() => askQuestion(ctx.askDeps, 'embargo', { sourceId: 'berger-2019' })).toThrow(QuestionError);
    expect(library.renderText(result)).toBe('Removed berger-2019 (Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners, 17 paragraphs). Ingest its file again to bring it back.');
    expect(checkMessageLimits(library.renderDiscord(result))).toEqual([]);
  });

  it('re-reads the articles folder, bringing a removed source back', async () => {
    await library.run(ctx, { action: 'remove', source: 'berger-2019' });
    const result = await library.run(ctx, { action: 'reingest' });
    expect(library.renderText(result)).toBe('Re-read the articles folder: added 1 (berger-2019), updated 0, unchanged 4, refused 0; 17 paragraphs written.');
    expect(citations('Martin Berger bitter enemies geopolitical partners')).toContain('berger-2019');
    expect(ctx.search.size()).toBe(97);
  });

  it('refuses an unknown or missing source and changes nothing', async () => {
    await expect(library.run(ctx, { action: 'remove', source: 'no-such\nsource' })).rejects.toThrow('There is no source "no-such source" in the library; nothing was removed.');
    await expect(library.run(ctx, { action: 'remove' })).rejects.toThrow('Say which source to remove: /library action: remove source: <id>.');
    expect(ctx.sources.countSources()).toBe(5);
  });

  it('refuses to change a library opened read-only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'research-bot-library-'));
    try {
      const config = loadConfig({ DATABASE_PATH: join(dir, 'library.db') });
      (await openAtStart(config, { log: quiet })).close();
      const shard = await openAtStart(config, { log: quiet, readonly: true });
      try {
        await expect(library.run(shard, { action: 'remove', source: 'berger-2019' })).rejects.toThrow('The library is open read-only here; change it with the CLI.');
      } finally {
        shard.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('library action:add', () => {
  const SERVER = '100000000000000001';
  const READING = '---\nid: caravan-2021\ntitle: The caravan road\nauthor: Ana Ruiz\ndate: 2021-03\n---\nThe caravan reached Samarkand on 3 March 2021.\n\nRead more: Deserts of the world\n';
  const served = new Map<string, { body: Buffer; contentType: string }>();
  let server: Server;
  let base: string;
  /** An attachment as Discord describes it, served by the local server as its CDN would. */
  const attachment = (name: string, content: string | Buffer, contentType = 'text/plain') => {
    const body = Buffer.from(content);
    served.set(`/${name}`, { body, contentType });
    return { name, url: `${base}/${name}`, size: body.length, contentType };
  };
  const add = (file: ReturnType<typeof attachment>, at = ctx.forLibrary(SERVER)) => library.runInBackground(at, { action: 'add', file });
  const refusal = (run: () => Promise<unknown>) => run().then(() => 'added', (error: Error) => error.message);

  beforeAll(async () => {
    server = createServer((request, response) => {
      const file = served.get(request.url ?? '');
      if (file === undefined) response.writeHead(404).end();
      else response.writeHead(200, { 'content-type': file.contentType }).end(file.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => server.close());

  it("downloads an attached article into the server's library and says what it found, with an Undo button", async () => {
    const lines: string[] = [];
    const result = await library.runInBackground(ctx.forLibrary(SERVER), { action: 'add', file: attachment('caravan.txt', READING) }, (line) => lines.push(line));
    expect(lines).toEqual(['Downloading caravan.txt (1 KB)…', 'Reading caravan.txt (1 KB)…']);
    expect(result).toMatchObject({ action: 'add', status: 'added', shared: false, source: { id: 'caravan-2021', paragraphCount: 1 }, undoUntil: expect.any(Number) });
    expect(library.renderText(result)).toBe([
      "Added to this server's library: [caravan-2021] The caravan road",
      '   Author:      Ana Ruiz',
      '   Date:        March 2021',
      '   Paragraphs:  1, cited [caravan-2021 ¶1] to [caravan-2021 ¶1]',
      '   Guessed:     nothing (the file gives its metadata)',
      '   Left out:    1 piece of boilerplate: read more: Read more: Deserts of the world',
    ].join('\n'));
    const reply = library.renderDiscord(result);
    expect(checkMessageLimits(reply)).toEqual([]);
    expect((reply.components[0]!.components[0] as { custom_id: string }).custom_id).toBe(`library:undo:caravan-2021:${(result as { undoUntil: number }).undoUntil}`);
    expect(citations('caravan Samarkand')).not.toContain('caravan-2021');
    expect(askQuestion(ctx.forLibrary(SERVER).askDeps, 'caravan Samarkand', { limit: 1 }).passages[0]!.citation).toBe('[caravan-2021 ¶1]');
  });

  it('updates a file uploaded again under its name, and takes a copy of a shared article as unchanged, neither with an Undo button', async () => {
    await add(attachment('caravan.txt', READING));
    const updated = await add(attachment('caravan.txt', READING.replace('3 March', '4 March')));
    expect(updated).toMatchObject({ action: 'add', status: 'updated', source: { id: 'caravan-2021' } });
    expect(updated).not.toHaveProperty('undoUntil');
    const copy = await add(attachment('berger.txt', readFileSync(join(projectRoot(), 'data/articles/berger-2019.txt'), 'utf8')));
    expect(copy).toMatchObject({ action: 'add', status: 'unchanged', shared: true, source: { id: 'berger-2019' } });
    expect(library.renderDiscord(copy).embeds[0]!.title).toBe('Already in the shared library');
    expect(library.renderDiscord(copy).components).toEqual([]);
  });

  it('refuses, in one sentence and adding nothing, what it cannot add', async () => {
    const at = ctx.forLibrary(SERVER);
    expect(await refusal(() => add(attachment('empty.txt', ' \n')))).toBe('empty.txt is empty: it has no text.');
    expect(await refusal(() => add(attachment('bad.txt', '---\nid: Bad Id\ntitle: x\n---\ntext\n')))).toMatch(/^bad\.txt has an invalid id "Bad Id"/);
    expect(await refusal(() => add(attachment('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'image/png'))))
      .toBe('photo.png is a PNG image: research-bot reads text (.txt, .md), web pages (.html, .htm), PDF (.pdf) and Word (.docx) files.');
    expect(await refusal(() => library.runInBackground(at, { action: 'add' }))).toBe('Say what to add: /library action: add file: (attach the article) or url: (a link to it).');
    expect(await refusal(() => library.runInBackground(at, { action: 'add', file: attachment('a.txt', READING), url: 'https://example.org/a.txt' }))).toBe('Give file: or url:, not both.');
    expect(await refusal(() => add(attachment('caravan.txt', READING), ctx))).toBe(
      "Articles are added to a server's own library: use /library action: add in the server (the shared library is the host's: research-bot ingest).");
    await expect(library.run(ctx, { action: 'add' })).rejects.toThrow(
      "Adding an article downloads it, which only the bot does: in Discord, /library action: add file: or url:; here, research-bot ingest <file or link> (--server <id> for a server's library).");
    expect(ctx.sources.listOwnSources(SERVER)).toEqual([]);
  });

  it('does not undo, with an old button, a source added again under the same id since', async () => {
    const server = ctx.forLibrary(SERVER);
    // Only Date is faked: each add happens a minute after the last, the downloads' timers run as usual.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.parse('2026-01-01T10:00:00Z'));
      const first = (await add(attachment('caravan.txt', READING))) as LibraryChange & { undoUntil: number };
      vi.setSystemTime(Date.parse('2026-01-01T10:01:00Z'));
      await library.run(server, { action: 'remove', source: 'caravan-2021' });
      vi.setSystemTime(Date.parse('2026-01-01T10:02:00Z'));
      const second = (await add(attachment('other-reading.txt', READING.replace('The caravan road', 'Another road')))) as LibraryChange & { undoUntil: number };
      expect(second).toMatchObject({ status: 'added', source: { id: 'caravan-2021', title: 'Another road' } });
      // The first add's button is still within its 5 minutes, but what it added is gone.
      expect(() => library.press!(server, ['undo', 'caravan-2021', String(first.undoUntil)]))
        .toThrow('caravan-2021 was added again or changed since this Undo button was made; remove it with /library action: remove source: caravan-2021.');
      expect(ctx.sources.listOwnSources(SERVER).map((s) => s.title)).toEqual(['Another road']);
      expect(library.press!(server, ['undo', 'caravan-2021', String(second.undoUntil)])).toMatchObject({ action: 'undo', removed: { title: 'Another road' } });
    } finally {
      vi.useRealTimers();
    }
  });

  it('undoes an addition while its button works, in its server only', async () => {
    const added = (await add(attachment('caravan.txt', READING))) as LibraryChange & { undoUntil: number };
    const server = ctx.forLibrary(SERVER);
    expect(() => library.press!(server, ['undo', 'caravan-2021', String(Math.floor(Date.now() / 1000) - 1)]))
      .toThrow('This Undo button has expired (it works for 5 minutes); remove the source with /library action: remove source: caravan-2021.');
    expect(() => library.press!(ctx, ['undo', 'caravan-2021', String(added.undoUntil)])).toThrow('Undo works in the server that added the source.');
    expect(() => library.press!(ctx.forLibrary('100000000000000002'), ['undo', 'caravan-2021', String(added.undoUntil)]))
      .toThrow('There is no source "caravan-2021" in the library; nothing was removed.');
    const undone = library.press!(server, ['undo', 'caravan-2021', String(added.undoUntil)]);
    expect(library.renderText(undone)).toBe("Undone: removed caravan-2021 (The caravan road, 1 paragraphs) from this server's library.");
    expect(ctx.sources.listOwnSources(SERVER)).toEqual([]);
  });
});
