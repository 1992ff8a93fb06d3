-- A source's identity is where it came from (its file), never its id: re-reading a file updates the
-- source it made, and a file with a taken id gets another one instead of replacing that source.
-- Libraries made before this stored the file as shown to the user (relative to the working folder);
-- ingestion now stores the absolute path and matches either form.
CREATE INDEX sources_file ON sources (file);

-- Size and modification time (ms) of the file when it was last read, so the articles folder is
-- re-read at each start from a stat per file: a file is hashed again only when these changed.
ALTER TABLE sources ADD COLUMN file_size INTEGER;
ALTER TABLE sources ADD COLUMN file_mtime INTEGER;

-- Files of the articles folder whose source a moderator removed: the start-up re-read must not bring
-- them back. Ingesting the file by name does, and forgets it here; so does a change to its text.
CREATE TABLE removed_files (
  file         TEXT PRIMARY KEY,
  content_hash TEXT NOT NULL,
  removed_at   TEXT NOT NULL
) STRICT;
