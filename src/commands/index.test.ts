import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandDefinitions } from './index.js';

describe('commandDefinitions', () => {
  it('are the definitions Discord has registered: the slash-command options are a public interface', () => {
    // The file was written from discord.js's builders before the commands were defined as plain data.
    const registered: unknown = JSON.parse(readFileSync(new URL('../../test/fixtures/command-definitions.json', import.meta.url), 'utf8'));
    expect(commandDefinitions()).toEqual(registered);
  });
});
