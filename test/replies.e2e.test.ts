/**
 * Replies as a class uses them in a shared channel (issue 17): the real bot process against the
 * local fake Discord, on the shipped library, several members pressing each other's buttons.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoggedInBot, type BotProcess } from './bot-process.js';
import { messageAsText } from './fake-discord/as-text.js';
import { checkMessageLimits, startFakeDiscord, type FakeDiscord, type PlayedInteraction, type PlayedOption, type PlayedUser } from './fake-discord/index.js';
import type { Json } from './fake-discord/types.js';

const STRING = 3;
const INTEGER = 4;
const REPLY = 4;
const UPDATE_MESSAGE = 7;
const EPHEMERAL = 64;
const LINK = 5;
const ASKER: PlayedUser = { id: '300000000000000001', username: 'asker' };
const CLASSMATE: PlayedUser = { id: '300000000000000002', username: 'classmate' };
const READER: PlayedUser = { id: '300000000000000003', username: 'reader' };
/** Runs the README's commands: each member has 20 commands a minute, and ASKER uses most of them. */
const VIEWER: PlayedUser = { id: '300000000000000004', username: 'viewer' };
const KHARAKOV_URL = 'https://dispatchnewsdesk.com/russia-pakistan-foreign-relations/';
const OBSERVER_URL = 'https://pakobserver.net/?p=186461';
const EMBARGO = 'When did Russia lift its arms embargo on Pakistan?';
const README = fileURLToPath(new URL('../README.md', import.meta.url));

let fake: FakeDiscord;
let bot: BotProcess;
let dir: string;
/** Every message the bot showed in this file, to look for raw scores. */
const shown: Json[] = [];

const text = (name: string, value: string): PlayedOption => ({ name, type: STRING, value });

/** Runs a slash command as `user` and waits for what the channel then sees. */
async function run(name: string, options: PlayedOption[], user: PlayedUser = ASKER): Promise<{ played: PlayedInteraction; message: Json }> {
  const played = fake.slashCommand(name, options, user);
  // A refusal (the rate limit) is an immediate reply; an answer edits the deferred one.
  const last = await played.waitFor((r) => r.kind === 'edit' || r.kind === 'followup' || r.type === REPLY);
  const message = last.kind === 'edit' ? played.message() : last.body;
  shown.push(message);
  return { played, message: structuredClone(message) };
}

/**
 * Presses a button of `message` as `user`. The acknowledgement is the reply (or the update) itself;
 * `played.message()` is a private reply as Discord then holds it, to press its own buttons.
 */
async function pressed(customId: string, message: Json, user: PlayedUser): Promise<{ ack: Json; played: PlayedInteraction }> {
  const played = fake.button(customId, message, user);
  const ack = await played.acknowledged;
  expect(checkMessageLimits(ack.body)).toEqual([]);
  shown.push(ack.body);
  return { ack, played };
}

const press = async (customId: string, message: Json, user: PlayedUser): Promise<Json> => (await pressed(customId, message, user)).ack;

