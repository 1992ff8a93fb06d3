import MiniSearch from 'minisearch';
import { QuestionError } from '../errors.js';
import { editDistance } from '../language/spelling.js';
import { processTerm, tokenize } from '../language/terms.js';
import { foldText, quoteInput } from '../language/text.js';
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

/** What a typed source reference names: one source, several it could mean, or none (with the ids nearest a typo). */
export type SourceMatch = { id: string } | { ambiguous: string[] } | { nearest: string[] };

/** Characters of ids a sentence lists at most: error sentences stay one short line. */
const LISTED_CHARACTERS = 150;
/** Nearest ids suggested for a typo. */
const SUGGESTED_IDS = 3;

/**
 * The one reader of source references, for every command and for autocomplete. What a user typed
 * is read, in this order: the exact id (any case), a prefix of one id only ("berger"), words that
 * one source's id, title, author or publisher all contain ("Martin Berger"), and failing those,
 * the ids a few edits away ("kharakov-2041" → kharakov-2014), only ever suggested. Autocomplete
 * offers the same tiers in the same order, so what resolves is always its first choice.
 * In memory: answers without touching the database. A server's finder indexes its own sources and
 * asks the shared library's finder for the rest (its own first: an own source shadows a shared one
 * of the same id), so the shared sources are indexed once however many servers there are.
 */
export class SourceFinder {
  private readonly mini = new MiniSearch<SourceMeta>(SOURCE_SEARCH_OPTIONS);
  private readonly sources: SourceChoice[];
  private readonly byId = new Map<string, SourceChoice>();
  /** Each source's id, title, author and publisher, folded, for the words tier. */
  private readonly haystacks: string[];

  /**
   * @param sources every source (of its own), in the order to offer them when nothing is typed
   * @param shared the shared library's finder, whose sources come after these
   */
  constructor(sources: SourceMeta[], private readonly shared?: SourceFinder) {
    this.mini.addAll(sources);
    this.sources = sources.map(({ id, title }) => ({ id, title }));
    for (const s of this.sources) this.byId.set(s.id, s);
    this.haystacks = sources.map((s) => foldText(`${s.id} ${s.title} ${s.author ?? ''} ${s.publisher ?? ''}`));
  }

  /** Sources matching what was typed, best first, for autocomplete; the first sources of the library when nothing was typed. */
  find(typed: string, limit: number): SourceChoice[] {
    if (!typed.trim()) return this.distinct([...this.sources.slice(0, limit), ...(this.shared?.sources.slice(0, limit) ?? [])]).slice(0, limit);
    const tiers = this.tiers(typed.slice(0, 200));
    const ranked = [...tiers.exact, ...tiers.prefixed, ...tiers.worded, ...this.searched(typed.slice(0, 200)), ...this.nearest(typed, limit).map(({ s }) => s)];
    return this.distinct(ranked).slice(0, limit);
  }

  /** What a typed reference names: the first tier that holds anything decides. */
  match(typed: string): SourceMatch {
    const tiers = this.tiers(typed);
    for (const tier of [tiers.exact, tiers.prefixed, tiers.worded].map((t) => this.distinct(t))) {
      if (tier.length === 1) return { id: tier[0]!.id };
      if (tier.length > 1) return { ambiguous: tier.map((s) => s.id) };
    }
    return { nearest: this.distinct(this.nearest(typed, SUGGESTED_IDS).map(({ s }) => s)).map((s) => s.id) };
  }

  /** Every id of the library, in its order (its own, then the shared library's). */
  ids(): string[] {
    return [...new Set([...this.sources.map((s) => s.id), ...(this.shared?.ids() ?? [])])];
  }

  /** The first source of each id: an own source before a shared one of the same id. */
  private distinct(choices: SourceChoice[]): SourceChoice[] {
    const seen = new Set<string>();
    return choices.filter((s) => !seen.has(s.id) && seen.add(s.id));
  }

  private tiers(typed: string): Record<'exact' | 'prefixed' | 'worded', SourceChoice[]> {
    const key = typed.trim().toLowerCase();
    const exact = this.byId.get(key);
    const words = foldText(typed).split(' ').filter(Boolean);
    const own = {
      exact: exact ? [exact] : [],
      prefixed: key ? this.sources.filter((s) => s.id !== key && s.id.startsWith(key)) : [],
      worded: words.length > 0 ? this.sources.filter((_, i) => words.every((w) => this.haystacks[i]!.includes(w))) : [],
    };
    if (!this.shared) return own;
    const shared = this.shared.tiers(typed);
    return { exact: [...own.exact, ...shared.exact], prefixed: [...own.prefixed, ...shared.prefixed], worded: [...own.worded, ...shared.worded] };
  }

  /** MiniSearch's matches, own and shared, by score. */
  private searched(typed: string): SourceChoice[] {
    return this.scored(typed).sort((a, b) => b.score - a.score).map(({ s }) => s);
  }

  private scored(typed: string): { s: SourceChoice; score: number }[] {
    const own = this.mini.search(typed).map((r) => ({ s: this.byId.get(r.id as string)!, score: r.score }));
    return this.shared ? [...own, ...this.shared.scored(typed)] : own;
  }

  /** Ids within max(2, a third of its length) edits of what was typed, nearest first. */
  private nearest(typed: string, limit: number): { s: SourceChoice; d: number }[] {
    const key = typed.trim().toLowerCase();
    if (!key) return [];
    const max = Math.max(2, Math.floor(key.length / 3));
    const own = this.sources.map((s) => ({ s, d: editDistance(key, s.id, max) })).filter(({ d }) => d <= max);
    return [...own, ...(this.shared?.nearest(typed, limit) ?? [])]
      .sort((a, b) => a.d - b.d || a.s.id.localeCompare(b.s.id))
      .slice(0, limit);
  }
}

/**
 * The id of the source a user named, read by {@link SourceFinder.match}.
 * @throws QuestionError naming the sources it could mean, or the nearest ids to a typo
 */
export function resolveSource(finder: SourceFinder, typed: string): string {
  const match = finder.match(typed);
  if ('id' in match) return match.id;
  const miss = `There is no source ${quoteInput(typed)} in the library.`;
  if ('ambiguous' in match) throw new QuestionError(`${quoteInput(typed)} could be ${listIds(match.ambiguous)}: give one id.`);
  if (match.nearest.length > 0) throw new QuestionError(`${miss} Did you mean ${listIds(match.nearest, ' or ')}?`);
  const ids = finder.ids();
  throw new QuestionError(ids.length === 0 ? `${miss} The library is empty.` : `${miss} The library has ${listIds(ids)}.`);
}

/** "a, b, c" or "a, b and 12 more", within LISTED_CHARACTERS. */
function listIds(ids: string[], last = ', '): string {
  const shown: string[] = [];
  for (const id of ids) {
    if (shown.join(', ').length + id.length > LISTED_CHARACTERS) break;
    shown.push(id);
  }
  if (shown.length === ids.length) return shown.length > 1 ? `${shown.slice(0, -1).join(', ')}${last}${shown.at(-1)}` : shown.join('');
  return `${shown.join(', ')} and ${ids.length - shown.length} more`;
}
