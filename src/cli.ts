#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { askQuestion, QuestionError, type AskOptions } from './core/ask.js';
import { loadConfig } from './config.js';
import { createContext, type AppContext } from './context.js';
import { UserError } from './errors.js';
import { ingestPaths, removeSources } from './ingest.js';
import { createLogger } from './log.js';
import { renderAskText } from './render/text.js';

const USAGE = `Usage: research-bot <command> [options]

Commands:
  ask "<question>" [--limit N] [--source ID] [--from YEAR] [--to YEAR] [--json] [--batch]
      Answer a question from the library. --batch reads one question per line from stdin
      and prints one JSON object per line.
  ingest <file or folder>... [--json]
      Add or update articles (.txt or .md, with or without front matter).
  remove <source id>... [--json]
      Remove sources and their paragraphs (their files are left alone; ingest them to bring them back).

Settings come from the environment or .env (see .env.example); DATABASE_PATH picks the library.`;

/** Exit codes: 1 for a failure the user can fix, 2 for a usage mistake. */
class UsageError extends Error {}

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const config = loadConfig();
  const log = createLogger({ debug: config.debug });
  switch (command) {
    case 'ask':
      return runAsk(rest, () => createContext(config, { log }));
    case 'ingest':
      return runIngest(rest, () => createContext(config, { log }));
    case 'remove':
      return runRemove(rest, () => createContext(config, { log }));
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

function runAsk(args: string[], open: () => AppContext): number {
  const { values, positionals } = parse(args, {
    json: { type: 'boolean' }, batch: { type: 'boolean' }, limit: { type: 'string' },
    source: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
  });
  const options: AskOptions = {
    limit: integerOption(values.limit, 'limit', 1, 10),
    sourceId: values.source,
    from: integerOption(values.from, 'from', 0, 9999),
    to: integerOption(values.to, 'to', 0, 9999),
  };
  if (values.batch) {
    if (positionals.length > 0) throw new UsageError('With --batch, questions come from stdin, one per line; give none as arguments.');
    const ctx = open();
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    lines.on('line', (line) => {
      if (!line.trim()) return;
      try {
        process.stdout.write(JSON.stringify(askQuestion(ctx.askDeps, line, options)) + '\n');
      } catch (error) {
        if (!(error instanceof QuestionError)) throw error;
        process.stdout.write(JSON.stringify({ query: line, error: error.message }) + '\n');
      }
    });
    lines.on('close', () => ctx.close());
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('Give a question: research-bot ask "When did Russia lift its arms embargo?"');
  const ctx = open();
  try {
    const result = askQuestion(ctx.askDeps, positionals.join(' '), options);
    process.stdout.write((values.json ? JSON.stringify(result, null, 2) : renderAskText(result)) + '\n');
  } finally {
    ctx.close();
  }
  return 0;
}

function runIngest(args: string[], open: () => AppContext): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('Give the files or folders to ingest: research-bot ingest data/articles');
  const ctx = open();
  try {
    const progress = process.stderr.isTTY
      ? (done: number, total: number, file: string) => process.stderr.write(`\r\x1b[Kingesting ${done}/${total} ${file.slice(-60)}`)
      : undefined;
    const report = ingestPaths(ctx, positionals, progress);
    if (progress) process.stderr.write('\r\x1b[K');
    if (values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else {
      for (const { file, warnings } of report.warnings) for (const w of warnings) ctx.log.warn(`${file}: ${w}`);
      process.stdout.write(`Added ${report.added.length}, updated ${report.updated.length}, unchanged ${report.unchanged.length} (${report.paragraphs} paragraphs written).\n`);
    }
  } finally {
    ctx.close();
  }
  return 0;
}

function runRemove(args: string[], open: () => AppContext): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('Give the ids of the sources to remove: research-bot remove berger-2019');
  const ctx = open();
  try {
    const removed = removeSources(ctx, positionals);
    if (values.json) process.stdout.write(JSON.stringify({ removed: removed.map(({ id, title, paragraphCount }) => ({ id, title, paragraphCount })) }, null, 2) + '\n');
    else for (const { id, title, paragraphCount } of removed) process.stdout.write(`Removed ${id} (${title}, ${paragraphCount} paragraphs).\n`);
  } finally {
    ctx.close();
  }
  return 0;
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function integerOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${value}".`);
  return n;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\nRun "research-bot help" for usage.\n`);
    process.exitCode = 2;
  } else if (error instanceof UserError || error instanceof QuestionError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`Unexpected failure: ${(error as Error).message ?? error}${process.env.DEBUG ? '\n' + (error as Error).stack : ' (set DEBUG=1 for details)'}\n`);
    process.exitCode = 1;
  }
}
