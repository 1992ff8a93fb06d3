import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseArticle } from '../src/core/article/article.js';
import { EVENT_EXTRACTOR_VERSION, extractArticleEvents } from '../src/core/timeline/events.js';
import { loadConfig } from '../src/app/config.js';
import type { AppContext } from '../src/app/context.js';
import { openAtStart } from '../src/ingest/prepare.js';
import { backfillEvents, ingestPaths } from '../src/ingest/ingest.js';
import type { Logger } from '../src/app/log.js';
import { displayPath, projectRoot } from '../src/store/paths.js';
import { openDatabase, type Db } from '../src/store/db.js';

const ARTICLES = join(projectRoot(), 'data/articles');
let dir: string;
let logged: string[];
const log: Logger = { info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) };
const open = (articlesDir = ARTICLES): Promise<AppContext> =>
  openAtStart(loadConfig({ DATABASE_PATH: join(dir, 'library.db'), ARTICLES_DIR: articlesDir }), { log });

/** The events the five shipped articles give, extracted without the database. */
function expectedEventCount(): number {
  return readdirSync(ARTICLES).reduce((sum, name) => {
    const article = parseArticle(readFileSync(join(ARTICLES, name), 'utf8'), name);
    return sum + extractArticleEvents(article.meta, article.paragraphs).length;
  }, 0);
}

/** Writes a shipped article as migration 001's tables hold it (the Library class writes today's columns). */
function writeSourceAsBefore(db: Db, name: string): void {
  const { meta, paragraphs } = parseArticle(readFileSync(join(ARTICLES, name), 'utf8'), name);
  db.prepare(`INSERT INTO sources (id, title, author, publisher, published, date_note, url, file, content_hash, ingested_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '')`).run(meta.id, meta.title, meta.author ?? null, meta.publisher ?? null, meta.date ?? null, meta.dateNote ?? null, meta.url ?? null, name, name);
  for (const p of paragraphs) db.prepare('INSERT INTO paragraphs (source_id, n, text, body, repeat_of) VALUES (?, ?, ?, ?, ?)').run(meta.id, p.n, p.text, p.body, p.repeatOf ?? null);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'research-bot-events-'));
  logged = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ingestPaths', () => {
  it('writes each source\'s events with its paragraphs, and reports how many', async () => {
    const ctx = await open();
    try {
      expect(ctx.events.countEvents()).toBe(expectedEventCount());
      expect(ctx.events.sourcesToExtract(EVENT_EXTRACTOR_VERSION)).toEqual([]);
      const file = join(dir, 'new.txt');
      writeFileSync(file, '---\nid: new-2020\ntitle: New\ndate: 2020-05\n---\nThe treaty was signed in 2014.\n\nLast year, the ministers met.');
      const report = await ingestPaths(ctx, [file]);
      expect(report.events).toBe(2);
      const added = ctx.events.listEvents().filter((e) => e.sourceId === 'new-2020');
      expect(added.map((e) => [e.paragraph, e.date, e.relative])).toEqual([[1, '2014', false], [2, '2019', true]]);
    } finally {
      ctx.close();
    }
  });

  it('replaces a source\'s events when the article changes, never keeping the old ones', async () => {
    const ctx = await open();
    try {
      const file = join(dir, 'a.txt');
      writeFileSync(file, '---\nid: a-2020\ntitle: A\ndate: 2020\n---\nSigned in 2014.');
      await ingestPaths(ctx, [file]);
      writeFileSync(file, '---\nid: a-2020\ntitle: A\ndate: 2020\n---\nSigned in 2015, and again in 2016.');
      await ingestPaths(ctx, [file]);
      expect(ctx.events.listEvents().filter((e) => e.sourceId === 'a-2020').map((e) => e.date)).toEqual(['2015', '2016']);
    } finally {
      ctx.close();
    }
  });

  it('writes nothing, neither paragraphs nor events, when writing one source\'s events fails', async () => {
    const ctx = await open();
    try {
      const before = { sources: ctx.sources.countSources(), events: ctx.events.countEvents() };
      const first = join(dir, 'first.txt');
      const second = join(dir, 'second.txt');
      writeFileSync(first, '---\nid: first-2020\ntitle: First\n---\nSigned in 2014.');
      writeFileSync(second, '---\nid: second-2020\ntitle: Second\n---\nSigned in 2015.');
      const real = ctx.events.replaceEventsOf.bind(ctx.events);
      vi.spyOn(ctx.events, 'replaceEventsOf').mockImplementation((id, events, version) => {
        if (id === 'second-2020') throw new Error('disk full');
        real(id, events, version);
      });
      await expect(ingestPaths(ctx, [first, second])).rejects.toThrow('disk full');
      expect({ sources: ctx.sources.countSources(), events: ctx.events.countEvents() }).toEqual(before);
      expect(ctx.sources.getSource('first-2020')).toBeUndefined();
    } finally {
      ctx.close();
    }
  });
});

