import { ButtonStyle, ComponentType } from 'discord.js';
import { describeSource } from '../core/citation.js';
import type { Excerpt } from '../core/excerpt.js';
import type { DiscordReply } from '../commands/types.js';
import { button } from './discord.js';
import { DISCORD_LIMITS as L, escapeForDiscord, truncate } from './limits.js';

/** Context paragraphs are shortened to this, so the cited one stays the focus. */
const CONTEXT_MAX = 600;

/** A cited paragraph in context: the one before and after in grey, buttons to step through the source. */
export function renderExcerptDiscord(excerpt: Excerpt): DiscordReply {
  const { paragraph, before, after, source } = excerpt;
  const context = (p: typeof before) => (p ? `-# ¶${p.n} ${escapeForDiscord(truncate(p.text, CONTEXT_MAX)).replace(/\n/g, ' ')}` : '');
  const main = `**¶${paragraph.n}** ${escapeForDiscord(paragraph.text)}`;
  const room = L.description - context(before).length - context(after).length - 4;
  const description = [context(before), truncate(main, room), context(after)].filter(Boolean).join('\n\n');
  const buttons = [];
  if (before) buttons.push(button(`◀ ¶${before.n}`, `source:open:${source.id}:${before.n}`, ButtonStyle.Secondary));
  if (after) buttons.push(button(`¶${after.n} ▶`, `source:open:${source.id}:${after.n}`, ButtonStyle.Secondary));
  return {
    embeds: [{
      title: truncate(`${excerpt.citation} ${source.title}`, L.title),
      description,
      footer: { text: truncate(`${describeSource(source)} · paragraph ${paragraph.n} of ${excerpt.total}${source.url ? ` · ${source.url}` : ''}`, L.footer) },
    }],
    components: buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : [],
  };
}
