-- Each Discord server has its own library beside the base one (the articles folder and the CLI's
-- ingest, seen by every server). A server's source is keyed `<id>:<guild id>` in sources.id (and so in
-- paragraphs.source_id and event_extractions): ids are cited without the suffix, two servers may each
-- have a `smith-2020`, and every source of a library made before this migration (no ':' in its key)
-- is in the base library as it was. Nothing is rewritten.

-- The search index of the servers' paragraphs (rowid = paragraphs.id), apart from the base's
-- paragraph_terms, so that the base library's statistics (document frequencies, its vocabulary for
-- typo correction) stay exactly its own and no server's words reach another's answers. `source` is
-- the id as cited; `library` holds one token, `g<guild id>`, indexed, so that a query reads one
-- server's rows through the index (`... AND library : "g<id>"`) however many servers there are.
CREATE VIRTUAL TABLE server_paragraph_terms USING fts5 (body, title, source UNINDEXED, library, tokenize = 'unicode61 remove_diacritics 0');
