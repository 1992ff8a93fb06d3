-- The page a paragraph starts on, for documents that have pages (PDF): a citation of it gives the
-- page as well ([id ¶12, p. 3]). NULL for text files, web pages and Word files, which have none.
ALTER TABLE paragraphs ADD COLUMN page INTEGER;
