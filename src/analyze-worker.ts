/**
 * A worker thread of analyzeArticles: analyses each article it is sent and replies on its port,
 * then bumps its slot of the shared signal so the blocked caller wakes.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { analyzeArticle } from './analyze.js';
import type { AnalysisJob, AnalysisReply } from './analyze-pool.js';
import { UserError } from './errors.js';

const { port, signal, slot } = workerData as { port: MessagePort; signal: Int32Array; slot: number };

parentPort!.on('message', (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    reply = { result: analyzeArticle(job.raw, job.file) };
  } catch (error) {
    reply = { error: error instanceof Error ? error.message : String(error), user: error instanceof UserError };
  }
  port.postMessage(reply);
  Atomics.add(signal, slot, 1);
  Atomics.notify(signal, slot);
});
