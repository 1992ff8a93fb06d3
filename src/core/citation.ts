import type { SourceMeta } from './types.js';

/** How a paragraph is cited in text: `[gvs-2018 ¶4]`. */
export function formatCitation(sourceId: string, paragraph: number): string {
  return `[${sourceId} ¶${paragraph}]`;
}

/**
 * Reads a citation as the bot prints it or as a person types it: `[gvs-2018 ¶4]`, `gvs-2018 4`,
 * `GVS-2018 p4`, `gvs-2018#4`, `gvs-2018 para 4`.
 * @returns the source id and paragraph number, or `undefined` when the text is not a citation
 */
export function parseCitation(text: string): { sourceId: string; paragraph: number } | undefined {
  // One way to match each run of blanks (adjacent `\s*` took cubic time on long runs); ids end in a letter or digit.
  const match = /^\[?\s*([a-z0-9](?:[a-z0-9-]*?[a-z0-9])?)(?:\s*(?:[:#,]|¶|\bpara(?:graph)?\.?|\bp\.?)\s*|\s+)(\d{1,6})\s*\]?$/i.exec(text.normalize('NFKC').trim());
  if (!match) return undefined;
  return { sourceId: match[1]!.toLowerCase(), paragraph: Number(match[2]) };
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
