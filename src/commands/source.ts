import { SlashCommandBuilder } from 'discord.js';
import { QuestionError } from '../core/ask.js';
import { parseCitation } from '../core/citation.js';
import { buildExcerpt, type Excerpt } from '../core/excerpt.js';
import { quoteInput } from '../core/text.js';
import type { AppContext } from '../context.js';
import { toMeta } from '../context.js';
import { renderExcerptDiscord } from '../render/discord-source.js';
import { renderExcerptText } from '../render/text.js';
import type { Command } from './types.js';

function openCitation(ctx: AppContext, citation: string): Excerpt {
  const parsed = parseCitation(citation);
  if (!parsed) throw new QuestionError(`${quoteInput(citation)} is not a citation; write it as the bot prints it, e.g. [gvs-2018 ¶4].`);
  const source = toMeta(ctx.library.getSource(parsed.sourceId));
  if (!source) throw new QuestionError(`There is no source ${quoteInput(parsed.sourceId)} in the library.`);
  const excerpt = buildExcerpt(source, ctx.library.getParagraphsOf(source.id), parsed.paragraph);
  if (!excerpt) throw new QuestionError(`${source.id} has no paragraph ${parsed.paragraph}.`);
  return excerpt;
}

/** `/source cite:<citation>`: a cited paragraph in its context. */
export const source = {
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription('Open a cited paragraph in its source.')
    .addStringOption((o) => o.setName('cite').setDescription('A citation as the bot prints it, e.g. [gvs-2018 ¶4]').setRequired(true).setMaxLength(100))
    .addBooleanOption((o) => o.setName('private').setDescription('Only you see the reply')),
  run: (ctx, options): Excerpt => openCitation(ctx, String(options.cite ?? '')),
  renderText: renderExcerptText,
  renderDiscord: renderExcerptDiscord,
  press: (ctx, args): Excerpt => {
    const [action, sourceId, n] = args;
    if (action !== 'open' || !sourceId || !n) throw new QuestionError('This button is from an older version of the bot; ask again.');
    return openCitation(ctx, `${sourceId} ${n}`);
  },
} satisfies Command<Excerpt>;
