import type { ArticleFormat } from '../../core/types.js';
import { readZipEntries } from './zip.js';

/** What a file's bytes are: a format ingestion reads, or a description of what it does not. */
export type Sniffed = { format: ArticleFormat } | { other: string; hint?: string };

/** How messages name each format. */
export const FORMAT_NAMES: Record<ArticleFormat, string> = {
  text: 'a text file',
  html: 'a web page (HTML)',
  pdf: 'a PDF',
  docx: 'a Word document (.docx)',
};

/** What bytes with NUL in them and no known signature are. */
export const BINARY = 'a binary file';

/** What ingestion reads, for messages. */
export const READABLE = 'text (.txt, .md), web pages (.html, .htm), PDF (.pdf) and Word (.docx) files';

const EXTENSIONS: Record<string, ArticleFormat> = {
  txt: 'text', text: 'text', md: 'text', markdown: 'text', html: 'html', htm: 'html', xhtml: 'html', pdf: 'pdf', docx: 'docx',
};
const CONTENT_TYPES: Record<string, ArticleFormat> = {
  'text/plain': 'text', 'text/markdown': 'text', 'text/html': 'html', 'application/xhtml+xml': 'html', 'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** Magic numbers of files people may take for articles, with what to say about each. */
const SIGNATURES: { bytes: number[]; other: string; hint?: string }[] = [
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], other: 'an old Word or Office document (.doc)', hint: 'save it as .docx or PDF' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], other: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], other: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], other: 'a GIF image' },
  { bytes: [0x1f, 0x8b], other: 'a gzip archive' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], other: 'an RTF document', hint: 'save it as .docx or PDF' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], other: 'an empty ZIP archive' },
];

/** ZIP-based formats, by a file only they hold. */
const ZIP_KINDS: { file: string; other: string; hint?: string }[] = [
  { file: 'content.xml', other: 'an OpenDocument file (.odt)', hint: 'save it as .docx or PDF' },
  { file: 'ppt/presentation.xml', other: 'a PowerPoint presentation (.pptx)', hint: 'save it as PDF' },
  { file: 'xl/workbook.xml', other: 'an Excel workbook (.xlsx)' },
  { file: 'META-INF/container.xml', other: 'an EPUB book', hint: 'save it as PDF' },
];

/**
 * Tells what bytes are from their first bytes, whatever their name says: a PDF (`%PDF-` at the start,
 * or within the first kilobyte of a file that ends as a PDF does), a web page (WHATWG's HTML signatures: a doctype, `<html`, `<head`, `<body`, `<p`,
 * a comment... after any BOM and spaces), text, or something else (images, archives, old Office
 * files, any other bytes with NUL in them).
 */
export function sniffBytes(bytes: Uint8Array): Sniffed {
  // PDF readers accept a header anywhere in the first kilobyte; text that merely mentions one has no end marker.
  const header = indexOf(bytes.subarray(0, 1024), '%PDF-');
  if (header === 0 || (header > 0 && indexOf(bytes.subarray(Math.max(0, bytes.length - 1024)), '%%EOF') >= 0)) return { format: 'pdf' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return sniffZip(bytes);
  for (const { bytes: magic, ...what } of SIGNATURES) if (magic.every((b, i) => bytes[i] === b)) return what;
  if (bytes.includes(0)) return { other: BINARY };
  return { format: HTML_START.test(latin1(bytes.subarray(0, 512)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart()) ? 'html' : 'text' };
}

/** What a ZIP archive is, by the files its directory lists: a Word file holds word/document.xml. */
function sniffZip(bytes: Uint8Array): Sniffed {
  const names = new Set(readZipEntries(bytes)?.map((entry) => entry.name));
  if (names.size === 0) return { other: 'a damaged or empty ZIP archive' };
  if (names.has('word/document.xml')) return { format: 'docx' };
  return ZIP_KINDS.find((kind) => names.has(kind.file)) ?? { other: 'a ZIP archive' };
}

const HTML_START = /^<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[\s>]/i;

/** The format a name's extension, or else a content type, says an article is; `undefined` when neither says. */
export function declaredFormat(name: string, contentType?: string): ArticleFormat | undefined {
  const extension = /\.([a-z0-9]{1,10})$/i.exec(name.replace(/[?#].*$/, ''))?.[1]?.toLowerCase();
  const byExtension = extension === undefined ? undefined : EXTENSIONS[extension];
  return byExtension ?? (contentType === undefined ? undefined : CONTENT_TYPES[mediaType(contentType)]);
}

/** The `type/subtype` of a Content-Type, lower-case. */
export function mediaType(contentType: string): string {
  return contentType.split(';')[0]!.trim().toLowerCase();
}

/** The `charset` parameter of a Content-Type, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType ?? '')?.[1];
}

function indexOf(bytes: Uint8Array, ascii: string): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(ascii, 0, 'latin1');
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
