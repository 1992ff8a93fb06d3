import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyArticleText, thrownBy } from '../../../test/arbitraries.js';
import { parseFrontMatter } from './front-matter.js';

describe('parseFrontMatter', () => {
  it('reads key: value lines and returns the text after the closing line as the body', () => {
    const text = '---\nid: gvs-2018\ntitle: Moscow and Islamabad\n---\nFirst paragraph.\n\nSecond.';
    expect(parseFrontMatter(text, 'a.txt')).toEqual({
      fields: { id: 'gvs-2018', title: 'Moscow and Islamabad' },
      body: 'First paragraph.\n\nSecond.',
    });
  });

  it('unquotes values, lower-cases keys, skips comments and blank lines, and leaves out empty values', () => {
    const text = '---\nTitle: "Pakistan-Russia Relations: From Enemies"\n# a comment\n\nauthor:\nurl: \'\'\nDate_Note: it\'s inferred\n---\nBody.';
    expect(parseFrontMatter(text, 'a.txt').fields).toEqual({
      title: 'Pakistan-Russia Relations: From Enemies',
      date_note: "it's inferred",
    });
  });

  it('reads Windows line endings like Unix ones', () => {
    expect(parseFrontMatter('---\r\nid: a-1\r\n---\r\nBody.', 'a.txt')).toEqual({ fields: { id: 'a-1' }, body: 'Body.' });
  });

  it('returns the whole text as the body when there is no front matter', () => {
    const text = 'Title line\n\nBy Jane Smith\n\n--- not front matter';
    expect(parseFrontMatter(text, 'a.txt')).toEqual({ fields: {}, body: text });
  });

  it('throws naming the file when the block has no closing line', () => {
    expect(() => parseFrontMatter('---\nid: a\ntitle: b\nBody text.', 'unclosed.txt'))
      .toThrow('front matter in unclosed.txt has no closing "---" line');
  });

  it('throws naming the file and the line when a line is not key: value', () => {
    expect(() => parseFrontMatter('---\nid: a\nthis line has no colon\n---\nBody.', 'bad.txt'))
      .toThrow('front matter in bad.txt, line 3, is not "key: value": "this line has no colon"');
  });

  it('gives back any fields it is given, with the body untouched (property)', () => {
    const key = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,15}$/);
    const value = fc.stringMatching(/^[^\s"'][^\r\n]{0,40}[^\s"']$/);
    const body = fc.string({ maxLength: 200 });
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), body, (fields, text) => {
        const lines = Object.entries(fields).map(([k, v]) => `${k}: ${v}`);
        const parsed = parseFrontMatter(`---\n${lines.join('\n')}\n---\n${text}`, 'p.txt');
        expect(parsed).toEqual({ fields, body: text });
      }),
    );
  });

  // The documented contract is a plain Error naming the file; parseArticle turns it into an ArticleError.
  it('for any text, returns fields and a body or throws an Error naming the file, and never hangs (property)', () => {
    fc.assert(
      fc.property(anyArticleText, (text) => {
        let result: ReturnType<typeof parseFrontMatter> | undefined;
        const thrown = thrownBy(() => (result = parseFrontMatter(text, 'any-file.txt')));
        if (thrown !== undefined) {
          expect(thrown).toBeInstanceOf(Error);
          expect((thrown as Error).message).toContain('any-file.txt');
          return;
        }
        expect(result!.body === text || text.replace(/\r\n/g, '\n').endsWith(result!.body)).toBe(true);
        for (const [k, v] of Object.entries(result!.fields)) {
          expect(k).toMatch(/^[a-z_][\w-]*$/);
          expect(v).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });
});
