import { createRequire } from 'node:module';
import type { Chrono, Parser } from 'chrono-node';

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

/**
 * chrono-node's casual English parser, as `chrono.casual` (the same parsers and refiners, in the same
 * order), except that a gated parser is skipped on text without its gate.
 */
export function casualChrono(): Chrono {
  if (casual) return casual;
  const { Chrono: ChronoClass, en } = chrono();
  const { parsers, refiners } = en.configuration.createCasualConfiguration();
  return (casual = new ChronoClass({ parsers: parsers.map(gateParser), refiners }));
}

function gateParser(parser: Parser): Parser {
  const gate = PARSER_GATES[parser.constructor.name];
  if (!gate) return parser;
  return {
    pattern: (context) => (gate.test(context.text) ? parser.pattern(context) : NEVER),
    extract: (context, match) => parser.extract(context, match),
  };
}