describe('EventStore', () => {
  it('reads back every event as extracted: the sentence, the summary and the date as written come from the paragraph', async () => {
    const ctx = await open();
    try {
      const extracted = readdirSync(ARTICLES).flatMap((name) => {
        const article = parseArticle(readFileSync(join(ARTICLES, name), 'utf8'), name);
        return extractArticleEvents(article.meta, article.paragraphs).map((e) => ({ ...e, sourceId: article.meta.id }));
      });
      const key = (e: { sourceId: string; paragraph: number; offset: number }) => `${e.sourceId} ${e.paragraph} ${e.offset}`;
      const stored = new Map(ctx.events.listEvents().map((e) => [key(e), e]));
      expect(stored.size).toBe(extracted.length);
      // Some summaries differ from their sentence (openers cut, long sentences shortened): both kinds are read back.
      expect(extracted.some((e) => e.summary !== e.quote)).toBe(true);
      for (const event of extracted) {
        expect(stored.get(key(event))).toEqual({ ...event, paragraphId: expect.any(Number) });
      }
    } finally {
      ctx.close();
    }
  });

  it('extracts again the events of a library whose events copied their sentences (before migration 005)', async () => {
    const oldMigrations = join(dir, 'migrations-004');
    mkdirSync(oldMigrations);
    for (const name of ['001-init.sql', '002-events.sql', '003-search-terms.sql', '004-events-year.sql']) copyFileSync(join(projectRoot(), 'migrations', name), join(oldMigrations, name));
    const db = openDatabase(join(dir, 'library.db'), { migrationsDir: oldMigrations });

    db.transaction(() => {
      for (const name of readdirSync(ARTICLES)) writeSourceAsBefore(db, name);
      const paragraph = db.prepare('SELECT id FROM paragraphs LIMIT 1').pluck().get();
      db.prepare(`INSERT INTO events (paragraph_id, position, date, precision, summary, quote, mention, relative)
        VALUES (?, 0, '2014', 'year', 'old', 'old', '2014', 0)`).run(paragraph);
      db.prepare("INSERT INTO event_extractions (source_id, version, extracted_at) SELECT id, 1, '' FROM sources").run();
    })();
    db.close();

    const ctx = await open(join(dir, 'no-articles-here'));
    try {
      expect(ctx.events.countEvents()).toBe(expectedEventCount());
      expect(ctx.events.listEvents().some((e) => e.summary === 'old')).toBe(false);
      expect(logged).toContain(`Extracted the dated events of 5 sources (${expectedEventCount()} events).`);
    } finally {
      ctx.close();
    }
  });
});

describe('backfillEvents', () => {
  it('extracts the events of a library made before the events table, once, at start-up', async () => {
    const oldMigrations = join(dir, 'migrations-001');
    mkdirSync(oldMigrations);
    copyFileSync(join(projectRoot(), 'migrations/001-init.sql'), join(oldMigrations, '001-init.sql'));
    const db = openDatabase(join(dir, 'library.db'), { migrationsDir: oldMigrations });

    db.transaction(() => {
      for (const name of readdirSync(ARTICLES)) writeSourceAsBefore(db, name);
    })();
    db.close();

    const ctx = await open(join(dir, 'no-articles-here'));
    try {
      expect(ctx.events.countEvents()).toBe(expectedEventCount());
      expect(logged).toEqual([
        'Building the full-text index of the library (once, after an upgrade)...',
        `Extracted the dated events of 5 sources (${expectedEventCount()} events).`,
        `The articles folder ${join(dir, 'no-articles-here')} does not exist (ARTICLES_DIR); the library is as it was.`,
      ]);
      expect(backfillEvents(ctx)).toEqual([]);
    } finally {
      ctx.close();
    }
    // The next start reads the articles folder: its files take over the sources whose stored files
    // are gone (same ids), extracting nothing again; the start after that has nothing to do.
    logged = [];
    (await open()).close();
    expect(logged).toEqual([`Read the articles folder ${displayPath(ARTICLES)}: added 0, updated 5 (aslam-2019, berger-2019, gvs-2018, kharakov-2014, observer-2021), unchanged 0, refused 0; 98 paragraphs written.`]);
    logged = [];
    (await open()).close();
    expect(logged).toEqual([]);
  });
});

describe('EventStore.replaceEventsOf', () => {
  it('refuses an event citing a paragraph the source does not have, naming both', async () => {
    const ctx = await open();
    try {
      const event = { paragraph: 99, date: '2014', precision: 'year' as const, summary: 's', quote: 'q', quoteAt: 0, mention: '2014', offset: 0, relative: false };
      expect(() => ctx.events.replaceEventsOf('gvs-2018', [event], EVENT_EXTRACTOR_VERSION)).toThrow('events: gvs-2018 has no paragraph 99');
    } finally {
      ctx.close();
    }
  });
});
