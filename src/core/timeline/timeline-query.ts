import { QuestionError } from '../errors.js';
import { createSummaryComparer } from './event-similarity.js';
import { analyzeQuery, conceptMatched, type QueryConcept, type SynonymTable, type Thesaurus } from '../search/query.js';
import type { Retrieval } from '../search/rank.js';
import { correctTypos } from '../search/ask.js';
import { extractTerms } from '../language/terms.js';
import { quoteInput, stripControlCharacters, stripMarkup } from '../language/text.js';
import { MAX_CONFLICT_YEARS, mergeEvents, withinYears, type SourcedEvent, type TimelineEvent } from './timeline.js';
import type { SourceMeta } from '../types.js';

/** Longest topic accepted, in characters. */
export const MAX_TOPIC_LENGTH = 200;
/**
 * A paragraph (or an event's summary) is on the topic when it matches this share of the topic's
 * weight, in /ask's coverage measure. Stricter than /ask's 0.45, which only has to find the best
 * passage: a filter keeps every match, and with 0.45 "defence agreement" kept every paragraph
 * naming a defence minister. See docs/DESIGN.md, "Timeline".
 */
export const TOPIC_COVERAGE = 0.7;
/** Paragraphs a topic's timeline is drawn from at most, best matches first. */
export const MAX_TOPIC_PARAGRAPHS = 200;
/**
 * Events one timeline merges at most: merging compares events pairwise, so a timeline of a whole
 * large library would take minutes. Beyond it a topic or a source reads its own events (see
 * withNeighbours), and years read only theirs; no filter at all is refused with a sentence.
 */
export const MAX_MERGED_EVENTS = 2000;
/** Years of the widest span a large library's timeline reads without a topic or a source. */
const MAX_YEAR_SPAN = 200;

/** What building a timeline needs: the stored events, paragraph retrieval (for topics), the sources. */
export interface TimelineDeps {
  retrieval: Retrieval;
  synonyms: SynonymTable;
  /** Tells English words from names when correcting a topic's typos, as for /ask. */
  thesaurus?: Thesaurus;
  /** Every event of the library; `undefined` when there are more than `limit`. */
  listEvents(limit: number): SourcedEvent[] | undefined;
  /** The events of the given paragraphs only (a topic's timeline need not read the whole library's). */
  listEventsOf(paragraphIds: number[]): SourcedEvent[];
  /** The events one source reports. */
  listEventsOfSource(sourceId: string): SourcedEvent[];
  /** The events starting in the given years ("2014"); `undefined` when there are more than `limit`. */
  listEventsInYears(years: string[], limit: number): SourcedEvent[] | undefined;
  getSource(id: string): SourceMeta | undefined;
}

/** Filters of /timeline; years are of the events, not of the articles' publication. */
export interface TimelineOptions {
  topic?: string;
  from?: number;
  to?: number;
  sourceId?: string;
}

/** The timeline, the same for Discord, the terminal and `--json`. */
export interface TimelineResult {
  topic?: string;
  from?: number;
  to?: number;
  sourceId?: string;
  events: TimelineEvent[];
  /** The web address of each cited source that has one, by source id, for links. */
  sourceUrls?: Record<string, string>;
}

/**
 * The library's events in order, merged across sources, filtered: `topic` keeps events of the
 * paragraphs /ask's search finds for it (covering TOPIC_COVERAGE of it) and events whose summary
 * covers it (a merged event when any of its reports is kept); `sourceId` keeps events that source reports (with
 * every citation, so disagreements stay visible); `from`/`to` keep events some source dates in those years.
 * @throws QuestionError for an over-long or word-less topic, an unknown source, from after to, or a large
 *   library's timeline with no topic, source or years (MAX_MERGED_EVENTS)
 */
export function buildTimeline(deps: TimelineDeps, options: TimelineOptions = {}): TimelineResult {
  const topic = options.topic === undefined ? undefined : stripControlCharacters(options.topic).trim() || undefined;
  const concepts = validate(deps, topic, options);
  // A topic reads only the events of the paragraphs about it: on a large library, reading and
  // merging every event for each topic would dominate the reply.
  const topicIds = concepts && topicParagraphs(deps, concepts);
  const all = topicIds ? withNeighbours(deps, deps.listEventsOf(topicIds)) : deps.listEvents(MAX_MERGED_EVENTS) ??
    (options.sourceId !== undefined ? withNeighbours(deps, deps.listEventsOfSource(options.sourceId)) : eventsOfYears(deps, options));
  const weights = new Map<string, number>();
  const weight = (term: string) => weights.get(term) ?? weights.set(term, deps.retrieval.idf(term)).get(term)!;
  // Merging and the topic filter both read every summary's terms: extracted once (most of a topic's time).
  const summaryTerms = new Map<string, string[]>();
  const extract = (summary: string) => summaryTerms.get(summary) ?? summaryTerms.set(summary, extractTerms(summary)).get(summary)!;
  const lines = mergeEvents(all, createSummaryComparer(deps.synonyms, weight, extract));
  const onTopic = concepts && topicIds && topicKeys(deps, concepts, all, new Set(topicIds), extract);
  const events = lines.filter((line) =>
    (!onTopic || line.citations.some((c) => onTopic.has(`${c.sourceId} ${c.paragraph}`) || onTopic.has(`${c.sourceId} ${c.paragraph} ${c.date}`))) &&
    (options.sourceId === undefined || line.citations.some((c) => c.sourceId === options.sourceId)) &&
    withinYears(line, options.from, options.to));
  const result: TimelineResult = { events };
  if (topic !== undefined) result.topic = topic;
  if (options.from !== undefined) result.from = options.from;
  if (options.to !== undefined) result.to = options.to;
  if (options.sourceId !== undefined) result.sourceId = options.sourceId;
  const urls = Object.fromEntries(citedSources(events).flatMap((id) => {
    const url = deps.getSource(id)?.url;
    return url ? [[id, url]] : [];
  }));
  if (Object.keys(urls).length > 0) result.sourceUrls = urls;
  return result;
}

