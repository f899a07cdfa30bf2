"""The REST API and the dashboard's pages through FastAPI's TestClient, over a store made from
the sample page and two more Cambodia–Japan stories (tests/conftest.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.conftest import REPO, WEB_TOKEN, make_web_app
from tests.httpserver import LoopbackServer
from tieline.interfaces import api as api_module
from tieline.interfaces.dashboard import render
from tieline.interfaces.urlguard import GuardedTransport, refusal
from tieline.sources import Fetcher, FetchError
from tieline.store import Store

AUTH = {"Authorization": f"Bearer {WEB_TOKEN}"}
SAMPLE_ID = "8c693bd632e4770d"  # the sample page's article id (its text hash)

HOSTILE_TEXT = """Cambodia and Japan <script>window.__pwned = 1</script> sign water deal

The Hostile Gazette

Cambodia <img src=x onerror="window.__pwned=2"> and Japan signed an agreement on water supply \
in Phnom Penh on Monday, officials said.

Prime Minister Hun Sen thanked Japan for its support <b onmouseover=alert(3)>of the project</b>.
"""


def wait_for_job(client: TestClient, url: str, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        job: dict[str, Any] = client.get(url).json()
        if job["state"] in ("done", "failed"):
            return job
        assert time.monotonic() < deadline, f"job still {job['state']} after {timeout} s"
        time.sleep(0.1)


def upload(client: TestClient, name: str, content: str, **extra: str) -> dict[str, Any]:
    response = client.post(
        "/api/ingest",
        files=[("files", (name, content.encode("utf-8"), "text/plain"))],
        data=extra,
        headers=AUTH,
    )
    assert response.status_code == 202, response.text
    return wait_for_job(client, response.json()["url"])


# -- reading -------------------------------------------------------------------------------------


def test_openapi_describes_every_endpoint(api: TestClient):
    spec = api.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/events",
        "/api/merged-events",
        "/api/dyads/{a}/{b}",
        "/api/countries/{code}/partners",
        "/api/tiers",
        "/api/actors",
        "/api/ingest",
        "/api/ingest/{job_id}",
    } <= paths
    assert not any(p.startswith("/dyads") for p in paths), "pages stay out of the API spec"
    body = spec["paths"]["/api/ingest"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(body)
    assert api.get("/docs").status_code == 404  # the bundled docs page would load a CDN


def test_articles_are_listed_newest_first_with_paging(api: TestClient):
    everything = api.get("/api/articles").json()
    assert everything["total"] == 3
    dates = [a["published"] for a in everything["items"]]
    assert dates == sorted(dates, reverse=True)
    assert SAMPLE_ID in {a["id"] for a in everything["items"]}
    second = api.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert second["total"] == 3 and second["limit"] == 1 and second["offset"] == 1
    assert [a["id"] for a in second["items"]] == [everything["items"][1]["id"]]
    since = api.get("/api/articles", params={"since": "2023-01-01"}).json()
    assert since["total"] == 2


def test_one_article_has_text_captions_mentions_and_events(api: TestClient):
    article = api.get(f"/api/articles/{SAMPLE_ID}").json()
    assert article["title"].startswith("Cambodia, Japan")
    assert article["published"] == "2022-04-25"
    assert "Hun Sen" in article["body"]
    assert article["captions"] and article["related"] and article["notes"]
    assert any(m["actor"]["country"] == "JPN" for m in article["mentions"])
    assert article["events"] and all(e["article_id"] == SAMPLE_ID for e in article["events"])
    assert api.get(f"/api/articles/{SAMPLE_ID[:6]}").json()["id"] == SAMPLE_ID  # a prefix


def test_events_filter_like_the_cli_and_page(api: TestClient):
    pair = api.get("/api/events", params={"dyad": "KHM,JPN", "limit": 500}).json()
    assert pair["total"] == len(pair["items"]) > 5
    assert all(
        {e["source"]["country"], e["target"]["country"]} == {"KHM", "JPN"} for e in pair["items"]
    )
    first = pair["items"][0]
    assert {"sentence", "span", "trigger", "cameo", "quad_class", "url", "article_title"} <= set(
        first
    )
    agree = api.get("/api/events", params={"dyad": "JPN-KHM", "type": "agree"}).json()
    assert agree["total"] > 0 and {e["type"] for e in agree["items"]} == {"AGREE"}
    paged = api.get("/api/events", params={"dyad": "KHM,JPN", "limit": 2, "offset": 2}).json()
    assert [e["id"] for e in paged["items"]] == [e["id"] for e in pair["items"][2:4]]
    newest = api.get("/api/events", params={"country": "khm", "newest_first": True}).json()
    dates = [e["date"] for e in newest["items"] if e["date"]]
    assert dates == sorted(dates, reverse=True)
    facts = api.get("/api/events", params={"dyad": "KHM,JPN", "facts_only": True}).json()
    assert facts["total"] < pair["total"]
    assert all(not e["aux"] for e in facts["items"])
    one = api.get("/api/events", params={"article": SAMPLE_ID, "since": "2022-04-01"}).json()
    assert all(e["article_id"] == SAMPLE_ID and e["date"] >= "2022-04-01" for e in one["items"])


def test_actor_search_over_mentions(api: TestClient):
    found = api.get("/api/actors", params={"q": "hun sen"}).json()
    assert found["items"], found
    top = found["items"][0]
    assert top["country"] == "KHM" and top["mentions"] >= 1 and top["articles"] >= 1
    assert api.get("/api/actors", params={"q": "japan"}).json()["countries"][0]["code"] == "JPN"
    assert api.get("/api/actors", params={"q": "100%_"}).json()["items"] == []  # literal


def test_merged_events_and_tiers(api: TestClient):
    merged = api.get("/api/merged-events", params={"dyad": "KHM,JPN", "limit": 5}).json()
    assert merged["total"] >= len(merged["items"]) > 0
    assert {"type", "date", "articles", "publishers", "sentence", "article_id"} <= set(
        merged["items"][0]
    )
    tiers = api.get("/api/tiers", params={"dyad": "KHM,JPN"}).json()
    assert any(t["tier"] == "Comprehensive Strategic Partnership" for t in tiers["items"])
    assert all({t["a"], t["b"]} == {"KHM", "JPN"} for t in tiers["items"])
    assert api.get("/api/tiers", params={"country": "USA"}).json()["total"] == 0


def test_dyad_state_and_partners(api: TestClient):
    state = api.get("/api/dyads/KHM/JPN").json()
    keys = {"a", "b", "current_tier", "ladder", "timeline", "index", "contexts", "top_events"}
    assert keys <= set(state)
    assert {state["a"], state["b"]} == {"KHM", "JPN"}
    tiers = {step["tier"] for step in state["ladder"]}
    assert "Comprehensive Strategic Partnership" in tiers
    assert state["timeline"] and state["index"] and state["top_events"]
    assert api.get("/api/dyads/jpn/khm").json()["ladder"] == state["ladder"]
    partners = api.get("/api/countries/KHM/partners").json()
    assert partners["name"] == "Cambodia"
    assert partners["partners"][0]["country"] == "JPN"
    assert partners["partners"][0]["events"] > 0


# -- bad requests ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status", "words"),
    [
        ("/api/articles/0000000000000000", 404, "no article"),
        ("/api/events?dyad=KHM", 422, "two ISO alpha-3"),
        ("/api/events?country=K1M", 422, "not an ISO 3166 alpha-3"),
        ("/api/events?country=ZZZ", 404, "unknown country code ZZZ"),
        ("/api/events?limit=0", 422, "limit"),
        ("/api/events?limit=100000", 422, "limit"),
        ("/api/events?since=yesterday", 422, "since"),
        ("/api/articles?offset=-1", 422, "offset"),
        ("/api/dyads/KH/JPN", 422, "alpha-3"),
        ("/api/dyads/XXX/JPN", 404, "unknown country code XXX"),
        ("/api/dyads/JPN/JPN", 422, "two different countries"),
        ("/api/countries/12A/partners", 422, "alpha-3"),
        ("/api/actors?q=a", 422, "q"),
        ("/api/actors", 422, "q"),
        ("/api/ingest/nosuchjob", 404, "no ingest job"),
        ("/api/nothing-here", 404, "Not Found"),
    ],
)
def test_bad_requests_get_a_clear_json_error(api: TestClient, path: str, status: int, words: str):
    response = api.get(path)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert words in response.json()["error"]


def test_pages_answer_bad_paths_with_an_html_error(api: TestClient):
    response = api.get("/dyads/XXX/JPN")
    assert response.status_code == 404
    assert "text/html" in response.headers["content-type"]
    assert "unknown country code XXX" in response.text
    assert api.get("/countries/1").status_code == 422
    assert api.get("/articles/nope").status_code == 404
    moved = api.get("/dyads/khm/jpn", follow_redirects=False)
    assert moved.status_code == 308 and moved.headers["location"] == "/dyads/KHM/JPN"


# -- writing -------------------------------------------------------------------------------------


def test_writes_need_the_token(api: TestClient):
    body = {"urls": ["http://127.0.0.1:9/x"]}
    missing = api.post("/api/ingest", json=body)
    assert missing.status_code == 401 and "Bearer" in missing.json()["error"]
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = api.post("/api/ingest", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    basic = api.post("/api/ingest", json=body, headers={"Authorization": f"Basic {WEB_TOKEN}"})
    assert basic.status_code == 401


def test_without_a_token_the_server_is_read_only(web_db: Path, coding: Any):
    with TestClient(make_web_app(web_db, coding, token=None)) as client:
        refused = client.post("/api/ingest", json={"urls": ["https://example.org/"]}, headers=AUTH)
        assert refused.status_code == 403
        assert "read-only" in refused.json()["error"]
        assert client.get("/api/articles").status_code == 200
        assert "read-only" in client.get("/ingest").text


def test_upload_is_queued_stored_and_rendered_inert(api: TestClient):
    before = api.get("/api/dyads/KHM/JPN").json()  # cached by the server until a write
    job = upload(api, "hostile.txt", HOSTILE_TEXT, published="2024-05-06")
    assert job["state"] == "done" and job["done"] == job["total"] == 1
    outcome = job["outcomes"][0]
    assert outcome["status"] == "stored", outcome
    assert outcome["origin"] == "upload:hostile.txt"
    article = api.get(f"/api/articles/{outcome['article_id']}").json()
    assert article["published"] == "2024-05-06"
    assert "<script>" in article["title"]  # stored as written: JSON is not HTML
    for path in (f"/articles/{outcome['article_id']}", "/dyads/KHM/JPN", "/", "/ingest"):
        html = api.get(path).text
        assert "<script>window" not in html, path
        assert "<img src=x" not in html and "<b onmouseover" not in html, path
    page = api.get(f"/articles/{outcome['article_id']}").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "onerror=&#34;window.__pwned=2&#34;" in page
    after = api.get("/api/dyads/KHM/JPN").json()
    assert after["totals"]["merged_events"] > before["totals"]["merged_events"]
    again = upload(api, "hostile.txt", HOSTILE_TEXT)
    assert again["outcomes"][0]["status"] == "duplicate"  # nothing twice


def test_urls_are_fetched_from_loopback_when_allowed(api: TestClient, server: LoopbackServer):
    page = (REPO / "tests" / "fixtures" / "html" / "news_broken_markup.html").read_text()
    url = server.page("/story.html", page)
    response = api.post("/api/ingest", json={"urls": [url]}, headers=AUTH)
    assert response.status_code == 202
    assert response.headers["location"] == response.json()["url"]
    job = wait_for_job(api, response.json()["url"])
    assert job["outcomes"][0]["status"] in ("stored", "skipped"), job
    assert server.requests_for("/story.html")
    listed = api.get("/api/ingest").json()["items"]
    assert listed[0]["id"] == job["id"]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8765/",
        "http://localhost/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "file:///etc/passwd",
        "ftp://example.org/file",
        "/etc/passwd",
        "http:///nohost",
    ],
)
def test_private_and_non_http_urls_are_refused(web_db: Path, coding: Any, url: str):
    with TestClient(make_web_app(web_db, coding, allow_private=False)) as client:
        response = client.post("/api/ingest", json={"urls": [url]}, headers=AUTH)
        assert response.status_code == 400, response.text
        assert "refused" in response.json()["error"]
        assert client.get("/api/ingest").json()["items"] == []  # nothing queued


def test_guarded_fetcher_refuses_loopback_even_after_a_redirect(server: LoopbackServer):
    assert refusal("http://127.0.0.1/", allow_private=True) is None
    assert "private" in (refusal("http://127.0.0.1/", allow_private=False) or "")
    target = server.page("/inside", "<html><body>secret</body></html>")
    with (
        Fetcher(api_module.Settings().fetch, transport=GuardedTransport()) as fetcher,
        pytest.raises(FetchError, match="refused"),
    ):
        fetcher.fetch(target)
    assert not server.requests_for("/inside")


@pytest.mark.parametrize(
    ("request_kwargs", "status", "words"),
    [
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "JSON"),
        ({"json": ["https://example.org/"]}, 400, "JSON object"),
        ({"json": {"urls": "https://example.org/"}}, 400, "list of strings"),
        ({"json": {"urls": []}}, 400, "nothing to ingest"),
        ({"json": {"urls": ["https://example.org/"], "published": "soon"}}, 400, "published"),
        (
            {"content": b"https://example.org/", "headers": {"content-type": "text/plain"}},
            415,
            "JSON",
        ),
        ({"json": {"urls": [f"https://example.org/{i}" for i in range(101)]}}, 413, "100 URLs"),
        ({"json": {"urls": ["https://example.org/" + "a" * 3000]}}, 400, "longer than"),
    ],
)
def test_bad_ingest_requests(
    api: TestClient, request_kwargs: dict[str, Any], status: int, words: str
):
    headers = {**AUTH, **request_kwargs.pop("headers", {})}
    response = api.post("/api/ingest", headers=headers, **request_kwargs)
    assert response.status_code == status, response.text
    assert words in response.json()["error"]


def test_upload_size_limits(web_db: Path, coding: Any, monkeypatch: pytest.MonkeyPatch):
    with TestClient(make_web_app(web_db, coding, max_upload_bytes=1000)) as client:
        big = client.post(
            "/api/ingest", files=[("files", ("big.html", b"x" * 1001, "text/html"))], headers=AUTH
        )
        assert big.status_code == 413 and "larger than" in big.json()["error"]
        many = client.post(
            "/api/ingest",
            files=[("files", (f"{i}.txt", b"text", "text/plain")) for i in range(21)],
            headers=AUTH,
        )
        assert many.status_code == 413, many.text
        monkeypatch.setattr(api_module, "MAX_REQUEST_BYTES", 2000)
        whole = client.post("/api/ingest", content=b"x" * 3000, headers=AUTH)
        assert whole.status_code == 413 and "request body over" in whole.json()["error"]


# -- pages ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/", ["Most active pairs", "Japan – Cambodia", "Tier changes"]),
        ("/?q=japan", ["Results for", "/countries/JPN"]),
        ("/?q=Kishida", ["Fumio Kishida"]),
        (
            "/dyads/KHM/JPN",
            ["Tier ladder", "Comprehensive Strategic Partnership", "<svg", "Events"],
        ),
        ("/dyads/KHM/JPN?type=agree&page=1", ["of type AGREE"]),
        ("/countries/KHM", ["Cambodia", "Partners", "Recent events"]),
        (f"/articles/{SAMPLE_ID}", ["event-sentence", 'class="actor"', "Captions", "Notes"]),
        ("/ingest", ["Drop HTML or text files", 'src="/static/ingest.js"']),
    ],
)
def test_pages_render(api: TestClient, path: str, words: list[str]):
    response = api.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    for word in words:
        assert word in response.text, word
    assert 'href="#main"' in response.text  # the skip link


def test_pair_page_links_events_to_their_article_and_original(api: TestClient):
    html = api.get("/dyads/KHM/JPN").text
    assert f'href="/articles/{SAMPLE_ID}#ev-' in html
    assert 'class="external"' in html  # the original URL of the stories that have one
    assert '<mark class="trigger"' in html and '<mark class="actor source"' in html


def test_static_assets_are_served(api: TestClient):
    css = api.get("/static/style.css")
    assert css.status_code == 200 and ".skip:focus" in css.text
    assert "textContent" in api.get("/static/ingest.js").text
    assert api.get("/static/../api.py").status_code == 404


# -- rendering helpers -----------------------------------------------------------------------------


def test_annotated_text_escapes_and_nests_marks():
    text = "A <b>x</b> met B. Then C & D."
    sentence = render.Span(0, 17, "event-sentence", 'say "hi"', "s-1")
    marks = [render.Span(0, 1, "actor"), render.Span(15, 16, "actor"), render.Span(23, 24, "actor")]
    html = str(render.annotated(text, [sentence], marks))
    assert html == (
        '<span class="event-sentence" title="say &#34;hi&#34;" id="s-1"><mark class="actor">A'
        '</mark> &lt;b&gt;x&lt;/b&gt; met <mark class="actor">B</mark>.</span> Then '
        '<mark class="actor">C</mark> &amp; D.'
    )


def test_evidence_marks_whole_words_only():
    html = str(render.evidence("Japan and Japanese firms agreed.", "Japan", None, "agreed"))
    assert html.count("<mark") == 2
    assert '<mark class="actor source" title="source">Japan</mark> and Japanese' in html


def test_timeline_chart_fills_months_and_draws_the_index():
    svg = str(
        render.timeline_svg(
            [
                {"month": "2022-01", "types": {"AGREE": 2}},
                {"month": "2022-04", "types": {"X<y": 1}},
            ],
            [{"month": "2022-01", "score": 3.0}, {"month": "2022-04", "score": -1.5}],
        )
    )
    assert svg.startswith("<svg") and svg.count("<rect") == 2
    assert "X&lt;y" in svg and "X<y" not in svg
    assert "<polyline" not in svg and svg.count("<circle") == 2  # no line across empty months
    assert "2022-04: -1.50" in svg
    joined = str(render.timeline_svg([], [{"month": "2022-01", "score": 1}, {"month": "2022-02"}]))
    assert "<polyline" not in joined  # a month without a score is a gap
    joined = str(
        render.timeline_svg(
            [], [{"month": "2022-01", "score": 1}, {"month": "2022-02", "score": 2}]
        )
    )
    assert joined.count("<polyline") == 1
    assert "No dated events" in str(render.timeline_svg([], []))


# -- the command -------------------------------------------------------------------------------


def test_serve_command_prints_the_pair_url_and_serves_it(tmp_path: Path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "TIELINE_TOKEN": ""}
    command = [sys.executable, "-m", "tieline", "serve", "--db", str(tmp_path / "t.db")]
    process = subprocess.Popen(
        [*command, "--port", str(port)], stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert process.stderr is not None
        lines = [process.stderr.readline() for _ in range(2)]
        assert f"http://localhost:{port}/dyads/KHM/JPN" in "".join(lines), lines
        deadline = time.monotonic() + 20
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/dyads/KHM/JPN")
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "server did not answer"
                time.sleep(0.1)
        assert response.status_code == 200 and "Cambodia" in response.text
        spec = httpx.get(f"http://127.0.0.1:{port}/openapi.json").json()
        assert spec["info"]["title"] == "tieline"
    finally:
        process.terminate()
        process.wait(timeout=10)
    with Store.open(tmp_path / "t.db") as db:
        assert db.count_articles() == 0


def test_memory_database_is_refused():
    with pytest.raises(ValueError, match="database file"):
        api_module.create_app(":memory:")


def test_json_errors_are_objects(api: TestClient):
    body = api.get("/api/dyads/XXX/JPN").content
    assert json.loads(body) == {"error": "unknown country code XXX"}
