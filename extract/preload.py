"""Imported by the worker forkserver (`extract.executors.PRELOAD`): builds the default NLP
pipeline and runs it once on a short text, so every forked worker starts with it built.

Why: building the pipeline (config, gazetteers, lexicons, compiled patterns) and the first
document's lazy loads cost about a second per worker, which on a 200-page batch was as much
as all the NLP work after the PDF layer. Forked workers share these pages copy-on-write.
Every cache filled here is a pure function of the shipped models/, so outputs are unchanged.
"""
from __future__ import annotations

import gc

#: a short minutes text that reaches every component (items, attendance, statements,
#: decisions, actions, dates, organisations)
SAMPLE = """Referat af bestyrelsesmøde den 3. maj 2021
Til stede: Karen Holm (formand), Jens Berg, Tove Brandt
Afbud: Ole Dam
1. Valg af dirigent
Karen Holm blev valgt som dirigent.
2. Økonomi
Jens Berg fremlagde regnskabet. Der er bevilget 5000 kr. fra Jyske Bank. Regnskabet blev godkendt.
3. Eventuelt
Tove: vi holder møde i januar 2022. Jens undersøger tilbud fra Andel inden 1. juni.
Næste møde holdes den 14. juni 2021."""


def warm() -> None:
    """Build the default pipeline and push SAMPLE through `process_text` once, then a long
    text made of SAMPLE copies.

    The long one reaches `extract.nlp.fastscan`, which only works on texts of
    `fastscan.MIN_TEXT` characters or more (within the body too) and derives each pattern's
    key on first use: parsing the large organisation and date patterns cost about half a
    second in every worker's first long document.
    """
    from extract.doctext import DocText
    from extract.nlp.fastscan import MIN_TEXT
    from extract.pipeline import process_text
    from extract.schema import Document

    doc = Document(doc_id="dwarm", source="warm.pdf", sha256="0", engine="pdfplumber", extractor_version="0")
    process_text(DocText.from_plain_text(SAMPLE), doc)
    copies = 2 * MIN_TEXT // len(SAMPLE) + 1
    process_text(DocText.from_plain_text("\n\n".join([SAMPLE] * copies)), doc)


try:
    warm()
except Exception:  # noqa: BLE001 - a warm-up must never stop the forkserver; workers then build lazily
    pass
# what is built now lives as long as the process: keep it out of every later collection
gc.collect()
gc.freeze()
