import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, generateParagraph } from '../bench/generate.js';
import { ingestIntoFreshLibrary, widestLine } from '../bench/timeline-news.js';
import type { AppContext } from '../src/app/context.js';
import { datesAgree } from '../src/core/dates/dates.js';
import { buildTimeline } from '../src/core/timeline/timeline-query.js';
import type { TimelineEvent } from '../src/core/timeline/timeline.js';

// 150 independent articles of 4 generated paragraphs (3 dated sentences each: 1,800 events, few
// enough for one timeline): formulaic sentences that share names, places and filler words, the
// material on which merging by union once made one line of 30 sources and 861 dates.
const ARTICLES = 150;
const dir = mkdtempSync(join(tmpdir(), 'research-bot-chains-'));
let ctx: AppContext;
let lines: TimelineEvent[];

beforeAll(async () => {
  const random = createRandom(7);
  mkdirSync(join(dir, 'articles'));
  for (let i = 0; i < ARTICLES; i++) {
    const body = Array.from({ length: 4 }, () => generateParagraph(random)).join('\n\n');
    writeFileSync(join(dir, 'articles', `g${i}.md`), `---\nid: g-${i}\ntitle: Generated ${i}\ndate: ${2000 + (i % 25)}\n---\n${body}\n`);
  }
  ctx = await ingestIntoFreshLibrary(join(dir, 'articles'));
  lines = buildTimeline(ctx.timelineDeps).events;
});
afterAll(() => {
  ctx?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the timeline of many independent generated articles', () => {
  it('puts on one line only reports that give the same date at the precision they share', () => {
    expect(lines.flatMap((l) => l.citations.flatMap((a) => l.citations.filter((b) => !datesAgree(a.date, b.date))))).toEqual([]);
  });

  it('has no line citing many sources with many dates: the widest cites 4 sources and 2 dates', () => {
    const widest = widestLine(lines);
    expect([ctx.events.countEvents(), widest.lines, widest.widestSources, widest.widestDates, widest.mostDatesOnALine]).toEqual([1800, 1160, 4, 2, 2]);
  });
});
