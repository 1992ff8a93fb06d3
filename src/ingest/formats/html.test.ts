import { Readability } from '@mozilla/readability';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../core/article/article.js';
import { extractArticle } from './extract.js';

/** A saved news page as browsers keep it: the article inside navigation, a consent banner, scripts, comments and a footer. */
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Airships return to Karachi | The Daily Test</title>
<meta property="og:title" content="Airships return to Karachi">
<meta property="og:site_name" content="The Daily Test">
<meta property="article:published_time" content="2019-06-05T08:30:00+05:00">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Airships return to Karachi",
"author":{"@type":"Person","name":"Jane Smith"},"datePublished":"2019-06-05T08:30:00+05:00"}</script>
<style>.cookie-consent { position: fixed; bottom: 0 }</style>
<script>window.dataLayer = [{ page: 'article' }];</script>
</head>
<body>
<header class="site-header"><a href="/">The Daily Test</a>
<nav class="main-menu"><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="cookie-consent" class="cookie-consent"><p>We use cookies to give you the best experience on our site. By continuing you agree to our use of cookies.</p><button>Accept all</button></div>
<main>
<article>
<h1>Airships return to Karachi</h1>
<p class="byline">By <a rel="author" href="/jane">Jane Smith</a></p>
<!-- ad slot: top -->
<p>A zeppelin landed in Karachi on Monday, the first airship to visit the city since 1937. Thousands of people
gathered at the old airfield to watch it come down slowly over the harbour.</p>
<p>The airship, built in Friedrichshafen, carries twelve passengers and a crew of four. Its owners plan a regular
service to Dubai from next year, they said at a press conference at the airfield.</p>
<script>renderAd('inline-1');</script>
<h2>A long way from 1937</h2>
<p>Older residents still remember the mooring mast that stood near the Drigh Road aerodrome until the 1960s, when
it was taken down to make room for a hangar.</p>
<blockquote><p>&ldquo;We came to see history come back,&rdquo; said Amina Qureshi, a retired teacher who brought her grandchildren.</p></blockquote>
<p>Officials said the zeppelin carried no cargo on this flight. The civil aviation authority will review the route in September.</p>
<div class="share-buttons"><a href="#">Share on Twitter</a> <a href="#">Share on Facebook</a> <a href="#">Email</a></div>
</article>
<section id="comments" class="comments"><h3>3 Comments</h3>
<div class="comment"><p>Great article! I was there with my kids.</p></div>
<div class="comment"><p>Airships are the future of slow travel.</p></div>
</section>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Cricket: Pakistan win the series</a></li><li><a href="/b">Rupee falls against the dollar</a></li></ul></aside>
</main>
<footer class="site-footer"><p>&copy; 2019 The Daily Test. All rights reserved.</p><nav><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></nav></footer>
<script src="/static/app.js"></script>
</body>
</html>`;

const ARTICLE = [
  'A zeppelin landed in Karachi on Monday, the first airship to visit the city since 1937. Thousands of people gathered at the old airfield to watch it come down slowly over the harbour.',
  'The airship, built in Friedrichshafen, carries twelve passengers and a crew of four. Its owners plan a regular service to Dubai from next year, they said at a press conference at the airfield.',
  'A long way from 1937',
  'Older residents still remember the mooring mast that stood near the Drigh Road aerodrome until the 1960s, when it was taken down to make room for a hangar.',
  '“We came to see history come back,” said Amina Qureshi, a retired teacher who brought her grandchildren.',
  'Officials said the zeppelin carried no cargo on this flight. The civil aviation authority will review the route in September.',
];

const page = (html: string, name = 'page.html', contentType?: string) =>
  extractArticle({ bytes: Buffer.from(html), name, ...(contentType ? { contentType } : {}) });
const paragraphsOf = async (html: string) => parseArticle(await page(html), 'page.html').paragraphs.map((p) => p.text);

describe('extractArticle on a web page', () => {
  it('keeps the article only: no navigation, consent banner, scripts, comments, share buttons, sidebar or footer', async () => {
    const extracted = await page(PAGE);
    expect(extracted.format).toBe('html');
    const article = parseArticle(extracted, 'page.html');
    expect(article.paragraphs.map((p) => p.text)).toEqual(ARTICLE);
    expect(article.dropped).toEqual([{ kind: 'byline', text: 'By Jane Smith' }]);
  });

  it('takes title, author, date and site name from the page\'s metadata, and the id from them', async () => {
    const article = parseArticle(await page(PAGE), 'page.html');
    expect(article.meta).toEqual({ id: 'smith-2019', title: 'Airships return to Karachi', author: 'Jane Smith', publisher: 'The Daily Test', date: '2019-06-05' });
    expect(article.warnings).toEqual(['id guessed from the author or title and the year: "smith-2019"']);
  });

  it('takes the heading for the title when the page\'s <title> is the heading and the site\'s name', async () => {
    const html = (title: string) => `<html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>Colossus at Bletchley Park</h1>
