#!/usr/bin/env python3
"""Build the referat test corpus: render minutes sources into PDFs.

    python corpus/build.py                 # (re)write corpus/*.pdf
    python corpus/build.py --out DIR       # write the PDFs into DIR instead
    python corpus/build.py --check         # exit 1 if corpus/*.pdf differ from a fresh build

Two kinds of source live in corpus/sources/ (see corpus/README.md):

* ``<stem>.txt`` -- a *text dump* of a real PDF (one dump line = one PDF line).
  It is re-typeset line for line: the breaks (and the break hyphens) of the
  dump are kept, body lines are justified, agenda headings are found by a rule
  and set in bold, page furniture in the dump is dropped and replaced by a
  running header/footer.  An optional ``<stem>.layout.json`` next to it gives
  the running header/footer texts.
* ``<stem>.ref`` -- minutes we wrote ourselves in a small line markup.  They are
  typeset like a word processor would: justified paragraphs with automatic
  line wrapping and hyphenation, headings, bullets, tables, a table of
  contents with dot leaders, running header and footer with page numbers.

The build is deterministic: the same sources give byte-identical PDFs
(reportlab ``invariant=1``, fixed metadata, fonts embedded from files that
ship with reportlab plus the committed corpus/fonts/RefSymbol.ttf).
"""
from __future__ import annotations

import argparse
import filecmp
import json
import re
import sys
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import reportlab
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
RL_FONTS = Path(reportlab.__file__).resolve().parent / "fonts"

# --------------------------------------------------------------------------- fonts
REGULAR, BOLD, ITALIC, BOLDITALIC, SYMBOL = "Body", "Body-Bold", "Body-Italic", "Body-BoldItalic", "RefSymbol"
_FONT_FILES = {
    REGULAR: RL_FONTS / "Vera.ttf",
    BOLD: RL_FONTS / "VeraBd.ttf",
    ITALIC: RL_FONTS / "VeraIt.ttf",
    BOLDITALIC: RL_FONTS / "VeraBI.ttf",
    SYMBOL: HERE / "fonts" / "RefSymbol.ttf",
}
_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    for name, path in _FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(path)))
    _registered = True


def sw(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)


# --------------------------------------------------------------------------- page geometry
PAGE_W, PAGE_H = A4
MARGIN = 2.5 * cm
TEXT_W = PAGE_W - 2 * MARGIN
TOP = PAGE_H - MARGIN
BOTTOM = MARGIN
HEADER_Y = PAGE_H - 1.4 * cm  # baseline of the running header (in the top margin)
FOOTER_Y = 1.3 * cm  # baseline of the running footer (in the bottom margin)
FURNITURE_SIZE = 8

BODY_SIZE = 10
BODY_LEAD = 12.2  # "single" line spacing of a 10 pt face
PARA_GAP = 0.8 * BODY_LEAD  # vertical space between paragraphs
BULLET_INDENT = 18.0  # hanging indent of bullet paragraphs
BULLET_X = 4.0
HYPHEN_ZONE = 18.0  # like a word processor: only hyphenate if the line would end this short


# --------------------------------------------------------------------------- layout model
@dataclass
class Run:
    text: str
    font: str
    size: float


@dataclass
class Line:
    """One typeset line of text; `x` is relative to the left margin."""

    runs: list[Run]
    height: float
    x: float = 0.0
    width: float = TEXT_W
    align: str = "left"  # left | justify | center | right
    scale: float = 1.0  # horizontal scaling (PDF Tz / 100)
    bullet: Run | None = None
    bullet_x: float = BULLET_X

    @property
    def size(self) -> float:
        return max((r.size for r in self.runs), default=BODY_SIZE)

    def natural(self) -> float:
        return sum(sw(r.text, r.font, r.size) for r in self.runs) * self.scale

    def draw(self, c: Canvas, x0: float, ytop: float, ctx: dict) -> None:
        base = baseline(ytop, self.height, self.size)
        if self.bullet is not None:
            draw_runs(c, x0 + self.bullet_x, base, [self.bullet])
        nat = self.natural()
        x = x0 + self.x
        tw = 0.0
        if self.align == "justify":
            spaces = sum(r.text.count(" ") for r in self.runs)
            if spaces and nat < self.width:
                tw = (self.width - nat) / spaces / self.scale
        elif self.align == "right":
            x += self.width - nat
        elif self.align == "center":
            x += (self.width - nat) / 2
        draw_runs(c, x, base, self.runs, self.scale, tw)


