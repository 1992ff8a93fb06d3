import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.fake.token-for-tests';

describe('loadConfig', () => {
  it('runs without Discord settings (local mode) with the default paths', () => {
    const config = loadConfig({});
    expect(config.discord).toBeUndefined();
    expect(config.databasePath.endsWith('data/library.db')).toBe(true);
  });

  it('reads the Discord settings when a token is set', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '123456789012345678', DISCORD_API_BASE: 'http://127.0.0.1:9/api' }).discord)
      .toEqual({ token: TOKEN, isShard: false, clientId: '123456789012345678', apiBase: 'http://127.0.0.1:9/api' });
  });

  it('names the malformed setting in one sentence', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'short' })).toThrow('DISCORD_TOKEN is malformed: copy the bot token from the Developer Portal.');
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: 'my server' })).toThrow('DISCORD_GUILD_ID must be a Discord id (17 to 20 digits).');
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: 'ftp://x' })).toThrow('DISCORD_API_BASE must be an http(s) URL.');
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '0' })).toThrow('SHARD_COUNT must be a whole number from 1 to 9999.');
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: 'ten' })).toThrow('RATE_LIMIT_PER_MINUTE must be a whole number from 0 (no limit) to 9999.');
  });

  it('limits each Discord user to 20 commands a minute unless RATE_LIMIT_PER_MINUTE says otherwise', () => {
    expect(loadConfig({}).rateLimitPerMinute).toBe(20);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '5' }).rateLimitPerMinute).toBe(5);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute).toBe(0);
  });

  it('fetches links to private addresses only when ALLOW_PRIVATE_URLS says so', () => {
    expect(loadConfig({}).allowPrivateUrls).toBe(false);
    expect(loadConfig({ ALLOW_PRIVATE_URLS: '1' }).allowPrivateUrls).toBe(true);
    expect(loadConfig({ ALLOW_PRIVATE_URLS: '0' }).allowPrivateUrls).toBe(false);
    expect(() => loadConfig({ ALLOW_PRIVATE_URLS: 'yes please' })).toThrow('ALLOW_PRIVATE_URLS must be 1 (fetch links to private addresses too) or 0.');
  });

  it('downloads an article of at most MAX_ARTICLE_MB for /library action:add, 20 by default', () => {
    expect(loadConfig({}).maxArticleBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ MAX_ARTICLE_MB: '5' }).maxArticleBytes).toBe(5 * 1024 * 1024);
    expect(() => loadConfig({ MAX_ARTICLE_MB: '0' })).toThrow('MAX_ARTICLE_MB must be a whole number of megabytes from 1 to 9999.');
    expect(() => loadConfig({ MAX_ARTICLE_MB: '2.5' })).toThrow('MAX_ARTICLE_MB must be a whole number of megabytes from 1 to 9999.');
  });

  it('never puts the token in an error message', () => {
    let message = '';
    try {
      loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: 'x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('DISCORD_CLIENT_ID must be a Discord id (17 to 20 digits).');
  });
});
