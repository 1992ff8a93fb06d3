import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { analyzeArticles } from './analyze-pool.js';
import type { AnalyzedArticle } from './analyze.js';
import { fetchLink } from './fetch-link.js';
import { extractArticle, MAX_BYTES, type ArrivingArticle } from './formats/extract.js';
import { decodeText } from './formats/text.js';
import { displayPath, isLink } from '../store/paths.js';
import { EVENT_EXTRACTOR_VERSION, extractArticleEvents } from '../core/timeline/events.js';
import type { ArticleText } from '../core/types.js';
import type { AppContext } from '../app/context.js';
import { quoteInput } from '../core/language/text.js';
import { UserError } from '../core/errors.js';
import { describeDatabaseError } from '../store/db.js';
import { BASE_LIBRARY } from '../store/library-keys.js';
import type { FileStamp, StoredSource } from '../store/sources.js';

/** What ingestion writes to: the stores, the library it writes (`library`), and the search whose caches it refreshes. */
export type IngestDeps = Pick<AppContext, 'config' | 'db' | 'sources' | 'events' | 'searchStore' | 'search' | 'library'>;

/** An article that arrived as bytes (an upload), with its identity in its library. */
export interface ArrivedArticle extends ArrivingArticle {
  /** `upload://<file name>` for an upload: uploading a file of that name again updates its source. */
  origin: string;
}

/**
 * Files ingestion reads in a folder: articles, and other documents people take for articles, which are
 * named and refused (old Word, OpenDocument, RTF, EPUB); anything else in a folder is skipped.
 */
const ARTICLE_FILE = /\.(?:txt|md|html?|pdf|docx|doc|odt|rtf|epub)$/i;
/** Larger files are not even read: the largest format's limit (each format's own is checked once it is known). */
const MAX_FILE_BYTES = Math.max(...Object.values(MAX_BYTES));

/** A file an ingest run left out, with one sentence naming it and saying why. */
export interface RefusedFile {
  file: string;
  reason: string;
}

/** What one ingest run did. */
export interface IngestReport {
  /** Ids of the sources added, as chosen (a taken guessed id gets a letter: `berger-2019b`). */
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Files left out, each with its reason; every other file went in. */
  refused: RefusedFile[];
  /** Each file read, with the id of its source and what happened to it. */
  files: { file: string; id: string; status: 'added' | 'updated' | 'unchanged' }[];
  /** Warnings per file: what was guessed for plain-text articles. */
  warnings: { file: string; warnings: string[] }[];
  paragraphs: number;
  /** Dated events extracted from the paragraphs written. */
  events: number;
}

/** Progress of a run: called after each file is read and parsed. */
export type IngestProgress = (done: number, total: number, file: string) => void;

/** Below this much text an ingest stays on one thread: starting workers costs more than they save. */
const PARALLEL_MIN_BYTES = 1_000_000;

/** One readable file (or link, or upload) of a run: its bytes' hash, and the source it already made, if any. */
interface ReadFile {
  /** The file's absolute path, the link, or `upload://<name>`: the source's identity in its library. */
  file: string;
  /** How messages name it: the path as shown, the link, the upload's file name. */
  name: string;
  hash: string;
  size: number;
  /** A file's size and modification time; a link has none. */
  stamp?: FileStamp;
  /** A document's extracted text, held from its reading to its turn; a text file is read again at its turn. */
  text?: ArticleText;
  /** The source this file made earlier (a source's identity is its file), or that it took over as moved. */
  own?: StoredSource;
  /** Set when the library already holds this exact text: nothing to analyse. */
  unchangedId?: string;
}

/** One article of a run to read: how messages name it, and how to read it. */
interface Reading {
  name: string;
  read(): Promise<ReadFile>;
}

/**
 * Ingests article files, folders and links into `ctx.library` (see {@link ingestReadings}).
 * @param threads worker threads to analyse on; by default one per core for large inputs, none for small
 * @throws UserError when there is no article file at all, or the database fails (the library is then as before)
 */
