-- A topic's timeline reads the events of the years around the topic's own events (to merge other
-- sources' reports of the same event); this index finds them without scanning every event.
CREATE INDEX events_year ON events (substr(date, 1, 4));
