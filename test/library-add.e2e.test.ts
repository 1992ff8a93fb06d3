import Database from 'better-sqlite3';
import { PermissionFlagsBits } from 'discord.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedInBot, type BotProcess } from './bot-process.js';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { parseArticle } from '../src/core/article/article.js';
import { extractArticle } from '../src/ingest/formats/extract.js';
import { EVERYONE_PERMISSIONS } from './fake-discord/fixtures.js';
import { checkMessageLimits, startFakeDiscord, type FakeDiscord, type PlayedInteraction, type PlayedOption, type PlayedUser } from './fake-discord/index.js';

const STRING = 3;
const REPLY = 4;
const DEFERRED = 5;
const UPDATE_MESSAGE = 7;
const EPHEMERAL = 64;
/** A second server the bot is in, with its own library. */
const OTHER_GUILD = '1300000000004194304';
const MANAGE = (BigInt(EVERYONE_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString();
const MODERATOR: PlayedUser = { id: '200000000000000002', username: 'moderator', permissions: MANAGE };
const OTHER_MODERATOR: PlayedUser = { id: '200000000000000003', username: 'elsewhere', permissions: MANAGE, guildId: OTHER_GUILD };
const MEMBER: PlayedUser = { id: '200000000000000004', username: 'member' };
const STUDENT: PlayedUser = { id: '200000000000000005', username: 'student' };
const OTHER_STUDENT: PlayedUser = { id: '200000000000000006', username: 'student2', guildId: OTHER_GUILD };

/** A reading as a moderator might upload it: no front matter, a byline, a printed date, a "Read more" link. */
const ZEPPELIN = `Zeppelins over Karachi

By Jane Smith

May 6, 2020

A zeppelin named Aurora landed in Karachi on 5 May 2020, the first airship to visit the city.

Officials said the Aurora carried grain from Tashkent and would leave for Moscow the next day.

Read more: Airships return to the Gulf
`;

/** A 30-page article (about 500 words a page): 150 paragraphs of five distinct sentences each. */
function thirtyPages(): string {
  const cities = ['Karachi', 'Moscow', 'Tashkent', 'Lahore', 'Samarkand', 'Kabul', 'Islamabad', 'Almaty', 'Bishkek', 'Dushanbe', 'Herat'];
  const topics = ['pipelines', 'grain exports', 'rail links', 'border posts', 'water sharing', 'air routes', 'customs duties', 'power lines', 'student visas'];
  const paragraphs = Array.from({ length: 150 }, (_, p) => Array.from({ length: 5 }, (_, s) => {
    const n = p * 5 + s;
    return `In ${1900 + (n % 120)}, delegation number ${n + 1} from ${cities[(p + s) % cities.length]} discussed ${topics[(p * 3 + s) % topics.length]} ` +
      `with officials in ${cities[(p * 7 + s + 1) % cities.length]}, according to report ${n + 1000} of the archive.`;
  }).join(' '));
  return `---\nid: archive-2020\ntitle: Thirty pages of the archive\nauthor: Ana Ruiz\ndate: 2020\n---\n${paragraphs.join('\n\n')}\n`;
}

/** A 30-page PDF as a journal prints one: a running header, page numbers, 11-point lines, the text of {@link thirtyPages}. */
async function thirtyPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Thirty pages of the archive');
  pdf.setAuthor('Ana Ruiz');
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const paragraphs = thirtyPages().split('\n---\n')[1]!.trim().split('\n\n');
  const wrap = (text: string) => text.split(' ').reduce<string[]>((lines, word) => {
    const last = lines.at(-1);
    if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, 11) <= 468) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
    return lines;
  }, []);
  for (let p = 0; p < 30; p++) {
    const page = pdf.addPage([612, 792]);
    page.drawText('Journal of Caravan Studies, Vol. 3 (2020)', { x: 72, y: 760, size: 9, font });
    page.drawText(String(p + 1), { x: 300, y: 40, size: 9, font });
    let y = 730;
    for (const paragraph of paragraphs.slice(p * 5, p * 5 + 5)) {
      for (const line of wrap(paragraph)) {
        page.drawText(line, { x: 72, y, size: 11, font });
        y -= 14;
      }
      y -= 10;
    }
  }
  return pdf.save();
}

