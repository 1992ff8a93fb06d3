import { foldText, quoteInput } from '../core/language/text.js';
import { QuestionError } from '../core/search/ask.js';
import { explainMiss, readCitation } from '../core/sources/citation-lookup.js';
import { editDistance } from '../core/language/spelling.js';
import { buildExcerpt, type Excerpt } from '../core/excerpt.js';
import { findKeyTerms, type KeyTerm } from '../core/language/key-terms.js';
import { formatReference, isReferenceStyle, REFERENCE_STYLES, type Reference } from '../core/sources/reference.js';
import { learnProperNouns } from '../core/sources/title-case.js';
import type { Source, SourceMeta } from '../core/types.js';
import { toMeta, type AppContext } from '../app/context.js';
import type { StoredSource } from '../store/library.js';
import { suggestSources } from './suggest.js';

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
export function listSources(ctx: AppContext, page = 1, pageSize = LIST_PAGE_SIZE): SourceList {
  const all = ctx.library.listSources().map(({ warnings: _w, dropped: _d, file: _f, contentHash: _h, ...summary }) => summary);
  const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
  const at = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return { kind: 'list', sources: all.slice((at - 1) * pageSize, at * pageSize), page: at, pageCount, total: all.length };
}

/**
 * The source an id names: the id itself in any case, or, when the text is not an id, the one
 * source whose title, author or publisher contains all its words.
 * @throws QuestionError naming the closest ids when there is no such source
 */
export function findSource(ctx: AppContext, typed: string): Source {
  const id = typed.trim().toLowerCase();
  const exact = ctx.library.getSource(id);
  if (exact) return stripStorage(exact);
  // Autocomplete forgives typos; naming a source outright must not: only a match containing every typed word counts.
  const words = foldText(typed).split(' ').filter(Boolean);
  const matches = suggestSources(ctx, typed).filter((m) => {
    const s = ctx.library.getSource(m.value)!;
    const haystack = foldText(`${s.id} ${s.title} ${s.author ?? ''} ${s.publisher ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
  if (matches.length === 1) return stripStorage(ctx.library.getSource(matches[0]!.value)!);
  const ids = ctx.library.listSources().map((s) => s.id);
  const near = ids.map((other) => ({ other, d: editDistance(id, other) })).filter(({ d }) => d <= Math.max(2, id.length / 3)).sort((a, b) => a.d - b.d);
  const hint = near.length > 0 ? ` Did you mean ${near.slice(0, 3).map((n) => n.other).join(', ')}?` : matches.length > 1 ? ` It matches ${matches.slice(0, 5).map((m) => m.value).join(', ')}: give one id.` : ` The library has ${ids.join(', ')}.`;
  throw new QuestionError(`There is no source ${quoteInput(typed)} in the library.${hint}`);
}

/** One source with its key terms. */
export function describeSource(ctx: AppContext, typed: string): SourceDetails {
  const source = findSource(ctx, typed);
  const docs = [...ctx.library.indexable()];
  const names = learnProperNouns(docs.map((d) => d.body));
  return { kind: 'source', source, keyTerms: findKeyTerms(docs, source.id, names) };
}

/**
 * The paragraph a citation names, with its neighbours.
 * @throws QuestionError with the closest valid citations when it names none
 */
export function openCitation(ctx: AppContext, citation: string): Excerpt {
  const sources = ctx.library.listSources();
  const ids = sources.map((s) => s.id);
  const ref = readCitation(citation, ids);
  const source = ref && toMeta(ctx.library.getSource(ref.sourceId));
  const excerpt = ref && source && buildExcerpt(source, ctx.library.getParagraphsOf(source.id), ref.paragraph);
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
export function referenceFor(ctx: AppContext, typed: string, style: string): { kind: 'reference'; reference: Reference; source: SourceMeta } {
  const wanted = style.trim().toLowerCase();
  if (!isReferenceStyle(wanted)) throw new QuestionError(`There is no reference style ${quoteInput(style, 30)}: choose ${REFERENCE_STYLES.join(', ')}.`);
  const source = toMeta(ctx.library.getSource(findSource(ctx, typed).id))!;
  const names = learnProperNouns([...ctx.library.indexable()].map((d) => d.body));
  return { kind: 'reference', reference: formatReference(source, wanted, names), source };
}

function stripStorage({ file: _f, contentHash: _h, ...source }: StoredSource): Source {
  return source;
}
