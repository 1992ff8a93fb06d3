import type { AppContext } from '../app/context.js';
import { QuestionError, UserError } from '../core/errors.js';
import { fetchLink } from '../ingest/fetch-link.js';
import { UPLOAD_ORIGIN, type IngestReport } from '../ingest/ingest.js';
import { ingestOffThread } from '../ingest/ingest-thread.js';
import { BASE_LIBRARY } from '../store/library-keys.js';
import { UNDO_MINUTES, type AddedArticle } from './library-reply.js';
import { optionalString, type AttachmentValue, type OptionValues, type Progress } from './types.js';

/** What a moderator offered to add: an attached file (Discord says its name, type and size) or a link. */
interface Offer {
  /** How messages name it: the file name, or the link. */
  name: string;
  url: string;
  /** Its identity in the server's library: `upload://<file name>`, or the link as written by URL. */
  origin: string;
  size?: number;
  contentType?: string;
  /** A link a user typed, rather than Discord's own CDN. */
  link: boolean;
}

function isAttachment(value: OptionValues[string]): value is AttachmentValue {
  return typeof value === 'object' && value !== null && typeof value.url === 'string';
}

function readOffer(options: OptionValues): Offer {
  const link = optionalString(options.url)?.trim();
  const file = options.file;
  if (isAttachment(file) && link !== undefined) throw new QuestionError('Give file: or url:, not both.');
  if (isAttachment(file)) {
    return { name: file.name, url: file.url, origin: `${UPLOAD_ORIGIN}${file.name}`, size: file.size, link: false, ...(file.contentType ? { contentType: file.contentType } : {}) };
  }
  // A link is its own identity, written the one way URL writes it, as `research-bot ingest <link>` stores it.
  if (link !== undefined) {
    const href = URL.canParse(link) ? new URL(link).href : link;
    return { name: href, url: href, origin: href, link: true };
  }
  throw new QuestionError('Say what to add: /library action: add file: (attach the article) or url: (a link to it).');
}

/** A size for people: `96 KB`, `2.4 MB`, `20 MB`. */
export function megabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** What an ingest did with the one article it was given. */
function statusOf(report: IngestReport): AddedArticle['status'] {
  if (report.added.length > 0) return 'added';
  return report.updated.length > 0 ? 'updated' : 'unchanged';
}

/** Downloads what was offered within the limit; an attachment's refusals name the file, not its signed CDN link. */
async function downloadOffer(ctx: AppContext, offer: Offer): Promise<{ bytes: Uint8Array; contentType?: string }> {
  // Discord's CDN is Discord's; only a link a user typed is kept off the host's own network.
  const options = { allowPrivate: offer.link ? ctx.config.allowPrivateUrls : true, maxBytes: ctx.config.maxArticleBytes };
  try {
    return await fetchLink(offer.url, options);
  } catch (error) {
    if (offer.link || !(error instanceof UserError)) throw error;
    throw new UserError(error.message.replaceAll(offer.url, offer.name));
  }
}

/**
 * `/library action:add`: downloads the attached file (or the link) and ingests it into the server's
 * own library through issue 15's extraction, as the CLI reads files and links (text, Markdown, web
 * pages, PDF, Word), off the bot's thread. An attachment whose declared size is over MAX_ARTICLE_MB
 * is refused before anything is downloaded; a link's declared length is checked before its body is
 * read; the download has a time limit.
 * @throws UserError or QuestionError in one sentence; nothing is added then
 */
export async function addArticle(ctx: AppContext, options: OptionValues, progress?: Progress): Promise<AddedArticle> {
  if (ctx.library === BASE_LIBRARY) {
    throw new UserError("Articles are added to a server's own library: use /library action: add in the server (the shared library is the host's: research-bot ingest).");
  }
  const offer = readOffer(options);
  const limit = ctx.config.maxArticleBytes;
  if (offer.size !== undefined && offer.size > limit) {
    throw new UserError(`${offer.name} is ${megabytes(offer.size)}, over the ${megabytes(limit)} limit for one article; nothing was downloaded.`);
  }
  progress?.(`Downloading ${offer.name}${offer.size === undefined ? '' : ` (${megabytes(offer.size)})`}…`);
  const downloaded = await downloadOffer(ctx, offer);
  progress?.(`Reading ${offer.name} (${megabytes(downloaded.bytes.length)})…`);
  const contentType = downloaded.contentType ?? offer.contentType;
  const report = await ingestOffThread(ctx, {
    origin: offer.origin, name: offer.name, bytes: downloaded.bytes, ...(contentType ? { contentType } : {}), ...(offer.link ? { url: offer.url } : {}),
  });
  if (report.refused.length > 0) throw new UserError(report.refused.map((r) => r.reason).join(' '));
  const id = report.added[0] ?? report.updated[0] ?? report.unchanged[0];
  const source = id === undefined ? undefined : ctx.sourceDeps.getSource(id);
  if (!source) throw new Error(`library: the ingest of ${offer.name} named no source`);
  const status = statusOf(report);
  return {
    action: 'add', status, source, shared: ctx.sources.getSource(source.id, BASE_LIBRARY) !== undefined,
    ...(status === 'added' ? { undoUntil: Math.floor(Date.now() / 1000) + UNDO_MINUTES * 60 } : {}),
  };
}
