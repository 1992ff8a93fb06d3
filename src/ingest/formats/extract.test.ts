import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { extractArticle, formatOf, MAX_BYTES } from './extract.js';

const bytes = (text: string) => Buffer.from(text);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const OLD_WORD = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
const PDF = bytes('%PDF-1.7\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n');
const HTML = bytes('<!DOCTYPE html><html><body><p>A zeppelin landed in Karachi.</p></body></html>');

describe('formatOf', () => {
  it('tells the format by the bytes when the name agrees or says nothing', () => {
    expect(formatOf(PDF, 'paper.pdf')).toBe('pdf');
    expect(formatOf(PDF, 'download')).toBe('pdf');
    expect(formatOf(HTML, 'page.htm')).toBe('html');
    expect(formatOf(bytes('  \n<!-- saved from url=(0042) -->\n<html>'), 'page')).toBe('html');
    expect(formatOf(bytes('A zeppelin landed.'), 'notes')).toBe('text');
    expect(formatOf(bytes('A zeppelin landed.'), 'https://example.com/story', 'text/html; charset=utf-8')).toBe('html');
  });

  it('reads markdown that starts with a tag as text, and a page without a tag before its text as a page', () => {
    expect(formatOf(bytes('<p align="center">Notes</p>\n\n# Zeppelins'), 'notes.md')).toBe('text');
    expect(formatOf(bytes('A zeppelin landed. <p>More.</p>'), 'page.html')).toBe('html');
  });

  it.each([
    ['a page named .pdf', HTML, 'paper.pdf', 'paper.pdf is not a PDF: it is a web page (HTML).'],
    ['a PDF named .html', PDF, 'page.html', 'page.html is not a web page (HTML): it is a PDF.'],
    ['a PDF named .txt', PDF, 'notes.txt', 'notes.txt is not a text file: it is a PDF.'],
    ['text named .docx', bytes('Just some text.'), 'essay.docx', 'essay.docx is not a Word document (.docx): it is a text file.'],
    ['an image named .pdf', PNG, 'scan.pdf', 'scan.pdf is not a PDF: it is a PNG image.'],
    ['an old Word file named .docx', OLD_WORD, 'essay.docx', 'essay.docx is not a Word document (.docx): it is an old Word or Office document (.doc); save it as .docx or PDF.'],
  ])('refuses %s with one sentence', (_name, data, name, message) => {
    expect(() => formatOf(data, name)).toThrow(message);
  });

  it.each([
    ['an image', PNG, 'photo.png', 'photo.png is a PNG image: research-bot reads text (.txt, .md), web pages (.html, .htm), PDF (.pdf) and Word (.docx) files.'],
    ['an old Word file', OLD_WORD, 'essay.doc', 'essay.doc is an old Word or Office document (.doc): save it as .docx or PDF.'],
    ['other binary bytes', Buffer.from([1, 2, 0, 3]), 'data.bin', 'data.bin is a binary file, not text.'],
    ['binary bytes named .txt', Buffer.from([1, 2, 0, 3]), 'data.txt', 'data.txt is a binary file, not text.'],
  ])('refuses %s it does not read with one sentence', (_name, data, name, message) => {
    expect(() => formatOf(data, name)).toThrow(message);
  });
});

describe('extractArticle', () => {
  it('gives a text file as written, with the link it came from', async () => {
    expect(await extractArticle({ bytes: bytes('---\nid: a\ntitle: A\n---\nText.'), name: 'a.md' })).toEqual({ format: 'text', raw: '---\nid: a\ntitle: A\n---\nText.', meta: {} });
    expect(await extractArticle({ bytes: bytes('Text.'), name: 'https://example.com/a.txt', url: 'https://example.com/a.txt' }))
      .toEqual({ format: 'text', raw: 'Text.', meta: { url: 'https://example.com/a.txt' } });
  });

  it('decodes text in the charset it was sent with, and refuses other text that is not UTF-8', async () => {
    const latin1 = Buffer.from('Caf\xe9 au lait.', 'latin1');
    expect(await extractArticle({ bytes: latin1, name: 'https://example.com/a', contentType: 'text/plain; charset=ISO-8859-1' })).toMatchObject({ raw: 'Café au lait.' });
    await expect(extractArticle({ bytes: latin1, name: 'a.txt' })).rejects.toThrow('a.txt is not UTF-8 text.');
  });

  it('refuses an article over its format\'s size limit with one sentence', async () => {
    const big = Buffer.alloc(MAX_BYTES.text + 1, 'a');
    await expect(extractArticle({ bytes: big, name: 'big.txt' })).rejects.toThrow(`big.txt is ${MAX_BYTES.text + 1} bytes, over the ${MAX_BYTES.text}-byte limit for one article.`);
  });

  it('for any bytes under any name, gives text or refuses with one sentence naming the file, never another failure (property)', async () => {
    const starts = fc.constantFrom('', '%PDF-1.7\n', 'PK\x03\x04', '<!DOCTYPE html><html><body><p>', '<html><script>', '\uFEFF', '---\nid: a\n');
    const bytes = fc.tuple(starts, fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 200 })).map(([start, middle, end]) => Buffer.concat([Buffer.from(start, 'latin1'), middle, Buffer.from(end)]));
    const name = fc.constantFrom('a.txt', 'a.md', 'a.html', 'a.pdf', 'a.docx', 'a', 'a.doc', 'https://example.com/a');
    await fc.assert(fc.asyncProperty(bytes, name, fc.option(fc.constantFrom('text/html', 'application/pdf', 'text/plain; charset=koi8-r', 'x/y; charset=nope'), { nil: undefined }), async (data, file, contentType) => {
      try {
        const text = await extractArticle({ bytes: data, name: file, ...(contentType ? { contentType } : {}) });
        expect(['text', 'html', 'pdf', 'docx']).toContain(text.format);
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        expect((error as Error).message.startsWith(`${file} `)).toBe(true);
        expect((error as Error).message).not.toMatch(/\n/);
      }
    }), { numRuns: 300 });
  });
});
