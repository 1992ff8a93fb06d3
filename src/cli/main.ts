#!/usr/bin/env node
import { createInterface } from 'node:readline';
import { ask, type AskReply } from '../commands/ask.js';
import { readOptions } from '../commands/options.js';
import { timeline } from '../commands/timeline.js';
import type { AskResult } from '../core/search/ask.js';
import { debugRequested, loadConfig } from '../app/config.js';
import { createContext } from '../app/context.js';
import { prepareLibrary } from '../ingest/prepare.js';
import { integerOption, parse, serverOption, usage, UsageError, type Open } from './args.js';
import { QuestionError, UserError } from '../core/errors.js';
import { ingestPaths, removeSources, type IngestReport } from '../ingest/ingest.js';
import { createLogger } from '../app/log.js';

const USAGE = `Usage: research-bot <command> [options] [--server GUILD_ID]

Commands:
  ask "<question>" [--limit N] [--source ID] [--from YEAR] [--to YEAR] [--json] [--batch]
      Answer a question from the library. --batch reads one question per line from stdin
      and prints one JSON object per line.
  ingest <file, folder or link>... [--threads N] [--progress] [--json]
      Add or update articles: text (.txt, .md, with or without front matter), web pages
      (.html, .htm), PDF and Word (.docx), or an http(s) link to a page or a PDF. A file or
      link read before updates its source; bad ones are named and left out, the others go in
      (exit status 1 when any was refused). Links to this machine's or a private network are
      refused unless ALLOW_PRIVATE_URLS=1. --threads sets the worker threads that parse them; 1 parses on
      the writing thread (default: one per core from 1 MB of new text, else 1). --progress
      prints a line to stderr as each file is written, also when stderr is not a terminal.
  timeline [--topic WORDS] [--from YEAR] [--to YEAR] [--source ID] [--json]
      The dated events the articles report, in order, each with its citations.
  source [--id ID] [--cite CITATION] [--format apa|mla|chicago|bibtex] [--json]
      List the library; show one source; open a cited paragraph ("[gvs-2018 ¶4]", "gvs-2018 p4");
      or print a reference to paste.
  quote "<quotation>" [--json]
      Check a quotation against the library: verbatim, close (with the differences), or absent.
  remove <source id>... [--json]
      Remove sources and their paragraphs (their files are left alone; ingest them to bring them back).

--server GUILD_ID works with every command: the library as that Discord server sees it (the shared
library and the server's own additions); ingest adds to, and remove removes from, the server's own.
Without it, commands read and change the shared library that every server sees.

Settings come from the environment or .env (see .env.example); DATABASE_PATH picks the library.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
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
      throw new UsageError(`Unknown command "${command}".`);
  }
}

/** The passages of an /ask page as the CLI's --json has always given them: the page's, no more. */
function askJson(reply: AskReply): AskResult {
  return { ...reply.result, passages: reply.result.passages.slice(reply.page.offset, reply.page.offset + reply.page.pageSize) };
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
    const removed = removeSources(ctx, positionals);
    if (values.json) process.stdout.write(JSON.stringify({ removed: removed.map(({ id, title, paragraphCount }) => ({ id, title, paragraphCount })) }, null, 2) + '\n');
    else for (const { id, title, paragraphCount } of removed) process.stdout.write(`Removed ${id} (${title}, ${paragraphCount} paragraphs).\n`);
  } finally {
    ctx.close();
  }
  return 0;
}

// Exit codes: 1 for a failure the user can fix, 2 for a usage mistake (UsageError).
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\nRun "research-bot help" for usage.\n`);
    process.exitCode = 2;
  } else if (error instanceof UserError || error instanceof QuestionError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`Unexpected failure: ${(error as Error).message ?? error}${debugRequested() ? '\n' + (error as Error).stack : ' (set DEBUG=1 for details)'}\n`);
    process.exitCode = 1;
  }
});
