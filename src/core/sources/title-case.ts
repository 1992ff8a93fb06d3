import { splitSentences } from '../language/text.js';

/**
 * Words MLA 9 and Chicago 17 keep lower-case inside a title: articles, coordinating conjunctions,
 * prepositions of any length, and "to" and "as".
 */
const MINOR_WORDS: ReadonlySet<string> = new Set(
  ('a an the and but for nor or so yet as to about above across after against along amid among around at before behind ' +
    'below beneath beside besides between beyond by despite down during except from in inside into like near of off on ' +
    'onto out outside over past per since than through throughout till toward towards under underneath unlike until up ' +
    'upon versus via vs with within without').split(' '),
);

/** Tells whether a word (as written in a title) is a name that keeps its capital in sentence case. */
export type ProperNounTest = (word: string) => boolean;

const WORD = /\p{L}[\p{L}'’]*/gu;

/**
 * Learns which words are names from running text: a word counts as a name when it is written with a
 * capital somewhere other than at the start of a sentence and never in lower case.
 */
export function learnProperNouns(texts: Iterable<string>): ProperNounTest {
  const capitalised = new Set<string>();
  const lower = new Set<string>();
  for (const text of texts) {
    for (const sentence of splitSentences(text)) {
      for (const match of sentence.matchAll(WORD)) {
        const word = match[0];
        const key = word.toLowerCase();
        if (word === key) lower.add(key);
        else if (match.index > 0 && !/^["“‘'(]*$/.test(sentence.slice(0, match.index).trim())) capitalised.add(key);
      }
    }
  }
  return (word) => capitalised.has(word.toLowerCase()) && !lower.has(word.toLowerCase());
}

/** True for a word that must keep its letters as written: an acronym or a mixed-case name ("US", "iPhone", "McCain"). */
function hasInnerCapital(word: string): boolean {
  return /\p{Lu}/u.test(word.replace(/^[^\p{L}]*\p{L}/u, ''));
}

const capitalise = (word: string) => word.replace(/\p{L}/u, (c) => c.toUpperCase());

/** Splits a title into words, each with whether it starts a new part (after a colon, dash, or end punctuation). */
function words(title: string): { word: string; startsPart: boolean }[] {
  const parts = title.trim().split(/\s+/).filter(Boolean);
  return parts.map((word, i) => ({ word, startsPart: i === 0 || /[:?!.—–]$/.test(parts[i - 1]!) }));
}

/**
 * Headline-style capitalisation as MLA 9 and Chicago 17 prescribe: every word capitalised except
 * articles, prepositions, coordinating conjunctions, "to" and "as", unless first, last or after a colon;
 * each part of a hyphenated compound is treated as a word. Capitals already present are kept.
 */
export function toTitleCase(title: string): string {
  const list = words(title);
  return list
    .map(({ word, startsPart }, i) => {
      const last = i === list.length - 1;
      const parts = word.split('-');
      return parts
        .map((part, j) => {
          const bare = part.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
          const edge = (j === 0 && startsPart) || (last && j === parts.length - 1);
          if (!edge && MINOR_WORDS.has(bare) && !hasInnerCapital(part)) return part.toLowerCase();
          return capitalise(part);
        })
        .join('-');
    })
    .join(' ');
}

/**
 * Sentence-style capitalisation as APA 7 prescribes: only the first word, the first word after a
 * colon, names and acronyms keep a capital. Names are recognised by `isProperNoun`; a hyphenated
 * compound with a name in it ("Pak-Russia") is kept as written.
 */
export function toSentenceCase(title: string, isProperNoun: ProperNounTest): string {
  return words(title)
    .map(({ word, startsPart }) => {
      const parts = word.split('-');
      const bare = (part: string) => part.replace(/^[^\p{L}]+|[^\p{L}'’]+$/gu, '');
      const kept = parts.some((part) => hasInnerCapital(bare(part)) || (bare(part) !== '' && isProperNoun(bare(part))) || bare(part) === 'I');
      if (kept) return startsPart ? capitalise(word) : word;
      const lowered = word.toLowerCase();
      return startsPart ? capitalise(lowered) : lowered;
    })
    .join(' ');
}
