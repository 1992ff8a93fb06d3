/**
 * Where to put quote.ts's CLOSE_THRESHOLD. Every sentence of the library (8+ words) is quoted with
 * k words altered (replaced, dropped or added at random, seeded), and checked with checkQuotation:
 * an altered quotation should still be found in its paragraph. Against that, near misses: each
 * unaltered sentence, and each run of 5 and of 8 words, is aligned with every *other* paragraph;
 * the best alignment there is what a quotation on the same topic that the library does not
 * contain looks like. Prints the share found and the share of near misses counted close (with
 * MIN_CLOSE_WORDS applied), by threshold.
 * Usage: npm run build && node dist/bench/quote-threshold.js
 */
import { alignQuotation, tokenizeForAlignment } from '../src/core/quote/align.js';
import { checkQuotation, isClose } from '../src/core/quote/quote.js';
import { foldText, splitSentences } from '../src/core/language/text.js';
import { loadConfig } from '../src/app/config.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { createLogger } from '../src/app/log.js';

const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
const EDITS = [1, 2, 3, 4, 6];

/** mulberry32: a small seeded generator, so every run measures the same quotations. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function alter(sentence: string, edits: number, vocabulary: string[], next: () => number): string {
  const words = sentence.split(' ');
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * words.length);
    const word = vocabulary[Math.floor(next() * vocabulary.length)]!;
    const kind = next();
    if (kind < 0.5) words[at] = word;
    else if (kind < 0.75 && words.length > 4) words.splice(at, 1);
    else words.splice(at, 0, word);
  }
  return words.join(' ');
}

const ctx = await openAtStart(loadConfig({ DATABASE_PATH: ':memory:' }), { log: createLogger({ debug: false, quiet: true }) });
const paragraphs = ctx.sources.getParagraphsById([...ctx.sources.indexable()].map((d) => d.id));
const sentences = paragraphs.flatMap((p) => splitSentences(p.body).filter((s) => s.split(' ').length >= 8).map((s) => ({ p, s })));
const vocabulary = [...new Set(paragraphs.flatMap((p) => p.body.split(' ')))];
const next = random(42);

const found: Record<number, number[]> = {};
for (const k of EDITS) {
  found[k] = sentences.map(({ p, s }) => {
    const match = checkQuotation(ctx.askDeps, alter(s, k, vocabulary, next), 0).matches.find((m) => m.sourceId === p.sourceId && m.paragraph === p.n);
    return match?.similarity ?? 0;
  });
}
// Near misses: the best alignment of a quotation with a paragraph that does not have its words
// (a paragraph with the same words, punctuated otherwise, does contain the quotation).
function nearMisses(quotes: { p: (typeof paragraphs)[number]; s: string }[]) {
  return quotes.map(({ p, s }) => {
    const quote = tokenizeForAlignment(s);
    const others = paragraphs.filter((o) => o.id !== p.id && !foldText(o.text).includes(foldText(s)));
    const alignments = others.map((o) => alignQuotation(quote, tokenizeForAlignment(o.text))).filter((a) => a.similarity < 1);
    return alignments.sort((a, b) => b.similarity - a.similarity)[0] ?? { similarity: 0, shared: 0 };
  });
}
const runsOf = (length: number) => paragraphs.flatMap((p) => {
  const words = p.body.split(' ');
  return Array.from({ length: Math.floor(words.length / length) }, (_, i) => ({ p, s: words.slice(i * length, (i + 1) * length).join(' ') }));
});
const misses = { sentences: nearMisses(sentences), 'runs of 5 words': nearMisses(runsOf(5)), 'runs of 8 words': nearMisses(runsOf(8)) };

const share = (values: number[], threshold: number) => (values.filter((v) => v >= threshold).length / values.length).toFixed(3);
const closeShare = (list: ReturnType<typeof nearMisses>, threshold: number) => (list.filter((a) => isClose(a, threshold)).length / list.length).toFixed(3);
console.log(`${sentences.length} sentences of 8+ words from ${paragraphs.length} paragraphs; highest near-miss similarity: ` +
  Object.entries(misses).map(([name, list]) => `${name} ${Math.max(...list.map((a) => a.similarity)).toFixed(3)}`).join(', '));
console.log(['threshold', ...EDITS.map((k) => `found, ${k} edit${k > 1 ? 's' : ''}`), ...Object.keys(misses).map((name) => `near misses close: ${name}`)].join(' | '));
for (const t of THRESHOLDS) console.log([t.toFixed(2), ...EDITS.map((k) => share(found[k]!, t)), ...Object.values(misses).map((list) => closeShare(list, t))].join(' | '));
ctx.close();
