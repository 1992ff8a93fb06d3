import { REFUSAL, type AnswerLevel, type AskResult, type Passage } from '../core/search/ask.js';
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

/** A passage at least this close to the whole question is a strong match. */
const STRONG_MATCH = 0.8;
/** Where the answering sentence was, in the passage it came from: it is shown once, above ("the sentence" when it is only the closest). */
export function answerAbove(level: AnswerLevel): string {
  return level === 'closest' ? '(the sentence above)' : '(the answer above)';
}

/** How well a passage matches the question, in words a reader understands, from the share of the question it matches. */
export function describeMatch(coverage: number): string {
  return coverage >= STRONG_MATCH ? 'strong match' : coverage >= REFUSAL.answerCoverage ? 'partial match' : 'weak match';
}

/**
 * A passage's text with the answering sentence (shown above it) replaced by `marker`, so the
 * answer is read once; the text as it is when the answer comes from elsewhere.
 */
export function passageWithoutAnswer(passage: Passage, answer: AskResult['answer'], marker: string): string {
  const at = answer && answer.sourceId === passage.sourceId && answer.paragraph === passage.paragraph ? passage.text.indexOf(answer.text) : -1;
  if (at < 0) return passage.text;
  return [passage.text.slice(0, at).trim(), marker, passage.text.slice(at + answer!.text.length).trim()].filter(Boolean).join(' ');
}

/** Which filters an /ask had, for saying they left nothing: "of berger-2019 published in 2018". */
export interface AskFilter {
  source?: string;
  from?: number;
  to?: number;
}

/** "No passage published in 2018 matches": the filters named, when they left nothing that answers. */
export function describeFilterMiss({ source, from, to }: AskFilter): string {
  const years = from !== undefined && to !== undefined ? (from === to ? `in ${from}` : `${from}–${to}`)
    : from !== undefined ? `in or after ${from}` : to !== undefined ? `in or before ${to}` : undefined;
  return `No passage${source ? ` of ${source}` : ''}${years ? ` published ${years}` : ''} matches`;
}

/**
 * The /ask answer as terminal text: the heading of its level, the answering sentence, then each
 * passage with its citation and how well it matches. With `filterMiss`, the result is the one
 * without the filters, said so first.
 */
export function renderAskText(result: AskResult, filterMiss?: string): string {
  const out: string[] = [];
  if (filterMiss) out.push(`${filterMiss}; without the filter:`, '');
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
    out.push(`${i + 1}. ${p.citation}  ${describeMatch(p.coverage)}`);
    out.push(`   ${describeSource(p.source)}`);
    out.push(wrap(passageWithoutAnswer(p, result.answer, answerAbove(result.level))), '');
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
