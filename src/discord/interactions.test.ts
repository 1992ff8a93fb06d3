import { DiscordAPIError, type Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Command } from '../commands/types.js';
import type { AppContext } from '../context.js';
import { handleInteraction } from './interactions.js';

function apiError(code: number): DiscordAPIError {
  return new DiscordAPIError({ code, message: 'x' }, code, code === 10062 ? 404 : 400, 'POST', '/interactions', { body: undefined, files: undefined });
}

/** A chat-input interaction whose reply methods record calls; `deferReply` does what `defer` says. */
function fakeCommandInteraction(defer: () => Promise<void>) {
  const calls: string[] = [];
  const interaction = {
    id: '1', commandName: 'boom', deferred: false, replied: false,
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

function context(logged: string[]): AppContext {
  const log = { info: (m: string) => logged.push(`info ${m}`), warn: (m: string) => logged.push(`warn ${m}`), error: (m: string) => logged.push(`error ${m}`) };
  return { log } as unknown as AppContext;
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
});
