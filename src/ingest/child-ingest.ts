import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../app/context.js';
import { UserError } from '../core/errors.js';
import { projectRoot } from '../store/paths.js';
import type { IngestReport } from './ingest.js';

/**
 * Runs `research-bot ingest` on the same database in a child process, so a long re-read never holds
 * up the caller's event loop (WAL lets the caller go on reading), then refreshes the caller's caches.
 * @throws UserError with the child's one-sentence error when it fails; the library is then unchanged
 */
export function ingestInChildProcess(ctx: AppContext, path: string): Promise<IngestReport> {
  const cli = join(projectRoot(), 'dist/src/cli/main.js');
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
      // Exit status 1 with a report: some files were refused, the others went in.
      const report = code === 0 || code === 1 ? parseReport(stdout) : undefined;
      if (report) resolvePromise(report);
      else reject(new UserError(stderr.trim().split('\n')[0] || `The ingest stopped with code ${code}; nothing was ingested.`));
    });
  });
}

function parseReport(stdout: string): IngestReport | undefined {
  try {
    return JSON.parse(stdout) as IngestReport;
  } catch {
    return undefined;
  }
}
