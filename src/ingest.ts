import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeArticles } from './analyze-pool.js';
import type { AnalyzedArticle } from './analyze.js';
import { displayPath, projectRoot } from './paths.js';
import { EVENT_EXTRACTOR_VERSION, extractArticleEvents } from './core/events.js';
import type { AppContext } from './context.js';
import { quoteInput } from './core/text.js';
import { UserError } from './errors.js';
import { describeDatabaseError } from './store/db.js';
import type { StoredSource } from './store/library.js';

/** Files ingestion reads; anything else in a folder is skipped. */
const ARTICLE_FILE = /\.(?:txt|md)$/i;
/** Larger files are refused: no article is this long, and parsing one would stall the bot. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** What one ingest run did. */
export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
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

/**
 * Ingests article files and folders in one transaction: all of them or, on any error, none.
 * Files whose content is already in the library are skipped (same SHA-256). The others are parsed,
 * and their index terms and dated events extracted, on worker threads (one per core) when there is
 * enough text, while this thread writes each article in turn. The search index is updated
 * incrementally; its caches are refreshed once the transaction has committed.
 * @param threads worker threads to analyse on; by default one per core for large inputs, none for small
 * @throws UserError naming the file and the reason; the library is then exactly as before
 */
export function ingestPaths(ctx: AppContext, paths: string[], onProgress?: IngestProgress, threads?: number): IngestReport {
  const files = collectFiles(paths);
  const report: IngestReport = { added: [], updated: [], unchanged: [], warnings: [], paragraphs: 0, events: 0 };
  const read = files.map((file) => {
    const raw = readArticle(file);
    const hash = sha256(raw);
    return { file, hash, size: raw.length, known: ctx.library.findByHash(hash) };
  });
  const jobs = read.filter((f) => f.known === undefined);
  const bytes = jobs.reduce((sum, job) => sum + job.size, 0);
  const hashes = new Map(jobs.map((job) => [job.file, job.hash]));
  // Files are read again when their turn comes, so a large run never holds all its text at once.
  const load = (file: string) => {
    let raw: string | undefined;
    try {
      raw = readArticle(file);
    } catch {
      // Removed, or grown past the limit, since the first reading: the same sentence as a change.
    }
    if (raw === undefined || sha256(raw) !== hashes.get(file)) throw new UserError(`${displayPath(file)} changed or was removed while it was being ingested; nothing was ingested.`);
    return raw;
  };
  const analyzed = analyzeArticles(jobs.map((job) => job.file), load, threads ?? (bytes >= PARALLEL_MIN_BYTES ? availableParallelism() : 1));
  const claimed = new Map<string, string>();
  const write = () => {
    read.forEach(({ file, hash, known }, i) => {
      const next = known === undefined ? analyzed.next() : undefined;
      const result = next && !next.done ? next.value : undefined;
      const id = known ?? result!.article.meta.id;
      const other = claimed.get(id);
      if (other) throw new UserError(`${displayPath(file)} and ${displayPath(other)} both have the id "${id}"; nothing was ingested.`);
      claimed.set(id, file);
      if (result) writeArticle(ctx, result, displayPath(file), hash, report);
      else report.unchanged.push(id);
      onProgress?.(i + 1, files.length, displayPath(file));
    });
    if (jobs.length > 0) ctx.searchStore.refreshStats();
  };
  try {
    // IMMEDIATE takes the write lock first, waiting out another writer (busy_timeout); a deferred
    // transaction that has read would fail at once with SQLITE_BUSY when it came to write.
    if (jobs.length > 0) ctx.db.transaction(write).immediate();
    else write();
  } catch (error) {
    throw describeDatabaseError(error, ctx.config.databasePath);
  } finally {
    analyzed.return(undefined);
  }
  ctx.search.invalidate();
  return report;
}

