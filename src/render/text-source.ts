import { formatCitation, formatSourceDate } from '../core/citation.js';
import type { SourceMeta } from '../core/types.js';
import type { SourceDetails, SourceList, SourceReply, SourceSummary } from '../core/sources/source-views.js';
import { truncate } from './limits.js';
import { renderExcerptText } from './text-ask.js';

/** Any /source reply as terminal text; a reference is printed alone, ready to paste. */
export function renderSourceText(reply: SourceReply): string {
  switch (reply.kind) {
    case 'list':
      return renderListText(reply);
    case 'source':
      return renderDetailsText(reply);
    case 'excerpt':
      return renderExcerptText(reply.excerpt);
    case 'reference':
      return reply.reference.text;
  }
}

/** "Author · Publisher · date · n paragraphs", with what is unknown said as such. */
export function sourceLine(source: SourceSummary): string {
  return [source.author ?? 'no author named', source.publisher ?? 'no publisher named', formatSourceDate(source), `${source.paragraphCount} paragraphs`].join(' · ');
}

/** The date as shown, and what an estimate rests on. */
export function dateLine(source: SourceMeta): string {
  return source.dateNote ? `${formatSourceDate(source)} (not printed; ${source.dateNote})` : formatSourceDate(source);
}

function renderListText(list: SourceList): string {
  const head = `The library: ${list.total} source${list.total === 1 ? '' : 's'}${list.pageCount > 1 ? ` (page ${list.page} of ${list.pageCount})` : ''}`;
  const out = [head, ''];
  for (const source of list.sources) out.push(`[${source.id}] ${source.title}`, `   ${sourceLine(source)}`);
  if (list.page < list.pageCount) out.push('', `More: /source page: ${list.page + 1}`);
  if (list.total === 0) out.push('No sources yet: ingest some articles first.');
  return out.join('\n');
}

function renderDetailsText({ source, keyTerms }: SourceDetails): string {
  const row = (label: string, value: string) => `   ${`${label}:`.padEnd(12)} ${value}`;
  const out = [
    `[${source.id}] ${source.title}`,
    row('Author', source.author ?? 'none named'),
    row('Publisher', source.publisher ?? 'none named'),
    row('Date', dateLine(source)),
    row('URL', source.url ?? 'unknown'),
    row('Paragraphs', `${source.paragraphCount}, cited ${formatCitation(source.id, 1)} to ${formatCitation(source.id, source.paragraphCount)}`),
    row('Key terms', keyTerms.length > 0 ? keyTerms.map((t) => t.term).join(', ') : 'none stand out'),
  ];
  out.push(row('Guessed', source.warnings.length > 0 ? source.warnings.join('; ') : 'nothing (the file gives its metadata)'));
  out.push(row('Left out', source.dropped.length > 0 ? `${source.dropped.length} piece${source.dropped.length === 1 ? '' : 's'} of text:` : 'nothing'));
  for (const d of source.dropped) out.push(`     ${d.kind}: ${truncate(d.text.replace(/\s+/g, ' '), 100)}`);
  return out.join('\n');
}
