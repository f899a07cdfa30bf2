"""The actors stage: find mentions of states, of people and bodies acting for them, and of
international organisations, and resolve each to an actor valid on the article's date."""

from __future__ import annotations

from tieline.actors.kb import KnowledgeBase, load_kb
from tieline.actors.resolve import RESOLVER, Resolver
from tieline.models import Article, Mention

__all__ = ["RESOLVER", "KnowledgeBase", "Resolver", "load_resolver", "resolve_article"]


def load_resolver(kb: KnowledgeBase | None = None) -> Resolver:
    """The knowledge base, the gazetteer and the tagger, loaded once for a batch."""
    from tieline.annotate.nlp import load_tagger

    return Resolver(kb or load_kb(), load_tagger())


def resolve_article(resolver: Resolver, article: Article) -> list[Mention]:
    """Mentions in the body, then in each caption; the body decides the article's main
    countries for both, and the publication date decides who held which office."""
    day = article.published
    mentions = resolver.resolve(article.body, day=day)
    for number, caption in enumerate(article.captions):
        mentions.extend(
            resolver.resolve(
                caption, day=day, context_text=article.body, field_name=f"caption:{number}"
            )
        )
    return mentions
