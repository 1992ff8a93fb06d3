/**
 * The Node flags the bot's own processes run with: `npm start`, `npm run cli`, each shard of
 * `npm run start:sharded`, and the benchmark's answering process (package.json repeats them; a test
 * keeps the two equal).
 *
 * A V8 heap capped at 512 MB is collected sooner. V8 lets the old generation grow to up to 4x its
 * live size between full collections when the cap is large (Node's default cap is about 4 GB on a
 * 24 GB machine) and scales that factor down with the cap. The bot's live heap is ~20 MB at 100k
 * paragraphs, yet with the default cap it held 80–100 MB of garbage at its peak: peak RSS while
 * answering 190–203 MB, against 163 MB capped, with the same latencies (docs/DESIGN.md).
 */
export const NODE_FLAGS: readonly string[] = ['--max-old-space-size=512'];
