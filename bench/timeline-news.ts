/**
 * Date resolution of the timeline on 32 annotated news articles (bench/timeline-news.json, issue 18),
 * through the same ingestion and extraction the bot runs: each article is written as a file with
 * front matter and ingested into a fresh temporary library, then every annotated date expression
 * (timex) is looked up among the events extracted from its paragraph. Scored per kind of timex:
 *   found     the share of timex that an extracted event covers (its mention overlaps the timex),
 *   accuracy  the share of those found whose event has the annotated value at the annotated
 *             precision (a coarser, finer or range date is wrong),
 *   correct   the share of all timex with an event of the right value (found × accuracy).
 * Raw chrono-node (`chrono.en.casual.parse(paragraph, publication date, { forwardDate: false })`)
 * is scored the same way for comparison, at the finest part chrono is certain of (a weekday names a
 * day); events (or chrono results) covering no timex are false. A range is scored at each end: TimeML
 * annotates "between 2015 and 2017" as two timexes, 2015 and 2017, and the range states both, so the
 * timex in the first half of the range's words is right when the range starts at its value, the other
 * when it ends there (a first version scored the range wrong for both, counting the reading that keeps
 * the statement whole, 2015–2017, as two errors).
 * Then chained merges: the widest line the timeline's merging makes of this library's events and of
 * a generated library's (bench/generate.ts): how many sources it cites and how many dates they give.
 * Run by bench/quality.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chrono from 'chrono-node';
import { loadConfig } from '../src/app/config.js';
import type { AppContext } from '../src/app/context.js';
import { createSummaryComparer } from '../src/core/timeline/event-similarity.js';
import { extractTerms } from '../src/core/language/terms.js';
import { buildTimeline } from '../src/core/timeline/timeline-query.js';
import { mergeEvents, type SourcedEvent, type TimelineEvent } from '../src/core/timeline/timeline.js';
import type { StoredParagraph } from '../src/core/types.js';
import { ingestPaths } from '../src/ingest/ingest.js';
import { createLogger } from '../src/app/log.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { generateLibrary } from './generate.js';

export const TIMEX_KINDS = ['deictic', 'month-day', 'bare-month', 'weekday', 'phrase', 'absolute'] as const;
export type TimexKind = (typeof TIMEX_KINDS)[number];

export interface NewsTimex {
  /** The expression as the text gives it, without a leading "on" or "in". */
  text: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  value: string;
  kind: TimexKind;
}

export interface NewsArticle {
  id: string;
  title: string;
  author: string;
  publisher: string;
  /** Publication date, `YYYY-MM-DD` or `YYYY-MM`. */
  date: string;
  /** Paragraphs separated by blank lines. */
  text: string;
  timex: NewsTimex[];
}

/** A date read from a paragraph, by the timeline's extraction or by raw chrono-node, placed in the stored paragraph's text. */
export interface ReadDate {
  sourceId: string;
  paragraph: number;
  /** Where the mention starts in the paragraph's text, and its length. */
  at: number;
  length: number;
  mention: string;
  /** `YYYY[-MM[-DD]]`, or `start/end` for a range. */
  date: string;
}

/** One annotated timex, where it is, and what each system read there. */
export interface TimexResult extends NewsTimex {
  sourceId: string;
  articleDate: string;
  /** The stored paragraph holding it, and where; `undefined` when ingestion dropped its text. */
  paragraph?: number;
  at?: number;
  timeline?: ReadDate;
  chrono?: ReadDate;
}

const share = (count: number, of: number) => (of === 0 ? 0 : Math.round((count / of) * 1000) / 1000);
const quote = (text: string) => JSON.stringify(text);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Writes each article as `<id>.md` with front matter into `dir` (made if need be); returns the folder. */
export function writeNewsArticles(articles: NewsArticle[], dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const a of articles) {
    const front = [`id: ${a.id}`, `title: ${quote(a.title)}`, `author: ${quote(a.author)}`, `publisher: ${quote(a.publisher)}`, `date: ${a.date}`];
    writeFileSync(join(dir, `${a.id}.md`), `---\n${front.join('\n')}\n---\n${a.text.trim()}\n`);
  }
  return dir;
}

/**
 * A fresh library in memory, opened as at start with an empty articles folder, with the files of
 * `dir` ingested as `research-bot ingest` does. The caller closes it.
 * @throws Error when the ingester refuses any file
 */