export async function ingestPaths(ctx: IngestDeps, paths: string[], onProgress?: IngestProgress, threads?: number): Promise<IngestReport> {
  const report = emptyReport();
  const files = collectFiles(paths, (file, error) => report.refused.push({ file: displayPath(file), reason: error.message }));
  return ingestReadings(ctx, files.map((file) => ({ name: displayPath(file), read: () => readFile(ctx, file) })), report, onProgress, threads);
}

/**
 * Ingests articles that arrived as bytes (uploads) into `ctx.library`, read as files are
 * ({@link extractArticle}), with the same refusals.
 * @throws UserError when the database fails (the library is then as before)
 */
export async function ingestArrived(ctx: IngestDeps, articles: ArrivedArticle[], threads?: number): Promise<IngestReport> {
  return ingestReadings(ctx, articles.map((article) => ({ name: article.name, read: () => readArrived(ctx, article) })), emptyReport(), undefined, threads);
}

function emptyReport(): IngestReport {
  return { added: [], updated: [], unchanged: [], refused: [], files: [], warnings: [], paragraphs: 0, events: 0 };
}

/**
 * Ingests articles into the library `ctx.library` (the shared one, or a server's). A run takes the
 * good articles and refuses each bad one with its reason (`report.refused`); what it writes, it
 * writes in one transaction, so a crash leaves the library as before the run or as after it. A
 * source's identity is where it came from, within its library: reading a file again updates the
 * source it made, and a new one never replaces another's source (a taken guessed id gets a letter;
 * a taken id given in front matter refuses the article). An id is never one the library sees
 * already: a server's new id is neither the shared library's nor its own, a shared id is no
 * server's. Articles whose bytes the library sees already are skipped (same SHA-256). The others
 * are parsed, and their index terms and dated events extracted, on worker threads (one per core)
 * when there is enough text, while this thread writes each article in turn.
 */
async function ingestReadings(ctx: IngestDeps, readings: Reading[], report: IngestReport, onProgress?: IngestProgress, threads?: number): Promise<IngestReport> {
  const refuse = (name: string, error: unknown) => {
    if (!(error instanceof UserError)) throw error;
    report.refused.push({ file: name, reason: error.message });
  };
  const read: ReadFile[] = [];
  for (const reading of readings) {
    try {
      read.push(await reading.read());
    } catch (error) {
      refuse(reading.name, error);
    }
  }
  const jobs = read.filter((f) => f.unchangedId === undefined);
  const bytes = jobs.reduce((sum, job) => sum + job.size, 0);
  // Text files are read again when their turn comes, so a large run never holds all its text at once.
  const load = (job: ReadFile): string | ArticleText => {
    if (job.text) {
      const { text } = job;
      job.text = undefined;
      return text;
    }
    let raw: string | undefined;
    try {
      const again = readFileSync(job.file);
      if (sha256(again) === job.hash) raw = decodeText(again, job.name);
    } catch {
      // Removed since the first reading: the same sentence as a change.
    }
    if (raw === undefined) throw new UserError(`${job.name} changed or was removed while it was being ingested; ingest it again.`);
    return raw;
  };
  const analyzed = analyzeArticles(jobs.map((job) => job.name), (_name, i) => load(jobs[i]!), threads ?? (bytes >= PARALLEL_MIN_BYTES ? availableParallelism() : 1));
  // Ids taken in this run, with the article that took each: the library's own are looked up as needed.
  const claimed = new Map<string, string>(read.flatMap((f) => (f.unchangedId === undefined ? [] : [[f.unchangedId, f.name]])));
  const write = () => {
    read.forEach((f, i) => {
      if (f.unchangedId !== undefined) {
        report.unchanged.push(f.unchangedId);
        report.files.push({ file: f.name, id: f.unchangedId, status: 'unchanged' });
        if (f.stamp && f.own?.id === f.unchangedId && (f.own.file !== f.file || f.own.fileSize !== f.stamp.size || f.own.fileMtime !== f.stamp.mtime)) {
          ctx.sources.stampFile(f.unchangedId, f.file, f.stamp, ctx.library);
        }
      } else {
        const next = analyzed.next();
        if (next.done) throw new Error('ingest: the analysis ended before the last file');
        if ('refused' in next.value) refuse(f.name, next.value.refused);
        else {
          const id = chooseId(ctx, next.value.result, f, claimed);
          if (typeof id === 'string') writeArticle(ctx, next.value.result, f, id, report);
          else refuse(f.name, id);
        }
      }
      onProgress?.(i + 1, read.length, f.name);
    });
    if (jobs.length > 0 && ctx.library === BASE_LIBRARY) ctx.searchStore.refreshStats();
  };
  try {
    // IMMEDIATE takes the write lock first, waiting out another writer (busy_timeout); a deferred
    // transaction that has read would fail at once with SQLITE_BUSY when it came to write.
    ctx.db.transaction(write).immediate();
  } catch (error) {
    throw describeDatabaseError(error, ctx.config.databasePath);
  } finally {
    analyzed.return(undefined);
  }
  ctx.search.invalidate();
  return report;
}

