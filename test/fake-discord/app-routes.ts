import { checkCommandLimits } from './command-limits.js';
import type { CommandRegistry, CommandScope } from './command-registry.js';
import type { FakeContext } from './context.js';
import { DiscordErrors, invalidFormBody, type Reply } from './errors.js';
import { buildBotUser, buildHumanUser } from './fixtures.js';
import type { Route, RouteRequest } from './rest.js';

function buildApplication(ctx: FakeContext) {
  return {
    id: ctx.applicationId,
    name: 'research-bot',
    icon: null,
    description: 'Answers questions from a library of articles with exact citations.',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: 'f'.repeat(64),
    flags: 0,
    owner: buildHumanUser(ctx),
    team: null,
    bot: buildBotUser(ctx),
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    approximate_guild_count: 1,
  };
}

/** Checks the :appId and :guildId of a command route; undefined when both are this fake's. */
function rejectTarget(ctx: FakeContext, request: RouteRequest, scope: CommandScope): Reply | undefined {
  if (request.params.appId !== ctx.applicationId) return DiscordErrors.notApplicationOwner();
  if (scope === 'guild' && !ctx.guildIds.includes(request.params.guildId ?? '')) return DiscordErrors.missingAccess();
  return undefined;
}

function commandRoutes(ctx: FakeContext, commands: CommandRegistry, scope: CommandScope): Route[] {
  const base = scope === 'global' ? '/applications/:appId/commands' : '/applications/:appId/guilds/:guildId/commands';
  const guarded = (handle: (request: RouteRequest) => Reply) => (request: RouteRequest) =>
    rejectTarget(ctx, request, scope) ?? handle(request);
  const unknownCommand = (): Reply => ({ status: 404, body: { code: 10063, message: 'Unknown application command' } });
  const bulkOverwrite = (request: RouteRequest): Reply => {
    if (!Array.isArray(request.body)) {
      return invalidFormBody([{ path: '', code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' }]);
    }
    const violations = checkCommandLimits(request.body);
    return violations.length > 0 ? invalidFormBody(violations) : { status: 200, body: commands.replace(scope, request.body) };
  };
  const createOne = (request: RouteRequest): Reply => {
    const violations = checkCommandLimits([request.body ?? {}]).map((v) => ({ ...v, path: v.path.replace(/^0\.?/, '') }));
    if (violations.length > 0) return invalidFormBody(violations);
    const { created, command } = commands.upsert(scope, request.body);
    return { status: created ? 201 : 200, body: command };
  };
  const getOne = (request: RouteRequest): Reply => {
    const command = commands.list(scope).find((stored) => stored.id === request.params.commandId);
    return command ? { status: 200, body: command } : unknownCommand();
  };
  const deleteOne = (request: RouteRequest): Reply =>
    commands.remove(scope, request.params.commandId ?? '') ? { status: 204 } : unknownCommand();
  return [
    { method: 'PUT', pattern: base, auth: true, handle: guarded(bulkOverwrite) },
    { method: 'GET', pattern: base, auth: true, handle: guarded(() => ({ status: 200, body: commands.list(scope) })) },
    { method: 'POST', pattern: base, auth: true, handle: guarded(createOne) },
    { method: 'GET', pattern: `${base}/:commandId`, auth: true, handle: guarded(getOne) },
    { method: 'DELETE', pattern: `${base}/:commandId`, auth: true, handle: guarded(deleteOne) },
  ];
}

/** Gateway discovery, the bot's user and application, and command registration routes. */
export function appRoutes(ctx: FakeContext, commands: CommandRegistry): Route[] {
  const sessionStartLimit = { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 };
  return [
    { method: 'GET', pattern: '/gateway', auth: false, handle: () => ({ status: 200, body: { url: ctx.gatewayUrl } }) },
    {
      method: 'GET',
      pattern: '/gateway/bot',
      auth: true,
      handle: () => ({ status: 200, body: { url: ctx.gatewayUrl, shards: 1, session_start_limit: sessionStartLimit } }),
    },
    { method: 'GET', pattern: '/users/@me', auth: true, handle: () => ({ status: 200, body: buildBotUser(ctx) }) },
    { method: 'GET', pattern: '/applications/@me', auth: true, handle: () => ({ status: 200, body: buildApplication(ctx) }) },
    ...commandRoutes(ctx, commands, 'global'),
    ...commandRoutes(ctx, commands, 'guild'),
  ];
}
