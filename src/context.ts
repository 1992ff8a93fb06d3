import type { AskDeps } from './core/ask.js';
import type { SynonymTable } from './core/query.js';
import { SearchIndex } from './core/search.js';
import type { SourceMeta } from './core/types.js';
import type { Config } from './config.js';
import { ingestPaths } from './ingest.js';
import { createLogger, type Logger } from './log.js';
import { describeDatabaseError, openDatabase, type Db } from './store/db.js';
import { Library, type StoredSource } from './store/library.js';
import { loadSynonyms } from './synonyms.js';

/** Everything a command needs, built once by {@link createContext}; no module keeps its own. */
export interface AppContext {
  config: Config;
  db: Db;
  library: Library;
  index: SearchIndex;
  synonyms: SynonymTable;
  log: Logger;
  /** The library and index as the core's question answering sees them. */
  askDeps: AskDeps;
  close(): void;
}

export interface ContextOptions {
  log?: Logger;
  readonly?: boolean;
}

/**
 * Opens the database, ingests the shipped articles on first start (an empty library),
 * and builds the search index from SQLite.
 */
export function createContext(config: Config, options: ContextOptions = {}): AppContext {
  const log = options.log ?? createLogger({ debug: config.debug });
  const db = openDatabase(config.databasePath, { readonly: options.readonly });
  try {
    const library = new Library(db);
    const index = new SearchIndex();
    const synonyms = loadSynonyms(config.synonymsPath);
    const ctx: AppContext = {
      config, db, library, index, synonyms, log,
      askDeps: {
        index,
        synonyms,
        getParagraphs: (ids) => library.getParagraphsById(ids),
        getSource: (id) => toMeta(library.getSource(id)),
      },
      close: () => db.close(),
    };
    if (!options.readonly && library.countSources() === 0) {
      const report = ingestPaths(ctx, [config.articlesDir]);
      log.info(`First start: ingested ${report.added.length} articles (${report.paragraphs} paragraphs) from ${config.articlesDir}.`);
    } else {
      index.add(library.indexDocs());
    }
    return ctx;
  } catch (error) {
    db.close();
    // Corruption can show only when the paragraphs are read to build the index.
    throw describeDatabaseError(error, config.databasePath);
  }
}

/** The citation fields of a stored source, without its bookkeeping. */
export function toMeta(source: StoredSource | undefined): SourceMeta | undefined {
  if (!source) return undefined;
  const { id, title, author, publisher, date, dateNote, url } = source;
  return Object.fromEntries(Object.entries({ id, title, author, publisher, date, dateNote, url }).filter(([, v]) => v !== undefined)) as unknown as SourceMeta;
}