/** Reads an uploaded article: its hash, the source it made or that already holds its bytes, and its text. */
async function readArrived(ctx: IngestDeps, article: ArrivedArticle): Promise<ReadFile> {
  const described = describeFile(ctx, article.origin, article.name, sha256(article.bytes), article.bytes.length);
  if (described.unchangedId !== undefined) return described;
  return { ...described, text: await extractArticle(article) };
}

/**
 * Reads a file, or downloads a link: its hash, the source it made or the source that already holds
 * those bytes, and, when there is something to write, its text ({@link extractArticle}: the format
 * sniffed, a document extracted now, while reading may wait).
 * @throws UserError naming the file or link when it cannot be had or is not a readable article
 */
async function readFile(ctx: IngestDeps, file: string): Promise<ReadFile> {
  if (isLink(file)) {
    const { bytes, contentType } = await fetchLink(file, { allowPrivate: ctx.config.allowPrivateUrls });
    const described = describeFile(ctx, file, file, sha256(bytes), bytes.length);
    if (described.unchangedId !== undefined) return described;
    return { ...described, text: await extractArticle({ bytes, name: file, url: file, ...(contentType ? { contentType } : {}) }) };
  }
  const stats = statSync(file);
  const name = displayPath(file);
  if (stats.size > MAX_FILE_BYTES) throw new UserError(`${name} is ${stats.size} bytes, over the ${MAX_FILE_BYTES}-byte limit for one article.`);
  const bytes = readFileSync(file);
  const described = describeFile(ctx, file, name, sha256(bytes), stats.size, { size: stats.size, mtime: Math.floor(stats.mtimeMs) });
  if (described.unchangedId !== undefined) return described;
  const text = await extractArticle({ bytes, name });
  return text.format === 'text' ? described : { ...described, text };
}

/**
 * Finds the source a file (or link, or upload) made in this library, or the source that already
 * holds its bytes (this library's, or for a server the shared library's).
 */
function describeFile(ctx: IngestDeps, file: string, name: string, hash: string, size: number, stamp?: FileStamp): ReadFile {
  const library = ctx.library;
  const ownId = ctx.sources.findByFile(file, name, library);
  const own = ownId === undefined ? undefined : ctx.sources.getSource(ownId, library);
  const read = { file, name, hash, size, ...(stamp ? { stamp } : {}) };
  if (own?.contentHash === hash) return { ...read, own, unchangedId: own.id };
  if (own) return { ...read, own };
  // The same text from another file: the file moved (its old path is gone), or a copy, which that
  // source already says (a server's copy of a shared article included).
  const same = ctx.sources.findByHash(hash, library);
  const moved = same === undefined ? undefined : ctx.sources.getSource(same, library);
  if (moved && isGoneFile(moved.file)) return { ...read, own: moved, unchangedId: moved.id };
  const copy = same ?? (library === BASE_LIBRARY ? undefined : ctx.sources.findByHash(hash, BASE_LIBRARY));
  return { ...read, ...(copy === undefined ? {} : { unchangedId: copy }) };
}

/** True when a source's origin is a file that is no longer there (a link or an upload never is). */
function isGoneFile(origin: string): boolean {
  return !isLink(origin) && !existsSync(resolve(origin));
}

/**
 * The id a file's source gets: its own source's id when the id was guessed, the front matter's id
 * unless another source the library sees (or, for the shared library, any server) has it, a guessed
 * id with the first free letter after it (`-2019b`).
 * @returns the id, or the UserError that refuses the file
 */