@dataclass
class TocLine:
    """A table-of-contents line: title, dot leader, right-aligned page number."""

    runs: list[Run]
    height: float
    key: str | None  # anchor of the heading; None on wrapped first lines
    x: float = 0.0
    width: float = TEXT_W

    def draw(self, c: Canvas, x0: float, ytop: float, ctx: dict) -> None:
        size = max(r.size for r in self.runs)
        base = baseline(ytop, self.height, size)
        draw_runs(c, x0 + self.x, base, self.runs)
        if self.key is None:
            return
        num = str(ctx["anchors"][self.key])
        font = self.runs[-1].font
        right = x0 + self.x + self.width
        nw = sw(num, font, size)
        draw_runs(c, right - nw, base, [Run(num, font, size)])
        start = x0 + self.x + sum(sw(r.text, r.font, r.size) for r in self.runs) + 4
        dot = sw(".", font, size)
        n = int((right - nw - 4 - start) / dot)
        if n > 0:
            draw_runs(c, right - nw - 4 - n * dot, base, [Run("." * n, font, size)])


@dataclass
class TableRow:
    cells: list[tuple[float, float, list[Line]]]  # (x offset, width, lines)
    height: float
    grid: bool
    pad: float

    def draw(self, c: Canvas, x0: float, ytop: float, ctx: dict) -> None:
        for cx, cw, lines in self.cells:
            y = ytop - self.pad
            for ln in lines:
                ln.draw(c, x0 + cx + self.pad, y, ctx)
                y -= ln.height
        if self.grid:
            c.setLineWidth(0.5)
            left = x0 + self.cells[0][0]
            right = x0 + self.cells[-1][0] + self.cells[-1][1]
            c.line(left, ytop, right, ytop)
            c.line(left, ytop - self.height, right, ytop - self.height)
            for cx, cw, _ in self.cells:
                c.line(x0 + cx, ytop, x0 + cx, ytop - self.height)
            c.line(right, ytop, right, ytop - self.height)


@dataclass
class Block:
    items: list
    space_before: float = 0.0
    space_after: float = 0.0
    keep_with_next: bool = False
    splittable: bool = True
    page_break_before: bool = False
    anchor: str | None = None


@dataclass
class DocSpec:
    stem: str
    blocks: list[Block]
    meta: dict = field(default_factory=dict)
    header: dict = field(default_factory=dict)  # left/center/right templates
    footer: dict = field(default_factory=dict)
    header_first: bool = True
    footer_first: bool = True


def baseline(ytop: float, height: float, size: float) -> float:
    return ytop - (height - size * 1.2) / 2 - size * 0.95


def draw_runs(c: Canvas, x: float, y: float, runs: list[Run], scale: float = 1.0, tw: float = 0.0) -> None:
    t = c.beginText(x, y)
    # text state lives in the graphics state: always set it explicitly
    t.setHorizScale(round(scale * 100, 4))
    t.setWordSpace(round(tw, 4))
    t.setCharSpace(0)
    for r in runs:
        t.setFont(r.font, r.size)
        t.textOut(r.text)
    c.drawText(t)


# --------------------------------------------------------------------------- pagination
def _head_height(b: Block) -> float:
    n = len(b.items)
    if not b.splittable or n <= 3:
        return sum(i.height for i in b.items)
    return sum(i.height for i in b.items[:2])


