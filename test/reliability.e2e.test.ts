import Database from 'better-sqlite3';
import { PermissionFlagsBits } from 'discord.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/store/paths.js';
import { botEnv, startLoggedInBot, startScript, type BotProcess } from './bot-process.js';
import { EVERYONE_PERMISSIONS } from './fake-discord/fixtures.js';
import { startFakeDiscord, type FakeDiscord, type PlayedInteraction, type PlayedOption } from './fake-discord/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STRING = 3;
const REPLY = 4;
const DEFERRED = 5;
const EPHEMERAL = 64;
const RATE_LIMIT = 3;
const MEMBER = { id: '200000000000000001', username: 'member' };
const MODERATOR = { id: '200000000000000002', username: 'moderator', permissions: (BigInt(EVERYONE_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString() };
const READER = { id: '200000000000000003', username: 'reader' };
const NEWCOMER = { id: '200000000000000004', username: 'newcomer' };
/** Students of the /library tests beyond the first, each under the rate limit of 3 a minute. */
const STUDENTS = [5, 6, 7, 8, 9].map((n) => ({ id: `20000000000000000${n}`, username: `student${n}` }));
const SECOND_MODERATOR = { ...MODERATOR, id: '200000000000000010', username: 'moderator2' };

let fake: FakeDiscord;
let bot: BotProcess;
let dir: string;
let library: string;
/** Everything every process of this file printed, to search for secrets. */
const printed: string[] = [];
const played: PlayedInteraction[] = [];

function play(name: string, options: PlayedOption[], user?: { id: string; username: string; permissions?: string }): PlayedInteraction {
  const interaction = fake.slashCommand(name, options, user);
  played.push(interaction);
  return interaction;
}

/** What the user finally sees: the edited deferred reply, or the first follow-up or reply. */
async function finalMessage(interaction: PlayedInteraction) {
  const ack = await interaction.acknowledged;
  if (ack.type === REPLY) return ack.body;
  const last = await interaction.waitFor((r) => r.kind === 'edit' || r.kind === 'followup');
  return last.kind === 'edit' ? interaction.message() : last.body;
}

/** The ids of the sources in the bot's library, read from SQLite. */
function storedSources(): string[] {
  const db = new Database(library, { readonly: true });
  try {
    return db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

const ask = (question: string, source?: string) => [
  { name: 'question', type: STRING, value: question },
  ...(source ? [{ name: 'source', type: STRING, value: source }] : []),
];
const libraryAction = (action: string, source?: string) => [
  { name: 'action', type: STRING, value: action },
  ...(source ? [{ name: 'source', type: STRING, value: source }] : []),
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-reliability-'));
  library = join(dir, 'library.db');
  fake = await startFakeDiscord();
  // DEBUG=1: the most the bot ever logs, stack traces included, for the secrets test below.
  bot = await startLoggedInBot(fake, library, { RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT), DEBUG: '1' });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/library permissions', () => {
  it('is registered for members with Manage Server only', async () => {
    const deploy = startScript('discord/deploy.js', botEnv(fake, library));
    expect(await deploy.exited).toBe(0);
    printed.push(deploy.output());
    const registered = fake.registeredCommands('guild').find((c: { name: string }) => c.name === 'library');
    expect(registered.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
  });

  it('refuses a member without Manage Server, privately, and leaves the library unchanged', async () => {
    const before = storedSources();
    const interaction = play('library', libraryAction('remove', 'berger-2019'), MEMBER);
    const ack = await interaction.acknowledged;
    expect(ack.type).toBe(REPLY);
    expect(ack.body.content).toBe('Only members with the Manage Server permission can use /library.');
    expect(ack.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(storedSources()).toEqual(before);
    expect(before).toContain('berger-2019');
    const answer = await finalMessage(play('ask', ask('bitter enemies geopolitical partners', 'berger-2019'), READER));
    expect(answer.embeds[0].fields[0].name).toMatch(/^1\. \[berger-2019 ¶\d+\]/);
  });

  it("lets a member with Manage Server remove a source the server added, which /ask then no longer knows, but not a shared one", async () => {
    const shared = await finalMessage(play('library', libraryAction('remove', 'berger-2019'), MODERATOR));
    expect(shared.content).toBe('⚠ "berger-2019" is in the shared library that every server sees, not this server\'s own; only the bot\'s host can remove it. Nothing was removed.');
    expect(storedSources()).toContain('berger-2019');

    writeFileSync(join(dir, 'caravan.txt'), '---\nid: caravan-2021\ntitle: The caravan road\n---\nThe caravan reached Samarkand after forty days in the desert.\n');
    const ingest = startScript('cli/main.js', { PATH: process.env.PATH, DATABASE_PATH: library }, ['ingest', '--server', fake.guildId, join(dir, 'caravan.txt')]);
    expect(await ingest.exited).toBe(0);
    const found = await finalMessage(play('ask', ask('caravan Samarkand forty days'), STUDENTS[0]));
    expect(found.embeds[0].fields[0].name).toMatch(/^1\. \[caravan-2021 ¶1\]/);

    const interaction = play('library', libraryAction('remove', 'caravan-2021'), MODERATOR);
    expect((await interaction.acknowledged).type).toBe(DEFERRED);
    const message = await finalMessage(interaction);
    expect(message.embeds[0].description).toBe('Removed **caravan-2021** (The caravan road, 1 paragraphs). Ingest its file again to bring it back.');
    expect(storedSources()).not.toContain('caravan-2021:' + fake.guildId);
    const refused = await finalMessage(play('ask', ask('caravan', 'caravan-2021'), STUDENTS[0]));
    expect(refused.content).toBe('⚠ There is no source "caravan-2021" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, berger-2019, observer-2021.');
    const answer = await finalMessage(play('ask', ask('caravan Samarkand forty days'), STUDENTS[0]));
    expect(answer.embeds[0].fields.map((f: { name: string }) => f.name).join(' ')).not.toContain('caravan-2021');
  });

  it('lets a member with Manage Server re-read the articles folder, bringing back a source the host removed', async () => {
    const remove = startScript('cli/main.js', { PATH: process.env.PATH, DATABASE_PATH: library }, ['remove', 'berger-2019']);
    expect(await remove.exited).toBe(0);
    const gone = await finalMessage(play('ask', ask('bitter enemies', 'berger-2019'), STUDENTS[1]));
    expect(gone.content).toBe('⚠ There is no source "berger-2019" in the library. The library has kharakov-2014, gvs-2018, aslam-2019, observer-2021.');
    const message = await finalMessage(play('library', libraryAction('reingest'), SECOND_MODERATOR));
    expect(message.embeds[0].description).toBe('Re-read the articles folder: added 1 (berger-2019), updated 0, unchanged 4, refused 0; 17 paragraphs written.');
    expect(storedSources()).toContain('berger-2019');
  });
});

describe('research-bot remove (the operator\'s CLI)', () => {
  it('removes sources, or removes nothing when one id is unknown', async () => {
    const path = join(dir, 'cli.db');
    const cli = (...args: string[]) => startScript('cli/main.js', { PATH: process.env.PATH, DATABASE_PATH: path }, args);
    expect(await cli('ingest', join(projectRoot(), 'data/articles')).exited).toBe(0);
    const refused = cli('remove', 'gvs-2018', 'no-such-source');
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/There is no source "no-such-source" in the library; nothing was removed\.\n$/);
    const removed = cli('remove', 'gvs-2018');
    expect(await removed.exited).toBe(0);
    expect(removed.output()).toBe('Removed gvs-2018 (Moscow and Islamabad unite against Indo-US nexus, 12 paragraphs).\n');
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT id FROM sources ORDER BY id').pluck().all()).toEqual(['aslam-2019', 'berger-2019', 'kharakov-2014', 'observer-2021']);
    db.close();
  });
});

describe('rate limit', () => {
  it(`answers a user's first ${RATE_LIMIT} commands in a minute, then says politely when to try again`, async () => {
    const answers = [];
    for (let i = 0; i < RATE_LIMIT; i++) answers.push(await finalMessage(play('ask', ask('SCO summit'))));
    for (const answer of answers) expect(answer.embeds[0].title).toBe('Answer');
    const over = play('ask', ask('SCO summit'));
    const ack = await over.acknowledged;
    expect(ack.type).toBe(REPLY);
    expect(ack.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(ack.body.content).toMatch(new RegExp(`^You're sending commands faster than this server allows \\(${RATE_LIMIT} a minute\\); please try again in \\d+ seconds?\\.$`));
    // Other users are not affected, and autocomplete is not counted.
    expect((await finalMessage(play('ask', ask('SCO summit'), NEWCOMER))).embeds[0].title).toBe('Answer');
    const suggestions = fake.autocomplete('ask', [{ name: 'question', type: STRING, value: 'x' }, { name: 'source', type: STRING, value: 'berger', focused: true }]);
    expect((await suggestions.acknowledged).body.choices).toHaveLength(1);
  });
});

describe('secrets', () => {
  it('never prints the token: not at start, in answers, errors, refusals or shutdown', async () => {
    // Errors the user can cause: an unknown command and an old button.
    await play('no-such-command', [], NEWCOMER).acknowledged;
    await fake.button('nothing:here').acknowledged;
    expect(await bot.stop()).toBe(0);
    printed.push(bot.output());
    expect(bot.output()).toContain('SIGTERM: closing the Discord client and the database.');
    const all = printed.join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(fake.botToken);
    // Interaction tokens are secrets too (they allow replying for 15 minutes).
    for (const interaction of played) expect(all).not.toContain(interaction.token);
  });

  it('never prints a token Discord refuses', async () => {
    const wrong = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.wrong.token-that-discord-refuses';
    const refused = startScript('index.js', botEnv(fake, library, { DISCORD_TOKEN: wrong, DEBUG: '1' }));
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toBe('Discord refused DISCORD_TOKEN: reset the token in the Developer Portal and update .env.\n');
    expect(refused.output()).not.toContain(wrong);
  });

  it('reads settings (the token among them) only in src/app/config.ts', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    const readers = files.filter((f) => /process\.env/.test(readFileSync(join(ROOT, 'src', f), 'utf8')));
    expect(readers).toEqual([join('app', 'config.ts')]);
  });

  it('keeps .env out of git', () => {
    expect(spawnSync('git', ['check-ignore', '--quiet', '.env'], { cwd: ROOT }).status).toBe(0);
  });
});
