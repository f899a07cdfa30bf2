"""The annotate stage: sentences, named entities, and (where needed) dependency structure."""
