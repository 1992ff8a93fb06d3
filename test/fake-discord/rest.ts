import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordErrors, type Reply } from './errors.js';
import { decodeBody } from './http-body.js';
import type { UploadedFile } from './message.js';
import type { Json } from './types.js';

/** What a route handler gets: path parameters, query, decoded body and uploaded files. */
export interface RouteRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Json;
  files: UploadedFile[];
}

/** One REST route. `auth: false` routes (interaction callbacks, webhooks) are authorized by their token. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path after `/api/v10`, with `:name` parameters, e.g. `/interactions/:id/:token/callback`. */
  pattern: string;
  auth: boolean;
  handle(request: RouteRequest): Reply;
}

/** A REST request as the fake saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  authorization?: string;
  body: Json;
}

const API_PREFIX = /^\/api\/v10(?=\/)/;

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const value = decodeURIComponent(got[index] ?? '');
    if (part.startsWith(':')) params[part.slice(1)] = value;
    else if (part !== value) return undefined;
  }
  return params;
}

function send(response: ServerResponse, reply: Reply): void {
  if (reply.status === 204 || reply.body === undefined) {
    response.writeHead(reply.status).end();
    return;
  }
  response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
}

/**
 * Builds the HTTP handler serving `routes` under `/api/v10`, checking `Authorization: Bot <token>`
 * where Discord does and logging every request into `seen`.
 */
export function createRestHandler(routes: Route[], botToken: string, seen: SeenRequest[]) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const authorization = request.headers.authorization;
    let decoded;
    try {
      decoded = await decodeBody(request);
    } catch {
      send(response, { status: 400, body: { code: 50109, message: 'The request body contains invalid JSON.' } });
      return;
    }
    seen.push({ method, path: url.pathname, ...(authorization === undefined ? {} : { authorization }), body: decoded.json });
    const path = url.pathname.replace(API_PREFIX, '');
    if (path === url.pathname) return send(response, DiscordErrors.notFound());
    const matches = routes.filter((route) => matchPattern(route.pattern, path) !== undefined);
    const route = matches.find((candidate) => candidate.method === method);
    if (!route) return send(response, matches.length > 0 ? DiscordErrors.methodNotAllowed() : DiscordErrors.notFound());
    if (route.auth && authorization !== `Bot ${botToken}`) return send(response, DiscordErrors.unauthorized());
    const params = matchPattern(route.pattern, path) ?? {};
    try {
      send(response, route.handle({ params, query: url.searchParams, body: decoded.json, files: decoded.files }));
    } catch (error) {
      // A bug in the fake must fail loudly, not hang the test or crash the worker.
      send(response, { status: 500, body: { code: 0, message: `500: fake-discord failed on ${method} ${path}: ${String(error)}` } });
    }
  };
}
