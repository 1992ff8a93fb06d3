import { readOptions } from '../commands/options.js';
import { quoteCommand } from '../commands/quote.js';
import { source } from '../commands/source.js';
import { listSources } from '../core/sources/source-views.js';
import { sourceReplyJson } from '../render/json-source.js';
import { parse, serverOption, usage, UsageError, type Open } from './args.js';

/** `research-bot source [--id ID] [--cite CITATION] [--format STYLE] [--json]`: the same replies as /source. */
export function runSource(args: string[], open: Open): number {
  const { values, positionals } = parse(args, {
    id: { type: 'string' }, cite: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' }, server: { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}": name it, e.g. --id gvs-2018 or --cite "[gvs-2018 ¶4]".`);
  const library = serverOption(values.server);
  const options = usage(() => readOptions(source, { id: values.id, cite: values.cite, format: values.format?.toLowerCase() }));
  const ctx = open(library);
  try {
    // The whole library at once: a terminal scrolls, Discord pages.
    const reply = Object.keys(options).length === 0 ? listSources(ctx.sourceDeps, 1, Number.MAX_SAFE_INTEGER) : source.run(ctx, options);
    process.stdout.write((values.json ? JSON.stringify(sourceReplyJson(reply), null, 2) : source.renderText(reply)) + '\n');
  } finally {
    ctx.close();
  }
  return 0;
}

/** `research-bot quote "<text>" [--json]`: where the library has a quotation, exact or close, or that it has not. */
export function runQuote(args: string[], open: Open): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' }, server: { type: 'string' } });
  if (positionals.join(' ').trim() === '') throw new UsageError('Give the quotation: research-bot quote "Russia has lifted its arms embargo on Pakistan"');
  const library = serverOption(values.server);
  const options = usage(() => readOptions(quoteCommand, { text: positionals.join(' ') }));
  const ctx = open(library);
  try {
    const result = quoteCommand.run(ctx, options);
    process.stdout.write((values.json ? JSON.stringify(result, null, 2) : quoteCommand.renderText(result)) + '\n');
  } finally {
    ctx.close();
  }
  return 0;
}
