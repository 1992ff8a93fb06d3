import { toMeta } from '../citation.js';
import { QuestionError } from '../errors.js';
import { buildExcerpt, type Excerpt } from '../excerpt.js';
import { findKeyTerms, type KeyTerm, type TermDoc } from '../language/key-terms.js';
import { quoteInput } from '../language/text.js';
import type { Source, SourceMeta, StoredParagraph } from '../types.js';
import { explainMiss, readCitation } from './citation-lookup.js';
import { formatReference, isReferenceStyle, REFERENCE_STYLES, type Reference, type ReferenceStyle } from './reference.js';
import { resolveSource, type SourceFinder } from './source-finder.js';
import { learnProperNouns } from './title-case.js';

/** What /source reads of the library: the narrow view the core needs, not the store. */
export interface SourceDeps {
  listSources(): Source[];
  getSource(id: string): Source | undefined;
  getParagraphsOf(id: string): StoredParagraph[];
  /** Every paragraph with text of its own, or every `step`-th of them (for key terms and proper nouns). */
  paragraphs(step?: number): Iterable<TermDoc>;
  /** How many paragraphs the library has. */
  paragraphCount(): number;
  /** The library's sources by what a user types (the one resolver, and autocomplete's ranking). */
  sourceFinder(): SourceFinder;
}

/**
 * Paragraphs of the rest of the library read for statistics (key terms' rarity, which words are
 * names) at most: reading all of a 100k-paragraph library took 8 s a /source card and 3.5 s a
 * reference; a sample of this size estimates the same frequencies.
 */
export const STATISTICS_SAMPLE = 2000;

/** Sources per page of the library list in Discord and at the local prompt. */
export const LIST_PAGE_SIZE = 10;

/** A source as the library list shows it. */
export type SourceSummary = Omit<Source, 'warnings' | 'dropped'>;

/** One page of the library list. */
export interface SourceList {
  kind: 'list';
  sources: SourceSummary[];
  /** 1-based. */
  page: number;
  pageCount: number;
  total: number;
}

/** One source in full: metadata, what ingestion did, what sets it apart. */
export interface SourceDetails {
  kind: 'source';
  source: Source;
  keyTerms: KeyTerm[];
}

/** Every reply `/source` gives. */
export type SourceReply = SourceList | SourceDetails | { kind: 'excerpt'; excerpt: Excerpt } | { kind: 'reference'; reference: Reference; source: SourceMeta };

/** Page `page` (1-based, clamped) of the library, `pageSize` sources to a page. */
export function listSources(deps: SourceDeps, page = 1, pageSize = LIST_PAGE_SIZE): SourceList {
  const all = deps.listSources().map(({ warnings: _w, dropped: _d, ...summary }) => summary);
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const at = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return { kind: 'list', sources: all.slice((at - 1) * pageSize, at * pageSize), page: at, pageCount, total: all.length };
}

/**
 * The source a user named, read by the one resolver of source references ({@link resolveSource}).
 * @throws QuestionError naming the sources it could mean, or the nearest ids to a typo
 */
export function findSource(deps: SourceDeps, typed: string): Source {
  return deps.getSource(resolveSource(deps.sourceFinder(), typed))!;
}

/** One source with its key terms. */
export function describeSource(deps: SourceDeps, typed: string): SourceDetails {
  const source = findSource(deps, typed);
  const docs = statisticsDocs(deps, [source.id]);
  const names = learnProperNouns(docs.map((d) => d.body));
  return { kind: 'source', source, keyTerms: findKeyTerms(docs, source.id, names) };
}

/**
 * The library's paragraphs as statistics read them: all of them in a library of up to
 * STATISTICS_SAMPLE, else every paragraph of the sources in question and an even sample of the
 * rest (every n-th by id), each standing for the n paragraphs it was drawn from.
 */
function statisticsDocs(deps: SourceDeps, ids: string[]): TermDoc[] {
  const step = Math.ceil(deps.paragraphCount() / STATISTICS_SAMPLE);
  if (step <= 1) return [...deps.paragraphs()];
  const focus = new Set(ids);
  const own = ids.flatMap((id) => deps.getParagraphsOf(id).filter((p) => p.body !== '').map((p) => ({ sourceId: id, body: p.body })));
  const rest = [...deps.paragraphs(step)].filter((d) => !focus.has(d.sourceId)).map((d) => ({ ...d, weight: step }));
  return [...own, ...rest];
}

/**
 * The paragraph a citation names, with its neighbours.
 * @throws QuestionError with the closest valid citations when it names none
 */
export function openCitation(deps: SourceDeps, citation: string): Excerpt {
  const sources = deps.listSources();
  const ids = sources.map((s) => s.id);
  const ref = readCitation(citation, ids);
  const source = ref && toMeta(deps.getSource(ref.sourceId));
  const excerpt = ref && source && buildExcerpt(source, deps.getParagraphsOf(source.id), ref.paragraph);
  if (excerpt) return excerpt;
  const count = (id: string) => sources.find((s) => s.id === id)?.paragraphCount ?? 0;
  const shown = citation.trim();
  if (!ref && ids.includes(shown.toLowerCase())) {
    throw new QuestionError(`${quoteInput(shown)} is a source, not a paragraph: add the paragraph number, e.g. [${shown.toLowerCase()} ¶1].`);
  }
  const miss = explainMiss(ref, { ids, paragraphCount: count });
  const reason = !ref
    ? `${quoteInput(shown)} is not a citation: write it as the bot prints it, e.g. [gvs-2018 ¶4]`
    : miss.reason === 'no such paragraph'
      ? `${ref.sourceId} has no paragraph ${ref.paragraph}: its paragraphs are ¶1 to ¶${count(ref.sourceId)}`
      : `There is no source ${quoteInput(ref.sourceId)} in the library`;
  const closest = miss.closest.length > 0 ? ` Closest: ${miss.closest.join(', ')}.` : ` The library has ${ids.join(', ')}.`;
  throw new QuestionError(`${reason}.${closest}`);
}

/** A source's reference in one style. */
export function referenceFor(deps: SourceDeps, typed: string, style: string): { kind: 'reference'; reference: Reference; source: SourceMeta } {
  const wanted = readStyle(style);
  const source = toMeta(findSource(deps, typed))!;
  return { kind: 'reference', reference: formatReference(source, wanted, properNouns(deps, [source.id])), source };
}

/** A reference list: the given sources' references in one style, in alphabetical order as a list is written. */
export function referencesFor(deps: SourceDeps, ids: string[], style: string): { style: ReferenceStyle; references: Reference[] } {
  const wanted = readStyle(style);
  const names = properNouns(deps, ids);
  const references = ids.flatMap((id) => toMeta(deps.getSource(id)) ?? []).map((source) => formatReference(source, wanted, names));
  return { style: wanted, references: references.sort((a, b) => a.text.localeCompare(b.text, 'en')) };
}

function readStyle(style: string): ReferenceStyle {
  const wanted = style.trim().toLowerCase();
  if (!isReferenceStyle(wanted)) throw new QuestionError(`There is no reference style ${quoteInput(style, 30)}: choose ${REFERENCE_STYLES.join(', ')}.`);
  return wanted;
}

/** Names as the library (the sources in question first of all) writes them, for APA's sentence case. */
function properNouns(deps: SourceDeps, ids: string[]) {
  return learnProperNouns(statisticsDocs(deps, ids).map((d) => d.body));
}
