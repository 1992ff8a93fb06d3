import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Config } from '../app/config.js';
import { createContext, type AppContext, type ContextOptions } from '../app/context.js';
import { extractTerms } from '../core/language/terms.js';
import { backfillEvents, fileStamp, hashArticle, ingestPaths, listArticleFiles, type IngestReport } from './ingest.js';
import { displayPath, isLink } from '../store/paths.js';
import { describeDatabaseError } from '../store/db.js';

/** What start-up did to the library. */
export interface PrepareReport {
  /** The articles folder's new and changed files, when it was read and any were found. */
  articles?: IngestReport;
  /** Sources whose file is gone from the articles folder: kept, and named once at start. */
  missing: string[];
}

/**
 * The start-up work on a writable library after an upgrade: rebuilds the full-text index if the
 * library predates it and extracts the events of sources the current rules have not.
 */
export function prepareLibrary(ctx: AppContext): void {
  try {
    if (ctx.searchStore.needsRebuild()) rebuildSearchIndex(ctx);
    const extracted = backfillEvents(ctx);
    if (extracted.length > 0) ctx.log.info(`Extracted the dated events of ${extracted.length} sources (${ctx.events.countEvents()} events).`);
  } catch (error) {
    // Corruption can show only when the library is first read (a rebuild, the events).
    throw describeDatabaseError(error, ctx.config.databasePath);
  }
}

/**
 * Opens the library as `npm start`, the bot and the local prompt do: {@link createContext},
 * {@link prepareLibrary}, then the articles folder's new and changed files read (a stat per file; a
 * file is hashed only when its size or time changed; a new library gets the folder's articles: with
 * the default ARTICLES_DIR, the shipped ones). Files the folder lost keep their sources.
 */
export async function openAtStart(config: Config, options: ContextOptions = {}): Promise<AppContext> {
  const ctx = createContext(config, options);
  if (options.readonly) return ctx;
  try {
    prepareLibrary(ctx);
    const { articles, missing } = await readArticlesFolder(ctx);
    const folder = displayPath(resolve(config.articlesDir));
    if (articles && articles.added.length + articles.updated.length + articles.refused.length > 0) {
      ctx.log.info(`Read the articles folder ${folder}: ${describeIngest(articles)}`);
      for (const { reason } of articles.refused) ctx.log.warn(reason);
    }
    if (missing.length > 0) ctx.log.info(`${missing.length} sources' files are no longer in ${folder}; their sources are kept (remove them with research-bot remove): ${missing.join(', ')}.`);
  } catch (error) {
    ctx.close();
    throw error;
  }
  return ctx;
}

/**
 * The library's size as the start-up lines say it: "98 paragraphs in 5 sources", counted as an
 * ingest counts them (a paragraph that wholly repeats an earlier one included), so the numbers agree.
 */
export function describeLibrarySize(ctx: AppContext): string {
  const { sources, paragraphs } = ctx.sources.sizeOf(ctx.library);
  return `${paragraphs} paragraph${paragraphs === 1 ? '' : 's'} in ${sources} source${sources === 1 ? '' : 's'}`;
}

/** One line for a log or a reply: what an ingest added, updated, kept and refused (with why, when `reasons`). */
export function describeIngest(report: IngestReport, reasons = false): string {
  const list = (ids: string[]) => (ids.length > 0 ? ` (${ids.join(', ')})` : '');
  const refused = reasons && report.refused.length > 0 ? ` Refused: ${report.refused.map((r) => r.reason).join(' ')}` : '';
  return `added ${report.added.length}${list(report.added)}, updated ${report.updated.length}${list(report.updated)}, ` +
    `unchanged ${report.unchanged.length}, refused ${report.refused.length}; ${report.paragraphs} paragraphs written.${refused}`;
}

async function readArticlesFolder(ctx: AppContext): Promise<PrepareReport> {
  const dir = resolve(ctx.config.articlesDir);
  if (!existsSync(dir)) {
    ctx.log.warn(`The articles folder ${displayPath(dir)} does not exist (ARTICLES_DIR); the library is as it was.`);
    return { missing: [] };
  }
  const files = listArticleFiles(dir);
  const present = new Set(files);
  const stamps = new Map(ctx.sources.fileStamps().filter((s) => !isLink(s.file)).map((s) => [absolute(s.file), s]));
  const candidates = files.filter((file) => {
    const known = stamps.get(file);
    if (known) return !sameStamp(file, known);
    // A file whose source a moderator removed stays out until its text changes (or it is ingested by name).
    return ctx.sources.removedHash(file, displayPath(file)) === undefined || changedSinceRemoval(ctx, file);
  });
  const missing = [...stamps].filter(([file]) => isInside(dir, file) && !present.has(file) && !existsSync(file)).map(([, s]) => s.id);
  return { missing, ...(candidates.length > 0 ? { articles: await ingestPaths(ctx, candidates) } : {}) };
}

function sameStamp(file: string, known: { size: number | null; mtime: number | null }): boolean {
  const stamp = fileStamp(file);
  return stamp !== undefined && known.size === stamp.size && known.mtime === stamp.mtime;
}

function changedSinceRemoval(ctx: AppContext, file: string): boolean {
  return ctx.sources.removedHash(file, displayPath(file)) !== hashArticle(file);
}

/** A stored path as an absolute one (older libraries stored it relative to the working folder). */
function absolute(file: string): string {
  return isAbsolute(file) ? file : resolve(file);
}

function isInside(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** Indexes every paragraph's terms, each in its library's index, in one transaction (a library created before the index existed). */
function rebuildSearchIndex({ db, sources, searchStore, log }: AppContext): void {
  log.info('Building the full-text index of the library (once, after an upgrade)...');
  const titleTerms = new Map<string, string>();
  db.transaction(() => {
    searchStore.clear();
    for (const p of sources.indexable()) {
      if (!titleTerms.has(p.title)) titleTerms.set(p.title, extractTerms(p.title).join(' '));
      searchStore.insert(p.id, p.sourceId, extractTerms(p.body).join(' '), titleTerms.get(p.title)!, p.library);
    }
    searchStore.refreshStats();
  })();
}
