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

/** The /ask answer as terminal text: the answering sentence, then each passage with its citation. */
export function renderAskText(result: AskResult): string {
  const out: string[] = [];
  if (result.answer) {
    out.push(`Answer: ${result.answer.text} ${result.answer.citation}`, '');
  } else {
    out.push('The library has nothing on that.', '');
    if (result.passages.length > 0) out.push('Closest passages (not a match for the question):', '');
  }
  result.passages.forEach((p, i) => {
    out.push(`${i + 1}. ${p.citation}  score ${p.score.toFixed(2)}`);
    out.push(`   ${describeSource(p.source)}`);
    out.push(wrap(p.text), '');
  });
  return out.join('\n').trimEnd();
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