const buttons = (message: Json): Json[] => message.components.flatMap((row: Json) => row.components);
const customIds = (message: Json): string[] => buttons(message).flatMap((b) => (b.custom_id ? [b.custom_id] : []));
const labels = (message: Json): string[][] => message.components.map((row: Json) => row.components.map((b: Json) => b.label));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-replies-'));
  fake = await startFakeDiscord();
  // The default limit of 20 commands a minute: the presses below go past it, as they may.
  bot = await startLoggedInBot(fake, join(dir, 'library.db'));
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('1. a button acts for the member who pressed it', () => {
  const replies: [string, PlayedOption[], string[]][] = [
    ['ask', [text('question', EMBARGO)], ['source:open:berger-2019:9', 'source:open:aslam-2019:5', 'source:open:gvs-2018:8', 'ask:more:3:3:::', 'ask:refs:apa:0:3:::']],
    ['source', [text('id', 'kharakov-2014')], ['source:open:kharakov-2014:1', 'source:ref:kharakov-2014:apa', 'source:ref:kharakov-2014:mla', 'source:ref:kharakov-2014:chicago', 'source:ref:kharakov-2014:bibtex']],
    ['source', [text('cite', '[gvs-2018 ¶4]')], ['source:open:gvs-2018:3', 'source:open:gvs-2018:5']],
    ['timeline', [], ['timeline:page:1:::']],
  ];

  it.each(replies)('answers another member of /%s privately and leaves the reply as it was', async (name, options, ids) => {
    const { played, message } = await run(name, options);
    expect(customIds(message)).toEqual(ids);
    for (const id of ids) {
      const ack = await press(id, played.message(), CLASSMATE);
      expect([ack.type, ack.body.flags & EPHEMERAL]).toEqual([REPLY, EPHEMERAL]);
    }
    expect(played.message()).toEqual(message);
  });

  it('gives the other member a copy of their own to page through', async () => {
    const { played, message } = await run('ask', [text('question', EMBARGO)]);
    const copy = await pressed('ask:more:3:3:::', played.message(), CLASSMATE);
    expect([copy.ack.type, copy.ack.body.flags & EPHEMERAL, copy.ack.body.embeds[0].title]).toEqual([REPLY, EPHEMERAL, 'Passages 4–6']);
    const back = await press('ask:more:0:3:::', copy.played.message(), CLASSMATE);
    expect([back.type, back.body.embeds[0].title]).toEqual([UPDATE_MESSAGE, 'Answer']);
    expect(copy.played.message().embeds[0].title).toBe('Answer');
    expect(played.message()).toEqual(message);
  });
});

describe('2. paging one\'s own answer goes both ways', () => {
  it('turns to passages 4–6 and back to the answer on the same message', async () => {
    const { played, message } = await run('ask', [text('question', EMBARGO)]);
    const next = await press('ask:more:3:3:::', played.message(), ASKER);
    expect([next.type, next.body.embeds[0].title, next.body.embeds[0].description]).toEqual([UPDATE_MESSAGE, 'Passages 4–6', 'More passages on the question; the answer is on the first page.']);
    expect(labels(played.message())[1]).toEqual(['◀ Passages 1–3', 'More passages ▶', 'References']);
    const back = await press('ask:more:0:3:::', played.message(), ASKER);
    expect(back.type).toBe(UPDATE_MESSAGE);
    expect([played.message().embeds, played.message().components]).toEqual([message.embeds, message.components]);
  });

  it('does not call a later page of an unanswered question "nothing on that"', async () => {
    const { played } = await run('ask', [text('question', 'Who is the president of France?')]);
    const last = await press('ask:more:3:3:::', played.message(), ASKER);
    expect([last.body.embeds[0].title, last.body.embeds[0].description]).toEqual(['Passage 4', 'More of the closest passages; none of them answers the question.']);
    expect(labels(last.body).at(-1)).toEqual(['◀ Passages 1–3', 'References']);
  });
});

describe('3. button presses are not commands for the rate limit', () => {
  it('steps through 25 paragraphs with ▶ without being refused', async () => {
    const { played } = await run('source', [text('cite', '[observer-2021 ¶1]')], READER);
    for (let n = 2; n <= 26; n++) {
      const next = buttons(played.message()).find((b) => b.label.endsWith('▶'));
      expect(next.custom_id).toBe(`source:open:observer-2021:${n}`);
      const ack = await press(next.custom_id, played.message(), READER);
      expect([ack.type, ack.body.content]).toEqual([UPDATE_MESSAGE, undefined]);
    }
    expect(played.message().embeds[0].title).toBe('[observer-2021 ¶26] Pak-Russia relations on strategic path');
  });
});

