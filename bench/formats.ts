/**
 * Speed of reading documents (npm run bench; alone: npm run bench -- --formats): PDF pages per second
 * through extractArticle and through the whole ingest, and the time to extract a web page's article
 * with the DOM research-bot uses (linkedom) against jsdom, Readability on both. Pages and PDFs are
 * generated from a fixed seed, so their article text is known: each extraction is also scored
 * against it as the article-extraction benchmarks score (4-word shingles, precision and recall).
 */
import { Readability } from '@mozilla/readability';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { loadConfig } from '../src/app/config.js';
import { createLogger } from '../src/app/log.js';
import { parseArticle } from '../src/core/article/article.js';
import { extractArticle } from '../src/ingest/formats/extract.js';
import { htmlBlocks, type DomNode } from '../src/ingest/formats/html-blocks.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { createRandom, generateParagraph, PEOPLE, PLACES } from './generate.js';

const PAGES = 60;
const PDFS = 10;
const PDF_PAGES = 20;

/** Precision, recall and F1 of `found` against `truth` over 4-word shingles, as scrapinghub's article-extraction-benchmark counts them. */
export function shingleScore(truth: string, found: string): { precision: number; recall: number; f1: number } {
  const shingles = (text: string) => {
    const words = text.match(/\w+/gu) ?? [];
    const counts = new Map<string, number>();
    for (let i = 0; i < Math.max(1, words.length - 3); i++) {
      const key = words.slice(i, i + 4).join(' ');
      if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const [t, f] = [shingles(truth), shingles(found)];
  let tp = 0;
  for (const [key, count] of f) tp += Math.min(count, t.get(key) ?? 0);
  const precision = tp / Math.max(1, [...f.values()].reduce((a, b) => a + b, 0));
  const recall = tp / Math.max(1, [...t.values()].reduce((a, b) => a + b, 0));
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** A news page as sites serve them: the article among navigation, a consent banner, scripts, a sidebar, comments and a footer. */
function newsPage(random: () => number, blocks: { text?: string; heading?: string }[], index: number): string {
  const link = (text: string) => `<li><a href="/${index}/${text.length}">${text}</a></li>`;
  const teaser = () => `<div class="card"><h3><a href="/story">${PLACES[Math.floor(random() * PLACES.length)]} talks continue</a></h3><p>${generateParagraph(random).slice(0, 140)}…</p></div>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Talks in ${PLACES[index % PLACES.length]} | Bench Daily</title>
<meta property="og:title" content="Talks in ${PLACES[index % PLACES.length]}"><meta property="og:site_name" content="Bench Daily">
<meta property="article:published_time" content="2020-0${1 + (index % 9)}-1${index % 10}T08:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"${PEOPLE[index % PEOPLE.length]}"}}</script>
<style>${'.nav a{color:#333;padding:4px}'.repeat(60)}</style><script>${'window.ads=window.ads||[];ads.push({slot:"top"});'.repeat(40)}</script></head>
<body><header><a class="logo" href="/">Bench Daily</a><nav class="menu"><ul>${Array.from({ length: 40 }, (_, i) => link(`Section ${i}`)).join('')}</ul></nav></header>
<div class="cookie-consent" role="dialog"><p>We use cookies to personalise content and ads. By continuing you accept our cookie policy.</p><button>Accept</button></div>
<main><article><h1>Talks in ${PLACES[index % PLACES.length]}</h1><p class="byline">By ${PEOPLE[index % PEOPLE.length]}</p>
${blocks.map((b, i) => `${b.heading ? `<h2>${b.heading}</h2>` : `<p>${b.text}</p>`}${i === 2 ? '<div class="ad"><script>ads.push({slot:"inline"})</script></div>' : ''}`).join('\n')}
<div class="share"><a>Share on Twitter</a> <a>Share on Facebook</a> <a>Email</a></div></article>
<section id="comments" class="comments"><h2>${10} Comments</h2>${Array.from({ length: 10 }, () => `<div class="comment"><p>${generateParagraph(random).slice(0, 120)}</p></div>`).join('')}</section>
<aside class="sidebar"><h2>Most read</h2>${Array.from({ length: 8 }, teaser).join('')}</aside></main>
<footer><nav>${Array.from({ length: 30 }, (_, i) => `<a href="/f${i}">Footer link ${i}</a>`).join(' ')}</nav><p>© 2020 Bench Daily</p></footer>
<script src="/app.js"></script></body></html>`;
}

/** A PDF of `pages` pages of generated paragraphs, with a running header and page numbers. */
async function paperPdf(random: () => number, pages: number): Promise<{ bytes: Uint8Array; text: string }> {
  const pdf = await PDFDocument.create();
  pdf.setTitle('Bench paper');
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const paragraphs: string[] = [];
  for (let n = 1; n <= pages; n++) {
    const page = pdf.addPage([612, 792]);
    page.drawText('Bench Journal of Regional Studies, Vol. 7', { x: 72, y: 760, size: 9, font });
    page.drawText(String(n), { x: 300, y: 40, size: 9, font });
    let y = 720;
    while (y > 120) {
      const paragraph = generateParagraph(random);
      paragraphs.push(paragraph);
      for (const line of wrap(paragraph, font, 11, 468)) {
        page.drawText(line, { x: 72, y, size: 11, font });
        y -= 14;
      }
      y -= 10;
    }
  }
  return { bytes: await pdf.save(), text: paragraphs.join('\n') };
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const round = (value: number, places = 3) => Math.round(value * 10 ** places) / 10 ** places;

/** jsdom, loaded only here: a devDependency, for the comparison. */
async function loadJsdom(): Promise<(html: string) => { document: unknown; close(): void }> {
  const { JSDOM } = await import('jsdom');
  return (html) => {
    const { window } = new JSDOM(html);
    return { document: window.document, close: () => window.close() };
  };
}

export async function measureFormats() {
  const random = createRandom(2024);
  // Every fifth block a subheading of two to six words, as articles have: the truth holds them too.
  const pages = Array.from({ length: PAGES }, (_, i) => {
    const blocks = Array.from({ length: 8 + Math.floor(random() * 18) }, (_, j) =>
      j % 5 === 4 ? { heading: generateParagraph(random).split(' ').slice(0, 2 + Math.floor(random() * 5)).join(' ') } : { text: generateParagraph(random) });
    return { html: newsPage(random, blocks, i), truth: blocks.map((b) => b.text ?? b.heading).join('\n') };
  });
  const jsdom = await loadJsdom();
  const readability = (document: unknown) => new Readability(document as ConstructorParameters<typeof Readability>[0], { serializer: (node) => node }).parse();
  const doms = {
    linkedom: (html: string) => ({ document: parseHTML(html).document as unknown, close: () => {} }),
    jsdom,
  };
  const html: Record<string, { msPerPage: number; readability: ReturnType<typeof shingleScore> }> = {};
  for (const [name, dom] of Object.entries(doms)) {
    const times: number[] = [];
    const scores: ReturnType<typeof shingleScore>[] = [];
    for (const [i, { html: text, truth }] of [...pages, ...pages.slice(0, 5)].entries()) {
      const started = performance.now();
      const { document, close } = dom(text);
      const article = readability(document);
      const blocks = article?.content ? htmlBlocks(article.content as unknown as DomNode) : [];
      const took = performance.now() - started;
      close();
      // The first five are warm-up (JIT), measured again at the end.
      if (i >= 5) times.push(took);
      if (i < PAGES) scores.push(shingleScore(truth, blocks.map((b) => b.text).join('\n')));
    }
    html[name] = { msPerPage: round(median(times), 1), readability: averageScore(scores) };
  }
  const pipeline: ReturnType<typeof shingleScore>[] = [];
  const pipelineTimes: number[] = [];
  for (const { html: text, truth } of pages) {
    const started = performance.now();
    const article = parseArticle(await extractArticle({ bytes: Buffer.from(text), name: 'page.html' }), 'page.html');
    pipelineTimes.push(performance.now() - started);
    pipeline.push(shingleScore(truth, article.paragraphs.map((p) => p.text).join('\n')));
  }

  const pdfs = await Promise.all(Array.from({ length: PDFS }, () => paperPdf(random, PDF_PAGES)));
  let started = performance.now();
  const pdfScores: ReturnType<typeof shingleScore>[] = [];
  for (const [i, { bytes, text }] of pdfs.entries()) {
    const extracted = await extractArticle({ bytes, name: `paper-${i}.pdf` });
    pdfScores.push(shingleScore(text, 'blocks' in extracted ? extracted.blocks.map((b) => b.text).join('\n') : ''));
  }
  const extractSeconds = (performance.now() - started) / 1000;
  const dir = mkdtempSync(join(tmpdir(), 'research-bot-bench-formats-'));
  let ingestSeconds: number;
  try {
    mkdirSync(join(dir, 'pdfs'));
    mkdirSync(join(dir, 'none'));
    pdfs.forEach(({ bytes }, i) => writeFileSync(join(dir, 'pdfs', `paper-${i}.pdf`), bytes));
    const ctx = await openAtStart({ ...loadConfig({}), databasePath: join(dir, 'library.db'), articlesDir: join(dir, 'none') }, { log: createLogger({ debug: false, quiet: true }) });
    started = performance.now();
    const report = await ingestPaths(ctx, [join(dir, 'pdfs')]);
    ingestSeconds = (performance.now() - started) / 1000;
    ctx.close();
    if (report.refused.length > 0) throw new Error(`bench: PDFs refused: ${JSON.stringify(report.refused)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const totalPages = PDFS * PDF_PAGES;
  return {
    htmlPages: PAGES,
    htmlPageKb: Math.round(mean(pages.map((p) => p.html.length)) / 1024),
    html,
    htmlPipeline: { msPerPage: round(median(pipelineTimes), 1), score: averageScore(pipeline) },
    pdf: {
      pages: totalPages,
      extractPagesPerSecond: Math.round(totalPages / extractSeconds),
      ingestPagesPerSecond: Math.round(totalPages / ingestSeconds),
      score: averageScore(pdfScores),
    },
  };
}

function averageScore(scores: ReturnType<typeof shingleScore>[]): ReturnType<typeof shingleScore> {
  const precision = mean(scores.map((s) => s.precision));
  const recall = mean(scores.map((s) => s.recall));
  return { precision: round(precision), recall: round(recall), f1: round((2 * precision * recall) / (precision + recall)) };
}
