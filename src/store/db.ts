import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { projectRoot } from '../paths.js';
import { migrate } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open for queries only (shards of the bot): no migrations, no writes. */
  readonly?: boolean;
  migrationsDir?: string;
}

/**
 * Opens the library database (creating it when the file is new), turns on WAL, foreign keys
 * and a busy timeout, and applies pending migrations.
 * @throws UserError naming the path when the folder is missing or the file is not a SQLite database
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && !existsSync(dirname(path))) {
    throw new UserError(`The folder for the database (${dirname(path)}) does not exist; create it or set DATABASE_PATH.`);
  }
  if (options.readonly && path !== ':memory:' && !existsSync(path)) {
    throw new UserError(`The database ${path} does not exist; start the bot once without read-only mode to create it.`);
  }
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    if (!options.readonly) migrate(db, options.migrationsDir ?? join(projectRoot(), 'migrations'));
    return db;
  } catch (error) {
    db?.close();
    throw describeOpenError(error, path);
  }
}

function describeOpenError(error: unknown, path: string): Error {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new UserError(`The database ${path} is not a readable SQLite file (corrupt or another kind of file); it was left untouched: move it aside or set DATABASE_PATH.`);
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new UserError(`The database ${path} cannot be opened for writing (${code}); check its permissions.`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new UserError(`The database ${path} is locked by another process; stop it or try again.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}
