/**
 * Speed and memory by library size (npm run bench [-- --sizes 1000,10000,100000]): ingest
 * throughput through the real ingester, cold start of the CLI to its first answer, /ask and
 * autocomplete latency and peak RSS in a fresh process, the same queries through plain FTS5, and
 * /ask latency while another process ingests; then reading documents (bench/formats.ts: PDF pages per
 * second, a web page's extraction with linkedom against jsdom; `--formats` runs only that).
 * Writes bench/out/perf.json.
 */
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/app/config.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { createLogger } from '../src/app/log.js';
import { NODE_FLAGS } from '../src/app/node-flags.js';
import { projectRoot } from '../src/store/paths.js';
import { measureFormats } from './formats.js';
import { generateLibrary } from './generate.js';

const ROOT = projectRoot();
const QUERIES = 500;

function env(databasePath: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_PATH: databasePath, ...extra };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]!);
}

/** Wall time of a command from spawn to exit, in ms (the median of `runs`). */
function wallTime(command: string, args: string[], environment: NodeJS.ProcessEnv, runs = 5): number {
  return median(Array.from({ length: runs }, () => {
    const t = performance.now();
    const result = spawnSync(command, args, { cwd: ROOT, env: environment, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`bench: ${command} ${args.join(' ')} failed: ${result.stderr}`);
    return performance.now() - t;
  }));
}

function worker(databasePath: string, baselinePath: string, extraArgs: string[] = []): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, 'dist/bench/perf-worker.js', String(QUERIES), ...extraArgs], { cwd: ROOT, env: env(databasePath, { BASELINE_PATH: baselinePath }) });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`bench worker failed: ${err}`))));
  });
}

interface Percentiles { p50: number; p95: number; p99: number; max: number }
interface WorkerResult { firstAnswerMs: number; ask: Percentiles; autocomplete: Percentiles; timeline: Percentiles; baseline?: Percentiles; peakRssMb: number }

