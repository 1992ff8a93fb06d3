import { describe, expect, it } from 'vitest';
import { cleanInput, quoteInput } from './text.js';

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