def paginate(blocks: list[Block]) -> tuple[list[list[tuple[object, float]]], dict[str, int]]:
    """Place items top-down; page breaks fall where the page fills up.

    Widow/orphan control (at least two lines of a paragraph on either side of
    a break, paragraphs of three lines or less are not split), headings are
    kept with the start of the next block."""
    pages: list[list[tuple[object, float]]] = [[]]
    anchors: dict[str, int] = {}
    y = TOP
    prev_after = 0.0

    def new_page():
        nonlocal y
        pages.append([])
        y = TOP

    for bi, b in enumerate(blocks):
        if b.page_break_before and pages[-1]:
            new_page()
        gap = max(prev_after, b.space_before) if pages[-1] else 0.0
        need = gap + _head_height(b)
        # a chain of keep-with-next blocks (heading, "indstiller, at", list)
        # goes to the next page as a whole with the start of the block after it
        j = bi
        if b.keep_with_next:
            need = gap
            while blocks[j].keep_with_next and j + 1 < len(blocks):
                need += sum(i.height for i in blocks[j].items) + max(blocks[j].space_after, blocks[j + 1].space_before)
                j += 1
            need += _head_height(blocks[j])
        if pages[-1] and y - need < BOTTOM - 0.01:
            new_page()
            gap = 0.0
        y -= gap
        if b.anchor:
            anchors[b.anchor] = len(pages)
        n = len(b.items)
        for k, item in enumerate(b.items):
            if y - item.height < BOTTOM - 0.01 and pages[-1]:
                moved = []
                if b.splittable and n >= 4 and n - k == 1 and k >= 3:
                    moved.append(pages[-1].pop()[0])  # widow control
                new_page()
                for m in moved:
                    pages[-1].append((m, y))
                    y -= m.height
            pages[-1].append((item, y))
            y -= item.height
        prev_after = b.space_after
    return pages, anchors


def render(spec: DocSpec, path: Path) -> int:
    register_fonts()
    pages, anchors = paginate(spec.blocks)
    c = Canvas(str(path), pagesize=A4, invariant=1, pageCompression=1)
    meta = spec.meta
    c.setTitle(meta.get("title", spec.stem))
    c.setAuthor(meta.get("author", "referat corpus"))
    c.setSubject(meta.get("subject", "Referat"))
    c.setCreator("referat corpus/build.py")
    c.setProducer("ReportLab (invariant)")
    c.setKeywords(meta.get("keywords", "referat"))
    total = len(pages)
    for pno, placed in enumerate(pages, 1):
        ctx = {"page": pno, "pages": total, "anchors": anchors}
        # like a word processor, the header/footer come first in the content stream
        if pno > 1 or spec.header_first:
            _furniture(c, spec.header, HEADER_Y, pno, total)
        if pno > 1 or spec.footer_first:
            _furniture(c, spec.footer, FOOTER_Y, pno, total)
        for item, ytop in placed:
            item.draw(c, MARGIN, ytop, ctx)
        c.showPage()
    c.save()
    return total


def _furniture(c: Canvas, parts: dict, y: float, page: int, pages: int) -> None:
    for pos in ("left", "center", "right"):
        tmpl = parts.get(pos)
        if not tmpl:
            continue
        text = tmpl.replace("{page}", str(page)).replace("{pages}", str(pages))
        w = sw(text, REGULAR, FURNITURE_SIZE)
        x = {"left": MARGIN, "center": (PAGE_W - w) / 2, "right": PAGE_W - MARGIN - w}[pos]
        draw_runs(c, x, y, [Run(text, REGULAR, FURNITURE_SIZE)])


# =========================================================================== text dump sources
HEADING_RE = re.compile(r"^(\d{1,2})\. [A-ZÆØÅ]")
SENTENCE_END = (".", ")", ":", "!", "?")


@dataclass
class DumpLine:
    lineno: int  # 1-based line number in the dump
    text: str
    gap_before: bool  # a whitespace-only dump line precedes it
    kind: str = "body"  # title | label | heading | subheading | bullet | body


