-- Full-text index of each paragraph's index terms (our own analysis: folded, stop words removed,
-- Porter-stemmed, acronyms whole), one row per paragraph with body text; rowid = paragraphs.id.
-- Derived from paragraphs: start-up rebuilds it when its row count disagrees.
CREATE VIRTUAL TABLE paragraph_terms USING fts5 (body, title, source UNINDEXED, tokenize = 'unicode61 remove_diacritics 0');

-- Document frequency of every term, for idf and typo correction.
CREATE VIRTUAL TABLE paragraph_vocab USING fts5vocab (paragraph_terms, 'row');

-- Size of the index, kept by ingestion, so start-up need not scan it.
CREATE TABLE search_stats (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  documents  INTEGER NOT NULL,
  body_terms INTEGER NOT NULL
) STRICT;
INSERT INTO search_stats (id, documents, body_terms) VALUES (1, 0, 0);
