-- The library: sources (articles) and their numbered paragraphs. SQLite is the source of truth;
-- the search index is derived from these tables.
CREATE TABLE sources (
  id           TEXT PRIMARY KEY,
  title        TEXT NOT NULL,
  author       TEXT,
  publisher    TEXT,
  published    TEXT,              -- YYYY, YYYY-MM or YYYY-MM-DD
  date_note    TEXT,              -- set when the date is inferred: from what
  url          TEXT,
  file         TEXT NOT NULL,     -- the file it was ingested from
  content_hash TEXT NOT NULL,     -- sha256 of the file: same hash, nothing to do
  warnings     TEXT NOT NULL DEFAULT '[]',  -- JSON array of what was guessed
  dropped      TEXT NOT NULL DEFAULT '[]',  -- JSON array of {kind, text} left out
  ingested_at  TEXT NOT NULL
) STRICT;

CREATE TABLE paragraphs (
  id        INTEGER PRIMARY KEY,  -- the search index's document id
  source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  n         INTEGER NOT NULL,     -- 1-based, in reading order: the number citations use
  text      TEXT NOT NULL,
  body      TEXT NOT NULL,        -- text minus sentences the article said before; '' for a full repeat
  repeat_of INTEGER,
  UNIQUE (source_id, n)
) STRICT;
