import { sentenceSegments } from '../language/text.js';

/** Longest summary of an event, in characters; longer sentences are cut to the clauses around the date. */
export const MAX_SUMMARY = 240;
/** Quotations at least this long that do not hold the date are elided to “…”. */
const LONG_QUOTE = 60;
const OPENER = new RegExp(
  '^(?:(?:It|This)\\s+(?:may\\s+be\\s+mentioned|is\\s+pertinent\\s+to\\s+mention|(?:[\'’]s|has|had)\\s+been\\s+(?:noted|reported|said)|was\\s+learnt(?:\\s+through\\s+[^,]{0,60}?)?)\\s+that\\s+' +
    '|(?:Earlier|Notably|Moreover|However|Historically|Indeed|Of\\s+course|Yet|But|Meanwhile|Besides|Also|Furthermore|Nevertheless|Similarly|In\\s+a\\s+nut\\s*shell),\\s+|And\\s+)',
  'i',
);
const CLAUSE_BREAK = /,\s+|;\s+|:\s+|\s+[–—]\s+/g;

/** The sentence that states a date, and the same trimmed to read on its own as a timeline line. */
export interface EventText {
  /** The sentence as the paragraph gives it. */
  quote: string;
  /** Where the sentence starts in the paragraph. */
  quoteAt: number;
  summary: string;
}

/**
 * Summarises the sentence around a date mention: long quotations that do not hold the date become
 * “…”, a leading "On 27 September 2018," and openers such as "It may be mentioned that" go, and a
 * sentence still over MAX_SUMMARY is cut to the clauses around the date, marked with "…".
 * @param text the paragraph
 * @param index where the mention starts in it
 * @param length the mention's length
 */
export function summarizeMention(text: string, index: number, length: number): EventText {
  const { sentence, at } = sentenceAround(text, index);
  let s = sentence;
  let a = index - at;
  let b = a + length;
  const cut = (from: number, to: number, replacement = '') => {
    s = s.slice(0, from) + replacement + s.slice(to);
    const shift = replacement.length - (to - from);
    if (from < a) {
      a += shift;
      b += shift;
    }
  };
  for (const quote of [...s.matchAll(/“[^”]*”|"[^"]*"/g)].reverse()) {
    const end = quote.index + quote[0].length;
    if (quote[0].length - 2 >= LONG_QUOTE && (end <= a || quote.index >= b)) cut(quote.index + 1, end - 1, '…');
  }
  const leading = /^\s*,\s*/.exec(s.slice(b));
  if (/^(?:(?:on|in|during)\s+)?$/i.test(s.slice(0, a)) && leading && s.length - b - leading[0].length >= 20) cut(0, b + leading[0].length);
  for (let opener = OPENER.exec(s); opener && opener[0].length <= a; opener = OPENER.exec(s)) cut(0, opener[0].length);
  s = s.charAt(0).toUpperCase() + s.slice(1);
  return { quote: sentence, quoteAt: at, summary: s.length > MAX_SUMMARY ? windowAround(s, Math.max(a, 0), Math.max(b, 0)) : s };
}

/** The sentence (or, in a list, the line) holding position `index`, trimmed, and where it starts. */
function sentenceAround(text: string, index: number): { sentence: string; at: number } {
  let found = { segment: text, index: 0 };
  for (const segment of sentenceSegments(text)) {
    if (segment.index > index) break;
    found = segment;
  }
  let at = found.index;
  let sentence = found.segment;
  const lineStart = sentence.lastIndexOf('\n', index - at);
  if (lineStart >= 0) {
    at += lineStart + 1;
    sentence = sentence.slice(lineStart + 1);
  }
  const lineEnd = sentence.indexOf('\n', index - at);
  if (lineEnd >= 0) sentence = sentence.slice(0, lineEnd);
  const lead = sentence.length - sentence.trimStart().length;
  return { sentence: sentence.trim(), at: at + lead };
}

/** Cuts `s` to at most MAX_SUMMARY characters around [a, b): whole clauses when they fit, else whole words. */
function windowAround(s: string, a: number, b: number): string {
  const breaks = [...s.matchAll(CLAUSE_BREAK)];
  const starts = [0, ...breaks.map((m) => m.index + m[0].length)].filter((p) => p <= a);
  const ends = [...breaks.map((m) => m.index), s.length].filter((p) => p >= b);
  let from = -1;
  let to = -1;
  for (const start of starts) {
    const end = ends.filter((e) => e - start <= MAX_SUMMARY - 4).pop();
    if (end !== undefined) {
      [from, to] = [start, end];
      break;
    }
  }
  if (from < 0) {
    from = Math.max(0, Math.min(a, Math.floor((a + b - MAX_SUMMARY) / 2)));
    to = Math.min(s.length, from + MAX_SUMMARY - 4);
    if (from > 0) from = s.indexOf(' ', from) + 1 || from;
    if (to < s.length) to = s.lastIndexOf(' ', to) > from ? s.lastIndexOf(' ', to) : to;
  }
  const body = s.slice(from, to).replace(/[\s,;:–—]+$/, '').trim();
  return `${from > 0 ? '… ' : ''}${body}${to < s.length ? ' …' : ''}`;
}
