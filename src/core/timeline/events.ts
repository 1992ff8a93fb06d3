import { findDateMentions } from '../dates/date-mentions.js';
import type { DateMention } from '../dates/date-rules.js';
import { coarser, formatIsoDate, isValidDate, parseIsoDate, precisionOf, truncateDate, type PartialDate, type Precision } from '../dates/dates.js';
import { summarizeMention } from './event-summary.js';
import { resolveRelative } from '../dates/relative-dates.js';
import type { Paragraph, SourceMeta } from '../types.js';

/**
 * Version of the extraction rules. Sources whose events were extracted by an older version are
 * extracted again at start-up (events are derived from paragraphs, like the search index).
 */
export const EVENT_EXTRACTOR_VERSION = 3;

/** A dated statement of one paragraph. */
export interface ExtractedEvent {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the date, or the start of a range. */
  date: string;
  precision: Precision;
  /** The end of a range ("from October 21, to November 4, 2018"), at the same precision. */
  end?: string;
  /** The sentence that states it, trimmed to read on its own. */
  summary: string;
  /** The sentence as the paragraph gives it. */
  quote: string;
  /** Where that sentence starts in the paragraph. */
  quoteAt: number;
  /** The date as written: "last year", "March 2, 2018". */
  mention: string;
  /** Where the mention starts in the paragraph. */
  offset: number;
  /** True when the date was resolved against the article's publication date. */
  relative: boolean;
  /** How a resolved date was read, when the reader should know ("2021 has no 29 February: read as 2020"). */
  note?: string;
}

/** An event with the number of the paragraph it comes from. */
export interface ArticleEvent extends ExtractedEvent {
  paragraph: number;
}

/**
 * Turns every date mention of a paragraph into an event. Relative dates ("last year", "on
 * Thursday") are resolved against the article's date; without one they are left out.
 * @param paragraphText the paragraph (its body: text the article has not said before)
 * @param articleDate the article's date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 */
export function extractEvents(paragraphText: string, articleDate?: string): ExtractedEvent[] {
  const ref = parseIsoDate(articleDate);
  const events: ExtractedEvent[] = [];
  for (const mention of findDateMentions(paragraphText)) {
    const dated = dateOf(mention, ref);
    if (!dated) continue;
    const { quote, quoteAt, summary } = summarizeMention(paragraphText, mention.index, mention.text.length);
    const { date, precision, end } = dated.when;
    const relative = mention.relative !== undefined;
    // Two literals rather than spreading `dated.when`: the spread made this line a fifth of extraction's time.
    const event: ExtractedEvent = end === undefined
      ? { date, precision, summary, quote, quoteAt, mention: mention.text, offset: mention.index, relative }
      : { date, precision, end, summary, quote, quoteAt, mention: mention.text, offset: mention.index, relative };
    if (dated.note) event.note = dated.note;
    if (!events.some((e) => e.date === event.date && e.end === event.end && e.summary === event.summary)) events.push(event);
  }
  return events;
}

/** The events of every paragraph of an article, from the paragraphs' bodies so that repeats give none. */
export function extractArticleEvents(meta: Pick<SourceMeta, 'date'>, paragraphs: Paragraph[]): ArticleEvent[] {
  // Each event is new, so it takes its paragraph's number itself: copying it with a spread cost more than the rest of this function.
  return paragraphs.flatMap((p) => (p.body ? extractEvents(p.body, meta.date).map((e) => Object.assign(e, { paragraph: p.n })) : []));
}

function dateOf(mention: DateMention, ref: PartialDate | undefined): { when: Pick<ExtractedEvent, 'date' | 'precision' | 'end'>; note?: string } | undefined {
  let date: PartialDate | undefined = mention.date;
  const end: PartialDate | undefined = mention.end;
  let note: string | undefined;
  if (mention.relative) {
    const resolved = ref && resolveRelative(mention.relative, ref);
    if (!resolved) return undefined;
    ({ date, note } = resolved);
  }
  if (!date || !isValidDate(date) || (end && !isValidDate(end))) return undefined;
  const precision = end ? coarser(precisionOf(date), precisionOf(end)) : precisionOf(date);
  const start = formatIsoDate(truncateDate(date, precision));
  const finish = end && formatIsoDate(truncateDate(end, precision));
  const when = finish && finish > start ? { date: start, precision, end: finish } : { date: start, precision };
  return note ? { when, note } : { when };
}