export async function ingestIntoFreshLibrary(dir: string): Promise<AppContext> {
  const empty = mkdtempSync(join(tmpdir(), 'research-bot-empty-'));
  try {
    const ctx = await openAtStart({ ...loadConfig({}), databasePath: ':memory:', articlesDir: empty }, { log: createLogger({ debug: false, quiet: true }) });
    const report = await ingestPaths(ctx, [dir]);
    if (report.refused.length > 0) {
      ctx.close();
      throw new Error(`bench: the ingester refused ${report.refused.map((r) => r.reason).join(' ')}`);
    }
    return ctx;
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

/** Where an extracted event's mention is in its paragraph's text (events are read from the body, which drops repeated sentences). */
function placeEvent(e: SourcedEvent, paragraph: StoredParagraph): ReadDate {
  let at = e.offset;
  if (paragraph.body !== paragraph.text) {
    const sentence = paragraph.text.indexOf(e.quote);
    at = sentence >= 0 ? sentence + e.offset - e.quoteAt : paragraph.text.indexOf(e.mention);
  }
  return { sourceId: e.sourceId, paragraph: e.paragraph, at, length: e.mention.length, mention: e.mention, date: e.end ? `${e.date}/${e.end}` : e.date };
}

/** A chrono-node component set as `YYYY[-MM[-DD]]`, to the finest part it is certain of (a weekday names a day). */
function chronoDate(c: chrono.ParsedComponents): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = c.isCertain('day') || c.isCertain('weekday');
  const month = day || c.isCertain('month');
  const year = month || c.isCertain('year');
  // Nothing certain ("this week"): chrono still gives a day, which is what a caller of `.date()` would take.
  const precision = day || !year ? 'day' : month ? 'month' : 'year';
  const y = String(c.get('year')).padStart(4, '0');
  if (precision === 'year') return y;
  if (precision === 'month') return `${y}-${pad(c.get('month')!)}`;
  return `${y}-${pad(c.get('month')!)}-${pad(c.get('day')!)}`;
}

/** The date chrono-node is given as "now": the publication date at local noon (the first of the month for `YYYY-MM`). */
function referenceOf(date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year!, (month ?? 1) - 1, day ?? 1, 12);
}

function rawChrono(sourceId: string, articleDate: string, paragraphs: StoredParagraph[]): ReadDate[] {
  const ref = referenceOf(articleDate);
  return paragraphs.flatMap((p) => chrono.en.casual.parse(p.text, ref, { forwardDate: false }).map((r) => {
    const start = chronoDate(r.start);
    const end = r.end && chronoDate(r.end);
    return { sourceId, paragraph: p.n, at: r.index, length: r.text.length, mention: r.text, date: end && end !== start ? `${start}/${end}` : start };
  }));
}

const overlaps = (t: TimexResult, d: ReadDate) => t.paragraph === d.paragraph && d.at < t.at! + t.text.length && t.at! < d.at + d.length;
/** The read date has the timex's value; a range at the end the timex is at ("2017" of "between 2015 and 2017"). */
function right(t: TimexResult, d: ReadDate | undefined): boolean {
  if (d === undefined) return false;
  const [start, end] = d.date.split('/');
  if (end === undefined) return start === t.value;
  return (t.at! - d.at < d.length / 2 ? start : end) === t.value;
}

/** The read date covering the timex: one with the annotated value when several do, else the nearest. */
function cover(t: TimexResult, reads: ReadDate[], used: Set<ReadDate>): ReadDate | undefined {
  const covering = reads.filter((d) => overlaps(t, d)).sort((a, b) => Number(right(t, b)) - Number(right(t, a)) || Math.abs(a.at - t.at!) - Math.abs(b.at - t.at!));
  if (covering[0]) used.add(covering[0]);
  return covering[0];
}

function scores(timex: TimexResult[], system: 'timeline' | 'chrono') {
  return ['all', ...TIMEX_KINDS].map((kind) => {
    const of = timex.filter((t) => kind === 'all' || t.kind === kind);
    const found = of.filter((t) => t[system] !== undefined).length;
    const correct = of.filter((t) => right(t, t[system])).length;
    return { system: system === 'timeline' ? 'timeline' : 'raw chrono-node', kind, timex: of.length, found: share(found, of.length), accuracy: share(correct, found), correct: share(correct, of.length) };
  });
}

