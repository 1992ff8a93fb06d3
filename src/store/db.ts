import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../core/errors.js';
import { projectRoot } from './paths.js';
import { migrate } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open for queries only (shards of the bot): no migrations, no writes. */
  readonly?: boolean;
  migrationsDir?: string;
}

/**
 * Opens the library database (creating it when the file is new), turns on WAL, foreign keys
 * and a busy timeout, and applies pending migrations. A file it cannot use is left untouched.
 * @throws UserError naming the path when the folder is missing, the file is a folder, read-only,
 *   locked, corrupt, not a SQLite database, or another application's database
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') checkPath(path, options.readonly ?? false);
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    db.pragma('busy_timeout = 5000');
    // Read before anything writes (the WAL switch writes the header): an unreadable file fails
    // here, and another application's database is refused rather than given our tables.
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    if (tables.length > 0 && !tables.includes('schema_migrations')) {
      throw new UserError(`The database ${path} belongs to another application (it has tables but no schema_migrations); it was left untouched: set DATABASE_PATH to a new file.`);
    }
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    if (!options.readonly) migrate(db, options.migrationsDir ?? join(projectRoot(), 'migrations'));
    return db;
  } catch (error) {
    db?.close();
    throw describeDatabaseError(error, path);
  }
}

/** Refuses, before SQLite touches anything, paths it would fail on or silently open read-only. */
function checkPath(path: string, readonly: boolean): void {
  if (!existsSync(dirname(path))) {
    throw new UserError(`The folder for the database (${dirname(path)}) does not exist; create it or set DATABASE_PATH.`);
  }
  if (!existsSync(path)) {
    if (readonly) throw new UserError(`The database ${path} does not exist; start the bot once without read-only mode to create it.`);
    return;
  }
  if (statSync(path).isDirectory()) throw new UserError(`The database path ${path} is a folder; set DATABASE_PATH to a file.`);
  if (readonly) return;
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    // SQLite would fall back to read-only without a word, then fail at the first write.
    throw new UserError(`The database ${path} is read-only for this user; allow writing to it, or set DATABASE_PATH.`);
  }
}

/**
 * Turns a SQLite failure into one sentence naming the database and what to do; any other error is
 * returned as it is. Extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_READONLY_DBMOVED...) count as their base code.
 */
export function describeDatabaseError(error: unknown, path: string): Error {
  const code = (error as { code?: unknown }).code;
  const is = (...bases: string[]) => typeof code === 'string' && bases.some((base) => code === base || code.startsWith(`${base}_`));
  if (is('SQLITE_NOTADB', 'SQLITE_CORRUPT')) {
    return new UserError(`The database ${path} is not a readable SQLite file (corrupt or another kind of file); it was left untouched: move it aside or set DATABASE_PATH.`);
  }
  if (is('SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM', 'SQLITE_AUTH')) {
    return new UserError(`The database ${path} cannot be opened for writing (${code}); check the permissions of the file and its folder.`);
  }
  if (is('SQLITE_BUSY', 'SQLITE_LOCKED')) {
    return new UserError(`The database ${path} is locked by another process; stop it or try again.`);
  }
  if (is('SQLITE_FULL')) return new UserError(`The disk holding the database ${path} is full; free some space and try again.`);
  if (is('SQLITE_IOERR')) return new UserError(`The database ${path} could not be read or written (${code}); check the disk.`);
  return error instanceof Error ? error : new Error(String(error));
}
