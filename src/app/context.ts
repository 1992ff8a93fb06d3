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
import { loadSynonyms } from './synonyms.js';

/** Everything a command needs, built once by {@link createContext}; no module keeps its own. */
export interface AppContext {
  config: Config;
  db: Db;
  sources: SourceStore;
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
  /** The sources and their paragraphs as /source sees them. */
  sourceDeps: SourceDeps;
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
    const search = new ParagraphSearch(searchStore);
    const synonyms = loadSynonyms(config.synonymsPath);
    const thesaurus = new WordNet();
    let finder: { finder: SourceFinder; version: number } | undefined;
    // Source metadata is read for every passage shown; it changes only when the library does.
    const metaCache = { version: -1, sources: new Map<string, SourceMeta | undefined>() };
    const getSource = (id: string) => {
      if (metaCache.version !== search.version) metaCache.sources.clear();
      metaCache.version = search.version;
      if (!metaCache.sources.has(id)) metaCache.sources.set(id, toMeta(sources.getSource(id)));
      return metaCache.sources.get(id);
    };
    const ctx: AppContext = {
      config, db, sources, events, searchStore, search, synonyms, log,
      sourceFinder: () => {
        if (finder?.version !== search.version) finder = { finder: new SourceFinder(sources.listSources()), version: search.version };
        return finder.finder;
      },
      askDeps: {
        retrieval: search,
        synonyms,
        thesaurus,
        getParagraphs: (ids) => sources.getParagraphsById(ids),
        getSource,
      },
      timelineDeps: { retrieval: search, synonyms, listEvents: (limit) => (events.hasMoreThan(limit) ? undefined : events.listEvents()),
        listEventsOf: (ids) => events.listEventsOf(ids), listEventsOfSource: (id) => events.listEventsOfSource(id),
        listEventsInYears: (years, limit) => events.listEventsInYears(years, limit), getSource },
      sourceDeps: {
        listSources: () => sources.listSources().map(toSource),
        getSource: (id) => {
          const stored = sources.getSource(id);
          return stored && toSource(stored);
        },
        getParagraphsOf: (id) => sources.getParagraphsOf(id),
        paragraphs: () => sources.indexable(),
        sourceFinder: () => ctx.sourceFinder(),
      },
      close: () => {
        thesaurus.close();
        db.close();
      },
    };
    return ctx;
  } catch (error) {
    db.close();
    throw describeDatabaseError(error, config.databasePath);
  }
}

/** A stored source as the core sees it: without where it came from. */
function toSource({ file: _f, contentHash: _h, fileSize: _s, fileMtime: _m, ...source }: StoredSource): Source {
  return source;
}
