import { alignQuotation, ELLIPSIS, tokenizeForAlignment, type AlignOp, type Alignment, type Token } from './align.js';
import { formatCitation } from '../citation.js';
import type { Retrieval } from '../search/rank.js';
import { extractTerms } from '../language/terms.js';
import { stripControlCharacters } from '../language/text.js';
import type { StoredParagraph } from '../types.js';

/** Longest quotation checked, in characters (Discord's option limit is 2,000 too). */
export const MAX_QUOTE_LENGTH = 2000;
/**
 * A quotation is "close" to a passage when the words they share, in order, are at least this share
 * of the longer of the two. Measured with bench/quote-threshold.ts; see docs/DESIGN.md.
 */
export const CLOSE_THRESHOLD = 0.7;
/** A close match must share at least this many words: shorter phrases recur across the library. */
export const MIN_CLOSE_WORDS = 6;
/** Paragraphs the search index proposes for alignment, per kind of search (all terms, any term). */
const CANDIDATES = 10;
/** Matches shown at most. */
const MAX_MATCHES = 3;

/** What checking a quotation needs: paragraph retrieval and the stored paragraphs. */
export interface QuoteDeps {
  retrieval: Retrieval;
  getParagraphs(ids: number[]): StoredParagraph[];
}

/** A run of the comparison between a passage and the quotation. */
export interface DiffSegment {
  /** `same`: in both; `missing`: the source has it, the quotation not; `added`: only the quotation; `elided`: left out with "…". */
  kind: 'same' | 'missing' | 'added' | 'elided';
  text: string;
}

/** A place in the library where the quotation appears, exactly or nearly. */
export interface QuoteMatch {
  citation: string;
  sourceId: string;
  paragraph: number;
  /** The page the paragraph starts on (PDF); null for sources without pages. */
  page: number | null;
  /** The passage as the source words it. */
  text: string;
  /** Word-level differences: `-words` the source has and the quotation lacks, `+words` the quotation adds. */
  differences: string[];
  /** 1 for a verbatim match. */
  similarity: number;
  diff: DiffSegment[];
}

/** The verdict on a quotation, the same for Discord, the terminal and `--json`. */
export interface QuoteResult {
  quote: string;
  verdict: 'verbatim' | 'close' | 'absent';
  matches: QuoteMatch[];
}

/**
 * Finds where a quotation appears in the library: verbatim (same words and punctuation once case,
 * accents, quote marks, dashes and spacing are set aside; "…" stands for an omission), close (see
 * {@link isClose}; the differences are listed), or absent. Never throws.
 * @param threshold the similarity a close match needs (the bench lowers it to measure)
 */
export function checkQuotation(deps: QuoteDeps, text: string, threshold = CLOSE_THRESHOLD): QuoteResult {
  const quote = stripControlCharacters(text).slice(0, MAX_QUOTE_LENGTH).trim();
  const tokens = trimEdges(tokenizeForAlignment(quote));
  const absent: QuoteResult = { quote, verdict: 'absent', matches: [] };
  if (!tokens.some((t) => !t.punctuation)) return absent;
  const found = candidates(deps, quote)
    .filter((p) => p.body !== '')
    .map((paragraph) => {
      const source = tokenizeForAlignment(paragraph.text);
      return { paragraph, source, alignment: alignQuotation(tokens, source) };
    })
    .filter(({ alignment }) => alignment.cost === 0 || isClose(alignment, threshold))
    .sort((a, b) => a.alignment.cost - b.alignment.cost || b.alignment.similarity - a.alignment.similarity || a.paragraph.id - b.paragraph.id);
  if (found.length === 0) return absent;
  const verbatim = found[0]!.alignment.cost === 0;
  const matches = (verbatim ? found.filter((f) => f.alignment.cost === 0) : found.slice(0, MAX_MATCHES))
    .map(({ paragraph, source, alignment }) => describeMatch(paragraph, source, quote, tokens, alignment));
  return { quote, verdict: verbatim ? 'verbatim' : 'close', matches };
}

