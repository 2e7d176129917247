"""Visual lines → `DocText`: clean text, paragraphs and provenance.

What a reader ignores must go (running headers/footers, page numbers, broken Word fields),
what typesetting did to the words must be undone (line-break hyphens, ligatures, soft
hyphens, odd spaces, bullet glyphs), and the paragraph structure that the line breaks hide
must be rebuilt from geometry: vertical gaps, font changes, bullets, and short ("ragged")
last lines. Everything is decided from the page geometry and general Danish typography,
never from a particular document's wording.

Every character of the result maps back to the line it came from (`Span`), so a fact found
in the text can always cite its page and box.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from extract import outline
from extract.doctext import Block, DocText, Line, Span

# --------------------------------------------------------------------------- character level
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "ft", "\ufb06": "st"}
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
                                  "\u200a\u202f\u205f\u3000"), " ")
_DROP = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
SOFT_HYPHEN = "\u00ad"
_TRANS = {**_SPACES, **_DROP, **{ord(k): v for k, v in _LIGATURES.items()}}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CID = re.compile(r"\(cid:\d+\)")

# Word's broken-field messages (Danish and English) leak into headers, footers and
# cross references when a document is printed to PDF with a dangling field.
FIELD_ERROR = re.compile(
    r"\b(?:Fejl|Error)!\s*[A-ZÆØÅ][^.!?\n]{2,80}?"
    r"(?:ikke defineret|ikke fundet|ikke angivet|i dokumentet|not defined|not found|not specified|in document)\.?",
)


def normalize_text(text: str) -> str:
    """NFC, ligatures expanded, odd spaces → " ", zero-width chars and controls dropped.

    A soft hyphen inside a line is invisible and dropped; at the end of a line it marks a
    hyphenation point and is kept so the line joiner can remove it. Typographic quotes and
    dashes are kept as they are (they carry meaning; the scorer normalises them itself).
    """
    text = text.translate(_TRANS)
    text = _CONTROL.sub("", text)
    if "(cid:" in text:  # pdfminer's placeholder for a glyph without a Unicode mapping
        text = _CID.sub("", text)
    text = unicodedata.normalize("NFC", text)
    stripped = text.rstrip(" ")
    if SOFT_HYPHEN in stripped[:-1]:
        stripped = stripped[:-1].replace(SOFT_HYPHEN, "") + stripped[-1]
    if "\t" in stripped:
        cells = [re.sub(r" {2,}", " ", c).strip() for c in stripped.split("\t")]
        return "\t".join(c for c in cells if c)
    return re.sub(r" {2,}", " ", stripped).strip()


# --------------------------------------------------------------------------- line joining
HYPHENS = "-\u2010\u2011"
DASHES = "\u2012\u2013\u2014\u2015"
# "Sundheds- og Ældreministeriet": a hyphen before a conjunction is a suspended compound.
SUSPENSION_WORDS = frozenset({"og", "eller", "samt", "til", "som", "&", "and", "or"})
# Lower-case abbreviations that form hyphenated compounds ("it-system", "cpr-nummer",
# "sms-service"): a line-final hyphen after them is a real hyphen, never a syllable break.
HYPHEN_PREFIXES = frozenset({"it", "tv", "pc", "cpr", "cvr", "sms", "mms", "pdf", "gps", "dna", "hiv",
                             "cd", "dvd", "usb", "ip", "wifi", "ikt", "ok"})
_WORD = re.compile(r"[^\W_]+|&")
_TAIL_LETTERS = re.compile(r"([^\W\d_]+)$")


@dataclass(slots=True)
class Vocabulary:
    """Word forms seen in the document, to settle "it-|arkitekter" vs "anled-|ning".

    When the document itself writes a compound with a hyphen elsewhere (and never without),
    a line-break hyphen between those two parts is a real hyphen.
    """

    plain: set[str] = field(default_factory=set)
    hyphen_pairs: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        v = cls()
        for t in texts:
            for tok in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", t):
                low = tok.lower()
                if "-" in low:
                    parts = low.split("-")
                    v.hyphen_pairs.update(pairwise(parts))
                else:
                    v.plain.add(low)
        return v

    def keeps_hyphen(self, left: str, right: str) -> bool:
        left, right = left.lower(), right.lower()
        return (left, right) in self.hyphen_pairs and (left + right) not in self.plain


def line_joiner(prev: str, nxt: str, vocab: Vocabulary | None = None) -> tuple[int, str]:
    """How to join two lines of one paragraph: (chars to drop from `prev`'s end, joiner).

    * "anled-" + "ning"        → drop the hyphen, no space (a hyphenated word)
    * "Sundheds-" + "og ..."    → keep "- " (a suspended compound before a conjunction)
    * "COVID-" + "19", "RSI-" + "projektet" → keep the hyphen, no space (a real hyphen)
    * "... punktet -" / "–"     → a dash: keep it, join with a space
    * soft hyphen at the end    → drop it, no space
    """
    if not prev or not nxt:
        return 0, " "
    last = prev[-1]
    first = nxt[0]
    if last == SOFT_HYPHEN:
        return 1, ""
    if last in HYPHENS:
        if len(prev) == 1 or prev[-2].isspace():
            return 0, " "  # " -": a dash used as punctuation
        before = prev[-2]
        m = _WORD.match(nxt)
        word = m.group(0) if m else ""
        if word.lower() in SUSPENSION_WORDS and not first.isupper():
            return 0, " "
        if before.isalpha() and before.islower() and first.isalpha() and first.islower():
            m_tail = _TAIL_LETTERS.search(prev[:-1])
            tail = m_tail.group(1) if m_tail else ""
            if len(tail) == 1 or tail in HYPHEN_PREFIXES:
                return 0, ""  # "e-|mail", "a-|kasse", "it-|system": Danish never breaks there
            if vocab is not None and tail and vocab.keeps_hyphen(tail, word):
                return 0, ""
            return 1, ""
        if first.isalnum():
            return 0, ""  # "COVID-19", "RSI-projektet", "2020-2021": the hyphen is part of the word
        return 0, " "
    if last in DASHES:
        # "punktet –" + "udover": a dash between words; "kl. 17.00–" + "19.30": a range
        attached = len(prev) > 1 and not prev[-2].isspace() and first.isalnum()
        return 0, "" if attached else " "
    if last == "/" and len(prev) > 1 and prev[-2].isalnum() and first.isalnum():
        return 0, ""  # "og/" + "eller", URLs: a break after a slash adds no space
    return 0, " "


# --------------------------------------------------------------------------- furniture
_PAGE_NO = re.compile(
    r"""^[\s\-–—|(\[]*
        (?:(?:side|page|pag\.|s\.|p\.|sd\.)\s*)?
        (?:\d{1,4}|[ivxlc]{1,6})
        (?:\s*(?:af|of|/|ud\ af|i\ alt\ af)\s*\d{1,4})?
        [\s\-–—|)\]]*$""",
    re.IGNORECASE | re.VERBOSE,
)
BAND = 0.08  # the outer 8% of the page height: headers and footers live here
WIDE_BAND = 0.15  # repeated lines this close to the edge are furniture too
#: how many lines from the top of a page a header block may have when it runs past the band:
#: municipal systems stack five ("<Udvalg>" / "Referat" / "Åbent referat" / "Dato: 04.12.2012" / "Side 3")
_EDGE_LINES = 5


def is_page_number(text: str) -> bool:
    """ "2", "- 2 -", "Side 2 af 5", "2/5", "S. 2", "Page 3 of 9", "iv"."""
    t = text.strip()
    if not t or len(t) > 24:
        return False
    if re.fullmatch(r"[ivxlc]+", t, re.IGNORECASE) and not re.fullmatch(
        r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})", t, re.IGNORECASE
    ):
        return False
    return bool(_PAGE_NO.match(t))


def _furniture_key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def _header_chain(top_down: list[Line], band: float) -> int:
    """How many lines from the top form one block with the lines inside the top band: a
    header stacked line under line ("… / Dato: 04.12.2012 / Side 6") may run just past it."""
    n = 0
    for k, ln in enumerate(top_down):
        if ln.top < band:
            n = k + 1
            continue
        prev = top_down[k - 1] if k else None
        if prev is None or n < k or ln.top - prev.bottom > 0.6 * max(ln.bottom - ln.top, 1.0):
            break
        n = k + 1
    return n


def strip_furniture(pages: list[list[Line]], heights: Sequence[float]) -> list[list[Line]]:
    """Drop running headers/footers, page numbers and broken-field lines near the page edges.

    Candidates are among the first/last three lines of a page within the outer 15% of its
    height. A candidate goes when it is a lone page number or a Word field error, or when
    it recurs at about the same height on other pages:

    * inside the outer 8% band: its text with digits ignored ("Side # af #") on ≥ 2 pages;
    * in the 8–15% band: on ≥ 3 pages and ≥ half of them, either with exactly the same
      text or (digits ignored) in a smaller font than the body. Body lines that happen to
      open several pages ("Beslutning", "Punkt 4: ...") are body-sized and vary, so stay.
    """
    n_pages = len(pages)
    sizes: Counter[float] = Counter()
    for lines in pages:
        for ln in lines:
            sizes[round(ln.size * 2) / 2] += len(ln.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    by_key: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    by_text: dict[tuple[str, str], list[tuple[int, float]]] = defaultdict(list)
    info: list[list[tuple[str, bool, bool] | None]] = []  # per line: (zone, strong band, only chained)
    for pi, lines in enumerate(pages):
        h = heights[pi]
        row: list[tuple[str, bool] | None] = []
        order = sorted(range(len(lines)), key=lambda i: lines[i].top)
        rank = {i: r for r, i in enumerate(order)}
        chained = _header_chain([lines[i] for i in order], WIDE_BAND * h)
        for i, ln in enumerate(lines):
            zone = ""
            if ln.top < WIDE_BAND * h and rank[i] < 3:
                zone = "top"
            elif ln.top >= WIDE_BAND * h and rank[i] < min(chained, _EDGE_LINES):
                zone = "chain"  # (counted apart: the body's first lines on other pages are no evidence)
            elif ln.bottom > (1 - WIDE_BAND) * h and rank[i] >= len(lines) - 3:
                zone = "bottom"
            if not zone:
                row.append(None)
                continue
            strong = ln.bottom <= BAND * h if zone == "top" else ln.top >= (1 - BAND) * h
            row.append((zone, strong and zone != "chain", zone == "chain"))
            by_key[(_furniture_key(ln.text), zone)].append((pi, ln.top))
            by_text[(ln.text, zone)].append((pi, ln.top))
        info.append(row)

    def pages_near(hits: list[tuple[int, float]], top: float, h: float) -> int:
        return len({p for p, t in hits if abs(t - top) <= 0.025 * h})

    def repeated(ln: Line, zone: str, strong: bool, h: float) -> bool:
        n_key = pages_near(by_key.get((_furniture_key(ln.text), zone), []), ln.top, h)
        if strong:
            return n_key >= 2
        need = max(3, math.ceil(0.5 * n_pages))
        if ln.size < body_size - 0.4 and n_key >= need:
            return True
        return pages_near(by_text.get((ln.text, zone), []), ln.top, h) >= need

    out: list[list[Line]] = []
    for pi, lines in enumerate(pages):
        h = heights[pi]
        # a line that only chains onto the header block goes only under a header that went
        # ("Punkt 3 …" / "Beslutninger" opening many pages is the body: the line above stays)
        above_kept: set[int] = set()
        seen_kept = False
        for i in sorted(range(len(lines)), key=lambda i: lines[i].top):
            inf = info[pi][i]
            if seen_kept:
                above_kept.add(i)
            if inf is None or not (is_page_number(lines[i].text) or repeated(lines[i], inf[0], inf[1], h)):
                seen_kept = True
        kept: list[Line] = []
        for i, (ln, inf) in enumerate(zip(lines, info[pi])):
            if inf is not None and inf[2] and i in above_kept:
                inf = None
            if FIELD_ERROR.search(ln.text):  # keep what is left unless it is furniture debris
                text = normalize_text(FIELD_ERROR.sub("", ln.text))
                if not text or (inf is not None and (len(text) <= 3 or is_page_number(text))):
                    continue
                ln = replace(ln, text=text)
            if inf is not None:
                zone, strong, _ = inf
                if is_page_number(ln.text) or repeated(ln, zone, strong, h):
                    continue
                if "\t" in ln.text:  # a header/footer row: drop page-number cells
                    cells = [c for c in ln.text.split("\t") if not is_page_number(c)]
                    if not cells:
                        continue
                    ln = replace(ln, text="\t".join(cells))
            kept.append(ln)
        out.append(kept)
    return strip_lone_margin_lines(out, heights, body_size)


# A footnote ("¹ Jf. lov om …", "2) Se bilag") is content even when it sits alone at the foot.
_FOOTNOTE = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰*†]+|\d{1,2}\)?)\s*[^\W\d_]")


def strip_lone_margin_lines(pages: list[list[Line]], heights: Sequence[float],
                            body_size: float) -> list[list[Line]]:
    """Drop a header/footer that occurs once (so repetition cannot reveal it).

    A running header that starts on page 2 of a two-page document, or a footer printed on
    one page only, is still recognisable by how it is set: a single short line alone in the
    outer 8% band, cut off from the page's text by much more white space than the body's
    line pitch, and either in a smaller font than the body or outside the text block of
    every other page (above the first / below the last body line there). Page 1's top is
    left alone: its first lines are the title and letterhead, which the front matter reads,
    so a one-page document always keeps its first line. Footnotes are content and stay.
    """
    if not any(pages):
        return pages
    pitch = measure(pages).pitch_ratio * max(body_size, 1.0)
    smaller = body_size - max(0.6, 0.08 * body_size)
    block_top: list[float | None] = []
    block_bottom: list[float | None] = []
    for pi, lines in enumerate(pages):
        h = heights[pi]
        inner = [ln for ln in lines if ln.bottom > BAND * h and ln.top < (1 - BAND) * h]
        block_top.append(min((ln.top for ln in inner), default=None))
        block_bottom.append(max((ln.bottom for ln in inner), default=None))

    def lone(ln: Line, gap: float, outside: bool) -> bool:
        return len(ln.text) <= 120 and gap > 1.5 * pitch and (ln.size < smaller or outside)

    out: list[list[Line]] = []
    for pi, lines in enumerate(pages):
        h = heights[pi]
        order = sorted(lines, key=lambda ln: (ln.top, ln.x0))
        drop: set[int] = set()
        others_top = [t for q, t in enumerate(block_top) if q != pi and t is not None]
        others_bottom = [b for q, b in enumerate(block_bottom) if q != pi and b is not None]
        if pi > 0 and len(order) >= 2:
            first, nxt = order[0], order[1]
            outside = bool(others_top) and first.bottom + pitch <= min(others_top)
            if first.bottom <= BAND * h and lone(first, nxt.top - first.bottom, outside):
                drop.add(id(first))
        if len(order) >= 2:
            last, prev = order[-1], order[-2]
            outside = bool(others_bottom) and last.top - pitch >= max(others_bottom)
            if (last.top >= (1 - BAND) * h and not _FOOTNOTE.match(last.text)
                    and lone(last, last.top - prev.bottom, outside)):
                drop.add(id(last))
        out.append([ln for ln in lines if id(ln) not in drop])
    return out


# --------------------------------------------------------------------------- bullets
# Bullet glyphs, incl. the private-use code points symbol fonts (Symbol, Wingdings) map to.
_BULLET_GLYPHS = "•▪◦●■□▫◆◇►▸▹‣⁃∙·➢➤✓✔❖○◘"
_BULLET_RE = re.compile(rf"^([{_BULLET_GLYPHS}\uf000-\uf0ff])\s*(?=\S)")
_DASH_BULLET_RE = re.compile(r"^[-–—]\s+(?=\S)")
# Word's second-level bullet is a letter "o" (Courier New); no Danish word is a lone "o"
_O_BULLET_RE = re.compile(r"^(o)[ \t]+(?=[^\W_]|[\"„»(])")


def bullet_split(text: str) -> tuple[str | None, str]:
    """(glyph, rest) when `text` starts with a bullet glyph, else (None, text)."""
    m = _BULLET_RE.match(text) or _O_BULLET_RE.match(text)
    if m:
        return m.group(1), text[m.end():]
    return None, text


# --------------------------------------------------------------------------- geometry
@dataclass(slots=True)
class Geometry:
    """Text box and rhythm of a group of pages of one size."""

    left: float
    right: float
    pitch_ratio: float  # normal baseline-to-baseline distance / font size
    body_size: float
    justified: bool

    @property
    def width(self) -> float:
        return max(self.right - self.left, 1.0)


def _mode(values: Iterable[float], default: float) -> float:
    c = Counter(values)
    return c.most_common(1)[0][0] if c else default


def _percentile(values: Sequence[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def measure(pages: Sequence[Sequence[Line]], page_width: float | None = None) -> Geometry:
    """Left/right text margins, line pitch and body size of a set of pages.

    With few lines the statistics are weak: the right margin is then taken as the mirror
    of the left one (when the page width is known) if that is further right, and the
    line pitch is capped at single spacing.
    """
    all_lines = [ln for p in pages for ln in p]
    if not all_lines:
        return Geometry(0.0, float(page_width or 1.0), 1.2, 10.0, False)
    body = _mode((round(ln.size * 2) / 2 for ln in all_lines for _ in range(max(1, len(ln.text) // 20))), 10.0)
    sized = [ln for ln in all_lines if abs(ln.size - body) <= 0.6] or all_lines
    # the left margin: the leftmost x0 that many lines share (indented lists and quotes
    # can outnumber flush-left lines, stray outdented numbers are rare); table rows count
    starts = Counter(round(ln.x0) for ln in sized)
    common = max(starts.values())
    left_r = min(x for x, k in starts.items() if k >= max(2, 0.1 * common)) if common >= 2 else min(starts)
    left = min(ln.x0 for ln in sized if abs(round(ln.x0) - left_r) <= 1)
    # the right margin: where most running text ends (table rows end anywhere)
    body_lines = [ln for ln in sized if "\t" not in ln.text] or sized
    right = _percentile([ln.x1 for ln in body_lines], 0.9)
    if page_width and len(body_lines) < 15:
        right = max(right, page_width - left)
    ratios = []
    for p in pages:
        for a, b in pairwise(p):
            if abs(a.size - b.size) <= 0.6 and a.size > 0 and "\t" not in a.text + b.text:
                d = b.top - a.top
                if 0.8 * a.size < d < 3 * a.size:
                    ratios.append(round(d / a.size, 2))
    pitch = _mode(ratios, 1.2) if ratios else 1.2
    # the most common ratio could be a paragraph spacing in a list-like doc: take the
    # smallest ratio that is common (≥ 20% of the most common count)
    if ratios:
        c = Counter(ratios)
        top = c.most_common(1)[0][1]
        pitch = min(r for r, k in c.items() if k >= 0.2 * top)
        if len(ratios) < 4:
            pitch = min(pitch, 1.25)
    width = max(right - left, 1.0)
    at_margin = sum(1 for ln in body_lines if ln.x1 >= right - 0.015 * width)
    justified = len(body_lines) >= 5 and at_margin >= 0.5 * len(body_lines)
    return Geometry(float(left), float(right), float(pitch), float(body), justified)


# --------------------------------------------------------------------------- paragraphs
_TOC_LINE = re.compile(r"(?:[.…·_]\s*){4,}\d{1,4}$")  # "Titel ........ 7": a contents entry
AGENDA_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*\.?\s+[A-ZÆØÅ]|(?:Ad|Punkt|Pkt\.)\s*\d)")
_SENTENCE_END = re.compile(r"[.:?!][\"'»”’)\]]*$")
#: "Dirigent: Eva Holm", "Formand/referent: Bo Lund": a short label, a colon, a capitalised value
_LABEL_LINE = re.compile(r"^[A-ZÆØÅ][\wæøå/.-]*(?:\s[\wæøå/.-]+){0,2}:\s+[A-ZÆØÅ0-9]")
#: "a. …", "ii. …", "iv) …" opening a line: an outline entry under an item starts its own paragraph
_OUTLINE_LINE = re.compile(rf"^{outline.MARK}[.)]\s+\S")


@dataclass(slots=True)
class _Para:
    lines: list[Line]
    bullet: bool = False
    table: bool = False


def _ragged(ln: Line, g: Geometry) -> bool:
    return ln.x1 < g.right - 0.15 * g.width


def _first_word_fits(prev: Line, cur: Line, g: Geometry) -> bool:
    """Would `cur`'s first word have fitted at the end of `prev`? Then the break was forced."""
    words = cur.text.split()
    if not words:
        return False
    char_w = (cur.x1 - cur.x0) / max(len(cur.text), 1)
    need = (len(words[0]) + 1) * char_w * 1.15 + char_w
    return g.right - prev.x1 > need


def _runs_on(prev: str, cur: str) -> bool:
    """Does plain text after a bold run-in heading wrap from `prev` onto `cur`? A PDF marks a
    line bold when most of it is ("2. Valg af sekretær (Bo ønsker genvalg). Bo vælges" / "for 1
    år."): the sentence goes on when the line ends without a sentence end and either the next
    line opens in lower case or the line already left its heading (a sentence ends a word or two
    before the line's end)."""
    if _SENTENCE_END.search(prev) or not cur:
        return False
    # (the plain text began just before the line's end: "… genvalg). Mads" / "Jacobsen vælges.";
    # not an abbreviation inside a longer heading, "Orientering vedr. X-projektet og Y")
    return cur[:1].islower() or bool(re.search(r"(?:(?:[a-zæøå]{3}|\))[.!?]|\))\s+[A-ZÆØÅ]\S*(?:\s+\S+)?\s*$", prev))


def _new_block(para: _Para, prev: Line, cur: Line, g: Geometry, vocab: Vocabulary) -> bool:
    """Does `cur` start a new paragraph after `prev`?"""
    if para.table or "\t" in cur.text:
        return True
    if prev.page == cur.page:
        dy = cur.top - prev.top
        size = max(prev.size, cur.size, 1.0)
        if dy <= 0.3 * size:  # the text jumped back up: another column or a text box
            return True
        if dy > 1.4 * g.pitch_ratio * size:
            return True
    if prev.bold != cur.bold and not (prev.bold and _runs_on(prev.text, cur.text)):
        return True
    if abs(prev.size - cur.size) > max(0.6, 0.08 * max(prev.size, cur.size)):
        return True
    if _TOC_LINE.search(prev.text):
        return True
    _, joiner = line_joiner(prev.text, cur.text, vocab)
    if prev.text[-1:] in HYPHENS and joiner == "":
        return False  # a word broken over the lines continues
    ragged = _ragged(prev, g)
    ended = bool(_SENTENCE_END.search(prev.text))
    if ragged and ended and g.justified:
        return True
    # a forced break (the next word would have fitted) ends a block, unless the sentence
    # visibly goes on ("... og\nlowercase")
    if ragged and _first_word_fits(prev, cur, g) and (ended or not cur.text[:1].islower()):
        return True
    if (AGENDA_RE.match(cur.text) or _OUTLINE_LINE.match(cur.text)) and (ragged or ended):
        return True
    if _LABEL_LINE.match(cur.text) and _LABEL_LINE.match(prev.text) and len(prev.text.split()) <= 8:
        return True  # "Dirigent: Eva Holm" / "Formand/referent: Bo Lund": one label per line
    if para.bullet:
        first = para.lines[0]
        if len(para.lines) >= 2 and cur.x0 < para.lines[1].x0 - 3:
            return True  # back out of the bullet's hanging indent
        if cur.x0 <= first.x0 + 1 and ragged:
            return True
    return False


def _continues_cell(prev: Line, cur: Line, g: Geometry) -> bool:
    """Is `cur` the wrapped rest of the last cell of the table row `prev`?

    Only when it follows at the normal line pitch (a new row would have row spacing or
    cells of its own), sits well right of the left margin (inside a later column), and the
    row above ran out to the right edge, so the cell had to wrap.
    """
    if prev.page != cur.page or abs(prev.size - cur.size) > 0.6:
        return False
    dy = cur.top - prev.top
    return (0 < dy <= 1.3 * g.pitch_ratio * max(cur.size, 1.0)
            and prev.x1 >= g.right - 0.12 * g.width
            and cur.x0 >= g.left + 0.1 * g.width)


def _is_dash_bullet(prev: Line | None, cur: Line, para: _Para | None, g: Geometry) -> bool:
    """A "-"/"–" at the start of a line is a bullet when the line starts a list item.

    It does when the line is indented, or the previous line ended the paragraph (ragged with
    a sentence end or a colon) or was itself a dash item; a dash that merely wrapped to the
    start of a line inside a sentence follows a full line and is not indented.
    """
    if not _DASH_BULLET_RE.match(cur.text):
        return False
    if cur.x0 - g.left >= 4:
        return True
    if prev is None or para is None:
        return True
    if para.bullet and _DASH_BULLET_RE.match(para.lines[0].text):
        return True
    return prev.text.rstrip().endswith(":") or (_ragged(prev, g) and bool(_SENTENCE_END.search(prev.text)))


def paragraphs(pages: Sequence[Sequence[Line]], geoms: Sequence[Geometry], vocab: Vocabulary) -> list[_Para]:
    """Group the lines of all pages into paragraphs; page breaks alone do not end one."""
    paras: list[_Para] = []
    prev: Line | None = None
    for lines, g in zip(pages, geoms):
        for ln in lines:
            para = paras[-1] if paras else None
            glyph, rest = bullet_split(ln.text)
            is_bullet = glyph is not None or _is_dash_bullet(prev, ln, para, g)
            if "\t" in (rest if glyph is not None else ln.text):  # ("•<gap>text" is a bullet, not a table row)
                paras.append(_Para([ln], table=True))
            elif para is not None and para.table and prev is not None and _continues_cell(prev, ln, g):
                para.lines.append(ln)
            elif para is None or prev is None or is_bullet or _new_block(para, prev, ln, g, vocab):
                paras.append(_Para([ln], bullet=is_bullet))
            else:
                para.lines.append(ln)
            prev = ln
    return paras


# --------------------------------------------------------------------------- assembly
def _join_pieces(para: _Para, vocab: Vocabulary) -> list[str]:
    """The text each line contributes, as "own text" + "\0" + joiner to the next line."""
    pieces = [ln.text.strip() for ln in para.lines]
    if para.table:
        pieces[0] = "\t".join(c.strip() for c in pieces[0].split("\t") if c.strip())
    if para.bullet:
        glyph, rest = bullet_split(pieces[0])
        if glyph is None:
            rest = _DASH_BULLET_RE.sub("", pieces[0], count=1)
        pieces[0] = "• " + rest.strip()
    for i in range(1, len(pieces)):
        drop, joiner = line_joiner(pieces[i - 1], pieces[i], vocab)
        if drop:
            pieces[i - 1] = pieces[i - 1][: len(pieces[i - 1]) - drop]
        pieces[i - 1] += "\0" + joiner  # marker: where the line's own text ends
    return pieces


def _page_sizes(pages: Sequence[Sequence[Line]],
                page_sizes: Sequence[tuple[float, float]] | None) -> list[tuple[float, float]]:
    """(width, height) per page; estimated from the text where not given.

    Without sizes we assume margins that are symmetric around the text of the document.
    """
    lines = [ln for p in pages for ln in p]
    est_w = (max(ln.x1 for ln in lines) + min(ln.x0 for ln in lines)) if lines else 595.0
    est_h = (max(ln.bottom for ln in lines) + min(ln.top for ln in lines)) if lines else 842.0
    given = list(page_sizes or [])
    return [(float(given[i][0]), float(given[i][1])) if i < len(given) else (est_w, est_h)
            for i in range(len(pages))]


def _indent(dx: float) -> float:
    """Indent in points; sub-point offsets are glyph-box noise, not indentation."""
    return 0.0 if abs(dx) < 1.0 else round(dx, 1)


def _dominant_size(lines: Sequence[Line]) -> float:
    weight: Counter[float] = Counter()
    for ln in lines:
        weight[round(ln.size, 1)] += len(ln.text)
    return float(weight.most_common(1)[0][0]) if weight else 0.0


def build_doctext(
    pages: Iterable[list[Line]],
    page_count: int,
    *,
    page_sizes: Sequence[tuple[float, float]] | None = None,
    ocr_pages: Collection[int] = (),
) -> DocText:
    """Turn per-page visual lines into a `DocText` (see the module docstring).

    `page_sizes` ((width, height) per page) locate the header/footer bands; without them
    the page height is estimated from the text. Lines of `ocr_pages` get `Span.ocr=True`.
    """
    raw_pages = [list(p) for p in pages]
    while len(raw_pages) < page_count:
        raw_pages.append([])
    cleaned: list[list[Line]] = []
    for lines in raw_pages:
        row = []
        for ln in lines:
            text = normalize_text(ln.text)
            if text:
                row.append(replace(ln, text=text) if text != ln.text else ln)
        cleaned.append(row)
    sizes = _page_sizes(cleaned, page_sizes)
    body_pages = strip_furniture(cleaned, [h for _, h in sizes])

    # geometry per page size (a landscape appendix page has its own margins)
    widths = [round(w) for w, _ in sizes]
    by_width: dict[int, list[int]] = defaultdict(list)
    for i, w in enumerate(widths):
        by_width[w].append(i)
    geom_of = {w: measure([body_pages[i] for i in idx], float(w) if page_sizes else None)
               for w, idx in by_width.items()}
    geoms = [geom_of[w] for w in widths]

    vocab = Vocabulary.from_texts(ln.text for p in body_pages for ln in p)
    paras = paragraphs(body_pages, geoms, vocab)
    ocr_set = set(ocr_pages)

    text_parts: list[str] = []
    blocks: list[Block] = []
    spans: list[Span] = []
    pos = 0
    for para in paras:
        first = para.lines[0]
        g = geoms[first.page - 1] if 0 < first.page <= len(geoms) else geoms[0]
        if blocks:
            text_parts.append("\n")
            pos += 1
        start = pos
        pieces = _join_pieces(para, vocab)
        for ln, piece in zip(para.lines, pieces):
            own, _, joiner = piece.partition("\0")
            if own:
                spans.append(Span(pos, pos + len(own), ln.page, (ln.x0, ln.top, ln.x1, ln.bottom),
                                  ocr=ln.page in ocr_set))
            text_parts.append(own + joiner)
            pos += len(own) + len(joiner)
        # wrapped lines of a table row's last cell were joined onto that cell
        cells = "".join(text_parts[-len(para.lines):]).split("\t") if para.table else []
        blocks.append(Block(
            start=start,
            end=pos,
            page=first.page,
            bold=all(ln.bold for ln in para.lines),
            size=_dominant_size(para.lines),
            indent=_indent(first.x0 - g.left),
            bullet=para.bullet,
            cells=cells,
        ))
    return DocText("".join(text_parts), blocks, spans, page_count=max(page_count, len(raw_pages)),
                   ocr_pages=sorted(ocr_set), furniture=removed_texts(cleaned, body_pages))


def removed_texts(pages: list[list[Line]], kept: list[list[Line]]) -> list[str]:
    """Distinct texts (cells split) of the lines `strip_furniture` removed, page numbers left out."""
    seen: dict[str, None] = {}
    for lines, body in zip(pages, kept):
        kept_at = {(round(ln.top), round(ln.x0)) for ln in body}  # lines may be rebuilt, not identical
        for ln in lines:
            if (round(ln.top), round(ln.x0)) in kept_at:
                continue
            for cell in ln.text.split("\t"):
                cell = " ".join(cell.split())
                if cell and not is_page_number(cell):
                    seen.setdefault(cell, None)
    return list(seen)
