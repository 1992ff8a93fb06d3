import { describe, expect, it } from 'vitest';
import type { DiffSegment } from '../core/quote/quote.js';
import { diffMarkdown } from './discord-quote.js';
import { markDiff } from './text-quote.js';

describe('marking up a close quotation', () => {
  const diff: DiffSegment[] = [
    { kind: 'same', text: 'Phipps did not' },
    { kind: 'missing', text: 'fall ill' },
    { kind: 'added', text: 'get sick' },
    { kind: 'same', text: ', and Jenner concluded that cowpox protected against smallpox' },
  ];

  it('puts no space before punctuation that follows a changed run, in the terminal and in Discord', () => {
    expect(markDiff(diff)).toBe('Phipps did not [-fall ill-] {+get sick+}, and Jenner concluded that cowpox protected against smallpox');
    expect(diffMarkdown(diff)).toBe('Phipps did not ~~fall ill~~ **get sick**, and Jenner concluded that cowpox protected against smallpox');
  });

  it('keeps the space between runs of words', () => {
    expect(markDiff([{ kind: 'same', text: 'Russia has' }, { kind: 'missing', text: 'lifted its' }, { kind: 'added', text: 'removed the' }, { kind: 'same', text: 'arms embargo' }]))
      .toBe('Russia has [-lifted its-] {+removed the+} arms embargo');
  });
});
