"""The actors stage: find mentions of states, of people and bodies acting for them, and of
international organisations, and resolve each to an actor valid on the article's date."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tieline.actors.kb import KnowledgeBase, load_kb
from tieline.actors.resolve import RESOLVER, Resolver
from tieline.models import Article, Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["RESOLVER", "KnowledgeBase", "Resolver", "load_resolver", "resolve_article"]


def load_resolver(kb: KnowledgeBase | None = None, nlp: Language | None = None) -> Resolver:
    """The knowledge base, the gazetteer and spaCy, loaded once for a batch."""
    from tieline.annotate.nlp import load_nlp

    return Resolver(kb or load_kb(), nlp or load_nlp())


def resolve_article(
    resolver: Resolver,
    article: Article,
    parsed: dict[str, dict[int, Doc]] | None = None,
    worth_parsing: Callable[[Sentence], bool] | None = None,
) -> list[Mention]:
    """Mentions in the body, then in each caption; the body decides the article's main
    countries for both, and the publication date decides who held which office. The spaCy
    parses are left in `parsed` (by field, then sentence) when given."""
    day = article.published
    fields = [("body", article.body)] + [
        (f"caption:{number}", caption) for number, caption in enumerate(article.captions)
    ]
    mentions: list[Mention] = []
    for name, text in fields:
        docs: dict[int, Doc] = {}
        mentions.extend(
            resolver.resolve(
                text,
                day=day,
                context_text=article.body if name != "body" else None,
                field_name=name,
                parsed=docs,
                worth_parsing=worth_parsing,
            )
        )
        if parsed is not None:
            parsed[name] = docs
    return mentions
