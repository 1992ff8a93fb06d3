import { formatCitation } from './citation.js';
import type { Paragraph, SourceMeta } from './types.js';

/** A cited paragraph with the paragraphs around it, for reading a citation in context. */
export interface Excerpt {
  source: SourceMeta;
  citation: string;
  paragraph: Paragraph;
  before?: Paragraph;
  after?: Paragraph;
  /** Number of paragraphs in the source, to say "¶4 of 12". */
  total: number;
}

/**
 * Builds the excerpt for paragraph `n` of a source from its paragraphs (in order).
 * @returns `undefined` when the source has no paragraph `n`
 */
export function buildExcerpt(source: SourceMeta, paragraphs: Paragraph[], n: number): Excerpt | undefined {
  const at = paragraphs.findIndex((p) => p.n === n);
  if (at < 0) return undefined;
  return {
    source,
    citation: formatCitation(source.id, n, paragraphs[at]!.page),
    paragraph: paragraphs[at]!,
    before: paragraphs[at - 1],
    after: paragraphs[at + 1],
    total: paragraphs.length,
  };
}
