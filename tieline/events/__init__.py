"""The events stage: PLOVER event types, CAMEO codes, and the coder that finds events."""
