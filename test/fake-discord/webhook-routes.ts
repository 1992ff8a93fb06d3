import { InteractionType, MessageFlags } from 'discord.js';
import { failWith } from './callback-route.js';
import type { FakeContext } from './context.js';
import { DiscordErrors, invalidFormBody, type Reply } from './errors.js';
import type { InteractionStore } from './interaction-store.js';
import { checkMessageLimits } from './limits.js';
import { applyEdit, buildMessage, isEmptyMessage } from './message.js';
import { InteractionRecord } from './played-interaction.js';
import type { Route, RouteRequest } from './rest.js';
import type { Json } from './types.js';

/** Interaction tokens work as webhooks for 15 minutes. */
const TOKEN_LIFETIME_MS = 15 * 60 * 1000;

/** The interaction behind a webhook URL, or the error Discord gives for it. */
function findWebhook(ctx: FakeContext, store: InteractionStore, request: RouteRequest): InteractionRecord | Reply {
  const record = store.findByToken(request.params.token ?? '');
  if (!record || request.params.appId !== ctx.applicationId) return DiscordErrors.unknownWebhook();
  // An interaction's webhook only exists once the interaction has been acknowledged.
  if (record.ackType === undefined) return failWith(record, DiscordErrors.unknownWebhook());
  if (Date.now() - record.dispatchedAt > TOKEN_LIFETIME_MS) return failWith(record, DiscordErrors.invalidWebhookToken());
  return record;
}

function isOriginal(record: InteractionRecord, messageId: string | undefined): boolean {
  return messageId === '@original' || (record.original !== undefined && messageId === record.original.id);
}

function findMessage(record: InteractionRecord, messageId: string | undefined): Json | undefined {
  return isOriginal(record, messageId) ? record.original : record.followUps.get(messageId ?? '');
}

function withWebhook(ctx: FakeContext, store: InteractionStore, handle: (record: InteractionRecord, request: RouteRequest) => Reply) {
  return (request: RouteRequest): Reply => {
    const found = findWebhook(ctx, store, request);
    return found instanceof InteractionRecord ? handle(found, request) : found;
  };
}

function sendFollowUp(ctx: FakeContext, record: InteractionRecord, request: RouteRequest): Reply {
  const violations = checkMessageLimits(request.body ?? {});
  if (violations.length > 0) return failWith(record, invalidFormBody(violations));
  if (isEmptyMessage(request.body, request.files)) return failWith(record, DiscordErrors.emptyMessage());
  const loading = record.original !== undefined && (record.original.flags & MessageFlags.Loading) !== 0;
  // After a deferred reply, Discord turns the first follow-up into the reply itself.
  const id = loading ? record.original.id : ctx.nextId();
  const message = buildMessage(ctx, { id, interaction: record.payload }, request.body, request.files);
  if (loading) {
    message.flags = (message.flags & ~MessageFlags.Ephemeral) | (record.original.flags & MessageFlags.Ephemeral);
    record.original = message;
    record.show(message);
  } else {
    record.followUps.set(id, message);
  }
  record.record('followup', request.body);
  return request.query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
}

function editMessage(ctx: FakeContext, store: InteractionStore, record: InteractionRecord, request: RouteRequest): Reply {
  const current = findMessage(record, request.params.messageId);
  if (!current) return failWith(record, DiscordErrors.unknownMessage());
  const violations = checkMessageLimits({ ...request.body, flags: current.flags });
  if (violations.length > 0) return failWith(record, invalidFormBody(violations));
  const edited = applyEdit(ctx, current, request.body, request.files);
  // After a deferred update, @original is the message the button is on: it changes for everyone.
  if (record.payload.type === InteractionType.MessageComponent && isOriginal(record, request.params.messageId)) store.replaceMessage(edited);
  if (isOriginal(record, request.params.messageId)) {
    record.original = edited;
    record.show(edited);
  } else {
    record.followUps.set(edited.id, edited);
  }
  record.record('edit', request.body);
  return { status: 200, body: edited };
}

function getMessage(record: InteractionRecord, request: RouteRequest): Reply {
  const message = findMessage(record, request.params.messageId);
  return message ? { status: 200, body: message } : failWith(record, DiscordErrors.unknownMessage());
}

function deleteMessage(record: InteractionRecord, request: RouteRequest): Reply {
  if (!findMessage(record, request.params.messageId)) return failWith(record, DiscordErrors.unknownMessage());
  if (isOriginal(record, request.params.messageId)) {
    record.original = undefined;
    record.show(undefined);
  } else {
    record.followUps.delete(request.params.messageId ?? '');
  }
  return { status: 204 };
}

/** Follow-ups and @original/follow-up message routes under /webhooks/:appId/:token. */
export function webhookRoutes(ctx: FakeContext, store: InteractionStore): Route[] {
  const messagePath = '/webhooks/:appId/:token/messages/:messageId';
  return [
    { method: 'POST', pattern: '/webhooks/:appId/:token', auth: false, handle: withWebhook(ctx, store, (r, q) => sendFollowUp(ctx, r, q)) },
    { method: 'GET', pattern: messagePath, auth: false, handle: withWebhook(ctx, store, getMessage) },
    { method: 'PATCH', pattern: messagePath, auth: false, handle: withWebhook(ctx, store, (r, q) => editMessage(ctx, store, r, q)) },
    { method: 'DELETE', pattern: messagePath, auth: false, handle: withWebhook(ctx, store, deleteMessage) },
  ];
}
