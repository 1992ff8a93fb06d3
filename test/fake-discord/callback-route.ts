import { InteractionResponseType as Callback, InteractionType, MessageFlags } from 'discord.js';
import type { FakeContext } from './context.js';
import { DiscordErrors, invalidFormBody, type Reply } from './errors.js';
import type { InteractionStore } from './interaction-store.js';
import { checkAutocompleteChoices, checkMessageLimits } from './limits.js';
import { applyEdit, buildLoadingMessage, buildMessage, isEmptyMessage } from './message.js';
import type { InteractionRecord } from './played-interaction.js';
import type { Route, RouteRequest } from './rest.js';
import type { Json } from './types.js';

/** Which callback types Discord accepts for each interaction type. */
const ALLOWED_CALLBACKS: Record<number, number[]> = {
  [InteractionType.ApplicationCommand]: [Callback.ChannelMessageWithSource, Callback.DeferredChannelMessageWithSource, Callback.Modal],
  [InteractionType.MessageComponent]: [
    Callback.ChannelMessageWithSource,
    Callback.DeferredChannelMessageWithSource,
    Callback.DeferredMessageUpdate,
    Callback.UpdateMessage,
    Callback.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [Callback.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    Callback.ChannelMessageWithSource,
    Callback.DeferredChannelMessageWithSource,
    Callback.DeferredMessageUpdate,
    Callback.UpdateMessage,
  ],
};

/** Returns `reply`, noting it among the interaction's errors. */
export function failWith(record: InteractionRecord | undefined, reply: Reply): Reply {
  record?.fail({ status: reply.status, code: reply.body.code, message: reply.body.message });
  return reply;
}

/** Checks a callback body as Discord would; undefined when it is acceptable. */
function rejectBody(record: InteractionRecord, type: number, data: Json, fileCount: number): Reply | undefined {
  const allowed = ALLOWED_CALLBACKS[record.payload.type] ?? [];
  if (!allowed.includes(type)) {
    return invalidFormBody([{ path: 'type', code: 'BASE_TYPE_CHOICES', message: `Value must be one of (${allowed.join(', ')}).` }]);
  }
  if (type === Callback.ApplicationCommandAutocompleteResult) {
    const violations = checkAutocompleteChoices(data?.choices ?? []);
    return violations.length > 0 ? invalidFormBody(violations, 'data') : undefined;
  }
  if (type !== Callback.ChannelMessageWithSource && type !== Callback.UpdateMessage) return undefined;
  const violations = checkMessageLimits(data ?? {});
  if (violations.length > 0) return invalidFormBody(violations, 'data');
  if (type === Callback.ChannelMessageWithSource && fileCount === 0 && isEmptyMessage(data, [])) return DiscordErrors.emptyMessage();
  return undefined;
}

/** The @original message a callback leaves behind, if it leaves one. */
function originalAfter(ctx: FakeContext, record: InteractionRecord, request: RouteRequest, type: number): Json | undefined {
  const data = request.body?.data ?? {};
  const origin = { id: ctx.nextId(), interaction: record.payload };
  switch (type) {
    case Callback.ChannelMessageWithSource:
      return buildMessage(ctx, origin, data, request.files);
    case Callback.DeferredChannelMessageWithSource:
      return buildLoadingMessage(ctx, origin, data.flags ?? 0);
    case Callback.DeferredMessageUpdate:
      return record.payload.message;
    case Callback.UpdateMessage:
      return applyEdit(ctx, record.payload.message, data, request.files);
    default:
      return undefined;
  }
}

function callbackResponse(record: InteractionRecord, type: number, original: Json | undefined): Json {
  const flags = original?.flags ?? 0;
  return {
    interaction: {
      id: record.id,
      type: record.payload.type,
      ...(original ? { response_message_id: original.id } : {}),
      response_message_loading: (flags & MessageFlags.Loading) !== 0,
      response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
    },
    resource: { type, ...(original ? { message: original } : {}) },
  };
}

/** Handles POST /interactions/:id/:token/callback: deadline, single acknowledgement, limits. */
function handleCallback(ctx: FakeContext, store: InteractionStore, request: RouteRequest): Reply {
  const record = store.find(request.params.id ?? '', request.params.token ?? '');
  if (!record) return DiscordErrors.unknownInteraction();
  if (record.ackType !== undefined) return failWith(record, DiscordErrors.alreadyAcknowledged());
  if (record.isExpired()) return failWith(record, DiscordErrors.unknownInteraction());
  const type = Number(request.body?.type);
  const rejection = rejectBody(record, type, request.body?.data, request.files.length);
  if (rejection) return failWith(record, rejection);
  const original = originalAfter(ctx, record, request, type);
  // An update changes the message the button is on, for everyone who sees it.
  if (type === Callback.UpdateMessage) store.replaceMessage(original);
  record.original = original;
  if (type === Callback.ChannelMessageWithSource || type === Callback.UpdateMessage) record.show(original);
  record.record('callback', request.body?.data ?? {}, type);
  if (request.query.get('with_response') !== 'true') return { status: 204 };
  return { status: 200, body: callbackResponse(record, type, original) };
}

/** The interaction callback route. */
export function callbackRoutes(ctx: FakeContext, store: InteractionStore): Route[] {
  return [{ method: 'POST', pattern: '/interactions/:id/:token/callback', auth: false, handle: (request) => handleCallback(ctx, store, request) }];
}