def classify_dump(raw: str, layout: dict) -> list[DumpLine]:
    """Turn a text dump into content lines with a kind.

    * purely empty lines are the dump's line separators; whitespace-only lines
      (" ", "  ") mark paragraph breaks;
    * leading/trailing spaces of a line are dump artefacts and are stripped;
    * page furniture (a lone page number and the running header text given in
      the layout file) is dropped;
    * headings: a line ``N. Capital...`` (N of one or two digits) that starts a
      paragraph, i.e. the previous content line ended a sentence or a
      whitespace line came between; a heading line that runs (nearly) to the
      right margin and is followed by a short line that does not end a
      sentence continues on that line (a wrapped heading).  A heading whose
      number is not above the current agenda item's is a sub-item heading.
    * title: the first content line; labels: short lines without sentence
      punctuation in the front matter (before the first heading).
    """
    furniture = set(layout.get("furniture", []))
    out: list[DumpLine] = []
    gap = False
    for i, line in enumerate(raw.split("\n"), 1):
        if line == "":
            continue
        if line.strip() == "":
            gap = True
            continue
        text = line.strip()
        if text in furniture or re.fullmatch(r"\d{1,3}", text):
            gap = True  # a page break in the original: the dump's furniture block separates paragraphs
            continue
        out.append(DumpLine(i, text, gap))
        gap = False

    register_fonts()
    full = max(sw(d.text, REGULAR, BODY_SIZE) for d in out)
    top_num = -1
    seen_heading = False
    for k, d in enumerate(out):
        prev = out[k - 1] if k else None
        nxt = out[k + 1] if k + 1 < len(out) else None
        if k == 0:
            d.kind = "title"
            continue
        if d.kind != "body":
            continue
        m = HEADING_RE.match(d.text)
        starts_para = (
            prev is None
            or d.gap_before
            or prev.kind in ("title", "label", "heading", "subheading")
            or (prev.text.endswith(SENTENCE_END) and not prev.text.endswith("-"))
        )
        if m and starts_para:
            seen_heading = True
            nums = [int(x) for x in re.findall(r"(?:^|\bog )(\d{1,2})\. [A-ZÆØÅ]", d.text)]
            num = int(m.group(1))
            kind = "heading" if num > top_num else "subheading"
            if kind == "heading":
                top_num = max(nums + [num])
            d.kind = kind
            if (
                nxt is not None
                and not nxt.gap_before
                and sw(d.text, REGULAR, BODY_SIZE) > 0.8 * full
                and sw(nxt.text, REGULAR, BODY_SIZE) < 0.4 * full
                and not nxt.text.endswith((".", ":"))
                and not HEADING_RE.match(nxt.text)
            ):
                nxt.kind = kind  # wrapped heading: the continuation is bold too
            continue
        if not seen_heading and len(d.text) < 40 and not d.text.endswith(SENTENCE_END + (",",)) \
                and not re.search(r"[\d(]", d.text):
            d.kind = "label"
            continue
        if d.text.startswith("\uf0b7"):
            d.kind = "bullet"
    return out


def dump_spec(stem: str, raw: str, layout: dict) -> DocSpec:
    register_fonts()
    lines = classify_dump(raw, layout)
    bullet_char = "\uf0b7"
    # one horizontal scale for the whole body so that the longest dump line
    # fits the measure at 10 pt (the original used a narrower face)
    widest = 0.0
    for d in lines:
        if d.kind == "body":
            widest = max(widest, sw(d.text, REGULAR, BODY_SIZE))
        elif d.kind == "bullet":
            widest = max(widest, sw(d.text[1:].strip(), REGULAR, BODY_SIZE) * TEXT_W / (TEXT_W - BULLET_INDENT))
    scale = min(1.0, round(TEXT_W / widest - 0.0005, 3))

    styles = {
        "title": (BOLD, 14.0, 18.0),
        "heading": (BOLD, 11.0, 13.6),
        "subheading": (BOLD, BODY_SIZE, BODY_LEAD),
        "label": (BOLD, BODY_SIZE, BODY_LEAD),
        "body": (REGULAR, BODY_SIZE, BODY_LEAD),
        "bullet": (REGULAR, BODY_SIZE, BODY_LEAD),
    }

    def mkline(d: DumpLine, x: float = 0.0, bullet: bool = False) -> Line:
        font, size, lead = styles[d.kind]
        text = d.text
        ln = Line([Run(text, font, size)], lead, x=x, width=TEXT_W - x, scale=scale)
        if bullet:
            text = text[len(bullet_char):].strip()
            ln.runs = [Run(text, font, size)]
            ln.bullet = Run(bullet_char, SYMBOL, size)
        nat = ln.natural()
        if nat > ln.width:  # bold/bigger lines: condense a bit more to fit the measure
            ln.scale = round(scale * ln.width / nat - 0.0005, 3)
        return ln

    # group into paragraphs (blocks)
    groups: list[list[DumpLine]] = []
    for d in lines:
        g = groups[-1] if groups else None
        last = g[-1] if g else None
        new = (
            g is None
            or d.gap_before
            or d.kind in ("title", "label", "bullet")
            or (d.kind != last.kind and not (last.kind == "bullet" and d.kind == "body"))
            or last.kind in ("title", "label")
        )
        if not new and last.kind in ("body", "bullet"):
            # a line that stops well short of the margin ends its paragraph
            x = BULLET_INDENT if g[0].kind == "bullet" else 0.0
            if sw(last.text.lstrip(bullet_char).strip(), REGULAR, BODY_SIZE) * scale < 0.9 * (TEXT_W - x) \
                    and not last.text.endswith("-"):
                new = True
        if new:
            groups.append([d])
        else:
            g.append(d)

    blocks: list[Block] = []
    for g in groups:
        kind = g[0].kind
        items: list[Line] = []
        if kind == "bullet":
            for j, d in enumerate(g):
                dd = DumpLine(d.lineno, d.text, d.gap_before, "bullet")
                items.append(mkline(dd, BULLET_INDENT, bullet=(j == 0)))
        else:
            items = [mkline(d) for d in g]
        for j, ln in enumerate(items):
            last_line = j == len(items) - 1
            if kind in ("body", "bullet") and not last_line:
                ln.align = "justify"
        gap = PARA_GAP if g[0].gap_before else 0.0
        if kind == "title":
            blocks.append(Block(items, space_after=6.0, splittable=False))
        elif kind == "label":
            blocks.append(Block(items, space_before=gap, keep_with_next=True, splittable=False))
        elif kind in ("heading", "subheading"):
            blocks.append(
                Block(items, space_before=max(gap, PARA_GAP), space_after=2.0, keep_with_next=True, splittable=False)
            )
        else:
            blocks.append(Block(items, space_before=gap))
    hf = layout.get("header", {})
    ff = layout.get("footer", {"center": "{page}"})
    return DocSpec(
        stem,
        blocks,
        meta=layout.get("meta", {}),
        header=hf,
        footer=ff,
        header_first=layout.get("header_first", False),
        footer_first=layout.get("footer_first", True),
    )