let fake: FakeDiscord;
let bot: BotProcess;
let dir: string;
let library: string;

/** What the user finally sees: the first reply, or the deferred reply once edited with embeds, or the follow-up. */
async function finalMessage(interaction: PlayedInteraction) {
  const ack = await interaction.acknowledged;
  if (ack.type === REPLY || ack.type === UPDATE_MESSAGE) return ack.body;
  const last = await interaction.waitFor((r) => r.kind === 'followup' || (r.kind === 'edit' && r.body.embeds?.length > 0), 30_000);
  return last.kind === 'edit' ? interaction.message() : last.body;
}

/** Source keys in the bot's library, read from SQLite (a server's are `id:guild`). */
function storedKeys(): string[] {
  const db = new Database(library, { readonly: true });
  try {
    return db.prepare('SELECT id FROM sources ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
}

const add = (option: PlayedOption): PlayedOption[] => [{ name: 'action', type: STRING, value: 'add' }, option];
const ask = (question: string) => [{ name: 'question', type: STRING, value: question }];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-add-'));
  library = join(dir, 'library.db');
  fake = await startFakeDiscord({ otherGuildIds: [OTHER_GUILD] });
  bot = await startLoggedInBot(fake, library, { MAX_ARTICLE_MB: '1', RATE_LIMIT_PER_MINUTE: '0' });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('/library action:add', () => {
  it('refuses a member without Manage Server privately, downloads nothing and adds nothing', async () => {
    const before = storedKeys();
    const attachment = fake.attach('zeppelin.txt', ZEPPELIN);
    const played = fake.slashCommand('library', add(attachment.option('file')), MEMBER);
    const ack = await played.acknowledged;
    expect(ack.type).toBe(REPLY);
    expect(ack.body).toMatchObject({ content: 'Only members with the Manage Server permission can use /library.', flags: EPHEMERAL });
    expect(fake.cdnRequests()).toEqual([]);
    expect(storedKeys()).toEqual(before);
  });

  it('refuses a file over MAX_ARTICLE_MB before downloading anything', async () => {
    const big = fake.attach('big.pdf', Buffer.alloc(2_100_000, 32), { contentType: 'application/pdf' });
    const refused = await finalMessage(fake.slashCommand('library', add(big.option('file')), MODERATOR));
    expect(refused).toMatchObject({ content: '⚠ big.pdf is 2.0 MB, over the 1 MB limit for one article; nothing was downloaded.', flags: EPHEMERAL });
    expect(fake.cdnRequests()).toEqual([]);
  });

  it('refuses a link into the host\'s own network without fetching it', async () => {
    const inside = fake.attach('inside.txt', ZEPPELIN).json.url as string;
    const refused = await finalMessage(fake.slashCommand('library', add({ name: 'url', type: STRING, value: inside }), MODERATOR));
    expect(refused.content).toBe(`⚠ ${inside} was not downloaded: it leads to 127.0.0.1, an address on the host's own or a private network, which is only fetched with ALLOW\\_PRIVATE\\_URLS=1.`);
    expect(fake.cdnRequests()).toEqual([]);
  });

  it("adds an attached article to this server's library, showing the moderator alone what it found, while answering others", async () => {
    const attachment = fake.attach('zeppelin.txt', ZEPPELIN, { held: true });
    const played = fake.slashCommand('library', add(attachment.option('file')), MODERATOR);
    const ack = await played.acknowledged;
    expect(ack.type).toBe(DEFERRED);
    expect(ack.body.flags & EPHEMERAL).toBe(EPHEMERAL);
    await played.waitFor((r) => r.kind === 'edit' && r.body.content === 'Downloading zeppelin.txt (1 KB)…');

    // The download is held by the CDN: the bot answers another user meanwhile.
    const meanwhile = await finalMessage(fake.slashCommand('ask', ask('When did Russia lift its arms embargo on Pakistan?'), STUDENT));
    expect(meanwhile.embeds[0].title).toBe('Answer');
    expect(played.responses().some((r) => r.body?.embeds?.length > 0)).toBe(false);
    attachment.release();

    const message = await finalMessage(played);
    expect(fake.cdnRequests()).toEqual([new URL(attachment.json.url).pathname]);
    expect(played.responses().filter((r) => r.kind === 'edit').map((r) => r.body.content)).toEqual(['Downloading zeppelin.txt (1 KB)…', 'Reading zeppelin.txt (1 KB)…', '']);
    const embed = message.embeds[0];
    expect(embed.title).toBe("Added to this server's library");
    expect(embed.description).toBe('**[smith-2020]** Zeppelins over Karachi');
    expect(embed.fields.map((f: { name: string; value: string }) => [f.name, f.value])).toEqual([
      ['Author', 'Jane Smith'],
      ['Date', 'c. 6 May 2020 (not printed; guessed from the printed date "May 6, 2020" (a page header may print the day it was viewed))'],
      ['Paragraphs', '2, cited \\[smith-2020 ¶1\\] to \\[smith-2020 ¶2\\]'],
      ['Guessed', 'id guessed from the author or title and the year: "smith-2020"; title guessed from the first line: "Zeppelins over Karachi"; ' +
        'author guessed from a "By" line: "Jane Smith"; date guessed from the printed date "May 6, 2020" (a page header may print the day it was viewed): "2020-05-06"'],
      ['Left out', '4 pieces of boilerplate: byline: By Jane Smith; page date: May 6, 2020; read more: Read more: Airships return to the Gulf; heading: Zeppelins over Karachi'],
    ]);
    expect(embed.footer.text).toBe('Undo removes it again, for 5 minutes.');
    const [button] = message.components[0].components;
    expect(button.label).toBe('Undo: remove it again');
    expect(button.custom_id).toMatch(/^library:undo:smith-2020:\d+$/);
    expect(message.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(checkMessageLimits(message)).toEqual([]);
    expect(storedKeys()).toContain(`smith-2020:${fake.guildId}`);
  });

  it('is found by /ask and autocomplete in that server, and not in another', async () => {
    const here = await finalMessage(fake.slashCommand('ask', ask('zeppelin Aurora Karachi'), STUDENT));
    expect(here.embeds[0].fields[0].name).toMatch(/^1\. \[smith-2020 ¶[12]\]/);
    const elsewhere = await finalMessage(fake.slashCommand('ask', ask('zeppelin Aurora Karachi'), OTHER_STUDENT));
    expect(elsewhere.embeds[0].title).toBe('No answer in the library');
    expect(JSON.stringify(elsewhere)).not.toContain('smith-2020');
    const typed = [{ name: 'question', type: STRING, value: 'x' }, { name: 'source', type: STRING, value: 'zeppelin', focused: true }];
    expect((await fake.autocomplete('ask', typed, STUDENT).acknowledged).body.choices).toEqual([{ name: 'Zeppelins over Karachi (smith-2020)', value: 'smith-2020' }]);
    expect((await fake.autocomplete('ask', typed, OTHER_STUDENT).acknowledged).body.choices).toEqual([]);
  });

  it('adds a 30-page article, and says how long that took', async () => {
    const text = thirtyPages();
    const attachment = fake.attach('archive.txt', text);
    const started = performance.now();
    const message = await finalMessage(fake.slashCommand('library', add(attachment.option('file')), MODERATOR));
    const took = performance.now() - started;
    expect(message.embeds[0].fields[2]).toMatchObject({ name: 'Paragraphs', value: '150, cited \\[archive-2020 ¶1\\] to \\[archive-2020 ¶150\\]' });
    // Measured, not asserted: how long a moderator waits depends on the machine.
    console.log(`Added a 30-page text article (${text.split(/\s+/).length} words, ${Math.round(Buffer.byteLength(text) / 1024)} KB) from Discord in ${Math.round(took)} ms.`);
  });

  it('adds a 30-page PDF, and says how long that took', async () => {
    const bytes = await thirtyPagePdf();
    const expected = parseArticle(await extractArticle({ bytes, name: 'archive.pdf' }), 'archive.pdf');
    const attachment = fake.attach('archive.pdf', bytes, { contentType: 'application/pdf' });
    const started = performance.now();
    const message = await finalMessage(fake.slashCommand('library', add(attachment.option('file')), MODERATOR));
    const took = performance.now() - started;
    const embed = message.embeds[0];
    expect(embed.title).toBe("Added to this server's library");
    expect(embed.description).toBe(`**[${expected.meta.id}]** Thirty pages of the archive`);
    expect(embed.fields[2]).toMatchObject({
      name: 'Paragraphs', value: `${expected.paragraphs.length}, cited \\[${expected.meta.id} ¶1\\] to \\[${expected.meta.id} ¶${expected.paragraphs.length}\\]`,
    });
    const asked = await finalMessage(fake.slashCommand('ask', [...ask('delegation number 373'), { name: 'source', type: STRING, value: expected.meta.id }], STUDENT));
    expect(asked.embeds[0].fields[0].name).toMatch(new RegExp(`^1\\. \\[${expected.meta.id} ¶\\d+, p\\. 15\\]`));
    // Measured, not asserted: how long a moderator waits depends on the machine.
    console.log(`Added a 30-page PDF (${Math.round(bytes.length / 1024)} KB, ${expected.paragraphs.length} paragraphs) from Discord in ${Math.round(took)} ms.`);
  });

  it("undoes it for a moderator of that server only, while the button works", async () => {
    const until = Math.floor(Date.now() / 1000) + 300;
    // The Undo button is on the moderator's ephemeral reply.
    const EPHEMERAL_REPLY = { flags: 64 };
    const member = await finalMessage(fake.button(`library:undo:smith-2020:${until}`, EPHEMERAL_REPLY, MEMBER));
    expect(member.content).toBe('Only members with the Manage Server permission can use /library.');
    const otherServer = await finalMessage(fake.button(`library:undo:smith-2020:${until}`, EPHEMERAL_REPLY, OTHER_MODERATOR));
    expect(otherServer.content).toBe('⚠ There is no source "smith-2020" in the library; nothing was removed.');
    const expired = await finalMessage(fake.button(`library:undo:smith-2020:${until - 600}`, EPHEMERAL_REPLY, MODERATOR));
    expect(expired.content).toBe('⚠ This Undo button has expired (it works for 5 minutes); remove the source with /library action: remove source: smith-2020.');
    expect(storedKeys()).toContain(`smith-2020:${fake.guildId}`);

    const undone = fake.button(`library:undo:smith-2020:${until}`, EPHEMERAL_REPLY, MODERATOR);
    const ack = await undone.acknowledged;
    expect(ack.type).toBe(UPDATE_MESSAGE);
    expect(ack.body.embeds[0].description).toBe("Undone: removed **smith-2020** (Zeppelins over Karachi, 2 paragraphs) from this server's library.");
    expect(ack.body.components).toEqual([]);
    expect(storedKeys()).not.toContain(`smith-2020:${fake.guildId}`);
    const gone = await finalMessage(fake.slashCommand('ask', ask('zeppelin Aurora Karachi'), STUDENT));
    expect(gone.embeds[0].title).toBe('No answer in the library');
  });
});
