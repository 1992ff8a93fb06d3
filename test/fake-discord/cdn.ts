import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { channelIdOf, type FakeContext } from './context.js';
import type { FakeAttachment, Json } from './types.js';

/** Discord's option type for an attachment. */
const ATTACHMENT_OPTION = 11;
/** Signed CDN links expire after a day, as Discord's do (the `ex` parameter). */
const LINK_LIFETIME_S = 24 * 60 * 60;

interface Stored {
  json: Json;
  bytes: Buffer;
  contentType: string;
  /** Resolves when a held download may go on. */
  released: Promise<void>;
  release(): void;
}

/**
 * Discord's CDN for files users attach to commands: each file at a signed URL
 * (`/attachments/<channel>/<id>/<name>?ex=&is=&hm=`, like cdn.discordapp.com), described in the
 * interaction's `resolved.attachments`. Every request is recorded; a held file is served only once released.
 */
export class FakeCdn {
  private readonly files = new Map<string, Stored>();
  private readonly seen: string[] = [];
  private readonly secret = randomBytes(16);

  constructor(private readonly ctx: FakeContext) {}

  /** Stores a file as a user in `guildId` attaching it. */
  attach(filename: string, content: string | Uint8Array, options: { contentType?: string; held?: boolean; guildId?: string } = {}): FakeAttachment {
    const id = this.ctx.nextId();
    const bytes = Buffer.from(content);
    const channel = channelIdOf(this.ctx, options.guildId ?? this.ctx.guildId);
    const issued = Math.floor(Date.now() / 1000);
    const query = `ex=${(issued + LINK_LIFETIME_S).toString(16)}&is=${issued.toString(16)}&hm=${this.sign(id, issued)}`;
    const url = `${this.ctx.apiBase.replace(/\/api$/, '')}/attachments/${channel}/${id}/${encodeURIComponent(filename)}?${query}`;
    const contentType = options.contentType ?? 'text/plain; charset=utf-8';
    let release = () => {};
    const released = options.held ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
    const json = { id, filename, size: bytes.length, url, proxy_url: url.replace('/attachments/', '/proxy/attachments/'), content_type: contentType, ephemeral: true };
    this.files.set(id, { json, bytes, contentType, released, release: () => release() });
    return { id, json, option: (name) => ({ name, type: ATTACHMENT_OPTION, value: id }), release: () => release() };
  }

  /** The `resolved` data of an interaction whose options carry attachments, or `undefined` when none do. */
  resolve(options: { type: number; value: unknown }[]): Json | undefined {
    const ids = options.filter((o) => o.type === ATTACHMENT_OPTION).map((o) => String(o.value));
    if (ids.length === 0) return undefined;
    return { attachments: Object.fromEntries(ids.map((id) => [id, this.files.get(id)?.json ?? { id, filename: 'missing', size: 0, url: '', proxy_url: '' }])) };
  }

  /** Paths of every CDN request seen, in order. */
  requests(): string[] {
    return [...this.seen];
  }

  /** Serves a CDN request; false when the request is not for the CDN. */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = /^\/attachments\/\d+\/(\d+)\/[^/]+$/.exec(url.pathname);
    if (!url.pathname.startsWith('/attachments/')) return false;
    this.seen.push(url.pathname);
    const stored = match ? this.files.get(match[1]!) : undefined;
    const issued = parseInt(url.searchParams.get('is') ?? '', 16);
    if (!stored || request.method !== 'GET' || url.searchParams.get('hm') !== this.sign(match![1]!, issued)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('This content is no longer available.');
      return true;
    }
    void stored.released.then(() => {
      if (response.destroyed) return;
      response.writeHead(200, { 'content-type': stored.contentType, 'content-length': String(stored.bytes.length) }).end(stored.bytes);
    });
    return true;
  }

  private sign(id: string, issued: number): string {
    return createHmac('sha256', this.secret).update(`${id}:${issued}`).digest('hex');
  }
}