async function measure(size: number) {
  const dir = mkdtempSync(join(tmpdir(), `research-bot-bench-${size}-`));
  try {
    generateLibrary(join(dir, 'articles'), size);
    generateLibrary(join(dir, 'extra'), Math.max(1000, size / 10), 99);
    const databasePath = join(dir, 'library.db');
    const log = createLogger({ debug: false, quiet: true });
    let t = performance.now();
    (await openAtStart({ ...loadConfig({}), databasePath, articlesDir: join(dir, 'articles') }, { log })).close();
    const ingestMs = performance.now() - t;

    const baselinePath = join(dir, 'baseline.db');
    t = performance.now();
    const baseline = new Database(baselinePath);
    baseline.exec("CREATE VIRTUAL TABLE baseline USING fts5(text, tokenize='porter unicode61')");
    baseline.exec(`ATTACH '${databasePath.replace(/'/g, "''")}' AS lib`);
    baseline.exec('INSERT INTO baseline (rowid, text) SELECT id, text FROM lib.paragraphs');
    baseline.exec('DETACH lib');
    baseline.close();
    const baselineBuildMs = performance.now() - t;

    const cold = wallTime(process.execPath, [...NODE_FLAGS, 'dist/src/cli/main.js', 'ask', 'Sergey Lavrov'], env(databasePath));
    const coldNpm = wallTime('npm', ['run', '-s', 'cli', '--', 'ask', 'Sergey Lavrov'], env(databasePath), 3);
    // `npm start` (the local prompt, stdin closed at once): with the articles folder re-read (a stat per
    // file, nothing changed), and with an empty folder, as a start that reads no folder.
    mkdirSync(join(dir, 'no-articles'));
    const startWithFolder = wallTime(process.execPath, [...NODE_FLAGS, 'dist/src/index.js'], env(databasePath, { ARTICLES_DIR: join(dir, 'articles') }));
    const startWithoutFolder = wallTime(process.execPath, [...NODE_FLAGS, 'dist/src/index.js'], env(databasePath, { ARTICLES_DIR: join(dir, 'no-articles') }));
    const answering = await worker(databasePath, baselinePath);

    // /ask while another process ingests a tenth more articles.
    const ingest = spawn(process.execPath, ['dist/src/cli/main.js', 'ingest', join(dir, 'extra')], { cwd: ROOT, env: env(databasePath), stdio: 'ignore' });
    const ingestDone = new Promise<number>((resolve) => ingest.on('exit', (code) => resolve(code ?? -1)));
    const during = await worker(databasePath, baselinePath, ['--no-baseline']);
    const ingestCode = await ingestDone;
    if (ingestCode !== 0) throw new Error('bench: the concurrent ingest failed');

    const fileMb = (path: string) => { try { return statSync(path).size / 1e6; } catch { return 0; } };
    return {
      paragraphs: size,
      ingestParagraphsPerSecond: Math.round(size / (ingestMs / 1000)),
      ingestSeconds: Math.round(ingestMs) / 1000,
      databaseMb: Math.round(fileMb(databasePath) + fileMb(databasePath + '-wal')),
      baselineBuildSeconds: Math.round(baselineBuildMs) / 1000,
      baselineMb: Math.round(fileMb(baselinePath)),
      coldStartMs: cold,
      coldStartNpmMs: coldNpm,
      startWithFolderMs: startWithFolder,
      startWithoutFolderMs: startWithoutFolder,
      ...answering,
      askDuringIngest: during.ask,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--sizes');
  const sizes = process.argv.includes('--formats') ? [] : at > 0 ? process.argv[at + 1]!.split(',').map(Number) : [1000, 10000, 100000];
  const results: Awaited<ReturnType<typeof measure>>[] = [];
  for (const size of sizes) {
    const result = await measure(size);
    results.push(result);
    console.log(JSON.stringify(result));
  }
  const formats = await measureFormats();
  console.log(JSON.stringify(formats));
  mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/out/perf.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, results, formats }, null, 2) + '\n');
  console.table(Object.entries(formats.html).map(([dom, r]) => ({ 'HTML page: DOM': dom, 'ms/page (Readability + paragraphs)': r.msPerPage, 'shingle P/R/F1 vs article': `${r.readability.precision} / ${r.readability.recall} / ${r.readability.f1}` })));
  console.table([{ 'research-bot HTML ms/page (extract + parse)': formats.htmlPipeline.msPerPage, 'shingle P/R/F1': `${formats.htmlPipeline.score.precision} / ${formats.htmlPipeline.score.recall} / ${formats.htmlPipeline.score.f1}`,
    'PDF pages/s (extract)': formats.pdf.extractPagesPerSecond, 'PDF pages/s (ingest)': formats.pdf.ingestPagesPerSecond, 'PDF shingle F1': formats.pdf.score.f1 }]);
  if (results.length === 0) return;
  const ratio = (r: (typeof results)[number]) => (r.baseline ? Math.round((r.ask.p95 / r.baseline.p95) * 100) / 100 : undefined);
  console.table(results.map((r) => ({
    paragraphs: r.paragraphs, 'ingest para/s': r.ingestParagraphsPerSecond, 'cold start ms (node / npm)': `${r.coldStartMs} / ${r.coldStartNpmMs}`,
    'npm start ms (folder re-read / none)': `${r.startWithFolderMs} / ${r.startWithoutFolderMs}`,
    'peak RSS MB': r.peakRssMb, 'DB MB': r.databaseMb,
    'ask p50/p95/p99 ms': fmt(r.ask), 'FTS5 p50/p95/p99 ms': fmt(r.baseline), 'ask/FTS5 p95': ratio(r),
    'autocomplete p50/p95/p99 ms': fmt(r.autocomplete), 'timeline topic p50/p95/p99 ms': fmt(r.timeline), 'ask during ingest p50/p95/p99': fmt(r.askDuringIngest),
  })));
}

function fmt(value: unknown): string {
  const p = value as { p50: number; p95: number; p99: number } | undefined;
  return p ? `${p.p50} / ${p.p95} / ${p.p99}` : '-';
}

await main();
