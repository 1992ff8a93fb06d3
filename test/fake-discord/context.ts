import { randomBytes } from 'node:crypto';
import type { FakeDiscordOptions } from './types.js';

/** Discord's epoch (2015-01-01), the zero of every snowflake's timestamp. */
const DISCORD_EPOCH = 1_420_070_400_000n;

/** Everything the fake's parts share: ids, token, URLs and an id source. */
export interface FakeContext {
  applicationId: string;
  /** The test guild: where interactions come from unless a played user says otherwise. */
  guildId: string;
  /** Every guild the bot is in: the test guild first, then `otherGuildIds`. */
  guildIds: string[];
  channelId: string;
  testUserId: string;
  botToken: string;
  ackTimeoutMs: number;
  apiBase: string;
  gatewayUrl: string;
  /** When the fake started, as the ISO time guild members joined. */
  startedAt: string;
  /** A fresh snowflake, increasing and timestamped now like Discord's. */
  nextId(): string;
  /** A fresh interaction token, as opaque and long as Discord's. */
  newToken(): string;
}

/** The #general channel of a guild: the test guild's is `ctx.channelId`, another's the id after the guild's. */
export function channelIdOf(ctx: FakeContext, guildId: string): string {
  return guildId === ctx.guildId ? ctx.channelId : (BigInt(guildId) + 1n).toString();
}

/** Builds the shared context of one fake listening on `port`. */
export function createContext(options: FakeDiscordOptions, port: number): FakeContext {
  let increment = 0n;
  const nextId = (): string => {
    increment = (increment + 1n) & 0xfffn;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
  };
  const applicationId = options.applicationId ?? '1300000000000000001';
  const guildId = options.guildId ?? '1300000000000000002';
  return {
    applicationId,
    guildId,
    guildIds: [guildId, ...(options.otherGuildIds ?? [])],
    channelId: '1300000000000000003',
    testUserId: '1300000000000000004',
    botToken: options.botToken ?? `${Buffer.from(applicationId).toString('base64url')}.GfAkEd.${randomBytes(27).toString('base64url')}`,
    ackTimeoutMs: options.ackTimeoutMs ?? 3000,
    apiBase: `http://127.0.0.1:${port}/api`,
    gatewayUrl: `ws://127.0.0.1:${port}`,
    startedAt: new Date().toISOString(),
    nextId,
    newToken: () => `aW50ZXJhY3Rpb246${randomBytes(120).toString('base64url')}`,
  };
}