function chooseId(ctx: IngestDeps, { article }: AnalyzedArticle, f: ReadFile, claimed: Map<string, string>): string | UserError {
  const wanted = article.meta.id;
  const library = ctx.library;
  const holder = (id: string) => {
    const name = claimed.get(id);
    if (name !== undefined) return name;
    // A server's ids are unique among the shared library's and its own; the shared library's among every library's.
    const other = ctx.sources.holdersOf(id).find((h) => (library === BASE_LIBRARY || h.library === BASE_LIBRARY || h.library === library) &&
      !(h.library === library && id === f.own?.id));
    if (!other) return undefined;
    if (other.library === library) return displayOrigin(other.file);
    // Named by whose it is, not by its file: a server learns nothing of the host's files or another server's.
    return other.library === BASE_LIBRARY ? 'the shared library' : "a server's own library";
  };
  // An id given in front matter whose source's file is gone: the same article, moved (or a library
  // that stored its files relative to another working folder). It updates that source.
  const adopted = article.idGuessed || f.own ? undefined : ctx.sources.getSource(wanted, library);
  if (adopted && isGoneFile(adopted.file)) f.own = adopted;
  let id = wanted;
  if (article.idGuessed && f.own) {
    id = f.own.id;
    // An update keeps its id and citations, whatever the id would be guessed as today.
    const guess = article.warnings.findIndex((w) => w.startsWith('id guessed from ') && w.endsWith(`: ${JSON.stringify(wanted)}`));
    if (id !== wanted && guess >= 0) article.warnings[guess] = `id kept from before: "${id}" (guessed today it would be "${wanted}")`;
  } else if (article.idGuessed) {
    for (let n = 1; holder(id) !== undefined; n++) id = `${wanted}${suffix(n)}`;
    if (id !== wanted) article.warnings.push(`id "${wanted}" is another source's, so this one is "${id}"`);
  } else {
    const other = holder(id);
    if (other !== undefined) {
      return new UserError(`${f.name} has the id "${id}", which ${other} already has; it was not ingested (give it another id in its front matter).`);
    }
  }
  claimed.set(id, f.name);
  return id;
}

/** The prefix of an upload's origin: `upload://<file name>`, within its server's library. */
export const UPLOAD_ORIGIN = 'upload://';

/** An origin as messages show it: a path as the user reads it, an upload by its file name, a link as it is. */
function displayOrigin(origin: string): string {
  return origin.startsWith(UPLOAD_ORIGIN) ? origin.slice(UPLOAD_ORIGIN.length) : displayPath(origin);
}

/** The academic letter for the n-th other work of an author's year: b, c, ... z, then 27, 28, ... */
function suffix(n: number): string {
  return n < 26 ? String.fromCharCode(97 + n) : `-${n + 1}`;
}

/** Writes one analysed article under its chosen id into `ctx.library` (call inside the ingest transaction). */
function writeArticle(ctx: IngestDeps, { article, events, bodyTerms, titleTerms }: AnalyzedArticle, f: ReadFile, id: string, report: IngestReport): void {
  const library = ctx.library;
  article.meta.id = id;
  const replaced = f.own ?? ctx.sources.getSource(id, library);
  // The index first: it finds a source's rows through its paragraphs.
  if (replaced) ctx.searchStore.deleteSource(replaced.id, library);
  // A file whose front matter now gives another id: its old source goes, the new id takes its place.
  if (f.own && f.own.id !== id) ctx.sources.deleteSource(f.own.id, library);
  const status = replaced ? 'updated' : 'added';
  report[status].push(id);
  report.files.push({ file: f.name, id, status });
  if (article.warnings.length > 0) report.warnings.push({ file: f.name, warnings: article.warnings });
  if (library === BASE_LIBRARY) ctx.sources.forgetRemoved(f.file, f.name);
  ctx.sources.replaceSource(article, f.file, f.hash, f.stamp, library)
    .forEach((paragraph, i) => ctx.searchStore.insert(paragraph.id, id, bodyTerms[i]!, titleTerms, library));
  ctx.events.replaceEventsOf(id, events, EVENT_EXTRACTOR_VERSION, library);
  report.paragraphs += article.paragraphs.length;
  report.events += events.length;
}

