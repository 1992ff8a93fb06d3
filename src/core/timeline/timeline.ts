import { formatCitation } from '../citation.js';
import { compareDates, displayDate, parseIsoDate, spanContains as contains, spanOf, type DateSpan, type Precision } from '../dates/dates.js';
import type { SummaryComparer } from './event-similarity.js';
import type { ArticleEvent } from './events.js';
import { processTerm } from '../language/terms.js';

/** An event as the library stores it: extracted from one paragraph of one source. */
export interface SourcedEvent extends ArticleEvent {
  sourceId: string;
  /** The paragraph's id in the library and the search index. */
  paragraphId: number;
}

/** Where an event is reported, and the date that source gives it. */
export interface TimelineCitation {
  sourceId: string;
  paragraph: number;
  citation: string;
  /** The sentence that states the date, as the paragraph gives it. */
  quote: string;
  /** The date as this source gives it: `YYYY[-MM[-DD]]`, or `start/end` for a range. */
  date: string;
}

/** One line of the timeline: an event, reported by one or more sources. */
export interface TimelineEvent {
  date: string;
  precision: Precision;
  end?: string;
  summary: string;
  /** True when the date shown was resolved against an article's date ("last year"). */
  relative: boolean;
  /** The words the date was resolved from, when relative. */
  resolvedFrom?: string;
  note?: string;
  citations: TimelineCitation[];
  /** Set when sources give different dates for what reads as this event: "sources differ: 2014 / 2015". */
  conflict?: string;
}

/** Summaries at least this similar (see createSummaryComparer) report the same event. Chosen on the five articles: docs/DESIGN.md. */
export const SAME_EVENT_SIMILARITY = 0.3;
/** Two sources disagree about an event by at most this many years; similar statements further apart are two events. */
export const MAX_CONFLICT_YEARS = 2;
/** Events of these kinds recur (a yearly exercise, summit or visit): similar reports with other dates are other occurrences. */
const RECURRING = new Set(['exercise', 'drill', 'summit', 'meeting', 'visit', 'talks', 'session', 'round', 'conference', 'election', 'competition', 'dialogue', 'forum', 'trip', 'tour'].map((w) => processTerm(w)!));

/**
 * Merges the events of the library into timeline lines: reports of the same event (similar
 * summaries, dates that agree such as 2014 and November 2014) become one line with every citation;
 * a similar report from another source with a date that disagrees by at most MAX_CONFLICT_YEARS joins
 * it as a conflict ("sources differ: 2014 / 2015"). Lines are in date order.
 */
export function mergeEvents(events: SourcedEvent[], comparer: SummaryComparer): TimelineEvent[] {
  const terms = events.map((e) => comparer.termsOf(e.summary));
  const recurring = terms.map(({ terms: summary }) => {
    for (const term of summary) if (RECURRING.has(term)) return true;
    return false;
  });
  const spans = events.map((e) => spanOf(e.date, e.end)!);
  const parent = events.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const score = events.map(() => 0);
  const order = events.map((_, i) => i).sort((i, j) => spans[i]!.first - spans[j]!.first);
  for (let x = 0; x < order.length; x++) {
    const i = order[x]!;
    for (let y = x + 1; y < order.length; y++) {
      const j = order[y]!;
      if (spans[j]!.firstYear > spans[i]!.lastYear + MAX_CONFLICT_YEARS) break;
      const a = events[i]!;
      const b = events[j]!;
      if (a.sourceId === b.sourceId && a.paragraph === b.paragraph) continue;
      const similarity = comparer.similarity(terms[i]!, terms[j]!);
      if (similarity < SAME_EVENT_SIMILARITY) continue;
      const agree = contains(spans[i]!, spans[j]!) || contains(spans[j]!, spans[i]!);
      if (!agree && (a.sourceId === b.sourceId || recurring[i] || recurring[j])) continue;
      parent[find(i)] = find(j);
      score[i] += similarity;
      score[j] += similarity;
    }
  }
  const clusters = new Map<number, number[]>();
  events.forEach((_, i) => {
    const root = find(i);
    const members = clusters.get(root);
    if (members) members.push(i);
    else clusters.set(root, [i]);
  });
  return [...clusters.values()]
    .map((members) => toTimelineEvent(members.map((i) => ({ event: events[i]!, span: spans[i]!, score: score[i]! }))))
    .sort((a, b) => compareDates(parseIsoDate(a.date)!, parseIsoDate(b.date)!) || (a.end ?? '').localeCompare(b.end ?? '') || a.summary.localeCompare(b.summary));
}

