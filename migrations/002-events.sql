-- Dated events extracted from paragraphs (/timeline). Derived from the paragraphs, like the search
-- index, but stored: extraction runs chrono-node over every paragraph, too slow to redo per command.
CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  paragraph_id INTEGER NOT NULL REFERENCES paragraphs (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,  -- where the date is written in the paragraph body (characters)
  date         TEXT NOT NULL,     -- YYYY, YYYY-MM or YYYY-MM-DD; the start of a range
  end_date     TEXT,              -- the end of a range, same precision
  precision    TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year')),
  summary      TEXT NOT NULL,     -- the sentence that states it, trimmed to read on its own
  quote        TEXT NOT NULL,     -- that sentence as the paragraph gives it
  mention      TEXT NOT NULL,     -- the date as written: "last year", "March 2, 2018"
  relative     INTEGER NOT NULL CHECK (relative IN (0, 1)),  -- 1: resolved against the article's date
  note         TEXT               -- how a resolved date was read, when the reader should know
) STRICT;

CREATE INDEX events_paragraph ON events (paragraph_id);

-- Which version of the extraction rules wrote each source's events; a source missing here (a library
-- made before this migration) or written by an older version is extracted again at start-up.
CREATE TABLE event_extractions (
  source_id    TEXT PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  extracted_at TEXT NOT NULL
) STRICT;