# =========================================================================== markup sources
VOWELS = set("aeiouyæøåéü")
ONSETS = {
    "bl", "br", "dr", "fl", "fr", "gl", "gr", "kl", "kn", "kr", "kv", "pl", "pr", "sk", "sl", "sm",
    "sn", "sp", "st", "sv", "tr", "tv", "skr", "spl", "spr", "str",
}


def syllable_breaks(word: str) -> list[int]:
    """Possible hyphenation points (indices) in a lower-case Danish-ish word.

    Maximal-onset rule: between two vowel groups the consonant cluster is
    split so that the next syllable begins with the longest legal onset
    ("kom-mune", "ud-valg", "syge-fravær", "be-styrelse")."""
    lw = word.lower()
    groups = []
    i = 0
    while i < len(lw):
        if lw[i] in VOWELS:
            j = i
            while j < len(lw) and lw[j] in VOWELS:
                j += 1
            groups.append((i, j))
            i = j
        else:
            i += 1
    out = []
    for (s1, e1), (s2, e2) in zip(groups, groups[1:]):
        cluster = lw[e1:s2]
        n = len(cluster)
        if n == 0:
            continue
        b = s2 - 1
        for k in range(min(n, 3), 1, -1):
            if cluster[n - k:] in ONSETS:
                b = s2 - k
                break
        out.append(b)
    return out


def hyphenation_points(word: str) -> list[tuple[str, str]]:
    """(prefix-with-hyphen, rest) pairs, shortest prefix first."""
    pts: list[tuple[str, str]] = []
    # after a real hyphen inside the word ("COVID-19", "it-arkitekter")
    for i, ch in enumerate(word):
        if ch == "-" and 0 < i < len(word) - 1 and word[i - 1].isalnum() and word[i + 1].isalnum():
            pts.append((word[: i + 1], word[i + 1 :]))
    m = re.fullmatch(r"([(\"“”'’]*)([A-Za-zÆØÅæøåéü]+)([.,;:!?)\"“”'’]*)", word)
    if m and len(m.group(2)) >= 10 and m.group(2)[0].islower() and "-" not in word:
        lead, core, _trail = m.groups()
        for b in syllable_breaks(core):
            if b >= 3 and len(core) - b >= 4:
                p = len(lead) + b
                pts.append((word[:p] + "-", word[p:]))
    pts.sort(key=lambda t: len(t[0]))
    return pts


