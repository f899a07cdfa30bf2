-- Actor mentions resolved in each article's body and captions.

CREATE TABLE mentions (
    id           INTEGER PRIMARY KEY,
    article_id   TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,   -- order within (article, field); antecedents point to it
    field        TEXT NOT NULL,      -- body | caption:N
    sentence     INTEGER NOT NULL,
    start_char   INTEGER NOT NULL,
    end_char     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    name         TEXT NOT NULL,
    country      TEXT,               -- ISO 3166 alpha-3
    sector       TEXT,
    role         TEXT,
    person       TEXT,
    organisation TEXT,
    igo          TEXT,
    members      TEXT,               -- ISO3 codes of a group, joined with '+'
    cue          TEXT NOT NULL,
    evidence     TEXT NOT NULL,
    confidence   REAL NOT NULL,
    antecedent   INTEGER,            -- position of the mention this one refers back to
    resolver     TEXT NOT NULL       -- name and version of the resolver, e.g. actors.v1
);
CREATE INDEX mentions_article ON mentions(article_id, field, position);
CREATE INDEX mentions_country ON mentions(country);
CREATE INDEX mentions_person ON mentions(person);
