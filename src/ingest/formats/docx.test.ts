import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../core/article/article.js';
import { extractArticle } from './extract.js';

const text = (t: string) => new Paragraph({ text: t });

/** A Word file as a teacher writes one: a Title-styled title, a byline, body text with formatting, a heading, a list and a table. */
async function essay(): Promise<Buffer> {
  const doc = new Document({
    creator: 'Office User', title: 'Document1',
    sections: [{ children: [
      new Paragraph({ text: 'Airships over Karachi', heading: HeadingLevel.TITLE }),
      text('By Jane Smith'),
      new Paragraph({ children: [new TextRun('A zeppelin landed in '), new TextRun({ text: 'Karachi', bold: true }), new TextRun(' on Monday, the first airship to visit the city since 1937.')] }),
      new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun('Thousands of people gathered at the old airfield to watch it come down slowly over the harbour.')] }),
      new Paragraph({ text: 'What the airship carries', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: 'Twelve passengers in six cabins', bullet: { level: 0 } }),
      new Paragraph({ text: 'A crew of four', bullet: { level: 0 } }),
      new Table({ rows: [
        new TableRow({ children: [new TableCell({ children: [text('Year')] }), new TableCell({ children: [text('Visits')] })] }),
        new TableRow({ children: [new TableCell({ children: [text('1937')] }), new TableCell({ children: [text('1')] })] }),
      ] }),
      new Paragraph({ text: '' }),
      text('Officials said the zeppelin carried no cargo on this flight in 2019.'),
    ] }],
  });
  return Packer.toBuffer(doc);
}

/** A ZIP with one deflated file that unpacks to `size` zero bytes while its directory says 1,000. */
function zipBomb(size: number, file = 'word/document.xml'): Buffer {
  const name = Buffer.from(file);
  const packed = deflateRawSync(Buffer.alloc(size));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(1000, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(1000, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + packed.length, 16);
  return Buffer.concat([local, name, packed, central, name, end]);
}

describe('extractArticle on a Word file', () => {
  it('gives its paragraphs, list items and table rows as a reader sees them, and its title from the Title style', async () => {
    const extracted = await extractArticle({ bytes: await essay(), name: 'essay.docx' });
    expect(extracted).toMatchObject({ format: 'docx', meta: { title: 'Airships over Karachi' } });
    const article = parseArticle(extracted, 'essay.docx');
    expect(article.paragraphs.map((p) => p.text)).toEqual([
      'A zeppelin landed in Karachi on Monday, the first airship to visit the city since 1937.',
      'Thousands of people gathered at the old airfield to watch it come down slowly over the harbour.',
      'What the airship carries',
      'Twelve passengers in six cabins\nA crew of four',
      'Year | Visits\n1937 | 1',
      'Officials said the zeppelin carried no cargo on this flight in 2019.',
    ]);
    expect(article.meta).toEqual({ id: 'smith', title: 'Airships over Karachi', author: 'Jane Smith' });
    expect(article.dropped).toEqual([{ kind: 'byline', text: 'By Jane Smith' }, { kind: 'heading', text: 'Airships over Karachi' }]);
  });

  it('refuses a zip bomb before unpacking it, whatever sizes its directory claims', async () => {
    await expect(extractArticle({ bytes: zipBomb(65 * 1024 * 1024), name: 'bomb.docx' }))
      .rejects.toThrow('bomb.docx unpacks to more than 64 MB: it looks like a zip bomb, not a Word document.');
  });

  it('refuses a damaged Word file and one that is another kind of ZIP with one sentence', async () => {
    await expect(extractArticle({ bytes: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]), name: 'broken.docx' }))
      .rejects.toThrow('broken.docx is not a Word document (.docx): it is a damaged or empty ZIP archive.');
    await expect(extractArticle({ bytes: zipBomb(10, 'content.xml'), name: 'essay.odt' }))
      .rejects.toThrow('essay.odt is an OpenDocument file (.odt): save it as .docx or PDF.');
  });
});
