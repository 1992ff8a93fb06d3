import type Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MIGRATION_FILE = /^(\d+)-[\w-]+\.sql$/;

/**
 * Applies the numbered SQL files of `dir` that the database has not seen, in order,
 * each in its own transaction, recording each in `schema_migrations`.
 * @returns the versions applied by this call
 */
export function migrate(db: Database.Database, dir: string): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const files = readdirSync(dir)
    .map((name) => ({ name, match: MIGRATION_FILE.exec(name) }))
    .filter((file) => file.match)
    .map((file) => ({ name: file.name, version: Number(file.match![1]) }))
    .sort((a, b) => a.version - b.version);
  const done: number[] = [];
  for (const file of files) {
    if (applied.has(file.version)) continue;
    const sql = readFileSync(join(dir, file.name), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run(file.version, file.name, new Date().toISOString());
    })();
    done.push(file.version);
  }
  return done;
}
