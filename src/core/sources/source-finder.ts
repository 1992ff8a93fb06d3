import MiniSearch from 'minisearch';
import { processTerm, tokenize } from '../language/terms.js';
import { foldText } from '../language/text.js';
import type { SourceMeta } from '../types.js';

/**
 * MiniSearch options for finding sources by what a user types: id, title, author, publisher, with
 * prefix matching (the user is mid-word) and fuzzy matching (names are hard to spell).
 */
export const SOURCE_SEARCH_OPTIONS = {
  idField: 'id',
  fields: ['id', 'title', 'author', 'publisher'],
  storeFields: ['id', 'title'],
  tokenize,
  // Words are folded but not stemmed: "Berg" must prefix-match "Berger".
  processTerm: (term: string) => (processTerm(term) === null ? null : foldText(term).replace(/'/g, '')),
  searchOptions: { prefix: true, fuzzy: (term: string) => (term.length >= 4 ? 0.25 : false), boost: { id: 2, title: 1.5, author: 2 }, combineWith: 'AND' as const },
};

/** A source as autocomplete shows it. */
export interface SourceChoice {
  id: string;
  title: string;
}

/**
 * An in-memory index of the library's sources, for autocomplete: answers without touching the
 * database. A server's finder indexes its own sources and asks the shared library's finder for the
 * rest, so the shared sources are indexed once however many servers there are.
 */
export class SourceFinder {
  private readonly mini = new MiniSearch<SourceMeta>(SOURCE_SEARCH_OPTIONS);
  private readonly first: SourceChoice[];

  /**
   * @param sources every source (of its own), in the order to offer them when nothing is typed
   * @param shared the shared library's finder, whose sources come after these when nothing is typed
   */
  constructor(sources: SourceMeta[], shownFirst = 25, private readonly shared?: SourceFinder) {
    this.mini.addAll(sources);
    this.first = sources.slice(0, shownFirst).map(({ id, title }) => ({ id, title }));
  }

  /** Sources matching what was typed, best first; the first sources of the library when nothing was typed. */
  find(typed: string, limit: number): SourceChoice[] {
    if (!typed.trim()) return [...this.first, ...(this.shared?.first ?? [])].slice(0, limit);
    return [...this.matches(typed), ...(this.shared?.matches(typed) ?? [])].sort((a, b) => b.score - a.score).slice(0, limit).map(({ id, title }) => ({ id, title }));
  }

  private matches(typed: string): (SourceChoice & { score: number })[] {
    return this.mini.search(typed.slice(0, 200)).map((r) => ({ id: r.id as string, title: r.title as string, score: r.score }));
  }
}
