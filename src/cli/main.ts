#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { ask } from '../commands/ask.js';
import { readOptions } from '../commands/options.js';
import { readRemovalId } from '../commands/source-option.js';
import { timeline } from '../commands/timeline.js';
import { cleanInput } from '../core/language/text.js';
import { askReplyJson as askJson } from '../render/json-ask.js';
import { generalHelp, isSubcommand, subcommandHelp } from './help.js';
import { debugRequested, loadConfig } from '../app/config.js';
import { createContext } from '../app/context.js';
import { prepareLibrary } from '../ingest/prepare.js';
import { integerOption, parse, serverOption, usage, UsageError, type Open } from './args.js';
import { QuestionError, UserError } from '../core/errors.js';
import { ingestPaths, removeSources, type IngestReport } from '../ingest/ingest.js';
import { createLogger } from '../app/log.js';

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !isSubcommand(topic)) throw new UsageError(`There is no command "${cleanInput(topic, 30)}".`);
    process.stdout.write((topic ? await helpFor(topic) : generalHelp()) + '\n');
    return command ? 0 : 2;
  }
  if (isSubcommand(command) && asksForHelp(rest)) {
    process.stdout.write((await helpFor(command)) + '\n');
    return 0;
  }
  const config = loadConfig();
  // Quiet: the terminal is for answers; warnings and errors still reach stderr.
  const log = createLogger({ debug: config.debug, quiet: true });
  // The CLI reads the library as it is: only `npm start` and the bot read the articles folder, so
  // `ingest DIR` into a new library holds exactly DIR.
  const open = (library: string) => {
    const ctx = createContext(config, { log });
    try {
      prepareLibrary(ctx);
    } catch (error) {
      ctx.close();
      throw error;
    }
    return ctx.forLibrary(library);
  };
  switch (command) {
    case 'ask':
      return runAsk(rest, open);
    case 'ingest':
      return await runIngest(rest, open);
    case 'timeline':
      return runTimeline(rest, open);
    case 'remove':
      return runRemove(rest, open);
    // Loaded on demand: they bring discord.js's builders, which would double the start-up of `ask`.
    case 'source':
      return (await import('./source-quote.js')).runSource(rest, open);
    case 'quote':
      return (await import('./source-quote.js')).runQuote(rest, open);
    default:
      throw new UsageError(`Unknown command "${cleanInput(command, 30)}".`);
  }
}

/** `--help` or `-h` among a subcommand's arguments (before a `--`, after which everything is text). */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/** A subcommand's help, its flags described by the slash commands' definitions (loaded only for help). */
async function helpFor(name: string): Promise<string> {
  const { commandsByName } = await import('../commands/index.js');
  return subcommandHelp(name, commandsByName);
}

function runAsk(args: string[], open: Open): number {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' }, batch: { type: 'boolean' }, limit: { type: 'string' },
    source: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, server: { type: 'string' },
  });
  const library = serverOption(values.server);
  const given = { limit: values.limit, source: values.source, from: values.from, to: values.to };
  usage(() => readOptions(ask, given, { partial: true }));
  if (values.batch) {
    if (positionals.length > 0) throw new UsageError('With --batch, questions come from stdin, one per line; give none as arguments.');
    const ctx = open(library);
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    lines.on('line', (line) => {
      if (!line.trim()) return;
      try {
        process.stdout.write(JSON.stringify(askJson(ask.run(ctx, readOptions(ask, { ...given, question: line })))) + '\n');
      } catch (error) {
        if (!(error instanceof QuestionError || error instanceof UserError)) throw error;
        process.stdout.write(JSON.stringify({ query: line, error: error.message }) + '\n');
      }
    });
    lines.on('close', () => ctx.close());
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('Give a question: research-bot ask "When did Russia lift its arms embargo?"');
  const options = usage(() => readOptions(ask, { ...given, question: positionals.join(' ') }));
  const ctx = open(library);
  try {
    const reply = ask.run(ctx, options);
    process.stdout.write((values.json ? JSON.stringify(askJson(reply), null, 2) : ask.renderText(reply)) + '\n');
  } finally {
    ctx.close();
  }
  return 0;
}

