-- The state of a pair without reading all its merged events: the most reported first, and
-- counts by type over the events that happened (no auxiliary mode).

CREATE INDEX merged_pair_reports ON merged_events(a, b, articles DESC, publishers DESC);
CREATE INDEX merged_pair_facts ON merged_events(a, b, aux, type);
