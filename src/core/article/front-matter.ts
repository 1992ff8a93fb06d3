import { quoteInput } from '../language/text.js';

/** Front matter: a `---` block of `key: value` lines at the top of an article file. */
export interface FrontMatter {
  fields: Record<string, string>;
  /** The text after the block (the whole text when there is none). */
  body: string;
}

/**
 * Splits front matter from an article. Values may be quoted; empty values are left out.
 * @throws Error naming the file and line when the block is not closed or a line is not `key: value`.
 */
export function parseFrontMatter(text: string, file: string): FrontMatter {
  if (!/^---[ \t]*\r?\n/.test(text)) return { fields: {}, body: text };
  const lines = text.split(/\r?\n/);
  const end = lines.indexOf('---', 1);
  if (end < 0) throw new Error(`front matter in ${file} has no closing "---" line`);
  const fields: Record<string, string> = {};
  for (let i = 1; i < end; i++) {
    const line = lines[i] ?? '';
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    // `s`: a value may hold any character but the newline the text was split on (U+2028, a lone CR).
    const match = /^([A-Za-z_][\w-]*)\s*:(.*)$/s.exec(line);
    if (!match) throw new Error(`front matter in ${file}, line ${i + 1}, is not "key: value": ${quoteInput(line)}`);
    const value = unquote(match[2]!.trim());
    if (value) fields[match[1]!.toLowerCase()] = value;
  }
  return { fields, body: lines.slice(end + 1).join('\n') };
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted ? quoted[2]! : value;
}
