import type { ArticleEvent } from '../core/timeline/events.js';
import type { Precision } from '../core/dates/dates.js';
import type { SourcedEvent } from '../core/timeline/timeline.js';
import type { Db } from './db.js';
import { BASE_LIBRARY, citedId, libraryOfKey, sourceKey, visibleSql } from './library-keys.js';

interface EventRow {
  paragraph_id: number; source_id: string; n: number; body: string; position: number; length: number; quote_start: number;
  quote_end: number; summary: string | null; date: string; end_date: string | null; precision: Precision; relative: number; note: string | null;
  page: number | null;
}

/** An event's columns with the paragraph it cites: the sentence and the date as written are read from its body. */
const EVENT_COLUMNS = 'e.*, p.source_id, p.n, p.body, p.page';

/** The events table behind prepared statements: the dated statements /timeline is built from. */
export class EventStore {
  private readonly statements;

  constructor(readonly db: Db) {
    this.statements = {
      // A library sees the base's events and its own: the source key says whose a paragraph is.
      all: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e JOIN paragraphs p ON p.id = e.paragraph_id
        WHERE ${visibleSql('p.source_id')} ORDER BY e.date, p.source_id, p.n, e.position`),
      ofParagraphs: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e JOIN paragraphs p ON p.id = e.paragraph_id
        WHERE e.paragraph_id IN (SELECT value FROM json_each(@ids)) AND ${visibleSql('p.source_id')} ORDER BY e.date, p.source_id, p.n, e.position`),
      ofSource: db.prepare(`SELECT ${EVENT_COLUMNS} FROM paragraphs p JOIN events e ON e.paragraph_id = p.id
        WHERE p.source_id = ? ORDER BY e.date, p.n, e.position`),
      countUpTo: db.prepare(`SELECT count(*) FROM (SELECT 1 FROM events e JOIN paragraphs p ON p.id = e.paragraph_id
        WHERE ${visibleSql('p.source_id')} LIMIT @limit)`).pluck(),
      // A year's events by range on the date index ('2014' <= '2014-05-03' < '2015'); CROSS JOIN keeps the
      // years outside, else the planner scans every event in date order to spare the sort (1.3 s at 300k events).
      inYears: db.prepare(`SELECT ${EVENT_COLUMNS} FROM json_each(@years) y CROSS JOIN events e ON e.date >= y.value AND e.date < printf('%04d', y.value + 1)
        JOIN paragraphs p ON p.id = e.paragraph_id WHERE ${visibleSql('p.source_id')} ORDER BY e.date, p.source_id, p.n, e.position`),
      // Counting through the year index first spares sorting thousands of rows only to drop them.
      countInYears: db.prepare(`SELECT count(*) FROM (SELECT 1 FROM json_each(@years) y JOIN events e
        ON e.date >= y.value AND e.date < printf('%04d', y.value + 1) JOIN paragraphs p ON p.id = e.paragraph_id
        WHERE ${visibleSql('p.source_id')} LIMIT @limit)`).pluck(),
      paragraphIds: db.prepare('SELECT n, id FROM paragraphs WHERE source_id = ?').raw(),
      deleteOf: db.prepare('DELETE FROM events WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE source_id = ?)'),
      insert: db.prepare(`INSERT INTO events (paragraph_id, position, length, quote_start, quote_end, summary, date, end_date, precision, relative, note)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      mark: db.prepare(`INSERT INTO event_extractions (source_id, version, extracted_at) VALUES (?, ?, ?)
        ON CONFLICT (source_id) DO UPDATE SET version = excluded.version, extracted_at = excluded.extracted_at`),
      stale: db.prepare(`SELECT s.id FROM sources s LEFT JOIN event_extractions x ON x.source_id = s.id
        WHERE x.version IS NULL OR x.version <> ? ORDER BY s.id`).pluck(),
      count: db.prepare('SELECT count(*) FROM events').pluck(),
    };
  }

  /** Every event a library sees (the base's and its own), by date, each with its source and paragraph. */
  listEvents(library = BASE_LIBRARY): SourcedEvent[] {
    return (this.statements.all.all({ library }) as EventRow[]).map(toEvent);
  }

  /** True when a library sees more than `limit` events (counting stops there). */
  hasMoreThan(limit: number, library = BASE_LIBRARY): boolean {
    return (this.statements.countUpTo.get({ limit: limit + 1, library }) as number) > limit;
  }

  /** The events one source of a library reports, by date. */
  listEventsOfSource(sourceId: string, library = BASE_LIBRARY): SourcedEvent[] {
    return (this.statements.ofSource.all(sourceKey(library, sourceId)) as EventRow[]).map(toEvent);
  }

  /** The events of some paragraphs (by id) that a library sees, by date. */
  listEventsOf(paragraphIds: number[], library = BASE_LIBRARY): SourcedEvent[] {
    return (this.statements.ofParagraphs.all({ ids: JSON.stringify(paragraphIds), library }) as EventRow[]).map(toEvent);
  }

  /** The events a library sees that start in the given years (four-digit strings), by date; `undefined` when there are more than `limit`. */
  listEventsInYears(years: string[], limit: number, library = BASE_LIBRARY): SourcedEvent[] | undefined {
    const json = JSON.stringify(years);
    if ((this.statements.countInYears.get({ years: json, limit: limit + 1, library }) as number) > limit) return undefined;
    return (this.statements.inYears.all({ years: json, library }) as EventRow[]).map(toEvent);
  }

  /** Number of events stored. */
  countEvents(): number {
    return this.statements.count.get() as number;
  }

  /**
   * Replaces a source's events and records the rules' version that extracted them (call inside the
   * transaction that wrote the source's paragraphs).
   * @throws Error naming the source and paragraph when an event cites a paragraph the source does not have
   */
  replaceEventsOf(sourceId: string, events: ArticleEvent[], version: number, library = BASE_LIBRARY): void {
    const key = sourceKey(library, sourceId);
    this.statements.deleteOf.run(key);
    // One look-up of the source's paragraph ids, not one per event (a third of ingest time at 100k paragraphs).
    const ids = new Map(this.statements.paragraphIds.all(key) as [number, number][]);
    for (const event of events) {
      const paragraphId = ids.get(event.paragraph);
      if (paragraphId === undefined) throw new Error(`events: ${sourceId} has no paragraph ${event.paragraph}`);
      // The sentence and the date as written are ranges of the paragraph's body; the summary only where it differs.
      this.statements.insert.run(paragraphId, event.offset, event.mention.length, event.quoteAt, event.quoteAt + event.quote.length,
        event.summary === event.quote ? null : event.summary, event.date, event.end ?? null, event.precision, event.relative ? 1 : 0, event.note ?? null);
    }
    this.statements.mark.run(key, version, new Date().toISOString());
  }

  /** The sources, in every library, whose events were not extracted by this version of the rules (or never). */
  sourcesToExtract(version: number): { id: string; library: string }[] {
    return (this.statements.stale.all(version) as string[]).map((key) => ({ id: citedId(key), library: libraryOfKey(key) }));
  }
}

function toEvent(row: EventRow): SourcedEvent {
  const quote = row.body.slice(row.quote_start, row.quote_end);
  const event: SourcedEvent = {
    sourceId: citedId(row.source_id), paragraph: row.n, paragraphId: row.paragraph_id, date: row.date, precision: row.precision,
    summary: row.summary ?? quote, quote, quoteAt: row.quote_start, mention: row.body.slice(row.position, row.position + row.length),
    offset: row.position, relative: row.relative === 1,
  };
  if (row.end_date !== null) event.end = row.end_date;
  if (row.note !== null) event.note = row.note;
  if (row.page !== null) event.page = row.page;
  return event;
}
