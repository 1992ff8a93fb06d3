import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../app/config.js';
import type { AppContext } from '../../app/context.js';
import { createLogger } from '../../app/log.js';
import { parseArticle } from '../../core/article/article.js';
import { askQuestion } from '../../core/search/ask.js';
import { openCitation } from '../../core/sources/source-views.js';
import { ingestPaths } from '../ingest.js';
import { openAtStart } from '../prepare.js';
import { extractArticle } from './extract.js';

interface Line { text: string; y: number; size?: number; x?: number }

/** A PDF drawn line by line as a typesetter would: 11-point body lines 14 points apart, a wider gap between paragraphs. */
async function makePdf(pages: Line[][], meta: { title?: string; author?: string } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (meta.title) pdf.setTitle(meta.title);
  if (meta.author) pdf.setAuthor(meta.author);
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  for (const lines of pages) {
    const page = pdf.addPage([612, 792]);
    for (const { text, y, size = 11, x = 72 } of lines) page.drawText(text, { x, y, size, font });
  }
  return pdf.save();
}

const header = (n: number): Line[] => [{ text: 'Journal of Airship Studies, Vol. 3 (2020)', y: 760, size: 9 }, { text: String(n), y: 40, size: 9, x: 300 }];
/** Three pages: a running header and a page number on each, a word hyphenated across lines, a paragraph running on to the next page. */
const PAGES: Line[][] = [
  [
    ...header(1),
    { text: 'Airships over Karachi', y: 700, size: 20 },
    { text: 'Jane Smith', y: 676, size: 12 },
    { text: 'A zeppelin landed in Karachi on Monday, the first airship to visit the', y: 640 },
    { text: 'city since 1937, and an inter-', y: 626 },
    { text: 'national crowd came out to see it land at the old airfield.', y: 612 },
    { text: 'Thousands of people gathered at the airfield to watch it come', y: 588 },
  ],
  [
    ...header(2),
    { text: 'down slowly over the harbour in the evening light.', y: 700 },
    { text: 'The airship, built in Friedrichshafen, carries twelve passengers and', y: 676 },
    { text: 'a crew of four. Its owners plan a regular service to Dubai next year.', y: 662 },
  ],
  [
    ...header(3),
    { text: 'Officials said the zeppelin carried no cargo on this flight in 2020. The', y: 700 },
    { text: 'civil aviation authority will review the route in September.', y: 686 },
  ],
];
const PARAGRAPHS = [
  { text: 'A zeppelin landed in Karachi on Monday, the first airship to visit the city since 1937, and an international crowd came out to see it land at the old airfield.', page: 1 },
  { text: 'Thousands of people gathered at the airfield to watch it come down slowly over the harbour in the evening light.', page: 1 },
  { text: 'The airship, built in Friedrichshafen, carries twelve passengers and a crew of four. Its owners plan a regular service to Dubai next year.', page: 2 },
  { text: 'Officials said the zeppelin carried no cargo on this flight in 2020. The civil aviation authority will review the route in September.', page: 3 },
];

describe('extractArticle on a PDF', () => {
  it('rebuilds paragraphs with their pages: headers, footers and page numbers out, hyphenation and page breaks joined', async () => {
    const extracted = await extractArticle({ bytes: await makePdf(PAGES, { title: 'Airships over Karachi', author: 'Jane Smith' }), name: 'paper.pdf' });
    expect(extracted).toMatchObject({ format: 'pdf', pages: 3, meta: { title: 'Airships over Karachi', author: 'Jane Smith' } });
    const article = parseArticle(extracted, 'paper.pdf');
    expect(article.paragraphs).toEqual(PARAGRAPHS.map(({ text, page }, i) => ({ n: i + 1, text, body: text, page })));
    expect(article.meta).toEqual({ id: 'smith', title: 'Airships over Karachi', author: 'Jane Smith' });
    expect(article.dropped).toEqual([
      { kind: 'running header', text: 'Journal of Airship Studies, Vol. 3 (2020)' },
      { kind: 'page number', text: '3 page numbers' },
      { kind: 'heading', text: 'Airships over Karachi' },
      { kind: 'label', text: 'Jane Smith' },
    ]);
  });

  it('takes the title from the first page\'s largest line when the metadata gives none', async () => {
    const extracted = await extractArticle({ bytes: await makePdf(PAGES), name: 'paper.pdf' });
    expect(extracted.meta).toEqual({ title: 'Airships over Karachi' });
    expect(parseArticle(extracted, 'paper.pdf').paragraphs.map((p) => p.text)).toEqual(PARAGRAPHS.map((p) => p.text));
  });

  it('refuses a PDF without text (a scan) and a damaged one with one sentence naming it', async () => {
    const scan = await PDFDocument.create();
    scan.addPage([612, 792]).drawRectangle({ x: 50, y: 50, width: 500, height: 700 });
    await expect(extractArticle({ bytes: await scan.save(), name: 'scan.pdf' })).rejects.toThrow('scan.pdf has no text layer: it looks scanned (run it through OCR first).');
    await expect(extractArticle({ bytes: Buffer.from('%PDF-1.7\nthis is not a PDF body\n'), name: 'broken.pdf' })).rejects.toThrow('broken.pdf is damaged: it cannot be read as a PDF.');
  });
});

describe('a PDF in the library', () => {
  let dir: string;
  let ctx: AppContext;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'research-bot-pdf-'));
    ctx = await openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: dir }), { log: createLogger({ debug: false, quiet: true }) });
  });
  afterEach(() => {
    ctx.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is cited with the page of each paragraph, and the citation with its page opens the paragraph', async () => {
    const file = join(dir, 'paper.pdf');
    writeFileSync(file, await makePdf(PAGES, { title: 'Airships over Karachi', author: 'Jane Smith' }));
    expect((await ingestPaths(ctx, [file])).added).toEqual(['smith']);
    expect(ctx.sources.getParagraphsOf('smith').map((p) => p.page)).toEqual([1, 1, 2, 3]);
    const [top] = askQuestion(ctx.askDeps, 'Who gathered to watch the airship over the harbour?').passages;
    expect(top).toMatchObject({ sourceId: 'smith', paragraph: 2, page: 1, citation: '[smith ¶2, p. 1]' });
    expect(openCitation(ctx.sourceDeps, '[smith ¶3, p. 2]')).toMatchObject({ citation: '[smith ¶3, p. 2]', paragraph: { n: 3, page: 2 } });
  });
});
