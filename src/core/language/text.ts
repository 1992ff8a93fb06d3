/**
 * Text normalisation shared by ingestion, indexing and queries, so that a query and a
 * document spelled with different quotes, accents, case or spaces meet on the same terms.
 */

const CURLY_QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
};

/** Collapses every run of whitespace (no-break spaces included) to one space and trims. */
export function collapseWhitespace(text: string): string {
  // Most text has single plain spaces only; checking that is cheaper than rewriting it.
  if (!/[^\S ]| {2}|\u200B/.test(text)) return text.trim();
  return text.replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+/g, ' ').trim();
}

/** Lower-cases, strips accents, straightens quotes and collapses whitespace: the form terms are compared in. */
export function foldText(text: string): string {
  // ASCII text has no accents or curly quotes to fold (and normalising it is the expensive part).
  if (/^[\x20-\x7e]*$/.test(text)) return collapseWhitespace(text.toLowerCase());
  return collapseWhitespace(
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033]/g, (q) => CURLY_QUOTES[q] ?? q)
      .toLowerCase(),
  );
}

/** Removes lone surrogates and control characters (other than newline and tab) from untrusted text. */
export function stripControlCharacters(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
}

/**
 * Discord's markup in what a user typed, replaced by what it says in words (nothing for mentions,
 * emoji, timestamps and links; the text of a masked link): "@everyone **what** is _CPEC_" is
 * "what is CPEC". Markdown characters themselves go at tokenizing; mentions would be words.
 */
const MARKUP: [RegExp, string][] = [
  [/\[([^\]]*)\]\((?:<)?https?:\/\/[^)\s]*(?:>)?\)/gi, '$1'], // masked link: its text
  [/<a?:\w+:\d+>|<(?:@[!&]?|#)\d+>|<\/[\w -]+:\d+>|<t:-?\d+(?::\w)?>|<id:\w+>/g, ' '], // custom emoji, mentions, command links, timestamps
  [/@(?:everyone|here)/gi, ' '],
  [/<?https?:\/\/\S+/gi, ' '],
  [/(?<![\p{L}\p{N}]):[a-z0-9_+-]+:(?![\p{L}\p{N}])/giu, ' '], // emoji shortcodes
  [/\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200D|\uFE0F|\u20E3/gu, ' '], // emoji and what joins them
  [/\|\||[*_~\u0060>]/g, ' '], // emphasis, spoilers, code (\u0060 is the backtick), quotes
];

/** A question or topic as words, Discord's markup removed (see MARKUP), for searching. */
export function stripMarkup(text: string): string {
  return collapseWhitespace(MARKUP.reduce((out, [pattern, by]) => out.replace(pattern, by), text));
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A sentence as ICU's rules cut it, untrimmed, with where it starts in the text. */
export interface SentenceSegment {
  segment: string;
  index: number;
}

/** The segments of the last text asked for: ingestion splits a paragraph for repeats, then again for each event's summary. */
let lastSegments: { text: string; segments: SentenceSegment[] } | undefined;

/**
 * A segment ending in an initial ("signed by the State governor John B.", "the U.S."): ICU ends a
 * sentence there when a capital follows, but a name or an abbreviation goes on. "I" is left out: it
 * ends sentences as a numeral ("under Bohemund I.").
 */
const ENDS_WITH_INITIAL = /(?:^|[\s.(])[A-HJ-Z]\.\s*$/u;

/**
 * Cuts text into sentences with ICU's sentence rules (`Intl.Segmenter`), keeping their positions; a
 * segment ending in an initial is joined to the next.
 */
export function sentenceSegments(text: string): SentenceSegment[] {
  if (lastSegments?.text !== text) {
    const segments: SentenceSegment[] = [];
    for (const { segment, index } of segmenter.segment(text)) {
      const last = segments.at(-1);
      if (last && ENDS_WITH_INITIAL.test(last.segment)) last.segment += segment;
      else segments.push({ segment, index });
    }
    lastSegments = { text, segments };
  }
  return lastSegments.segments;
}

/** Splits text into sentences with ICU's sentence rules; each sentence is trimmed and non-empty. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const { segment } of sentenceSegments(text)) {
    const sentence = segment.trim();
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}

/**
 * Cleans text a user typed for echoing in a message: control characters and lone surrogates
 * removed, whitespace (line breaks included) collapsed, cut to `max` characters with an ellipsis,
 * so the message stays one short, clean line whatever was typed.
 */
export function cleanInput(text: string, max = 60): string {
  const characters = [...collapseWhitespace(stripControlCharacters(text))];
  return characters.length > max ? characters.slice(0, max - 1).join('') + '…' : characters.join('');
}

/** {@link cleanInput} in double quotes, for naming a bad value in an error message. */
export function quoteInput(text: string, max = 60): string {
  return `"${cleanInput(text, max)}"`;
}