async function runIngest(args: string[], open: Open): Promise<number> {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, threads: { type: 'string' }, progress: { type: 'boolean' }, server: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('Give the files, folders or links to ingest: research-bot ingest data/articles');
  const threads = integerOption(values.threads, 'threads', 1, 64);
  const ctx = open(serverOption(values.server));
  try {
    const progress = values.progress
      ? (done: number, total: number, file: string) => process.stderr.write(`ingesting ${done}/${total} ${file}\n`)
      : process.stderr.isTTY
        ? (done: number, total: number, file: string) => process.stderr.write(`\r\x1b[Kingesting ${done}/${total} ${file.slice(-60)}`)
        : undefined;
    const report = await ingestPaths(ctx, positionals, progress, threads);
    if (progress && !values.progress) process.stderr.write('\r\x1b[K');
    if (values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      for (const { file, warnings } of report.warnings) for (const w of warnings) ctx.log.warn(`${file}: ${w}`);
      process.stdout.write(renderIngestText(report));
    }
    for (const { reason } of report.refused) process.stderr.write(`Refused: ${reason}\n`);
    // 1 when any file was refused: the others went in, and a script must still notice.
    return report.refused.length > 0 ? 1 : 0;
  } finally {
    ctx.close();
  }
}

/** The ingest report for a terminal: the counts, then each source added or updated with its file. */
function renderIngestText(report: IngestReport): string {
  const lines = [`Added ${report.added.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length}, refused ${report.refused.length} (${report.paragraphs} paragraphs, ${report.events} dated events written).`];
  for (const { file, id, status } of report.files) if (status !== 'unchanged') lines.push(`  ${status} ${id}  ${file}`);
  return lines.join('\n') + '\n';
}

function runTimeline(args: string[], open: Open): number {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' }, topic: { type: 'string' }, source: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, server: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`timeline takes options, not words: research-bot timeline --topic "${positionals.join(' ')}"`);
  const library = serverOption(values.server);
  const options = usage(() => readOptions(timeline, { topic: values.topic, source: values.source, from: values.from, to: values.to }));
  const ctx = open(library);
  try {
    const reply = timeline.run(ctx, options);
    process.stdout.write((values.json ? JSON.stringify({ events: reply.result.events }, null, 2) : timeline.renderText(reply)) + '\n');
  } finally {
    ctx.close();
  }
  return 0;
}

function runRemove(args: string[], open: Open): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, server: { type: 'string' } });
  if (positionals.length === 0) throw new UsageError('Give the ids of the sources to remove: research-bot remove berger-2019');
  const ctx = open(serverOption(values.server));
  try {
    const removed = removeSources(ctx, positionals.map((typed) => readRemovalId(ctx, typed)));
    if (values.json) process.stdout.write(JSON.stringify({ removed: removed.map(({ id, title, paragraphCount }) => ({ id, title, paragraphCount })) }, null, 2) + '\n');
    else for (const { id, title, paragraphCount } of removed) process.stdout.write(`Removed ${id} (${title}, ${paragraphCount} paragraphs).\n`);
  } finally {
    ctx.close();
  }
  return 0;
}

// A reader that stops early (`ask ... | head -3`) closes the pipe: the rest of the output is not
// wanted, which is no failure. Anything else that breaks stdout is.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`Unexpected failure writing the output: ${error.message}\n`);
  process.exit(1);
});

// Exit codes: 1 for a failure the user can fix, 2 for a usage mistake (UsageError).
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  if (error instanceof UsageError) {
    const [command] = process.argv.slice(2);
    process.stderr.write(`${error.message}\nRun "research-bot help${command && isSubcommand(command) ? ` ${command}` : ''}" for usage.\n`);
    process.exitCode = 2;
  } else if (error instanceof UserError || error instanceof QuestionError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`Unexpected failure: ${(error as Error).message ?? error}${debugRequested() ? '\n' + (error as Error).stack : ' (set DEBUG=1 for details)'}\n`);
    process.exitCode = 1;
  }
});