/** Writes one analysed article (call inside the ingest transaction). */
function writeArticle(ctx: AppContext, { article, events, bodyTerms, titleTerms }: AnalyzedArticle, file: string, hash: string, report: IngestReport): void {
  const id = article.meta.id;
  if (ctx.library.getSource(id)) {
    ctx.searchStore.deleteSource(id);
    report.updated.push(id);
  } else report.added.push(id);
  if (article.warnings.length > 0) report.warnings.push({ file, warnings: article.warnings });
  ctx.library.replaceSource(article, file, hash).forEach((paragraph, i) => ctx.searchStore.insert(paragraph.id, id, bodyTerms[i]!, titleTerms));
  ctx.events.replaceEventsOf(id, events, EVENT_EXTRACTOR_VERSION);
  report.paragraphs += article.paragraphs.length;
  report.events += events.length;
}

/**
 * Removes sources with their paragraphs, index terms and events in one transaction. Their files
 * are left alone: ingesting them again brings them back.
 * @throws UserError naming an unknown id; nothing is removed then
 */
export function removeSources(ctx: AppContext, ids: string[]): StoredSource[] {
  const sources = [...new Set(ids)].map((id) => {
    const source = ctx.library.getSource(id);
    if (!source) throw new UserError(`There is no source ${quoteInput(id)} in the library; nothing was removed.`);
    return source;
  });
  try {
    ctx.db.transaction(() => {
      for (const source of sources) {
        ctx.searchStore.deleteSource(source.id);
        ctx.library.deleteSource(source.id);
      }
      ctx.searchStore.refreshStats();
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
export function backfillEvents(ctx: AppContext): string[] {
  const stale = ctx.events.sourcesToExtract(EVENT_EXTRACTOR_VERSION);
  // Each source is written as soon as it is extracted: the whole library's events are never held at once.
  ctx.db.transaction(() => {
    for (const id of stale) ctx.events.replaceEventsOf(id, extractArticleEvents(ctx.library.getSource(id) ?? {}, ctx.library.getParagraphsOf(id)), EVENT_EXTRACTOR_VERSION);
  })();
  return stale;
}

function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      throw new UserError(`${displayPath(path)} does not exist; nothing was ingested.`);
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!name.startsWith('.')) visit(join(path, name), false);
    } else if (explicit || ARTICLE_FILE.test(path)) files.push(resolve(path));
  };
  for (const path of paths) visit(path, true);
  if (files.length === 0) throw new UserError(`No .txt or .md articles found in ${paths.map(displayPath).join(', ')}.`);
  return files;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readArticle(file: string): string {
  const size = statSync(file).size;
  if (size > MAX_ARTICLE_BYTES) throw new UserError(`${displayPath(file)} is ${size} bytes, over the ${MAX_ARTICLE_BYTES}-byte limit for one article; nothing was ingested.`);
  const text = readFileSync(file, 'utf8');
  if (text.includes('\uFFFD')) throw new UserError(`${displayPath(file)} is not UTF-8 text; nothing was ingested.`);
  return text;
}

/**
 * Runs `research-bot ingest` on the same database in a child process, so a long re-read never holds
 * up the caller's event loop (WAL lets the caller go on reading), then refreshes the caller's caches.
 * @throws UserError with the child's one-sentence error when it fails; the library is then unchanged
 */
export function ingestInChildProcess(ctx: AppContext, path: string): Promise<IngestReport> {
  const cli = join(projectRoot(), 'dist/src/cli.js');
  const env = { DATABASE_PATH: ctx.config.databasePath, SYNONYMS_PATH: ctx.config.synonymsPath, ARTICLES_DIR: ctx.config.articlesDir };
  return new Promise((resolvePromise, reject) => {
    // A core is left to the bot, so that it answers at its usual speed while the ingest runs: the
    // writing thread needs most of one besides the workers (1, no workers, on 2 cores).
    const threads = String(Math.min(64, Math.max(1, availableParallelism() - 2)));
    const child = spawn(process.execPath, [cli, 'ingest', '--json', '--threads', threads, path], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new UserError(`Could not start the ingest: ${error.message}`)));
    child.on('exit', (code) => {
      ctx.search.invalidate();
      if (code === 0) resolvePromise(JSON.parse(stdout) as IngestReport);
      else reject(new UserError(stderr.trim().split('\n')[0] || `The ingest stopped with code ${code}; nothing was ingested.`));
    });
  });
}