/**
 * True when an alignment is near enough to call the quotation close to its passage: the same words
 * with other punctuation, or CLOSE_THRESHOLD of the words and at least MIN_CLOSE_WORDS of them.
 */
export function isClose(alignment: Pick<Alignment, 'similarity' | 'shared'>, threshold = CLOSE_THRESHOLD): boolean {
  return alignment.similarity === 1 || (alignment.similarity >= threshold && alignment.shared >= MIN_CLOSE_WORDS);
}

/** Leading and trailing punctuation and elisions are not part of what is quoted. */
function trimEdges(tokens: Token[]): Token[] {
  let start = 0;
  let end = tokens.length;
  while (start < end && (tokens[start]!.punctuation || tokens[start]!.norm === ELLIPSIS)) start++;
  while (end > start && (tokens[end - 1]!.punctuation || tokens[end - 1]!.norm === ELLIPSIS)) end--;
  return tokens.slice(start, end).filter((t, i, all) => !(t.norm === ELLIPSIS && all[i - 1]?.norm === ELLIPSIS));
}

/** Paragraphs holding most of the quotation's terms, best first: all of them first, then the best of the rest. */
function candidates(deps: QuoteDeps, quote: string): StoredParagraph[] {
  const terms = [...new Set(extractTerms(quote))];
  if (terms.length === 0) return [];
  const hits = deps.retrieval.search(terms.map((t) => ({ label: t, terms: [t], variants: [[t]] })), {}, CANDIDATES * 2);
  const complete = hits.filter((h) => h.coverage === 1).slice(0, CANDIDATES);
  const rest = hits.filter((h) => h.coverage < 1).slice(0, CANDIDATES);
  return deps.getParagraphs([...complete, ...rest].map((h) => h.id));
}

function describeMatch(paragraph: StoredParagraph, source: Token[], quote: string, tokens: Token[], alignment: Alignment): QuoteMatch {
  const diff = runsOf(alignment.ops).map(({ kind, from, to }): DiffSegment => {
    if (kind === 'elided') return { kind, text: ELLIPSIS };
    const [list, text] = kind === 'added' ? [tokens, quote] : [source, paragraph.text];
    return { kind, text: text.slice(list[from]!.start, list[to]!.end) };
  });
  return {
    citation: formatCitation(paragraph.sourceId, paragraph.n, paragraph.page),
    sourceId: paragraph.sourceId,
    paragraph: paragraph.n,
    page: paragraph.page ?? null,
    text: paragraph.text.slice(source[alignment.start]!.start, source[alignment.end - 1]!.end),
    differences: diff.filter((s) => s.kind === 'missing' || s.kind === 'added').map((s) => `${s.kind === 'missing' ? '-' : '+'}${s.text}`),
    similarity: Math.round(alignment.similarity * 1000) / 1000,
    diff,
  };
}

interface Run {
  kind: DiffSegment['kind'];
  from: number;
  to: number;
}

/**
 * Groups alignment steps into runs of consecutive tokens; within a stretch of changes, what the
 * source has comes before what the quotation puts instead ("-lifted its" then "+removed the").
 */
function runsOf(ops: AlignOp[]): Run[] {
  const ordered: AlignOp[] = [];
  for (let i = 0; i < ops.length;) {
    let j = i;
    while (j < ops.length && ops[j]!.kind !== 'same') j++;
    const changes = ops.slice(i, j);
    ordered.push(...changes.filter((o) => o.kind === 'missing'), ...changes.filter((o) => o.kind === 'added'));
    if (j < ops.length) ordered.push(ops[j]!);
    i = j + 1;
  }
  const runs: Run[] = [];
  let lastSource: number | undefined;
  for (const op of ordered) {
    if (op.kind !== 'added') {
      if (lastSource !== undefined && op.index > lastSource + 1) runs.push({ kind: 'elided', from: -1, to: -1 });
      lastSource = op.index;
    }
    const last = runs.at(-1);
    if (last && last.kind === op.kind && last.to === op.index - 1) last.to = op.index;
    else runs.push({ kind: op.kind, from: op.index, to: op.index });
  }
  return runs;
}
