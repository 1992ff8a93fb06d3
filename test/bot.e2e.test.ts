import { PermissionFlagsBits } from 'discord.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERYONE_PERMISSIONS } from './fake-discord/fixtures.js';
import { commandDefinitions } from '../src/commands/index.js';
import { botEnv, startLoggedInBot, startScript, waitUntil, type BotProcess } from './bot-process.js';
import { checkMessageLimits, startFakeDiscord, type FakeDiscord, type PlayedInteraction } from './fake-discord/index.js';

const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const DEFERRED = 5;
const UPDATE_MESSAGE = 7;
const EPHEMERAL = 64;
/** A second server, which the second of two shards serves (the test guild is the first's): `(id >> 22) % 2` is 1. */
const OTHER_GUILD = '1300000000004194304';

let fake: FakeDiscord;
let bot: BotProcess;
let dir: string;

async function startBot(): Promise<void> {
  bot = await startLoggedInBot(fake, join(dir, 'library.db'));
}

/** Waits for the deferred reply to be edited and returns what the user sees. */
async function finalMessage(played: PlayedInteraction) {
  await played.waitFor((r) => r.kind === 'edit' || r.kind === 'followup');
  return played.message() ?? played.responses().at(-1)!.body;
}

/** An article whose text carries markdown and mentions, to show they reach Discord inert. */
const HOSTILE_ARTICLE = `---
id: hostile-test
title: "**Bold** title @everyone"
---
The **secret** summit in Tashkent was attended by @everyone and <@123456789012345678>, said the _report_ ||spoiler||.`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-e2e-'));
  writeFileSync(join(dir, 'hostile.txt'), HOSTILE_ARTICLE);
  const ingest = startScript('cli/main.js', { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'library.db') }, ['ingest', join(dir, 'hostile.txt')]);
  expect(await ingest.exited).toBe(0);
  fake = await startFakeDiscord({ otherGuildIds: [OTHER_GUILD] });
  await startBot();
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/ask against a local fake Discord', () => {
  it('defers at once, then shows the answering sentence and cited passages within the limits', async () => {
    const played = fake.slashCommand('ask', [{ name: 'question', type: STRING, value: 'When did Russia lift its arms embargo on Pakistan?' }]);
    expect((await played.acknowledged).type).toBe(DEFERRED);
    const message = await finalMessage(played);
    const embed = message.embeds[0];
    expect(embed.title).toBe('Answer');
    expect(embed.description).toContain('arms embargo on Pakistan');
    expect(embed.description).toContain('gain traction in **2014** –');
    expect(embed.fields.map((f: { name: string }) => f.name.split(' · ')[0])).toEqual(['1. [berger-2019 ¶9]', '2. [aslam-2019 ¶5]', '3. [gvs-2018 ¶8]']);
    expect(embed.footer.text).toBe('Asked: When did Russia lift its arms embargo on Pakistan?');
    expect(message.components.map((row: { components: { label: string }[] }) => row.components.map((b) => b.label))).toEqual([
      ['Open [berger-2019 ¶9]', 'Open [aslam-2019 ¶5]', 'Open [gvs-2018 ¶8]'], ['More passages ▶', 'References'],
    ]);
    expect(checkMessageLimits(message)).toEqual([]);
    expect(played.errors()).toEqual([]);
  });

  it('says plainly when the library has nothing on the question', async () => {
    const played = fake.slashCommand('ask', [{ name: 'question', type: STRING, value: 'How do I bake sourdough bread?' }]);
    const embed = (await finalMessage(played)).embeds[0];
    expect(embed.title).toBe('No answer in the library');
    expect(embed.description).toBe('**The library has nothing on that (it never mentions “sourdough”, “bread”).** The closest passages, which do not answer it:');
  });

  it('never lets markdown or mentions from the question or the articles ping or render', async () => {
    const question = '**Shoigu** _visit_ @everyone <@123456789012345678> `code` ||spoiler|| @here';
    const played = fake.slashCommand('ask', [{ name: 'question', type: STRING, value: question }]);
    await played.waitFor((r) => r.kind === 'edit');
    const edit = played.responses().find((r) => r.kind === 'edit')!;
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    const embed = played.message().embeds[0];
    // Footers render neither markdown nor mentions, so the question is echoed there as typed.
    expect(embed.footer.text).toBe(`Asked: ${question}`);
    expect(JSON.stringify({ ...embed, footer: undefined })).not.toMatch(/@everyone|@here|<@\d/);
  });

  it('shows markdown and mentions from an article as plain text', async () => {
    const played = fake.slashCommand('ask', [{ name: 'question', type: STRING, value: 'secret summit in Tashkent' }]);
    const message = await finalMessage(played);
    const embed = message.embeds[0];
    expect(embed.description).toBe('The \\*\\*secret\\*\\* summit in Tashkent was attended by @\u200beveryone and <\u200b@123456789012345678>, said the \\_report\\_ \\|\\|spoiler\\|\\|. [hostile-test ¶1]');
    expect(embed.fields[0].value).toContain('*\\*\\*Bold\\*\\* title @\u200beveryone — n.d.*');
    expect(played.responses().find((r) => r.kind === 'edit')!.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a 1,000-character question within Discord limits', async () => {
    const question = ('Shoigu visit Islamabad military cooperation agreement ' .repeat(20)).slice(0, 1000);
    const played = fake.slashCommand('ask', [{ name: 'question', type: STRING, value: question }]);
    const message = await finalMessage(played);
    expect(checkMessageLimits(message)).toEqual([]);
    expect(message.embeds[0].footer.text).toBe(`Asked: ${question}`);
    expect(played.errors()).toEqual([]);
  });

  it('replies privately when private:true is set', async () => {
    const played = fake.slashCommand('ask', [
      { name: 'question', type: STRING, value: 'FATF' },
      { name: 'private', type: BOOLEAN, value: true },
    ]);
    const ack = await played.acknowledged;
    expect(ack.type).toBe(DEFERRED);
    expect(ack.body?.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('tells the user in one ephemeral sentence when an option is wrong', async () => {
    const played = fake.slashCommand('ask', [
      { name: 'question', type: STRING, value: 'SCO' },
      { name: 'source', type: STRING, value: 'no-such-source' },
    ]);
    const reply = await played.waitFor((r) => r.kind === 'followup');
    expect(reply.body.content).toBe('⚠ There is no source "no-such-source" in the library. The library has hostile-test, kharakov-2014, gvs-2018, aslam-2019, berger-2019, observer-2021.');
    expect(reply.body.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('filters by publication year', async () => {
    const played = fake.slashCommand('ask', [
      { name: 'question', type: STRING, value: 'Shoigu defence minister visit' },
      { name: 'from', type: INTEGER, value: 2014 },
      { name: 'to', type: INTEGER, value: 2014 },
    ]);
    const embed = (await finalMessage(played)).embeds[0];
    expect(embed.fields.every((f: { name: string }) => f.name.includes('kharakov-2014'))).toBe(true);
  });
});

describe('autocomplete', () => {
  it('suggests sources by title or author within the limits', async () => {
    const played = fake.autocomplete('ask', [
      { name: 'question', type: STRING, value: 'x' },
      { name: 'source', type: STRING, value: 'berger', focused: true },
    ]);
    const ack = await played.acknowledged;
    expect(ack.body.choices).toEqual([{ name: 'Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners (berger-2019)', value: 'berger-2019' }]);
  });
});

describe('buttons', () => {
  it('pages "More passages" on the presser\'s own answer after the bot has restarted', async () => {
    const asked = await finalMessage(fake.slashCommand('ask', [{ name: 'question', type: STRING, value: 'When did Russia lift its arms embargo on Pakistan?' }]));
    expect(await bot.stop()).toBe(0);
    await startBot();
    const played = fake.button('ask:more:3:3::::', asked);
    const ack = await played.acknowledged;
    expect(ack.type).toBe(UPDATE_MESSAGE);
    expect(ack.body.embeds[0].title).toBe('Passages 4–6');
    expect(ack.body.embeds[0].fields).toHaveLength(3);
    expect(checkMessageLimits(ack.body)).toEqual([]);
  });

  it('opens a cited paragraph in its context, privately', async () => {
    const played = fake.button('source:open:berger-2019:9', {
      embeds: [{ title: 'Answer', description: 'x', footer: { text: 'Asked: embargo' } }],
    });
    const ack = await played.acknowledged;
    expect(ack.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    const embed = ack.body.embeds[0];
    expect(embed.title).toBe('[berger-2019 ¶9] Pakistan-Russia Relations: From Bitter Enemies to Geopolitical Partners');
    expect(embed.description).toContain('**¶9** The relationships started to gain traction in 2014');
    expect(ack.body.components[0].components.map((b: { custom_id: string }) => b.custom_id)).toEqual(['source:open:berger-2019:8', 'source:open:berger-2019:10']);
  });
});

describe('npm run deploy', () => {
  it('registers the command JSON in the guild', async () => {
    const deploy = startScript('discord/deploy.js', botEnv(fake, join(dir, 'library.db')));
    expect(await deploy.exited).toBe(0);
    expect(deploy.output()).toBe('Registered 5 commands (/ask, /source, /timeline, /quote, /library) in guild ' + fake.guildId + '.\n');
    expect(fake.registeredCommands('guild').map((c: { name: string }) => c.name)).toEqual(['ask', 'source', 'timeline', 'quote', 'library']);
    expect(fake.registeredCommands('guild')).toEqual(commandDefinitions());
  });

  it('registers the commands globally with --global', async () => {
    const deploy = startScript('discord/deploy.js', botEnv(fake, join(dir, 'library.db')), ['--global']);
    expect(await deploy.exited).toBe(0);
    expect(deploy.output()).toBe('Registered 5 commands (/ask, /source, /timeline, /quote, /library) globally.\n');
    expect(fake.registeredCommands('global')).toEqual(commandDefinitions());
  });

  it('stops with one sentence naming the missing setting', async () => {
    const deploy = startScript('discord/deploy.js', { ...botEnv(fake, join(dir, 'library.db')), DISCORD_CLIENT_ID: '' });
    expect(await deploy.exited).toBe(1);
    expect(deploy.output()).toBe('DISCORD_CLIENT_ID is not set: copy the application id from the Developer Portal.\n');
  });

  it('logs no token anywhere in what the bot printed', () => {
    expect(bot.output()).not.toContain(fake.botToken);
  });
});

describe('npm run start:sharded', () => {
  it("answers from two shards, each server from its own library, seeing changes made elsewhere at once", async () => {
    await bot.stop();
    const identified = fake.identifyCount();
    const library = join(dir, 'library.db');
    const sharded = startScript('discord/shards.js', botEnv(fake, library, { SHARD_COUNT: '2' }));
    const moderator = { id: '200000000000000002', username: 'moderator', permissions: (BigInt(EVERYONE_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString() };
    const asked = async (question: string, guildId?: string) => {
      const played = fake.slashCommand('ask', [{ name: 'question', type: STRING, value: question }], guildId ? { guildId } : undefined);
      const message = await finalMessage(played);
      expect(played.errors()).toEqual([]);
      return message.embeds[0];
    };
    try {
      await waitUntil(() => fake.identifyCount() >= identified + 2, `two shards to log in (output: ${sharded.output()})`, 30_000);
      expect((await asked('Friendship 2018 exercise')).fields[0].name).toMatch(/^1\. \[aslam-2019 ¶4\]/);
      expect(sharded.output().match(/Started shard \d\./g)).toEqual(['Started shard 0.', 'Started shard 1.']);
      expect(sharded.output().match(/\(a shard\)/g)).toHaveLength(2);

      // The host adds a reading to the test server's library while the shards run: its shard sees it at the next command.
      writeFileSync(join(dir, 'caravan.txt'), '---\nid: caravan-2021\ntitle: The caravan road\n---\nThe caravan reached Samarkand after forty days in the desert.\n');
      const ingest = startScript('cli/main.js', { PATH: process.env.PATH, DATABASE_PATH: library }, ['ingest', '--server', fake.guildId, join(dir, 'caravan.txt')]);
      expect(await ingest.exited).toBe(0);
      expect((await asked('caravan Samarkand forty days')).fields[0].name).toMatch(/^1\. \[caravan-2021 ¶1\]/);
      const elsewhere = await asked('caravan Samarkand forty days', OTHER_GUILD);
      expect(elsewhere.title).toBe('No answer in the library');
      expect(JSON.stringify(elsewhere)).not.toContain('caravan-2021');

      // The test server's shard removes it; the other shard never had it.
      const removed = await finalMessage(fake.slashCommand('library', [{ name: 'action', type: STRING, value: 'remove' }, { name: 'source', type: STRING, value: 'caravan-2021' }], moderator));
      expect(removed.embeds[0].description).toBe('Removed **caravan-2021** (The caravan road, 1 paragraphs). Ingest its file again to bring it back.');
      expect((await asked('caravan Samarkand forty days')).title).toBe('No answer in the library');
    } finally {
      await sharded.stop();
      sharded.child.kill('SIGKILL');
    }
  });
});