function citedSources(events: TimelineEvent[]): string[] {
  return [...new Set(events.flatMap((e) => [...e.citations, ...(e.conflictingCitations ?? [])].map((c) => c.sourceId)))];
}

function validate(deps: TimelineDeps, topic: string | undefined, options: TimelineOptions): QueryConcept[] | undefined {
  for (const key of ['from', 'to'] as const) {
    const year = options[key];
    if (year !== undefined && (!Number.isInteger(year) || year < 0 || year > 9999)) throw new QuestionError(`"${key}" must be a year from 0 to 9999, not ${year}.`);
  }
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    throw new QuestionError(`"from" (${options.from}) is after "to" (${options.to}).`);
  }
  if (options.sourceId !== undefined && !deps.getSource(options.sourceId)) throw new QuestionError(`There is no source ${quoteInput(options.sourceId)} in the library.`);
  if (topic === undefined) return undefined;
  if (topic.length > MAX_TOPIC_LENGTH) throw new QuestionError(`The topic is ${topic.length} characters long; keep it under ${MAX_TOPIC_LENGTH}.`);
  // Typos corrected as /ask corrects them ("smalpox" finds smallpox), without /ask's thesaurus words: a filter stays strict.
  const concepts = correctTypos(analyzeQuery(stripMarkup(topic), deps.synonyms), deps.retrieval, deps.thesaurus);
  if (concepts.length === 0) throw new QuestionError('The topic has no words to search for (only common words like "the" or "of"): name what the events should be about.');
  return concepts;
}

/**
 * The events a topic's or a source's timeline merges: its own, and every event of the years around
 * them, which holds the other sources' reports of the same events. When those years hold more than
 * MAX_MERGED_EVENTS (a large library), only its own events: merging compares events pairwise.
 */
function withNeighbours(deps: TimelineDeps, own: SourcedEvent[]): SourcedEvent[] {
  return deps.listEventsInYears(mergeableYears(own), MAX_MERGED_EVENTS) ?? own;
}

/**
 * A large library's timeline with neither topic nor source: the events of the years asked for (and
 * of the years around them, where other dates of the same events are).
 * @throws QuestionError when no years are given, or they hold more than MAX_MERGED_EVENTS events
 */
function eventsOfYears(deps: TimelineDeps, { from, to }: TimelineOptions): SourcedEvent[] {
  const refusal = `The library holds more than ${MAX_MERGED_EVENTS.toLocaleString('en')} dated events, too many for one timeline`;
  if (from === undefined || to === undefined || to - from > MAX_YEAR_SPAN) {
    throw new QuestionError(`${refusal}: name a topic, a source, or the years (from and to, at most ${MAX_YEAR_SPAN} apart).`);
  }
  const years = Array.from({ length: to - from + 1 + 2 * MAX_CONFLICT_YEARS }, (_, i) => String(from - MAX_CONFLICT_YEARS + i).padStart(4, '0'));
  const events = deps.listEventsInYears(years, MAX_MERGED_EVENTS);
  if (!events) throw new QuestionError(`${refusal}, and ${from === to ? from : `${from}–${to}`} alone holds more: name a topic, a source, or fewer years.`);
  return events;
}

/**
 * The years whose events could merge with these (same date, or a conflict within two years): a
 * topic's events and other sources' reports of them, without reading the rest of the library.
 */
function mergeableYears(events: SourcedEvent[]): string[] {
  const years = new Set<string>();
  for (const event of events) {
    const first = Number(event.date.slice(0, 4));
    const last = Number((event.end ?? event.date).slice(0, 4));
    for (let year = first - MAX_CONFLICT_YEARS; year <= last + MAX_CONFLICT_YEARS; year++) years.add(String(year).padStart(4, '0'));
  }
  return [...years];
}

/** Ids of the paragraphs that cover the topic, best first, at most MAX_TOPIC_PARAGRAPHS. */
function topicParagraphs(deps: TimelineDeps, concepts: QueryConcept[]): number[] {
  return deps.retrieval.search(concepts, {}, MAX_TOPIC_PARAGRAPHS).filter((hit) => hit.coverage >= TOPIC_COVERAGE).map((hit) => hit.id);
}

/** `"source n"` of paragraphs on the topic, and `"source n date"` of events whose own summary is. */
function topicKeys(deps: TimelineDeps, concepts: QueryConcept[], events: SourcedEvent[], hitIds: Set<number>, extract: (summary: string) => string[]): Set<string> {
  const keys = new Set<string>();
  const weights = concepts.map((c) => Math.max(...c.terms.map((t) => deps.retrieval.idf(t))));
  const total = weights.reduce((sum, w) => sum + w, 0);
  for (const event of events) {
    if (hitIds.has(event.paragraphId)) keys.add(`${event.sourceId} ${event.paragraph}`);
    if (total <= 0) continue;
    const terms = new Set(extract(event.summary));
    const has = (t: string) => terms.has(t);
    let covered = 0;
    concepts.forEach((c, i) => {
      if (conceptMatched(c, has)) covered += weights[i]!;
    });
    if (covered / total >= TOPIC_COVERAGE) keys.add(`${event.sourceId} ${event.paragraph} ${event.end ? `${event.date}/${event.end}` : event.date}`);
  }
  return keys;
}