def parse_inline(text: str, base: str = REGULAR) -> list[tuple[str, str]]:
    """Split **bold** spans: returns (text, font) pieces."""
    bold_of = {REGULAR: BOLD, ITALIC: BOLDITALIC, BOLD: BOLD, BOLDITALIC: BOLDITALIC}
    pieces = []
    for k, part in enumerate(text.split("**")):
        if part:
            pieces.append((part, bold_of[base] if k % 2 else base))
    return pieces


Word = list  # list[(text, font)]


def to_words(pieces: list[tuple[str, str]]) -> list[Word]:
    words: list[Word] = []
    cur: Word = []
    for text, font in pieces:
        for k, chunk in enumerate(text.split(" ")):
            if k > 0 and cur:
                words.append(cur)
                cur = []
            if chunk:
                cur.append((chunk, font))
    if cur:
        words.append(cur)
    return words


def word_width(w: Word, size: float) -> float:
    return sum(sw(t, f, size) for t, f in w)


def wrap(words: list[Word], size: float, avail_first: float, avail_rest: float | None = None) -> list[list[Word]]:
    """Greedy line breaking with automatic hyphenation (like a word processor)."""
    if avail_rest is None:
        avail_rest = avail_first
    lines: list[list[Word]] = []
    cur: list[Word] = []
    curw = 0.0
    queue = list(words)
    while queue:
        w = queue.pop(0)
        avail = avail_rest if lines else avail_first
        ww = word_width(w, size)
        spw = sw(" ", cur[-1][-1][1], size) if cur else 0.0
        if curw + spw + ww <= avail + 0.01:
            cur.append(w)
            curw += spw + ww
            continue
        if len(w) == 1 and (not cur or avail - curw > HYPHEN_ZONE):
            text, font = w[0]
            best = None
            for pre, rest in hyphenation_points(text):
                if curw + spw + sw(pre, font, size) <= avail + 0.01:
                    best = (pre, rest)
            if best:
                cur.append([(best[0], font)])
                lines.append(cur)
                cur, curw = [], 0.0
                queue.insert(0, [(best[1], font)])
                continue
        if not cur:  # a single over-long word: let it stick out
            lines.append([w])
            continue
        lines.append(cur)
        cur, curw = [], 0.0
        queue.insert(0, w)
    if cur:
        lines.append(cur)
    return lines


def words_to_runs(line: list[Word], size: float) -> list[Run]:
    runs: list[Run] = []
    for k, w in enumerate(line):
        pieces = list(w)
        if k > 0:
            # the space belongs to the font of the preceding piece
            pieces = [(" ", runs[-1].font)] + pieces
        for text, font in pieces:
            if runs and runs[-1].font == font:
                runs[-1].text += text
            else:
                runs.append(Run(text, font, size))
    return runs


def para_lines(
    text: str,
    font: str = REGULAR,
    size: float = BODY_SIZE,
    lead: float = BODY_LEAD,
    x: float = 0.0,
    width: float = TEXT_W,
    align: str = "justify",
) -> list[Line]:
    """Typeset a paragraph; ``\\n`` in text is a hard line break."""
    out: list[Line] = []
    segs = text.split("\n")
    for seg in segs:
        words = to_words(parse_inline(seg, font))
        wrapped = wrap(words, size, width) if words else [[]]
        for li, lw in enumerate(wrapped):
            last = li == len(wrapped) - 1
            a = align
            if align == "justify" and last:
                a = "left"
            out.append(Line(words_to_runs(lw, size), lead, x=x, width=width, align=a))
    return out


@dataclass
class MarkupDoc:
    meta: dict = field(default_factory=dict)
    header: dict = field(default_factory=dict)
    footer: dict = field(default_factory=dict)
    header_first: bool = True
    footer_first: bool = True
    bullet: str = "\u2022"
    title_size: float = 16.0


H1 = (BOLD, 11.0, 13.6)
H2 = (BOLD, BODY_SIZE, BODY_LEAD)
H3 = (ITALIC, BODY_SIZE, BODY_LEAD)


