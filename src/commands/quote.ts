import { QuestionError } from '../core/errors.js';
import { checkQuotation, MAX_QUOTE_LENGTH, type QuoteResult } from '../core/quote/quote.js';
import { extractTerms } from '../core/language/terms.js';
import { renderQuoteDiscord } from '../render/discord-quote.js';
import { renderQuoteText } from '../render/text-quote.js';
import type { AppContext } from '../app/context.js';
import { OPTION, slashCommand, type Command } from './types.js';

/** Fewer words than this are too common a phrase to say where they were quoted from. */
export const MIN_QUOTE_WORDS = 3;

/**
 * Checks a quotation against the library.
 * @throws QuestionError when it is too short or too long to check
 */
export function quote(ctx: AppContext, text: string): QuoteResult {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (text.length > MAX_QUOTE_LENGTH) throw new QuestionError(`The quotation is ${text.length} characters long; check at most ${MAX_QUOTE_LENGTH} at a time.`);
  if (words.length < MIN_QUOTE_WORDS) throw new QuestionError(`Give at least ${MIN_QUOTE_WORDS} words of the quotation, as you plan to quote them.`);
  if (extractTerms(text).length === 0) throw new QuestionError('The quotation has only common words ("of", "the", ...); give a longer stretch of it.');
  return checkQuotation(ctx.askDeps, text);
}

/** `/quote text:<a quotation>`: where the library has it, word for word or nearly, or that it has not. */
export const quoteCommand = {
  data: slashCommand({
    name: 'quote',
    description: 'Check a quotation against the library before you use it: where it is, exact or not.',
    options: [
      { type: OPTION.string, name: 'text', description: 'The quotation, as you plan to quote it', required: true, max_length: MAX_QUOTE_LENGTH },
      { type: OPTION.boolean, name: 'private', description: 'Only you see the reply' },
    ],
  }),
  run: (ctx, options): QuoteResult => quote(ctx, String(options.text ?? '')),
  renderText: renderQuoteText,
  renderDiscord: renderQuoteDiscord,
} satisfies Command<QuoteResult>;
