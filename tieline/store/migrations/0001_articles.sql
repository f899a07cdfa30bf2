-- Articles, the raw input they were read from, and a log of every ingested item.

CREATE TABLE articles (
    id               TEXT PRIMARY KEY,          -- first 16 hex digits of sha256(identity)
    identity         TEXT NOT NULL UNIQUE,      -- "url:<normalised canonical URL>" or "text:<sha256>"
    url              TEXT,                      -- where it was read from
    canonical_url    TEXT,                      -- what the page says its URL is
    title            TEXT,
    publisher        TEXT,
    author           TEXT,
    published        TEXT,                      -- ISO date
    published_source TEXT,                      -- page | input | feed | url
    language         TEXT,                      -- ISO 639-1
    body             TEXT NOT NULL,
    captions         TEXT NOT NULL DEFAULT '[]', -- JSON list of strings
    related          TEXT NOT NULL DEFAULT '[]', -- JSON list of {title, text, url}
    notes            TEXT NOT NULL DEFAULT '[]', -- JSON list of one-line notes
    coded            INTEGER NOT NULL DEFAULT 1, -- 0: stored but not coded (see notes)
    copy_of          TEXT REFERENCES articles(id), -- set for a near-identical copy of another article
    similarity       REAL,                      -- estimated Jaccard similarity to copy_of
    text_hash        TEXT NOT NULL,             -- sha256 of the normalised body
    minhash          BLOB,                      -- MinHash signature of the body (tieline.dedup)
    extractor        TEXT NOT NULL,
    origin           TEXT NOT NULL,             -- the input item: path, URL, archive#record
    ingested_at      TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_publisher ON articles(publisher);
CREATE INDEX articles_language ON articles(language);
CREATE INDEX articles_text_hash ON articles(text_hash);
CREATE INDEX articles_copy_of ON articles(copy_of);

-- Every URL an article is known by (fetched, canonical, redirected from), so a URL is fetched once.
CREATE TABLE article_urls (
    url        TEXT PRIMARY KEY,                -- normalised
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX article_urls_article ON article_urls(article_id);

-- LSH band keys of each article's MinHash signature, to find near-identical copies.
CREATE TABLE article_bands (
    band_key   INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band_key, article_id)
) WITHOUT ROWID;

-- The input exactly as read, zlib-compressed, so every article can be re-processed.
CREATE TABLE raw_documents (
    article_id   TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,                 -- html | text
    url          TEXT,
    content_type TEXT,
    published    TEXT,                          -- a date given with the input
    fetched_at   TEXT,
    size         INTEGER NOT NULL,              -- bytes before compression
    compression  TEXT NOT NULL DEFAULT 'zlib',
    content      BLOB NOT NULL
);

CREATE TABLE ingest_runs (
    id          INTEGER PRIMARY KEY,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    inputs      TEXT NOT NULL                   -- JSON list of the command's arguments
);

-- How each input item ended, in every run: stored, duplicate, copy, skipped or failed, and why.
CREATE TABLE ingest_items (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES ingest_runs(id),
    origin     TEXT NOT NULL,
    status     TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    article_id TEXT,
    at         TEXT NOT NULL
);
CREATE INDEX ingest_items_origin ON ingest_items(origin);
CREATE INDEX ingest_items_article ON ingest_items(article_id);