def markup_spec(stem: str, src: str) -> DocSpec:
    """Parse the corpus markup (see corpus/README.md) into blocks."""
    register_fonts()
    doc = MarkupDoc()
    blocks: list[Block] = []
    para: list[str] = []
    table: list[list[str]] = []
    table_opts: dict = {"grid": False, "widths": None}
    toc_pos: list[int] = []  # block indices where a TOC goes
    headings: list[tuple[str, str]] = []  # (anchor, text) of level-1 headings
    pending_break = False
    pending_space = 0.0

    last_kind = [""]

    def add(b: Block, kind: str = "") -> None:
        nonlocal pending_break, pending_space
        last_kind[0] = kind
        if pending_break:
            b.page_break_before = True
            pending_break = False
        if pending_space:
            b.space_before = max(b.space_before, pending_space)
            pending_space = 0.0
        blocks.append(b)

    def flush_para() -> None:
        if not para:
            return
        text = ""
        for ln in para:
            if text and not text.endswith("\n"):
                text += " "
            if ln.endswith("\\"):
                text += ln[:-1].rstrip() + "\n"
            else:
                text += ln
        before = 6.0 if last_kind[0] == "bullet" else 0.0
        add(Block(para_lines(text.rstrip("\n")), space_before=before, space_after=6.0), "para")
        para.clear()

    def flush_table() -> None:
        if not table:
            return
        ncol = max(len(r) for r in table)
        pad = 3.0
        if table_opts["widths"]:
            fr = table_opts["widths"]
            tot = sum(fr)
            widths = [TEXT_W * f / tot for f in fr]
        else:
            nat = [0.0] * ncol
            for r in table:
                if len(r) == ncol:
                    for j, cell in enumerate(r):
                        nat[j] = max(nat[j], word_width([(t, f) for t, f in parse_inline(cell)], BODY_SIZE) + 2 * pad)
            tot = sum(nat)
            widths = [TEXT_W * n / tot for n in nat] if tot > TEXT_W else nat[:-1] + [TEXT_W - sum(nat[:-1])]
        rows = []
        for r in table:
            cells = []
            if len(r) < ncol:  # a spanning row
                spans = [(0.0, TEXT_W)]
                r = [" ".join(r)]
            else:
                xs = [sum(widths[:j]) for j in range(ncol)]
                spans = list(zip(xs, widths))
            h = 0.0
            for (cx, cw), cell in zip(spans, r):
                lines = para_lines(cell, width=cw - 2 * pad, align="left") if cell.strip() else []
                cells.append((cx, cw, lines))
                h = max(h, sum(ln.height for ln in lines))
            rows.append(TableRow(cells, h + 2 * pad, table_opts["grid"], pad))
        add(Block(rows, space_before=4.0, space_after=8.0))
        table.clear()
        table_opts.update(grid=False, widths=None)

    def flush() -> None:
        flush_para()
        flush_table()

    for raw in src.split("\n"):
        line = raw.rstrip()
        if line.startswith("%"):
            continue
        if not line.strip():
            flush()
            continue
        if line.startswith("|"):
            flush_para()
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            table.append(cells)
            continue
        if table:
            flush_table()
        if line.startswith("@"):
            flush_para()
            key, _, val = line[1:].partition(" ")
            val = val.strip()
            if key.startswith("meta-"):
                doc.meta[key[5:]] = val
            elif key.startswith("header-") and key != "header-first":
                doc.header[key[7:]] = val
            elif key.startswith("footer-") and key != "footer-first":
                doc.footer[key[7:]] = val
            elif key == "header-first":
                doc.header_first = val == "on"
            elif key == "footer-first":
                doc.footer_first = val == "on"
            elif key == "bullet":
                doc.bullet = val.encode().decode("unicode_escape") if val.startswith("\\u") else val
            elif key == "title-size":
                doc.title_size = float(val)
            elif key == "title":
                ts = doc.title_size
                add(Block(para_lines(val, BOLD, ts, ts * 1.25, align="left"), space_after=4.0, splittable=False))
            elif key == "subtitle":
                add(Block(para_lines(val, REGULAR, 12.0, 15.0, align="left"), space_after=2.0, splittable=False))
            elif key in ("center", "right"):
                add(Block(para_lines(val, align=key), space_after=2.0, splittable=False))
            elif key == "toc":
                toc_pos.append(len(blocks))
                blocks.append(Block([], space_before=2.0, space_after=8.0))
            elif key == "pagebreak":
                pending_break = True
            elif key == "vspace":
                pending_space = float(val)
            elif key == "table":
                for opt in val.split():
                    if opt == "grid":
                        table_opts["grid"] = True
                    elif opt == "plain":
                        table_opts["grid"] = False
                    else:
                        table_opts["widths"] = [float(x) for x in opt.split(",")]
            else:
                raise ValueError(f"{stem}: unknown directive @{key}")
            continue
        m = re.match(r"^(#{1,3}) (.*)$", line)
        if m:
            flush_para()
            level, text = len(m.group(1)), m.group(2).strip()
            font, size, lead = (H1, H2, H3)[level - 1]
            anchor = None
            if level == 1:
                anchor = f"h{len(headings)}"
                headings.append((anchor, text))
            before, after = ((14.0, 4.0), (8.0, 2.0), (6.0, 2.0))[level - 1]
            add(
                Block(
                    para_lines(text, font, size, lead, align="left"),
                    space_before=before,
                    space_after=after,
                    keep_with_next=True,
                    splittable=False,
                    anchor=anchor,
                )
            )
            continue
        if line.startswith("* "):
            flush_para()
            if last_kind[0] == "para":
                blocks[-1].keep_with_next = True  # "Forvaltningen indstiller, at" + its list
            lines = para_lines(line[2:].strip(), x=BULLET_INDENT, width=TEXT_W - BULLET_INDENT)
            bfont = SYMBOL if doc.bullet in ("\uf0b7", "\u2022") else REGULAR
            lines[0].bullet = Run(doc.bullet, bfont, BODY_SIZE)
            add(Block(lines, space_after=3.0), "bullet")
            continue
        para.append(line.strip())
    flush()

    for pos in toc_pos:
        items = []
        numw = 24.0
        for anchor, text in headings:
            words = to_words(parse_inline(text))
            wrapped = wrap(words, BODY_SIZE, TEXT_W - numw - 20)
            for li, lw in enumerate(wrapped):
                key = anchor if li == len(wrapped) - 1 else None
                items.append(TocLine(words_to_runs(lw, BODY_SIZE), BODY_LEAD + 2, key))
        blocks[pos].items = items
    return DocSpec(
        stem, blocks, meta=doc.meta, header=doc.header, footer=doc.footer,
        header_first=doc.header_first, footer_first=doc.footer_first,
    )


