import fc from 'fast-check';

/**
 * Text a busy study server sends a bot: control characters, lone surrogates, right-to-left and
 * bidi controls, emoji, markdown, mentions, SQL, regex and path metacharacters, citations and
 * option markers of the local prompt.
 */
export const HOSTILE_PIECES: readonly string[] = [
  '', ' ', '\t', '\n', '\r\n', '\r', '\u0000', '\u0007', '\u001B[2J', '\u001B]0;pwned\u0007', '\u007F', '\u0085', '\u00A0',
  '\u2028', '\u2029', '\uFEFF', '\u200B', '\u200E', '\u202E', '\u2066', '\uD800', '\uDFFF', '\uDBFF\uDBFF', '\uFFFD', '\uFFFF',
  '😀', '👨‍👩‍👧‍👦', '🇵🇰', '🏳️‍🌈', 'e\u0301', 'Z̷̢͈̓a̸̛͇l̷g̶o̵', 'ﬁ', 'İ', 'ß', 'K',
  'مرحبا بالعالم', 'שלום עולם', 'اسلام آباد', '中文字符', 'Ωμέγα', 'Пакистан',
  '**bold**', '__under__', '*', '_', '~~', '`', '```js\n', '> quote', '>>> ', '# Heading', '-# small', '||spoiler||',
  '[link](https://evil.example)', '\\', '\\*', '1. ', '- ',
  '@everyone', '@here', '@EVERYONE', '<@123456789012345678>', '<@!123456789012345678>', '<@&123456789012345678>',
  '<#123456789012345678>', '</ask:1>', '<t:0:R>', '<:emoji:123456789012345678>', '<a:dance:1>',
  "'; DROP TABLE sources; --", '" OR 1=1 --', "' OR ''='", '%', '%%', '?', '?1', ':id', '@id', '$1', 'NULL',
  '.*', '(a+)+$', '(?<x>)', '[^]', '{1,}', '\\d', '^$', '|', '/', '../../etc/passwd', 'C:\\Windows', '%s%n',
  '¶', '¶4', '[gvs-2018 ¶4]', 'berger-2019 9', 'aslam-2019#5', 'p.', 'para', '#', ':', '---',
  'question:', ' question: ', 'source:', ' source: ', 'from:', ' limit: ', ' private: ', ' cite: ', '/ask', '/help', '/quit',
  'id: x', 'title: ', 'date: 2018-13', 'By Jane Smith', 'Saturday, April 13, 2024', '| Welcome to', 'Read more: x',
  'ISIS', 'US', 'SCO', 'the', 'what is', 'Shoygu', 'Russia', 'Pakistan', 'embargo', '2018', '9999999999999999999', '-1', '1e308', 'NaN',
  '\u{10FFFF}', '\u{1D400}', '᠎', '\u3000',
];

/** One piece of text, 0 to 10,000 characters, of every kind a user or a file could hand the bot. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 6 })), { maxLength: 30 }).map((p) => p.join('')) },
  { weight: 2, arbitrary: fc.string({ maxLength: 100 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '   \t  ', '\n\n\n', '\u00A0\u3000\u200B') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE_PIECES), fc.integer({ min: 1, max: 10_000 })).map(([piece, n]) => (piece || 'a').repeat(n).slice(0, 10_000)) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(10_000), 'Russia Pakistan '.repeat(625), `a${'\t'.repeat(4000)}1 ${' '.repeat(4000)}x`, '😀'.repeat(5000)) },
);

/** Like {@link hostileText} without line breaks, for input read one line at a time. */
export const hostileLine: fc.Arbitrary<string> = hostileText.map((text) => text.replace(/\r\n|[\r\n]/g, ' '));

/** A valid source id, so hostile articles get into the library and their text reaches replies. */
export const sourceId: fc.Arbitrary<string> = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,20}[a-z0-9])?$/);

/** Front matter with a valid id and hostile fields, then a hostile body of several paragraphs. */
export const hostileArticle: fc.Arbitrary<{ id: string; text: string }> = fc
  .record({
    id: sourceId,
    title: hostileLine.filter((t) => t.trim().length > 0 && !t.includes('---')),
    author: hostileLine,
    publisher: hostileLine,
    url: hostileLine,
    paragraphs: fc.array(hostileText, { minLength: 1, maxLength: 6 }),
  })
  .map(({ id, title, author, publisher, url, paragraphs }) => {
    const head = ['---', `id: ${id}`, ...Object.entries({ title, author, publisher, url }).map(([key, value]) => `${key}: ${quoteValue(value)}`), '---'];
    // A sentence the tests can ask about, so the hostile paragraphs are found and shown.
    return { id, text: `${head.join('\n')}\n${paragraphs.map((p) => `Zanzibar quokka summit. ${p}`).join('\n\n')}` };
  });

/** Any text as an article file: arbitrary strings, hostile pieces, and front-matter-shaped ones. */
export const hostileArticleFile: fc.Arbitrary<string> = fc.oneof(
  hostileText,
  hostileArticle.map((a) => a.text),
  fc.tuple(fc.array(hostileLine, { maxLength: 6 }), fc.array(hostileText, { maxLength: 8 }))
    .map(([head, body]) => `---\n${head.join('\n')}\n---\n${body.join('\n\n')}`),
);

/** A front-matter value in double quotes, so leading spaces and colons survive. */
function quoteValue(value: string): string {
  return JSON.stringify(value.replaceAll('\u0000', ''));
}
