import type { PartialDate } from './dates.js';
import type { RelativeDate } from './relative-dates.js';

/** A date found in a paragraph: where, as written, and either its date or the relative phrase to resolve. */
export type DateMention = {
  index: number;
  text: string;
} & ({ date: PartialDate; end?: PartialDate; relative?: undefined } | { relative: RelativeDate; date?: undefined; end?: undefined });

const YEAR = '(1\\d{3}|2\\d{3})';
/** Words before a year that make it a date: "in 2014", "since 2016", "as far back as 1969", "the year 2003", "fiscal 2003", "dating to 1987". */
const YEAR_PREPOSITION = '(?:in|since|during|throughout|back\\s+in|as\\s+(?:far\\s+back|early|late)\\s+as|the\\s+year|fiscal(?:\\s+year)?|dat(?:ing|es|ed)\\s+(?:back\\s+)?(?:to|from))';
const YEAR_MODIFIER = '(?:(?:early|mid|late)(?:\\s+|-))?';
/** A number followed by one of these counts things: "in 2000 words", "$500 million". */
const COUNTED = /^\s*(?:%|per\s?cent|million|billion|trillion|thousand|hundred|people|persons|men|women|soldiers|troops|personnel|helicopters|aircraft|tanks|pages?|paragraphs?|words|km|kilometres|kilometers|miles|metres|meters|tons|tonnes|dollars|rupees|roubles|rubles|euros|units|cases|votes|seats|members|times)\b/i;
const MONEY_BEFORE = /[$£€¥₹]\s*$|\b(?:Rs|USD|PKR|No)\.?\s*$/i;
// Built once: the rules run on every paragraph. matchAll copies a global pattern, so sharing one is safe.
const YEAR_RANGES = [
  new RegExp(`\\b(?:from|between)\\s+${YEAR}\\s*(?:to|until|till|through|and|-|–|—)\\s*${YEAR}\\b`, 'gi'),
  new RegExp(`(?<![\\d./-])${YEAR}\\s*[–—-]\\s*(\\d{4}|\\d{2})\\b(?![./-]?\\d)`, 'g'),
];
const DECADE = new RegExp(`\\b(?:the\\s+)?${YEAR_MODIFIER}(1\\d{2}0|2\\d{2}0)['’]?s\\b`, 'gi');
/** What every decade ends with: scanning for it is much cheaper than trying DECADE's optional words at each word. */
const MAY_HOLD_DECADE = /0['’]?s\b/i;
const YEAR_AFTER_PREPOSITION = new RegExp(`\\b(?:${YEAR_PREPOSITION}\\s+${YEAR_MODIFIER}|(?:early|mid|late)(?:\\s+|-)|(?:post|pre)-)${YEAR}\\b`, 'gi');
const LISTED_YEAR = new RegExp(`^(?:\\s*,\\s*|,?\\s+and\\s+|\\s*&\\s*)${YEAR}\\b`, 'i');
/** The year itself is matched, its determiner looked behind for: finding the digits first is about twice as fast. */
const YEAR_BEFORE_NOUN = new RegExp(`(?<=\\b(?:the|a|an|its|their|his|her)\\s+)${YEAR}(?=\\s+\\p{Ll})`, 'giu');

/**
 * The date patterns chrono-node does not read, each a small rule: years after a preposition and
 * lists of them ("in 2016 and 2017", "since 2016", "fiscal 2003", "post-1971"), "the 2014 agreement",
 * year ranges ("from 2014 to 2016", "2014–15") and decades ("the 1980s"). Counts and money never match.
 */
export function findRuleMentions(text: string): DateMention[] {
  return [...yearRanges(text), ...decades(text), ...yearsAfterPrepositions(text), ...yearsBeforeNouns(text)];
}

function isCount(text: string, index: number, length: number): boolean {
  return MONEY_BEFORE.test(text.slice(Math.max(0, index - 5), index)) || COUNTED.test(text.slice(index + length, index + length + 20));
}

function yearRanges(text: string): DateMention[] {
  const mentions: DateMention[] = [];
  for (const pattern of YEAR_RANGES) {
    for (const match of text.matchAll(pattern)) {
      const start = Number(match[1]);
      const end = match[2]!.length === 2 ? Math.floor(start / 100) * 100 + Number(match[2]) : Number(match[2]);
      if (end <= start || isCount(text, match.index, match[0].length)) continue;
      mentions.push({ index: match.index, text: match[0], date: { year: start }, end: { year: end } });
    }
  }
  return mentions;
}

function decades(text: string): DateMention[] {
  if (!MAY_HOLD_DECADE.test(text)) return [];
  return [...text.matchAll(DECADE)]
    .filter((match) => !isCount(text, match.index, match[0].length))
    .map((match) => ({ index: match.index, text: match[0], date: { year: Number(match[1]) }, end: { year: Number(match[1]) + 9 } }));
}

/** "in 2014", "since 2016", "in early 2015", "post-1971", and the years listed after one: "in 2016 and 2017". */
function yearsAfterPrepositions(text: string): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of text.matchAll(YEAR_AFTER_PREPOSITION)) {
    const yearAt = match.index + match[0].length - 4;
    if (isCount(text, yearAt, 4)) continue;
    mentions.push({ index: yearAt, text: match[1]!, date: { year: Number(match[1]) } });
    let at = match.index + match[0].length;
    for (let more = LISTED_YEAR.exec(text.slice(at)); more; more = LISTED_YEAR.exec(text.slice(at))) {
      const listedAt = at + more[0].length - 4;
      if (isCount(text, listedAt, 4)) break;
      mentions.push({ index: listedAt, text: more[1]!, date: { year: Number(more[1]) } });
      at += more[0].length;
    }
  }
  return mentions;
}

/** "the 2014 defence agreement": a year between a determiner and a lower-case word (not "Friendship 2017"). */
function yearsBeforeNouns(text: string): DateMention[] {
  return [...text.matchAll(YEAR_BEFORE_NOUN)]
    .filter((match) => !isCount(text, match.index, 4))
    .map((match) => ({ index: match.index, text: match[1]!, date: { year: Number(match[1]) } }));
}
