import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../core/errors.js';
import { openDatabase } from './db.js';
import { migrate } from './migrate.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes numbered migration files into a fresh folder and returns it. */
function migrationsDir(files: Record<string, string>): string {
  const folder = join(dir, 'migrations');
  mkdirSync(folder, { recursive: true });
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(folder, name), sql);
  return folder;
}

const recorded = (db: Database.Database) => db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
/** Tables the real migrations create (FTS5 keeps its own shadow tables beside paragraph_terms). */
const SCHEMA_TABLES = [
  'event_extractions', 'events', 'paragraph_terms', 'paragraph_terms_config', 'paragraph_terms_content', 'paragraph_terms_data', 'paragraph_terms_docsize',
  'paragraph_terms_idx', 'paragraph_vocab', 'paragraphs', 'removed_files', 'schema_migrations', 'search_stats', 'server_paragraph_terms',
  'server_paragraph_terms_config', 'server_paragraph_terms_content', 'server_paragraph_terms_data', 'server_paragraph_terms_docsize',
  'server_paragraph_terms_idx', 'sources',
];
const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();

describe('migrate', () => {
  it('applies numbered files in numeric order, records each, and skips other files', () => {
    const folder = migrationsDir({
      '10-rename.sql': 'ALTER TABLE notes RENAME TO memos;',
      '1-init.sql': 'CREATE TABLE notes (id INTEGER PRIMARY KEY);',
      '2-add-text.sql': "ALTER TABLE notes ADD COLUMN text TEXT NOT NULL DEFAULT '';",
      'README.md': 'not a migration',
      'draft.sql': 'DROP TABLE notes;',
    });
    const db = new Database(join(dir, 'a.db'));
    expect(migrate(db, folder)).toEqual([1, 2, 10]);
    expect(recorded(db)).toEqual([
      { version: 1, name: '1-init.sql' },
      { version: 2, name: '2-add-text.sql' },
      { version: 10, name: '10-rename.sql' },
    ]);
    expect(tables(db)).toEqual(['memos', 'schema_migrations']);
    db.close();
  });

  it('does not apply a migration again when the database is reopened, and applies only new ones', () => {
    const folder = migrationsDir({ '1-init.sql': 'CREATE TABLE notes (id INTEGER PRIMARY KEY);' });
    const path = join(dir, 'a.db');
    let db = new Database(path);
    expect(migrate(db, folder)).toEqual([1]);
    const appliedAt = db.prepare('SELECT applied_at FROM schema_migrations').pluck().get();
    db.close();
    db = new Database(path);
    expect(migrate(db, folder)).toEqual([]);
    writeFileSync(join(folder, '2-more.sql'), 'CREATE TABLE tags (id INTEGER PRIMARY KEY);');
    expect(migrate(db, folder)).toEqual([2]);
    expect(db.prepare('SELECT applied_at FROM schema_migrations WHERE version = 1').pluck().get()).toBe(appliedAt);
    expect(tables(db)).toEqual(['notes', 'schema_migrations', 'tags']);
    db.close();
  });

  it('rolls back a failing migration whole and records nothing for it', () => {
    const folder = migrationsDir({
      '1-init.sql': 'CREATE TABLE notes (id INTEGER PRIMARY KEY);',
      '2-broken.sql': 'CREATE TABLE tags (id INTEGER PRIMARY KEY); INSERT INTO missing VALUES (1);',
    });
    const db = new Database(join(dir, 'a.db'));
    expect(() => migrate(db, folder)).toThrow(/no such table: missing/);
    expect(recorded(db)).toEqual([{ version: 1, name: '1-init.sql' }]);
    expect(tables(db)).toEqual(['notes', 'schema_migrations']);
    db.close();
  });
});

describe('openDatabase', () => {
  it('creates the file, applies the real migrations once, and turns on WAL and foreign keys', () => {
    const path = join(dir, 'library.db');
    let db = openDatabase(path);
    expect(existsSync(path)).toBe(true);
    expect(recorded(db)).toEqual([{ version: 1, name: '001-init.sql' }, { version: 2, name: '002-events.sql' }, { version: 3, name: '003-search-terms.sql' }, { version: 4, name: '004-events-year.sql' },
      { version: 5, name: '005-events-offsets.sql' }, { version: 6, name: '006-source-origin.sql' },
      { version: 7, name: '007-paragraph-page.sql' }, { version: 8, name: '008-server-libraries.sql' }]);
    expect(tables(db)).toEqual(SCHEMA_TABLES);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    db = openDatabase(path);
    expect(recorded(db)).toHaveLength(8);
    db.close();
  });

  it('opens :memory: with the schema in place', () => {
    const db = openDatabase(':memory:');
    expect(tables(db)).toEqual(SCHEMA_TABLES);
    db.close();
  });

  it.each([
    ['random bytes', () => randomBytes(8192)],
    ['a text file', () => Buffer.from('hello, this is not a database\n')],
    ['a SQLite header over random pages', () => Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(8176)])],
  ])('refuses %s with a UserError and leaves the file byte for byte as it was', (_name, bytes) => {
    const path = join(dir, 'corrupt.db');
    const before = bytes();
    writeFileSync(path, before);
    let thrown: unknown;
    try {
      openDatabase(path).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect((thrown as Error).message).toBe(
      `The database ${path} is not a readable SQLite file (corrupt or another kind of file); it was left untouched: move it aside or set DATABASE_PATH.`,
    );
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a database whose pages were overwritten after it was created, leaving it unchanged', () => {
    const path = join(dir, 'library.db');
    openDatabase(path).close();
    const good = readFileSync(path);
    const damaged = Buffer.concat([good.subarray(0, 100), randomBytes(good.length - 100)]);
    writeFileSync(path, damaged);
    expect(() => openDatabase(path)).toThrow(UserError);
    expect(readFileSync(path).equals(damaged)).toBe(true);
  });

  it('names the missing folder in a UserError', () => {
    const path = join(dir, 'nowhere', 'library.db');
    expect(() => openDatabase(path)).toThrow(new UserError(`The folder for the database (${join(dir, 'nowhere')}) does not exist; create it or set DATABASE_PATH.`));
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });
});
