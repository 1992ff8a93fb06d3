/**
 * fast-check generators of hostile text for property tests of anything that reads user or article text.
 */
import fc from 'fast-check';

/** Fragments that exercise parsers: quotes, brackets, dates, numbers, markdown, mentions, odd spaces. */
const FRAGMENTS = [
  ' ', '\n', '\t', '\u00A0', '\u200B', '\uFEFF', '\u2019', '\u201C', '\u201D', '"', "'", '[', ']', '¶', '#', ':', ',', '.', '-',
  '\u2013', '\u2014', '/', '$', '%', '*', '_', '`', '@everyone', '<@123>', '---', 'key: value', 'date: 2019-04',
  '2014', '1980s', '17th', 'year', 'last', 'this', 'March', '29 February', 'Thursday', 'from', 'to', 'in', 'since',
  'October 21', 'November 4, 2018', '9/11', '$500 million', 'Mi-35', 'ISIS', 'US', 'gvs-2018 ¶4', '\uD800', '\uDFFF', 'é', 'e\u0301',
];

/** Any string: unicode, lone surrogates, control characters, and fragments that look like dates and citations. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.tuple(
    fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 }), fc.integer({ min: -1, max: 99_999 }).map(String)), { maxLength: 40 }),
    fc.constantFrom('', ' '),
  ).map(([parts, separator]) => parts.join(separator)),
);

/** Text shaped like an article file: optional front matter (well- or ill-formed), then any body. */
export const anyArticleText: fc.Arbitrary<string> = fc.oneof(
  anyText,
  fc.tuple(
    fc.array(fc.oneof(fc.constantFrom('id: a-1', 'title: "T"', 'date: 2019', '# c', '', 'no colon', 'k:'), anyText), { maxLength: 6 }),
    fc.constantFrom('---', '--- ', ''),
    fc.constantFrom('\n', '\r\n'),
    anyText,
  ).map(([lines, close, eol, body]) => ['---', ...lines, close, body].join(eol)),
);

/** Runs `fn` and returns what it threw, or `undefined` when it returned normally. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error ?? new Error('threw a nullish value');
  }
}
