import { formatCitation } from '../core/citation.js';
import type { Excerpt } from '../core/excerpt.js';
import { STYLE_NAMES } from '../core/sources/reference.js';
import type { Paragraph, SourceMeta } from '../core/types.js';
import type { SourceReply, SourceSummary } from '../core/sources/source-views.js';

/**
 * A source as every `--json` gives it (`source` and `ask` alike). These keys are public: keys may
 * be added, never renamed or removed. Unknown values are `null`; `published` is the date as stored
 * (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
 */
export function sourceJson(source: SourceMeta & { paragraphCount?: number }) {
  return {
    id: source.id,
    title: source.title,
    author: source.author ?? null,
    publisher: source.publisher ?? null,
    published: source.date ?? null,
    url: source.url ?? null,
    ...(source.paragraphCount === undefined ? {} : { paragraphs: source.paragraphCount }),
    dateNote: source.dateNote ?? null,
  };
}

const paragraphJson = (sourceId: string, p: Paragraph | undefined) =>
  (p ? { citation: formatCitation(sourceId, p.n, p.page), paragraph: p.n, page: p.page ?? null, text: p.text } : null);

function excerptJson(excerpt: Excerpt) {
  return {
    citation: excerpt.citation,
    sourceId: excerpt.source.id,
    paragraph: excerpt.paragraph.n,
    page: excerpt.paragraph.page ?? null,
    text: excerpt.paragraph.text,
    before: paragraphJson(excerpt.source.id, excerpt.before),
    after: paragraphJson(excerpt.source.id, excerpt.after),
    paragraphs: excerpt.total,
    source: sourceJson({ ...excerpt.source, paragraphCount: excerpt.total }),
  };
}

/** Any /source reply as the one JSON object `research-bot source --json` prints. */
export function sourceReplyJson(reply: SourceReply): object {
  switch (reply.kind) {
    case 'list':
      return { sources: reply.sources.map((s: SourceSummary) => sourceJson(s)) };
    case 'source':
      return {
        source: { ...sourceJson(reply.source), warnings: reply.source.warnings, dropped: reply.source.dropped, keyTerms: reply.keyTerms },
      };
    case 'excerpt':
      return excerptJson(reply.excerpt);
    case 'reference':
      return { style: reply.reference.style, styleName: STYLE_NAMES[reply.reference.style], sourceId: reply.reference.sourceId, reference: reply.reference.text };
  }
}
