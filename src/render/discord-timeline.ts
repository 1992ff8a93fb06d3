import type { APIButtonComponent } from 'discord.js';
import { groupByYear } from '../core/timeline/timeline.js';
import type { TimelineResult } from '../core/timeline/timeline-query.js';
import { DISCORD_LIMITS as L, escapeForDiscord, truncate } from './limits.js';
import { describeTimeline, eventLineParts, RESOLVED_MARK } from './text-timeline.js';
import { BUTTON_STYLE, button, buttonRows, linkedCitation, type DiscordReply } from './discord-kit.js';

/** Prefix of the footer that carries the topic, so page buttons rebuild the same timeline after a restart. */
export const TOPIC_PREFIX = 'Topic: ';
const NO_TOPIC = 'All topics';
/**
 * Events on one page: about a screen of compact lines. A page of 3,900 characters with a heading
 * above nearly every event read as a wall (issue 17).
 */
const PAGE_EVENTS = 8;
/** Characters of a page's lines at most (links included): under the 4,096 of a description, so title and footer stay within the 6,000 of an embed. */
const PAGE_BUDGET = 3600;
const SUMMARY_MAX = 200;
const NOTE_MAX = 120;
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

/**
 * One event as a compact list item: `- **year** date — summary (how) [citations] ⚠ conflict`, the
 * year in bold only on the first line of its year on a page (`leadsYear`), each citation linking to
 * its source's page when it has one; escaped and bounded.
 */
export function discordEventLine(event: TimelineResult['events'][number], year: number, leadsYear: boolean, urls: TimelineResult['sourceUrls'] = {}): string {
  const parts = eventLineParts(event);
  const citations = parts.citations.slice(0, CITATIONS_MAX).map((label, i) => {
    const { sourceId, citation } = event.citations[i]!;
    return label.replace(citation, linkedCitation(citation, urls[sourceId]));
  });
  if (parts.citations.length > CITATIONS_MAX) citations.push(`+${parts.citations.length - CITATIONS_MAX} more`);
  const date = withoutYear(parts.date, year);
  return [
    `- ${leadsYear ? `**${year}** ` : ''}${date === RESOLVED_MARK ? `${date} ` : date ? `${date} — ` : ''}${escapeForDiscord(truncate(parts.summary, SUMMARY_MAX))}`,
    parts.resolved && `*(${escapeForDiscord(truncate(parts.resolved, NOTE_MAX))})*`,
    citations.join(' '),
    parts.conflict && `⚠ **${linkConflicting(escapeForDiscord(parts.conflict), event, urls)}**`,
  ].filter(Boolean).join(' ');
}

/** A conflict's escaped text with each report on another line linking to its source's page, as the line's own citations do. */
function linkConflicting(conflict: string, event: TimelineResult['events'][number], urls: TimelineResult['sourceUrls'] = {}): string {
  return (event.conflictingCitations ?? []).reduce((text, { sourceId, citation }) =>
    (urls[sourceId] ? text.replace(escapeForDiscord(citation), linkedCitation(citation, urls[sourceId])) : text), conflict);
}

/** "≈ November 2014" in 2014 is "≈ November"; "≈ 2014" is its mark alone; "2014" nothing; a date in other years stays whole. */
function withoutYear(date: string, year: number): string {
  const years = date.match(/\d{4}/g) ?? [];
  if (years.length !== 1 || years[0] !== String(year) || !date.endsWith(String(year))) return date;
  return date.slice(0, -String(year).length).trim();
}

/** The timeline cut into pages of embed description text: one compact line per event, at most PAGE_EVENTS a page. */
export function paginateTimeline(result: TimelineResult): string[] {
  const pages: string[] = [];
  let page: string[] = [];
  let size = 0;
  for (const { year, events } of groupByYear(result.events)) {
    let first = true;
    for (const event of events) {
      let line = discordEventLine(event, year, first, result.sourceUrls);
      if (page.length > 0 && (page.length === PAGE_EVENTS || size + line.length + 1 > PAGE_BUDGET)) {
        pages.push(page.join('\n'));
        [page, size] = [[], 0];
        // A page that starts within a year names it again.
        if (!first) line = discordEventLine(event, year, true, result.sourceUrls);
      }
      page.push(line);
      size += line.length + 1;
      first = false;
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