<p>${ARTICLE[0]}</p><p>${ARTICLE[1]}</p></article></body></html>`;
    expect((await page(html('Colossus at Bletchley Park - Computing Past'))).meta.title).toBe('Colossus at Bletchley Park');
    expect((await page(html('Colossus at Bletchley Park | Computing Past Magazine'))).meta.title).toBe('Colossus at Bletchley Park');
    expect((await page(html('Colossus at Bletchley Park and its successors'))).meta.title).toBe('Colossus at Bletchley Park and its successors');
  });

  it('guesses what a page without metadata leaves out, as for text', async () => {
    const bare = `<html><body><p>Zeppelins over Karachi</p><p>By Jane Smith</p><p>${ARTICLE[0]}</p><p>${ARTICLE[1]}</p><p>${ARTICLE[3]}</p></body></html>`;
    const article = parseArticle(await page(bare), 'bare.html');
    expect(article.meta).toEqual({ id: 'smith', title: 'Zeppelins over Karachi', author: 'Jane Smith' });
    expect(article.paragraphs.map((p) => p.text)).toEqual([ARTICLE[0], ARTICLE[1], ARTICLE[3]]);
  });

  it('keeps every paragraph Readability keeps, whatever the article says (property)', async () => {
    const word = fc.stringMatching(/^[a-z]{2,9}$/);
    const sentence = fc.array(word, { minLength: 5, maxLength: 18 }).map((w) => `${w.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
    const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '));
    await fc.assert(fc.asyncProperty(fc.array(paragraph, { minLength: 3, maxLength: 12 }), async (paragraphs) => {
      const html = PAGE.replace(/<article>[\s\S]*<\/article>/, `<article><h1>Airships return to Karachi</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>`);
      const alone = new Readability(parseHTML(html).document as never).parse()!.textContent!;
      const kept = await paragraphsOf(html);
      for (const p of paragraphs) if (alone.includes(p)) expect(kept).toContain(p);
    }), { numRuns: 40 });
  });

  it('reads lists and tables a line per item and row, and line breaks as lines', async () => {
    const html = `<html><body><article><p>${ARTICLE[0]}</p><ul><li>Twelve passengers</li><li>A crew of four</li></ul>
      <table><tr><th>Year</th><th>Visits</th></tr><tr><td>1937</td><td>1</td></tr></table><p>${ARTICLE[1]}<br>${ARTICLE[3]}</p></article></body></html>`;
    const { blocks } = await page(html) as { blocks: { text: string }[] };
    expect(blocks.map((b) => b.text)).toEqual([ARTICLE[0], 'Twelve passengers\nA crew of four', 'Year | Visits\n1937 | 1', `${ARTICLE[1]}\n${ARTICLE[3]}`]);
  });

  it('decodes a page in the encoding its <meta charset> names, or the one its download was sent with', async () => {
    const text = 'Über die Zeppeline: Größe und Geschwindigkeit der Luftschiffe über Karachi, sagte der Präsident gestern Abend im Rathaus.';
    const latin1 = Buffer.from(`<html><head><meta charset="iso-8859-1"></head><body><p>${text}</p><p>${text} Noch einmal.</p></body></html>`, 'latin1');
    const fromMeta = await extractArticle({ bytes: latin1, name: 'seite.html' });
    expect(parseArticle(fromMeta, 'seite.html').paragraphs[0]!.text).toBe(text);
    const cyrillic = 'Дирижабль приземлился в Карачи в понедельник, впервые с 1937 года, и тысячи людей пришли на старый аэродром.';
    const cp1251 = encode1251(`<html><body><p>${cyrillic}</p></body></html>`);
    const fromHeader = await extractArticle({ bytes: cp1251, name: 'https://example.com/news/1', contentType: 'text/html; charset=windows-1251' });
    expect(parseArticle(fromHeader, 'news').paragraphs[0]!.text).toBe(cyrillic);
  });

  it('refuses a page that is all script with one sentence naming it', async () => {
    const html = '<!DOCTYPE html><html><head><script src="/app.js"></script></head><body><div id="root"></div><script>render(document.getElementById("root"))</script><noscript>You need to enable JavaScript to run this app.</noscript></body></html>';
    await expect(page(html, 'app.html')).rejects.toThrow('app.html has no article text: the page is all script (its text is built in the browser); save it from the browser once it shows the article.');
  });
});

/** windows-1251 bytes of Russian text (the only non-ASCII letters used are Cyrillic). */
function encode1251(text: string): Buffer {
  return Buffer.from([...text].map((c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (code === 0x401) return 0xa8;
    if (code === 0x451) return 0xb8;
    throw new Error(`encode1251: ${c}`);
  }));
}