describe('4. the article is a link wherever a source is shown', () => {
  it('links the /source card by its title and a Link button', async () => {
    const { message } = await run('source', [text('id', 'kharakov-2014')], READER);
    expect(message.embeds[0].url).toBe(KHARAKOV_URL);
    expect(buttons(message).filter((b) => b.style === LINK)).toEqual([{ type: 2, style: LINK, label: 'Read the article', url: KHARAKOV_URL }]);
  });

  it('links an opened paragraph by its title', async () => {
    const { message } = await run('source', [text('cite', '[observer-2021 ¶25]')], READER);
    expect(message.embeds[0].url).toBe(OBSERVER_URL);
  });

  it('links the citation of an /ask answer and each passage\'s source', async () => {
    const { message } = await run('ask', [text('question', 'Who did Shoygu meet in Rawalpindi?'), { name: 'limit', type: INTEGER, value: 1 }], READER);
    expect(message.embeds[0].description.endsWith(` \\[[kharakov-2014 ¶8](${KHARAKOV_URL})\\]`)).toBe(true);
    expect(message.embeds[0].fields[0].value.split('\n').at(-1)).toBe(`*[Russia-Pakistan Foreign Relations to a new height](${KHARAKOV_URL}) — Varonica Kharakov, Dispatch News Desk, c. November 2014*`);
  });

  it('links each citation of a timeline to its source', async () => {
    const { message } = await run('timeline', [text('topic', 'gas pipeline')], READER);
    expect(message.embeds[0].description).toBe([
      `- **2018** 27 September — Islamabad and Moscow signed a historic $10 billion offshore gas pipeline agreement in Moscow. \\[[observer-2021 ¶25](${OBSERVER_URL})\\]`,
      `- **2019** 6 February — During a visit of the Russian delegation, headed by Gazprom, the Russian side pledged an investment of $14 billion in offshore gas pipeline project. \\[[observer-2021 ¶27](${OBSERVER_URL})\\]`,
    ].join('\n'));
  });
});

