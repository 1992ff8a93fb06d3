import { foldText } from '../language/text.js';

/** A word or punctuation mark of a text, folded for comparison, with where it stands in the original. */
export interface Token {
  norm: string;
  start: number;
  end: number;
  punctuation: boolean;
}

/** One step of an alignment: a token both texts share, or one only the source or only the quotation has. */
export interface AlignOp {
  kind: 'same' | 'missing' | 'added';
  /** For `same` and `missing`, the source's token index; for `added`, the quotation's. */
  index: number;
}

/** Where a quotation best fits in a source text, and how. */
export interface Alignment {
  /** Source tokens [start, end) the quotation covers. */
  start: number;
  end: number;
  ops: AlignOp[];
  /** Words the alignment pairs over the words of the longer side (0-1); punctuation and elided words left out. */
  similarity: number;
  /** Words the alignment pairs. */
  shared: number;
  /** Total cost: 1 per word added, missing or changed, 0.25 per punctuation mark. */
  cost: number;
}

export const ELLIPSIS = '…';
const TOKEN = /[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*|\.\s?\.\s?\.|…|[.,;:!?()]/gu;
const PUNCTUATION_COST = 0.25;

/** Splits text into comparable tokens: words (inner apostrophes, dots and hyphens kept), punctuation, `…`. */
export function tokenizeForAlignment(text: string): Token[] {
  const straightened = text.replace(/[\u2010-\u2014\u2212]/g, '-').replace(/[\u2018\u2019\u02BC]/g, "'");
  return [...straightened.matchAll(TOKEN)].map((m) => {
    const raw = m[0];
    const norm = raw === ELLIPSIS || (raw.startsWith('.') && raw.length > 1) ? ELLIPSIS : foldText(raw);
    return { norm, start: m.index, end: m.index + raw.length, punctuation: !/[\p{L}\p{N}]/u.test(raw) };
  });
}

const stepCost = (t: Token) => (t.punctuation ? PUNCTUATION_COST : 1);

/**
 * Aligns the quotation with the part of the source it fits best (semi-global edit distance: the
 * source's start and end are free). A `…` in the quotation matches any run of source tokens.
 */
export function alignQuotation(quote: Token[], source: Token[]): Alignment {
  const m = quote.length;
  const n = source.length;
  const width = n + 1;
  const cost = new Float64Array((m + 1) * width);
  for (let i = 1; i <= m; i++) {
    const q = quote[i - 1]!;
    cost[i * width] = cost[(i - 1) * width]! + (q.norm === ELLIPSIS ? 0 : stepCost(q));
    for (let j = 1; j <= n; j++) {
      const s = source[j - 1]!;
      const here = i * width + j;
      if (q.norm === ELLIPSIS) {
        cost[here] = Math.min(cost[here - width]!, cost[here - 1]!);
        continue;
      }
      const pair = q.norm === s.norm ? 0 : Math.max(stepCost(q), stepCost(s)) * (q.punctuation === s.punctuation ? 1 : 2);
      cost[here] = Math.min(cost[here - width - 1]! + pair, cost[here - width]! + stepCost(q), cost[here - 1]! + stepCost(s));
    }
  }
  let end = 0;
  for (let j = 1; j <= n; j++) if (cost[m * width + j]! < cost[m * width + end]!) end = j;
  return traceBack(quote, source, cost, end);
}

function traceBack(quote: Token[], source: Token[], cost: Float64Array, end: number): Alignment {
  const width = source.length + 1;
  const ops: AlignOp[] = [];
  let i = quote.length;
  let j = end;
  let same = 0;
  let sourceWords = 0;
  let quoteWords = 0;
  while (i > 0) {
    const q = quote[i - 1]!;
    const here = i * width + j;
    if (q.norm === ELLIPSIS) {
      if (j > 0 && cost[here] === cost[here - 1]) j--;
      else i--;
      continue;
    }
    const s = source[j - 1];
    if (j > 0 && s && q.norm === s.norm && cost[here] === cost[here - width - 1]) {
      ops.push({ kind: 'same', index: j - 1 });
      if (!q.punctuation) {
        same++;
        sourceWords++;
        quoteWords++;
      }
      i--;
      j--;
    } else if (j > 0 && s && cost[here] === cost[here - 1]! + stepCost(s)) {
      ops.push({ kind: 'missing', index: j - 1 });
      if (!s.punctuation) sourceWords++;
      j--;
    } else if (cost[here] === cost[here - width]! + stepCost(q)) {
      ops.push({ kind: 'added', index: i - 1 });
      if (!q.punctuation) quoteWords++;
      i--;
    } else {
      // A substitution: the source's token is missing, the quotation's is added.
      ops.push({ kind: 'added', index: i - 1 }, { kind: 'missing', index: j - 1 });
      if (!q.punctuation) quoteWords++;
      if (!s!.punctuation) sourceWords++;
      i--;
      j--;
    }
  }
  ops.reverse();
  const longer = Math.max(sourceWords, quoteWords);
  return { start: j, end, ops, similarity: longer === 0 ? 0 : same / longer, shared: same, cost: cost[quote.length * width + end]! };
}
