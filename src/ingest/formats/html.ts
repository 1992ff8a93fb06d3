import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { UserError } from '../../core/errors.js';
import type { DocumentMeta, TextBlock } from '../../core/types.js';
import { htmlBlocks, type DomNode } from './html-blocks.js';
import { decoderFor } from './text.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="…; charset=…">`. */
const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
/** Cookie and consent banners (by the names sites and consent tools give them): Readability keeps one when the article around it is short. */
const CONSENT = /cookies?[-_]?(?:banner|consent|notice|bar|popup|policy|law|message|wall|box|alert|overlay|notification)|consent|gdpr|onetrust|didomi|trustarc|cookiebot|cc-(?:window|banner)|cmp-/i;
/** Longer than any consent banner: an element with more text is page content, whatever its name. */
const MAX_BANNER_CHARACTERS = 600;

/**
 * Decodes a web page: a byte-order mark, else the charset it was sent with (HTTP), else its own
 * `<meta charset>`, else UTF-8 when the bytes are valid UTF-8, else windows-1252 (as browsers do).
 */
export function decodeHtml(bytes: Uint8Array, sentCharset?: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  const declared = sentCharset ?? META_CHARSET.exec(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))?.[1];
  // A page that says UTF-16 but has no BOM was read as ASCII to find that out: it is not UTF-16.
  const decoder = declared === undefined || /^utf-?16/i.test(declared) ? undefined : decoderFor(declared);
  if (decoder) return decoder.decode(bytes);
  try {
    return UTF8.decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * The article of a web page (Readability over a linkedom DOM): navigation, menus, banners, share
 * buttons, comments and footers left out, as paragraphs; with the title, author, date and site name
 * its metadata gives (`og:` and `article:` tags, JSON-LD).
 * @throws UserError naming the page when it has no article text (a page that is all script, say so)
 */
export function extractHtml(html: string, name: string): { blocks: TextBlock[]; meta: DocumentMeta } {
  let visible: TextBlock[];
  let hasScript: boolean;
  let article: ReturnType<Readability<unknown>['parse']>;
  let blocks: TextBlock[];
  let heading: string | undefined;
  try {
    const { document } = parseHTML(html);
    removeConsentBanners(document);
    const body = document.body as unknown as DomNode | null;
    visible = body ? htmlBlocks(body) : [];
    hasScript = document.querySelector('script') !== null;
    // Read before Readability, which takes the page apart.
    heading = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim();
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { serializer: (node) => node }).parse();
    blocks = article?.content ? htmlBlocks(article.content as unknown as DomNode) : [];
  } catch {
    // A page the DOM or Readability cannot take apart is that page's problem, not the run's.
    throw new UserError(`${name} could not be read as a web page: its markup is too broken.`);
  }
  if (blocks.length === 0) {
    if (visible.length === 0 && hasScript) throw new UserError(`${name} has no article text: the page is all script (its text is built in the browser); save it from the browser once it shows the article.`);
    throw new UserError(`${name} has no article text.`);
  }
  return { blocks, meta: pageMeta(article, heading) };
}

/** Removes cookie and consent banners: short elements named for consent, and consent dialogs. */
function removeConsentBanners(document: ReturnType<typeof parseHTML>['document']): void {
  for (const element of [...document.querySelectorAll('[id], [class], [role="dialog"], [aria-modal="true"]')]) {
    const named = `${element.getAttribute('id') ?? ''} ${element.getAttribute('class') ?? ''}`;
    const dialog = element.getAttribute('role') === 'dialog' || element.getAttribute('aria-modal') === 'true';
    if (!(dialog || CONSENT.test(named)) || ['HTML', 'BODY', 'MAIN', 'ARTICLE'].includes(element.tagName)) continue;
    if ((element.textContent ?? '').trim().length <= MAX_BANNER_CHARACTERS && !element.querySelector('article, main')) element.remove();
  }
}

/**
 * What Readability found in the page's metadata, tidied: "By Jane Smith" is Jane Smith; the date as
 * YYYY-MM-DD; a title that is the page's heading and the site's name ("Colossus at Bletchley Park -
 * Computing Past", which Readability keeps whole when the site's name has two words) is the heading.
 */
function pageMeta(article: ReturnType<Readability<unknown>['parse']>, heading?: string): DocumentMeta {
  const meta: DocumentMeta = {};
  let title = article?.title?.replace(/\s+/g, ' ').trim();
  if (title && heading && title.length > heading.length && title.startsWith(heading) && /^\s+[-|–—·»]+\s+\S/.test(title.slice(heading.length))) title = heading;
  if (title) meta.title = title;
  const author = article?.byline?.replace(/\s+/g, ' ').replace(/^by\s+/i, '').replace(/[\s|,;:–—-]+$/, '').trim();
  if (author && author.length <= 100 && /\p{L}/u.test(author)) meta.author = author;
  const site = article?.siteName?.replace(/\s+/g, ' ').trim();
  if (site) meta.publisher = site;
  const date = /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))/.exec(article?.publishedTime?.trim() ?? '')?.[1];
  if (date) meta.date = date;
  return meta;
}
