/**
 * The worker thread of ingestOffThread: opens the library on its own connection, ingests the one
 * article it was given into its library, answers with the report (or the failure), and closes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createContext } from '../app/context.js';
import { createLogger } from '../app/log.js';
import { ingestArrived } from './ingest.js';
import type { IngestThreadData, IngestThreadReply } from './ingest-thread.js';

const { config, library, article } = workerData as IngestThreadData;
let reply: IngestThreadReply;
try {
  const ctx = createContext(config, { log: createLogger({ debug: false, quiet: true }) });
  try {
    reply = { report: await ingestArrived(ctx.forLibrary(library), [article], 1) };
  } finally {
    ctx.close();
  }
} catch (error) {
  // By name: the class imported here is this thread's copy, not the caller's.
  reply = { error: error instanceof Error ? error.message : String(error), user: error instanceof Error && error.name === 'UserError' };
}
parentPort!.postMessage(reply);
