"""referat: Danish meeting minutes (PDF) → a queryable dataset.

Stages, each its own module: `layout` (PDF → lines) → `textbuild` (lines → DocText with
provenance) → `segment` / `attendance` (front matter, agenda items, who attended) →
`nlp` (spaCy components: persons, organisations, statements, decisions, dates) →
`pipeline` (one file → DocumentResult) → `dataset` (JSON + Parquet).
"""
__version__ = "0.1.0"
