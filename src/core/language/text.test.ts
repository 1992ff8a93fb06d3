import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../../test/arbitraries.js';
import { cleanInput, quoteInput, sentenceSegments, splitSentences, stripMarkup } from './text.js';

describe('cleanInput', () => {
  it('removes control characters and lone surrogates and collapses line breaks to spaces', () => {
    expect(cleanInput('berger-2019\n\n\u0000\u001B[2J\uD800 x\u2028y')).toBe('berger-2019 [2J x y');
  });

  it('cuts long text to the limit with an ellipsis, never inside a surrogate pair', () => {
    expect(cleanInput('a'.repeat(10_000), 10)).toBe('aaaaaaaaa…');
    expect(cleanInput('😀'.repeat(20), 5)).toBe('😀😀😀😀…');
  });
});

describe('quoteInput', () => {
  it('puts the cleaned text in double quotes', () => {
    expect(quoteInput(' no-such\tsource ')).toBe('"no-such source"');
  });
});

describe('stripMarkup', () => {
  it('leaves the words of a question typed with Discord markup', () => {
    expect(stripMarkup('@everyone **what** is _CPEC_')).toBe('what is CPEC');
    expect(stripMarkup('<@123456789012345678> ||when|| did <@&42> <#7> [Shoigu](https://x.example/a_b) visit <:pk:123> 🇵🇰 :flag_pk: `Rawalpindi`?'))
      .toBe('when did Shoigu visit Rawalpindi ?');
    expect(stripMarkup('> ~~the~~ Mi-35 deal at 3:45:00, see https://example.com/x_y <t:1700000000:R>')).toBe('the Mi-35 deal at 3:45:00, see');
  });

  it('leaves no mention, emoji or markdown character in any text', () => {
    fc.assert(fc.property(anyText, (text) => {
      const stripped = stripMarkup(text);
      expect(stripped).not.toMatch(/@everyone|@here/i);
      // Case-sensitive: under /i, "ⓜ" (not an emoji) would match as the case of "Ⓜ" (one).
      expect(stripped).not.toMatch(/<@!?&?\d+>|<#\d+>|<a?:\w+:\d+>|[*_~\u0060>]|\|\||\p{Extended_Pictographic}/u);
    }), { numRuns: 300 });
    expect(stripMarkup('ⓜ Ⓜ')).toBe('ⓜ');
  });
});

describe('splitSentences', () => {
  it('does not end a sentence at an initial or an abbreviation in capitals', () => {
    expect(splitSentences('It was signed by the governor John B. Weller. It passed.')).toEqual(['It was signed by the governor John B. Weller.', 'It passed.']);
    expect(splitSentences('They hold the U.S. Open of Surfing. It is big.')).toEqual(['They hold the U.S. Open of Surfing.', 'It is big.']);
  });

  it('still ends a sentence at a numeral I', () => {
    expect(splitSentences('They served under Bohemund I. Later they left.')).toEqual(['They served under Bohemund I.', 'Later they left.']);
  });

  it('cuts every text into segments that put it back together, in order', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const segments = sentenceSegments(text);
      expect(segments.map((s) => s.segment).join('')).toBe(text);
      segments.forEach((s) => expect(text.slice(s.index, s.index + s.segment.length)).toBe(s.segment));
    }));
  });
});
