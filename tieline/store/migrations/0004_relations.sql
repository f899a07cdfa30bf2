-- The relations stage: tier facts read from articles, and events merged across articles.

ALTER TABLE events ADD COLUMN place_text TEXT;  -- the place as written ("Kumamoto, Japan")

CREATE TABLE tier_facts (
    id              TEXT PRIMARY KEY,       -- sha256 of (article, field, span, a, b, tier, status), 16 hex
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    a               TEXT NOT NULL,          -- ISO3, a < b
    b               TEXT NOT NULL,
    tier            TEXT NOT NULL,          -- canonical ladder name, or the name as written
    status          TEXT NOT NULL,          -- proposed|agreed|established|upgraded|reaffirmed|...
    date            TEXT,                   -- ISO date (first day of the month/year when less precise)
    date_precision  TEXT NOT NULL,
    date_text       TEXT NOT NULL DEFAULT '',
    planned         TEXT,                   -- when an agreed/proposed change is to take effect
    planned_precision TEXT,
    proposer        TEXT,
    previous        TEXT,
    cue             TEXT NOT NULL,
    field           TEXT NOT NULL,
    sentence_index  INTEGER NOT NULL,
    sentence        TEXT NOT NULL,
    span_start      INTEGER NOT NULL,
    span_end        INTEGER NOT NULL,
    confidence      REAL NOT NULL,
    rule            TEXT NOT NULL
);
CREATE INDEX tier_facts_pair ON tier_facts(a, b, date);
CREATE INDEX tier_facts_article ON tier_facts(article_id);

-- One real-world event, reported by one or more articles. Rebuilt for a pair whenever that
-- pair's events change, so it never holds a removed or re-coded event.
CREATE TABLE merged_events (
    id              TEXT PRIMARY KEY,       -- sha256 of the first member event's id, 16 hex
    a               TEXT NOT NULL,          -- ISO3, a < b
    b               TEXT NOT NULL,
    type            TEXT NOT NULL,
    source_country  TEXT,                   -- of the best report
    target_country  TEXT,
    date            TEXT,
    date_precision  TEXT NOT NULL,
    aux             TEXT NOT NULL DEFAULT '',
    contexts        TEXT NOT NULL DEFAULT '',
    score           REAL,
    quad_class      INTEGER,
    events          INTEGER NOT NULL,       -- member events
    articles        INTEGER NOT NULL,       -- distinct articles reporting it
    publishers      INTEGER NOT NULL,       -- distinct publishers (the URL's host when unknown)
    first_report    TEXT,                   -- earliest publication date of a report
    last_report     TEXT,
    best_event_id   TEXT NOT NULL           -- the report with the best evidence sentence
);
CREATE INDEX merged_pair ON merged_events(a, b, date);
CREATE INDEX merged_date ON merged_events(date);
CREATE INDEX merged_reports ON merged_events(articles);

CREATE TABLE merged_members (
    merged_id       TEXT NOT NULL REFERENCES merged_events(id) ON DELETE CASCADE,
    event_id        TEXT NOT NULL,          -- events.id (not a foreign key: rebuilt per pair)
    article_id      TEXT NOT NULL,
    PRIMARY KEY (merged_id, event_id)
);
CREATE INDEX merged_members_event ON merged_members(event_id);
CREATE INDEX merged_members_article ON merged_members(article_id);
