import type { APIEmbed, APIButtonComponent } from 'discord.js';
import type { AnswerLevel, AskResult, Passage } from '../core/search/ask.js';
import { describeSource } from '../core/citation.js';
import { REFERENCE_STYLES, STYLE_NAMES, type Reference, type ReferenceStyle } from '../core/sources/reference.js';
import { DISCORD_LIMITS as L, escapeForDiscord, truncate } from './limits.js';
import { BUTTON_STYLE, button, buttonRows, embedLength, linkedCitation, markdownLink, type DiscordReply } from './discord-kit.js';
import { referencesMarkdown, STYLE_LABELS } from './discord-source-views.js';
import { answerAbove, CLOSEST_HEADING, describeMatch, nothingHeading, passageWithoutAnswer } from './text-ask.js';

/** Prefix of the footer that carries the question, so buttons can re-ask it after a restart. */
export const ASKED_PREFIX = 'Asked: ';
/** Prefix of the footer of an answer's references: its style buttons re-ask the question too. */
export const REFERENCES_PREFIX = 'References for: ';
const ANSWERED_COLOUR = 0x2e7d32;
const UNANSWERED_COLOUR = 0x9e9e9e;
const REFERENCES_COLOUR = 0x1565c0;
/** The embed's title, by the answer's level. */
const TITLES: Record<AnswerLevel, string> = { answer: 'Answer', closest: CLOSEST_HEADING, nothing: 'No answer in the library' };
/** A later page's description, by the answer's level: the first page's verdict is not repeated. */
const LATER_PAGES: Record<AnswerLevel, string> = {
  answer: 'More passages on the question; the answer is on the first page.',
  closest: 'More of the closest passages; the nearest sentence is on the first page.',
  nothing: 'More of the closest passages; none of them answers the question.',
};
/** Room kept for a passage's source line under its text, inside a field value. */
const PASSAGE_TEXT_MAX = 700;
/** Stands for the answer in a passage until the text is escaped, then becomes ANSWER_ABOVE in italics. */
const ANSWER_MARK = '\uE000';

/** Where a page of passages starts, and the filters to re-ask with, carried by the page and References buttons. */
export interface AskPage {
  offset: number;
  pageSize: number;
  source?: string;
  from?: number;
  to?: number;
}

/** The custom id arguments after `ask:more:` or `ask:refs:<style>:` that re-ask a page. */
function pageArgs(page: AskPage, offset = page.offset): string {
  return [offset, page.pageSize, page.source ?? '', page.from ?? '', page.to ?? ''].join(':');
}

/**
 * The /ask answer as one embed: the answering sentence on top with its citation (linking to the
 * source's page when it has one), one field per passage with its citation, how well it matches
 * and its source, the question echoed in the footer (plain text there: no markdown, no mentions),
 * buttons to open each passage, to turn the pages of passages both ways, and for the references.
 * @param filterMiss set when the filters left nothing answering: `result` is the answer without them
 */
export function renderAskDiscord(result: AskResult, page: AskPage, hasMore: boolean, filterMiss?: string): DiscordReply {
  const shown = result.passages.slice(page.offset, page.offset + page.pageSize);
  const first = page.offset === 0;
  const embed: APIEmbed = {
    title: first ? TITLES[result.level] : passagesLabel(page.offset, page.offset + shown.length),
    description: truncate(first ? answerMarkdown(result, shown, filterMiss) : LATER_PAGES[result.level], L.description),
    color: result.answered ? ANSWERED_COLOUR : UNANSWERED_COLOUR,
    fields: shown.map((p, i) => ({ name: truncate(`${page.offset + i + 1}. ${p.citation} · ${describeMatch(p.coverage)}`, L.fieldName), value: passageValue(p, result, PASSAGE_TEXT_MAX) })),
    footer: { text: truncate(ASKED_PREFIX + result.query, L.footer) },
  };
  fitEmbed(embed, shown, result);
  const paging: APIButtonComponent[] = [];
  if (!first) {
    const previous = Math.max(0, page.offset - page.pageSize);
    paging.push(button(`◀ ${passagesLabel(previous, page.offset)}`, `ask:more:${pageArgs(page, previous)}`, BUTTON_STYLE.secondary));
  }
  if (hasMore) paging.push(button('More passages ▶', `ask:more:${pageArgs(page, page.offset + page.pageSize)}`, BUTTON_STYLE.primary));
  if (shown.length > 0) paging.push(button('References', `ask:refs:apa:${pageArgs(page)}`, BUTTON_STYLE.secondary));
  const opens = shown.map((p) => button(`Open ${p.citation}`, `source:open:${p.sourceId}:${p.paragraph}`, BUTTON_STYLE.secondary));
  return { embeds: [embed], components: buttonRows(opens, paging) };
}

