import type { APIButtonComponent } from 'discord.js';
import { groupByYear } from '../core/timeline/timeline.js';
import type { TimelineResult } from '../core/timeline/timeline-query.js';
import { DISCORD_LIMITS as L, escapeForDiscord, truncate } from './limits.js';
import { describeTimeline, eventLineParts, RESOLVED_MARK } from './text-timeline.js';
import { BUTTON_STYLE, button, buttonRows, type DiscordReply } from './discord-kit.js';

/** Prefix of the footer that carries the topic, so page buttons rebuild the same timeline after a restart. */
export const TOPIC_PREFIX = 'Topic: ';
const NO_TOPIC = 'All topics';
/** Characters of lines per page: under the 4,096 of a description, so title and footer stay within the 6,000 of an embed. */
const PAGE_BUDGET = 3600;
const SUMMARY_MAX = 300;
const NOTE_MAX = 160;
/** Citations shown on one line; the rest are counted ("+3 more"). */
const CITATIONS_MAX = 6;
const COLOUR = 0x1565c0;
const LEGEND = `-# ${RESOLVED_MARK} a date resolved against the article's own date`;

/** The filters a page button carries in its custom id (the topic travels in the footer). */
export interface TimelinePageKey {
  page: number;
  from?: number;
  to?: number;
  source?: string;
}

/** One event as a line of an embed description: `date — summary (how) [citations] ⚠ conflict`, escaped and bounded. */
export function discordEventLine(event: TimelineResult['events'][number]): string {
  const parts = eventLineParts(event);
  const citations = parts.citations.length > CITATIONS_MAX
    ? [...parts.citations.slice(0, CITATIONS_MAX), `+${parts.citations.length - CITATIONS_MAX} more`] : parts.citations;
  return [
    `${parts.date} — ${escapeForDiscord(truncate(parts.summary, SUMMARY_MAX))}`,
    parts.resolved && `*(${escapeForDiscord(truncate(parts.resolved, NOTE_MAX))})*`,
    citations.join(' '),
    parts.conflict && `⚠ **${escapeForDiscord(parts.conflict)}**`,
  ].filter(Boolean).join(' ');
}

/** The timeline cut into pages of embed description text, a bold year heading over each year's lines. */
export function paginateTimeline(result: TimelineResult): string[] {
  const pages: string[] = [];
  let page: string[] = [];
  let size = 0;
  for (const { year, events } of groupByYear(result.events)) {
    let heading = `__**${year}**__`;
    for (const event of events) {
      const line = discordEventLine(event);
      if (page.length > 0 && size + heading.length + line.length + 2 > PAGE_BUDGET) {
        pages.push(page.join('\n'));
        [page, size] = [[], 0];
        if (!heading) heading = `__**${year}**__ (continued)`;
      }
      const block = heading ? [heading, line] : [line];
      page.push(...block);
      size += block.reduce((sum, text) => sum + text.length + 1, 0);
      heading = '';
    }
  }
  if (page.length > 0) pages.push(page.join('\n'));
  return pages;
}

/**
 * One page of the timeline as one embed: what it shows and the page in the title, the events
 * grouped by year, the topic in the footer (plain text: no markdown, no mentions), and buttons to
 * turn pages whose custom ids carry the other filters.
 */
export function renderTimelineDiscord(result: TimelineResult, page: number): DiscordReply {
  const pages = paginateTimeline(result);
  const at = Math.min(Math.max(0, Math.trunc(page) || 0), Math.max(0, pages.length - 1));
  const text = pages[at];
  const description = text === undefined
    ? 'No dated events match. Try another topic, wider years, or no source filter.'
    : (text.includes(`${RESOLVED_MARK} `) ? `${text}\n${LEGEND}` : text);
  const pageLabel = pages.length > 1 ? ` (page ${at + 1} of ${pages.length})` : '';
  const key = (n: number) => ['timeline', 'page', n, result.from ?? '', result.to ?? '', result.sourceId ?? ''].join(':');
  const buttons: APIButtonComponent[] = [];
  if (at > 0) buttons.push(button('◀ Earlier', key(at - 1), BUTTON_STYLE.secondary));
  if (at < pages.length - 1) buttons.push(button('Later ▶', key(at + 1), BUTTON_STYLE.primary));
  return {
    embeds: [{
      // Titles render some markdown; the footer, which buttons read the topic back from, does not.
      title: truncate(`Timeline${pageLabel}: ${describeTimeline({ ...result, topic: result.topic && escapeForDiscord(result.topic) })}`, L.title),
      description: truncate(description, L.description),
      color: COLOUR,
      footer: { text: truncate(result.topic ? TOPIC_PREFIX + result.topic : NO_TOPIC, L.footer) },
    }],
    components: buttonRows(buttons),
  };
}

/** Reads a page button's custom id arguments (after `timeline:`) and the message footer back into the timeline to rebuild. */
export function readTimelinePage(args: string[], footer: string | undefined): (TimelinePageKey & { topic?: string }) | undefined {
  const [action, page, from, to, source] = args;
  if (action !== 'page' || !/^\d{1,4}$/.test(page ?? '')) return undefined;
  const year = (value: string | undefined) => (value && /^\d{1,4}$/.test(value) ? Number(value) : undefined);
  const key: TimelinePageKey & { topic?: string } = { page: Number(page), from: year(from), to: year(to), source: source || undefined };
  if (footer?.startsWith(TOPIC_PREFIX)) key.topic = footer.slice(TOPIC_PREFIX.length);
  return key;
}
