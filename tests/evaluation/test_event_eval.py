"""Event evaluation: the metrics' arithmetic on tiny gold files, and the real gold sets' sizes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tieline.evaluation import events as ev
from tieline.events.codes import PLOVER_TYPES
from tieline.models import Actor, Event, Participant


def _participant(code: str | None) -> Participant | None:
    if code is None:
        return None
    if code == "IGO":
        actor = Actor("the UN", sector="IGO", igo="UNO")
    elif "+" in code:
        actor = Actor(code, members=tuple(code.split("+")))
    else:
        actor = Actor(code, country=code)
    return Participant(code, actor, 0, len(code))


def _event(
    type_: str,
    source: str | None = None,
    target: str | None = None,
    *,
    mode: str | None = None,
    cameo: str | None = None,
    confidence: float = 0.5,
) -> Event:
    return Event(
        type=type_,
        source=_participant(source),
        target=_participant(target),
        sentence="",
        span=(0, 0),
        trigger="",
        mode=mode,
        cameo=cameo,
        confidence=confidence,
    )


def _coder(answers: dict[str, list[Event]]) -> ev.Coder:
    return lambda text, date: answers.get(text, [])


def _date_recorder(seen: list[dt.date | None]) -> ev.Coder:
    def code(text: str, date: dt.date | None) -> list[Event]:
        seen.append(date)
        return []

    return code


def _actors(*codes: str) -> list[dict[str, str]]:
    return [{"actorText": code, "code": code} for code in codes]


# ---------------------------------------------------------------- PLOVER gold


def _plover_record(
    text: str, event: str, source: list[str], target: list[str] | str | None, mode: str | None
) -> dict[str, object]:
    record: dict[str, object] = {"id": text, "date": "2000-01-01", "event": event, "text": text}
    if source:
        record["source"] = _actors(*source)
    if isinstance(target, list):
        record["target"] = _actors(*target)
    elif target is not None:
        record["target"] = target
    if mode is not None:
        record["mode"] = mode
    return record


PLOVER_RECORDS = [
    _plover_record("S1", "AGREE", ["HUN", "ROU"], None, None),  # reciprocal: no target
    _plover_record("S2", "DEMAND", ["USA"], ["IRQ"], None),
    _plover_record("S3", "INVESTIGATE", ["IGO"], ["IRN"], ""),  # implies mode investigate
    _plover_record("S4", "CONSULT", ["RUS"], ["JAP"], "host"),  # JAP is JPN; host → visit
    _plover_record("S5", "FIGHT", ["ISR"], ["PSE", "LBN"], "heavy-weapons"),
    _plover_record("S6", "AGREE", ["USA"], "", None),  # one source, no target
    _plover_record("S7", "ASSAULT", [], ["IRQ"], "explosives"),  # no source
]


@pytest.fixture
def plover_file(tmp_path: Path) -> Path:
    folder = tmp_path / "plover-gsr-cameo"
    folder.mkdir()
    document = {"id": "DOC", "event": "DOCUMENT", "eventText": "documentation"}
    (folder / "PLOVER_GSR_CAMEO.txt").write_text(json.dumps([document, *PLOVER_RECORDS]))
    return folder


PERFECT_PLOVER = {
    "S1": [_event("AGREE", "HUN", "ROU")],  # the other party as target counts
    "S2": [_event("REQUEST", "USA", "IRQ")],
    "S3": [_event("ACCUSE", "IGO", "IRN", mode="investigate")],
    "S4": [_event("CONSULT", "JPN", "RUS", mode="visit")],  # today: the visitor acts
    "S5": [_event("ASSAULT", "ISR", "LBN", mode="heavy-weapons")],
    "S6": [_event("AGREE", "USA")],
    "S7": [_event("ASSAULT", None, "IRQ", mode="explosives")],
}


def test_a_perfect_coder_scores_one(plover_file: Path) -> None:
    metrics, scores = ev.evaluate(plover_file, _coder(PERFECT_PLOVER))
    assert metrics == {
        "type_accuracy": 1.0,
        "triple_accuracy": 1.0,
        "mode_accuracy": 1.0,
        "n_mode": 4,  # S3 (implied), S4, S5, S7
        "n": 7,
    }
    assert [s.gold.id for s in scores] == [f"S{i}" for i in range(1, 8)]


def test_a_coder_that_finds_nothing_scores_zero(plover_file: Path) -> None:
    metrics, scores = ev.evaluate(plover_file, _coder({}))
    assert metrics["type_accuracy"] == metrics["triple_accuracy"] == 0.0
    assert metrics["mode_accuracy"] == 0.0
    assert metrics["n"] == len(scores) == 7


MIXED_PLOVER = {
    "S1": [_event("AGREE", "HUN", "USA")],  # type right; USA is no party: triple wrong
    "S2": [_event("REJECT", "USA", "IRQ")],  # type wrong
    "S3": [_event("ACCUSE", "IGO", "IRN", mode="disapprove")],  # triple right, mode wrong
    # S4: no event at all
    "S5": [  # the most confident event answers: all right
        _event("PROTEST", "PSE", "ISR", confidence=0.4),
        _event("ASSAULT", "ISR", "PSE", mode="heavy-weapons", confidence=0.9),
    ],
    "S6": [_event("AGREE", "USA", "USA")],  # gold has no target and one source: wrong
    "S7": [_event("ASSAULT", "IRQ", "IRQ", mode="explosives")],  # gold has no source: wrong
}


def test_the_metrics_count_exactly(plover_file: Path) -> None:
    metrics, scores = ev.evaluate(plover_file, _coder(MIXED_PLOVER))
    # type right: S1 S3 S5 S6 S7; triple right: S3 S5; mode right: S5, S7 of S3 S4 S5 S7.
    assert metrics == {
        "type_accuracy": round(5 / 7, 4),
        "triple_accuracy": round(2 / 7, 4),
        "mode_accuracy": 0.5,
        "n_mode": 4,
        "n": 7,
    }
    by_id = {s.gold.id: s for s in scores if isinstance(s, ev.PloverScore)}
    assert by_id["S4"].predicted is None and by_id["S4"].mode_ok is False
    assert by_id["S5"].predicted is not None and by_id["S5"].predicted.type == "ASSAULT"
    assert (by_id["S7"].source_ok, by_id["S7"].target_ok) == (False, True)
    assert (by_id["S6"].source_ok, by_id["S6"].target_ok) == (True, False)


def test_accuracy_by_gold_type(plover_file: Path) -> None:
    _, scores = ev.evaluate(plover_file, _coder(MIXED_PLOVER))
    table = ev.by_type(s for s in scores if isinstance(s, ev.PloverScore))
    assert list(table) == ["AGREE", "CONSULT", "REQUEST", "ACCUSE", "ASSAULT"]  # PLOVER's order
    assert table["AGREE"] == {"type_accuracy": 1.0, "triple_accuracy": 0.0, "n": 2}
    assert table["ASSAULT"] == {"type_accuracy": 1.0, "triple_accuracy": 0.5, "n": 2}
    assert table["REQUEST"] == {"type_accuracy": 0.0, "triple_accuracy": 0.0, "n": 1}


def test_the_first_of_equally_confident_events_answers() -> None:
    first, second = _event("AGREE", confidence=0.7), _event("REJECT", confidence=0.7)
    assert ev.most_confident([first, second]) is first
    assert ev.most_confident([]) is None


def test_a_consult_host_matches_either_way_round_and_a_group_by_its_members(
    plover_file: Path,
) -> None:
    answers = {
        "S4": [_event("CONSULT", "RUS", "JPN", mode="visit")],  # as the gold file has it
        "S1": [_event("AGREE", "HUN+ROU")],  # the two parties as one group actor
    }
    _, scores = ev.evaluate(plover_file, _coder(answers))
    right = {s.gold.id for s in scores if isinstance(s, ev.PloverScore) and s.triple_ok}
    assert right == {"S1", "S4"}


def test_the_plover_coder_is_given_no_date(plover_file: Path) -> None:
    seen: list[dt.date | None] = []
    ev.evaluate(plover_file, _date_recorder(seen))
    assert seen == [None] * 7


def test_fixed_halves_by_position(plover_file: Path) -> None:
    even, _ = ev.evaluate(plover_file, _coder(PERFECT_PLOVER), half="even")
    odd, odd_scores = ev.evaluate(plover_file, _coder(PERFECT_PLOVER), half="odd")
    assert (even["n"], odd["n"]) == (4, 3)
    assert [s.gold.id for s in odd_scores] == ["S2", "S4", "S6"]
    with pytest.raises(ValueError):
        ev.select_half([1, 2], "first")


def test_halves_by_group_keep_a_group_together() -> None:
    records = [("a", 1), ("a", 2), ("b", 3), (None, 4), ("a", 5), (None, 6), ("c", 7)]
    group = lambda r: r[0]  # noqa: E731
    even = ev.select_half(records, "even", group)
    odd = ev.select_half(records, "odd", group)
    # groups in order of first appearance: a 0, b 1, (4) 2, (6) 3, c 4
    assert [n for _, n in even] == [1, 2, 4, 5, 7]
    assert [n for _, n in odd] == [3, 6]
    assert ev.select_half(records, "all", group) == records


# ---------------------------------------------------------------- PETR-2 validation


def _petr2_line(id_: str, codings: list[tuple[str, str, str]], evaluate: str = "true") -> str:
    events = [{"eventcode": e, "sourcecode": s, "targetcode": t} for s, t, e in codings]
    record = {"id": id_, "date": "20080804", "category": "TEST", "evaluate": evaluate,
              "text": id_, "events": events, "no_events_expected": not events}  # fmt: skip
    return json.dumps(record)


@pytest.fixture
def petr2_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "petrarch2-validation"
    folder.mkdir()
    lines = [
        _petr2_line("A", [("USA", "IRQMUS", "195")]),
        _petr2_line("B", [("BRA", "USA", "031"), ("USA", "BRA", "031")]),
        _petr2_line("C", []),  # expects no event
        _petr2_line("D", [("FRA", "DEU", "040")], evaluate="false"),  # skipped
        _petr2_line("E", [("GEOOPP", "GEOGOV", "043"), ("GEOGOV", "GEOOPP", "042")]),
    ]
    (folder / "PETR2_GSR_validation.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "PETR2_GSR_validation.xml").write_text("<Sentences/>")
    return folder


def test_petr2_gold_reduces_codings_to_country_and_root(petr2_folder: Path) -> None:
    gold = ev.load_petr2(petr2_folder / "PETR2_GSR_validation.jsonl")
    assert [g.id for g in gold] == ["A", "B", "C", "E"]
    assert gold[0].triples == {("USA", "IRQ", "19")}
    assert gold[3].triples == {("GEO", "GEO", "04")}  # two codings, one triple
    assert gold[0].date == dt.date(2008, 8, 4)


def test_petr2_perfect_coder(petr2_folder: Path) -> None:
    answers = {
        "A": [_event("ASSAULT", "USA", "IRQ", cameo="195")],
        "B": [_event("AGREE", "BRA", "USA", cameo="031"), _event("AGREE", "USA", "BRA")],
        "E": [_event("CONSULT", "GEO", "GEO", cameo="042")],
        "D": [_event("CONSULT", "USA", "RUS", cameo="040")],  # not evaluated: never counted
    }
    metrics, _ = ev.evaluate(petr2_folder, _coder(answers))
    assert metrics == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "n": 4,
                       "gold_triples": 4, "predicted_triples": 4}  # fmt: skip


def test_petr2_empty_coder_has_zero_recall_and_zero_precision(petr2_folder: Path) -> None:
    metrics, _ = ev.evaluate(petr2_folder, _coder({}))
    assert metrics == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "n": 4,
                       "gold_triples": 4, "predicted_triples": 0}  # fmt: skip


def test_petr2_counts_exactly(petr2_folder: Path) -> None:
    answers = {
        # (USA, IRQ, 19) right — 190 and 195 share the root; the group adds (GBR, IRQ, 19): wrong
        "A": [
            _event("ASSAULT", "USA", "IRQ", cameo="190"),
            _event("ASSAULT", "USA+GBR", "IRQ", cameo="190"),
        ],
        "B": [_event("AGREE", "BRA", "USA", cameo="0311")],  # one of two
        "C": [_event("ACCUSE", "USA", "RUS")],  # on a no-event sentence: a false positive
    }  # E: nothing
    metrics, scores = ev.evaluate(petr2_folder, _coder(answers))
    # tp 2 (A, B), fp 2 (GBR in A, C), fn 2 (B's second, E)
    assert metrics == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "n": 4,
                       "gold_triples": 4, "predicted_triples": 4}  # fmt: skip
    c = next(s for s in scores if isinstance(s, ev.TripleScore) and s.gold.id == "C")
    assert c.predicted == {("USA", "RUS", "11")}  # no CAMEO code: ACCUSE's representative root


def test_petr2_triples_of_an_event() -> None:
    assert ev.event_triples(_event("SUPPORT", "IGO", None, cameo="051")) == {("IGO", "---", "05")}
    assert ev.event_triples(_event("ASSAULT", None, "IRQ", mode="unconventional")) == {
        ("---", "IRQ", "20")
    }


def test_the_petr2_coder_is_given_the_sentence_date(petr2_folder: Path) -> None:
    seen: list[dt.date | None] = []
    ev.evaluate(petr2_folder, _date_recorder(seen))
    assert seen == [dt.date(2008, 8, 4)] * 4


# ---------------------------------------------------------------- recognising the format


def test_formats_are_recognised_by_their_files(plover_file: Path, petr2_folder: Path) -> None:
    jsonl = petr2_folder / "PETR2_GSR_validation.jsonl"
    assert ev.recognise(plover_file) == ("plover", plover_file / "PLOVER_GSR_CAMEO.txt")
    assert ev.recognise(petr2_folder) == ("petr2", jsonl)
    assert ev.recognise(jsonl) == ("petr2", jsonl)
    assert ev.recognise(petr2_folder / "PETR2_GSR_validation.xml") == ("petr2", jsonl)


def test_unknown_paths_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ev.DatasetError):
        ev.evaluate(tmp_path, _coder({}))
    (tmp_path / "lonely.xml").write_text("<Sentences/>")
    with pytest.raises(ev.DatasetError):
        ev.evaluate(tmp_path / "lonely.xml", _coder({}))
    (tmp_path / "bad.txt").write_text("not json")
    with pytest.raises(ev.DatasetError):
        ev.evaluate(tmp_path / "bad.txt", _coder({}))


# ---------------------------------------------------------------- the real gold sets


@pytest.mark.gold
def test_the_real_plover_gold_set(data_dir: Path) -> None:
    gold = ev.load_plover(data_dir / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.txt")
    assert len(gold) == 322
    assert {g.type for g in gold} <= set(PLOVER_TYPES)
    assert sum(1 for g in gold if g.legacy_type == "FIGHT") == 17
    assert all(g.type == "ASSAULT" for g in gold if g.legacy_type == "FIGHT")
    even, _ = ev.evaluate(data_dir / "plover-gsr-cameo", _coder({}), half="even")
    odd, _ = ev.evaluate(data_dir / "plover-gsr-cameo", _coder({}), half="odd")
    assert (even["n"], odd["n"]) == (161, 161)


@pytest.mark.gold
def test_the_real_petr2_gold_set(data_dir: Path) -> None:
    gold = ev.load_petr2(data_dir / "petrarch2-validation" / "PETR2_GSR_validation.jsonl")
    assert len(gold) == 78
    assert sum(len(g.codings) for g in gold) == 80
    # two sentences code one triple twice at (country, country, root): TEST_4, github_issue27_2
    assert sum(len(g.triples) for g in gold) == 78
    assert sum(1 for g in gold if not g.triples) == 12
    metrics, _ = ev.evaluate(data_dir / "petrarch2-validation", _coder({}))
    assert (metrics["n"], metrics["gold_triples"], metrics["recall"]) == (78, 78, 0.0)
