"""The document text model shared by every stage after the PDF layer.

The PDF layer (`extract.layout` + `extract.textbuild`) turns pages into a `DocText`: one
string of clean text (headers/footers gone, line-break hyphens repaired, bullets
normalised) made of *blocks* (paragraphs or headings) separated by a single "\n". Inside
a block the PDF's lines are joined with a space (or nothing after a repaired hyphen), so
a sentence never contains a newline. Every character offset maps back to the page and
bounding box it came from (`spans`), which is how facts keep provenance.

Segmentation and the NLP components only ever see `DocText`; they never touch the PDF.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Line:
    """One visual line of a page as the PDF engine reports it."""

    page: int  # 1-based
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: str = ""
    size: float = 0.0
    bold: bool = False


@dataclass(frozen=True, slots=True)
class Span:
    """A run of DocText.text that came from one source line (provenance)."""

    start: int
    end: int
    page: int
    bbox: tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points
    ocr: bool = False


@dataclass(slots=True)
class Block:
    """A paragraph or heading: DocText.text[start:end]."""

    start: int
    end: int
    page: int
    bold: bool = False  # every line of the block is bold (a heading candidate)
    size: float = 0.0  # dominant font size
    indent: float = 0.0  # x0 of the first line relative to the page's text left margin
    bullet: bool = False  # the block began with a bullet (normalised to "• ")
    cells: list[str] = field(default_factory=list)  # table/column cells when the line had wide gaps


@dataclass(slots=True)
class DocText:
    """Clean document text plus its block structure and the offset → page/bbox map."""

    text: str
    blocks: list[Block]
    spans: list[Span]
    page_count: int
    ocr_pages: list[int] = field(default_factory=list)
    #: distinct texts of the running headers/footers removed from the body (table cells
    #: split); not part of `text`, but evidence of whose minutes these are ("Fjordby Kommune")
    furniture: list[str] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    def page_at(self, offset: int) -> int:
        """Page of the character at `offset` (the nearest preceding span's page)."""
        span = self._span_at(offset)
        return span.page if span else 1

    def bbox_at(self, offset: int) -> tuple[float, float, float, float] | None:
        span = self._span_at(offset)
        return span.bbox if span else None

    def _span_at(self, offset: int) -> Span | None:
        if not self.spans:
            return None
        if len(self._starts) != len(self.spans):  # spans are built once; cache their starts
            self._starts = [s.start for s in self.spans]
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.spans[max(i, 0)]

    @classmethod
    def from_plain_text(cls, raw: str) -> "DocText":
        """Build a DocText from plain text: one block per non-empty line; a form feed ("\\f",
        as pdftotext writes between pages) starts the next page.

        For unit tests and for text that did not come from a PDF; no bold information, so
        segmentation must also work from the words alone.
        """
        text_parts: list[str] = []
        blocks: list[Block] = []
        spans: list[Span] = []
        pos = 0
        pages = raw.split("\f")
        for page, page_text in enumerate(pages, 1):
            for line in page_text.splitlines():
                line = re.sub(r"\s+", " ", line).strip()
                if not line:
                    continue
                if text_parts:
                    text_parts.append("\n")
                    pos += 1
                bullet = line.startswith(("•", "\uf0b7", "- ", "* "))
                if bullet:
                    line = "• " + line.lstrip("•\uf0b7-* ").strip()
                blocks.append(Block(pos, pos + len(line), page, bullet=bullet))
                spans.append(Span(pos, pos + len(line), page, (0.0, 0.0, 0.0, 0.0)))
                text_parts.append(line)
                pos += len(line)
        return cls("".join(text_parts), blocks, spans, page_count=len(pages))

