"""The sources stage: every kind of input, read into `RawDocument`s or `SourceProblem`s.

Files (.html, .html.gz, .txt, .jsonl, .warc, feeds and sitemaps on disk), folders, http(s)
URLs, RSS/Atom feeds, sitemaps, WARC archives and stdin. Network access goes through the polite
`Fetcher`: robots.txt, a delay per host, timeouts, bounded retries and redirects, a size cap.
"""

from tieline.sources.dispatch import iter_documents
from tieline.sources.fetch import Fetcher, FetchError, FetchResult

__all__ = ["FetchError", "FetchResult", "Fetcher", "iter_documents"]
