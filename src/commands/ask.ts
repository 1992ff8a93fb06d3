import { askQuestion, DEFAULT_PASSAGES, MAX_PASSAGES, MAX_QUESTION_LENGTH, type AnswerLevel, type AskResult } from '../core/search/ask.js';
import { QuestionError } from '../core/errors.js';
import type { Reference, ReferenceStyle } from '../core/sources/reference.js';
import { referencesFor } from '../core/sources/source-views.js';
import type { AppContext } from '../app/context.js';
import { ASKED_PREFIX, REFERENCES_PREFIX, renderAskDiscord, renderAskReferencesDiscord, type AskPage } from '../render/discord-ask.js';
import { describeFilterMiss, renderAskText } from '../render/text-ask.js';
import { readSourceOption, suggestSources } from './source-option.js';
import { OPTION, optionalNumber, slashCommand, type Command } from './types.js';

/** One page of an /ask answer. */
export interface AskReply {
  kind: 'answer';
  result: AskResult;
  /**
   * Set when the filters (source, publication years) left less of an answer than the library has
   * without them (a "closest" or "nothing" that is an "answer" unfiltered): the answer without
   * them, which the reply shows, saying the filter did it.
   */
  withoutFilter?: AskResult;
  page: AskPage;
  hasMore: boolean;
}

/** The references of the sources one page of an answer cites (the References button). */
export interface AskReferences {
  kind: 'references';
  question: string;
  page: AskPage;
  style: ReferenceStyle;
  references: Reference[];
}

/** Answer levels, from the least to the most an answer gives. */
const LEVELS: AnswerLevel[] = ['nothing', 'closest', 'answer'];

function answerPage(ctx: AppContext, question: string, page: AskPage): AskReply {
  // One passage beyond the page tells whether a "More passages" button is worth showing.
  const ask = (filter: { sourceId?: string; from?: number; to?: number }) => askQuestion(ctx.askDeps, question, { ...filter, limit: page.offset + page.pageSize + 1 });
  const result = ask({ sourceId: page.source, from: page.from, to: page.to });
  const filtered = page.source !== undefined || page.from !== undefined || page.to !== undefined;
  // The filters "emptied" the result when the library answers better without them.
  const unfiltered = filtered && result.level !== 'answer' ? ask({}) : undefined;
  const withoutFilter = unfiltered && LEVELS.indexOf(unfiltered.level) > LEVELS.indexOf(result.level) ? unfiltered : undefined;
  const shown = withoutFilter ?? result;
  return { kind: 'answer', result, ...(withoutFilter ? { withoutFilter } : {}), page, hasMore: shown.passages.length > page.offset + page.pageSize };
}

/** What the reply shows: the answer without the filters when they left nothing, on the page's passages only. */
export function shownPage(reply: AskReply): AskResult {
  const shown = reply.withoutFilter ?? reply.result;
  return { ...shown, passages: shown.passages.slice(reply.page.offset, reply.page.offset + reply.page.pageSize) };
}

function referencesOf(ctx: AppContext, question: string, page: AskPage, style: string): AskReferences {
  const shown = shownPage(answerPage(ctx, question, page));
  const ids = [...new Set([...(shown.answer ? [shown.answer.sourceId] : []), ...shown.passages.map((p) => p.sourceId)])];
  return { kind: 'references', question, page, ...referencesFor(ctx.sourceDeps, ids, style) };
}

/** The page a `ask:more:` or `ask:refs:<style>:` button carries. */
function readPage([offset, pageSize, source, from, to]: string[]): AskPage {
  return { offset: Number(offset) || 0, pageSize: Number(pageSize) || DEFAULT_PASSAGES, source: source || undefined, from: optionalNumber(from), to: optionalNumber(to) };
}

/** The question an answer's or its references' footer carries. */
function footerQuestion(footer: string | undefined): string | undefined {
  const prefix = [ASKED_PREFIX, REFERENCES_PREFIX].find((p) => footer?.startsWith(p));
  return prefix === undefined ? undefined : footer!.slice(prefix.length);
}

/** `/ask question:<text> [source:<id>] [from:<year>] [to:<year>] [limit:<n>] [private:<bool>]` */
export const ask = {
  data: slashCommand({
    name: 'ask',
    description: 'Find the passages of the library that answer a question, with citations.',
    options: [
      { type: OPTION.string, name: 'question', description: 'What you want to know', required: true, max_length: MAX_QUESTION_LENGTH },
      { type: OPTION.string, name: 'source', description: 'Only this source: its id, the start of it ("berger"), or words of its title or author', autocomplete: true },
      { type: OPTION.integer, name: 'from', description: 'Published from: only articles published in or after this year', min_value: 0, max_value: 9999 },
      { type: OPTION.integer, name: 'to', description: 'Published to: only articles published in or before this year', min_value: 0, max_value: 9999 },
      { type: OPTION.integer, name: 'limit', description: `Passages per page (default ${DEFAULT_PASSAGES})`, min_value: 1, max_value: MAX_PASSAGES },
      { type: OPTION.boolean, name: 'private', description: 'Only you see the answer' },
    ],
  }),
  run: (ctx, options): AskReply =>
    answerPage(ctx, String(options.question ?? ''), {
      offset: 0,
      pageSize: Math.min(optionalNumber(options.limit) ?? DEFAULT_PASSAGES, MAX_PASSAGES),
      source: readSourceOption(ctx, options.source),
      from: optionalNumber(options.from),
      to: optionalNumber(options.to),
    }),
  renderText: (reply) =>
    reply.kind === 'references'
      ? reply.references.map((r) => r.text).join('\n\n')
      : renderAskText(shownPage(reply), reply.withoutFilter && describeFilterMiss(reply.page)),
  renderDiscord: (reply) =>
    reply.kind === 'references'
      ? renderAskReferencesDiscord(reply.question, reply.page, reply.style, reply.references)
      : renderAskDiscord(reply.withoutFilter ?? reply.result, reply.page, reply.hasMore, reply.withoutFilter && describeFilterMiss(reply.page)),
  autocomplete: (ctx, option, value) => (option === 'source' ? suggestSources(ctx, value) : []),
  press: (ctx, args, message): AskReply | AskReferences => {
    const [action, ...rest] = args;
    const question = footerQuestion(message.footer);
    if (question !== undefined && action === 'more') return answerPage(ctx, question, readPage(rest));
    if (question !== undefined && action === 'refs' && rest[0]) return referencesOf(ctx, question, readPage(rest.slice(1)), rest[0]);
    throw new QuestionError('This button is from an older version of the bot; ask again.');
  },
  // References answer beside the answer, privately; on the references themselves, a style button switches in place.
  opensBeside: (args, message) => args[0] === 'refs' && message.footer?.startsWith(ASKED_PREFIX) === true,
} satisfies Command<AskReply | AskReferences>;
