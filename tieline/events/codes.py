"""CAMEO codes and PLOVER event types: the code table, and the names older PLOVER files use.

`load_codes()` reads `tieline/data/cameo.tsv` (built by `tools/build_cameo.py`; origin and
licence in `tieline/data/CAMEO.md`): one row per CAMEO code with its label, PLOVER type, mode and
contexts, CAMEO QuadClass and Goldstein weight. Type, mode and context names follow the PLOVER
manual of 2024 (``../shared/data/plover-gsr-cameo/PLOVER_MANUAL.pdf``, draft 2.0), cited below
as "the manual".

The PLOVER gold-standard file (PLOVER_GSR_CAMEO.txt) was coded with PLOVER 0.5b1 (2016), whose
categories and modes were later renamed or merged; `modern_event` reads them as today's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

TABLE = "cameo.tsv"
COLUMNS = ("cameo", "label", "plover", "mode", "contexts", "quad_class", "goldstein")

# The 16 event types of the manual, in its order (chapter 3).
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

# Each type's modes (the manual's Tables 3.1-3.11); a type not listed has none. RETREAT's
# 'return' (of property) is the structured codebook's (ngec-country-lists).
PLOVER_MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "RETREAT": ("withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize",
        "restrict",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
        "misinformation",
        "cyber",
    ),
    "ASSAULT": (
        "abduct",
        "beat",
        "torture",
        "sexual",
        "targeted",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "aerial",
        "drone",
        "heavy-weapons",
        "crowd-control",
        "unconventional",
    ),
}

# PLOVER 0.5b1 categories (the gold file's, and plover_reference.html's) → today's types.
LEGACY_TYPES = {
    # Manual Table 7.1: CAMEO "10 DEMAND" → REQUEST; §3.8 REQUEST covers "all requests,
    # demands, and orders" (0.5b1 had DEMAND only). CAMEO2PLOVER-2021: 100-108 → REQUEST.
    "DEMAND": "REQUEST",
    # Manual Table 7.1: "11 DISAPPROVE" → ACCUSE; Table 3.4 mode 'disapprove'.
    # CAMEO2PLOVER-2021: 110 → ACCUSE, disapprove.
    "DISAPPROVE": "ACCUSE",
    # Manual Table 7.1: "09 INVESTIGATE" → ACCUSE; Table 3.4 mode 'investigate'.
    # CAMEO2PLOVER-2021: 090 → ACCUSE, investigate.
    "INVESTIGATE": "ACCUSE",
    # Manual Table 7.1: "19 FIGHT" → ASSAULT. CAMEO2PLOVER-2021: 190 → ASSAULT (no mode,
    # context military).
    "FIGHT": "ASSAULT",
    # Not mapped: plover_reference.html's CRIME, which the manual (§7.4) removed in favour of
    # the crime contexts, with no one type to take its place. The gold file never uses it.
}
# The mode a legacy category implies when its record names none (sources as above).
LEGACY_TYPE_MODES = {"DISAPPROVE": "disapprove", "INVESTIGATE": "investigate"}
# PLOVER 0.5b1 mode names → today's, whatever the type.
LEGACY_MODES = {
    # 0.5b1 'host' was a host's mode; today "visit: actor is visiting, recipient is hosting"
    # (Table 3.1), the same meeting seen from the other side.
    "host": "visit",
    # 0.5b1 split demonstrations into organised and spontaneous, strikes into hunger and
    # general strikes, riots by spontaneity; Table 3.7 has one mode each.
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-spon": "riot",
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "confiscate": "seize",  # Table 3.10: seize "Execute search, confiscate property, raid"
    "detain": "arrest",  # Table 3.10: arrest "Arrest, detain"
    # Tables 3.6 and 3.10: restrict covers "the banning of ... parties or individuals".
    "ban": "restrict",
    # Table 3.11: targeted "including (successful and attempted) assassinations".
    "assassinate": "targeted",
}
# Renames that hold for one type only: THREATEN has no curfew, martial-law or political mode;
# its 'restrict' covers "restrict movement of people or goods—including ... curfews—as well as
# the banning of political activities" (Table 3.6), as CAMEO2PLOVER-2021 files 1321-1324.
LEGACY_TYPED_MODES = {
    ("THREATEN", "curfew"): "restrict",
    ("THREATEN", "martial-law"): "restrict",
    ("THREATEN", "political"): "restrict",
}

# A representative CAMEO root per PLOVER type, for tools that expect CAMEO: the root the manual's
# Table 7.1 maps to the type. CONCEDE and RETREAT both come from 08 YIELD; ACCUSE from 09 and 11
# (11 DISAPPROVE is the broader one); ASSAULT from 18, 19 and 20: 19 (conventional military
# force) by default, as the events between states that tieline codes are mostly that.
PLOVER_TO_CAMEO_ROOT = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "REQUEST": "10",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "19",
}
# Where a mode decides the root instead (as CAMEO2PLOVER-2021 files the codes).
PLOVER_MODE_TO_CAMEO_ROOT = {
    ("ACCUSE", "investigate"): "09",  # 090-094
    **{
        ("ASSAULT", mode): "18"  # 181-186: unconventional (non-military) violence
        for mode in ("abduct", "beat", "torture", "sexual", "targeted", "suicide-attack")
    },
    ("ASSAULT", "unconventional"): "20",  # 204: weapons of mass destruction
}


@dataclass(frozen=True)
class Code:
    """One CAMEO code and what it means in PLOVER."""

    cameo: str  # 2-4 digits with leading zeros: "03", "036", "0311"
    label: str
    plover: str | None  # None for CAMEO 01 and 02, which PLOVER drops
    mode: str | None
    contexts: tuple[str, ...]
    quad_class: int  # CAMEO QuadClass: 1 verbal cooperation … 4 material conflict
    goldstein: float  # Goldstein weight, -10 … +10

    @property
    def root(self) -> str:
        return self.cameo[:2]


class CodeTable:
    """The CAMEO codes, looked up by code or by the longest known prefix."""

    def __init__(self, codes: Iterable[Code]) -> None:
        self._codes = {code.cameo: code for code in codes}

    def get(self, cameo: str | None) -> Code | None:
        """The code's row, else its longest known prefix's ("0311" → "031" → "03"), else None."""
        key = (cameo or "").strip()
        if not key.isdigit():
            return None
        while len(key) >= 2:
            if key in self._codes:
                return self._codes[key]
            key = key[:-1]
        return None

    def __contains__(self, cameo: object) -> bool:
        return cameo in self._codes

    def __iter__(self) -> Iterator[Code]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)


def parse_table(text: str) -> CodeTable:
    """Read the TSV (header row, then one code per row)."""
    lines = text.splitlines()
    if not lines or tuple(lines[0].split("\t")) != COLUMNS:
        raise ValueError(f"{TABLE}: expected the header {COLUMNS}")
    codes = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise ValueError(f"{TABLE} line {number}: {len(cells)} cells, not {len(COLUMNS)}")
        cameo, label, plover, mode, contexts, quad, goldstein = cells
        codes.append(
            Code(
                cameo=cameo,
                label=label,
                plover=plover or None,
                mode=mode or None,
                contexts=tuple(c for c in contexts.split(";") if c),
                quad_class=int(quad),
                goldstein=float(goldstein),
            )
        )
    return CodeTable(codes)


@cache
def load_codes() -> CodeTable:
    """The packaged table, read once (the table is never changed after loading)."""
    resource = resources.files("tieline").joinpath("data", TABLE)
    return parse_table(resource.read_text(encoding="utf-8"))


def plover_root(cameo: str | None, table: CodeTable | None = None) -> str | None:
    """The PLOVER type of a CAMEO code (or of its longest known prefix); None when PLOVER has
    none (CAMEO 01, 02) or the code is unknown."""
    code = (table or load_codes()).get(cameo)
    return code.plover if code else None


def cameo_root(plover: str, mode: str | None = None) -> str | None:
    """A representative CAMEO root for a PLOVER type and mode; None for an unknown type."""
    if mode and (plover, mode) in PLOVER_MODE_TO_CAMEO_ROOT:
        return PLOVER_MODE_TO_CAMEO_ROOT[(plover, mode)]
    return PLOVER_TO_CAMEO_ROOT.get(plover)


def modern_event(legacy: str, mode: str | None = None) -> tuple[str, str | None]:
    """Today's PLOVER type and mode for a category and mode of an older PLOVER file.

    The type is renamed by LEGACY_TYPES (types of today are kept). The mode is renamed by
    LEGACY_TYPED_MODES and LEGACY_MODES; a record without one takes the mode its category
    implies (INVESTIGATE → 'investigate'); a mode today's type does not have becomes None.
    """
    name = legacy.strip().upper()
    plover = LEGACY_TYPES.get(name, name)
    given = (mode or "").strip().lower()
    if given:
        given = LEGACY_TYPED_MODES.get((plover, given), LEGACY_MODES.get(given, given))
    else:
        given = LEGACY_TYPE_MODES.get(name, "")
    return plover, given if given in PLOVER_MODES.get(plover, ()) else None
