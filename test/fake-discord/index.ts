import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayDispatchEvents } from 'discord.js';
import { appRoutes } from './app-routes.js';
import { callbackRoutes } from './callback-route.js';
import { FakeCdn } from './cdn.js';
import { CommandRegistry } from './command-registry.js';
import { createContext, type FakeContext } from './context.js';
import { FakeGateway } from './gateway.js';
import { InteractionStore } from './interaction-store.js';
import {
  buildAutocompleteInteraction,
  buildButtonInteraction,
  buildButtonMessage,
  buildCommandInteraction,
} from './interaction-payloads.js';
import type { InteractionRecord } from './played-interaction.js';
import { createRestHandler, type SeenRequest } from './rest.js';
import type { FakeDiscord, FakeDiscordOptions, Json } from './types.js';
import { webhookRoutes } from './webhook-routes.js';

export type { FakeAttachment, FakeDiscord, FakeDiscordOptions, PlayedInteraction, PlayedOption, PlayedUser, RecordedResponse, ReturnedError } from './types.js';
export { checkAutocompleteChoices, checkMessageLimits, DISCORD_LIMITS, type LimitViolation } from './limits.js';
export { checkCommandLimits } from './command-limits.js';

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Sends an interaction over the gateway; without a ready client the test is wrong, so it throws. */
function play(gateway: FakeGateway, store: InteractionStore, payload: Json): InteractionRecord {
  if (!gateway.hasReadyClient()) throw new Error('fake-discord: no identified client to send INTERACTION_CREATE to');
  const record = store.add(payload);
  gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
  return record;
}

function commandId(ctx: FakeContext, commands: CommandRegistry, name: string): string {
  return commands.findByName(name)?.id ?? ctx.nextId();
}

/**
 * Starts a fake Discord on a random 127.0.0.1 port: REST under `apiBase`, the gateway at
 * `gatewayUrl`. Log the real discord.js client in with `rest: { api: fake.apiBase }`.
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const server = createServer();
  const ctx = createContext(options, await listen(server));
  const store = new InteractionStore(ctx.ackTimeoutMs);
  const commands = new CommandRegistry(ctx);
  const seen: SeenRequest[] = [];
  const routes = [...appRoutes(ctx, commands), ...callbackRoutes(ctx, store), ...webhookRoutes(ctx, store)];
  const rest = createRestHandler(routes, ctx.botToken, seen);
  const cdn = new FakeCdn(ctx);
  server.on('request', (request, response) => {
    if (!cdn.serve(request, response)) void rest(request, response);
  });
  const gateway = new FakeGateway(ctx, server);

  return {
    apiBase: ctx.apiBase,
    gatewayUrl: ctx.gatewayUrl,
    applicationId: ctx.applicationId,
    guildId: ctx.guildId,
    botToken: ctx.botToken,
    testUserId: ctx.testUserId,
    waitForReady: (timeoutMs = 10_000) => gateway.waitForReady(timeoutMs),
    registeredCommands: (scope) => commands.lastPut(scope),
    requests: () => seen.map((request) => ({ ...request })),
    slashCommand: (name, playedOptions = [], user) =>
      play(gateway, store, buildCommandInteraction(ctx, commandId(ctx, commands, name), name, playedOptions, user, cdn.resolve(playedOptions))),
    attach: (filename, content, options) => cdn.attach(filename, content, options),
    cdnRequests: () => cdn.requests(),
    autocomplete: (name, playedOptions, user) =>
      play(gateway, store, buildAutocompleteInteraction(ctx, commandId(ctx, commands, name), name, playedOptions, user)),
    button: (customId, message, user) => {
      const shown = { ...buildButtonMessage(ctx, customId), ...message };
      return play(gateway, store, buildButtonInteraction(ctx, customId, shown, user));
    },
    identifyCount: () => gateway.identifyCount(),
    close: async () => {
      store.disposeAll();
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
