import { askQuestion, DEFAULT_PASSAGES, MAX_PASSAGES, MAX_QUESTION_LENGTH, type AskResult } from '../core/search/ask.js';
import { QuestionError } from '../core/errors.js';
import type { AppContext } from '../app/context.js';
import { ASKED_PREFIX, renderAskDiscord, type AskPage } from '../render/discord-ask.js';
import { renderAskText } from '../render/text-ask.js';
import { readSourceOption, suggestSources } from './source-option.js';
import { OPTION, optionalNumber, slashCommand, type Command } from './types.js';

/** One page of an /ask answer. */
export interface AskReply {
  result: AskResult;
  page: AskPage;
  hasMore: boolean;
}

function answerPage(ctx: AppContext, question: string, page: AskPage): AskReply {
  // One passage beyond the page tells whether a "More passages" button is worth showing.
  const result = askQuestion(ctx.askDeps, question, { sourceId: page.source, from: page.from, to: page.to, limit: page.offset + page.pageSize + 1 });
  return { result, page, hasMore: result.passages.length > page.offset + page.pageSize };
}

/** `/ask question:<text> [source:<id>] [from:<year>] [to:<year>] [limit:<n>] [private:<bool>]` */
export const ask = {
  data: slashCommand({
    name: 'ask',
    description: 'Find the passages of the library that answer a question, with citations.',
    options: [
      { type: OPTION.string, name: 'question', description: 'What you want to know', required: true, max_length: MAX_QUESTION_LENGTH },
      { type: OPTION.string, name: 'source', description: 'Only this source: its id, the start of it ("berger"), or words of its title or author', autocomplete: true },
      { type: OPTION.integer, name: 'from', description: 'Only sources published in or after this year', min_value: 0, max_value: 9999 },
      { type: OPTION.integer, name: 'to', description: 'Only sources published in or before this year', min_value: 0, max_value: 9999 },
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
  renderText: (reply) => renderAskText({ ...reply.result, passages: reply.result.passages.slice(reply.page.offset, reply.page.offset + reply.page.pageSize) }),
  renderDiscord: (reply) => renderAskDiscord(reply.result, reply.page, reply.hasMore),
  autocomplete: (ctx, option, value) => (option === 'source' ? suggestSources(ctx, value) : []),
  press: (ctx, args, message): AskReply => {
    const [action, offset, pageSize, source, from, to] = args;
    const question = message.footer?.startsWith(ASKED_PREFIX) ? message.footer.slice(ASKED_PREFIX.length) : undefined;
    if (action !== 'more' || question === undefined) throw new QuestionError('This button is from an older version of the bot; ask again.');
    return answerPage(ctx, question, {
      offset: Number(offset) || 0,
      pageSize: Number(pageSize) || DEFAULT_PASSAGES,
      source: source || undefined,
      from: optionalNumber(from),
      to: optionalNumber(to),
    });
  },
} satisfies Command<AskReply>;
