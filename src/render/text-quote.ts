import type { DiffSegment, QuoteResult } from '../core/quote/quote.js';
import { wrap } from './text-ask.js';

/** The quotation marked up against the source: `[-source words-]` the quotation lacks, `{+words+}` it adds. */
export function markDiff(diff: DiffSegment[]): string {
  return joinSegments(diff, diff.map((s) => (s.kind === 'missing' ? `[-${s.text}-]` : s.kind === 'added' ? `{+${s.text}+}` : s.text)));
}

/** Closing punctuation: a run starting with it follows the run before without a space ("{+get sick+}, and"). */
const CLOSES = /^[,.;:!?)\]}”’»%]/u;

/** A diff's runs, each as `shown`, joined by spaces except before a run that starts with closing punctuation. */
export function joinSegments(diff: DiffSegment[], shown: string[]): string {
  return shown.reduce((out, text, i) => (i === 0 ? text : `${out}${CLOSES.test(diff[i]!.text) ? '' : ' '}${text}`), '');
}

/** The verdict on a quotation as terminal text. */
export function renderQuoteText(result: QuoteResult): string {
  if (result.verdict === 'absent') {
    return 'Not in the library: no passage has this quotation, word for word or nearly.\nCheck it against its source before quoting it.';
  }
  const out = [
    result.verdict === 'verbatim'
      ? `Verbatim: the quotation is word for word in ${result.matches.map((m) => m.citation).join(', ')}.`
      : `Close, not verbatim: the nearest passage${result.matches.length > 1 ? 's are' : ' is'} ${result.matches.map((m) => m.citation).join(', ')}.`,
    '',
  ];
  for (const match of result.matches) {
    out.push(`${match.citation}${result.verdict === 'close' ? `  ${Math.round(match.similarity * 100)}% of the words the same` : ''}`);
    out.push(wrap(`“${match.text}”`));
    if (result.verdict === 'close') {
      out.push(`   Differences: ${match.differences.join('  ')}`, '   Marked up ([-source-] {+yours+}):', wrap(markDiff(match.diff), 88, '     '));
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}
