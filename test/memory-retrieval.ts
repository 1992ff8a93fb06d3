import { inverseDocumentFrequency, rankParagraphs, type Retrieval } from '../src/core/search/rank.js';
import { extractTerms } from '../src/core/language/terms.js';

/**
 * The core's own ranking (both passes, as the library's search runs it) over a few paragraphs held in memory, standing in for the library's
 * full-text index in unit tests of the core (every paragraph is a candidate; no typo correction).
 */
export function memoryRetrieval(paragraphs: { id: number; sourceId: string; body: string; title?: string }[]): Retrieval {
  const candidates = paragraphs.map((p) => ({ id: p.id, sourceId: p.sourceId, body: extractTerms(p.body), title: extractTerms(p.title ?? '') }));
  const stats = {
    documents: candidates.length,
    averageLength: candidates.reduce((sum, c) => sum + c.body.length, 0) / Math.max(1, candidates.length),
    documentFrequency: (term: string) => candidates.filter((c) => c.body.includes(term) || c.title.includes(term)).length,
  };
  return {
    search: (concepts, filter, limit) =>
      rankParagraphs(concepts, candidates.filter((c) => filter.sourceId === undefined || c.sourceId === filter.sourceId), stats, limit),
    idf: (term) => inverseDocumentFrequency(stats, term),
    knows: (term) => stats.documentFrequency(term) > 0,
    correct: () => undefined,
    size: () => candidates.length,
  };
}
