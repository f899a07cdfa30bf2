"""The blind-labelled held-out actor sets (tests/fixtures/heldout-actors, -b to -f, and the
synthetic -s) and how the actor evaluation reads sentences quoted from whole articles.

The held-out set was labelled by a helper who never saw tieline's output; its first
measurement, at 4adcd23, is in the README ("Held-out check"), with what was read of it since.
The floors below pin the figures of the last commit that raised them (stop 16's rules, found
reading set A and sets C's and D's even halves), EPSILON below, so a change that loses ground
there fails (set A and B floors repinned at stop 20, after the rules of stops 19 and 20);
lowering one is a deliberate change to explain in the commit that does it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from tests.tools_loader import load_tool
from tieline.evaluation.actors import DatasetError, evaluate, load_gold
from tieline.evaluation.common import select_half
from tieline.models import Actor, Mention

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
HELDOUT = FIXTURES / "heldout-actors"
EPSILON = 0.005
# Set A: Scrapinghub pages, read since its first run. Set B: trafilatura-eval-en pages,
# labelled later by another blind helper; never read by the rules' authors, though a helper
# building the firm table printed its firms' labels once (README, "Held-out check").
SETS = {
    "heldout-actors": (
        185,
        {
            # stop 25: famous people of no office (notables.tsv), some named because set A
            # names them (Taylor Swift, Julian Assange, Adam Neumann), and a founder's title
            # ("WikiLeaks co-founder Julian Assange") leaving the table's sector; stop 26:
            # the Pentagon MIL, as Phoenix codes it and set A's gold has it (+0.0050); stop 28:
            # a firm called by the first word of its name ("Alden Capital ... Alden"), an
            # airline by "Air" ("Kazakhstan's Air Astana"), a firm by its sale ("Big Machine,
            # which was bought out by")
            "source_country_accuracy": 0.9602,
            "source_sector_accuracy": 0.8756,
            "target_country_accuracy": 0.9306,
            # 0.8555 at stop 28 (the owner of a firm named after their possessive)
            "target_sector_accuracy": 0.8555,
        },
    ),
    "heldout-actors-b": (
        165,
        {
            # stop 24: the towns of the Caribbean, Britain and the United States the tables
            # lacked (0.7288 / 0.4350 / 0.7462 / 0.5077 before it). Stop 25 lowered source
            # +sector from 0.4463: true rows of the hand-kept tables (a former prime minister's
            # later term as opposition leader, read for an undated page) cost two sources;
            # a gate on an unread set is no reason to keep a fact out. Set B is no longer
            # wholly unread: a stop-25 helper dumped its per-record results (README).
            # Stop 26 (pronouns, a plural apposition no longer consumed): back to 0.4463,
            # targets 0.7538 / 0.5231. Stop 28 (the owner of a firm named after their
            # possessive; seen as totals): 0.4520 / 0.5308.
            "source_country_accuracy": 0.7627,
            "source_sector_accuracy": 0.4520,
            "target_country_accuracy": 0.7538,
            "target_sector_accuracy": 0.5308,
        },
    ),
}


@pytest.mark.parametrize("name", SETS)
def test_every_heldout_sentence_is_quoted_from_its_article(name: str) -> None:
    sentences = load_gold(FIXTURES / name / "HELDOUT_ACTORS.json")
    assert len(sentences) == SETS[name][0]
    assert all(s.article is not None and s.text in s.article for s in sentences)
    for s in sentences:
        for actor in s.actors:
            assert actor.text in s.text, (s.id, actor.text)


@pytest.mark.parametrize("name", SETS)
def test_heldout_actor_accuracy(resolver, name) -> None:  # type: ignore[no-untyped-def]
    metrics, _ = evaluate(
        FIXTURES / name / "HELDOUT_ACTORS.json", lambda text, day: resolver.resolve(text, day=day)
    )
    for key, floor in SETS[name][1].items():
        assert metrics[key] >= floor - EPSILON, (key, metrics)


# Sets C to F: Guardian articles on Syria and Iraq (ngec-guardian-sample), labelled by four
# more blind helpers; D's articles are drawn from those C left out, E's and F's (stop 26) from
# those neither used. D, E and F follow the PLOVER gold's conventions where C's differ (places
# attacked are CVL, UN officials IGO GOV). Their article bodies may not be redistributed, so
# tools/guardian_articles.py puts them beside a copy of the labels from ../shared/data. Their
# even articles (`--half even`) are read for development; their odd ones are not. The first
# figures (C at e91b300, D at fac5f76, E and F at 256b8dc) are in their READMEs; the floors
# are the last figures.
GUARDIAN_SETS = {
    # sentences, articles, even and odd articles
    "c": (160, 55, (28, 27)),
    "d": (150, 50, (25, 25)),
    "e": (151, 51, (26, 25)),
    "f": (151, 52, (26, 26)),
}
GUARDIAN_FLOORS = {
    ("c", "even"): {
        "source_country_accuracy": 0.8854,
        "source_sector_accuracy": 0.8750,
        "target_country_accuracy": 0.8594,
        # 0.7656 at stop 27: provinces named by their state are its land, with no sector
        "target_sector_accuracy": 0.7656,
    },
    ("c", "odd"): {
        # 0.7021 at stop 21; one source of 94 lost (unread; its +sector was already wrong)
        # when he/she first passed over persons of the other gender (stop 22); 0.7021 again at
        # stop 23 (a cabinet title placed in the one state of the article that gives it);
        # 0.7234 at stop 24 (British towns the tables lacked), 0.7340 at stop 26, 0.7553 at
        # stop 29 (a known person's possessive after "at"/"in"; London's Westminster)
        "source_country_accuracy": 0.7553,
        # 0.6702 at stop 28 (fighting alongside an armed group named by a noun for its men),
        # 0.6915 at stop 29
        "source_sector_accuracy": 0.6915,
        # 0.7059 at stop 18, 0.6912 at stop 19 (one target of 68 lost, unread, when an
        # article's unqualified "fighters" were placed with Islamic State), 0.7206 at stop 21,
        # 0.7500 at stop 23 (civilians placed where the story happens), 0.7647 at stop 24,
        # 0.7794 at stop 26
        "target_country_accuracy": 0.7794,
        # 0.5588 at stop 24 ("the Kurds" of Syria in a story of their forces)
        "target_sector_accuracy": 0.5588,
    },
    ("d", "even"): {
        # 0.9744 at stop 27 (an organisation's staff: "Unicef's regional director, X")
        "source_country_accuracy": 0.9744,
        "source_sector_accuracy": 0.8974,
        "target_country_accuracy": 0.8548,
        # 0.8065 at stop 28 ("the 21-year-old" takes the person's settled membership; armed
        # factions)
        "target_sector_accuracy": 0.8065,
    },
    ("d", "odd"): {
        # 0.7875 at stop 29 ("the group's fighters" are the referred group's)
        "source_country_accuracy": 0.7875,
        # 0.6750 at stop 28 (members of armed groups), 0.6875 at stop 29
        "source_sector_accuracy": 0.6875,
        # 0.7432 at its first run; one target of 74 lost (unread) when Kurdish authorities
        # were placed in the Kurdish region the article names, won back at stop 21
        "target_country_accuracy": 0.7432,
        # 0.6757 at stop 27 (provinces)
        "target_sector_accuracy": 0.6757,
    },
    # Set E (stop 26): the Guardian articles C and D left out; first measured at 256b8dc
    # (even 0.7865 / 0.6742 / 0.7500 / 0.6250, odd 0.8256 / 0.6744 / 0.7969 / 0.6562)
    ("e", "even"): {
        "source_country_accuracy": 0.8090,
        # 0.7416 at stop 27 ("Syria's leadership"), 0.7640 at stop 28 (members of armed groups)
        "source_sector_accuracy": 0.7640,
        # 0.8125 / 0.7188 at stop 27 ("A Kurdish-led force"); 0.7344 at stop 28 (members)
        "target_country_accuracy": 0.8125,
        "target_sector_accuracy": 0.7344,
    },
    # Set F (stop 26): the next Guardian articles in E's order; first measured at 256b8dc
    # (even 0.8025 / 0.6296 / 0.7931 / 0.6552, odd 0.8851 / 0.7356 / 0.9259 / 0.7593)
    ("f", "even"): {
        # 0.8519 at stop 27 (an article naming one state more than all others places its
        # unplaced actors there)
        "source_country_accuracy": 0.8519,
        "source_sector_accuracy": 0.7284,
        "target_country_accuracy": 0.8276,
        "target_sector_accuracy": 0.6724,
    },
    ("f", "odd"): {
        "source_country_accuracy": 0.8851,
        "source_sector_accuracy": 0.7356,
        # 0.9444 / 0.7778 at stop 27 (the same)
        "target_country_accuracy": 0.9444,
        "target_sector_accuracy": 0.7778,
    },
    ("e", "odd"): {
        # 0.8372 / 0.6860 at stop 28 (a body's name takes the body its bracketed acronym
        # names); one source of 86 lost (unread) at stop 29 when places the tables lack took
        # GeoNames' state (fb71c09), kept for the places it mends in the pools
        "source_country_accuracy": 0.8256,
        "source_sector_accuracy": 0.6744,
        "target_country_accuracy": 0.7969,
        # 0.6719 at stop 26; one target of 64 lost (unread) at stop 27 when a province named by
        # its state became the state's land with no sector, as the golds code it elsewhere
        # (C even two targets, D odd one, PLOVER odd one gained)
        "target_sector_accuracy": 0.6562,
    },
}


@pytest.fixture(scope="module")
def guardian_sets(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> dict[str, Path]:
    """Sets C's and D's labels, each with the Guardian articles it quotes beside it."""
    tool = load_tool("guardian_articles")
    rows = tool.guardian_rows(data_dir)
    paths = {}
    for name in GUARDIAN_SETS:
        folder = tmp_path_factory.mktemp(f"heldout-actors-{name}")
        labels = FIXTURES / f"heldout-actors-{name}" / "HELDOUT_ACTORS.json"
        records = json.loads(labels.read_text(encoding="utf-8"))
        (folder / "HELDOUT_ACTORS.json").write_text(json.dumps(records), encoding="utf-8")
        articles = tool.articles_of(records, rows)
        (folder / "ARTICLES.json").write_text(json.dumps(articles), encoding="utf-8")
        paths[name] = folder / "HELDOUT_ACTORS.json"
    return paths


@pytest.mark.parametrize("name", GUARDIAN_SETS)
def test_guardian_sentences_are_quoted_from_their_articles(
    guardian_sets: dict[str, Path], name: str
) -> None:
    sentences = load_gold(guardian_sets[name])
    count, articles, _ = GUARDIAN_SETS[name]
    assert len(sentences) == count
    assert len({s.article for s in sentences}) == articles
    assert all(s.article is not None and s.text in s.article for s in sentences)
    assert all(actor.text in s.text for s in sentences for actor in s.actors)


@pytest.mark.parametrize("name", GUARDIAN_SETS)
def test_guardian_halves_split_by_article(guardian_sets: dict[str, Path], name: str) -> None:
    sentences = load_gold(guardian_sets[name])
    halves = {
        half: {s.article for s in select_half(sentences, half, lambda s: s.article)}
        for half in ("even", "odd")
    }
    assert (len(halves["even"]), len(halves["odd"])) == GUARDIAN_SETS[name][2]
    assert not halves["even"] & halves["odd"]


@pytest.mark.parametrize(("name", "half"), GUARDIAN_FLOORS)
def test_guardian_actor_accuracy(resolver, guardian_sets, name: str, half: str) -> None:  # type: ignore[no-untyped-def]
    metrics, _ = evaluate(
        guardian_sets[name], lambda text, day: resolver.resolve(text, day=day), half
    )
    for key, floor in GUARDIAN_FLOORS[name, half].items():
        assert metrics[key] >= floor - EPSILON, (key, metrics)


def _gold_file(folder: Path, with_article: bool) -> Path:
    sentence = "He warned Beijing on Monday."
    article = f"Rashid Omarov, Kazakhstan's foreign minister, flew to China. {sentence}"
    record = {
        "id": "T-1",
        "date": "2019-05-06",
        "source": [{"actorText": "He", "code": "KAZ", "sector": "GOV"}],
        "target": "",
        "event": "THREATEN",
        "text": sentence,
        **({"article": "a1"} if with_article else {}),
    }
    path = folder / "GOLD.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    if with_article:
        (folder / "ARTICLES.json").write_text(
            json.dumps({"a1": {"url": "https://example.org/a1", "body": article}}),
            encoding="utf-8",
        )
    return path


@pytest.mark.parametrize("with_article", [True, False])
def test_a_sentence_is_read_inside_its_article_when_given(  # type: ignore[no-untyped-def]
    tmp_path, resolver, with_article
):
    days = []

    def resolve(text, day):  # type: ignore[no-untyped-def]
        days.append(day)
        return resolver.resolve(text, day=day)

    _, [score] = evaluate(_gold_file(tmp_path, with_article), resolve)
    # Inside the article "He" is the foreign minister named before; alone it is no one.
    assert score.sector_ok is with_article
    assert days == ([dt.date(2019, 5, 6)] if with_article else [None])


@pytest.mark.parametrize(
    ("articles", "message"),
    [
        (None, "names article 'a1', not in its ARTICLES.json"),
        ({"a2": {"body": "Another text."}}, "names article 'a1', not in its ARTICLES.json"),
        ({"a1": {"body": "A text that quotes another sentence."}}, "is not in article 'a1'"),
        ({"a1": "no body"}, "not an articles file"),
    ],
)
def test_an_article_that_cannot_be_read_is_a_clear_error(tmp_path, articles, message):  # type: ignore[no-untyped-def]
    path = _gold_file(tmp_path, with_article=True)  # the record names article "a1"
    if articles is None:
        (tmp_path / "ARTICLES.json").unlink()
    else:
        (tmp_path / "ARTICLES.json").write_text(json.dumps(articles), encoding="utf-8")
    with pytest.raises(DatasetError, match=re.escape(message)):
        load_gold(path)


def test_a_missing_articles_file_names_the_tool_that_writes_it(tmp_path: Path) -> None:
    path = _gold_file(tmp_path, with_article=True)
    (tmp_path / "ARTICLES.json").unlink()
    with pytest.raises(DatasetError, match=re.escape("tools/guardian_articles.py")):
        load_gold(path)
    # a file that lacks one article is no missing file
    (tmp_path / "ARTICLES.json").write_text(json.dumps({"a2": {"body": "x"}}), encoding="utf-8")
    with pytest.raises(DatasetError) as raised:
        load_gold(path)
    assert "guardian_articles" not in str(raised.value)


def _evaluate_reading(
    tmp_path: Path, gold: dict[str, object], read: dict[str, Actor]
) -> tuple[dict[str, float | int], list[str]]:
    """Score one gold record against a reading that finds each of `read`'s words as its actor;
    returns the metrics and the words of the mention matched to each gold actor."""
    path = tmp_path / "GOLD.json"
    path.write_text(json.dumps([gold]), encoding="utf-8")

    def resolve(sentence: str, day: dt.date | None) -> list[Mention]:
        return [
            Mention(at, at + len(words), words, actor, "test", "", 1.0, 0)
            for words, actor in read.items()
            if (at := sentence.find(words)) >= 0
        ]

    metrics, scores = evaluate(path, resolve)
    return metrics, [s.found.text for s in scores if s.found]


def test_the_gold_words_are_matched_to_their_head_not_a_qualifier(tmp_path: Path) -> None:
    text = (
        "His Turkish counterpart, Recep Tayyip Erdoğan, warned the US-backed Syrian Democratic "
        "Forces and Islamic State fighters."
    )
    gold = {
        "id": "T-2",
        "date": "2019-05-06",
        "source": [{"actorText": "His Turkish counterpart, Recep Tayyip Erdoğan", "code": "TUR",
                    "sector": "GOV"}],
        "target": [
            {"actorText": "the US-backed Syrian Democratic Forces", "code": "SYR", "sector": "REB"},
            {"actorText": "Islamic State fighters", "code": "IMG", "sector": "REB"},
        ],
        "event": "THREATEN",
        "text": text,
    }  # fmt: skip
    read = {
        "His": Actor("Vladimir Putin", country="RUS", sector="GOV"),
        "Recep Tayyip Erdoğan": Actor("Recep Tayyip Erdoğan", country="TUR", sector="GOV"),
        "US": Actor("United States", country="USA"),
        "Syrian Democratic Forces": Actor("SDF", country="SYR", sector="REB"),
        "Islamic State fighters": Actor("Islamic State", sector="REB"),
    }
    metrics, found = _evaluate_reading(tmp_path, gold, read)
    assert found == ["Recep Tayyip Erdoğan", "Syrian Democratic Forces", "Islamic State fighters"]
    # an armed group of no state (IMG) is right with REB, whether or not the gold repeats it
    assert metrics["target_sector_accuracy"] == 1.0


def test_an_armed_groups_people_meet_its_stateless_code(tmp_path: Path) -> None:
    gold = {
        "id": "T-4",
        "date": "2019-03-01",
        "source": [{"actorText": "Islamic State fighters", "code": "IMG", "sector": "REB"}],
        "target": [{"actorText": "their followers", "code": "IMG", "sector": "CVL"}],
        "event": "APPEAL",
        "text": "Islamic State fighters urged their followers to remain steadfast.",
    }  # fmt: skip
    group = "armed:islamic-state"
    read = {
        "Islamic State fighters": Actor("Islamic State", sector="REB", organisation=group),
        "followers": Actor("followers", sector="CVL", organisation=group),
    }
    metrics, _ = _evaluate_reading(tmp_path, gold, read)
    assert metrics["target_country_accuracy"] == metrics["target_sector_accuracy"] == 1.0
    # civilians of no group are no armed group's
    read["followers"] = Actor("followers", sector="CVL")
    metrics, _ = _evaluate_reading(tmp_path, gold, read)
    assert metrics["target_country_accuracy"] == 0.0


def test_an_article_before_the_head_is_passed_over(tmp_path: Path) -> None:
    gold = {
        "id": "T-3",
        "date": "2019-05-06",
        "source": [{"actorText": "The parents of a former British soldier", "code": "GBR",
                    "sector": "CVL"}],
        "target": [{"actorText": "Turkey", "code": "TUR"}],
        "event": "APPEAL",
        "text": "The parents of a former British soldier appealed to Turkey.",
    }  # fmt: skip
    read = {
        "parents": Actor("parents", country="GBR", sector="CVL"),
        "former British soldier": Actor("soldier", country="GBR", sector="ELI"),
        "Turkey": Actor("Turkey", country="TUR"),
    }
    # "parents" is the head, though "former British soldier" overlaps the gold words more
    assert _evaluate_reading(tmp_path, gold, read)[1] == ["parents", "Turkey"]


# Set S (stop 27): sentences of NGEC's LLM-written international news stories, blind-labelled
# to set D's and set B's conventions. The stories are not news and the set is read to find
# errors, so its floor guards what was learnt from it, and is no measurement of tieline.
# First run at dc51cf3: 0.8156 / 0.7095 / 0.7011 / 0.5172.
SYNTHETIC = (151, 44)
SYNTHETIC_FLOORS = {  # at stop 28
    "source_country_accuracy": 0.8883,
    "source_sector_accuracy": 0.7821,
    "target_country_accuracy": 0.7356,
    "target_sector_accuracy": 0.5517,
}


@pytest.fixture(scope="module")
def synthetic_set(tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Path:
    """Set S's labels, with the synthetic stories it quotes beside them."""
    tool = load_tool("synthetic_articles")
    folder = tmp_path_factory.mktemp("heldout-actors-s")
    records = json.loads((FIXTURES / "heldout-actors-s" / "HELDOUT_ACTORS.json").read_text())
    (folder / "HELDOUT_ACTORS.json").write_text(json.dumps(records), encoding="utf-8")
    stories = tool.stories(data_dir)
    wanted = {str(r["article"]) for r in records}
    (folder / "ARTICLES.json").write_text(
        json.dumps({key: stories[key] for key in wanted}), encoding="utf-8"
    )
    return folder / "HELDOUT_ACTORS.json"


def test_synthetic_sentences_are_quoted_from_their_stories(synthetic_set: Path) -> None:
    sentences = load_gold(synthetic_set)
    assert (len(sentences), len({s.article for s in sentences})) == SYNTHETIC
    assert all(s.article is not None and s.text in s.article for s in sentences)
    assert all(actor.text in s.text for s in sentences for actor in s.actors)


def test_synthetic_actor_accuracy(resolver, synthetic_set: Path) -> None:  # type: ignore[no-untyped-def]
    metrics, _ = evaluate(synthetic_set, lambda text, day: resolver.resolve(text, day=day))
    for key, floor in SYNTHETIC_FLOORS.items():
        assert metrics[key] >= floor - EPSILON, (key, metrics)
