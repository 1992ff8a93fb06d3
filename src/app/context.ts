import type { AskDeps } from '../core/search/ask.js';
import type { TimelineDeps } from '../core/timeline/timeline-query.js';
import type { SynonymTable } from '../core/search/query.js';
import { SourceFinder } from '../core/sources/source-finder.js';
import { toMeta } from '../core/citation.js';
import type { SourceDeps } from '../core/sources/source-views.js';
import type { Source, SourceMeta } from '../core/types.js';
import type { Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { ParagraphSearch } from '../store/paragraph-search.js';
import { describeDatabaseError, openDatabase, type Db } from '../store/db.js';
import { EventStore } from '../store/events.js';
import { SourceStore, type StoredSource } from '../store/sources.js';
import { SearchStore } from '../store/search-store.js';
import { WordNet } from '../store/wordnet.js';
import { BASE_LIBRARY, isLibraryName } from '../store/library-keys.js';
import { loadSynonyms } from './synonyms.js';

/** Server libraries whose views a process keeps at once; past it they are built again on use. */
const MAX_VIEWS = 1000;

/**
 * Everything a command needs, built once by {@link createContext}; no module keeps its own. It sees
 * one library: the base library, or, from {@link AppContext.forLibrary}, a server's (the base
 * library and that server's own additions, nothing of another server's).
 */
export interface AppContext {
  config: Config;
  db: Db;
  sources: SourceStore;
  events: EventStore;
  searchStore: SearchStore;
  /** The library this context sees and writes to: the base (`''`), or a server's (its guild id). */
  library: string;
  search: ParagraphSearch;
  synonyms: SynonymTable;
  log: Logger;
  /** The sources' autocomplete index, built on first use and again after the library changes. */
  sourceFinder(): SourceFinder;
  /** The library and its search as the core's question answering sees them. */
  askDeps: AskDeps;
  /** The stored events, index and sources as the core's timeline sees them. */
  timelineDeps: TimelineDeps;
  /** The sources and their paragraphs as /source sees them. */
  sourceDeps: SourceDeps;
  /**
   * The same context seen from a library: `''` the base library, a guild id that server's. First
   * drops every cache when another process (the CLI, another shard, an ingest) changed the database.
   * @throws Error when the name is neither `''` nor a guild id
   */
  forLibrary(library: string): AppContext;
  close(): void;
}

export interface ContextOptions {
  log?: Logger;
  readonly?: boolean;
}

/**
 * Opens the database (applying its migrations) and builds the stores, the search and the core's
 * views of them. It reads nothing else and writes nothing: the start-up work (an index to rebuild,
 * events to extract, the articles folder to read) is {@link prepareLibrary}'s.
 */
export function createContext(config: Config, options: ContextOptions = {}): AppContext {
  const log = options.log ?? createLogger({ debug: config.debug });
  const db = openDatabase(config.databasePath, { readonly: options.readonly });
  try {
    const sources = new SourceStore(db);
    const events = new EventStore(db);
    const searchStore = new SearchStore(db);
    const baseSearch = new ParagraphSearch(searchStore);
    const synonyms = loadSynonyms(config.synonymsPath);
    const views = new Map<string, AppContext>();
    // Another connection's commit changes data_version (this connection's own do not: ingest invalidates).
    const dataVersion = () => db.pragma('data_version', { simple: true }) as number;
    let seenVersion = dataVersion();
    const thesaurus = new WordNet();
    const shared = { config, db, sources, events, searchStore, synonyms, thesaurus, log };
    const close = () => {
      thesaurus.close();
      db.close();
    };
    const forLibrary = (library: string): AppContext => {
      if (!isLibraryName(library)) throw new Error(`context: ${JSON.stringify(library)} is not a library (a guild id, or '' for the base)`);
      const version = dataVersion();
      if (version !== seenVersion) {
        seenVersion = version;
        baseSearch.invalidate();
      }
      let view = views.get(library);
      if (!view) {
        if (views.size >= MAX_VIEWS) for (const name of views.keys()) if (name !== BASE_LIBRARY) views.delete(name);
        view = buildView(shared, library, library === BASE_LIBRARY ? baseSearch : new ParagraphSearch(searchStore, library, baseSearch), forLibrary, close);
        views.set(library, view);
      }
      return view;
    };
    return forLibrary(BASE_LIBRARY);
  } catch (error) {
    db.close();
    throw describeDatabaseError(error, config.databasePath);
  }
}

/** What every view of one database shares. */
type Shared = Pick<AppContext, 'config' | 'db' | 'sources' | 'events' | 'searchStore' | 'synonyms' | 'log'> & { thesaurus: WordNet };

/** The context of one library: the core's views (ask, timeline, /source) over what that library sees. */
function buildView(shared: Shared, library: string, search: ParagraphSearch, forLibrary: (library: string) => AppContext, close: () => void): AppContext {
  const { sources, events, thesaurus, ...common } = shared;
  let finder: { finder: SourceFinder; version: number } | undefined;
  // Source metadata is read for every passage shown; it changes only when the library does.
  const metaCache = { version: -1, sources: new Map<string, SourceMeta | undefined>() };
  const getSource = (id: string) => {
    if (metaCache.version !== search.version) metaCache.sources.clear();
    metaCache.version = search.version;
    if (!metaCache.sources.has(id)) metaCache.sources.set(id, toMeta(sources.findVisible(id, library)));
    return metaCache.sources.get(id);
  };
  // The library a source this view sees is in: its own, or the base.
  const libraryOf = (id: string) => sources.findVisible(id, library)?.library;
  const ctx: AppContext = {
    ...common, sources, events, library, search, forLibrary, close,
    sourceFinder: () => {
      if (finder?.version !== search.version) {
        // A server's finder indexes its own sources only and asks the shared one for the rest.
        const built = library === BASE_LIBRARY ? new SourceFinder(sources.listSources()) :
          new SourceFinder(sources.listOwnSources(library), forLibrary(BASE_LIBRARY).sourceFinder());
        finder = { finder: built, version: search.version };
      }
      return finder.finder;
    },
    askDeps: {
      retrieval: search,
      synonyms: shared.synonyms,
      thesaurus,
      getParagraphs: (ids) => sources.getParagraphsById(ids),
      getSource,
    },
    timelineDeps: {
      retrieval: search,
      synonyms: shared.synonyms,
      thesaurus,
      listEvents: (limit) => (events.hasMoreThan(limit, library) ? undefined : events.listEvents(library)),
      listEventsOf: (ids) => events.listEventsOf(ids, library),
      listEventsOfSource: (id) => {
        const found = libraryOf(id);
        return found === undefined ? [] : events.listEventsOfSource(id, found);
      },
      listEventsInYears: (years, limit) => events.listEventsInYears(years, limit, library),
      getSource,
    },
    sourceDeps: {
      listSources: () => sources.listSources(library).map(toSource),
      getSource: (id) => {
        const stored = sources.findVisible(id, library);
        return stored && toSource(stored);
      },
      getParagraphsOf: (id) => {
        const found = libraryOf(id);
        return found === undefined ? [] : sources.getParagraphsOf(id, found);
      },
      paragraphs: (step = 1) => (step > 1 ? sources.sampleParagraphs(library, step) : sources.indexable(library)),
      paragraphCount: () => sources.sizeOf(library).paragraphs,
      sourceFinder: () => ctx.sourceFinder(),
    },
  };
  return ctx;
}

/** A stored source as the core sees it: without where it came from. */
function toSource({ file: _f, contentHash: _h, fileSize: _s, fileMtime: _m, library: _l, ...source }: StoredSource): Source {
  return source;
}