/**
 * Removes sources of `ctx.library` (a server removes only its own additions) with their paragraphs,
 * index terms and events in one transaction. Their files are left alone: ingesting them again
 * brings them back.
 * @throws UserError naming an unknown id, or a shared source asked of a server; nothing is removed then
 */
export function removeSources(ctx: IngestDeps, ids: string[]): StoredSource[] {
  const library = ctx.library;
  const sources = [...new Set(ids)].map((id) => {
    const source = ctx.sources.getSource(id, library);
    if (source) return source;
    if (library !== BASE_LIBRARY && ctx.sources.getSource(id, BASE_LIBRARY)) {
      throw new UserError(`${quoteInput(id)} is in the shared library that every server sees, not this server's own; only the bot's host can remove it. Nothing was removed.`);
    }
    throw new UserError(`There is no source ${quoteInput(id)} in the library; nothing was removed.`);
  });
  try {
    ctx.db.transaction(() => {
      for (const source of sources) {
        ctx.searchStore.deleteSource(source.id, library);
        ctx.sources.deleteSource(source.id, library);
        // The start-up re-read of the articles folder must not bring a removed shared source back.
        if (library === BASE_LIBRARY) ctx.sources.markRemoved(source.file, source.contentHash);
      }
      if (library === BASE_LIBRARY) ctx.searchStore.refreshStats();
    }).immediate();
  } catch (error) {
    throw describeDatabaseError(error, ctx.config.databasePath);
  }
  ctx.search.invalidate();
  return sources;
}

/**
 * Extracts the events of every source the current rules have not (a library made before /timeline,
 * or by older rules), writing each source's in turn, all in one transaction.
 * @returns the ids of the sources extracted
 */
export function backfillEvents(ctx: IngestDeps): string[] {
  const stale = ctx.events.sourcesToExtract(EVENT_EXTRACTOR_VERSION);
  // Each source is written as soon as it is extracted: the whole library's events are never held at once.
  ctx.db.transaction(() => {
    for (const { id, library } of stale) {
      const events = extractArticleEvents(ctx.sources.getSource(id, library) ?? {}, ctx.sources.getParagraphsOf(id, library));
      ctx.events.replaceEventsOf(id, events, EVENT_EXTRACTOR_VERSION, library);
    }
  })();
  return stale.map(({ id }) => id);
}

/** The article files under `paths` (folders read recursively, dot files skipped); a missing path is refused. */
function collectFiles(paths: string[], refuse: (file: string, error: UserError) => void): string[] {
  const files: string[] = [];
  const visit = (path: string, explicit: boolean) => {
    // A link is its own identity, written the one way URL writes it (https://Example.com → https://example.com/).
    if (isLink(path)) return void files.push(URL.canParse(path) ? new URL(path).href : path);
    let stats;
    try {
      stats = statSync(path);
    } catch {
      refuse(path, new UserError(`${displayPath(path)} does not exist.`));
      return;
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) visit(join(path, name), false);
    } else if (explicit || ARTICLE_FILE.test(path)) files.push(resolve(path));
  };
  for (const path of paths) visit(path, true);
  if (files.length === 0 && paths.every((path) => existsSync(path))) throw new UserError(`No articles (.txt, .md, .html, .htm, .pdf, .docx) found in ${paths.map(displayPath).join(', ')}.`);
  return files;
}

/** The article files of a folder, recursively, as an ingest of the folder reads them. */
export function listArticleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && ARTICLE_FILE.test(entry.name) && !relative(dir, join(entry.parentPath, entry.name)).split(sep).some((part) => part.startsWith('.')))
    .map((entry) => resolve(entry.parentPath, entry.name))
    .sort();
}

/** A file's hash: of its bytes, which for UTF-8 text is the hash of its text that libraries before formats stored. */
function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A file's size and modification time, or `undefined` when it cannot be read. */
export function fileStamp(file: string): FileStamp | undefined {
  try {
    const stats = statSync(file);
    return { size: stats.size, mtime: Math.floor(stats.mtimeMs) };
  } catch {
    return undefined;
  }
}

/** The content hash ingestion gives a file, or `undefined` when it cannot be read. */
export function hashArticle(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}
