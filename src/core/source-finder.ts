import MiniSearch from 'minisearch';
import { processTerm, tokenize } from './terms.js';
import { foldText } from './text.js';
import type { SourceMeta } from './types.js';

/**
 * MiniSearch options for finding sources by what a user types: id, title, author, publisher, with
 * prefix matching (the user is mid-word) and fuzzy matching (names are hard to spell).
 */
export const SOURCE_SEARCH_OPTIONS = {
  idField: 'id',
  fields: ['id', 'title', 'author', 'publisher'],
  storeFields: ['id'],
  tokenize,
  // Words are folded but not stemmed: "Berg" must prefix-match "Berger".
  processTerm: (term: string) => (processTerm(term) === null ? null : foldText(term).replace(/'/g, '')),
  searchOptions: { prefix: true, fuzzy: (term: string) => (term.length >= 4 ? 0.25 : false), boost: { id: 2, title: 1.5, author: 2 }, combineWith: 'AND' as const },
};

/** An in-memory index of the library's sources, for autocomplete. */
export class SourceFinder {
  private readonly mini = new MiniSearch<SourceMeta>(SOURCE_SEARCH_OPTIONS);

  constructor(sources: SourceMeta[]) {
    this.mini.addAll(sources);
  }

  /** Source ids matching what was typed, best first; all sources (in library order) when nothing was typed. */
  find(typed: string, limit: number, all: () => string[]): string[] {
    if (!typed.trim()) return all().slice(0, limit);
    return this.mini.search(typed.slice(0, 200)).slice(0, limit).map((r) => r.id as string);
  }
}