# =========================================================================== driver
def sources() -> list[Path]:
    return sorted(list(SOURCES.glob("*.txt")) + list(SOURCES.glob("*.ref")))


def spec_for(path: Path) -> DocSpec:
    stem = path.name.rsplit(".", 1)[0]
    if path.suffix == ".txt":
        raw = path.read_bytes().decode("utf-8")
        layout_file = path.with_name(stem + ".layout.json")
        layout = json.loads(layout_file.read_text("utf-8")) if layout_file.exists() else {}
        return dump_spec(stem, raw, layout)
    return markup_spec(stem, path.read_text("utf-8"))


def build(out_dir: Path | str = HERE, verbose: bool = False) -> list[Path]:
    """Render every source into ``out_dir/<stem>.pdf``; returns the PDF paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for src in sources():
        spec = spec_for(src)
        pdf = out_dir / f"{spec.stem}.pdf"
        n = render(spec, pdf)
        written.append(pdf)
        if verbose:
            print(f"{pdf}  ({n} pages)")
    if out_dir.resolve() == HERE:
        # the committed PDFs are byte-identical to a fresh build only with the
        # same reportlab and zlib; record them so tests can tell drift from staleness
        (HERE / "build-info.json").write_text(json.dumps(build_info(), indent=2) + "\n", "utf-8")
    return written


def build_info() -> dict:
    return {"reportlab": reportlab.Version, "zlib": zlib.ZLIB_RUNTIME_VERSION}


def check() -> list[str]:
    """Names of committed corpus PDFs that differ from a fresh build."""
    with tempfile.TemporaryDirectory() as tmp:
        stale = []
        for pdf in build(tmp):
            committed = HERE / pdf.name
            if not committed.exists() or not filecmp.cmp(pdf, committed, shallow=False):
                stale.append(pdf.name)
        return stale


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: corpus/)")
    ap.add_argument("--check", action="store_true", help="only compare corpus/*.pdf with a fresh build")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    if args.check:
        stale = check()
        if stale:
            print("stale corpus PDFs (run python corpus/build.py):", ", ".join(stale))
            return 1
        print("corpus PDFs are up to date")
        return 0
    build(args.out, verbose=not args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