describe('5. how well a passage matches, in words; the answer once', () => {
  it('says strong or partial match, and shows the answering sentence once, marking where it was', async () => {
    const { message } = await run('ask', [text('question', 'Who did Shoygu meet in Rawalpindi?')]);
    const embed = message.embeds[0];
    expect(embed.fields.map((f: Json) => f.name)).toEqual(['1. [kharakov-2014 ¶8] · strong match', '2. [kharakov-2014 ¶15] · partial match', '3. [kharakov-2014 ¶9] · weak match']);
    expect(embed.description).toBe(`Russian Defense Minister Sergey Shoigu strongly appreciated Pakistan Army and its skills to counter terrorism during his meeting with his Pakistani counterpart **Khawaja Asif** in Rawalpindi. \\[[kharakov-2014 ¶8](${KHARAKOV_URL})\\]`);
    expect(JSON.stringify(embed).split('strongly appreciated Pakistan Army')).toHaveLength(2);
    expect(embed.fields[0].value.startsWith('*(the answer above)* During their meeting on Thursday, Russia offered Pakistan')).toBe(true);
  });

  it('shows no score in any reply of this file', () => {
    expect(shown.length).toBeGreaterThan(40);
    for (const { embeds, components } of shown) {
      expect(JSON.stringify({ embeds, components })).not.toMatch(/score/i);
      for (const field of embeds.flatMap((e: Json) => e.fields ?? []).filter((f: Json) => /^\d+\. \[/.test(f.name))) {
        expect(field.name).toMatch(/^\d+\. \[[a-z0-9-]+ ¶\d+\] · (strong|partial|weak) match$/);
      }
    }
  });
});

describe('6. a question is read for its words', () => {
  it('answers "@everyone **what** is _CPEC_" about CPEC, echoing it only in the footer', async () => {
    const question = '@everyone **what** is _CPEC_';
    const { message } = await run('ask', [text('question', question)]);
    const embed = message.embeds[0];
    expect(embed.title).toBe('Answer');
    expect(embed.description).toBe(`Pakistan has already allowed Russia to use Gwadar port through China-Pakistan Economic Corridor (CPEC). \\[[observer-2021 ¶31](${OBSERVER_URL})\\]`);
    expect(embed.fields.map((f: Json) => f.name)).toEqual(['1. [observer-2021 ¶31] · strong match', '2. [observer-2021 ¶32] · strong match', '3. [aslam-2019 ¶7] · strong match']);
    expect(embed.fields.every((f: Json) => f.value.includes('CPEC') || f.value.includes('the answer above'))).toBe(true);
    expect(embed.footer.text).toBe(`Asked: ${question}`);
    expect(JSON.stringify({ ...embed, footer: undefined })).not.toMatch(/@everyone|\*\*what\*\*/);
  });
});

describe('7. every command reads a source the same way', () => {
  it('suggests the id nearest a typo, in /ask and in autocomplete', async () => {
    const played = fake.slashCommand('ask', [text('question', 'Shoigu'), text('source', 'kharakov-2041')], ASKER);
    const reply = await played.waitFor((r) => r.kind === 'followup');
    expect([reply.body.content, reply.body.flags & EPHEMERAL]).toEqual(['⚠ There is no source "kharakov-2041" in the library. Did you mean kharakov-2014?', EPHEMERAL]);
    const choices = await fake.autocomplete('ask', [{ name: 'question', type: STRING, value: 'Shoigu' }, { name: 'source', type: STRING, value: 'kharakov-2041', focused: true }]).acknowledged;
    expect(choices.body.choices).toEqual([{ name: 'Russia-Pakistan Foreign Relations to a new height (kharakov-2014)', value: 'kharakov-2014' }]);
  });

  it('takes the start of an id in /ask and /timeline', async () => {
    const asked = await run('ask', [text('question', 'arms embargo'), text('source', 'berger')]);
    expect(asked.message.embeds[0].fields.map((f: Json) => f.name.split(' ')[1])).toEqual(['[berger-2019', '[berger-2019', '[berger-2019']);
    const timeline = await run('timeline', [text('source', 'kharakov')]);
    expect(timeline.message.embeds[0].title).toBe('Timeline: 5 events, reported by kharakov-2014');
  });
});

describe('References', () => {
  it('lists an APA reference for every source the answer cites, privately, and switches style in place', async () => {
    const { played, message } = await run('ask', [text('question', EMBARGO)]);
    const { ack: references, played: referencesPlayed } = await pressed('ask:refs:apa:0:3:::', played.message(), ASKER);
    expect([references.type, references.body.flags & EPHEMERAL]).toEqual([REPLY, EPHEMERAL]);
    expect(references.body.embeds[0]).toMatchObject({
      title: 'References · APA 7th edition',
      description: [
        'Aslam, S. (ca. 2019). *Growing alliance between Islamabad and Moscow*. \\[Eurasia Review?\\].',
        'Berger, M. (ca. 2019). *Pakistan-Russia relations: From bitter enemies to geopolitical partners*. New Eastern Outlook.',
        '*Moscow and Islamabad unite against Indo-US nexus*. (ca. 2018). Global Village Space.',
      ].join('\n\n'),
      footer: { text: `References for: ${EMBARGO}` },
    });
    expect(customIds(references.body)).toEqual(['ask:refs:mla:0:3:::', 'ask:refs:chicago:0:3:::', 'ask:refs:bibtex:0:3:::']);
    const mla = await press('ask:refs:mla:0:3:::', referencesPlayed.message(), ASKER);
    expect([mla.type, mla.body.embeds[0].title]).toEqual([UPDATE_MESSAGE, 'References · MLA 9th edition']);
    expect(played.message()).toEqual(message);
  });
});

describe('9. a timeline page reads as a list', () => {
  it('shows eight compact lines a page, each year in bold once', async () => {
    const { played, message } = await run('timeline', []);
    expect(message.embeds[0].title).toBe('Timeline (page 1 of 4): 29 events');
    expect(message.embeds[0].description).toBe([
      '- **1948** 1 May — Diplomatic and bilateral relations between Pakistan and the Russian Federation were first developed on May 1st, 1948. [aslam-2019 ¶2]',
      `- **1969** The latest visit took place as far back as 1969, when USSR Defense Minister Andrey Grechko made a trip to the country. \\[[kharakov-2014 ¶5](${KHARAKOV_URL})\\]`,
      '- **1980** the 1980s — Pakistan stood with the United States against Russia (Soviet Union) in 1980s to oust Soviet Union from Afghanistan. [gvs-2018 ¶9]',
      '- **1989** 15 February — After 10 years, USSR failed to win the war and on February 15, 1989, left Afghanistan in a negotiated exit. [gvs-2018 ¶9]',
      '- **2003** Since the inception of this group in 2003, both countries have conducted structural dialogues through this platform. [gvs-2018 ¶2]',
      `- **2012** ≈ President Putin was planning to visit Pakistan two years ago but visit did not take place because Pakistan was massively involved with United States due to extreme security situation. *(resolved from "two years ago")* \\[[kharakov-2014 ¶7](${KHARAKOV_URL})\\]`,
      `- **2014** The counterterrorism maneuvering had stemmed from a defense cooperation agreement between the two countries which was signed in 2014, lifting a long-running Russian ban on arms sales to Pakistan. [gvs-2018 ¶8] \\[[observer-2021 ¶29](${OBSERVER_URL})\\] ⚠ **sources differ: 2014 / 2015 — \\[gvs-2018 ¶4\\] (2015)**`,
      '- The relationships started to gain traction in 2014 – the year the United States began to withdraw NATO troops from Afghanistan. [berger-2019 ¶9]',
      '-# ≈ a date resolved against the article\'s own date',
    ].join('\n'));
    const pages = [message];
    for (let page = 1; page < 4; page++) pages.push((await press(`timeline:page:${page}:::`, played.message(), ASKER)).body);
    for (const { embeds: [embed] } of pages) {
      const lines = embed.description.split('\n').filter((line: string) => line.startsWith('- '));
      const years = lines.flatMap((line: string) => /^- \*\*(\d{4})\*\*/.exec(line)?.[1] ?? []);
      expect(lines.length).toBeLessThanOrEqual(8);
      expect(new Set(years).size).toBe(years.length);
      // What a reader sees, link addresses aside: about a screen.
      expect(embed.description.replace(/\]\([^)]*\)/g, ']').length).toBeLessThan(2000);
    }
    expect(pages.map((p) => p.embeds[0].description.split('\n').filter((line: string) => line.startsWith('- ')).length)).toEqual([8, 8, 8, 5]);
  });
});

