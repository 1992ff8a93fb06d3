import type { AskDeps } from './core/ask.js';
import type { TimelineDeps } from './core/timeline-query.js';
import type { SynonymTable } from './core/query.js';
import { SearchIndex } from './core/search.js';
import type { SourceMeta } from './core/types.js';
import type { Config } from './config.js';
import { backfillEvents, ingestPaths } from './ingest.js';
import { createLogger, type Logger } from './log.js';
import { openDatabase, type Db } from './store/db.js';
import { EventStore } from './store/events.js';
import { Library, type StoredSource } from './store/library.js';
import { loadSynonyms } from './synonyms.js';

/** Everything a command needs, built once by {@link createContext}; no module keeps its own. */
export interface AppContext {
  config: Config;
  db: Db;
  library: Library;
  events: EventStore;
  index: SearchIndex;
  synonyms: SynonymTable;
  log: Logger;
  /** The library and index as the core's question answering sees them. */
  askDeps: AskDeps;
  /** The stored events, index and sources as the core's timeline sees them. */
  timelineDeps: TimelineDeps;
  close(): void;
}

export interface ContextOptions {
  log?: Logger;
  readonly?: boolean;
}

/**
 * Opens the database, ingests the shipped articles on first start (an empty library), extracts the
 * events of sources that have none from the current rules (once, after an upgrade), and builds the
 * search index from SQLite.
 */
export function createContext(config: Config, options: ContextOptions = {}): AppContext {
  const log = options.log ?? createLogger({ debug: config.debug });
  const db = openDatabase(config.databasePath, { readonly: options.readonly });
  try {
    const library = new Library(db);
    const events = new EventStore(db);
    const index = new SearchIndex();
    const synonyms = loadSynonyms(config.synonymsPath);
    const getSource = (id: string) => toMeta(library.getSource(id));
    const ctx: AppContext = {
      config, db, library, events, index, synonyms, log,
      askDeps: {
        index,
        synonyms,
        getParagraphs: (ids) => library.getParagraphsById(ids),
        getSource,
      },
      timelineDeps: { index, synonyms, listEvents: () => events.listEvents(), getSource },
      close: () => db.close(),
    };
    if (!options.readonly && library.countSources() === 0) {
      const report = ingestPaths(ctx, [config.articlesDir]);
      log.info(`First start: ingested ${report.added.length} articles (${report.paragraphs} paragraphs) from ${config.articlesDir}.`);
    } else {
      if (!options.readonly) {
        const extracted = backfillEvents(ctx);
        if (extracted.length > 0) log.info(`Extracted the dated events of ${extracted.length} sources (${events.countEvents()} events).`);
      }
      index.add(library.indexDocs());
    }
    return ctx;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The citation fields of a stored source, without its bookkeeping. */
export function toMeta(source: StoredSource | undefined): SourceMeta | undefined {
  if (!source) return undefined;
  const { id, title, author, publisher, date, dateNote, url } = source;
  return Object.fromEntries(Object.entries({ id, title, author, publisher, date, dateNote, url }).filter(([, v]) => v !== undefined)) as unknown as SourceMeta;
}
