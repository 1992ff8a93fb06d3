import { lookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { UserError } from '../core/errors.js';
import { MAX_BYTES } from './formats/extract.js';

/** A downloaded article: its bytes and the Content-Type it came with. */
export interface FetchedLink {
  bytes: Buffer;
  contentType?: string;
}

export interface FetchOptions {
  /** Fetch loopback, private and link-local addresses too (ALLOW_PRIVATE_URLS=1: tests, a bot on a trusted network). */
  allowPrivate: boolean;
  /** For the whole download, redirects included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

/** A page or PDF that has not arrived in this long never will, for a reader waiting on it. */
export const DOWNLOAD_TIMEOUT_MS = 20_000;
/** The largest article of any format: a download is cut off past it. */
export const MAX_DOWNLOAD_BYTES = Math.max(...Object.values(MAX_BYTES));
/** Enough for http → https → www → the article; more is a misconfigured site or a trap. */
export const MAX_REDIRECTS = 5;

/** Addresses a link given by a user must not reach: the bot's own host and the networks around it. */
const PRIVATE = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.168.0.0', 16]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
// ::/96 holds :: (unspecified), ::1 (loopback) and the old IPv4-compatible addresses; fc00::/7 unique local; fe80::/10 link-local.
for (const [net, prefix] of [['::', 96], ['fc00::', 7], ['fe80::', 10]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

/**
 * True for an address on the host's own or a private network: loopback, private, link-local,
 * carrier-grade NAT, unspecified, unique local, and IPv4 addresses written as IPv6 (::ffff:127.0.0.1,
 * 64:ff9b::a00:1). Anything that is not an IP address counts as private.
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family !== 6) return true;
  const embedded = embeddedIpv4(address);
  return embedded !== undefined ? PRIVATE.check(embedded, 'ipv4') : PRIVATE.check(address, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96) or NAT64 (64:ff9b::/96) IPv6 address. */
function embeddedIpv4(address: string): string | undefined {
  const groups = expandIpv6(address);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const nat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (!mapped && !nat64) return undefined;
  return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
}

function expandIpv6(address: string): number[] {
  let text = address.toLowerCase().split('%')[0]!;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * Downloads a link (http or https only), following at most {@link MAX_REDIRECTS} redirects, within
 * {@link DOWNLOAD_TIMEOUT_MS} and {@link MAX_DOWNLOAD_BYTES}. Unless `allowPrivate`, every address a
 * request connects to is checked at connection time (a literal address before it, a name as it
 * resolves, every one it resolves to): a link, or a redirect, to the host's own network is refused.
 * @throws UserError in one sentence naming the link: not http(s), a private address, a timeout, too
 *   large, a redirect loop or too many, an HTTP error status, a network failure
 */
export async function fetchLink(link: string, options: FetchOptions): Promise<FetchedLink> {
  const timeoutMs = options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string>();
  let url = parseLink(link, link);
  for (let redirects = 0; ; redirects++) {
    seen.add(url.href);
    const response = await get(url, link, options, deadline, timeoutMs);
    const location = response.headers.location;
    if (response.statusCode && response.statusCode >= 300 && response.statusCode < 400 && location) {
      response.resume();
      const next = parseLink(new URL(location, url).href, link);
      if (seen.has(next.href)) throw new UserError(`${link} was not downloaded: its redirects go round in a loop (${next.href}).`);
      if (redirects + 1 > (options.maxRedirects ?? MAX_REDIRECTS)) throw new UserError(`${link} was not downloaded: it redirects more than ${options.maxRedirects ?? MAX_REDIRECTS} times.`);
      url = next;
      continue;
    }
    if (!response.statusCode || response.statusCode < 200 || response.statusCode >= 300) {
      response.resume();
      throw new UserError(`${link} was not downloaded: the server answered ${response.statusCode} ${response.statusMessage ?? ''}`.trimEnd() + '.');
    }
    const bytes = await readBody(response, link, options.maxBytes ?? MAX_DOWNLOAD_BYTES, deadline, timeoutMs);
    return { bytes, ...(response.headers['content-type'] ? { contentType: response.headers['content-type'] } : {}) };
  }
}

/** A link as a URL, when it is an http or https one. */
function parseLink(href: string, link: string): URL {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new UserError(`${link} is not a link research-bot can read: write it as https://…`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`${link} was not downloaded: only http and https links are fetched${href === link ? '' : ` (it redirects to ${url.protocol})`}.`);
  return url;
}

function privateRefusal(link: string, address: string): UserError {
  return new UserError(`${link} was not downloaded: it leads to ${address}, an address on the host's own or a private network, which is only fetched with ALLOW_PRIVATE_URLS=1.`);
}

/** One GET, connecting only to addresses the options allow. */
function get(url: URL, link: string, options: FetchOptions, deadline: number, timeoutMs: number): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // A literal address is connected to without a look-up, so it is checked here.
  if (!options.allowPrivate && isIP(host) && isPrivateAddress(host)) return Promise.reject(privateRefusal(link, host));
  let refused: UserError | undefined;
  const guardedLookup = (hostname: string, lookupOptions: object, callback: (...args: unknown[]) => void) => {
    lookup(hostname, { ...lookupOptions, all: true } as LookupAllOptions, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const blocked = options.allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (blocked) {
        refused = privateRefusal(link, blocked.address);
        return callback(refused);
      }
      if ((lookupOptions as { all?: boolean }).all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
      // A connection of its own, closed after: a kept-alive socket would hold the CLI open, and skip the check.
      agent: false,
      lookup: guardedLookup as never,
      headers: {
        'user-agent': 'research-bot (reading list ingest)',
        accept: 'text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
      },
    });
    const timer = setTimeout(() => request.destroy(timeout(link, timeoutMs)), Math.max(0, deadline - Date.now()));
    request.on('response', (response) => {
      clearTimeout(timer);
      resolve(response);
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(refused ?? (error instanceof UserError ? error : new UserError(`${link} was not downloaded: ${networkReason(error)}.`)));
    });
    request.end();
  });
}

/** The body, decompressed, cut off past `maxBytes` or the deadline. */
function readBody(response: IncomingMessage, link: string, maxBytes: number, deadline: number, timeoutMs: number): Promise<Buffer> {
  const tooLarge = () => new UserError(`${link} was not downloaded: it is larger than the ${maxBytes}-byte limit for one article.`);
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    return Promise.reject(tooLarge());
  }
  const encoding = String(response.headers['content-encoding'] ?? '').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  const body: Readable = decoder ? response.pipe(decoder) : response;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const fail = (error: UserError) => {
      clearTimeout(timer);
      response.destroy();
      decoder?.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(timeout(link, timeoutMs)), Math.max(0, deadline - Date.now()));
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(tooLarge());
      else chunks.push(chunk);
    });
    body.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    body.on('error', (error) => fail(new UserError(`${link} was not downloaded: ${networkReason(error)}.`)));
    response.on('error', (error) => fail(new UserError(`${link} was not downloaded: ${networkReason(error)}.`)));
  });
}

function timeout(link: string, timeoutMs: number): UserError {
  return new UserError(`${link} was not downloaded: it did not arrive within ${timeoutMs / 1000} seconds.`);
}

/** A network error as words: "the name example.invalid is not known", "the connection was refused". */
function networkReason(error: Error): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the name ${(error as { hostname?: string }).hostname ?? ''} is not known`.replace(/ +is/, ' is');
  if (code === 'ECONNREFUSED') return 'the connection was refused';
  if (code === 'ECONNRESET') return 'the connection was cut';
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return 'its certificate is not valid';
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'its compressed body is damaged';
  return error.message.replace(/[.\s]+$/, '');
}
