import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from './node-flags.js';
import { projectRoot } from '../store/paths.js';

describe('NODE_FLAGS', () => {
  it('are the flags package.json starts the bot, the CLI and the shards with', () => {
    const { scripts } = JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(NODE_FLAGS).toEqual(['--max-old-space-size=512']);
    for (const [name, entry] of [['start', 'index.js'], ['cli', 'cli/main.js'], ['start:sharded', 'discord/shards.js']]) {
      expect(scripts[name!]).toBe(`node ${NODE_FLAGS.join(' ')} dist/src/${entry}`);
    }
  });
});
