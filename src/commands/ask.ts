import { SlashCommandBuilder } from 'discord.js';
import { askQuestion, DEFAULT_PASSAGES, MAX_PASSAGES, MAX_QUESTION_LENGTH, type AskResult } from '../core/ask.js';
import { renderAskText } from '../render/text.js';
import type { Command } from './types.js';

/** `/ask question:<text> [source:<id>] [from:<year>] [to:<year>] [limit:<n>]` */
export const ask = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Find the passages of the library that answer a question, with citations.')
    .addStringOption((o) => o.setName('question').setDescription('What you want to know').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
    .addStringOption((o) => o.setName('source').setDescription('Only this source (its id)').setAutocomplete(true))
    .addIntegerOption((o) => o.setName('from').setDescription('Only sources published in or after this year').setMinValue(0).setMaxValue(9999))
    .addIntegerOption((o) => o.setName('to').setDescription('Only sources published in or before this year').setMinValue(0).setMaxValue(9999))
    .addIntegerOption((o) => o.setName('limit').setDescription(`How many passages (default ${DEFAULT_PASSAGES})`).setMinValue(1).setMaxValue(MAX_PASSAGES)),
  run: (ctx, options): AskResult =>
    askQuestion(ctx.askDeps, String(options.question ?? ''), {
      sourceId: options.source as string | undefined,
      from: options.from as number | undefined,
      to: options.to as number | undefined,
      limit: options.limit as number | undefined,
    }),
  renderText: renderAskText,
} satisfies Command<AskResult>;
