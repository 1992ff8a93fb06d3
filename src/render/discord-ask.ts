import type { APIEmbed, APIButtonComponent } from 'discord.js';
import type { AnswerLevel, AskResult, Passage } from '../core/search/ask.js';
import { describeSource } from '../core/citation.js';
import { DISCORD_LIMITS as L, escapeForDiscord, truncate } from './limits.js';
import { BUTTON_STYLE, button, buttonRow, embedLength, type DiscordReply } from './discord-kit.js';
import { CLOSEST_HEADING, nothingHeading } from './text-ask.js';

/** Prefix of the footer that carries the question, so buttons can re-ask it after a restart. */
export const ASKED_PREFIX = 'Asked: ';
const ANSWERED_COLOUR = 0x2e7d32;
const UNANSWERED_COLOUR = 0x9e9e9e;
/** The embed's title, by the answer's level. */
const TITLES: Record<AnswerLevel, string> = { answer: 'Answer', closest: CLOSEST_HEADING, nothing: 'No answer in the library' };
/** Room kept for a passage's source line under its text, inside a field value. */
const PASSAGE_TEXT_MAX = 700;

/** Where a page of passages starts, and the filters to re-ask with, carried by the "More" button. */
export interface AskPage {
  offset: number;
  pageSize: number;
  source?: string;
  from?: number;
  to?: number;
}

/**
 * The /ask answer as one embed: the answering sentence on top, one field per passage with its
 * citation and source, the question echoed in the footer (plain text there: no markdown, no
 * mentions), and buttons to open each passage in its source and to see more passages.
 */
export function renderAskDiscord(result: AskResult, page: AskPage, hasMore: boolean): DiscordReply {
  const shown = result.passages.slice(page.offset, page.offset + page.pageSize);
  const description = result.answer
    ? `${answerText(result.answer)} ${result.answer.citation}`
    : `**${escapeForDiscord(nothingHeading(result.missing))}**${shown.length > 0 ? ' The closest passages, which do not answer it:' : ''}`;
  const embed: APIEmbed = {
    title: page.offset === 0 ? TITLES[result.level] : `Passages ${page.offset + 1}–${page.offset + shown.length}`,
    description: truncate(description, L.description),
    color: result.answered ? ANSWERED_COLOUR : UNANSWERED_COLOUR,
    fields: shown.map((p, i) => ({ name: truncate(`${page.offset + i + 1}. ${p.citation} · score ${p.score.toFixed(1)}`, L.fieldName), value: passageValue(p, PASSAGE_TEXT_MAX) })),
    footer: { text: truncate(ASKED_PREFIX + result.query, L.footer) },
  };
  fitEmbed(embed, shown);
  const buttons: APIButtonComponent[] = shown.map((p) => button(`Open ${p.citation}`, `source:open:${p.sourceId}:${p.paragraph}`, BUTTON_STYLE.secondary));
  if (hasMore) {
    const next = [page.offset + page.pageSize, page.pageSize, page.source ?? '', page.from ?? '', page.to ?? ''].join(':');
    buttons.push(button('More passages', `ask:more:${next}`, BUTTON_STYLE.primary));
  }
  return { embeds: [embed], components: buttonRow(buttons) };
}

/** The answer sentence, its answering phrase in bold. */
function answerText({ text, phrase }: NonNullable<AskResult['answer']>): string {
  if (!phrase) return escapeForDiscord(text);
  const end = phrase.start + phrase.text.length;
  return `${escapeForDiscord(text.slice(0, phrase.start))}**${escapeForDiscord(phrase.text)}**${escapeForDiscord(text.slice(end))}`;
}

function passageValue(p: Passage, max: number): string {
  const sourceLine = `\n*${escapeForDiscord(truncate(describeSource(p.source), 300))}*`;
  return truncate(escapeForDiscord(truncate(p.text, max)), L.fieldValue - sourceLine.length) + sourceLine;
}

/** Shrinks passage texts until the whole embed is within Discord's 6,000-character total. */
function fitEmbed(embed: APIEmbed, passages: Passage[]): void {
  for (let max = PASSAGE_TEXT_MAX; embedLength(embed) > L.totalEmbedText && max > 40; max = Math.floor(max * 0.7)) {
    embed.fields = passages.map((p, i) => ({ name: embed.fields![i]!.name, value: passageValue(p, max) }));
  }
  if (embedLength(embed) > L.totalEmbedText) embed.description = truncate(embed.description ?? '', Math.max(1, L.totalEmbedText - (embedLength(embed) - (embed.description?.length ?? 0))));
}
