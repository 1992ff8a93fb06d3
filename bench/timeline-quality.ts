/**
 * Timeline quality on the hand-made list of dated events in the five articles (bench/timeline.json),
 * through the same ingestion, extraction and merging the bot runs: event recall, date accuracy,
 * false events, and how the merged timeline groups reports of one event. Run by bench/quality.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildTimeline } from '../src/core/timeline/timeline-query.js';
import type { SourcedEvent } from '../src/core/timeline/timeline.js';
import type { AppContext } from '../src/app/context.js';

interface GoldEvent {
  sourceId: string;
  contains: string;
  date: string;
  end?: string;
  precision: string;
  event?: string;
}

const share = (count: number, of: number) => (of === 0 ? 0 : Math.round((count / of) * 1000) / 1000);
const dateOf = (e: { date: string; end?: string }) => (e.end ? `${e.date}/${e.end}` : e.date);
const sameDate = (g: GoldEvent, e: SourcedEvent) => dateOf(g) === dateOf(e) && g.precision === e.precision;

/** Matches the list to the extracted events (same paragraph, the same date first), then scores the merged timeline. */
export function runTimelineBench(ctx: AppContext, gold: GoldEvent[]) {
  const extracted = ctx.events.listEvents();
  const golds = gold.map((g, i) => {
    const paragraph = ctx.sources.getParagraphsOf(g.sourceId).find((p) => p.text.includes(g.contains));
    if (!paragraph) throw new Error(`bench: "${g.contains}" is in no paragraph of ${g.sourceId}`);
    return { ...g, key: g.event ?? `#${i}`, paragraph: paragraph.n, at: paragraph.text.indexOf(g.contains) };
  });
  const match = new Map<number, SourcedEvent>();
  const used = new Set<SourcedEvent>();
  for (const exact of [true, false]) {
    golds.forEach((g, i) => {
      if (match.has(i)) return;
      const found = extracted
        .filter((e) => !used.has(e) && e.sourceId === g.sourceId && e.paragraph === g.paragraph && (!exact || sameDate(g, e)))
        .sort((a, b) => Math.abs(a.offset - g.at) - Math.abs(b.offset - g.at))[0];
      if (found) {
        match.set(i, found);
        used.add(found);
      }
    });
  }
  const lines = buildTimeline(ctx.timelineDeps).events;
  const lineOf = (e: SourcedEvent) => lines.findIndex((l) => l.citations.some((c) => c.sourceId === e.sourceId && c.paragraph === e.paragraph && c.date === dateOf(e)));
  const linesByKey = new Map<string, Set<number>>();
  const keysByLine = new Map<number, Set<string>>();
  const datesByKey = new Map<string, Set<string>>();
  golds.forEach((g, i) => {
    datesByKey.set(g.key, (datesByKey.get(g.key) ?? new Set()).add(dateOf(g)));
    const event = match.get(i);
    if (!event) return;
    const line = lineOf(event);
    linesByKey.set(g.key, (linesByKey.get(g.key) ?? new Set()).add(line));
    keysByLine.set(line, (keysByLine.get(line) ?? new Set()).add(g.key));
  });
  const shared = [...datesByKey].filter(([key]) => golds.filter((g) => g.key === key).length > 1).map(([key, dates]) => ({ key, differ: dates.size > 1 }));
  const conflictLines = new Set(shared.filter((s) => s.differ).flatMap((s) => [...(linesByKey.get(s.key) ?? [])]).filter((l) => lines[l]?.conflict));
  return {
    golds, match, falseEvents: extracted.filter((e) => !used.has(e)), lines,
    extraction: {
      goldEvents: golds.length,
      eventRecall: share(match.size, golds.length),
      dateAccuracy: share([...match].filter(([i, e]) => sameDate(golds[i]!, e)).length, match.size),
      falseEvents: extracted.length - used.size,
      falseEventShare: share(extracted.length - used.size, extracted.length),
    },
    merging: {
      timelineLines: lines.length,
      eventsReportedTwiceOrMore: shared.length,
      keptOnOneLine: shared.filter((s) => linesByKey.get(s.key)?.size === 1).length,
      linesMixingEvents: [...keysByLine.values()].filter((keys) => keys.size > 1).length,
      conflictsFound: `${shared.filter((s) => s.differ && [...(linesByKey.get(s.key) ?? [])].some((l) => lines[l]?.conflict)).length}/${shared.filter((s) => s.differ).length}`,
      falseConflicts: lines.filter((l, i) => l.conflict && !conflictLines.has(i)).length,
    },
  };
}

/** Prints the timeline scores (and, verbose, every miss) for `npm run bench:quality`. */
export function printTimelineBench(ctx: AppContext, root: string, verbose: boolean): void {
  const set = JSON.parse(readFileSync(join(root, 'bench/timeline.json'), 'utf8')) as { events: GoldEvent[] };
  const run = runTimelineBench(ctx, set.events);
  console.log(`Timeline: ${run.golds.length} hand-dated events in the five articles (bench/timeline.json)`);
  console.table([run.extraction]);
  console.table([run.merging]);
  if (!verbose) return;
  run.golds.forEach((g, i) => {
    const e = run.match.get(i);
    if (!e) console.log(`missed  ${g.sourceId} ¶${g.paragraph} ${dateOf(g)} | ${g.contains}`);
    else if (!sameDate(g, e)) console.log(`wrong   ${g.sourceId} ¶${g.paragraph} ${dateOf(e)} (${e.precision}) should be ${dateOf(g)} (${g.precision}) | ${g.contains}`);
  });
  for (const e of run.falseEvents) console.log(`false   ${e.sourceId} ¶${e.paragraph} ${dateOf(e)} "${e.mention}" | ${e.summary.slice(0, 80)}`);
}
