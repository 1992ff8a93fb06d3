import { describeSource } from '../core/citation.js';
import type { Excerpt } from '../core/excerpt.js';
import { DISCORD_LIMITS as L, escapeForDiscord, truncate } from './limits.js';
import { BUTTON_STYLE, button, buttonRows, linkable, type DiscordReply } from './discord-kit.js';

/** Context paragraphs are shortened to this, so the cited one stays the focus. */
const CONTEXT_MAX = 600;

/** A cited paragraph in context: the one before and after in grey, the title linking to the article, buttons to step through the source. */
export function renderExcerptDiscord(excerpt: Excerpt): DiscordReply {
  const { paragraph, before, after, source } = excerpt;
  const context = (p: typeof before) => (p ? `-# ¶${p.n} ${escapeForDiscord(truncate(p.text, CONTEXT_MAX)).replace(/\n/g, ' ')}` : '');
  const main = `**¶${paragraph.n}** ${escapeForDiscord(paragraph.text)}`;
  const title = truncate(`${excerpt.citation} ${escapeForDiscord(source.title)}`, L.title);
  const footer = truncate(`${describeSource(source)} · paragraph ${paragraph.n} of ${excerpt.total}`, L.footer);
  // Long source details (a footer can take 2,048) leave less of the embed's 6,000 for the text.
  const room = Math.min(L.description, L.totalEmbedText - title.length - footer.length) - context(before).length - context(after).length - 4;
  const description = [context(before), truncate(main, room), context(after)].filter(Boolean).join('\n\n');
  const buttons = [];
  if (before) buttons.push(button(`◀ ¶${before.n}`, `source:open:${source.id}:${before.n}`, BUTTON_STYLE.secondary));
  if (after) buttons.push(button(`¶${after.n} ▶`, `source:open:${source.id}:${after.n}`, BUTTON_STYLE.secondary));
  const url = linkable(source.url);
  return {
    embeds: [{ title, ...(url ? { url } : {}), description, footer: { text: footer } }],
    components: buttonRows(buttons),
  };
}
