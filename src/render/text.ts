import type { AskResult } from '../core/ask.js';
import { describeSource } from '../core/citation.js';

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
