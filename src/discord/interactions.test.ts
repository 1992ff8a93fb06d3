import { DiscordAPIError, MessageFlagsBitField, PermissionFlagsBits, PermissionsBitField, type Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Command } from '../commands/types.js';
import type { AppContext } from '../app/context.js';
import { handleInteraction } from './interactions.js';
import { RateLimiter } from './rate-limit.js';

function apiError(code: number): DiscordAPIError {
  return new DiscordAPIError({ code, message: 'x' }, code, code === 10062 ? 404 : 400, 'POST', '/interactions', { body: undefined, files: undefined });
}

/** A chat-input interaction whose reply methods record calls; `deferReply` does what `defer` says. */
function fakeCommandInteraction(defer: () => Promise<void>, commandName = 'boom', permissions = new PermissionsBitField()) {
  const calls: string[] = [];
  const interaction = {
    id: '1', commandName, deferred: false, replied: false, user: { id: '42' }, memberPermissions: permissions, guildId: '100000000000000001',
    isAutocomplete: () => false, isChatInputCommand: () => true, isButton: () => false, isRepliable: () => true,
    options: { data: [] },
    deferReply: async () => {
      calls.push('deferReply');
      await defer();
      interaction.deferred = true;
    },
    editReply: async () => void calls.push('editReply'),
    deleteReply: async () => void calls.push('deleteReply'),
    followUp: async (m: { content: string; flags: number }) => void calls.push(`followUp ${m.flags} ${m.content}`),
    reply: async (m: { content: string; flags: number }) => void calls.push(`reply ${m.flags} ${m.content}`),
  };
  return { interaction: interaction as unknown as Interaction, calls };
}

/** A context that logs into `logged` and records which libraries commands were given (`libraries`). */
function context(logged: string[], libraries: string[] = []): AppContext {
  const log = { info: (m: string) => logged.push(`info ${m}`), warn: (m: string) => logged.push(`warn ${m}`), error: (m: string) => logged.push(`error ${m}`) };
  const ctx = {
    log, library: '',
    forLibrary: (library: string) => {
      libraries.push(library);
      return { ...ctx, library };
    },
  };
  return ctx as unknown as AppContext;
}

const failing: Command = {
  data: { name: 'boom', toJSON: () => ({ name: 'boom', description: 'x' }) },
  run: () => {
    throw new Error('disk on fire');
  },
  renderText: () => '',
  renderDiscord: () => ({ embeds: [], components: [] }),
};

describe('handleInteraction', () => {
  it("runs a command on the library of the server the interaction comes from", async () => {
    const libraries: string[] = [];
    const seen: string[] = [];
    const recording: Command = { ...failing, run: (ctx) => void seen.push(ctx.library) };
    const { interaction, calls } = fakeCommandInteraction(() => Promise.resolve(), 'boom');
    await handleInteraction(context([], libraries), new Map([['boom', recording]]), interaction);
    expect(libraries).toEqual(['100000000000000001']);
    expect(seen).toEqual(['100000000000000001']);
    expect(calls).toEqual(['deferReply', 'editReply']);
  });

  it('logs an expired interaction (10062) and does not throw or reply', async () => {
    const logged: string[] = [];
    const { interaction, calls } = fakeCommandInteraction(() => Promise.reject(apiError(10062)));
    await handleInteraction(context(logged), new Map([['boom', failing]]), interaction);
    expect(calls).toEqual(['deferReply']);
    expect(logged).toEqual(['warn /boom (interaction 1): interaction expired before the reply (10062)']);
  });

  it('logs an interaction already acknowledged (40060) and does not throw or reply', async () => {
    const logged: string[] = [];
    const { interaction, calls } = fakeCommandInteraction(() => Promise.reject(apiError(40060)));
    await handleInteraction(context(logged), new Map([['boom', failing]]), interaction);
    expect(calls).toEqual(['deferReply']);
    expect(logged).toEqual(['warn /boom (interaction 1): interaction already acknowledged (40060)']);
  });

  it('logs an unexpected failure with its cause and tells the user one ephemeral sentence', async () => {
    const logged: string[] = [];
    const { interaction, calls } = fakeCommandInteraction(() => Promise.resolve());
    await handleInteraction(context(logged), new Map([['boom', failing]]), interaction);
    expect(calls).toEqual([
      'deferReply', 'deleteReply',
      'followUp 64 Something went wrong answering that. The error has been logged; please try again.',
    ]);
    expect(logged).toEqual(['error /boom (interaction 1) failed: disk on fire']);
  });

  it('refuses a user over the rate limit privately, without running the command', async () => {
    const logged: string[] = [];
    const rateLimiter = new RateLimiter(1, () => 0);
    const first = fakeCommandInteraction(() => Promise.resolve(), 'ok');
    await handleInteraction(context(logged), new Map([['ok', succeeding]]), first.interaction, { rateLimiter });
    expect(first.calls).toEqual(['deferReply', 'editReply']);
    const second = fakeCommandInteraction(() => Promise.resolve(), 'ok');
    await handleInteraction(context(logged), new Map([['ok', succeeding]]), second.interaction, { rateLimiter });
    expect(second.calls).toEqual(["reply 64 You're sending commands faster than this server allows (1 a minute); please try again in 60 seconds."]);
  });

  it('refuses a member without the permission the command requires, even if the server let them see it', async () => {
    const logged: string[] = [];
    const refused = fakeCommandInteraction(() => Promise.resolve(), 'admin');
    await handleInteraction(context(logged), new Map([['admin', adminOnly]]), refused.interaction);
    expect(refused.calls).toEqual(['reply 64 Only members with the Manage Server permission can use /admin.']);
    expect(logged).toEqual(['info /admin (interaction 1): refused user 42: Only members with the Manage Server permission can use /admin.']);
    const allowed = fakeCommandInteraction(() => Promise.resolve(), 'admin', new PermissionsBitField(PermissionFlagsBits.ManageGuild));
    await handleInteraction(context(logged), new Map([['admin', adminOnly]]), allowed.interaction);
    expect(allowed.calls).toEqual(['deferReply', 'editReply']);
  });
});

