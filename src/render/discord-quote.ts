import type { APIEmbed } from 'discord.js';
import type { DiffSegment, QuoteResult } from '../core/quote/quote.js';
import { ASKED_PREFIX } from './discord-ask.js';
import { DISCORD_LIMITS as L, escapeForDiscord, truncate } from './limits.js';
import { BUTTON_STYLE, button, buttonRows, type DiscordReply } from './discord-kit.js';
import { joinSegments } from './text-quote.js';

const COLOURS = { verbatim: 0x2e7d32, close: 0xf9a825, absent: 0x9e9e9e };
const TITLES = { verbatim: 'Verbatim: word for word in the library', close: 'Close, not verbatim', absent: 'Not in the library' };
/** Matches shown as fields; the rest are counted. Keeps the embed within 6,000 characters. */
const SHOWN = 4;
/** Room for the echoed quotation in the footer. */
const FOOTER_MAX = 400;

/** The quotation against the source: words the source has and the quotation lacks struck through, its own in bold. */
export function diffMarkdown(diff: DiffSegment[]): string {
  return joinSegments(diff, diff.map((s) => {
    const text = escapeForDiscord(s.text);
    return s.kind === 'missing' ? `~~${text}~~` : s.kind === 'added' ? `**${text}**` : text;
  }));
}

/**
 * The verdict as one embed: a field per match with its citation (the source's wording, or the
 * differences marked up), buttons to open each passage. The footer echoes the quotation with
 * the /ask prefix, so "Open" answers beside this message instead of replacing it.
 */
export function renderQuoteDiscord(result: QuoteResult): DiscordReply {
  const shown = result.matches.slice(0, SHOWN);
  const description = {
    verbatim: `The quotation is word for word in ${shown.length === 1 ? 'this passage' : 'these passages'}. Cite it as shown.`,
    close: 'The nearest passage differs: ~~struck~~ words are the source\'s, **bold** ones yours. Quote the source\'s words.',
    absent: 'No passage has this quotation, word for word or nearly. Check it against its source before quoting it.',
  }[result.verdict];
  const embed: APIEmbed = {
    title: TITLES[result.verdict],
    description: description + (result.matches.length > SHOWN ? ` (${result.matches.length - SHOWN} more places not shown.)` : ''),
    color: COLOURS[result.verdict],
    fields: shown.map((m) => ({
      name: truncate(result.verdict === 'close' ? `${m.citation} · ${Math.round(m.similarity * 100)}% of the words the same` : m.citation, L.fieldName),
      value: truncate(result.verdict === 'close' ? diffMarkdown(m.diff) : `“${escapeForDiscord(m.text)}”`, L.fieldValue),
    })),
    footer: { text: truncate(ASKED_PREFIX + result.quote.replace(/\s+/g, ' '), FOOTER_MAX) },
  };
  const buttons = shown.map((m) => button(`Open ${m.citation}`, `source:open:${m.sourceId}:${m.paragraph}`, BUTTON_STYLE.secondary));
  return { embeds: [embed], components: buttonRows(buttons) };
}
