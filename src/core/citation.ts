import type { SourceMeta } from './types.js';

/** The citation fields of a source, without its bookkeeping; `undefined` for no source. */
export function toMeta(source: SourceMeta | undefined): SourceMeta | undefined {
  if (!source) return undefined;
  const { id, title, author, publisher, date, dateNote, url } = source;
  return Object.fromEntries(Object.entries({ id, title, author, publisher, date, dateNote, url }).filter(([, v]) => v !== undefined)) as unknown as SourceMeta;
}

/**
 * How a paragraph is cited in text: `[gvs-2018 ¶4]`; a paragraph of a document with pages (PDF)
 * gives its page too: `[smith-2020 ¶12, p. 3]`.
 */
export function formatCitation(sourceId: string, paragraph: number, page?: number): string {
  return page === undefined ? `[${sourceId} ¶${paragraph}]` : `[${sourceId} ¶${paragraph}, p. ${page}]`;
}

/** The date as a reader should see it: printed dates as they are, inferred ones marked "c.". */
export function formatSourceDate(meta: Pick<SourceMeta, 'date' | 'dateNote'>): string {
  if (!meta.date) return 'n.d.';
  const [year, month, day] = meta.date.split('-').map(Number);
  const printed = day
    ? new Date(Date.UTC(year!, month! - 1, day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    : month
      ? new Date(Date.UTC(year!, month - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
      : String(year);
  return meta.dateNote ? `c. ${printed}` : printed;
}

/** One line naming a source: `Title — Author, Publisher, date`. */
export function describeSource(meta: SourceMeta): string {
  const byline = [meta.author, meta.publisher, formatSourceDate(meta)].filter(Boolean).join(', ');
  return `${meta.title} — ${byline}`;
}
