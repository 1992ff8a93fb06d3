import type { AskResult } from '../core/search/ask.js';
import { sourceJson } from './json-source.js';

/** Which passages of a result a page shows. */
interface PassagePage {
  offset: number;
  pageSize: number;
}

/**
 * An /ask result as `--json` gives it: the page's passages, each source with the keys of
 * `source --json` (`published`, `author: null` when none) and `date`, the same as `published`,
 * kept for scripts written before the two agreed.
 */
function resultJson(result: AskResult, page: PassagePage) {
  return {
    ...result,
    passages: result.passages.slice(page.offset, page.offset + page.pageSize).map((p) => ({ ...p, source: { ...sourceJson(p.source), date: p.source.date ?? null } })),
  };
}

/**
 * The one JSON object `research-bot ask --json` prints (one per line with --batch). When the
 * filters left nothing that answers, `withoutFilter` is the answer without them.
 */
export function askReplyJson(reply: { result: AskResult; withoutFilter?: AskResult; page: PassagePage }): object {
  return { ...resultJson(reply.result, reply.page), ...(reply.withoutFilter ? { withoutFilter: resultJson(reply.withoutFilter, reply.page) } : {}) };
}
