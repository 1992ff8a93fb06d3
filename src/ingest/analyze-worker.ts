/**
 * A worker thread of analyzeArticles: analyses each article it is sent and replies on its port,
 * then bumps its slot of the shared signal so the blocked caller wakes. The analysis is imported
 * inside the handler, so that even a module that fails to load is an answer, not a dead thread.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { AnalysisJob, AnalysisReply } from './analyze-pool.js';

const { port, signal, slot } = workerData as { port: MessagePort; signal: Int32Array; slot: number };
const analysis = import('./analyze.js');

parentPort!.on('message', async (job: AnalysisJob) => {
  let reply: AnalysisReply;
  try {
    reply = { result: (await analysis).analyzeArticle(job.input, job.file) };
  } catch (error) {
    // By name: importing errors.js only to test the class would be one more module that could fail to load.
    reply = { error: error instanceof Error ? error.message : String(error), user: error instanceof Error && error.name === 'UserError' };
  }
  port.postMessage(reply);
  Atomics.add(signal, slot, 1);
  Atomics.notify(signal, slot);
});
