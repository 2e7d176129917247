"""Segmentation: front matter and the agenda items (numbered headings) of a minutes text.

Why sequence logic rather than a heading regex alone: numbered lines also occur in body
text ("2. december", numbered lists, a table of contents), and real layouts differ in how
headings look (bold or not, "Ad 3.", "Punkt 3:", "3 Title"). So every line that *could*
be a heading becomes a candidate with a weight from layout evidence (bold, a "Punkt"/"Ad"
prefix, a kind marker "(B)", short, no sentence-final period, followed by body text), and
a small dynamic programme picks the best-weighted sequence that numbers consistently:
next = previous + 1, a restart at 1 opens sub-items (8.1, 8.2 … until 9 appears),
"5. X og 6. Y" is two items sharing one text. A run of candidates with no text between
them whose numbered titles reappear later is a table of contents and is dropped first.

Numbering rules (documented choices):
- kind marker: the first letter of a trailing "(O)", "(B)", "(D)", "(O/B)" … decides
  ("(O/B)" → orientering); other parentheses such as "(SP)" belong to the title.
- the first item may be numbered 0 or 1, or anything with strong heading evidence.
- one or two missing numbers (N → N+2) are tolerated at a cost when the heading is strong,
  so a lost heading does not lose the rest of the agenda.
- when the agenda's top-level headings share a style (bold, or a "Punkt"/"Ad" prefix), a
  restarted "1." without it is read as a list in the body, not as sub-item N.1.
- a table of contents / agenda list is dropped when its numbered titles reappear; when
  they reappear only as unnumbered headings, the items start at those headings.
- "1. Godkendelse af referat: Referatet blev godkendt." is a heading with its text on
  the same line: the title ends at the first ': ' / '. '; on a line that is not bold
  throughout (a bold heading run then plain text) also at ' – ' or ': ' + lower case.
- an access marker "(Åben)", "(Lukket punkt)", "Lukket punkt:", "… (Lukket)" is not part
  of the title; a closed item with no text is still an item.
- a heading title stops before a sub-point line ("a) Forslag om …"); a kind given on the
  line under the heading ("Formål: Beslutning", "Til drøftelse") is the item's kind.
- not headings: a number on a wrapped line of a sentence ("… under behandlingen af" /
  "punkt 7."), and a "title" that is a document section label ("Indholdsfortegnelse").
Item ranges: char_start = heading start, heading_end = end of the (wrapped) title,
char_end = start of the next item at the same or a higher level (a parent covers its
sub-items); the last item runs to the end of the text. Text before the first item is the
front matter (`extract.frontmatter`).
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from extract import outline
from extract.doctext import Block, DocText
from extract.frontmatter import FrontMatter, TextLine, layout_lexicon, parse_front, text_lines
from extract.schema import Item

__all__ = ["FrontMatter", "Segmentation", "segment", "find_items"]


@dataclass
class Segmentation:
    front: FrontMatter
    items: list[Item]


def segment(doc: DocText, source_stem: str = "") -> Segmentation:
    """Split a document into front matter and agenda items (`source_stem`: the file name,
    a hint for the year of a meeting date printed without one)."""
    items = find_items(doc)
    appendix = _appendix_start(doc) if items else None
    if appendix is None or items[0].char_start >= appendix:
        # no numbered agenda (numbers only in an appendix, "Bilag A: … 1. Valg af dirigent"):
        # the styled headings are the items, else plain short heading lines
        items = styled_items(doc, appendix) or plain_items(doc) or items
    elif len(items) == 1:
        # one numbered heading among unnumbered ones of the same style ("Valg af dirigent", …,
        # "6. Eventuelt"): the styled headings are the items, the printed number kept
        items = _styled_around(doc, items[0], styled_items(doc, appendix))
    end = items[0].char_start if items else len(doc.text)
    return Segmentation(front=parse_front(doc, end, source_stem), items=attached_texts(doc, items))


def _styled_around(doc: DocText, numbered: Item, styled: list[Item]) -> list[Item]:
    """The items when a single numbered heading stands among unnumbered styled ones: the styled
    headings when they include it; when it comes after them ("Valg af dirigent" … "Behandling af
    indkomne forslag." in one style, then "Valg til bestyrelsen:" and "6. Eventuelt" in another), the
    styled headings, the closing items after them and the numbered one, if its number continues theirs."""
    if len(styled) < 3:
        return [numbered]
    if any(s.number == numbered.number and s.char_start <= numbered.char_start < s.heading_end for s in styled):
        return styled
    if not numbered.number.isdigit() or numbered.char_start < styled[-1].heading_end:
        return [numbered]
    head = [*styled[:-1], styled[-1].model_copy(update={"char_end": numbered.char_start})]
    head = _closing_item(doc, text_lines(doc), head)
    if head[-1].number.isdigit() and int(head[-1].number) + 1 == int(numbered.number):
        return head + [numbered]
    return [numbered]


# --------------------------------------------------------------------------- attached texts

#: an item that says its text is attached: "Beretningen … er særskilt vedlagt", "(se bilag)"
_ATTACHED = re.compile(r"\b(?:vedlagt|vedhæftet|vedlægges|vedhæftes|se\s+bilag)\b", re.I)
_STEM_WORD = re.compile(r"[^\W_]{3,}|\d{4}")


def attached_texts(doc: DocText, items: list[Item]) -> list[Item]:
    """Minutes that attach a report after the last item ("2. Beretning" / "Beretningen 2023 er
    særskilt vedlagt", then on a later page a heading "Beretning 2023" and the report): that
    text is the earlier item's, not the last item's. The heading must open its page, be short,
    and each of its words must begin a word of the item's sentence that says it is attached.
    The last item then ends where the attached text starts; the earlier item records the
    range in `attachment_start` / `attachment_end`."""
    if len(items) < 2:
        return items
    last = items[-1]
    refs: list[tuple[Item, list[str]]] = []
    for it in items[:-1]:
        body = doc.text[it.heading_end or it.char_start:it.char_end]
        for line in body.split("\n"):
            if _ATTACHED.search(line):
                refs.append((it, [w.casefold() for w in _STEM_WORD.findall(line)]))
    if not refs:
        return items
    prev_page = None
    for b in doc.blocks:
        page, prev_page = prev_page, b.page
        if b.start <= (last.heading_end or last.char_start) or b.page == page or b.bullet:
            continue  # (only the first block of a page after the last item's heading)
        head = doc.block_text(b).strip().split("\n")[0].strip()
        words = [w.casefold() for w in _STEM_WORD.findall(head)]
        if not words or len(head.split()) > 12 or head[-1:] in ".,;:" or not head[:1].isupper():
            continue
        for it, ref in refs:
            # every word of a short heading ("Beretning 2023"), or the first word of a longer one
            # naming its author ("Beretning fra formand for fodbold – Eva Holm", "beretninger vedhæftet")
            if (all(any(r.startswith(w) for r in ref) for w in words) if len(head.split()) <= 6
                    else len(words[0]) >= 5 and any(r.startswith(words[0]) for r in ref)):
                out = [x.model_copy(update={"attachment_start": b.start, "attachment_end": last.char_end})
                       if x is it else x for x in items[:-1]]
                return out + [last.model_copy(update={"char_end": b.start})]
    return items


# --------------------------------------------------------------------------- unnumbered headings

#: the label of an item's list of attachments, alone on its line
_ATTACHMENT_LABEL = re.compile(r"^\s*(?:bilag|bilagsliste|bilagsoversigt|bilagsfortegnelse|vedlagte\s+bilag)\s*:?\s*$", re.I)
_APPENDIX = re.compile(r"^(?:bilag|appendiks|appendix|anneks)\b", re.I)


def _blocks_body_size(blocks: list[Block]) -> float:
    sizes: Counter[float] = Counter()
    for b in blocks:
        sizes[round(b.size * 2) / 2] += b.end - b.start
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _appendix_start(doc: DocText, body: float | None = None) -> int:
    """Offset of the first appendix heading ("Bilag", "Bilag A", "Appendiks") set larger than
    the body (`body`: its font size, when known) or in bold; the text's end when there is none."""
    body = _blocks_body_size(doc.blocks) if body is None else body
    for b in doc.blocks[1:]:
        t = doc.block_text(b).strip()
        if _APPENDIX.match(t) and len(t.split()) <= 6 and (b.bold or (body and b.size >= body + 1.0)):
            return b.start
    return len(doc.text)


def styled_items(doc: DocText, appendix: int | None = None) -> list[Item]:
    """Minutes whose headings carry no numbers (a LaTeX or Word document with section
    styles): the headings of the largest font size above the body's that recurs, before any
    appendix, are the items, numbered 1, 2, … in order. The first block is the title; a
    heading is short, has no final full stop and is no list entry. Bold body-sized headings
    count only when no larger size heads two blocks. `appendix`: where the appendix starts,
    when the caller has found it already."""
    if len(doc.blocks) < 3:
        return []
    body = _blocks_body_size(doc.blocks)
    heads: list[tuple[float, Block]] = []
    appendix = _appendix_start(doc, body) if appendix is None else appendix
    for b in doc.blocks[1:]:
        t = doc.block_text(b).strip()
        if b.start >= appendix:
            break
        words = t.split()
        if (not words or len(words) > 12 or b.bullet or (t[-1] in ".,;" and not _one_line_title(t))
                or not _UPPER_START.match(t) or (b.cells and len(b.cells) > 1)):
            continue
        size = round(b.size * 2) / 2
        if size >= body + 1.0:
            heads.append((size, b))
        elif b.bold and size >= body - 0.5:
            heads.append((0.0, b))  # (a bold body-sized heading: the weakest level)
    counts = Counter(size for size, _ in heads)
    level = max((sz for sz, n in counts.items() if n >= 2), default=None)
    if level is None:
        return []
    return _numbered_in_order(doc, [b for size, b in heads if size == level])


#: a number printed before an otherwise unnumbered heading ("6. Eventuelt" after "Valg af dirigent", …)
_PRINTED_NUMBER = re.compile(r"^(\d{1,2})[.)]\s+(?=\S)")


def _numbered_in_order(doc: DocText, heads: list[Block]) -> list[Item]:
    """Heading blocks as items numbered 1, 2, … in order (a printed number kept), each up to the next."""
    items = []
    for k, b in enumerate(heads):
        end = heads[k + 1].start if k + 1 < len(heads) else len(doc.text)
        text = doc.block_text(b).strip()
        m = _PRINTED_NUMBER.match(text)
        title, kind = split_kind(text[m.end():].strip().rstrip(":.") if m else text.rstrip(":"))
        if m is None and title.endswith(".") and _one_line_title(title):
            title = title[:-1]
        items.append(Item(number=m.group(1) if m else str(k + 1), title=title, kind=kind, char_start=b.start,
                          char_end=end, heading_end=b.end))
    return items


def _one_line_title(t: str) -> bool:
    """A one-line heading closed by a full stop ("Juridisk gennemgang v. Alexander Holm."): one line,
    one sentence (a full stop inside only after an abbreviation of one or two letters)."""
    return "\n" not in t and t.endswith(".") and not re.search(r"(?<![\s(])[^\W\d]{3,}\.\s", t[:-1])


#: a plain heading: a short line of a capital word and lower-case words, nothing after a colon
_PLAIN_HEAD = re.compile(r"[A-ZÆØÅ][\wæøå-]*(?:[ \t]+[\wæøå/&-]+){0,5}")


def plain_items(doc: DocText) -> list[Item]:
    """Minutes with neither numbers nor heading styles (every line in the body font): short lines
    standing alone over a bullet list, a long paragraph or a sentence are the items ("Konstituering af bestyrelsen",
    "Øvrige emner", "Næste møde"), at least three of them. A line of capitalised words only
    ("Helle Olsen") is a name, not a heading; a line ending in a colon is a label."""
    from extract.attendance import _names

    first = _names().first
    heads = []
    blocks = doc.blocks
    for k in range(1, len(blocks) - 1):
        b, nxt = blocks[k], blocks[k + 1]
        t = doc.block_text(b).strip()
        if b.bullet or not _PLAIN_HEAD.fullmatch(t) or not t[:1].isupper():
            continue
        words = t.split()
        if all(w[:1].isupper() for w in words) and (len(words) > 1 or words[0].casefold() in first):
            continue  # a name
        following = doc.block_text(nxt).strip()
        if nxt.bullet or len(following.split()) >= 8 or (following.endswith((".", "!", "?")) and len(following.split()) >= 4):
            heads.append(b)
    return _numbered_in_order(doc, heads) if len(heads) >= 3 else []


# --------------------------------------------------------------------------- candidates

_UPPER_START = re.compile(r"^[\"'“”‘’«»„]?[A-ZÆØÅÄÖÜÉ]")


@lru_cache(maxsize=1)
def _head_re() -> re.Pattern:
    prefixes = sorted(layout_lexicon("headings")["number_prefixes"], key=len, reverse=True)
    pre = "|".join(re.escape(p).replace(r"\ ", r"\s*") for p in prefixes)
    return re.compile(
        rf"^(?P<prefix>(?:{pre})\s*)?"
        r"(?P<num>\d{1,3})(?:\.(?P<sub>\d{1,2}))?"
        r"(?:\s*(?:og|&|\+|,)\s*(?P<num2>\d{1,3})(?![.\d]\d))?"
        r"(?P<punct>\.(?:[ \t]*\.)?(?!\d)|:|\)|\s+[-–—]\s|(?=\s))?"  # ("7..Kontingent": a doubled full stop)
        r"[ \t]*(?P<title>.*)$",
        re.I,
    )


@lru_cache(maxsize=1)
def _kind_re() -> re.Pattern:
    words = sorted((k for k in layout_lexicon("headings")["kind_markers"] if len(k) > 1), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\s*[\(\[]\s*(?P<k>[OBD](?:\s*[/+,&]\s*[OBD])*|{alt})\s*[\)\]]\s*[.:]?\s*$", re.I)


def split_kind(title: str) -> tuple[str, str | None]:
    """'Status (O)' → ('Status', 'orientering'); '(O/B)' takes the first letter."""
    m = _kind_re().search(title)
    if not m:
        return title, None
    k = m.group("k").lower()
    markers = layout_lexicon("headings")["kind_markers"]
    kind = markers.get(k) or markers.get(k[0])
    return title[: m.start()].rstrip(), kind


@lru_cache(maxsize=1)
def _status_res() -> tuple[re.Pattern, re.Pattern]:
    """An access marker around a title ("(Åben)", "(Lukket punkt)", "Lukket punkt:"): public
    or closed item, not part of the title. Leading: in brackets, or followed by ':' / a dash;
    trailing: in brackets only."""
    words = sorted(layout_lexicon("headings")["status_markers"], key=len, reverse=True)
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    lead = re.compile(rf"^\s*(?:[\(\[]\s*(?:{alt})\s*[\)\]]\s*[:.–-]?|(?:{alt})\s*(?::|\s[–-]))\s*", re.I)
    trail = re.compile(rf"\s*[\(\[]\s*(?:{alt})\s*[\)\]]\s*$", re.I)
    return lead, trail


def strip_status(title: str) -> str:
    """'(Åben) Meddelelser' / 'Lukket punkt: Salg af grund' / 'Salg (Lukket)' → the bare title."""
    lead, trail = _status_res()
    return trail.sub("", lead.sub("", title, count=1))


_LEADERS = re.compile(r"(?:\s*\.{3,}|\s*…+|\t|\s{3,})\s*(?:side\s*)?\d{1,3}\s*$", re.I)
_CONNECTORS = {"og", "for", "i", "af", "til", "på", "med", "om", "ved", "vedr.", "samt", "eller", "fra", "mellem",
               "den", "det", "de", "en", "et", "af", "under", "efter", "inden", "over", "hos", "jf."}


@dataclass
class _Cand:
    line: int  # index of the heading's first line
    last_line: int  # index of its last line (wrapped titles)
    start: int
    heading_end: int
    num: int
    sub: int | None
    num2: int | None
    title: str
    title2: str | None
    kind: str | None
    prefix: bool
    punct: str
    bold: bool
    toc: bool = False
    weight: float = 1.0
    list_like: bool = False
    extra: dict = field(default_factory=dict)


def _norm_title(t: str) -> str:
    return re.sub(r"\s+", " ", t).strip().lower()


def _join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out.endswith("-") and not out.endswith(" -") and p[:1].islower():
            out = out[:-1] + p
        else:
            out = f"{out} {p}" if out else p
    return re.sub(r"\s+", " ", out).strip()


def _extend(parts: list[str], doc: DocText, lines: list[TextLine], last: int, j: int) -> None:
    """Add line j to a wrapped title. Within one block the PDF layer already joined the
    lines (a space, or nothing after a repaired hyphen), so take the text as it is."""
    if lines[j].block == lines[last].block:
        parts[-1] += doc.text[lines[last].end:lines[j].end]
    else:
        parts.append(doc.text[lines[j].start:lines[j].end].strip())


def _ends_sentence(title: str) -> bool:
    t = title.rstrip()
    if not t.endswith("."):
        return False
    last = t.split()[-1].lower()
    return last not in layout_lexicon("headings")["title_abbreviations"] and not re.search(r"\d\.$", t)


def _match_head(text: str) -> re.Match | None:
    m = _head_re().match(text)
    if not m:  # "(Lukket) 7. Salg af grund": the access marker before the number
        sm = _status_res()[0].match(text)
        if not sm or not sm.end():
            return None
        text = text[sm.end():]
        m = _head_re().match(text)
    if not m:
        return None
    if m.group("punct") is None and not m.group("prefix") and m.group("title") and not text[m.end("num"):][:1].isspace():
        return None
    return m


def _is_head_line(text: str) -> bool:
    m = _match_head(text)
    return bool(m and _UPPER_START.match(strip_status(m.group("title") or "") or "X"))


def _mid_sentence(texts: list[str], lines: list[TextLine], i: int) -> bool:
    """'… under behandlingen af\npunkt 7.': a number on a wrapped line of a paragraph whose
    previous line stops at a connector word or a comma is part of the sentence, not a heading."""
    if lines[i].first or i == 0 or lines[i - 1].block != lines[i].block:
        return False
    prev = texts[i - 1].rstrip()
    if not prev or prev[-1] in ".:!?;)":
        return False
    return prev.endswith(",") or prev.split()[-1].lower() in _CONNECTORS | {"se", "jf"}


def _section_label(title: str, weak: bool = False) -> bool:
    """'Indholdsfortegnelse', 'Bilag' (and, under a number line written like running text,
    "punkt 7.", also 'Dagsorden', 'Referat'): a label of the document's own structure, not an
    agenda item's title. ("Pkt. 1" + "Dagsorden" is a real item in many associations' minutes.)"""
    lex = layout_lexicon("headings")
    t = title.strip().rstrip(":").strip().lower()
    return t in lex["section_labels"] or (weak and t in lex["weak_section_labels"] + lex["toc_labels"])


def _opens_paragraph(doc: DocText, lines: list[TextLine], i: int) -> bool:
    """'Ad 6.' over 'Status på indendørs tennis er 4 …' wrapping on: line `i` is the first of
    a block that runs on for more words than a title has and ends a sentence; running text."""
    ln = lines[i]
    if not ln.first or ln.last:
        return False
    block = doc.text[doc.blocks[ln.block].start:doc.blocks[ln.block].end]
    return len(block.split()) > 15 and _ends_sentence(block)


def _candidates(doc: DocText, lines: list[TextLine]) -> list[_Cand]:
    texts = [doc.text[ln.start:ln.end] for ln in lines]
    right = _right_margins(lines)
    out: list[_Cand] = []
    i = 0
    listing = 0  # inside the numbered list under an item's "Bilag" label: the number expected next
    while i < len(lines):
        ln, text = lines[i], texts[i]
        m = _match_head(text)
        if _ATTACHMENT_LABEL.match(text):
            listing = 1
            i += 1
            continue
        if listing and m and not m.group("sub") and int(m.group("num")) == listing:
            listing += 1  # "Bilag" + "1. Budgetforlig 2023", "2. Notat": the item's attachments, not sub-items
            i += 1
            continue
        if listing > 1 and not m and ln.block == lines[i - 1].block:
            i += 1  # (an entry wrapping onto a second line)
            continue
        listing = 0
        if not m or _mid_sentence(texts, lines, i):
            i += 1
            continue
        title = strip_status(m.group("title").strip())
        prefix = bool(m.group("prefix"))
        punct = (m.group("punct") or "").strip()
        last = i
        toc = False
        if _LEADERS.search(title) and len(title) > 3:  # dot leaders / page number: a TOC line
            toc = True
            title = _LEADERS.sub("", title).strip()
        if not title:  # "Ad 3." / "3." alone: the title is the next short line
            if (prefix or punct in {".", ":"}) and i + 1 < len(lines):
                nxt = texts[i + 1].strip()
                # (not a line of sentences: "Kaj gennemgik regnskabet. Vi har et overskud på kr. 2.150.")
                if nxt and _UPPER_START.match(nxt) and len(nxt.split()) <= 15 and not _ends_sentence(nxt) \
                        and not re.search(r"[a-zæøå]{3}\.\s+[A-ZÆØÅ]", nxt) \
                        and not _match_head(nxt) and not _opens_paragraph(doc, lines, i + 1) \
                        and not _section_label(nxt, weak=(m.group("prefix") or "")[:1].islower()):
                    title, last = nxt, i + 1
            if not title and prefix and i + 1 < len(lines):
                # "Ad 1." over a bullet or a paragraph: a heading whose title is in the agenda
                # list before it (filled in by `_drop_toc` from the list entry's twin)
                out.append(_Cand(line=i, last_line=i, start=ln.start, heading_end=ln.end, num=int(m.group("num")),
                                 sub=int(m.group("sub")) if m.group("sub") else None, num2=None, title="",
                                 title2=None, kind=None, prefix=True, punct=punct, bold=ln.bold))
                i += 1
                continue
            if not title:
                i += 1
                continue
        # (after "Ad 7 –" a title may start in lower case: "Ad 7 – valg til bestyrelse")
        lower_ok = prefix and punct in ("-", "–", "—")
        if not (_UPPER_START.match(title) or lower_ok and title[:1].isalpha()) or len(title) < 2 or _section_label(title):
            i += 1
            continue
        # wrapped titles: join continuation lines
        parts = [title]
        for _ in range(2):
            j = last + 1
            if j >= len(lines):
                break
            if split_kind(_join(parts))[1]:
                break
            nxt = texts[j].strip()
            if not nxt or _is_head_line(nxt) or _SUBPOINT.match(nxt):
                break
            same_block = lines[j].block == lines[last].block
            if same_block and ln.bold:
                _extend(parts, doc, lines, last, j)
                last = j
                continue
            if lines[j].bold and not ln.bold:
                break
            cur = _join(parts)
            words = cur.split()
            wrapped = len(cur) >= 55 or (right.get(ln.page) and ln.x1 >= right[ln.page] - 20)
            open_end = cur.endswith("-") or cur.endswith(",") or (words and words[-1].lower() in _CONNECTORS)
            low_start = nxt[:1].islower() or nxt[:1].isdigit()
            short = len(nxt.split()) <= 12 and not _ends_sentence(nxt)
            marker_next = split_kind(nxt)[1] is not None and len(nxt.split()) <= 12
            if (open_end and (low_start or short)) or (low_start and (wrapped or marker_next) and short) \
                    or (marker_next and (low_start or wrapped)):
                _extend(parts, doc, lines, last, j)
                last = j
                continue
            break
        full = _join(parts)
        heading_end = lines[last].end
        line_wraps = len(full) >= 55 or bool(right.get(ln.page) and ln.x1 >= right[ln.page] - 20)
        if (last == i and (_ends_sentence(full) or len(full.split()) > 12 or _COLON_SENTENCE.search(full)
                           or (line_wraps and _COLON_TEXT.search(full)))) \
                or (last > i and len(full.split()) > 12 and _COLON_SENTENCE.search(full)) \
                or re.search(r"[a-zæøå]{3}\.\s+(?!Ved\b)[A-ZÆØÅ][a-zæøå]+(?:\s+[\wæøå]+){2}", full):
            # ("8. Trøjer med logo. Skal vi bestille …": a sentence after the title; not "… Ved kasserer X")
            # "1. Godkendelse af referat: Referatet blev godkendt." – heading and text on one line
            # (also when the text wraps: "2. Runde: Hvad laver alle og …" / "hvem vil …")
            cut = _inline_heading_cut(full, dash=not ln.bold)
            if cut and full[cut] == ":" and _COLON_SUBTITLE.fullmatch(full[cut + 1:]) \
                    and not re.search(r"\bvalg\b", full[:cut], re.I):  # ("Valg af dirigent: Eva Holm." names the elected)
                cut = None  # "4.1) Ændringer af vedtægter: Ny postadresse." – a subtitle, not the item's text
            if cut and full[:cut] in text:
                heading_end = ln.start + text.index(full[:cut]) + cut + 1  # the text starts after ':' / '.'
                full = full[:cut]
        full = re.sub(r"\s*[:,;–-]\s*$", "", full) if not full.endswith(" -") else full
        full, kind = split_kind(strip_status(full))
        full = strip_status(full)
        if kind is None and last + 1 < len(lines):  # "Formål: Beslutning" / "Til orientering" below it
            kind = _kind_line(texts[last + 1])
            if kind:
                last += 1
                heading_end = lines[last].end
        full = _PROPOSER_NOTE.sub("", full.rstrip(" :"))
        num = int(m.group("num"))
        sub = int(m.group("sub")) if m.group("sub") else None
        num2 = int(m.group("num2")) if m.group("num2") else None
        title2 = None
        if num2 is None and sub is None:
            cm = re.match(r"^(?P<a>.+?)\s+(?:og|samt|&)\s+(?:(?:punkt|pkt\.?)\s*)?(?P<n>\d{1,3})[.:]?\s+(?P<b>[A-ZÆØÅ].*)$",
                          full)
            if cm and int(cm.group("n")) == num + 1:
                num2, full, title2 = num + 1, cm.group("a").strip(), cm.group("b").strip()
        elif num2 is not None and num2 != num + 1:
            num2 = None
        out.append(_Cand(line=i, last_line=last, start=ln.start, heading_end=heading_end, num=num, sub=sub,
                         num2=num2, title=full, title2=title2, kind=kind, prefix=prefix, punct=punct,
                         bold=ln.bold, toc=toc))
        i = last + 1
    return out


#: "7. Valg af suppleanter: På valg er Ole og Jørn": a clause with a finite verb after the colon is
#: text, not a subtitle ("Kommuneplan 2025: Forslag til nye rammer" has no verb)
_COLON_SENTENCE = re.compile(r":\s+[A-ZÆØÅ][^:]*?\b(?i:er|var|blev|bliver|har|havde|kan|skal|vil)\b")


#: "9. Flere frivillige (Forslag fra Eva Holm)": who brought the point is a note, not the title
_PROPOSER_NOTE = re.compile(r"\s*\((?i:forslag|oplæg|indlæg|ønske|punkt)\s+(?:fra|ved|v/)\s*[A-ZÆØÅ][^()]{1,40}\)$")


#: what may follow a title's colon as its subtitle: 2-8 words, none a verb or a verdict, ending in a full stop
_COLON_SUBTITLE = re.compile(r"\s+(?!.*\b(?i:er|var|blev|bliver|har|havde|kan|skal|vil|godkendt|godkendes|vedtaget"
                             r"|vedtages|taget|forkastet|udsat|afvist|intet|ingen|ok)\b)[^\s.:?!]+(?:\s+[^\s.:?!]+){1,7}\.")


#: "3. Vedtægter: For at undgå problemer som ved" on a full line whose sentence runs on below:
#: four or more words after the colon that the next line continues are text, not a subtitle
_COLON_TEXT = re.compile(r":\s+[A-ZÆØÅ][\wæøå]*(?:\s+\S+){3,}$")


def _inline_heading_cut(title: str, dash: bool = False) -> int | None:
    """Where a short title ends when the body text follows on the same line: at the first
    ': ' or '. ' (not after an abbreviation) with 1–10 words before it and a capital after.
    With `dash` (the line is not bold throughout, so a bold heading run may be followed by
    plain text): also at ' – ' / ' - ' or a ': ' before a lower-case word, when 1–8 words
    precede it and a sentence of 2+ words follows ("Referat fra sidst – godkendt uden …")."""
    abbrev = layout_lexicon("headings")["title_abbreviations"]
    for m in re.finditer(r"[:.](?=\s+[\"'“”]?[A-ZÆØÅ])", title[:120]):
        left = title[: m.start()].strip()
        words = left.split()
        if not 1 <= len(words) <= 10:
            continue
        if m.group() == "." and (words[-1].lower() + "." in abbrev or len(words[-1]) <= 2 or words[-1][-1:].isdigit()):
            continue
        return m.start()
    if dash and re.search(r"[.!?]$", title.rstrip()):
        for m in re.finditer(r"(?<=\s)[–—-](?=\s+\S)|:(?=\s+[a-zæøå])", title[:120]):
            if 1 <= len(title[: m.start()].split()) <= 8 and len(title[m.end():].split()) >= 2:
                return m.start()
    return None


_SUBPOINT = re.compile(r"^(?:\(?[a-zæøå]\s?\)|[a-zæøå]\.\s|[•▪◦·–-]\s)")  # "a)", "a )", "(a)", "a. ", "• "


def _kind_line(text: str) -> str | None:
    """The item kind on its own line under a heading: 'Formål: Orientering', 'Sagstype:
    Beslutning', 'Til drøftelse' (a bare 'Beslutning' is a section label, not a kind)."""
    lex = layout_lexicon("headings")
    t = re.sub(r"\s+", " ", text).strip().rstrip(".").strip().lower()
    labels = "|".join(re.escape(w) for w in sorted(lex["kind_line_labels"], key=len, reverse=True))
    m = re.match(rf"(?:{labels})\s*:\s*(?P<v>.+)$", t)
    value = m.group("v").strip() if m else t
    kind = lex["kind_markers"].get(value) if len(value) > 1 else None
    if kind and (m or value.startswith("til ")):
        return kind
    return None


def _right_margins(lines: list[TextLine]) -> dict[int, float]:
    """Per page, the x1 that full-width body lines reach (0 when there is no geometry)."""
    by_page: dict[int, list[float]] = {}
    for ln in lines:
        if ln.x1 > 0:
            by_page.setdefault(ln.page, []).append(ln.x1)
    return {p: sorted(v)[int(len(v) * 0.9) - 1 if len(v) > 1 else 0] for p, v in by_page.items()}


def _body_size(doc: DocText) -> float:
    sizes = [b.size for b in doc.blocks if b.size > 0 for _ in range(max(1, (b.end - b.start) // 80))]
    return statistics.median(sizes) if sizes else 0.0


def _weigh(doc: DocText, lines: list[TextLine], cands: list[_Cand]) -> None:
    body_size = _body_size(doc)
    multiline_blocks = any(not ln.last for ln in lines)
    cand_lines = {c.line for c in cands}
    by_line = {c.line: c for c in cands}
    # an outline: numbered lines set well right of where most numbered lines start are a
    # deeper level ("3. Vedtægter" / "a. …" / "i. …" / "1. Siden sidst"), not agenda items
    columns = Counter(round(lines[c.line].x0 / 5) for c in cands if c.title)
    column, n_column = columns.most_common(1)[0] if columns else (0, 0)
    for c in cands:
        ln = lines[c.line]
        w = 1.0
        if n_column >= 3 and ln.x0 > column * 5 + 30:
            w -= 2.0
        if c.prefix:
            w += 1.0
        if c.kind:
            w += 1.0
        if ln.bold and ln.first:
            w += 1.0
        if body_size and ln.size > body_size + 0.5:
            w += 0.5
        if _ends_sentence(c.title) and not c.kind:
            # "2. Bestyrelsens beretning." alone on its line, text under it: a heading written
            # like a sentence, common in associations' minutes; a longer one is a list entry
            # (or over its own sub-items: "4) Indkomne forslag." / "4.1) Ændring af § 3")
            # ("5. Forelæggelse af budget for indeværende år til godkendelse." is still a heading;
            # the longer the sentence the likelier it is a numbered point of the text)
            n_head = len(c.title.split(": ")[0].split())
            alone = n_head <= 10 and ((c.last_line + 1) not in cand_lines
                                      or (nxt := by_line[c.last_line + 1]).num == c.num and nxt.sub == 1)
            w -= (0.25 if n_head <= 6 else 0.6) if alone else 1.0
        cut = _inline_heading_cut(c.title)  # ("2. Runde: Hvad laver …": a short heading, then text)
        n_words = len(c.title[:cut].split())
        if n_words > 30:
            w -= 2.0
        elif n_words > 20:
            w -= 1.0
        if c.punct == ")":
            w -= 0.5
        if not c.punct and not c.prefix and not ln.bold:
            w -= 0.5
        if multiline_blocks and not ln.first and not ln.bold:
            w -= 0.5
        c.weight = w
        nxt = c.last_line + 1
        c.list_like = nxt in cand_lines
        c.extra["strong"] = c.prefix or bool(c.kind) or (ln.bold and ln.first) or \
            bool(body_size and ln.size > body_size + 0.5)


# --------------------------------------------------------------------------- table of contents


_AGENDA_SUBPOINT = re.compile(rf"{outline.MARK}[.)](?:[ \t]+\S+){{1,8}}[ \t]*")


def _drop_toc(lines: list[TextLine], cands: list[_Cand], doc: DocText) -> list[_Cand]:
    """Remove table-of-contents entries: within a run of candidates with no text between
    them, the entries whose numbered title reappears later, and everything in the run
    before the last such entry. The first real heading often directly follows the list
    (same run) and has no later twin, so it stays."""
    if not cands:
        return cands
    runs: list[list[int]] = [[0]]
    for k in range(1, len(cands)):
        prev, cur = cands[k - 1], cands[k]
        between = [doc.text[lines[j].start:lines[j].end].strip() for j in range(prev.last_line + 1, cur.line)]
        # (page numbers, bullets and an agenda entry's own lettered sub-points "a. Medlemmer på valg" are no body)
        body = [t for t in between if t and not re.fullmatch(r"(?:side\s*)?\d{1,3}|[-–•]", t, re.I)
                and not _AGENDA_SUBPOINT.fullmatch(t)]
        if body:
            runs.append([k])
        else:
            runs[-1].append(k)
    drop: set[int] = set()
    for run in runs:
        if len(run) >= 3:
            _renumber_misprinted(cands, run)
        twins_in_run = [j for k in run if (j := _later_twin(cands, k)) is not None and j in run]
        if twins_in_run:
            # the list runs straight into the first real heading ("7. Eventuelt" then
            # "1. Godkendelse ..."): everything before that heading is the list, even entries
            # whose own headings lie beyond the text we have (a truncated or one-page excerpt)
            first_real = min(twins_in_run)
            drop.update(k for k in run if k < first_real)
            for k in run:
                twin = (_later_twin(cands, k) or _same_number_after(cands, k, first_real - 1)) if k < first_real else None
                if twin is not None:  # (and "Ad 1." under the agenda list takes its title from it)
                    _listed(cands[k], cands[twin])
            continue
        twinned = [k for k in run if _later_twin(cands, k) is not None]
        if not twinned or (len(run) < 2 and not cands[run[0]].toc):
            continue
        if len(twinned) < max(1, len(run) / 2) - 1 and not any(cands[k].toc for k in run):
            continue
        last = max(twinned)
        for k in run:
            if k <= last:
                drop.add(k)
                # the agenda list's wording is the item's title (a table of contents only fills a gap);
                # the body's heading of the same number may word it differently ("Valg af to suppleanter"
                # in the list, "Valg af suppleanter til bestyrelsen" over the text)
                twin = _later_twin(cands, k)
                twin = twin if twin is not None else _same_number_after(cands, k, last)
                if twin is not None:
                    _listed(cands[k], cands[twin])
    return [c for k, c in enumerate(cands) if k not in drop]


def _listed(entry: _Cand, heading: _Cand) -> None:
    """`heading` repeats the agenda list's `entry` over the item's text: it takes the listed
    title, and the repetition itself marks it a heading, whatever its style ("2. Bestyrelsens
    beretning for det senest forløbne år." reads like a sentence, but the agenda named it)."""
    heading.title = _agenda_title(entry, heading.title)
    heading.weight = max(heading.weight, 0.5)


def _agenda_title(entry: _Cand, heading: str) -> str:
    """The title of an item listed in the agenda and headed again over its text: the agenda is
    the item's official name ("Valg af dirigent" listed, "Valg af dirigent samt referent" over
    the text; "Valg af to suppleanter" / "Valg af suppleanter til bestyrelsen"). The heading's
    when the list gives none, is a table of contents, or adds only a date or a page number to
    the heading ("Godkendelse af referat fra mødet den 4. oktober" / "Godkendelse af referat")."""
    listed = entry.title
    if not heading:
        return listed
    if entry.toc or not listed:
        return heading
    a, b = _norm_title(listed), _norm_title(heading)
    return heading if a.startswith(b) and re.search(r"\d", a[len(b):]) else listed


def _same_number_after(cands: list[_Cand], k: int, after: int) -> int | None:
    """The first candidate after index `after` with the number of cands[k] (its body heading)."""
    c = cands[k]
    return next((j for j in range(after + 1, len(cands))
                 if (cands[j].num, cands[j].sub, cands[j].num2) == (c.num, c.sub, c.num2)), None)


def _normed_titles_match(a: str, b: str) -> bool:
    """Two normalised titles name the same item: nearly the same words, or one (12+ letters) starts the other."""
    return bool(a and b) and (fuzz.ratio(a, b) >= 80 or (min(len(a), len(b)) >= 12 and (a.startswith(b) or b.startswith(a))))


def _titles_match(a: str, b: str) -> bool:
    return _normed_titles_match(_norm_title(_LEADERS.sub("", a)), _norm_title(b))


def _renumber_misprinted(cands: list[_Cand], run: list[int]) -> None:
    """An agenda list '4. Valg af medlemmer til bestyrelsen …' whose heading over the text is
    printed '6. Valg af medlemmer til bestyrelsen …' (a typo: the list's 6 is another item):
    the heading takes the list's number, so the items keep the agenda's order."""
    listed = {(cands[k].num, cands[k].sub): cands[k].title for k in run}
    end = max(run)
    for k in run:
        c = cands[k]
        if _later_twin(cands, k) is not None:
            continue
        for j in range(end + 1, len(cands)):
            o = cands[j]
            if o.sub != c.sub or o.num == c.num or o.num2 is not None or not _titles_match(c.title, o.title):
                continue
            own = listed.get((o.num, o.sub))
            if own is None or not _titles_match(own, o.title):
                o.num = c.num
            break


def _abbreviates(short: str, long: str) -> bool:
    """'evt.' for 'eventuelt', 'div.' for 'diverse': a one-word title abbreviated with a full
    stop (its letters in order, the first one first)."""
    if not (short.endswith(".") and " " not in short and len(short) >= 3 and " " not in long
            and len(long) > len(short) and long[:1] == short[:1]):
        return False
    rest = iter(long)
    return all(ch in rest for ch in short[:-1])


def _later_twin(cands: list[_Cand], k: int) -> int | None:
    """Index of a later candidate with the same number and (nearly) the same title."""
    c = cands[k]
    a = _norm_title(_LEADERS.sub("", c.title))
    for j in range(k + 1, len(cands)):
        o = cands[j]
        if (o.num, o.sub, o.num2) != (c.num, c.sub, c.num2):
            continue
        b = _norm_title(o.title)
        if not b or _normed_titles_match(a, b) or _abbreviates(a, b) or _abbreviates(b, a):
            return j
    return None


# --------------------------------------------------------------------------- numbering


def _transitions(state: tuple, c: _Cand, style_penalty: float):
    """(new_state, weight, label) for accepting candidate `c` in `state` = (top, sub)."""
    top, sub = state
    w = c.weight
    strong = c.extra.get("strong", False)
    if c.sub is not None:  # explicit "8.1"
        if top is not None and c.num == top and c.sub == (sub or 0) + 1:
            yield (top, c.sub), w + 0.2, ("sub", top, c.sub)
        return
    n = c.num
    # as a top-level item
    end = c.num2 if c.num2 is not None else n
    if top is None:
        if n in (0, 1):
            yield (end, None), w, ("top", n)
        elif strong:
            yield (end, None), w - 0.5, ("top", n)
    elif n == top + 1:
        yield (end, None), w - (0.2 if c.list_like else 0.0), ("top", n)
    elif n in (top + 2, top + 3) and strong:
        yield (end, None), w - 1.0 * (n - top - 1), ("top", n)
    elif n == top + 2 and not c.list_like and w > 0:
        # one number skipped ("4) Indkomne forslag" … "6) Valg"): a loss here, worth it only when
        # later items continue from the new number (`_best_sequence` lets this one weigh below 0)
        yield (end, None), w - 0.4, ("top", n)
    # as a sub-item (restart at 1 under the current item)
    if top is not None and c.num2 is None and ((sub is None and n == 1 and top >= 1) or (sub is not None and n == sub + 1)):
        ws = w - 0.3 - (1.0 if c.list_like else 0.0) - style_penalty
        yield (top, n), ws, ("sub", top, n)


def _best_sequence(cands: list[_Cand], penalties: list[float]) -> list[tuple[_Cand, tuple]]:
    best: dict[tuple, tuple[float, tuple | None]] = {(None, None): (0.0, None)}
    for ci, c in enumerate(cands):
        new = dict(best)
        for state, (score, path) in best.items():
            for nstate, w, label in _transitions(state, c, penalties[ci]):
                skipped = label[0] == "top" and state[0] is not None and label[1] == state[0] + 2
                if w <= 0 and not skipped:
                    continue
                s = score + w
                if nstate not in new or s > new[nstate][0] + 1e-9:
                    new[nstate] = (s, (path, ci, label))
        best = new
    _, path = max(best.values(), key=lambda v: v[0])
    out = []
    while path:
        path, ci, label = path
        out.append((cands[ci], label))
    return out[::-1]


def _style_penalties(cands: list[_Cand], chosen: list[tuple[_Cand, tuple]], lines: list[TextLine]) -> list[float] | None:
    """When the accepted top-level headings share a style (bold, 'Punkt' prefix), a numbered
    line lacking it is more likely a list in the body than a restarted sub-numbering, so
    its sub-item reading is penalised (top-level readings are left alone: a body list
    rarely continues the agenda's own numbering)."""
    tops = [c for c, lab in chosen if lab[0] == "top"]
    if len(tops) < 2:
        return None
    bold = sum(1 for c in tops if c.bold) / len(tops)
    prefix = sum(1 for c in tops if c.prefix) / len(tops)
    if bold < 0.75 and prefix < 0.75:
        return None
    pen = []
    for c in cands:
        p = 0.0
        if bold >= 0.75 and not c.bold:
            p += 1.5
        if prefix >= 0.75 and not c.prefix and c.sub is None:
            p += 1.0
        pen.append(p)
    return pen


# --------------------------------------------------------------------------- items


def _norm_heading(text: str) -> str:
    t = split_kind(_LEADERS.sub("", text))[0].lower()
    t = re.sub(r"^\s*(?:ad\.?\s*|punkt\s*|pkt\.?\s*|§\s*)?(?:\d{1,3}(?:\.\d{1,2})?\s*[.:)]?\s+)?", "", t)
    return re.sub(r"\s+", " ", t).strip(" :.-–")


def _anchor_unnumbered(doc: DocText, lines: list[TextLine], chosen: list[tuple[_Cand, tuple]]) -> dict[int, int]:
    """When the only numbered headings are an agenda list with no text between them and the
    body repeats the titles as unnumbered headings, the items start at those headings.
    Returns chosen-index → line index of its heading in the body."""
    if len(chosen) < 2:
        return {}
    for (a, _), (b, _) in zip(chosen, chosen[1:]):
        if any(doc.text[lines[j].start:lines[j].end].strip() for j in range(a.last_line + 1, b.line)):
            return {}
    found: dict[int, int] = {}
    j = chosen[-1][0].last_line + 1
    for idx, (c, _) in enumerate(chosen):
        target = _norm_heading(c.title)
        for k in range(j, len(lines)):
            ln = lines[k]
            t = doc.text[ln.start:ln.end]
            if not ln.first or len(t.split()) > 20 or not t.strip():
                continue
            nt = _norm_heading(t)
            if nt and (nt == target or fuzz.ratio(nt, target) >= 90):
                found[idx] = k
                j = k + 1
                break
    return found if len(found) >= max(2, (len(chosen) + 1) // 2) else {}



def find_items(doc: DocText) -> list[Item]:
    """The agenda items of `doc`, in text order, with their heading and text ranges."""
    lines = text_lines(doc)
    cands = _candidates(doc, lines)
    _weigh(doc, lines, cands)
    # an "Ad 1." line whose title no agenda-list entry supplied is a cross reference, not a heading
    cands = [c for c in _drop_toc(lines, cands, doc) if c.title]
    if not cands:
        return []
    chosen = _best_sequence(cands, [0.0] * len(cands))
    pen = _style_penalties(cands, chosen, lines)
    if pen:
        chosen = _best_sequence(cands, pen)

    anchors = _anchor_unnumbered(doc, lines, chosen)
    # (start, heading_end, number, title, kind, parent, level)
    rows: list[tuple[int, int, str, str, str | None, str | None, int]] = []
    for k, (c, label) in enumerate(chosen):
        start, hend = (lines[anchors[k]].start, lines[anchors[k]].end) if k in anchors else (c.start, c.heading_end)
        if label[0] == "top":
            rows.append((start, hend, str(c.num), c.title, c.kind, None, 0))
            if c.num2 is not None:
                rows.append((start, hend, str(c.num2), c.title2 or c.title, c.kind, None, 0))
        else:
            _, top, n = label
            rows.append((start, hend, f"{top}.{n}", c.title, c.kind, str(top), 1))
    rows.sort(key=lambda r: r[0])

    items: list[Item] = []
    n_text = len(doc.text)
    for k, (start, hend, number, title, kind, parent, level) in enumerate(rows):
        end = n_text
        for later in rows[k + 1:]:
            if later[0] > start and later[6] <= level:
                end = later[0]
                break
        end = start + len(doc.text[start:end].rstrip())
        if _ends_sentence(title):  # "2. Bestyrelsens beretning." → the title without the full stop
            title = title[:-1].rstrip()
        items.append(Item(number=number, title=title, kind=kind, parent=parent, char_start=start,
                          char_end=max(end, hend), heading_end=hend))
    return _closing_item(doc, lines, items)


#: the closing item of an agenda, often left unnumbered after numbered ones: "Eventuelt:", "Evt."
_CLOSING_LINE = re.compile(r"(?i)(?:eventuelt|evt\.?)\s*:?")
#: "Eventuelt: Intet til punktet." — the closing item run in with its text
_CLOSING_RUN_IN = re.compile(r"(?i)(?:eventuelt|evt\.?)\s*:(?=\s*\S)")
#: "Valg til bestyrelsen jf. § 4:" — an unnumbered election item's label line
_ELECTION_LINE = re.compile(r"(?i)valg\b[^:\n]{0,80}:")


def _closing_heading(text: str, last_title: str) -> int | None:
    """Length of an unnumbered closing heading opening `text`: "Eventuelt" (alone or run in),
    or an election label line after an item that is no election itself."""
    line = text.strip()
    if _CLOSING_LINE.fullmatch(line):
        return len(line)
    if (m := _CLOSING_RUN_IN.match(line)) is not None:
        return m.end()
    if _ELECTION_LINE.fullmatch(line) and "valg" not in last_title.casefold():
        return len(line)
    return None


def _closing_item(doc: DocText, lines: list[TextLine], items: list[Item]) -> list[Item]:
    """"4. Indkomne forslag" … "Valg til bestyrelsen:" … "Eventuelt:" opening their blocks after
    the last numbered item: the agenda's closing items, numbered on from the last one (as a
    reader counts them), not part of the item before."""
    tops = [it for it in items if it.parent is None]
    if not tops or not tops[-1].number.isdigit() or _CLOSING_LINE.fullmatch(tops[-1].title.strip()):
        return items
    last = tops[-1]
    for ln in lines:
        if ln.start < (last.heading_end or last.char_start) or ln.start >= last.char_end or not ln.first:
            continue
        text = doc.text[ln.start:ln.end]
        n = _closing_heading(text, last.title)
        if n is None:
            continue
        if any(it.char_start >= ln.start for it in items):
            return items  # (an item headed after it: the line is inside the agenda's body, not its end)
        head_end = ln.start + len(text) - len(text.lstrip()) + n
        cut = len(doc.text[:ln.start].rstrip())  # (the item before ends at its last character)
        closing = Item(number=str(int(last.number) + 1), title=doc.text[ln.start:head_end].strip().rstrip(":").strip(),
                       kind=None, parent=None, char_start=ln.start, char_end=last.char_end, heading_end=head_end)
        items = [it.model_copy(update={"char_end": min(it.char_end, cut)}) if it.char_end > ln.start else it
                 for it in items] + [closing]
        if _CLOSING_LINE.match(closing.title):
            return items
        last = closing
    return items