describe('README.md', () => {
  it('shows an /ask, a /source and a /timeline reply as Discord shows them', async () => {
    const screens: string[] = [];
    const show = async (line: string, name: string, options: PlayedOption[]) => screens.push(`> ${line}`, messageAsText((await run(name, options, VIEWER)).message), '');
    await show('/ask question: Who did Shoygu meet in Rawalpindi? limit: 2', 'ask', [text('question', 'Who did Shoygu meet in Rawalpindi?'), { name: 'limit', type: INTEGER, value: 2 }]);
    await show('/source id: kharakov', 'source', [text('id', 'kharakov')]);
    await show('/timeline topic: defence agreement', 'timeline', [text('topic', 'defence agreement')]);
    const block = ['```', ...screens.slice(0, -1), '```'].join('\n');
    const readme = readFileSync(README, 'utf8');
    const [start, end] = ['<!-- screens: test/replies.e2e.test.ts -->\n', '\n<!-- /screens -->'];
    // UPDATE_SCREENS=1 rewrites the block after a deliberate change to the replies.
    if (process.env.UPDATE_SCREENS === '1') writeFileSync(README, readme.slice(0, readme.indexOf(start) + start.length) + block + readme.slice(readme.indexOf(end)));
    expect(readFileSync(README, 'utf8').split(start)[1]?.split(end)[0]).toBe(block);
  });
});
