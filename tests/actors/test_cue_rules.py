"""General cue rules of the actor resolver, each on sentences written for the test: which words
decide a mention's country and sector."""

from __future__ import annotations

import datetime as dt

from tieline.models import Mention

DAY = dt.date(2012, 5, 1)


def resolve(resolver, text: str, day: dt.date | None = DAY) -> dict[str, Mention]:  # type: ignore[no-untyped-def]
    return {m.text: m for m in resolver.resolve(text, day=day)}


def test_transnational_armed_group_keeps_no_state(resolver):  # type: ignore[no-untyped-def]
    mentions = resolve(resolver, "Officials in Yemen said al-Qaeda had claimed the attack.")
    [mention] = [m for m in mentions.values() if m.actor.organisation == "armed:al-qaeda"]
    assert mention.actor.country is None
    assert mention.actor.sector == "REB"


def test_group_filed_under_a_region_takes_the_sentences_state(resolver):  # type: ignore[no-untyped-def]
    # Phoenix files the Islamic Salvation Front under a regional code, not as stateless.
    mentions = resolve(resolver, "Algeria said the Islamic Salvation Front would disarm.")
    assert mentions["Islamic Salvation Front"].actor.code == "DZAREB"
