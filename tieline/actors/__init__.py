"""The actors stage: find mentions of states, of people and bodies acting for them, and of
international organisations, and resolve each to an actor valid on the article's date."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from tieline.actors.kb import KnowledgeBase, load_kb
from tieline.actors.resolve import PARSE_BATCH, RESOLVER, Plan, Resolver
from tieline.models import Article, Mention, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "PARSE_BATCH",
    "RESOLVER",
    "KnowledgeBase",
    "Plan",
    "Resolver",
    "article_fields",
    "load_resolver",
    "plan_article",
    "resolve_article",
]


def load_resolver(kb: KnowledgeBase | None = None, nlp: Language | None = None) -> Resolver:
    """The knowledge base, the gazetteer and spaCy, loaded once for a batch."""
    from tieline.annotate.nlp import load_nlp

    return Resolver(kb or load_kb(), nlp or load_nlp())


def article_fields(article: Article) -> list[tuple[str, str]]:
    """An article's texts by field name: the body, then each caption."""
    return [("body", article.body)] + [
        (f"caption:{number}", caption) for number, caption in enumerate(article.captions)
    ]


def plan_article(
    resolver: Resolver,
    article: Article,
    worth_parsing: Callable[[Sentence], bool] | None = None,
) -> dict[str, Plan]:
    """By field, what `resolve_article` reads and parses of the article (see `Resolver.plan`)."""
    return {
        name: resolver.plan(text, worth_parsing=worth_parsing)
        for name, text in article_fields(article)
    }


def resolve_article(
    resolver: Resolver,
    article: Article,
    parsed: dict[str, dict[int, Doc]] | None = None,
    worth_parsing: Callable[[Sentence], bool] | None = None,
    *,
    plans: Mapping[str, Plan] | None = None,
    preparsed: Mapping[str, Mapping[int, Doc]] | None = None,
) -> list[Mention]:
    """Mentions in the body, then in each caption; the body decides the article's main
    countries for both, and the publication date decides who held which office. The spaCy
    parses are left in `parsed` (by field, then sentence) when given.

    `plans` is `plan_article(resolver, article, worth_parsing)` when the caller has made it,
    and `preparsed` (by field, then sentence) the parses of planned sentences it has made too;
    the others are parsed here."""
    day = article.published
    plans = plans or {}
    preparsed = preparsed or {}
    mentions: list[Mention] = []
    for name, text in article_fields(article):
        docs: dict[int, Doc] = {}
        mentions.extend(
            resolver.resolve(
                text,
                day=day,
                context_text=article.body if name != "body" else None,
                field_name=name,
                parsed=docs,
                worth_parsing=worth_parsing,
                plan=plans.get(name),
                preparsed=preparsed.get(name),
            )
        )
        if parsed is not None:
            parsed[name] = docs
    return mentions
