import mammoth from 'mammoth';
import { parseHTML } from 'linkedom';
import { UserError } from '../../core/errors.js';
import type { DocumentMeta, TextBlock } from '../../core/types.js';
import { htmlBlocks, type DomNode } from './html-blocks.js';
import { readZipEntries, unpackEntry, type ZipEntry } from './zip.js';

/** The most XML a Word file may unpack to: a 500-page book is a few MB of it; a zip bomb is gigabytes. */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

/** The Title and Subtitle styles as headings (mammoth leaves them as plain paragraphs); images not read at all. */
const MAMMOTH_OPTIONS = {
  styleMap: ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Subtitle'] => h2.subtitle:fresh"],
  convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
  ignoreEmptyParagraphs: true,
};

/**
 * A Word file's paragraphs (mammoth), its title from the Title style, else from its properties.
 * Its XML is unpacked once under a cap first, so a zip bomb is refused before mammoth unpacks it.
 * @throws UserError naming the file: damaged, a zip bomb, or no text
 */
export async function extractDocx(bytes: Uint8Array, name: string): Promise<{ blocks: TextBlock[]; meta: DocumentMeta }> {
  const damaged = () => new UserError(`${name} is damaged: it cannot be read as a Word document.`);
  const entries = readZipEntries(bytes);
  if (!entries) throw damaged();
  const properties = checkUnpackedSize(bytes, entries, name);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, MAMMOTH_OPTIONS)).value;
  } catch {
    throw damaged();
  }
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const blocks = htmlBlocks(document.body as unknown as DomNode);
  if (blocks.length === 0) throw new UserError(`${name} has no text.`);
  const title = document.querySelector('h1.title')?.textContent?.replace(/\s+/g, ' ').trim() || propertyTitle(properties);
  return { blocks, meta: title ? { title } : {} };
}

/**
 * Unpacks every XML part under {@link MAX_DOCX_XML_BYTES} in all, checking each against the size its
 * directory gives.
 * @returns the document properties (docProps/core.xml), when there are
 * @throws UserError for a zip bomb or a damaged file
 */
function checkUnpackedSize(bytes: Uint8Array, entries: ZipEntry[], name: string): string | undefined {
  let total = 0;
  let properties: string | undefined;
  for (const entry of entries.filter((e) => /\.(?:xml|rels)$/i.test(e.name))) {
    let data: Buffer;
    try {
      data = unpackEntry(bytes, entry, MAX_DOCX_XML_BYTES - total);
    } catch (error) {
      if (error instanceof RangeError) throw new UserError(`${name} unpacks to more than ${MAX_DOCX_XML_BYTES / 1024 / 1024} MB: it looks like a zip bomb, not a Word document.`);
      throw new UserError(`${name} is damaged: it cannot be read as a Word document.`);
    }
    if (data.length !== entry.size) throw new UserError(`${name} is damaged: it cannot be read as a Word document.`);
    total += data.length;
    if (entry.name === 'docProps/core.xml') properties = data.toString('utf8');
  }
  return properties;
}

/** The title in the document's properties, unless it is a placeholder. */
function propertyTitle(properties: string | undefined): string | undefined {
  const raw = /<dc:title>([^<]*)<\/dc:title>/.exec(properties ?? '')?.[1];
  const title = raw
    ?.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ').trim();
  return title && !/^(?:untitled|document\d*|title)$/i.test(title) ? title : undefined;
}
