import type { AskResult } from '../core/search/ask.js';
import { describeSource } from '../core/citation.js';
import type { Excerpt } from '../core/excerpt.js';

/** Wraps text at `width` columns on word boundaries, indenting every line. */
export function wrap(text: string, width = 88, indent = '   '): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

/** The /ask answer as terminal text: the heading of its level, the answering sentence, then each passage with its citation. */
export function renderAskText(result: AskResult): string {
  const out: string[] = [];
  if (result.answer) {
    const { text, phrase, citation } = result.answer;
    // The phrase that answers is marked as Markdown bold, which terminals show as is.
    const marked = phrase ? `${text.slice(0, phrase.start)}**${phrase.text}**${text.slice(phrase.start + phrase.text.length)}` : text;
    if (result.level === 'closest') out.push(`${CLOSEST_HEADING}.`, '', `Closest: ${marked} ${citation}`, '');
    else out.push(`Answer: ${marked} ${citation}`, '');
  } else {
    out.push(nothingHeading(result.missing), '');
    if (result.passages.length > 0) out.push('Closest passages (not a match for the question):', '');
  }
  result.passages.forEach((p, i) => {
    out.push(`${i + 1}. ${p.citation}  score ${p.score.toFixed(2)}`);
    out.push(`   ${describeSource(p.source)}`);
    out.push(wrap(p.text), '');
  });
  return out.join('\n').trimEnd();
}

/** The heading of a "closest" answer: passages near the question that may not answer it. */
export const CLOSEST_HEADING = 'Closest passages — the library may not answer this directly';

/** The heading of a refusal, naming the question's words the library never uses. */
export function nothingHeading(missing: string[]): string {
  const words = missing.slice(0, 3).map((w) => `“${w}”`).join(', ');
  return missing.length > 0 ? `The library has nothing on that (it never mentions ${words}).` : 'The library has nothing on that.';
}

/** A cited paragraph with the paragraphs around it, as terminal text. */
export function renderExcerptText(excerpt: Excerpt): string {
  const { paragraph, before, after } = excerpt;
  const out = [`${excerpt.citation} (paragraph ${paragraph.n} of ${excerpt.total})`, `   ${describeSource(excerpt.source)}`, ''];
  if (before) out.push(`   ¶${before.n}: ${before.text}`, '');
  out.push(wrap(paragraph.text, 88, ' > '), '');
  if (after) out.push(`   ¶${after.n}: ${after.text}`);
  return out.join('\n').trimEnd();
}
