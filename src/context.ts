import type { AskDeps } from './core/ask.js';
import type { TimelineDeps } from './core/timeline-query.js';
import type { SynonymTable } from './core/query.js';
import { extractTerms } from './core/terms.js';
import { SourceFinder } from './core/source-finder.js';
import type { SourceMeta } from './core/types.js';
import type { Config } from './config.js';
import { backfillEvents, ingestPaths } from './ingest.js';
import { createLogger, type Logger } from './log.js';
import { ParagraphSearch } from './search.js';
import { describeDatabaseError, openDatabase, type Db } from './store/db.js';
import { EventStore } from './store/events.js';
import { Library, type StoredSource } from './store/library.js';
import { SearchStore } from './store/search-store.js';
import { loadSynonyms } from './synonyms.js';

/** Everything a command needs, built once by {@link createContext}; no module keeps its own. */
export interface AppContext {
  config: Config;
  db: Db;
  library: Library;
  events: EventStore;
  searchStore: SearchStore;
  search: ParagraphSearch;
  synonyms: SynonymTable;
  log: Logger;
  /** The sources' autocomplete index, built on first use and again after the library changes. */
  sourceFinder(): SourceFinder;
  /** The library and its search as the core's question answering sees them. */
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
 * Opens the database, ingests the shipped articles on first start (an empty library), and after an
 * upgrade, once: rebuilds the full-text index if the library predates it and extracts the events of
 * sources that have none from the current rules. Nothing is re-indexed otherwise.
 */
export function createContext(config: Config, options: ContextOptions = {}): AppContext {
  const log = options.log ?? createLogger({ debug: config.debug });
  const db = openDatabase(config.databasePath, { readonly: options.readonly });
  try {
    const library = new Library(db);
    const events = new EventStore(db);
    const searchStore = new SearchStore(db);
    if (!options.readonly && searchStore.needsRebuild()) rebuildSearchIndex(library, searchStore, log);
    const search = new ParagraphSearch(searchStore);
    const synonyms = loadSynonyms(config.synonymsPath);
    let finder: { finder: SourceFinder; version: number } | undefined;
    // Source metadata is read for every passage shown; it changes only when the library does.
    const metaCache = { version: -1, sources: new Map<string, SourceMeta | undefined>() };
    const getSource = (id: string) => {
      if (metaCache.version !== search.version) metaCache.sources.clear();
      metaCache.version = search.version;
      if (!metaCache.sources.has(id)) metaCache.sources.set(id, toMeta(library.getSource(id)));
      return metaCache.sources.get(id);
    };
    const ctx: AppContext = {
      config, db, library, events, searchStore, search, synonyms, log,
      sourceFinder: () => {
        if (finder?.version !== search.version) finder = { finder: new SourceFinder(library.listSources()), version: search.version };
        return finder.finder;
      },
      askDeps: {
        retrieval: search,
        synonyms,
        getParagraphs: (ids) => library.getParagraphsById(ids),
        getSource,
      },
      timelineDeps: { retrieval: search, synonyms, listEvents: (limit) => (events.hasMoreThan(limit) ? undefined : events.listEvents()),
        listEventsOf: (ids) => events.listEventsOf(ids), listEventsOfSource: (id) => events.listEventsOfSource(id),
        listEventsInYears: (years, limit) => events.listEventsInYears(years, limit), getSource },
      close: () => db.close(),
    };
    if (!options.readonly && library.countSources() === 0) {
      const report = ingestPaths(ctx, [config.articlesDir]);
      log.info(`First start: ingested ${report.added.length} articles (${report.paragraphs} paragraphs) from ${config.articlesDir}.`);
    } else if (!options.readonly) {
      const extracted = backfillEvents(ctx);
      if (extracted.length > 0) log.info(`Extracted the dated events of ${extracted.length} sources (${events.countEvents()} events).`);
    }
    return ctx;
  } catch (error) {
    db.close();
    // Corruption can show only when the library is first read (counts, a rebuild, the first ingest).
    throw describeDatabaseError(error, config.databasePath);
  }
}

/** Indexes every paragraph's terms in one transaction (a library created before the index existed). */
function rebuildSearchIndex(library: Library, store: SearchStore, log: Logger): void {
  log.info('Building the full-text index of the library (once, after an upgrade)...');
  const titleTerms = new Map<string, string>();
  library.db.transaction(() => {
    store.clear();
    for (const p of library.indexable()) {
      if (!titleTerms.has(p.title)) titleTerms.set(p.title, extractTerms(p.title).join(' '));
      store.insert(p.id, p.sourceId, extractTerms(p.body).join(' '), titleTerms.get(p.title)!);
    }
    store.refreshStats();
  })();
}

/** The citation fields of a stored source, without its bookkeeping. */
export function toMeta(source: StoredSource | undefined): SourceMeta | undefined {
  if (!source) return undefined;
  const { id, title, author, publisher, date, dateNote, url } = source;
  return Object.fromEntries(Object.entries({ id, title, author, publisher, date, dateNote, url }).filter(([, v]) => v !== undefined)) as unknown as SourceMeta;
}
