import { formatCitation } from '../citation.js';
import { compareDates, displayDate, parseIsoDate, spanOf, spansAgree, type DateSpan, type Precision } from '../dates/dates.js';
import type { SummaryComparer } from './event-similarity.js';
import type { ArticleEvent } from './events.js';
import { processTerm } from '../language/terms.js';

/** An event as the library stores it: extracted from one paragraph of one source. */
export interface SourcedEvent extends ArticleEvent {
  sourceId: string;
  /** The paragraph's id in the library and the search index. */
  paragraphId: number;
  /** The page the paragraph starts on, for sources with pages (PDF). */
  page?: number;
}

/** Where an event is reported, and the date that source gives it. */
export interface TimelineCitation {
  sourceId: string;
  paragraph: number;
  /** The page the paragraph starts on, for sources with pages (PDF). */
  page?: number;
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
  /** Set when another source gives what reads as this event another date: "sources differ: 2014 / 2015". */
  conflict?: string;
  /** With `conflict`: the reports, each on its own line of the timeline, that give the other dates. */
  conflictingCitations?: TimelineCitation[];
}

/** Summaries at least this similar (see createSummaryComparer) report the same event. Chosen on the five articles: docs/DESIGN.md. */
export const SAME_EVENT_SIMILARITY = 0.3;
/** Reports from two sources this similar, with dates that disagree, say the sources differ about one event. See docs/DESIGN.md. */
export const CONFLICT_SIMILARITY = 0.35;
/** Two sources disagree about an event by at most this many years; similar statements further apart are two events. */
export const MAX_CONFLICT_YEARS = 2;
/** Events of these kinds recur (a yearly exercise, summit or visit): similar reports with other dates are other occurrences. */
const RECURRING = new Set(['exercise', 'drill', 'summit', 'meeting', 'visit', 'talks', 'session', 'round', 'conference', 'election', 'competition', 'dialogue', 'forum', 'trip', 'tour'].map((w) => processTerm(w)!));

/**
 * Merges the events of the library into timeline lines, complete-link: reports join one line only
 * when every pair of them is the same date at the precision they share (2014 and November 2014)
 * with similar summaries (SAME_EVENT_SIMILARITY), never two dates of one paragraph, never through a
 * chain of pairs; the most similar pairs join first. Two lines whose dates disagree by at most
 * MAX_CONFLICT_YEARS, not of a recurring kind, with every report of one similar to every report of
 * the other and one pair from two sources strongly so (CONFLICT_SIMILARITY), are linked, not merged:
 * both say "sources differ: 2014 / 2015" and name the other's reports. A line is linked once.
 * Lines are in date order.
 */
