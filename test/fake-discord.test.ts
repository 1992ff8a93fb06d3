import { once } from 'node:events';
import { constants, createInflate, type Inflate } from 'node:zlib';
import {
  ApplicationCommandOptionType,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  InteractionResponseType,
  REST,
  Routes,
  SlashCommandBuilder,
  type Interaction,
} from 'discord.js';
import { WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkAutocompleteChoices,
  checkCommandLimits,
  checkMessageLimits,
  startFakeDiscord,
  type FakeDiscord,
  type FakeDiscordOptions,
} from './fake-discord/index.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startFake(options?: FakeDiscordOptions): Promise<FakeDiscord> {
  const fake = await startFakeDiscord(options);
  cleanups.push(() => fake.close());
  return fake;
}

async function loginClient(fake: FakeDiscord): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
  cleanups.push(() => client.destroy());
  const ready = once(client, Events.ClientReady);
  await client.login(fake.botToken);
  await ready;
  await fake.waitForReady();
  return client;
}

/** Runs `handler` on the client's next interaction; settles when the handler does. */
function handleNext(client: Client, handler: (interaction: Interaction) => Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (interaction) => void handler(interaction).then(() => resolve(), reject));
  });
}

const maxLength = (path: string, max: number) => ({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
const badLength = (path: string, min: number, max: number) => ({ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` });
const button = (customId: string, label = 'Go') => ({ type: 2, style: 1, label, custom_id: customId });

describe('checkMessageLimits', () => {
  it('accepts content of exactly 2000 characters, counting an emoji as one', () => {
    expect(checkMessageLimits({ content: 'x'.repeat(1999) + '📚' })).toEqual([]);
  });

  it('reports content of 2001 characters', () => {
    expect(checkMessageLimits({ content: 'x'.repeat(2001) })).toEqual([maxLength('content', 2000)]);
  });

  it('reports every oversized embed part, then the 6000-character total', () => {
    const fields = Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' }));
    fields[0] = { name: 'n'.repeat(257), value: 'v'.repeat(1025) };
    const embed = { title: 't'.repeat(257), description: 'd'.repeat(4097), footer: { text: 'f'.repeat(2049) }, author: { name: 'a'.repeat(257) }, fields };
    expect(checkMessageLimits({ embeds: [embed] })).toEqual([
      maxLength('embeds.0.title', 256),
      maxLength('embeds.0.description', 4096),
      maxLength('embeds.0.footer.text', 2048),
      maxLength('embeds.0.author.name', 256),
      maxLength('embeds.0.fields', 25),
      maxLength('embeds.0.fields.0.name', 256),
      maxLength('embeds.0.fields.0.value', 1024),
      { path: 'embeds', code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' },
    ]);
  });

  it('reports eleven embeds and an empty field value', () => {
    const embeds = Array.from({ length: 11 }, () => ({ title: 'ok' }));
    embeds[3] = { fields: [{ name: 'Source', value: '' }] } as never;
    expect(checkMessageLimits({ embeds })).toEqual([
      maxLength('embeds', 10),
      { path: 'embeds.3.fields.0.value', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
    ]);
  });

  it('counts all embeds of a message towards the 6000-character total', () => {
    const embeds = [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2001) }];
    expect(checkMessageLimits({ embeds })).toEqual([
      { path: 'embeds', code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' },
    ]);
  });

  it('reports six rows, six buttons in a row, a long label, a long custom id and a duplicated one', () => {
    const rows = Array.from({ length: 6 }, (_, index) => ({ type: 1, components: [button(`row${index}`)] }));
    rows[0] = { type: 1, components: ['a', 'b', 'c', 'd', 'e', 'row1'].map((id) => button(id)) };
    rows[2] = { type: 1, components: [button('c'.repeat(101), 'L'.repeat(81))] };
    expect(checkMessageLimits({ components: rows })).toEqual([
      maxLength('components', 5),
      badLength('components.0.components', 1, 5),
      { path: 'components.1.components.0.custom_id', code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' },
      maxLength('components.2.components.0.label', 80),
      maxLength('components.2.components.0.custom_id', 100),
    ]);
  });

  it('reports a link button with a custom id or a bad URL, a button without a custom id, and an embed URL that is not one', () => {
    const link = (url?: string, customId?: string) => ({ type: 2, style: 5, label: 'Read', ...(url ? { url } : {}), ...(customId ? { custom_id: customId } : {}) });
    const components = [{ type: 1, components: [link('https://example.com/a'), link('https://example.com/b', 'x'), link('javascript:alert(1)'), link(), { type: 2, style: 1, label: 'No id' }] }];
    expect(checkMessageLimits({ embeds: [{ title: 't', url: 'not a url' }], components })).toEqual([
      { path: 'embeds.0.url', code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' },
      { path: 'components.0.components.1.custom_id', code: 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', message: 'A link button cannot have a custom id.' },
      { path: 'components.0.components.2.url', code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' },
      { path: 'components.0.components.3.url', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
      { path: 'components.0.components.4.custom_id', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' },
    ]);
  });
});

describe('checkAutocompleteChoices', () => {
  it('accepts 25 choices with names of 1 to 100 characters', () => {
    const choices = Array.from({ length: 25 }, (_, index) => ({ name: 'n'.repeat(index + 1), value: `v${index}` }));
    expect(checkAutocompleteChoices(choices)).toEqual([]);
  });

  it('reports 26 choices, an empty name, a 101-character name and a 101-character value', () => {
    const choices = Array.from({ length: 26 }, (_, index) => ({ name: `n${index}`, value: index }));
    choices[1] = { name: '', value: 1 };
    choices[2] = { name: 'n'.repeat(101), value: 2 };
    choices[3] = { name: 'ok', value: 'v'.repeat(101) } as never;
    expect(checkAutocompleteChoices(choices)).toEqual([
      maxLength('choices', 25),
      badLength('choices.1.name', 1, 100),
      badLength('choices.2.name', 1, 100),
      maxLength('choices.3.value', 100),
    ]);
  });
});

describe('checkCommandLimits', () => {
  it('reports an uppercase name, a 101-character description and a repeated name', () => {
    const commands = [
      { name: 'Ask', description: 'Ask the library' },
      { name: 'cite', description: 'd'.repeat(101) },
      { name: 'cite', description: 'Cite a source' },
    ];
    expect(checkCommandLimits(commands)).toEqual([
      { path: '0.name', code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' },
      badLength('1.description', 1, 100),
      { path: '2.name', code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' },
    ]);
  });
});

describe('startFakeDiscord', () => {
  it("gives discord.js a user's attachment, served at a signed CDN URL like Discord's, and held until released", async () => {
    const fake = await startFake();
    const client = await loginClient(fake);
    const attachment = fake.attach('notes.txt', 'Hello from the CDN.\n', { held: true });
    let seen: { name: string; size: number; contentType: string | null; url: string } | undefined;
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      const file = interaction.options.getAttachment('file', true);
      seen = { name: file.name, size: file.size, contentType: file.contentType, url: file.url };
      await interaction.reply({ content: 'Got it' });
    });
    fake.slashCommand('library', [{ name: 'action', type: ApplicationCommandOptionType.String, value: 'add' }, attachment.option('file')]);
    await handled;
    expect(seen).toEqual({ name: 'notes.txt', size: 20, contentType: 'text/plain; charset=utf-8', url: attachment.json.url });
    expect(fake.cdnRequests()).toEqual([]);

    const download = fetch(seen!.url);
    // The held request has reached the CDN when it is recorded; its response waits for release().
    while (fake.cdnRequests().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.cdnRequests()).toEqual([new URL(seen!.url).pathname]);
    attachment.release();
    const response = await download;
    expect([response.status, response.headers.get('content-type'), await response.text()]).toEqual([200, 'text/plain; charset=utf-8', 'Hello from the CDN.\n']);
    const unsigned = await fetch(seen!.url.replace(/\?.*$/, ''));
    expect([unsigned.status, await unsigned.text()]).toEqual([404, 'This content is no longer available.']);
  });

  it('dispatches interactions from another guild the bot is in, and refuses a guild it is not in', async () => {
    const other = '1300000000004194304';
    const fake = await startFake({ otherGuildIds: [other] });
    const client = await loginClient(fake);
    expect([...client.guilds.cache.keys()].sort()).toEqual([fake.guildId, other].sort());
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: `From ${interaction.guildId}` });
    });
    const played = fake.slashCommand('ask', [], { guildId: other });
    await handled;
    expect(played.message()?.content).toBe(`From ${other}`);
    expect(() => fake.slashCommand('ask', [], { guildId: '1300000000000000099' })).toThrow('fake-discord: the bot is not in guild 1300000000000000099; add it to otherGuildIds');
  });

  it('shows the user the embed of a deferred reply once it is edited', async () => {
    const fake = await startFake();
    const client = await loginClient(fake);
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.deferReply();
      const question = interaction.options.getString('question', true);
      await interaction.editReply({ embeds: [new EmbedBuilder().setTitle('Answer').setDescription(`You asked: ${question}`)] });
    });
    const played = fake.slashCommand('ask', [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Who founded the archive?' }]);
    await handled;

    expect((await played.acknowledged).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(played.responses().map(({ kind, type }) => [kind, type])).toEqual([['callback', 5], ['edit', undefined]]);
    expect(played.message()).toMatchObject({
      content: '',
      flags: 0,
      embeds: [{ type: 'rich', title: 'Answer', description: 'You asked: Who founded the archive?' }],
      interaction_metadata: { id: played.id, name: 'ask' },
    });
    expect(played.errors()).toEqual([]);
  });

  it('answers a second acknowledgement of the same interaction with 40060', async () => {
    const fake = await startFake();
    const client = await loginClient(fake);
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      await interaction.reply({ content: 'First answer' });
      // discord.js refuses a second reply itself; a second process (or a raw call) reaches Discord.
      const body = { type: InteractionResponseType.ChannelMessageWithSource, data: { content: 'Second answer' } };
      await client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), { body, auth: false });
    });
    const played = fake.slashCommand('ask');

    const error = await handled.then(() => undefined, (rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 40060, status: 400, message: 'Interaction has already been acknowledged.' });
    expect(played.errors()).toEqual([{ status: 400, code: 40060, message: 'Interaction has already been acknowledged.' }]);
    expect(played.message()?.content).toBe('First answer');
  });

  it('rejects a reply of 2001 characters with 50035 and shows the user nothing', async () => {
    const fake = await startFake();
    const client = await loginClient(fake);
    const handled = handleNext(client, (interaction) =>
      interaction.isChatInputCommand() ? interaction.reply({ content: 'x'.repeat(2001) }) : Promise.resolve(),
    );
    const played = fake.slashCommand('ask');

    const error = await handled.then(() => undefined, (rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50035, status: 400 });
    expect((error as DiscordAPIError).rawError).toEqual({
      code: 50035,
      message: 'Invalid Form Body',
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] } } },
    });
    expect(played.errors()).toEqual([{ status: 400, code: 50035, message: 'Invalid Form Body' }]);
    expect(played.message()).toBeUndefined();
  });

  it('expires an interaction not acknowledged in time and answers the late reply with 10062', async () => {
    const fake = await startFake({ ackTimeoutMs: 300 });
    const client = await loginClient(fake);
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const handled = handleNext(client, async (interaction) => {
      await released;
      if (interaction.isChatInputCommand()) await interaction.reply('Too late');
    });
    const played = fake.slashCommand('ask');

    await expect(played.acknowledged).rejects.toThrow(`Interaction ${played.id} was not acknowledged within 300 ms`);
    release();
    await expect(handled).rejects.toMatchObject({ code: 10062, status: 404, message: 'Unknown interaction' });
    expect(played.errors()).toEqual([{ status: 404, code: 10062, message: 'Unknown interaction' }]);
    expect(played.responses()).toEqual([]);
  });

  it('records the choices an autocomplete handler responds with', async () => {
    const fake = await startFake();
    const client = await loginClient(fake);
    let focused: unknown;
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      focused = interaction.options.getFocused(true);
      await interaction.respond([
        { name: 'Alexandria library', value: 'alexandria' },
        { name: 'Alexander Fleming', value: 'fleming' },
      ]);
    });
    const played = fake.autocomplete('ask', [{ name: 'question', type: ApplicationCommandOptionType.String, value: 'Alex' }]);
    await handled;

    expect(focused).toEqual({ name: 'question', type: ApplicationCommandOptionType.String, value: 'Alex', focused: true });
    expect(played.responses()).toEqual([
      {
        interactionId: played.id,
        kind: 'callback',
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        body: { choices: [{ name: 'Alexandria library', value: 'alexandria' }, { name: 'Alexander Fleming', value: 'fleming' }] },
        at: expect.any(Number),
      },
    ]);
  });

  it('shows the updated message after a button interaction answered with update()', async () => {
    const fake = await startFake();
    const client = await loginClient(fake);
    let seen: unknown[] = [];
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      seen = [interaction.customId, interaction.message.content];
      await interaction.update({ content: 'Page 2 of 3' });
    });
    const played = fake.button('page:2', { content: 'Page 1 of 3' });
    await handled;

    expect(seen).toEqual(['page:2', 'Page 1 of 3']);
    expect((await played.acknowledged).type).toBe(InteractionResponseType.UpdateMessage);
    expect(played.message()).toMatchObject({
      content: 'Page 2 of 3',
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Next', custom_id: 'page:2' }] }],
    });
    expect(played.message()?.edited_timestamp).toEqual(expect.any(String));
  });

  it('reads a multipart reply with a file and returns the message when asked with_response', async () => {
    const fake = await startFake();
    const client = await loginClient(fake);
    let returned: unknown[] = [];
    const handled = handleNext(client, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('expected a chat input command');
      const files = [{ attachment: Buffer.from('a,b\n1,2\n'), name: 'sources.csv' }];
      const response = await interaction.reply({ content: 'Sources attached', files, withResponse: true });
      const message = response.resource?.message;
      returned = [message?.content, message?.attachments.first()?.name];
    });
    const played = fake.slashCommand('ask');
    await handled;

    expect(returned).toEqual(['Sources attached', 'sources.csv']);
    expect(played.responses()[0]?.body).toEqual({
      content: 'Sources attached',
      tts: false,
      enforce_nonce: false,
      attachments: [{ id: '0' }],
    });
    expect(played.message()?.attachments.map((file: { filename: string; size: number }) => [file.filename, file.size])).toEqual([['sources.csv', 8]]);
    const callback = fake.requests().find((request) => request.path.endsWith('/callback'));
    expect(callback?.authorization).toBeUndefined();
  });

  it('records guild commands PUT through @discordjs/rest with the bot token', async () => {
    const fake = await startFake();
    const rest = new REST({ api: fake.apiBase }).setToken(fake.botToken);
    const body = [
      new SlashCommandBuilder()
        .setName('ask')
        .setDescription('Ask the library a question')
        .addStringOption((option) => option.setName('question').setDescription('What to ask').setRequired(true).setAutocomplete(true))
        .toJSON(),
    ];
    const stored = (await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body })) as { id: string; name: string; guild_id: string }[];
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();

    expect(fake.registeredCommands('guild')).toEqual(body);
    expect(fake.registeredCommands('global')).toEqual([]);
    expect(stored.map(({ name, guild_id }) => [name, guild_id])).toEqual([['ask', fake.guildId]]);
    expect(stored[0]?.id).toMatch(/^\d{17,20}$/);
    expect(fake.requests().at(-1)).toEqual({
      method: 'PUT',
      path: `/api/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
      authorization: `Bot ${fake.botToken}`,
      body,
    });
  });

  it('refuses a REST request without the bot token with 401', async () => {
    const fake = await startFake();
    const response = await fetch(`${fake.apiBase}/v10/users/@me`);
    expect([response.status, await response.json()]).toEqual([401, { code: 0, message: '401: Unauthorized' }]);
  });

  it('counts one identify per client that logs in, so restarts are visible', async () => {
    const fake = await startFake();
    const first = await loginClient(fake);
    expect(first.guilds.cache.get(fake.guildId)?.channels.cache.map((channel) => channel.name)).toEqual(['general']);
    await first.destroy();
    await loginClient(fake);
    expect(fake.identifyCount()).toBe(2);
  });
});