/** "Passages 4–6", or "Passage 4" alone, for passages after `from` up to `to`. */
function passagesLabel(from: number, to: number): string {
  return to - from === 1 ? `Passage ${to}` : `Passages ${from + 1}–${to}`;
}

/** The first page's description: the answer with its citation, or that there is none; after a filter that left nothing, said so first. */
function answerMarkdown(result: AskResult, shown: Passage[], filterMiss: string | undefined): string {
  const lead = filterMiss ? `*${filterMiss}; without the filter:*\n` : '';
  if (!result.answer) return `${lead}**${escapeForDiscord(nothingHeading(result.missing))}**${shown.length > 0 ? ' The closest passages, which do not answer it:' : ''}`;
  const url = result.passages.find((p) => p.sourceId === result.answer!.sourceId)?.source.url;
  return `${lead}${answerText(result.answer)} ${linkedCitation(result.answer.citation, url)}`;
}

/** The answer sentence, its answering phrase in bold. */
function answerText({ text, phrase }: NonNullable<AskResult['answer']>): string {
  if (!phrase) return escapeForDiscord(text);
  const end = phrase.start + phrase.text.length;
  return `${escapeForDiscord(text.slice(0, phrase.start))}**${escapeForDiscord(phrase.text)}**${escapeForDiscord(text.slice(end))}`;
}

/** A passage's text (the answer, shown above, not repeated) and its source, the title linking to its page. */
function passageValue(p: Passage, result: AskResult, max: number): string {
  const { title, ...rest } = p.source;
  const sourceLine = `\n*${markdownLink(escapeForDiscord(truncate(title, 200)), p.source.url)}${escapeForDiscord(truncate(describeSource({ ...rest, title: '' }), 200))}*`;
  const text = escapeForDiscord(truncate(passageWithoutAnswer(p, result.answer, ANSWER_MARK), max)).replace(ANSWER_MARK, `*${answerAbove(result.level)}*`);
  return truncate(text, L.fieldValue - sourceLine.length) + sourceLine;
}

/** Shrinks passage texts until the whole embed is within Discord's 6,000-character total. */
function fitEmbed(embed: APIEmbed, passages: Passage[], result: AskResult): void {
  for (let max = PASSAGE_TEXT_MAX; embedLength(embed) > L.totalEmbedText && max > 40; max = Math.floor(max * 0.7)) {
    embed.fields = passages.map((p, i) => ({ name: embed.fields![i]!.name, value: passageValue(p, result, max) }));
  }
  if (embedLength(embed) > L.totalEmbedText) embed.description = truncate(embed.description ?? '', Math.max(1, L.totalEmbedText - (embedLength(embed) - (embed.description?.length ?? 0))));
}

/**
 * The references of every source an answer page cites, ready to paste, in one style, with buttons
 * for the other styles; the question in the footer, so they re-ask it after a restart.
 */
export function renderAskReferencesDiscord(question: string, page: AskPage, style: ReferenceStyle, references: Reference[]): DiscordReply {
  const embed: APIEmbed = {
    title: `References · ${STYLE_NAMES[style]}`,
    description: references.length > 0 ? referencesMarkdown(references) : 'The answer cites no source.',
    color: REFERENCES_COLOUR,
    footer: { text: truncate(REFERENCES_PREFIX + question, L.footer) },
  };
  const others = REFERENCE_STYLES.filter((s) => s !== style).map((s) => button(STYLE_LABELS[s], `ask:refs:${s}:${pageArgs(page)}`, BUTTON_STYLE.secondary));
  return { embeds: [embed], components: buttonRows(others) };
}
