import { isReferenceStyle, REFERENCE_STYLES } from '../core/sources/reference.js';
import type { AppContext } from '../app/context.js';
import { parse, UsageError } from './args.js';
import { quote } from '../commands/quote.js';
import { source } from '../commands/source.js';
import { listSources } from '../core/sources/source-views.js';
import { sourceReplyJson } from '../render/json-source.js';
import { renderQuoteText } from '../render/text-quote.js';

/** `research-bot source [--id ID] [--cite CITATION] [--format STYLE] [--json]`: the same replies as /source. */
export function runSource(args: string[], open: () => AppContext): number {
  const { values, positionals } = parse(args, { id: { type: 'string' }, cite: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 0) throw new UsageError(`Unexpected "${positionals.join(' ')}": name it, e.g. --id gvs-2018 or --cite "[gvs-2018 ¶4]".`);
  if (values.id !== undefined && values.cite !== undefined && values.format === undefined) throw new UsageError('Give --id to see a source or --cite to open a paragraph, not both.');
  if (values.format !== undefined && !isReferenceStyle(values.format.toLowerCase())) throw new UsageError(`--format must be one of ${REFERENCE_STYLES.join(', ')}, not "${values.format}".`);
  if (values.format !== undefined && values.id === undefined && values.cite === undefined) throw new UsageError('--format needs a source: add --id, e.g. --id gvs-2018 --format apa.');
  const ctx = open();
  try {
    const options = { id: values.id, cite: values.cite, format: values.format };
    // The whole library at once: a terminal scrolls, Discord pages.
    const reply = Object.values(options).every((v) => v === undefined) ? listSources(ctx.sourceDeps, 1, Number.MAX_SAFE_INTEGER) : source.run(ctx, options);
    process.stdout.write((values.json ? JSON.stringify(sourceReplyJson(reply), null, 2) : source.renderText(reply)) + '\n');
  } finally {
    ctx.close();
  }
  return 0;
}

/** `research-bot quote "<text>" [--json]`: where the library has a quotation, exact or close, or that it has not. */
export function runQuote(args: string[], open: () => AppContext): number {
  const { values, positionals } = parse(args, { json: { type: 'boolean' } });
  if (positionals.join(' ').trim() === '') throw new UsageError('Give the quotation: research-bot quote "Russia has lifted its arms embargo on Pakistan"');
  const ctx = open();
  try {
    const result = quote(ctx, positionals.join(' '));
    process.stdout.write((values.json ? JSON.stringify(result, null, 2) : renderQuoteText(result)) + '\n');
  } finally {
    ctx.close();
  }
  return 0;
}
