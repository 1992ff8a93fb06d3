import { editDistance } from '../language/spelling.js';
import { SOURCE_ID } from '../article/article.js';
import { formatCitation } from '../citation.js';

/** A citation read from what a person typed: the source id and the paragraph number. */
export interface CitationRef {
  sourceId: string;
  paragraph: number;
}

/** What the library holds, to resolve a citation against: each source id with its paragraph count. */
export interface CitationTargets {
  ids: readonly string[];
  paragraphCount(id: string): number;
}

/** Longest text read as a citation; anything longer is not one. */
const MAX_CITATION_LENGTH = 200;
const OPENERS = /^[\s[(“"'‘{<]+/;
const CLOSERS = /[\s\])”"'’}>.,;]+$/;
/** A separator or paragraph word people put between the id and the number (spaces are trimmed apart). */
const SEPARATOR = /(?:[,:;#§¶.]|(?<![a-z])(?:paragraphs?|paras?|par|pp|p|no|nr|n°))$/i;
/** The page a citation of a PDF paragraph adds after its number (`[id ¶12, p. 3]`): it names no other paragraph. */
const PAGE_AFTER_PARAGRAPH = /(¶\s*\d{1,6})\s*,?\s*(?:pp?|pg|page)\.?\s*\d{1,6}$/i;

/**
 * Reads a citation the way the bot prints it (`[gvs-2018 ¶4]`, `[smith-2020 ¶12, p. 3]`: the page is
 * read past) or a person types it: any case,
 * spaces, `¶`, `§`, `#`, `p`, `p.`, `para`, `paragraph`, brackets, parentheses or quotes around
 * it, spaces for the id's dashes (`gvs 2018 4`). Linear in the text's length.
 * @param knownIds when given, an ambiguous reading (`gvs-2018p4`) prefers an id the library has
 * @returns `undefined` when the text has no paragraph number after something that looks like an id
 */
export function readCitation(text: string, knownIds: readonly string[] = []): CitationRef | undefined {
  if (text.length > MAX_CITATION_LENGTH) return undefined;
  const stripped = text.normalize('NFKC').replace(OPENERS, '').replace(CLOSERS, '').replace(PAGE_AFTER_PARAGRAPH, '$1');
  const number = /\d{1,6}$/.exec(stripped);
  if (!number || /\d/.test(stripped.charAt(number.index - 1))) return undefined;
  const candidates = idCandidates(stripped.slice(0, number.index));
  if (candidates.length === 0) return undefined;
  const known = candidates.find((id) => knownIds.includes(id));
  return { sourceId: known ?? candidates[0]!, paragraph: Number(number[0]) };
}

/**
 * Ids the text before the number could mean, longest first, each time one more separator dropped;
 * readings that turn spaces into dashes (`gvs 2018`) come after the literal ones.
 */
function idCandidates(prefix: string): string[] {
  const literal: string[] = [];
  const dashed: string[] = [];
  let rest = prefix.trimEnd();
  for (let step = 0; step < 8 && rest; step++) {
    const id = rest.trimStart().toLowerCase();
    if (SOURCE_ID.test(id)) literal.push(id);
    else if (SOURCE_ID.test(id.replace(/\s+/g, '-'))) dashed.push(id.replace(/\s+/g, '-'));
    const separator = SEPARATOR.exec(rest);
    if (!separator) break;
    rest = rest.slice(0, separator.index).trimEnd();
  }
  return [...new Set([...literal, ...dashed])];
}

/** Why a citation does not open, and the closest ones that do. */
export interface CitationMiss {
  reason: 'unknown source' | 'no such paragraph' | 'not a citation';
  /** Valid citations to try instead, closest first (at most three). */
  closest: string[];
}

/**
 * Explains a citation that does not resolve and offers the closest valid ones: the same source's
 * nearest paragraph numbers, or the paragraph in the sources whose ids are a few edits away.
 */
export function explainMiss(ref: CitationRef | undefined, targets: CitationTargets): CitationMiss {
  if (!ref) return { reason: 'not a citation', closest: targets.ids.slice(0, 3).map((id) => formatCitation(id, 1)) };
  const count = targets.paragraphCount(ref.sourceId);
  if (targets.ids.includes(ref.sourceId)) {
    const nearest = Array.from({ length: count }, (_, i) => i + 1)
      .sort((a, b) => Math.abs(a - ref.paragraph) - Math.abs(b - ref.paragraph) || a - b)
      .slice(0, 3);
    return { reason: 'no such paragraph', closest: nearest.map((n) => formatCitation(ref.sourceId, n)) };
  }
  const limit = Math.max(2, Math.floor(ref.sourceId.length / 3));
  const closest = targets.ids
    .map((id) => ({ id, distance: editDistance(ref.sourceId, id) }))
    .filter(({ distance }) => distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map(({ id }) => formatCitation(id, Math.min(Math.max(ref.paragraph, 1), Math.max(targets.paragraphCount(id), 1))));
  return { reason: 'unknown source', closest };
}