/** A button press on a message of user `owner`; its reply methods record calls. */
function fakeButtonInteraction(customId: string, presser: string, owner: string) {
  const calls: string[] = [];
  const interaction = {
    id: '2', customId, user: { id: presser }, memberPermissions: new PermissionsBitField(), deferred: false, replied: false,
    isAutocomplete: () => false, isChatInputCommand: () => false, isButton: () => true, isRepliable: () => true,
    message: { embeds: [], flags: new MessageFlagsBitField(), interactionMetadata: { user: { id: owner } } },
    update: async () => void calls.push('update'),
    reply: async (m: { content?: string; flags: number }) => void calls.push(`reply ${m.flags}${m.content ? ` ${m.content}` : ''}`),
  };
  return { interaction: interaction as unknown as Interaction, calls };
}

describe('button presses', () => {
  const paging: Command = { ...failing, data: { name: 'pages', toJSON: () => ({ name: 'pages', description: 'x' }) }, press: () => 'page 2' };
  const commands = new Map([['pages', paging], ['ok', { ...failing, data: { name: 'ok', toJSON: () => ({ name: 'ok', description: 'x' }) }, run: () => 'done' }]]);

  it('turn the page of the presser\'s own message, and answer anyone else privately beside it', async () => {
    const own = fakeButtonInteraction('pages:next', '42', '42');
    await handleInteraction(context([]), commands, own.interaction);
    const others = fakeButtonInteraction('pages:next', '43', '42');
    await handleInteraction(context([]), commands, others.interaction);
    expect([own.calls, others.calls]).toEqual([['update'], ['reply 64']]);
  });

  it('count against their own limit, not the commands\'', async () => {
    const limits = { rateLimiter: new RateLimiter(1, () => 0), pressLimiter: new RateLimiter(2, () => 0) };
    const command = fakeCommandInteraction(() => Promise.resolve(), 'ok');
    await handleInteraction(context([]), commands, command.interaction, limits);
    const presses = [1, 2, 3].map(() => fakeButtonInteraction('pages:next', '42', '42'));
    for (const { interaction } of presses) await handleInteraction(context([]), commands, interaction, limits);
    expect([command.calls, ...presses.map((p) => p.calls)]).toEqual([
      ['deferReply', 'editReply'], ['update'], ['update'],
      ["reply 64 You're pressing buttons faster than this server allows (2 a minute); please try again in 60 seconds."],
    ]);
  });
});

const succeeding: Command = { ...failing, data: { name: 'ok', toJSON: () => ({ name: 'ok', description: 'x' }) }, run: () => 'done' };
const adminOnly: Command = { ...succeeding, data: { name: 'admin', toJSON: () => ({ name: 'admin', description: 'x', default_member_permissions: String(PermissionFlagsBits.ManageGuild) }) } };
