-- The web dashboard: a pair's events, newest first, without sorting all of them.
-- A pair is matched in either direction as (min, max) of its two countries; the queries in
-- sqlite.py use the same expressions, so SQLite reads this index in date order and stops at
-- the page's end. It also serves the counts of events per pair.

CREATE INDEX events_pair ON events(
    min(source_country, target_country), max(source_country, target_country), date
);
