import { displayDate, parseIsoDate } from '../core/dates/dates.js';
import { groupByYear, type TimelineEvent } from '../core/timeline/timeline.js';
import type { TimelineResult } from '../core/timeline/timeline-query.js';
import { wrap } from './text-ask.js';

/** Reports of other lines named after a conflict; the rest are counted ("+3 more"). */
const CONFLICTING_MAX = 4;

/** Marks a date resolved against an article's date ("last year"): shown as "≈ 2017". */
export const RESOLVED_MARK = '≈';

/** The parts of one timeline line, for the terminal and Discord to lay out: date — summary (how) [citations] ⚠ conflict. */
export interface EventLineParts {
  date: string;
  summary: string;
  /** How a resolved date was read: `resolved from "last year"`, with the note when there is one. */
  resolved?: string;
  /** Citation labels (a line's reports all give its date, at the precision each has). */
  citations: string[];
  /** `sources differ: 2014 / 2015 — [gvs-2018 ¶4] (2015)`: the dates, and the reports on other lines that give the others. */
  conflict?: string;
}

/** Splits a timeline event into the parts of its line. */
export function eventLineParts(event: TimelineEvent): EventLineParts {
  const parts: EventLineParts = {
    date: `${event.relative ? `${RESOLVED_MARK} ` : ''}${displayDate(parseIsoDate(event.date)!, parseIsoDate(event.end))}`,
    summary: event.summary,
    citations: event.citations.map((c) => c.citation),
  };
  if (event.relative) parts.resolved = `resolved from "${event.resolvedFrom ?? ''}"${event.note ? `: ${event.note}` : ''}`;
  if (event.conflict) parts.conflict = [event.conflict, conflictingCitations(event)].filter(Boolean).join(' — ');
  return parts;
}

/** The reports on other lines that date the event otherwise, with their dates, at most CONFLICTING_MAX: `[gvs-2018 ¶4] (2015)`. */
function conflictingCitations(event: TimelineEvent): string {
  const all = (event.conflictingCitations ?? []).map((c) => `${c.citation} (${displayIsoRange(c.date)})`);
  return all.length > CONFLICTING_MAX ? [...all.slice(0, CONFLICTING_MAX), `+${all.length - CONFLICTING_MAX} more`].join(' ') : all.join(' ');
}

/** One line as plain text: `date — summary (resolved from "…") [citations] ⚠ sources differ: …`. */
export function formatEventLine(parts: EventLineParts): string {
  return [`${parts.date} — ${parts.summary}`, parts.resolved && `(${parts.resolved})`, parts.citations.join(' '), parts.conflict && `⚠ ${parts.conflict}`]
    .filter(Boolean).join(' ');
}

/** What the timeline shows, in words: "12 events about "defence agreement", 2014–2018, reported by gvs-2018". */
export function describeTimeline(result: TimelineResult): string {
  const count = `${result.events.length} event${result.events.length === 1 ? '' : 's'}`;
  const { from, to } = result;
  const years = from !== undefined && to !== undefined ? `${from}–${to}` : from !== undefined ? `from ${from}` : to !== undefined ? `up to ${to}` : undefined;
  return [count + (result.topic ? ` about "${result.topic}"` : ''), years, result.sourceId && `reported by ${result.sourceId}`].filter(Boolean).join(', ');
}

/** The timeline as terminal text: a heading per year, one wrapped line per event. */
export function renderTimelineText(result: TimelineResult): string {
  if (result.events.length === 0) return `No dated events found (${describeTimeline(result)}).`;
  const out = [`Timeline: ${describeTimeline(result)}.`];
  if (result.events.some((e) => e.relative)) out.push(`${RESOLVED_MARK} marks a date resolved against the article's own date.`);
  for (const { year, events } of groupByYear(result.events)) {
    out.push('', String(year));
    for (const event of events) out.push(wrap(formatEventLine(eventLineParts(event)), 100, '    ').replace(/^ {4}/, '  '));
  }
  return out.join('\n');
}

function displayIsoRange(date: string): string {
  const [start, end] = date.split('/').map((part) => parseIsoDate(part));
  return start ? displayDate(start, end) : date;
}
