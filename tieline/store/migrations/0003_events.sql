-- Coded events, each tied to the sentence that states it.

CREATE TABLE events (
    id              TEXT PRIMARY KEY,       -- sha256 of (article, field, span, type, source, target, trigger), 16 hex
    article_id      TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type            TEXT NOT NULL,          -- PLOVER event type
    mode            TEXT,
    aux             TEXT NOT NULL DEFAULT '',  -- future,hypothetical,negated,historical (comma-joined)
    contexts        TEXT NOT NULL DEFAULT '',  -- comma-joined PLOVER contexts
    symmetric       INTEGER NOT NULL DEFAULT 0,
    source_text     TEXT,
    source_name     TEXT,
    source_country  TEXT,
    source_sector   TEXT,
    source_person   TEXT,                   -- knowledge-base key of a person, or a name from the text
    source_organisation TEXT,               -- knowledge-base key of an organisation
    source_igo      TEXT,
    source_members  TEXT,
    target_text     TEXT,
    target_name     TEXT,
    target_country  TEXT,
    target_sector   TEXT,
    target_person   TEXT,                   -- knowledge-base key of a person, or a name from the text
    target_organisation TEXT,               -- knowledge-base key of an organisation
    target_igo      TEXT,
    target_members  TEXT,
    date            TEXT,                   -- ISO date (first day of the month/year when less precise)
    date_precision  TEXT NOT NULL,
    date_text       TEXT NOT NULL DEFAULT '',
    place           TEXT,
    field           TEXT NOT NULL,          -- body | caption:N
    sentence_index  INTEGER NOT NULL,
    sentence        TEXT NOT NULL,
    span_start      INTEGER NOT NULL,
    span_end        INTEGER NOT NULL,
    trigger         TEXT NOT NULL,
    cameo           TEXT,
    quad_class      INTEGER,
    score           REAL,
    confidence      REAL NOT NULL,
    quote           INTEGER NOT NULL DEFAULT 0,
    speaker         TEXT,
    rule            TEXT NOT NULL,
    coder           TEXT NOT NULL           -- the coder's name and version, e.g. rules.v1
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_dyad ON events(source_country, target_country, date);
CREATE INDEX events_target ON events(target_country, date);
CREATE INDEX events_type ON events(type, date);
CREATE INDEX events_date ON events(date);
