import fc from 'fast-check';

/**
 * Pieces of text that break naive text handling: control characters, lone surrogates, emoji,
 * right-to-left text, markdown, Discord mentions, SQL and regex metacharacters, and the shapes
 * article files and citations take (front matter, bylines, dates, pilcrows).
 */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  '\u0000', '\u0007', '\u001B[31m', '\u007F', '\u0085', '\uD800', '\uDFFF', '\uDBFF\uDBFF', '\uFEFF', '\uFFFD',
  '\u200B', '\u202E', '\u2066', '😀', '👨‍👩‍👧', '🇵🇰', 'e\u0301', 'ﬁ', 'ǅ', 'İ', 'ß', 'ſ', 'K',
  'مرحبا بالعالم', 'שלום', '中文', 'Ωμέγα', '**bold**', '`code`', '```', '> quote', '||spoiler||', '[link](http://x)',
  '@everyone', '@here', '<@123456789012345678>', "'; DROP TABLE sources;--", '" OR 1=1 --', '%', '_',
  '.*+?^${}()|[]\\', '(a+)+$', '\\', '/', '\n', '\r\n', '\r', '\n\n', '\t', ' ', '\u00A0', '---', '---\n',
  'id: x', 'title: ', 'date: 2018-13', ':', '#', '¶', '¶4', '[gvs-2018 ¶4]', 'By Jane Smith', 'By',
  'Saturday, April 13, 2024', '| Welcome to', 'Source: x', 'Read more: x', 'Leave a Reply', '*A B is a',
  'ISIS', 'IS', 'US', 'us', 'SCO', 'the', 'what is', 'Shoygu', '2018', '9999999', '-', "'", '’s', '“', '.',
];

/** Any text a user or a file could hand the core: arbitrary strings in every unit, and mixes of hostile pieces. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 40 })
    .map((parts) => parts.join('')),
);

/** Text shaped like an article file: a front-matter block of hostile lines, then a hostile body. */
export const anyArticleText: fc.Arbitrary<string> = fc.oneof(
  anyText,
  fc.tuple(fc.array(anyText, { maxLength: 6 }), fc.array(anyText, { maxLength: 8 }))
    .map(([head, body]) => `---\n${head.join('\n')}\n---\n${body.join('\n\n')}`),
);

/**
 * Runs `run` and returns what it threw (`undefined` when it returned). No time limit: timings are
 * not asserted in tests (shared machines are noisy); a hang shows as the test's own timeout.
 */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}