interface Member {
  event: SourcedEvent;
  span: DateSpan;
  score: number;
}

function toTimelineEvent(members: Member[]): TimelineEvent {
  // Groups of dates that agree, each under its widest date; the largest group gives the line its date.
  const groups: Member[][] = [];
  for (const member of [...members].sort((a, b) => b.span.last - b.span.first - (a.span.last - a.span.first) || a.span.first - b.span.first)) {
    const group = groups.find((g) => contains(g[0]!.span, member.span));
    if (group) group.push(member);
    else groups.push([member]);
  }
  groups.sort((a, b) => b.length - a.length || a[0]!.span.first - b[0]!.span.first);
  const main = groups[0]!;
  const agreeing = main.filter((m) => main.every((o) => contains(m.span, o.span) || contains(o.span, m.span)));
  // The finest date all of them agree with, stated outright rather than resolved when possible, by the most linked report.
  const width = (m: Member) => m.span.last - m.span.first;
  const shown = agreeing.sort((a, b) => width(a) - width(b) || Number(a.event.relative) - Number(b.event.relative) || b.score - a.score)[0]!.event;
  const line: TimelineEvent = { date: shown.date, precision: shown.precision, summary: shown.summary, relative: shown.relative, citations: [] };
  if (shown.end) line.end = shown.end;
  if (shown.relative) line.resolvedFrom = shown.mention;
  if (shown.note) line.note = shown.note;
  const seen = new Set<string>();
  // The report the line shows first, then the rest of its group by date, then the reports that disagree.
  const byDate = (a: Member, b: Member) => Number(b.event === shown) - Number(a.event === shown) || a.span.first - b.span.first ||
    a.event.sourceId.localeCompare(b.event.sourceId) || a.event.paragraph - b.event.paragraph;
  for (const group of groups) {
    for (const { event } of [...group].sort(byDate)) {
      const date = event.end ? `${event.date}/${event.end}` : event.date;
      const key = `${event.sourceId} ${event.paragraph} ${date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      line.citations.push({ sourceId: event.sourceId, paragraph: event.paragraph, citation: formatCitation(event.sourceId, event.paragraph), quote: event.quote, date });
    }
  }
  if (groups.length > 1) {
    const dates = [...groups].sort((a, b) => a[0]!.span.first - b[0]!.span.first).map((g) => displayDate(parseIsoDate(g[0]!.event.date)!, parseIsoDate(g[0]!.event.end)));
    line.conflict = `sources differ: ${dates.join(' / ')}`;
  }
  return line;
}

/** The timeline's lines grouped under the year they start in, in order. */
export function groupByYear(events: TimelineEvent[]): { year: number; events: TimelineEvent[] }[] {
  const groups: { year: number; events: TimelineEvent[] }[] = [];
  for (const event of events) {
    const year = Number(event.date.slice(0, 4));
    const last = groups[groups.length - 1];
    if (last?.year === year) last.events.push(event);
    else groups.push({ year, events: [event] });
  }
  return groups;
}

/** True when a date some source gives the event falls (at least partly) within the years `from` to `to`. */
export function withinYears(event: TimelineEvent, from?: number, to?: number): boolean {
  return event.citations.some((c) => {
    const span = spanOf(c.date);
    return span !== undefined && (from === undefined || span.lastYear >= from) && (to === undefined || span.firstYear <= to);
  });
}
