"""Front matter of a minutes document: title, meeting body, meeting date and place.

Also home of the small layout helpers that `extract.segment` and `extract.attendance`
share (the lexicon loader, visual lines recovered from `DocText.spans`, Danish date
parsing), so that neither of those two has to import the other.

Rules (documented choices):
- title: the first block naming the document type ("Referat …", "Mødereferat"), cut after
  the date (time and place dropped); a bare "Referat" is prefixed by the header line
  ("Teknik- og Miljøudvalget, Referat").
- body: the name written after "møde i" / "generalforsamling i", as written ("… møde i Den
  nationale bestyrelse for X, den …" → "Den nationale bestyrelse for X"; "bestyrelsesmøde
  i Grundejerforeningen Y" → "Grundejerforeningen Y"); "<unit>møde for X" → "<Unit> for X";
  else a header line naming a committee/board ("Økonomiudvalget"); else the meeting type
  of the title plus the organisation in the header ("bestyrelsesmøde" + "X Universitet"
  → "Bestyrelsen for X Universitet").
- meeting date: a date in the title block, else after a "Dato:"-like label, else the first
  date of the front matter not about something else ("udsendt", "godkendt" …).
- place: a "Sted:"/"Mødested:" value; "Mødet blev holdt som videomøde" → "videomøde";
  "… hos <host>, <address>" → the address. The place is the location, not the meeting
  form: "i Rådhuset og som hybridmøde" → "Rådhuset"; the form is the place only when no
  location is given.

Why visual lines: the PDF layer joins the lines of a paragraph into one block, and when a
heading or a label is not set in a different font it can end up in the same block as the
text after it ("Deltagere fra bestyrelsen Per ..."). Each source line keeps its own
`Span`, so the line structure is recoverable and the parsers work line by line.
"""
from __future__ import annotations

import bisect
import json
import os
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from extract.doctext import DocText

LAYOUT_DIR = Path(os.environ.get("REFERAT_MODELS", Path(__file__).resolve().parents[1] / "models")) / "layout"


