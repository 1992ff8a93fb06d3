import Database from 'better-sqlite3';
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord.js';
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../src/commands/index.js';
import type { Command, OptionValues } from '../src/commands/types.js';
import type { DiscordReply } from '../src/render/discord-kit.js';
import { loadConfig } from '../src/app/config.js';
import type { AppContext } from '../src/app/context.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { ArticleError, parseArticle, SOURCE_ID } from '../src/core/article/article.js';
import { QuestionError, UserError } from '../src/core/errors.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { answerLine, parseSlashLine } from '../src/cli/prompt.js';
import type { Logger } from '../src/app/log.js';
import { hostileArticle, hostileArticleFile, hostileLine, hostileText } from './arbitraries-hostile.js';
import { checkAutocompleteChoices, checkMessageLimits } from './fake-discord/limits.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Text that would ping, or render as a mention, outside a footer. */
const MENTION = /@everyone|@here|<@/i;

let ctx: AppContext;
let dir: string;
const errorsLogged: string[] = [];
const quietLog: Logger = { info: () => undefined, warn: () => undefined, error: (message) => void errorsLogged.push(message) };

beforeAll(async () => {
  ctx = await openAtStart(loadConfig({ DATABASE_PATH: ':memory:' }), { log: quietLog });
  dir = mkdtempSync(join(tmpdir(), 'research-bot-properties-'));
  // The CLI's library: the shipped articles, read at start as the bot reads them.
  (await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db') }), { log: quietLog })).close();
});
afterAll(() => {
  ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Values a user might give each kind of option: hostile text, or the real ids and citations of the library. */
function optionValue(option: APIApplicationCommandOption): fc.Arbitrary<OptionValues[string]> {
  switch (option.type) {
    case ApplicationCommandOptionType.Attachment:
      // Commands run here without Discord: a file is only ever added by the bot, which downloads it.
      return fc.record({ name: hostileText, url: fc.constant('http://127.0.0.1:9/attachments/1/2/a.txt'), size: fc.nat() });
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number:
      return fc.integer({ min: option.min_value ?? -(2 ** 31), max: option.max_value ?? 2 ** 31 });
    case ApplicationCommandOptionType.Boolean:
      return fc.boolean();
    case ApplicationCommandOptionType.String: {
      const choices = option.choices?.map((c) => String(c.value)) ?? [];
      const real = ['berger-2019', 'aslam-2019', '[berger-2019 ¶9]', 'gvs-2018 4', 'kharakov-2014#8', 'When did Russia lift its arms embargo on Pakistan?'];
      return choices.length > 0 ? fc.constantFrom(...choices) : fc.oneof(hostileText, fc.constantFrom(...real), fc.tuple(fc.constantFrom(...real), hostileText).map(([a, b]) => a + b));
    }
    default:
      throw new Error(`properties: no values for option type ${option.type}`);
  }
}

/** Options for one invocation of `command`: required ones always, optional ones sometimes. */
function optionsFor(command: Command): fc.Arbitrary<OptionValues> {
  const definitions = command.data.toJSON().options ?? [];
  const record = Object.fromEntries(definitions.map((o) => [o.name, 'required' in o && o.required ? optionValue(o) : fc.option(optionValue(o), { nil: undefined })]));
  return fc.record(record) as fc.Arbitrary<OptionValues>;
}

/** Runs `make` and returns its reply or its error. */
function outcome<T>(make: () => T): { value?: T; error?: unknown } {
  try {
    return { value: make() };
  } catch (error) {
    return { error };
  }
}

async function outcomeOf<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

/** An expected failure: a UserError or QuestionError whose message is one short, clean sentence. */
function expectOneSentence(error: unknown): void {
  if (!(error instanceof UserError || error instanceof QuestionError)) throw error;
  const { message } = error;
  expect(message.length, message).toBeGreaterThan(0);
  expect(message.length, message).toBeLessThan(300);
  expect(message, 'one line').not.toMatch(/[\r\n\u2028\u2029]/);
  expect(message, 'no control characters').not.toMatch(CONTROL);
  expect(message, 'no lone surrogates').not.toMatch(LONE_SURROGATE);
}

/** A reply Discord accepts, that pings no one and renders no mention outside the footer. */
function expectSafeReply(reply: DiscordReply): void {
  expect(checkMessageLimits(reply)).toEqual([]);
  const visible = JSON.stringify({ ...reply, embeds: reply.embeds.map((e) => ({ ...e, footer: undefined })) });
  expect(visible).not.toMatch(MENTION);
  expect(JSON.stringify(reply), 'no lone surrogates').not.toMatch(LONE_SURROGATE);
  expect(reply.embeds.length + (reply.content ? 1 : 0), 'not empty').toBeGreaterThan(0);
}

describe.each(commands.map((c) => [c.data.name, c] as const))('/%s, whatever the options hold', (_name, command) => {
  it('replies within Discord limits without mentions, or fails with one sentence', async () => {
    await fc.assert(
      fc.asyncProperty(optionsFor(command), async (options) => {
        const { value, error } = await outcomeOf((async () => command.renderDiscord(await command.run(ctx, options)))());
        if (error !== undefined) expectOneSentence(error);
        else expectSafeReply(value!);
      }),
      { numRuns: 150 },
    );
  });

  it('renders the same results as terminal text without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(optionsFor(command), async (options) => {
        const { value, error } = await outcomeOf((async () => command.renderText(await command.run(ctx, options)))());
        if (error !== undefined) expectOneSentence(error);
        else expect(typeof value).toBe('string');
      }),
      { numRuns: 50 },
    );
  });

  it('suggests autocomplete choices within Discord limits for any typed text', () => {
    const named = (command.data.toJSON().options ?? []).filter((o) => 'autocomplete' in o && o.autocomplete).map((o) => o.name);
    fc.assert(
      fc.property(fc.constantFrom('', ...named), hostileText, (option, typed) => {
        const { value, error } = outcome(() => command.autocomplete?.(ctx, option, typed) ?? []);
        expect(error).toBeUndefined();
        expect(checkAutocompleteChoices(value!)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('answers any button custom id and message footer, or fails with one sentence', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(hostileLine, fc.constantFrom('more', 'open', '3', '0', 'berger-2019', '9', '')), { maxLength: 7 }), fc.option(fc.oneof(hostileText, hostileText.map((q) => `Asked: ${q}`)), { nil: undefined }), (args, footer) => {
        if (!command.press) return;
        const { value, error } = outcome(() => command.renderDiscord(command.press!(ctx, args, { footer })));
        if (error !== undefined) expectOneSentence(error);
        else expectSafeReply(value!);
      }),
      { numRuns: 100 },
    );
  });
});

describe('the local prompt', () => {
  it('parses any line into a command or refuses it with a UserError', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, hostileText.map((t) => `/ask ${t}`), hostileText.map((t) => `/ask question: ${t}`)), (line) => {
        const { error } = outcome(() => parseSlashLine(line));
        if (error !== undefined) expect(error).toBeInstanceOf(UserError);
      }),
      { numRuns: 300 },
    );
  });

  it('answers every typed line with text or one sentence, never an unexpected failure', async () => {
    const optionLine = fc.tuple(fc.constantFrom(...commands.map((c) => c.data.name)), fc.array(fc.tuple(fc.constantFrom('question', 'source', 'from', 'to', 'limit', 'private', 'cite', 'action', 'bogus'), hostileLine), { maxLength: 4 }))
      .map(([name, options]) => `/${name} ${options.map(([o, v]) => `${o}: ${v}`).join(' ')}`);
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText, optionLine), async (line) => {
        const before = errorsLogged.length;
        const { value, error } = await outcomeOf(answerLine(ctx, line));
        expect(error).toBeUndefined();
        expect(errorsLogged.slice(before)).toEqual([]);
        if (value!.startsWith('⚠ ')) expectOneSentence(new UserError(value!.slice(2)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseArticle on any file', () => {
  it('returns a citable article or throws an ArticleError naming the file', () => {
    fc.assert(
      fc.property(hostileArticleFile, (raw) => {
        const { value, error } = outcome(() => parseArticle(raw, 'hostile.txt'));
        if (error !== undefined) {
          expect(error).toBeInstanceOf(ArticleError);
          expect((error as Error).message).toContain('hostile.txt');
          return;
        }
        expect(value!.meta.id).toMatch(SOURCE_ID);
        expect(value!.meta.title.length).toBeGreaterThan(0);
        expect(value!.paragraphs.map((p) => p.n)).toEqual(value!.paragraphs.map((_, i) => i + 1));
      }),
      { numRuns: 300 },
    );
  });
});

describe('hostile articles in the library', () => {
  it('are shown by /ask and /source within limits, without mentions, or refused at ingestion with one sentence', async () => {
    const ask = commands.find((c) => c.data.name === 'ask')!;
    const source = commands.find((c) => c.data.name === 'source');
    await fc.assert(
      fc.asyncProperty(hostileArticle, async ({ id, text }) => {
        const file = join(dir, `${id}.md`);
        writeFileSync(file, text);
        const { refused } = await ingestPaths(ctx, [file]);
        if (refused.length > 0) return expectOneSentence(new UserError(refused[0]!.reason));
        const answer = outcome(() => ask.renderDiscord(ask.run(ctx, { question: 'Zanzibar quokka summit', source: id })));
        expect(answer.error).toBeUndefined();
        expectSafeReply(answer.value!);
        if (!source) return;
        const opened = outcome(() => source.renderDiscord(source.run(ctx, { cite: `[${id} ¶1]` })));
        if (opened.error !== undefined) expectOneSentence(opened.error);
        else expectSafeReply(opened.value!);
      }),
      { numRuns: 60 },
    );
  });
});

// `npm test` builds first; run `npm run build` before calling vitest on this file directly.
const CLI = fileURLToPath(new URL('../dist/src/cli/main.js', import.meta.url));

/** Runs the built CLI on the test library, with only PATH and DATABASE_PATH set. */
function cli(args: string[], input = '') {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: dir, env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'library.db') }, input, encoding: 'utf8', timeout: 20_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The CLI library's sources and their content hashes. */
function librarySources(): unknown[] {
  const db = new Database(join(dir, 'library.db'), { readonly: true });
  try {
    return db.prepare('SELECT id, content_hash FROM sources ORDER BY id').all();
  } finally {
    db.close();
  }
}

/** Arguments as a shell can pass them: any text but NUL, which no argv can hold. */
const argument = hostileText.map((text) => text.replaceAll('\u0000', ''));

describe('the CLI', () => {
  it('answers every line of --batch with one JSON object: a result or a one-sentence error', () => {
    const questions = fc.sample(fc.oneof(hostileLine, fc.constant('When did Russia lift its arms embargo on Pakistan?')), { numRuns: 300, seed: 42 });
    const { code, stdout, stderr } = cli(['ask', '--batch'], questions.join('\n') + '\n');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const answers = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { query: string; error?: string; passages?: unknown[] });
    // Lines are read as UTF-8, so a lone surrogate arrives as U+FFFD; blank lines are skipped.
    expect(answers).toHaveLength(questions.filter((q) => q.trim()).length);
    for (const answer of answers) {
      if (answer.error !== undefined) expectOneSentence(new QuestionError(answer.error));
      else expect(Array.isArray(answer.passages)).toBe(true);
    }
    expect(answers.some((a) => a.error === undefined)).toBe(true);
  });

  it('answers any question given as an argument, or exits non-zero with one sentence', () => {
    fc.assert(
      fc.property(argument, (question) => {
        const { code, stdout, stderr } = cli(['ask', question]);
        if (code === 0) {
          expect(stdout.length).toBeGreaterThan(0);
          expect(stderr).toBe('');
          return;
        }
        // 1: a question the library cannot search; 2: text the option parser read as a flag.
        expect([1, 2]).toContain(code);
        expect(stderr).not.toContain('Unexpected failure');
        expectOneSentence(new UserError(stderr.split('\n')[0]!));
      }),
      { numRuns: 6 },
    );
  });

  it('ingests any file, or exits 1 with one sentence and leaves the library as it was', () => {
    fc.assert(
      fc.property(hostileArticleFile, (text) => {
        const file = join(dir, 'any.txt');
        writeFileSync(file, text);
        const before = librarySources();
        const { code, stderr } = cli(['ingest', '--json', file]);
        if (code === 0) return;
        expect(code).toBe(1);
        expect(stderr).not.toContain('Unexpected failure');
        expectOneSentence(new UserError(stderr.trimEnd().replace(/^Refused: /, '')));
        expect(librarySources()).toEqual(before);
      }),
      { numRuns: 5 },
    );
  });
});
