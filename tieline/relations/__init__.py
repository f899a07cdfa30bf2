"""The relations stage: one story per event, partnership tiers, and the state of each pair.

tiers   → TierFact     what an article says happens to a pair's named framework
merge   → merged events: the same real-world event reported by several articles
dyad    → the state of a pair: tier ladder, monthly timeline, index, fields, evidence
"""

from tieline.relations.dyad import dyad_state, partners

__all__ = ["dyad_state", "partners"]