@lru_cache(maxsize=None)
def layout_lexicon(name: str) -> dict:
    """models/layout/<name>.json: the Danish vocabulary the layout rules use (data, not code)."""
    with open(LAYOUT_DIR / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


# --------------------------------------------------------------------------- lines


@dataclass(frozen=True, slots=True)
class TextLine:
    """One visual line of the document: text[start:end], inside block `block`."""

    start: int
    end: int
    block: int  # index into DocText.blocks
    first: bool  # first line of its block
    last: bool  # last line of its block
    page: int
    x0: float
    x1: float
    bold: bool  # the block is bold
    size: float


def text_lines(doc: DocText) -> list[TextLine]:
    """Visual lines from the spans (spans on the same page and baseline are one line).

    A block without spans (hand-built DocTexts) is one line.
    """
    out: list[TextLine] = []
    spans = sorted((s for s in doc.spans if s.end > s.start), key=lambda s: s.start)
    starts = [s.start for s in spans]
    for bi, b in enumerate(doc.blocks):
        groups: list[list] = []  # [start, end, page, x0, x1, top]
        for s in spans[bisect.bisect_left(starts, b.start):bisect.bisect_left(starts, b.end)]:
            x0, top, x1, _bottom = s.bbox
            g = groups[-1] if groups else None
            if g and g[2] == s.page and abs(g[5] - top) < 2.0 and (top or x0 or x1):
                g[1] = max(g[1], min(s.end, b.end))
                g[4] = max(g[4], x1)
            else:
                groups.append([s.start, min(s.end, b.end), s.page, x0, x1, top])
        if not groups:
            groups = [[b.start, b.end, b.page, 0.0, 0.0, 0.0]]
        # text between spans belongs to the previous line (e.g. the joining space)
        for k, g in enumerate(groups):
            start = b.start if k == 0 else g[0]
            end = groups[k + 1][0] if k + 1 < len(groups) else b.end
            seg = doc.text[start:end]
            end = start + len(seg.rstrip())
            out.append(TextLine(start, end, bi, k == 0, k == len(groups) - 1, g[2], g[3], g[4], b.bold, b.size))
    return out


# --------------------------------------------------------------------------- dates


def _month_re() -> str:
    months = sorted(layout_lexicon("frontmatter")["months"], key=len, reverse=True)
    return "|".join(months)


@lru_cache(maxsize=1)
def _date_patterns() -> list[re.Pattern]:
    wd = "|".join(layout_lexicon("frontmatter")["weekdays"])
    lead = rf"(?:(?:{wd})(?:\s+(?:den|d\.))?\s*|(?:den|d\.)\s*)?"
    return [
        # tirsdag den 8. november 2022 / 30. sept. 2020 / d. 3 marts 2021
        re.compile(rf"\b{lead}(?P<d>\d{{1,2}})\.?\s*(?P<m>{_month_re()})\.?,?\s+(?P<y>\d{{4}})\b", re.I),
        # 2023-03-14, 2023.03.14
        re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
        re.compile(r"\b(?P<y>(?:19|20)\d\d)\.(?P<m>[01]\d)\.(?P<d>[0-3]\d)\b(?!\.\d)"),
        # 14.03.2023 / 14-03-23 / 14/3/2023
        re.compile(rf"\b{lead}(?P<d>\d{{1,2}})(?P<sep>[./-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}})\b", re.I),
        # d. 22/6 2021 / 22/6-2021 / 19/3-24 (a two-digit year only after '-', not a range "1/3-24/3")
        re.compile(rf"\b{lead}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})(?:[\s-]+(?P<y>\d{{4}})|-(?P<y2>\d{{2}}))\b(?![/.,]?\d)",
                   re.I),
    ]


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Danish calendar dates in `text` as (start, end, date), in text order, overlaps removed."""
    months = layout_lexicon("frontmatter")["months"]
    found: list[tuple[int, int, date]] = []
    for pat in _date_patterns():
        for m in pat.finditer(text):
            mo = m.group("m")
            month = int(mo) if mo.isdigit() else months.get(mo.lower().rstrip("."))
            year = int(m.group("y") or m.groupdict().get("y2"))
            if year < 100:
                year += 2000 if year < 70 else 1900
            try:
                d = date(year, month, int(m.group("d")))
            except (TypeError, ValueError):
                continue
            if not 1900 <= year <= 2100:
                continue
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            found.append((m.start(), m.end(), d))
    return sorted(found)


# --------------------------------------------------------------------------- front matter


@dataclass
class FrontMatter:
    """What the text before the first agenda item says about the meeting."""

    title: str | None
    body: str | None
    meeting_date: date | None
    place: str | None
    start: int
    end: int  # offset where the first agenda item heading starts (or len(text))
    organisation: str | None = None  # the organisation the minutes belong to (header), when named


_LABEL_SEP = re.compile(r"\s*[:\t]\s*|\s{2,}")


def _label_value(text: str, labels: list[str]) -> str | None:
    """'Sted: Rådhuset' → 'Rådhuset' when the line starts with one of `labels`."""
    low = text.lower()
    for lab in sorted(labels, key=len, reverse=True):
        if low.startswith(lab):
            rest = text[len(lab):]
            m = _LABEL_SEP.match(rest)
            if m and rest[m.end():].strip():
                return rest[m.end():].strip()
    return None


def _is_label_only(text: str, labels: list[str]) -> bool:
    t = text.strip().rstrip(":").strip().lower()
    return t in labels


def _clean(value: str) -> str:
    value = re.sub(r"\s+", " ", value).strip()
    return value.strip(" ,;:–-").rstrip(".").strip()


_WEEKDAY_RE = r"(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)"
#: where a body name written after the meeting word stops: a date, weekday, time, comma, "(" or the end
_BODY_STOP = (r"(?=,?\s+(?:den|d\.)\s+\d|,?\s+" + _WEEKDAY_RE + r"\b"
              r"|,?\s+\d{1,2}\s*[./-]\s*\d|,?\s+\d{1,2}\.\s*[a-zæøå]|,?\s+kl\.|\s+(?:afholdt|holdt)\b|,\s|\s+\(|\s*$"
              # "Generalforsamling Roklubben 2025": the year closing the title is no part of the name
              r"|\s+(?:19|20)\d\d\s*$)")
_BODY_AFTER_MEETING = re.compile(
    r"\b(?P<kind>\w*møde(?:t)?|generalforsamling(?:en)?)\s+(?:i|for|med)\s+(?P<body>[A-ZÆØÅ0-9].*?)" + _BODY_STOP,
    re.I,
)
#: "Generalforsamling Vinterbadelauget", "Referat ordinær generalforsamling Grundejerforeningen X
#: torsdag den …": an assembly is the association's own meeting, its name may follow directly
_BODY_AFTER_ASSEMBLY = re.compile(
    r"\b(?P<kind>generalforsamling(?:en)?)\s+(?!" + _WEEKDAY_RE + r"\b|den\b|d\.)(?P<body>(?-i:[A-ZÆØÅ])[^\d]*?)"
    + _BODY_STOP, re.I)
#: "generalforsamling(en)", "ordinær generalforsamling", "general forsamling": the meeting's kind
_ASSEMBLY_WORD = r"(?:(?:ordinær|ekstraordinær)e?\s+)?general\s*forsamling"
#: "REFERAT Aarhus Byråd d. 27-08-2025": a title word, then the body, then the date
_BODY_AFTER_TITLE_WORD = re.compile(
    r"^(?:referat|mødereferat|beslutningsreferat|beslutningsprotokol|protokol)\s+(?:fra\s+|for\s+)?"
    r"(?P<body>(?-i:[A-ZÆØÅ])[^\d,]*?)(?=,?\s+(?:den|d\.)\s+\d|,?\s+\d{1,2}\s*[./-]\s*\d"
    # "Referat fra AANH generalforsamlingen lørdag d. 5. april": the meeting's kind and weekday follow the name
    rf"|\s+{_ASSEMBLY_WORD}\w*\b[^\d,]*?(?:,?\s+(?:den|d\.)\s+\d|,?\s+\d{{1,2}}\s*[./-]\s*\d)"
    # "Referat VHG Generalforsamling 2023": the kind, and at most the year, close the title
    rf"|\s+{_ASSEMBLY_WORD}\w*(?:\s+(?:19|20)\d\d)?\s*$)", re.I)


def _meeting_unit(kind: str) -> str | None:
    """'bestyrelsesmøde' → 'Bestyrelsen', 'styregruppemøde' → 'Styregruppen' (None for plain 'møde')."""
    m = re.match(r"(?i)(\w+?)s?møde", kind or "")
    if not m:
        return None
    units = layout_lexicon("frontmatter")["meeting_units"]
    stem = m.group(1).lower()
    unit = units.get(stem) or units.get(stem + "s") or units.get(stem.rstrip("s"))
    if unit is None:  # a compound: "skolebestyrelsesmøde" → "Skolebestyrelsen"
        key = max((k for k in units if " " not in k and stem.endswith(k) and len(stem) > len(k) + 2), key=len, default=None)
        if key:
            unit = (stem[: len(stem) - len(key)] + units[key].lower()).capitalize()
    return unit


def _body_from_title(line: str) -> str | None:
    """'Referat fra møde i Den nationale bestyrelse for X, den 30. ...' → 'Den nationale bestyrelse for X'.

    Rule: the body is the name written after "møde i/for" (also "bestyrelsesmøde i Foreningen
    Y" → "Foreningen Y"), as written, up to the date, weekday, time or end of line. With "for"
    after a unit compound the unit is the body: "Styregruppemøde for X" → "Styregruppen for X".
    """
    m = _BODY_AFTER_MEETING.search(line) or _BODY_AFTER_ASSEMBLY.search(line)
    if m:
        body = _clean(m.group("body"))
        prep = re.search(r"\s(i|for|med)\s", m.group()[len(m.group("kind")):])
        unit = _meeting_unit(m.group("kind"))
        if unit and prep and prep.group(1) == "for":
            return f"{unit} for {body}"
        if unit and body and prep and prep.group(1) == "i" and _institution_or_company(body):
            # "bestyrelsesmøde i Fonden X / X A/S": the board of an institution or company is a
            # body of it ("Bestyrelsen for X A/S"); an association's board is the association
            return f"{unit} for {body}"
        return body or None
    # "Referat fra bestyrelsesmøde den 12. januar 2023 i Foreningen X"; after an assembly's date
    # only an association's name ("… generalforsamling den 11. marts 2020 i GF. X"), not its venue
    ds = find_dates(line)
    kind = re.search(r"møde|(general\s*forsamling)", line[: ds[0][0]], re.I) if ds else None
    if kind:
        tail = line[ds[0][1]:]
        tm = re.match(r"\s*,?\s*(?:kl\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?\s*)?"
                      r"(?:(?P<prep>i|for)\s+|,\s*)(?P<body>[A-ZÆØÅ].*?)(?=,|\s+kl\.|\s+(?:hos|på)\b|$)", tail)
        # ("… d. 14. marts 2019, Grundejerforeningen X": after a comma only an association's name)
        named = tm and (_ASSOCIATION_MARK.match(tm.group("body")) or _association_name(tm.group("body")))
        if tm and (named or (tm.group("prep") and not kind.group(1))):
            return _clean(tm.group("body")) or None
    return None


#: "G/F Solbakken", "GF. Solbakken", "E/F Parkhuset", "A/B Toften": an association's abbreviated kind
_ASSOCIATION_MARK = re.compile(r"(?:G/F|GF\.?|E/F|EF\.?|A/B|AB\.?|H/F|HF\.?)\s+[A-ZÆØÅ0-9]")


def _strip_acronym(body: str) -> str:
    """'Udvalget for plan, udvikling og kultur (PUK)' → without the short form in parentheses."""
    return re.sub(r"\s*\([A-ZÆØÅ]{2,6}\)$", "", body)


def _association_name(text: str) -> bool:
    """A short capitalised line whose words include an association word ('…forening', '…laug',
    'Klub'): the name of the association holding its general assembly."""
    words = text.split()
    if not 1 <= len(words) <= 8 or re.search(r"\d", text) or ":" in text or not text[:1].isupper():
        return False
    marks = layout_lexicon("frontmatter")["association_suffixes"]
    return any(re.sub(r"[^\wæøå]", "", w.lower()).endswith(tuple(marks)) for w in words)


def _looks_like_body_name(text: str) -> bool:
    """A short line naming a board/committee ('Økonomiudvalget', 'Bestyrelsen for X')."""
    words = text.split()
    if not 1 <= len(words) <= 10 or re.search(r"\d", text) or text.rstrip().endswith("."):
        return False
    suffixes = layout_lexicon("frontmatter")["body_suffixes"]
    for w in words:
        lw = re.sub(r"[^\wæøå-]", "", w.lower())
        if lw and any(lw.endswith(s) for s in suffixes) and (w[:1].isupper() or lw in suffixes):
            return True
    return False


_PLACE_SENTENCE = re.compile(
    r"\bmødet\s+(?:blev\s+|bliver\s+|er\s+)?(?:af)?(?:holdt|holdes|holdtes|foregik|foregår|fandt\s+sted)\s+"
    r"(?:som\s+|via\s+|på\s+|i\s+|hos\s+|over\s+)?(?P<place>[^.]+)", re.I)
_PLACE_TRAIL = re.compile(r"\s*,?\s*(?P<prep>hos|på|i)\s+(?P<place>[A-ZÆØÅ].+)$", re.I)


def front_texts(doc: DocText, end: int) -> list[str]:
    """Block texts before `end`, white space collapsed (tabs between table cells kept)."""
    out = []
    for b in doc.blocks:
        if b.start >= end:
            break
        t = re.sub(r"[^\S\t]+", " ", doc.text[b.start:min(b.end, end)]).strip()
        if t:
            out.append(t)
    return out


def _has_word(text: str, words: list[str]) -> bool:
    low = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in words)


def _find_title(texts: list[str]) -> tuple[int | None, str | None]:
    """The title block: the first one naming the document type ('Referat …')."""
    lex = layout_lexicon("frontmatter")
    for i, t in enumerate(texts[:40]):
        if _has_word(t, lex["title_words"]) and len(t.split()) <= 40:
            if len(t.split()) <= 3 and len(texts) > 1:  # a bare "Referat" with the header line
                head = texts[0] if i > 0 else texts[1]
                if len(head.split()) <= 8 and not find_dates(head) and ":" not in head and "\t" not in head:
                    return i, _clean(f"{head}, {t}")
            ds = find_dates(t)
            if ds:  # drop time and place after the date ("…, 8. november 2022 kl. 19 hos X")
                tail = t[ds[0][1]:]
                cut = re.search(r",|\s(?:kl\.|hos\b|på\b)", tail)
                t = t[: ds[0][1] + (cut.start() if cut else len(tail))]
            return i, _clean(t) or None
    rest = [t for t in texts if not _DATELINE.match(t)] or texts
    return None, (_clean(rest[0]) or None) if rest else None


#: a letter's dateline, "Hårby den 11. april 2013.": where and when the minutes were written
_DATELINE = re.compile(r"^[A-ZÆØÅ][\wæøå-]+(?:\s[A-ZÆØÅ][\wæøå-]+)?,?\s+(?:den|d\.)\s*\d{1,2}\.\s*[a-zæøå]+\.?\s+\d{4}\.?$")


def document_organisation(texts: list[str], institutions_only: bool = False) -> str | None:
    """The organisation the minutes belong to, from a short header block ('Fjordby Kommune').

    `institutions_only`: only institutions (kommune, region, universitet, fond …), not
    associations, whose lay members do not represent the association. A foundation counts as
    an institution: it has no members, so its board and staff act for it.
    """
    lex = layout_lexicon("frontmatter")
    words = lex["institution_words"] + ([] if institutions_only else lex["association_words"])
    for t in texts[:8]:
        if ":" in t or "\t" in t or re.search(r"\d", t):
            continue
        part = _institution_part(t, words, lex)
        if part:
            return part
        if not 1 <= len(t.split()) <= 6:
            continue
        toks = [re.sub(r"[^\wæøå-]", "", w.lower()) for w in t.split()]
        if any(tok in words or any(tok.endswith(w) and len(tok) > len(w) + 2 for w in words) for tok in toks) \
                and t[:1].isupper() and not _has_word(t, lex["title_words"]):
            m = re.match(r"^.*?\s(?:i|for|hos|ved)\s+(?=[A-ZÆØÅ])", t)  # "Generalforsamling i Foreningen X"
            if m and t[:1].isupper() and any(w in t[m.end():].lower() for w in words):
                return _clean(t[m.end():])
            return _clean(t)
    for t in texts[:8]:  # "... møde i Grundejerforeningen X", "Bestyrelsesmøde i Fonden X den 3. maj"
        m = _BODY_AFTER_MEETING.search(t)
        if m:
            body = _clean(m.group("body"))
            if institutions_only:  # the institution itself: "Fonden X"; "Bestyrelsen ved X Skole" → "X Skole"
                toks = [re.sub(r"[^\wæøå-]", "", w.lower()) for w in body.split()]
                if toks and toks[0] in words:
                    return body
                cut = re.match(r"^.*?\s(?:i|for|hos|ved)\s+(?=[A-ZÆØÅ])", body)
                inst = _clean(body[cut.end():]) if cut else body
                toks = [re.sub(r"[^\wæøå-]", "", w.lower()) for w in inst.split()]
                if toks and (toks[0] in words or toks[-1] in words):
                    return inst
                if _company(inst):  # "bestyrelsesmøde i X A/S": a company's board and managers act for it
                    return inst
            elif any(w in body.lower() for w in words):
                return body
    return None


def _institution_or_company(name: str) -> bool:
    """'Fonden X', 'X Universitet', 'X A/S' (not an association: 'Grundejerforeningen X')."""
    words = layout_lexicon("frontmatter")["institution_words"]
    toks = [re.sub(r"[^\wæøå-]", "", w.lower()) for w in name.split()]
    return _company(name) or bool(toks) and (toks[0] in words or toks[-1] in words)


def _company(name: str) -> bool:
    """'X Emballage A/S', 'Y Holding ApS': a company name by its legal form (last word)."""
    words = name.split()
    return len(words) >= 2 and words[-1].lower() in layout_lexicon("frontmatter")["company_forms"]


def _institution_part(t: str, words: list[str], lex: dict) -> str | None:
    """A header of several names joined by a comma or dash: 'Institut for X, Y Universitet',
    'Z Skole – Skolebestyrelsen', 'Q Kommune | Teknik og Miljø'. Convention: the organisation
    is the institution itself, the part ending in an institution word ('Y Universitet',
    'Z Skole'), rather than a unit of it ('Institut for X') or the body ('Skolebestyrelsen');
    else a part starting with one ('Region Nord'). None when the text has no such separator."""
    parts = [p.strip() for p in re.split(r"\s*,\s+|\s+[–—-]\s+|\s*\|\s*", t) if p.strip()]
    if len(parts) < 2 or any(not 1 <= len(p.split()) <= 6 for p in parts) or _has_word(t, lex["title_words"]):
        return None

    def score(p: str) -> int:
        toks = [re.sub(r"[^\wæøå-]", "", w.lower()) for w in p.split()]
        if not p[:1].isupper():
            return 0
        if toks[-1] in words and len(toks) >= 2:
            return 2
        return 1 if toks[0] in words and not re.search(r"\s(?:for|i|ved)\s", p) else 0

    best = max(parts, key=score)
    return _clean(best) if score(best) else None


def _body(texts: list[str], title_idx: int | None) -> str | None:
    lex = layout_lexicon("frontmatter")
    order = ([title_idx] if title_idx is not None else []) + list(range(min(len(texts), 40)))
    for i in order:
        body = _body_from_title(texts[i])
        if body and _plausible_body(body, titled=i == title_idx):
            return body
    if title_idx is not None:
        m = _BODY_AFTER_TITLE_WORD.match(texts[title_idx])
        # (a name right before "generalforsamling" is the association's, whatever its shape: "AANH")
        if m and (_looks_like_body_name(m.group("body"))
                  or re.match(rf"\s+{_ASSEMBLY_WORD}", texts[title_idx][m.end("body"):], re.I)):
            return _clean(m.group("body"))
        # "Referat, grundejerforeningen, 11. maj 2016": a common noun for the association or body
        # between the title word and the date names it as the writer does, in lower case too
        m = _LOWER_BODY_IN_TITLE.search(texts[title_idx])
        if m and m.group("body").lower().endswith(tuple(lex["association_suffixes"]) + tuple(lex["body_suffixes"])) \
                and not m.group("body").lower().endswith(("forsamling", "forsamlingen")):
            return m.group("body")
        nxt = texts[title_idx + 1] if title_idx + 1 < len(texts) else ""
        # "Referat af ordinær generalforsamling" + "i E/F Frederikskaj 2": the title wraps
        if re.match(r"(?:i|for)\s+[A-ZÆØÅ]", nxt):
            body = _body_from_title(texts[title_idx] + " " + nxt)
            if body:
                return body
        # "… generalforsamling" + "Kantineforening ved Datalogisk Institut": the association's name
        if re.search(r"generalforsamling", texts[title_idx], re.I) and _association_name(nxt):
            return _clean(nxt)
    for t in texts[:40]:
        v = _label_value(t, lex["body_labels"])
        if v and _looks_like_body_name(v):
            return _clean(v)
    for t in texts[:12]:
        if "\t" in t or re.match(r"[A-ZÆØÅ][\wæøå'-]+(?: [A-ZÆØÅ][\wæøå'-]+)+\s*[,(]\s*[a-zæøå]", t):
            continue  # a table row, or an attendance entry ("Eva Holm, formand for bestyrelsen")
        if _looks_like_body_name(t) and not _has_word(t, lex["title_words"]) and ":" not in t:
            return _clean(t)
    if title_idx is not None:
        # "Referat – bestyrelsesmøde, Foreningen X afd. 3 (…)": the name after the comma, as after "møde i"
        m = _BODY_AFTER_COMMA.search(texts[title_idx])
        if m is None and len(texts[title_idx].split()) <= 3 and title_idx + 1 < len(texts):
            m = _BODY_AFTER_COMMA.search(texts[title_idx + 1])  # a bare "Referat" over "Bestyrelsesmøde – X"
        if m and not _has_word(m.group("body").split()[0], lex["weekdays"] + list(lex["months"])) \
                and len(m.group("body").split()) <= 6:
            return _clean(m.group("body"))
        # "Referat af bestyrelsesmøde" under the header "X Universitet" → "Bestyrelsen for X Universitet"
        m = re.search(r"\b\w+møde\b", texts[title_idx].lower())
        org = document_organisation(texts) or _letterhead(texts[:title_idx])
        unit = _meeting_unit(m.group()) if m else None
        if unit and org:
            return f"{unit} for {org}"
        if unit and unit.lower() not in {u.lower() for u in layout_lexicon("frontmatter")["meeting_units"].values()}:
            return unit  # "Referat fra skolebestyrelsesmøde": the compound names the body by itself
        # a general assembly is the association's own meeting: "generalforsamling" under its letterhead
        if org and re.search(r"generalforsamling", texts[title_idx], re.I):
            return org
    return None


def _plausible_body(body: str, titled: bool) -> bool:
    """A name, not a running sentence or a venue. Outside the title a body is written as a name
    (capital first: "møde i oktober 2021. Anledningen …" is prose); anywhere it is a few words
    without a sentence break, and a hall or inn ("generalforsamling i Byens Hallerne") is where
    the meeting was held, not who held it."""
    words = body.split()
    if len(words) > 10 or re.search(r"(?:\d|\b[a-zæøå]{3,})[.!?]\s+[A-ZÆØÅa-zæøå]", body):
        return False
    lex = layout_lexicon("frontmatter")
    if not titled and not (body[:1].isupper() or body[:1].isdigit()):
        # (a kind of association in lower case before its name is still a name:
        # "generalforsamling i grundejerforeningen Solbakken")
        kinds = lex["association_words"] + lex["institution_words"]
        if not (len(words) >= 2 and words[0].lower() in kinds and words[1][:1].isupper()):
            return False
    return not (words and _venue_word(words[-1]))


def _venue_word(word: str) -> bool:
    """'Hallerne', 'Hotel', 'Fælleshuset': a word naming where a meeting is held."""
    return re.sub(r"[^\wæøå]", "", word.lower()).endswith(tuple(layout_lexicon("frontmatter")["venue_words"]))


_LOWER_BODY_IN_TITLE = re.compile(r"\b(?i:referat|mødereferat)\s*[,–-]\s*(?P<body>[a-zæøå]{4,})\s*,\s*(?:den\s+|d\.\s*)?\d")
_BODY_AFTER_COMMA = re.compile(
    # ("Bestyrelsesmøde – ejerforeningen Valdemars Have": a dash, and the association's kind in lower case)
    r"\b\w*møde\s*(?:,|\s[–-])\s+(?P<body>(?:[a-zæøå]+(?:foreningen|lauget|klubben|selskabet)\s+)?[A-ZÆØÅ][^,(\d]*(?:\d+[^,(\d]*)?)"
    r"(?=\s*\(|,|\s+(?:den|d\.|kl\.)\s|\s*$)")


def _letterhead(texts: list[str]) -> str | None:
    """A short name above the title ('Foreningen X', 'Fællesfag Y'): capitalised words, no
    digits, no label, not itself a title."""
    lex = layout_lexicon("frontmatter")
    for t in texts[:3]:
        words = t.split()
        if not 1 <= len(words) <= 5 or re.search(r"[\d:\t@·|]", t) or t.rstrip().endswith("."):
            continue
        if _has_word(t, lex["title_words"]) or _has_word(t, lex["weekdays"]):
            continue
        if all(w[:1].isupper() or w in {"og", "for", "i", "&", "-", "–", "af"} for w in words):
            return _clean(t)
    return None


_MEETING_LINE = re.compile(r"(?i)^(?:\w*møde|(?:ordinær|ekstraordinær)e?\s+generalforsamling|generalforsamling)\b")


def _meeting_date(texts: list[str], title_idx: int | None) -> date | None:
    """Title block first, then a 'Dato:' label, then the first date not about something else."""
    lex = layout_lexicon("frontmatter")
    labelled = [i for i, t in enumerate(texts) if _label_value(t, lex["date_labels"]) is not None
                or _is_label_only(t, lex["date_labels"])]
    # "Mødedato: 13. marts" names the meeting's day outright; the title line may carry the day
    # of writing ("København, 9. april 2019 … REFERAT")
    order = [i for i in labelled if re.match(r"(?i)\s*møde(?:dato|dag)\b", texts[i])]
    if title_idx is not None:
        order += [title_idx, title_idx + 1]
    order += labelled
    # "Ejerforeningen, etape 2, 2. august 2012." over "Bestyrelsesmøde 30. juli 2012.": a line
    # opening with the meeting's kind dates the meeting; a date above it is the day of writing
    order += [i for i, t in enumerate(texts[:12]) if _MEETING_LINE.match(t)]
    # "Dato: 4. marts." names the day without its year: a later full date ("referatet fra mødet
    # d. 22.10.2009") is about something else, so the year comes from the hints instead
    if not any(_yearless_re().search(texts[i]) and not find_dates(texts[i]) for i in labelled):
        order += list(range(len(texts)))
    seen: set[int] = set()
    dateline: date | None = None
    for i in order:
        if i in seen or not 0 <= i < len(texts):
            continue
        seen.add(i)
        t = texts[i]
        if _is_label_only(t, lex["date_labels"]) and i + 1 < len(texts):
            t = t + " " + texts[i + 1]
        if any(w in t.lower() for w in lex["date_exclude_words"]):
            continue
        ds = find_dates(t)
        if ds and _DATELINE.match(t) and dateline is None:
            dateline = ds[0][2]  # the day of writing: only when no other date is given
            continue
        if ds:
            return ds[0][2]
    return dateline


@lru_cache(maxsize=1)
def _yearless_re() -> re.Pattern:
    wd = "|".join(layout_lexicon("frontmatter")["weekdays"])
    return re.compile(rf"\b(?:(?P<wd>{wd})\s+(?:den\s+|d\.\s*)?|(?:den|d\.)\s*)?(?P<d>\d{{1,2}})\.\s*"
                      rf"(?P<m>{_month_re()})\b\.?(?!\s*\d)"
                      # "d. 5/4 kl 18.00", "tirsdag den 5/4": a numeric day/month after "den"/"d." or a weekday
                      rf"|(?:\b(?P<wd2>{wd})\s+(?:den\s+|d\.\s*)?|\b(?:den|d\.)\s*)(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})(?![\d/.-])", re.I)


#: "091110 Referat af bestyrelsesmøde": an archive's yymmdd (or yyyymmdd) stamp opening a line
_COMPACT = re.compile(r"^(?P<n>\d{6}|\d{8})(?=\s|$)")


def _compact_date(token: str) -> date | None:
    try:
        if len(token) == 8:
            return date(int(token[:4]), int(token[4:6]), int(token[6:]))
        return date(2000 + int(token[:2]) if int(token[:2]) < 70 else 1900 + int(token[:2]),
                    int(token[2:4]), int(token[4:]))
    except ValueError:
        return None


def year_hints(text: str, source_stem: str = "") -> list[int]:
    """Years the document is probably from, best first: a year (or a yymmdd stamp) in the
    file name, then the years the text mentions, most frequent first (ties: the later)."""
    hints: list[int] = []
    m = re.search(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)", source_stem)
    if m:
        hints.append(int(m.group(1)))
    else:
        m = re.match(r"(\d{6})(?!\d)", source_stem)
        d = _compact_date(m.group(1)) if m else None
        if d:
            hints.append(d.year)
    counts: dict[int, int] = {}
    for y in re.findall(r"(?<![\d.,/-])(19[5-9]\d|20\d\d)(?![\d.,/-]\d)", text):
        counts[int(y)] = counts.get(int(y), 0) + 1
    hints += [y for y, _ in sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0])) if y not in hints]
    return hints


def yearless_meeting_date(texts: list[str], hints: list[int]) -> date | None:
    """The meeting date when the front matter prints none with a year.

    A yymmdd stamp opening one of the first lines ("091110 Referat …") is read as a date;
    else the first "tirsdag 9. februar" without a year takes the first hinted year (or a
    neighbour of it) on which that day is that weekday; a day and month without a weekday
    take the first hinted year. Without hints nothing is guessed.
    """
    lex = layout_lexicon("frontmatter")
    for t in texts[:3]:
        m = _COMPACT.match(t.strip())
        if m and (d := _compact_date(m.group("n"))) and 1950 <= d.year <= 2100:
            return d
    if not hints:
        return None
    weekdays = lex["weekdays"]
    for t in texts:
        if any(w in t.lower() for w in lex["date_exclude_words"]):
            continue
        m = _yearless_re().search(t)
        if not m:
            continue
        if m.group("d2"):
            month, day, wd = int(m.group("m2")), int(m.group("d2")), m.group("wd2")
        else:
            month, day, wd = lex["months"].get(m.group("m").lower()), int(m.group("d")), m.group("wd")
        years = [y + k for k in (0, -1, 1) for y in hints[:3]] if wd else hints[:1]
        for y in years:
            try:
                d = date(y, month, day)
            except (TypeError, ValueError):
                continue
            if wd is None or weekdays[d.weekday()] == wd.lower():
                return d
        return None
    return None


_TIME_LEAD = re.compile(r"\s*,?\s*(?:fra\s+)?(?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?)?")


def _host_place(place: str) -> str:
    """'Birthe, Kløvervej 14' (after 'hos') → the address 'Kløvervej 14'; a bare host stays."""
    parts = [p.strip() for p in place.split(",")]
    if len(parts) >= 2 and re.search(r"\d", ",".join(parts[1:])) and not re.search(r"\d", parts[0]):
        return _clean(", ".join(parts[1:]))
    return _clean(place)


def _online_re() -> str:
    words = sorted(layout_lexicon("frontmatter")["online_words"], key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


def _location_only(place: str) -> str:
    """The location without the meeting form: 'Rådhuset og som hybridmøde' → 'Rådhuset',
    'hybridmøde i Rådhuset' → 'Rådhuset'. The form ('videomøde', 'Teams') is another notion
    than the place; it is the value only when no location is given ('som videomøde')."""
    online = _online_re()
    m = re.search(rf"\s*(?:,|\s(?:og|samt|eller)\b)\s*(?:(?:også|desuden)\s+)?(?:som|via|på|over|i|med)?\s*"
                  rf"(?:et\s+|en\s+)?(?:{online})\b.*$", place, re.I)
    if m and m.start() > 0:
        return _clean(place[: m.start()])
    m = re.match(rf"(?:{online})\s+(?:i|på|hos)\s+(?=[A-ZÆØÅ0-9])", place, re.I)
    if m:
        return _clean(place[m.end():])
    return _clean(place)


def _place(texts: list[str]) -> str | None:
    place = _place_raw(texts)
    return _location_only(place) or place if place else place


def _place_raw(texts: list[str]) -> str | None:
    lex = layout_lexicon("frontmatter")
    for i, t in enumerate(texts):
        v = _label_value(t, lex["place_labels"])
        if v is None and _is_label_only(t, lex["place_labels"]) and i + 1 < len(texts):
            v = texts[i + 1]
        if v:
            if find_dates(v) or re.search(r"\bkl\.", v):  # "Tid og sted: 14.03.2023 kl. 16, Rådhuset"
                ds = find_dates(v)
                rest = v[ds[-1][1]:] if ds else v
                tm = _TIME_LEAD.match(rest)
                v = rest[tm.end():] if tm else rest
            v = _clean(re.sub(r"^\s*(?:hos|på|i)\s+", "", v))
            if v:
                return v
    for t in texts:
        m = _PLACE_SENTENCE.search(t)
        if m:
            v = m.group("place")
            return _host_place(v) if re.match(r"(?i)\bmødet\b.*\bhos\b", m.group()) else _clean(v)
    for t in texts[:15]:  # "… den 22/6 2023 kl. 19 hos Lene Brix, Vej 12"
        ds = find_dates(t)
        if not ds:
            continue
        tail = t[ds[0][1]:]
        tm = _TIME_LEAD.match(tail)
        if tm and re.search(r"\d", tm.group()):
            tail = tail[tm.end():]
        m = _PLACE_TRAIL.match(tail)
        if m:
            return _host_place(m.group("place")) if m.group("prep").lower() == "hos" else _clean(m.group("place"))
    for t in texts:
        if t.lower().strip(" .:") in lex["online_words"]:
            return _clean(t)
    return None


#: "G/F Nordparken – ordinær generalforsamling": the kind of meeting after a dash is no part of the body's name
_MEETING_SUFFIX = re.compile(r"\s*[–—-]\s+(?:(?:ordinær|ekstraordinær|årlig|konstituerende)e?\s+)?"
                             r"(?:\w*generalforsamling|\w*møde|referat)\b.*$", re.I)


def _without_venue(body: str) -> str:
    """'Ejerforeningen X på Hotel Y' → 'Ejerforeningen X': a trailing 'på/hos …' naming a hotel,
    hall or house is where the meeting was held."""
    m = re.search(r"\s+(?:på|hos|i)\s+(?=[A-ZÆØÅ])", body)
    if m and m.start() > 0 and any(_venue_word(w) for w in body[m.end():].split()):
        return body[: m.start()]
    return body


def parse_front(doc: DocText, end: int, source_stem: str = "") -> FrontMatter:
    """Title, body, meeting date and place from the text before the first agenda item.

    `source_stem` (the PDF's file name without suffix) is only a hint for the year of a
    meeting date printed without one."""
    texts = front_texts(doc, end)
    if not texts:  # no front matter: look at the top of the document instead
        texts = front_texts(doc, len(doc.text))[:15]
    title_idx, title = _find_title(texts)
    when = _meeting_date(texts, title_idx) or yearless_meeting_date(texts, year_hints(doc.text, source_stem))
    body = _body(texts, title_idx)
    body = _without_venue(_MEETING_SUFFIX.sub("", body)) if body else body
    if body and re.fullmatch(rf"(?:{_ASSEMBLY_WORD}|\w*møde|referat|dagsorden)", body.strip(), re.I):
        body = None  # a title that is only the meeting's kind ("Generalforsamling") names no body
    if body and not _plausible_body(body, titled=True):
        body = None  # whichever rule found it: "Generalforsamling i Byens Hallerne" names the venue
    return FrontMatter(title=title, body=_strip_acronym(body) if body else None, meeting_date=when,
                       place=_place(texts), start=0, end=end, organisation=home_organisation(doc, texts))


def home_organisation(doc: DocText, texts: list[str], institutions_only: bool = False) -> str | None:
    """Whose minutes these are: from the front matter, else from the removed running
    header/footer, where municipalities and regions often print only their name."""
    return (document_organisation(texts, institutions_only)
            or document_organisation(doc.furniture, institutions_only))