/** The widest merged line (most sources cited, then most dates), and the most dates any one line's citations give. */
export function widestLine(lines: TimelineEvent[]) {
  const width = (l: TimelineEvent) => ({ sources: new Set(l.citations.map((c) => c.sourceId)).size, citations: l.citations.length, dates: new Set(l.citations.map((c) => c.date)).size });
  const measured = lines.map((line) => ({ line, ...width(line) }));
  const widest = measured.sort((a, b) => b.sources - a.sources || b.dates - a.dates || b.citations - a.citations)[0];
  const dates = widest ? [...new Set(widest.line.citations.map((c) => c.date))].sort() : [];
  return {
    lines: lines.length,
    widestSources: widest?.sources ?? 0,
    widestCitations: widest?.citations ?? 0,
    widestDates: widest?.dates ?? 0,
    widestSpan: dates.length > 0 ? `${dates[0]} … ${dates[dates.length - 1]}` : '-',
    mostDatesOnALine: Math.max(0, ...measured.map((m) => m.dates)),
    linesOver10Sources: measured.filter((m) => m.sources > 10).length,
    linesInConflict: lines.filter((l) => l.conflict).length,
    summary: widest?.line.summary.slice(0, 40) ?? '',
  };
}

/**
 * Every event of a library merged into timeline lines by the timeline's own merging (mergeEvents,
 * with the comparer buildTimeline builds). buildTimeline itself refuses a library of more than
 * MAX_MERGED_EVENTS events without a topic, source or years; this merges them all at once.
 */
export function mergeAll(ctx: AppContext): TimelineEvent[] {
  const weights = new Map<string, number>();
  const weight = (term: string) => weights.get(term) ?? weights.set(term, ctx.search.idf(term)).get(term)!;
  const cache = new Map<string, string[]>();
  const extract = (summary: string) => cache.get(summary) ?? cache.set(summary, extractTerms(summary)).get(summary)!;
  return mergeEvents(ctx.events.listEvents(), createSummaryComparer(ctx.synonyms, weight, extract));
}

/** Paragraphs of the small generated library: 3 dates each, so 1,800 events, under MAX_MERGED_EVENTS (buildTimeline merges them all). */
const SMALL_GENERATED = 600;
/** The topic asked of the large generated library (one of bench/generate.ts's topics). */
const GENERATED_TOPIC = 'energy pipeline';

/**
 * The widest lines of generated libraries (bench/generate.ts, seed 42): a small one through
 * buildTimeline with no filter, as /timeline shows it; a large one merged whole by mergeEvents
 * (what chaining does with nothing to stop it), and through buildTimeline with a topic and with a
 * source, the only ways /timeline reads a library of more than MAX_MERGED_EVENTS events.
 */
async function mergeGenerated(dir: string, paragraphs: number) {
  const rows = [];
  const smallDir = generateAt(join(dir, 'generated-small'), SMALL_GENERATED);
  const small = await ingestIntoFreshLibrary(smallDir);
  try {
    rows.push({ library: `generated, ${SMALL_GENERATED.toLocaleString('en')} paragraphs`, how: 'buildTimeline()', events: small.events.countEvents(), ...timed(() => buildTimeline(small.timelineDeps).events) });
  } finally {
    small.close();
  }
  const large = await ingestIntoFreshLibrary(generateAt(join(dir, 'generated'), paragraphs));
  try {
    const library = `generated, ${paragraphs.toLocaleString('en')} paragraphs`;
    const events = large.events.countEvents();
    rows.push({ library, how: 'mergeEvents(all events)', events, ...timed(() => mergeAll(large)) });
    rows.push({ library, how: `buildTimeline(topic "${GENERATED_TOPIC}")`, events, ...timed(() => buildTimeline(large.timelineDeps, { topic: GENERATED_TOPIC }).events) });
    rows.push({ library, how: 'buildTimeline(source gen-42-0)', events, ...timed(() => buildTimeline(large.timelineDeps, { sourceId: 'gen-42-0' }).events) });
  } finally {
    large.close();
  }
  return rows;
}

function generateAt(dir: string, paragraphs: number): string {
  generateLibrary(dir, paragraphs, 42);
  return dir;
}

function timed(merge: () => TimelineEvent[]) {
  const started = performance.now();
  const lines = merge();
  return { ...widestLine(lines), ms: Math.round(performance.now() - started) };
}

