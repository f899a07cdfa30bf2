"""Build `tieline/data/cameo.tsv`, CAMEO codes with their PLOVER equivalents, from ../shared/data.

    .venv/bin/python tools/build_cameo.py [--data ../shared/data] [--out tieline/data/cameo.tsv]

One row per CAMEO event code (the 20 two-digit roots and every 3- and 4-digit code), with columns
`cameo label plover mode contexts quad_class goldstein`:

* cameo, label: `ngec-country-lists/text_to_CAMEO.CAMEO_codefile.txt` (CAMEO 0.7b5). A code's
  label is its last `LABEL:` line (a repeated line corrects the one before: 018 "commment");
  the `LABELi` lines (ICEWS 2014 rewordings) and codes with a letter in them ("0811i", "13y")
  are not CAMEO codes and are left out; three misspellings are corrected (LABEL_FIXES). A root's
  label is its heading comment ("//01: MAKE PUBLIC STATEMENT"), in sentence case.
* plover, mode, contexts: `plover-gsr-cameo/CAMEO2PLOVER-2021.txt` (PLOVER draft 0.8,
  2021-09-17). A code that table lacks takes its parent's row (1951, 1952 → 195); a root takes
  its general code's (08 → 080). CAMEO 01 and 02 have no PLOVER type: the PLOVER manual
  (Table 7.1) drops them, so plover, mode and contexts are empty. Mode and context names are
  brought to the PLOVER manual of 2024 (draft 2.0), which the package follows: MODE_FIXES and
  CONTEXT_NAMES say what changed and why.
* quad_class: from the CAMEO root, as CAMEO and GDELT define it: 01-05 verbal cooperation (1),
  06-08 material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
* goldstein: GOLDSTEIN below; a code it lacks takes its parent's value.

Deterministic: rows are sorted by code; nothing depends on the clock or on hash order, so two
runs on the same sources give byte-identical files (tests/events/test_codes.py checks that, and
that the committed table matches). `tieline/data/CAMEO.md` records origins and licences.

Offline only: the package never imports this script.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[1]
CODEFILE = "ngec-country-lists/text_to_CAMEO.CAMEO_codefile.txt"
CAMEO2PLOVER = "plover-gsr-cameo/CAMEO2PLOVER-2021.txt"
COLUMNS = ("cameo", "label", "plover", "mode", "contexts", "quad_class", "goldstein")

# Goldstein (1992) conflict-cooperation weights for CAMEO codes, as GDELT publishes them in
# http://gdeltproject.org/data/lookups/CAMEO.goldsteinscale.txt (checked against the copy in
# github.com/mpiccirilli/UNDP-BCPR-Project, commit 08d29bb45bd64d999e6212382fb7cf145f9eb37d).
# Goldstein, J. S. 1992, "A conflict-cooperation scale for WEIS events data", Journal of
# Conflict Resolution 36:369-385; extended to CAMEO by its authors. A table of published facts.
# Codes it lacks (1213, 1214, 1951, 1952) take their parent's value in the build.
GOLDSTEIN: dict[str, float] = {
    "01": 0.0, "010": 0.0, "011": -0.1, "012": -0.4, "013": 0.4, "014": 0.0, "015": 0.0,
    "016": -2.0, "017": 0.0, "018": 3.4, "019": 3.4,
    "02": 3.0, "020": 3.0, "021": 3.4, "0211": 3.4, "0212": 3.4, "0213": 3.4, "0214": 3.4,
    "022": 3.2, "023": 3.4, "0231": 3.4, "0232": 3.4, "0233": 3.4, "0234": 3.4, "024": -0.3,
    "0241": -0.3, "0242": -0.3, "0243": -0.3, "0244": -0.3, "025": -0.3, "0251": -0.3,
    "0252": -0.3, "0253": -0.3, "0254": -0.3, "0255": -0.3, "0256": -0.3, "026": 4.0,
    "027": 4.0, "028": 4.0,
    "03": 4.0, "030": 4.0, "031": 5.2, "0311": 5.2, "0312": 5.2, "0313": 5.2, "0314": 5.2,
    "032": 4.5, "033": 5.2, "0331": 5.2, "0332": 5.2, "0333": 5.2, "0334": 6.0, "034": 7.0,
    "0341": 7.0, "0342": 7.0, "0343": 7.0, "0344": 7.0, "035": 7.0, "0351": 7.0, "0352": 7.0,
    "0353": 7.0, "0354": 7.0, "0355": 7.0, "0356": 7.0, "036": 4.0, "037": 5.0, "038": 7.0,
    "039": 5.0,
    "04": 1.0, "040": 1.0, "041": 1.0, "042": 1.9, "043": 2.8, "044": 2.5, "045": 5.0,
    "046": 7.0,
    "05": 3.5, "050": 3.5, "051": 3.4, "052": 3.5, "053": 3.8, "054": 6.0, "055": 7.0,
    "056": 7.0, "057": 8.0,
    "06": 6.0, "060": 6.0, "061": 6.4, "062": 7.4, "063": 7.4, "064": 7.0,
    "07": 7.0, "070": 7.0, "071": 7.4, "072": 8.3, "073": 7.4, "074": 8.5, "075": 7.0,
    "08": 5.0, "080": 5.0, "081": 5.0, "0811": 5.0, "0812": 5.0, "0813": 5.0, "0814": 5.0,
    "082": 5.0, "083": 5.0, "0831": 5.0, "0832": 5.0, "0833": 5.0, "0834": 5.0, "084": 7.0,
    "0841": 7.0, "0842": 7.0, "085": 7.0, "086": 9.0, "0861": 9.0, "0862": 9.0, "0863": 9.0,
    "087": 9.0, "0871": 9.0, "0872": 9.0, "0873": 9.0, "0874": 10.0,
    "09": -2.0, "090": -2.0, "091": -2.0, "092": -2.0, "093": -2.0, "094": -2.0,
    "10": -5.0, "100": -5.0, "101": -5.0, "1011": -5.0, "1012": -5.0, "1013": -5.0,
    "1014": -5.0, "102": -5.0, "103": -5.0, "1031": -5.0, "1032": -5.0, "1033": -5.0,
    "1034": -5.0, "104": -5.0, "1041": -5.0, "1042": -5.0, "1043": -5.0, "1044": -5.0,
    "105": -5.0, "1051": -5.0, "1052": -5.0, "1053": -5.0, "1054": -5.0, "1055": -5.0,
    "1056": -5.0, "106": -5.0, "107": -5.0, "108": -5.0,
    "11": -2.0, "110": -2.0, "111": -2.0, "112": -2.0, "1121": -2.0, "1122": -2.0,
    "1123": -2.0, "1124": -2.0, "1125": -2.0, "113": -2.0, "114": -2.0, "115": -2.0,
    "116": -2.0,
    "12": -4.0, "120": -4.0, "121": -4.0, "1211": -4.0, "1212": -4.0, "122": -4.0,
    "1221": -4.0, "1222": -4.0, "1223": -4.0, "1224": -4.0, "123": -4.0, "1231": -4.0,
    "1232": -4.0, "1233": -4.0, "1234": -4.0, "124": -4.0, "1241": -4.0, "1242": -4.0,
    "1243": -4.0, "1244": -4.0, "1245": -4.0, "1246": -4.0, "125": -5.0, "126": -5.0,
    "127": -5.0, "128": -5.0, "129": -5.0,
    "13": -6.0, "130": -4.4, "131": -5.8, "1311": -5.8, "1312": -5.8, "1313": -5.8,
    "132": -5.8, "1321": -5.8, "1322": -5.8, "1323": -5.8, "1324": -5.8, "133": -5.8,
    "134": -5.8, "135": -5.8, "136": -7.0, "137": -7.0, "138": -7.0, "1381": -7.0,
    "1382": -7.0, "1383": -7.0, "1384": -7.0, "1385": -7.0, "139": -7.0,
    "14": -6.5, "140": -6.5, "141": -6.5, "1411": -6.5, "1412": -6.5, "1413": -6.5,
    "1414": -6.5, "142": -6.5, "1421": -6.5, "1422": -6.5, "1423": -6.5, "1424": -6.5,
    "143": -6.5, "1431": -6.5, "1432": -6.5, "1433": -6.5, "1434": -6.5, "144": -7.5,
    "1441": -7.5, "1442": -7.5, "1443": -7.5, "1444": -7.5, "145": -7.5, "1451": -7.5,
    "1452": -7.5, "1453": -7.5, "1454": -7.5,
    "15": -7.2, "150": -7.2, "151": -7.2, "152": -7.2, "153": -7.2, "154": -7.2,
    "16": -4.0, "160": -4.0, "161": -4.0, "162": -5.6, "1621": -5.6, "1622": -5.6,
    "1623": -5.6, "163": -8.0, "164": -7.0, "165": -6.5, "166": -7.0, "1661": -7.0,
    "1662": -7.0, "1663": -7.0,
    "17": -7.0, "170": -7.0, "171": -9.2, "1711": -9.2, "1712": -9.2, "172": -5.0,
    "1721": -5.0, "1722": -5.0, "1723": -5.0, "1724": -5.0, "173": -5.0, "174": -5.0,
    "175": -9.0,
    "18": -9.0, "180": -9.0, "181": -9.0, "182": -9.5, "1821": -9.0, "1822": -9.0,
    "1823": -10.0, "183": -10.0, "1831": -10.0, "1832": -10.0, "1833": -10.0, "184": -8.0,
    "185": -8.0, "186": -10.0,
    "19": -10.0, "190": -10.0, "191": -9.5, "192": -9.5, "193": -10.0, "194": -10.0,
    "195": -10.0, "196": -9.5,
    "20": -10.0, "200": -10.0, "201": -9.5, "202": -10.0, "203": -10.0, "204": -10.0,
    "2041": -10.0, "2042": -10.0,
}  # fmt: skip

# Misspellings in the CAMEO code file's labels (the ICEWS LABELi lines spell "Apologize" right).
LABEL_FIXES = {"Apolgize": "Apologize", "adminstrative": "administrative", "Ostruct": "Obstruct"}

# CAMEO2PLOVER-2021 modes brought to the 2024 manual's mode tables (PLOVER_MANUAL.pdf, Tables
# 3.1-3.11), keyed by (PLOVER type, 2021 mode); "" drops a mode the 2024 manual has no name for.
MODE_FIXES: dict[tuple[str, str], str] = {
    # "21.09.17: 'ease' is no longer a mode" (the 2021 table's own note on 0813).
    ("RETREAT", "ease"): "",
    # 0842 "Return, release property": RETREAT 'release' is for captives only (Table 3.2).
    ("RETREAT", "return"): "",
    # 1322 banning parties: THREATEN 'restrict' covers "the banning of political activities
    # of particular parties or individuals" (Table 3.6).
    ("THREATEN", "ban"): "restrict",
    # 1321 restrictions on freedom of speech: THREATEN 'restrict' (Table 3.6).
    ("THREATEN", "political"): "restrict",
    # 1722 banning parties: COERCE 'restrict' covers "the banning of individuals or
    # organizations from political life" (Table 3.10).
    ("COERCE", "ban"): "restrict",
    # 1712 "Destroy property": ASSAULT 'destroy', "intentional destruction of property".
    ("ASSAULT", "seize"): "destroy",
    # 185, 186 assassinations and 200, 202 mass killings: ASSAULT 'targeted', "including
    # (successful and attempted) assassinations ... deliberate mass killings" (Table 3.11).
    ("ASSAULT", "assassinate"): "targeted",
    ("ASSAULT", "massacre"): "targeted",
    # 201, 203 expulsion and ethnic cleansing: no ASSAULT mode; the context says it.
    ("ASSAULT", "cleansing"): "",
}
# Modes the 2024 manual names for single codes the 2021 table files under 'heavy-weapons':
# ASSAULT 'aerial' ("manned aerial vehicles, e.g. aircraft") and 'drone' ("unmanned aerial
# vehicles") in Table 3.11.
CODE_MODES = {"195": "aerial", "1951": "aerial", "1952": "drone"}
# 175 "Use violent repression" has a context, pro_autocracy, in its mode column: moved.
MODE_IS_CONTEXT = {"pro_autocracy"}

# CAMEO2PLOVER-2021 context names that the 2024 manual's Table 2.1 does not list.
CONTEXT_NAMES = {
    "democracy": "pro_democracy",  # 0811, 0812, 082: easing restrictions on political freedoms
    "humanitarian": "human_security",  # humanitarian aid: access to food, water, housing
}
# Table 2.1 of the 2024 manual, with spaces written as underscores (as CAMEO2PLOVER does).
PLOVER_CONTEXTS = frozenset(
    """military intelligence executive legislative election political_institutions
    pro_democracy pro_autocracy economic legal reparations human_rights rights_freedoms
    repression human_security gender lgbt religion_ethnicity inequality diplomatic territory
    peacekeeping health asylum migration disasters natural_resource environment technology
    terrorism cbrn cyber misinformation crime corruption illegal_drugs trafficking""".split()
)

_LABEL = re.compile(r"^LABEL:\s*(\d{2,4})=\s*(.+?)\s*$")
_ROOT = re.compile(r"^//(\d{2})\s*[:=]\s*(.+?)\s*$")
_MAPPING = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#.*)?$")


@dataclass(frozen=True)
class Row:
    cameo: str
    label: str
    plover: str
    mode: str
    contexts: tuple[str, ...]
    quad_class: int
    goldstein: float

    def cells(self) -> list[str]:
        return [
            self.cameo,
            self.label,
            self.plover,
            self.mode,
            ";".join(self.contexts),
            str(self.quad_class),
            f"{self.goldstein:.1f}",
        ]


def read_labels(path: Path) -> dict[str, str]:
    """CAMEO code → label: the root headings and the last LABEL line of each code."""
    labels: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        root = _ROOT.match(line)
        if root:
            heading = root.group(2).strip().capitalize()
            labels[root.group(1)] = heading
            continue
        match = _LABEL.match(line)
        if match:
            label = match.group(2)
            for wrong, right in LABEL_FIXES.items():
                label = label.replace(wrong, right)
            labels[match.group(1)] = label
    return labels


def read_plover(path: Path) -> dict[str, tuple[str, str, tuple[str, ...]]]:
    """CAMEO code → (PLOVER type, mode, contexts) as CAMEO2PLOVER-2021 gives them, names fixed."""
    mapping: dict[str, tuple[str, str, tuple[str, ...]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _MAPPING.match(line)
        if not match or "," not in match.group(2):
            continue  # a root heading ("03: AGREE") or a comment
        parts = [part.strip() for part in match.group(2).split(",")]
        event, mode = parts[0], parts[1]
        contexts = [c.strip() for c in ",".join(parts[2:]).split(";") if c.strip()]
        if mode in MODE_IS_CONTEXT:
            contexts.append(mode)
            mode = ""
        mode = MODE_FIXES.get((event, mode), mode)
        names = tuple(sorted({CONTEXT_NAMES.get(c, c) for c in contexts}))
        unknown = [c for c in names if c not in PLOVER_CONTEXTS]
        if unknown:
            raise ValueError(f"{path}: code {match.group(1)}: unknown contexts {unknown}")
        mapping[match.group(1)] = (event, mode, names)
    return mapping


def quad_class(cameo: str) -> int:
    root = int(cameo[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"not a CAMEO code: {cameo!r}")
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _inherited(table: dict[str, T], cameo: str) -> T | None:
    """The entry for the code, else for its parent (4 → 3 digits), else None."""
    if cameo in table:
        return table[cameo]
    if len(cameo) == 4 and cameo[:3] in table:
        return table[cameo[:3]]
    return None


def build_rows(data_dir: Path) -> list[Row]:
    labels = read_labels(data_dir / CODEFILE)
    plover = read_plover(data_dir / CAMEO2PLOVER)
    rows = []
    for cameo in sorted(labels):
        # A root takes its general code's PLOVER row (08 → 080); a code, its own or its parent's.
        mapped = plover.get(cameo + "0") if len(cameo) == 2 else _inherited(plover, cameo)
        event, mode, contexts = mapped if mapped else ("", "", ())
        mode = CODE_MODES.get(cameo, mode)
        if cameo[:2] in ("01", "02") and mapped:
            raise ValueError(f"{cameo}: CAMEO 01 and 02 have no PLOVER type, yet one is given")
        weight = _inherited(GOLDSTEIN, cameo)
        if weight is None:
            raise ValueError(f"{cameo}: no Goldstein weight for the code or its parent")
        rows.append(Row(cameo, labels[cameo], event, mode, contexts, quad_class(cameo), weight))
    missing = sorted(set(plover) - set(labels))
    if missing:
        raise ValueError(f"CAMEO2PLOVER codes the code file lacks: {missing}")
    return rows


def write(rows: list[Row], out: Path) -> int:
    lines = ["\t".join(COLUMNS)] + ["\t".join(row.cells()) for row in rows]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    return len(rows)


def build(data_dir: Path, out: Path) -> int:
    """Write the table; returns its row count."""
    return write(build_rows(data_dir), out)


def default_data_dir() -> Path:
    configured = os.environ.get("TIELINE_SHARED_DATA")
    return Path(configured) if configured else REPO.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=default_data_dir(), help="../shared/data")
    parser.add_argument(
        "--out", type=Path, default=REPO / "tieline" / "data" / "cameo.tsv", help="the table"
    )
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        parser.error(f"{args.data} is not a folder")
    print(f"{args.out.name}\t{build(args.data, args.out)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
