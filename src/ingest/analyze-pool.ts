import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { analyzeArticle, type AnalyzedArticle } from './analyze.js';
import { UserError } from '../core/errors.js';
import type { ArticleText } from '../core/types.js';
import { projectRoot } from '../store/paths.js';

/** One article to analyse: where it came from (for messages), and its text as read or extracted. */
export interface AnalysisJob {
  file: string;
  input: string | ArticleText;
}

/** What a worker sends back for one job. */
export type AnalysisReply = { result: AnalyzedArticle } | { error: string; user: boolean };

/** What analysing one file gave: its analysis, or why it cannot be ingested (the run goes on without it). */
export type AnalysisOutcome = { result: AnalyzedArticle } | { refused: UserError };

/** Jobs each worker holds at once: enough to keep it busy while the writer catches up, few enough to bound memory. */
const QUEUE_PER_WORKER = 8;
/** Longest wait for one article before giving up: an article is at most 5 MB, analysed in well under a second. */
const STALL_MS = 120_000;
/** The worker runs the compiled code; run from sources (no build), analysis stays on the caller's thread. */
const WORKER_FILE = join(projectRoot(), 'dist/src/ingest/analyze-worker.js');

/** True when articles can be analysed on worker threads (the build is in place). */
export function canAnalyzeOnWorkers(): boolean {
  return existsSync(WORKER_FILE);
}

/**
 * Analyses article files, yielding each one's outcome in file order as it is ready. Each file's text
 * is loaded (`load`, with its name and place in `files`) only when its turn comes, so memory holds the files in flight, not the whole run.
 * With `threads` > 1 the work runs on that many worker threads while the caller's thread blocks
 * between results (Atomics.wait), so a synchronous database transaction can write each article
 * while the workers analyse the next ones. A file that cannot be loaded or is not an article is
 * yielded as refused (a UserError naming it) at its own turn; any other failure is thrown.
 */
export function* analyzeArticles(files: readonly string[], load: (file: string, index: number) => string | ArticleText, threads: number): Generator<AnalysisOutcome> {
  if (threads <= 1 || files.length <= 1 || !canAnalyzeOnWorkers()) {
    for (const [i, file] of files.entries()) yield outcomeOf(() => analyzeArticle(load(file, i), file));
    return;
  }
  const count = Math.min(threads, files.length);
  const signal = new Int32Array(new SharedArrayBuffer(4 * count));
  const workers = Array.from({ length: count }, (_, slot) => {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_FILE, { workerData: { port: port2, signal, slot }, transferList: [port2] });
    worker.unref();
    // A worker that dies (out of memory) is reported by the stall below; its 'error' event, which
    // arrives only once this thread is free again, must not then crash the process.
    worker.on('error', () => {});
    return { worker, port: port1 };
  });
  // A file that cannot be loaded is refused at its own turn, as on one thread, not when it is sent ahead.
  const unloadable = new Map<number, AnalysisOutcome>();
  const send = (i: number) => {
    const sent = outcomeOf(() => {
      workers[i % count]!.worker.postMessage({ file: files[i]!, input: load(files[i]!, i) } satisfies AnalysisJob);
      return undefined;
    });
    if ('refused' in sent) unloadable.set(i, sent);
  };
  try {
    // File i goes to worker i % count, so each worker's replies arrive in file order (a file that
    // could not be sent has no reply to wait for).
    const window = count * QUEUE_PER_WORKER;
    for (let i = 0; i < Math.min(window, files.length); i++) send(i);
    for (let i = 0; i < files.length; i++) {
      let outcome = unloadable.get(i);
      if (!outcome) {
        const reply = receive(workers[i % count]!.port, signal, i % count);
        if ('error' in reply && !reply.user) throw new Error(`analysis of ${files[i]}: ${reply.error}`);
        outcome = 'error' in reply ? { refused: new UserError(reply.error) } : reply;
      }
      if (i + window < files.length) send(i + window);
      yield outcome;
    }
  } finally {
    for (const { worker, port } of workers) {
      port.close();
      void worker.terminate();
    }
  }
}

/** Runs one file's step, turning a UserError into a refusal; anything else is a bug and is thrown. */
function outcomeOf<T extends AnalyzedArticle | undefined>(step: () => T): { result: T } | { refused: UserError } {
  try {
    return { result: step() };
  } catch (error) {
    if (error instanceof UserError) return { refused: error };
    throw error;
  }
}

/** Blocks until the worker in `slot` replies; it bumps its slot of `signal` after each reply. */
function receive(port: MessagePort, signal: Int32Array, slot: number): AnalysisReply {
  for (;;) {
    const seen = Atomics.load(signal, slot);
    const got = receiveMessageOnPort(port);
    if (got) return got.message as AnalysisReply;
    if (Atomics.wait(signal, slot, seen, STALL_MS) === 'timed-out') throw new Error(`analysis: a worker thread gave no answer in ${STALL_MS / 1000} s`);
  }
}
