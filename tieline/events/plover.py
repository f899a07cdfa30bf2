"""tieline's events in PLOVER's and CAMEO's own conventions, for comparison with their gold sets.

tieline keeps what an event is and how it is stated apart: "Japan will continue to support
the port" is AID with the auxiliary mode *future*. PLOVER and CAMEO have no auxiliary modes:
they code a stated intention to cooperate as AGREE (CAMEO 03, "express intent to …") and an
intention to harm as THREATEN (CAMEO 13), and a refusal to cooperate as REJECT (CAMEO 12).
`as_plover` applies those rules; the stored events are never changed.
"""

from __future__ import annotations

from dataclasses import replace

from tieline.models import Event

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "AGREE"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})
INTENT = frozenset({"future", "hypothetical"})


def as_plover(event: Event) -> Event:
    """The event as PLOVER would code it: intentions become AGREE or THREATEN, refusals to
    cooperate REJECT."""
    aux = set(event.aux)
    if "negated" in aux and event.type in COOPERATIVE:
        return replace(event, type="REJECT", mode=None, cameo="120")
    if aux & INTENT and event.type in COOPERATIVE and event.type != "AGREE":
        return replace(event, type="AGREE", mode=None, cameo="03" + (event.cameo or "0")[1:2])
    if aux & INTENT and event.type in HOSTILE:
        return replace(event, type="THREATEN", mode=None, cameo="130")
    return event
