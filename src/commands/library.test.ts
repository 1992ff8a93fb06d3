import { InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkMessageLimits } from '../../test/fake-discord/limits.js';
import { loadConfig } from '../app/config.js';
import type { AppContext } from '../app/context.js';
import { openAtStart } from '../ingest/prepare.js';
import { askQuestion } from '../core/search/ask.js';
import { QuestionError } from '../core/errors.js';
import { createLogger } from '../app/log.js';
import { library } from './library.js';

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
    await expect(library.run(ctx, { action: 'remove', source: 'no-such\nsource' })).rejects.toThrow('There is no source "no-such source" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, berger-2019, observer-2021.');
    await expect(library.run(ctx, { action: 'remove' })).rejects.toThrow('Say which source to remove: /library action: remove source: <id>.');
    expect(ctx.sources.countSources()).toBe(5);
  });

  it('refuses to change a library opened read-only (the shards of the bot)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'research-bot-library-'));
    try {
      const config = loadConfig({ DATABASE_PATH: join(dir, 'library.db') });
      (await openAtStart(config, { log: quiet })).close();
      const shard = await openAtStart(config, { log: quiet, readonly: true });
      try {
        await expect(library.run(shard, { action: 'remove', source: 'berger-2019' })).rejects.toThrow('The library is open read-only here (the bot runs in shards); change it with the CLI, then restart the bot.');
      } finally {
        shard.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
