import { config as loadDotenv } from 'dotenv';
import { isAbsolute, join, resolve } from 'node:path';
import { UserError } from '../core/errors.js';
import { projectRoot } from '../store/paths.js';

/** Settings, from the environment (and `.env`), validated once at start-up. */
export interface Config {
  databasePath: string;
  articlesDir: string;
  synonymsPath: string;
  discord?: {
    token: string;
    clientId?: string;
    guildId?: string;
    apiBase?: string;
    /** Shards for `npm run start:sharded` (SHARD_COUNT); Discord's recommendation when unset. */
    shardCount?: number;
    /** True inside a shard process started by the ShardingManager (it sets SHARDS). */
    isShard: boolean;
  };
  /** Commands and button presses one Discord user may send per minute (RATE_LIMIT_PER_MINUTE); 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Links to loopback, private and link-local addresses are fetched too (ALLOW_PRIVATE_URLS=1); off by default. */
  allowPrivateUrls: boolean;
  /** The largest article file `/library action:add` downloads, in bytes (MAX_ARTICLE_MB). */
  maxArticleBytes: number;
  debug: boolean;
}

/** RATE_LIMIT_PER_MINUTE when unset: more than a person reading answers needs, less than a script. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 20;
/** MAX_ARTICLE_MB when unset: a long article as a PDF with images; Discord lets unboosted servers upload 10 MB. */
export const DEFAULT_MAX_ARTICLE_MB = 20;

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * Reads and validates the settings. Only this module reads `process.env`.
 * @throws UserError naming the setting that is malformed
 */
export function loadConfig(env: NodeJS.ProcessEnv = readEnv()): Config {
  const root = projectRoot();
  const path = (value: string | undefined, fallback: string) =>
    value ? (isAbsolute(value) ? value : resolve(value)) : join(root, fallback);
  const config: Config = {
    databasePath: env.DATABASE_PATH === ':memory:' ? ':memory:' : path(env.DATABASE_PATH, 'data/library.db'),
    articlesDir: path(env.ARTICLES_DIR, 'data/articles'),
    synonymsPath: path(env.SYNONYMS_PATH, 'data/synonyms.json'),
    rateLimitPerMinute: wholeNumber(env.RATE_LIMIT_PER_MINUTE, DEFAULT_RATE_LIMIT_PER_MINUTE, 0, 'RATE_LIMIT_PER_MINUTE must be a whole number from 0 (no limit) to 9999.'),
    maxArticleBytes: wholeNumber(env.MAX_ARTICLE_MB, DEFAULT_MAX_ARTICLE_MB, 1, 'MAX_ARTICLE_MB must be a whole number of megabytes from 1 to 9999.') * 1024 * 1024,
    allowPrivateUrls: false,
    debug: Boolean(env.DEBUG),
  };
  const allowPrivate = env.ALLOW_PRIVATE_URLS?.trim().toLowerCase();
  if (allowPrivate) {
    if (!['1', '0', 'true', 'false'].includes(allowPrivate)) throw new UserError('ALLOW_PRIVATE_URLS must be 1 (fetch links to private addresses too) or 0.');
    config.allowPrivateUrls = allowPrivate === '1' || allowPrivate === 'true';
  }
  const token = env.DISCORD_TOKEN?.trim();
  if (token) {
    if (/\s/.test(token) || token.length < 20) throw new UserError('DISCORD_TOKEN is malformed: copy the bot token from the Developer Portal.');
    for (const key of ['DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID'] as const) {
      const value = env[key]?.trim();
      if (value && !SNOWFLAKE.test(value)) throw new UserError(`${key} must be a Discord id (17 to 20 digits).`);
    }
    const apiBase = env.DISCORD_API_BASE?.trim();
    if (apiBase && !/^https?:\/\/\S+$/.test(apiBase)) throw new UserError('DISCORD_API_BASE must be an http(s) URL.');
    const shardCount = env.SHARD_COUNT?.trim();
    if (shardCount && !/^[1-9]\d{0,3}$/.test(shardCount)) throw new UserError('SHARD_COUNT must be a whole number from 1 to 9999.');
    config.discord = {
      token,
      isShard: env.SHARDS !== undefined,
      ...(shardCount ? { shardCount: Number(shardCount) } : {}),
      ...(env.DISCORD_CLIENT_ID?.trim() ? { clientId: env.DISCORD_CLIENT_ID.trim() } : {}),
      ...(env.DISCORD_GUILD_ID?.trim() ? { guildId: env.DISCORD_GUILD_ID.trim() } : {}),
      ...(apiBase ? { apiBase } : {}),
    };
  }
  return config;
}

/** A setting that is a whole number from `min` to 9999, or `fallback` when unset or blank. */
function wholeNumber(value: string | undefined, fallback: number, min: number, sentence: string): number {
  const trimmed = value?.trim();
  if (!trimmed) return fallback;
  if (!/^\d{1,4}$/.test(trimmed) || Number(trimmed) < min) throw new UserError(sentence);
  return Number(trimmed);
}

/** Whether DEBUG is set, for the last-resort error handlers that run even when the config is invalid. */
export function debugRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DEBUG);
}

function readEnv(): NodeJS.ProcessEnv {
  // quiet: dotenv would otherwise print a banner on stdout, which `--json` output must not contain.
  loadDotenv({ quiet: true });
  return process.env;
}
