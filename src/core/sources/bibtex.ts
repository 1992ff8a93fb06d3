import { parseAuthors, parseDate, parsePublisher } from './reference-parts.js';
import type { SourceMeta } from '../types.js';

const BIBTEX_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const LATEX_SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_',
  '~': '\\textasciitilde{}', '^': '\\textasciicircum{}', '`': '\\textasciigrave{}',
};

/**
 * Escapes text for a braced BibTeX field: LaTeX's special characters are written as commands (so a
 * backtick or brace from the data can never end the field), straight double quotes become `` and ''.
 */
export function escapeBibtex(text: string): string {
  let open = true;
  return text.replace(/[\\{}&%$#_~^`"]/g, (c) => {
    if (c !== '"') return LATEX_SPECIALS[c]!;
    const quote = open ? '``' : "''";
    open = !open;
    return quote;
  });
}

/** A citation key BibTeX accepts: the source id, with anything outside letters, digits and `-_:.` replaced. */
export function bibtexKey(id: string): string {
  return id.replace(/[^A-Za-z0-9_:.-]/g, '-') || 'source';
}

/**
 * The source as a BibTeX `@misc` entry. The title is double-braced to keep its capitals; an
 * estimated date keeps its year and month and says so in `note`; an unknown author is left out
 * (BibTeX styles then sort by title); an unconfirmed publisher is noted.
 */
export function formatBibtex(meta: SourceMeta): string {
  const authors = parseAuthors(meta.author);
  const date = parseDate(meta);
  const publisher = parsePublisher(meta.publisher);
  const notes = [
    date?.estimated && dateNote(meta.dateNote ?? ''),
    publisher?.uncertain && 'Publisher unconfirmed',
  ].filter((n): n is string => Boolean(n));
  const fields: [string, string][] = [];
  if (authors.length > 0) fields.push(['author', `{${authors.map((a) => escapeBibtex(a.given ? `${a.family}, ${a.given}` : a.family)).join(' and ')}}`]);
  fields.push(['title', `{{${escapeBibtex(meta.title)}}}`]);
  if (publisher) fields.push(['howpublished', `{${escapeBibtex(publisher.name)}}`]);
  if (date) fields.push(['year', `{${date.year}}`]);
  if (date?.month) fields.push(['month', BIBTEX_MONTHS[date.month - 1]!]);
  if (meta.url) fields.push(['url', `{${meta.url.replace(/[\s{}\\`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}}`]);
  if (notes.length > 0) fields.push(['note', `{${escapeBibtex(notes.join('. '))}}`]);
  const width = Math.max(...fields.map(([name]) => name.length));
  return `@misc{${bibtexKey(meta.id)},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(',\n')}\n}`;
}

/** "Date estimated: <why>" from a date note such as "inferred: reports the 2 March 2018 meeting as news". */
function dateNote(note: string): string {
  const match = /^(estimated|inferred|uncertain|approximate)\b([^:]*):\s*(.*)$/is.exec(note.trim());
  if (!match) return note.trim() ? `Date estimated: ${note.trim()}` : 'Date estimated';
  const kind = match[1]!.toLowerCase() === 'uncertain' ? 'Date uncertain' : 'Date estimated';
  const qualifier = match[2]!.trim();
  return `${kind}${qualifier ? ` (${qualifier})` : ''}: ${match[3]!.trim()}`;
}
