import { createRequire } from 'node:module';
import type { Chrono, Parser, Refiner } from 'chrono-node';
import { readDirection } from './direction.js';

let loaded: typeof import('chrono-node') | undefined;
let casual: Chrono | undefined;

/**
 * chrono-node, loaded the first time a date must be read: it is large, and the commands that answer
 * questions never need it, so `research-bot ask` does not pay for loading it.
 */
export function chrono(): typeof import('chrono-node') {
  return (loaded ??= createRequire(import.meta.url)('chrono-node') as typeof import('chrono-node'));
}

/**
 * Text that a parser of chrono-node's casual English set (2.10) cannot match without, by the parser's
 * class name: each gate is a part of that parser's own pattern, so a paragraph without it would give
 * the parser nothing. These three try a duration or a weekday at every word, which costs several
 * times more than scanning for the words they must contain: gated, chrono reads 10,000 generated
 * paragraphs in 390 ms instead of 430.
 *
 * No parser is left out: each can change what is read, even those whose own results are never kept
 * (a time swallows the date it follows, "3 May 2019 at 5 pm"; "two days after 3 May 2019" becomes 5 May).
 */
export const PARSER_GATES: Readonly<Record<string, RegExp>> = {
  /** "two years ago": a duration, then one of these words. */
  ENTimeUnitAgoFormatParser: /(?:ago|before|earlier)(?=\W|$)/i,
  /** "three years later". */
  ENTimeUnitLaterFormatParser: /(?:later|after|from now|henceforth|forward|out)(?=\W|$)/i,
  /** A weekday's name or abbreviation, then what the pattern allows after it ("Monday,", "Thurs.", "mondaythis week"); not "months". */
  ENWeekdayParser: /(?:sun|mon|tue|wed|thu|fri|sat)(?:day|nesday|rsday|urday|sday|rs|r)?(?:\W|$|of|this|last|past|next)|week(?:end|day)/i,
};

/** Matches nothing, and fails at once: a pattern anchored at the start is tried at the start only. */
const NEVER = /^(?!)/;

/** Tag of a month read with the word before it: `…/last`, `…/this` or `…/next` ("last October"). */
export const MODIFIER_TAG = 'research-bot/modifier/';
/** Tag of a date without a year that the words around it place before or after the article: `…/past`, `…/future`. */
export const DIRECTION_TAG = 'research-bot/direction/';

const MONTH_MODIFIER = /\b(last|past|this|next|coming)\s+$/i;
const MODIFIERS: Record<string, string> = { last: 'last', past: 'last', this: 'this', next: 'next', coming: 'next' };

/**
 * What the article's words add to chrono-node's results, as refiners run after chrono's own: the word
 * before a month ("last October": chrono reads "October" alone; its weekday parser reads "last
 * Thursday" itself), and for a weekday or a month without a year, which side of the article's date
 * the sentence puts it on (see readDirection). Results are tagged, not moved: chrono's reference is
 * not the article's date, so date-mentions.ts reads the tags and relative-dates.ts resolves.
 */
export const ARTICLE_REFINERS: readonly Refiner[] = [
  {
    refine(context, results) {
      for (const result of results) {
        const { start } = result;
        if (!start.isCertain('month') || start.isCertain('year') || start.isCertain('day')) continue;
        const before = MONTH_MODIFIER.exec(context.text.slice(Math.max(0, result.index - 10), result.index));
        if (!before) continue;
        result.index -= before[0].length;
        result.text = before[0] + result.text;
        result.addTag(MODIFIER_TAG + MODIFIERS[before[1]!.toLowerCase()]!);
      }
      return results;
    },
  },
  {
    refine(context, results) {
      for (const result of results) {
        const { start } = result;
        if (start.isCertain('year') || !(start.isCertain('month') || start.isCertain('weekday'))) continue;
        if ([...result.tags()].some((tag) => tag.startsWith(MODIFIER_TAG))) continue;
        const direction = readDirection(context.text, result.index, result.index + result.text.length);
        if (direction) result.addTag(DIRECTION_TAG + direction);
      }
      return results;
    },
  },
];

/**
 * chrono-node's casual English parser, as `chrono.casual` (the same parsers and refiners, in the same
 * order) followed by ARTICLE_REFINERS, except that a gated parser is skipped on text without its gate.
 */
export function casualChrono(): Chrono {
  if (casual) return casual;
  const { Chrono: ChronoClass, en } = chrono();
  const { parsers, refiners } = en.configuration.createCasualConfiguration();
  return (casual = new ChronoClass({ parsers: parsers.map(gateParser), refiners: [...refiners, ...ARTICLE_REFINERS] }));
}

function gateParser(parser: Parser): Parser {
  const gate = PARSER_GATES[parser.constructor.name];
  if (!gate) return parser;
  return {
    pattern: (context) => (gate.test(context.text) ? parser.pattern(context) : NEVER),
    extract: (context, match) => parser.extract(context, match),
  };
}
