import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppContext } from '../app/context.js';
import { UserError } from '../core/errors.js';
import { projectRoot } from '../store/paths.js';
import { ingestArrived, type ArrivedArticle, type IngestReport } from './ingest.js';

/** What the worker is given. */
export interface IngestThreadData {
  config: AppContext['config'];
  library: string;
  article: ArrivedArticle;
}

/** What the worker answers. */
export type IngestThreadReply = { report: IngestReport } | { error: string; user: boolean };

/** The worker runs the compiled code; run from sources (no build), the ingest runs on the caller's thread. */
const WORKER_FILE = join(projectRoot(), 'dist/src/ingest/ingest-thread-worker.js');

/**
 * Ingests one article that arrived as bytes (an upload) into `ctx.library` on a worker thread with
 * its own connection to the database, so the caller's event loop goes on answering others
 * meanwhile (extracting a long PDF, analysing and writing it take seconds). An in-memory library
 * cannot be shared with another connection: it is ingested on the caller's thread. The caller's
 * caches are refreshed after.
 * @throws UserError with the ingest's sentence when it fails; the library is then unchanged
 */
export async function ingestOffThread(ctx: AppContext, article: ArrivedArticle): Promise<IngestReport> {
  if (ctx.config.databasePath === ':memory:' || !existsSync(WORKER_FILE)) return ingestArrived(ctx, [article]);
  const reply = await new Promise<IngestThreadReply>((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: { config: ctx.config, library: ctx.library, article } satisfies IngestThreadData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`ingest thread: stopped with code ${code} before answering`)));
  });
  ctx.search.invalidate();
  if ('error' in reply) throw reply.user ? new UserError(reply.error) : new Error(`ingest thread: ${reply.error}`);
  return reply.report;
}