/** A raw gateway client that inflates a zlib-stream and collects every frame. */
async function openRawGateway(url: string, frames: { op: number; s: number | null; t: string | null; d: unknown }[]): Promise<WebSocket> {
  const inflate: Inflate = createInflate();
  const socket = new WebSocket(url);
  let chain = Promise.resolve();
  socket.on('message', (data: Buffer) => {
    chain = chain.then(
      () =>
        new Promise<void>((resolve) => {
          inflate.write(data);
          inflate.flush(constants.Z_SYNC_FLUSH, () => {
            const chunks: Buffer[] = [];
            for (let chunk: Buffer | null = inflate.read(); chunk !== null; chunk = inflate.read()) chunks.push(chunk);
            frames.push(JSON.parse(Buffer.concat(chunks).toString()));
            resolve();
          });
        }),
    );
  });
  socket.on('close', () => inflate.close());
  await once(socket, 'open');
  return socket;
}

async function waitForFrames(frames: unknown[], count: number): Promise<void> {
  const deadline = Date.now() + 2000;
  while (frames.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('fake gateway', () => {
  it('speaks zlib-stream and replays missed events on RESUME with increasing sequence numbers', async () => {
    const fake = await startFake();
    const url = `${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`;
    const frames: { op: number; s: number | null; t: string | null; d: { session_id?: string } }[] = [];
    const first = await openRawGateway(url, frames);
    first.send(JSON.stringify({ op: 2, d: { token: fake.botToken, intents: 1, properties: {} } }));
    first.send(JSON.stringify({ op: 1, d: null }));
    await fake.waitForReady();
    await waitForFrames(frames, 4);
    expect(frames.map(({ op, s, t }) => [op, s, t])).toEqual([[10, null, null], [0, 1, 'READY'], [0, 2, 'GUILD_CREATE'], [11, null, null]]);

    const sessionId = frames[1]?.d.session_id;
    first.close();
    await once(first, 'close');
    const resumed: typeof frames = [];
    const second = await openRawGateway(url, resumed);
    second.send(JSON.stringify({ op: 6, d: { token: fake.botToken, session_id: sessionId, seq: 1 } }));
    await waitForFrames(resumed, 3);
    expect(resumed.map(({ op, s, t }) => [op, s, t])).toEqual([[10, null, null], [0, 2, 'GUILD_CREATE'], [0, 3, 'RESUMED']]);
    second.close();
    await once(second, 'close');
    expect(fake.identifyCount()).toBe(1);
  });
});
