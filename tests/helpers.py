"""Helpers shared by several test files (tests/ is on sys.path under pytest)."""
from __future__ import annotations

import importlib.util
import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from extract.doctext import Block, DocText, Span

ROOT = Path(__file__).resolve().parents[1]
DEV_PDF = ROOT / "corpus" / "bestyrelse-sundheds-it-2020-09-30.pdf"


def make_doc(blocks: list[str | tuple[str, bool]]) -> DocText:
    """A DocText like the PDF layer builds: one block per entry, its lines ("\\n" inside an
    entry) joined with a space and each kept as its own span; tabs (table cells) kept."""
    text, bl, spans = "", [], []
    for entry in blocks:
        raw, bold = (entry, False) if isinstance(entry, str) else entry
        if text:
            text += "\n"
        start = len(text)
        for k, line in enumerate(raw.split("\n")):
            if k:
                text += " "
            spans.append(Span(len(text), len(text) + len(line), 1, (0.0, 0.0, 0.0, 0.0)))
            text += line
        cells = text[start:].split("\t") if "\t" in text[start:] else []
        bl.append(Block(start, len(text), 1, bold=bold, cells=cells))
    return DocText(text, bl, spans, page_count=1)


@lru_cache(maxsize=None)
def read_corpus_pdf(path: Path) -> DocText:
    """Corpus PDFs are read once per test session (reading is the slow part)."""
    from extract.layout import read_pdf

    return read_pdf(path)


def dev_doc() -> DocText:
    return read_corpus_pdf(DEV_PDF)


SENT_START = r"\n|(?<=[.!?])\s+(?=[A-ZÆØÅ•])"


def component_doc(nlp, text: str, *, meeting_date: date | None, split: str | None = SENT_START,
                  extra_starts: tuple[str, ...] = ()):
    """A Doc the way the pipeline hands it to a component: one paragraph per line, sentence
    starts at line starts and after . ! ? + capital (plus `extra_starts` substrings)."""
    doc = nlp.make_doc(text)
    if split is not None:
        starts = {0} | {m.end() for m in re.finditer(split, text)}
        starts |= {text.index(sub) for sub in extra_starts}
        for tok in doc:
            tok.is_sent_start = tok.idx in starts
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        paragraphs.append((pos, pos + len(line)))
        pos += len(line) + 1
    doc._.paragraphs = paragraphs
    doc._.meeting_date = meeting_date
    doc._.item_spans = []
    return doc


def corpus_module(name: str):
    """A script of corpus/ (not a package) as a module: `corpus_module("synthetic").long_pdf`."""
    spec = importlib.util.spec_from_file_location(f"corpus_{name}", ROOT / "corpus" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: the hand-written truth files of the corpus PDFs (corpus/sources/<stem>.expected.json)
CORPUS_TRUTH = sorted((ROOT / "corpus" / "sources").glob("*.expected.json"))


def corpus_truth(expected: Path, key: str) -> tuple[dict, Path]:
    """A truth file's content and its PDF; both must be there, with `key` in the truth."""
    truth = json.loads(expected.read_text(encoding="utf-8"))
    pdf = ROOT / "corpus" / (expected.name.split(".")[0] + ".pdf")
    assert key in truth and pdf.exists(), f"{pdf.name}: build the corpus (python corpus/build.py)"
    return truth, pdf


def statements_nlp():
    """A blank Danish pipeline with the sentence, person and statement components."""
    import spacy

    from extract.nlp import persons, sentences, statements  # noqa: F401  (register the factories)

    nlp = spacy.blank("da")
    for name in ("referat_sentences", "referat_persons", "referat_statements"):
        nlp.add_pipe(name)
    return nlp
