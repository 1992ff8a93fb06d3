import type { LimitViolation } from './limits.js';
import type { Json } from './types.js';

/** An HTTP reply of the fake REST API: a status and, unless 204, a JSON body. */
export interface Reply {
  status: number;
  body?: Json;
}

const error = (status: number, code: number, message: string): Reply => ({ status, body: { code, message } });

/** The error replies real Discord gives, by name. */
export const DiscordErrors = {
  unauthorized: () => error(401, 0, '401: Unauthorized'),
  notFound: () => error(404, 0, '404: Not Found'),
  methodNotAllowed: () => error(405, 0, '405: Method Not Allowed'),
  unknownInteraction: () => error(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () => error(400, 40060, 'Interaction has already been acknowledged.'),
  unknownWebhook: () => error(404, 10015, 'Unknown Webhook'),
  invalidWebhookToken: () => error(401, 50027, 'Invalid Webhook Token'),
  unknownMessage: () => error(404, 10008, 'Unknown Message'),
  emptyMessage: () => error(400, 50006, 'Cannot send an empty message'),
  missingAccess: () => error(403, 50001, 'Missing Access'),
  notApplicationOwner: () => error(403, 20012, 'You are not authorized to perform this action on this application'),
} as const;

/**
 * Builds Discord's 50035 "Invalid Form Body" reply, nesting each violation under its path
 * the way Discord does: `{ data: { embeds: { 0: { title: { _errors: [...] } } } } }`.
 * @param prefix - where the checked object sits in the request body, e.g. `data` for callbacks.
 */
export function invalidFormBody(violations: LimitViolation[], prefix = ''): Reply {
  const errors: Json = {};
  for (const violation of violations) {
    const keys = `${prefix}.${violation.path}`.split('.').filter((key) => key !== '');
    let node = errors;
    for (const key of keys) node = node[key] ??= {};
    (node._errors ??= []).push({ code: violation.code, message: violation.message });
  }
  return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors } };
}