export function mergeEvents(events: SourcedEvent[], comparer: SummaryComparer): TimelineEvent[] {
  const terms = events.map((e) => comparer.termsOf(e.summary));
  const recurring = terms.map(({ terms: summary }) => {
    for (const term of summary) if (RECURRING.has(term)) return true;
    return false;
  });
  const spans = events.map((e) => spanOf(e.date, e.end)!);
  const similar = (i: number, j: number) => comparer.similarity(terms[i]!, terms[j]!);
  // Two dates of one paragraph are two events ("begin in April … open in 2022"), whatever their words.
  const aboutTheSame = (i: number, j: number) =>
    !(events[i]!.sourceId === events[j]!.sourceId && events[i]!.paragraph === events[j]!.paragraph) && similar(i, j) >= SAME_EVENT_SIMILARITY;
  const sameEvent = (i: number, j: number) => spansAgree(spans[i]!, spans[j]!) && aboutTheSame(i, j);
  // Dates two sources can give one event by mistake: apart, but by at most MAX_CONFLICT_YEARS, and not of a recurring kind.
  const disagree = (i: number, j: number) => !spansAgree(spans[i]!, spans[j]!) && !recurring[i] && !recurring[j] &&
    Math.abs(spans[i]!.firstYear - spans[j]!.firstYear) <= MAX_CONFLICT_YEARS;
  const joins: Pair[] = [];
  const conflicts: Pair[] = [];
  const order = events.map((_, i) => i).sort((i, j) => spans[i]!.first - spans[j]!.first);
  for (let x = 0; x < order.length; x++) {
    const i = order[x]!;
    for (let y = x + 1; y < order.length; y++) {
      const j = order[y]!;
      if (spans[j]!.firstYear > spans[i]!.lastYear + MAX_CONFLICT_YEARS) break;
      const a = events[i]!;
      const b = events[j]!;
      if (a.sourceId === b.sourceId && a.paragraph === b.paragraph) continue;
      const agree = spansAgree(spans[i]!, spans[j]!);
      if (!agree && (a.sourceId === b.sourceId || recurring[i] || recurring[j])) continue;
      const similarity = similar(i, j);
      if (agree && similarity >= SAME_EVENT_SIMILARITY) joins.push({ i, j, similarity });
      else if (!agree && similarity >= CONFLICT_SIMILARITY) conflicts.push({ i, j, similarity });
    }
  }
  // Complete link: two lines join only when every report of one is the same event as every report of the other.
  const lineOf = events.map((_, i) => i);
  const members = events.map((_, i) => [i]);
  const score = events.map(() => 0);
  for (const { i, j, similarity } of joins.sort(bySimilarity)) {
    const a = members[lineOf[i]!]!;
    const b = members[lineOf[j]!]!;
    if (a === b || !a.every((m) => b.every((n) => (m === i && n === j) || sameEvent(m, n)))) continue;
    for (const n of b) lineOf[n] = lineOf[i]!;
    a.push(...b);
    b.length = 0;
    score[i] += similarity;
    score[j] += similarity;
  }
  const lines = new Map<number, TimelineEvent>();
  for (const group of members) if (group.length > 0) lines.set(lineOf[group[0]!]!, toTimelineEvent(group.map((i) => ({ event: events[i]!, span: spans[i]!, score: score[i]! }))));
  // A conflict links two lines, never merges them: each keeps its date and reports and names the other's.
  // A line is linked once, to the line most like it, and only when every report of one is about what
  // every report of the other is: a link never chains lines either.
  const linkedTo = new Map<number, number>();
  for (const { i, j } of conflicts.sort(bySimilarity)) {
    const [a, b] = [lineOf[i]!, lineOf[j]!];
    if (linkedTo.has(a) || linkedTo.has(b) || !members[a]!.every((m) => members[b]!.every((n) => disagree(m, n) && aboutTheSame(m, n)))) continue;
    linkedTo.set(a, b).set(b, a);
  }
  for (const [at, other] of linkedTo) {
    const [line, them] = [lines.get(at)!, lines.get(other)!];
    const dates = [line, them].sort((x, y) => compareDates(parseIsoDate(x.date)!, parseIsoDate(y.date)!)).map((l) => displayDate(parseIsoDate(l.date)!, parseIsoDate(l.end)));
    line.conflict = `sources differ: ${dates.join(' / ')}`;
    line.conflictingCitations = them.citations;
  }
  return [...lines.values()]
    .sort((a, b) => compareDates(parseIsoDate(a.date)!, parseIsoDate(b.date)!) || (a.end ?? '').localeCompare(b.end ?? '') || a.summary.localeCompare(b.summary));
}

interface Pair {
  i: number;
  j: number;
  similarity: number;
}

const bySimilarity = (a: Pair, b: Pair) => b.similarity - a.similarity || a.i - b.i || a.j - b.j;

interface Member {
  event: SourcedEvent;
  span: DateSpan;
  score: number;
}

/** A line of reports that all agree: the finest date, stated outright rather than resolved when possible, of the most linked report. */
function toTimelineEvent(members: Member[]): TimelineEvent {
  const width = (m: Member) => m.span.last - m.span.first;
  const shown = [...members].sort((a, b) => width(a) - width(b) || Number(a.event.relative) - Number(b.event.relative) || b.score - a.score)[0]!.event;
  const line: TimelineEvent = { date: shown.date, precision: shown.precision, summary: shown.summary, relative: shown.relative, citations: [] };
  if (shown.end) line.end = shown.end;
  if (shown.relative) line.resolvedFrom = shown.mention;
  if (shown.note) line.note = shown.note;
  const seen = new Set<string>();
  // The report the line shows first, then the rest by date.
  const byDate = (a: Member, b: Member) => Number(b.event === shown) - Number(a.event === shown) || a.span.first - b.span.first ||
    a.event.sourceId.localeCompare(b.event.sourceId) || a.event.paragraph - b.event.paragraph;
  for (const { event } of [...members].sort(byDate)) {
    const date = event.end ? `${event.date}/${event.end}` : event.date;
    const key = `${event.sourceId} ${event.paragraph} ${date}`;
    if (seen.has(key)) continue;
    seen.add(key);
    line.citations.push({
      sourceId: event.sourceId, paragraph: event.paragraph, ...(event.page === undefined ? {} : { page: event.page }),
      citation: formatCitation(event.sourceId, event.paragraph, event.page), quote: event.quote, date,
    });
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