/** Scores the timeline and raw chrono-node on the annotated articles, and measures the widest merged lines. */
export async function runNewsTimelineBench(articles: NewsArticle[], { generatedParagraphs = 10_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'research-bot-news-'));
  try {
    const ctx = await ingestIntoFreshLibrary(writeNewsArticles(articles, join(dir, 'news')));
    const timex: TimexResult[] = [];
    const extracted: ReadDate[] = [];
    const chronoReads: ReadDate[] = [];
    const usedEvents = new Set<ReadDate>();
    const usedChrono = new Set<ReadDate>();
    let bodiesDiffer = 0;
    let news: ReturnType<typeof widestLine>;
    try {
      for (const article of articles) {
        const paragraphs = ctx.sources.getParagraphsOf(article.id);
        if (paragraphs.length === 0) throw new Error(`bench: ${article.id} was not ingested`);
        bodiesDiffer += paragraphs.filter((p) => p.body !== p.text).length;
        const byN = new Map(paragraphs.map((p) => [p.n, p]));
        const events = ctx.events.listEventsOfSource(article.id).map((e) => placeEvent(e, byN.get(e.paragraph)!));
        const reads = rawChrono(article.id, article.date, paragraphs);
        extracted.push(...events);
        chronoReads.push(...reads);
        // Timex are annotated in reading order: each is looked for after the one before, as a whole word.
        let cursor = { n: 0, at: 0 };
        for (const t of article.timex) {
          const result: TimexResult = { ...t, sourceId: article.id, articleDate: article.date };
          const pattern = new RegExp(`(?<![\\w])${escape(t.text)}(?![\\w])`, 'g');
          for (const p of paragraphs) {
            if (p.n < cursor.n) continue;
            pattern.lastIndex = p.n === cursor.n ? cursor.at : 0;
            const match = pattern.exec(p.text);
            if (!match) continue;
            Object.assign(result, { paragraph: p.n, at: match.index });
            cursor = { n: p.n, at: match.index + t.text.length };
            break;
          }
          if (result.paragraph !== undefined) {
            const event = cover(result, events, usedEvents);
            if (event) result.timeline = event;
            const read = cover(result, reads, usedChrono);
            if (read) result.chrono = read;
          }
          timex.push(result);
        }
      }
      news = widestLine(buildTimeline(ctx.timelineDeps).events);
    } finally {
      ctx.close();
    }
    const merging = [{ library: `news, ${articles.length} articles`, how: 'buildTimeline()', events: extracted.length, ...news }, ...(await mergeGenerated(dir, generatedParagraphs))];
    return {
      timex,
      rows: [...scores(timex, 'timeline'), ...scores(timex, 'chrono')],
      falseEvents: extracted.filter((e) => !usedEvents.has(e)),
      extractedEvents: extracted.length,
      falseChrono: chronoReads.filter((r) => !usedChrono.has(r)),
      chronoResults: chronoReads.length,
      notInText: timex.filter((t) => t.paragraph === undefined),
      bodiesDiffer,
      merging,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the news-timeline scores (and, verbose, every miss and false event) for `npm run bench:quality`. */
export async function printNewsTimelineBench(articles: NewsArticle[], verbose: boolean, generatedParagraphs = 10_000): Promise<void> {
  const run = await runNewsTimelineBench(articles, { generatedParagraphs });
  console.log(`\nNews timeline: ${run.timex.length} annotated dates in ${articles.length} news articles (bench/timeline-news.json), resolved against each article's date`);
  console.table(run.rows);
  console.table([
    { system: 'timeline', read: run.extractedEvents, falseEvents: run.falseEvents.length, falseShare: share(run.falseEvents.length, run.extractedEvents) },
    { system: 'raw chrono-node', read: run.chronoResults, falseEvents: run.falseChrono.length, falseShare: share(run.falseChrono.length, run.chronoResults) },
  ]);
  if (run.notInText.length > 0) console.log(`${run.notInText.length} timex are in no stored paragraph (ingestion dropped their text): ${run.notInText.map((t) => `${t.sourceId} "${t.text}"`).join(', ')}`);
  if (run.bodiesDiffer > 0) console.log(`${run.bodiesDiffer} paragraphs lost repeated sentences to ingestion (events are read from the rest)`);
  console.log('Chained merges: the widest timeline line (most sources cited) of each library');
  console.table(run.merging);
  if (!verbose) return;
  for (const t of run.timex) {
    if (right(t, t.timeline)) continue;
    const got = t.timeline ? `${t.timeline.date} from "${t.timeline.mention}"` : 'nothing';
    const raw = t.chrono ? `${t.chrono.date} from "${t.chrono.mention}"` : 'nothing';
    console.log(`${t.timeline ? 'wrong ' : 'missed'} ${t.sourceId} (${t.articleDate}) ${t.kind} "${t.text}" = ${t.value}; timeline: ${got}; chrono: ${raw}`);
  }
  for (const e of run.falseEvents) console.log(`false  ${e.sourceId} ¶${e.paragraph} ${e.date} "${e.mention}"`);
}
