"""`referat_sentences`: Danish sentence boundaries for minutes text.

Why rules and not a model: the pipeline is a blank Danish spaCy pipeline, and minutes are
full of abbreviations ("bl.a.", "ift.", "mv."), ordinal dates ("2. december") and agenda
references ("punkt 2.") that a naive splitter cuts. The rules work on the text (pure
function `sentence_bounds`), and the component maps them onto tokens, so every sentence
is an exact slice of `doc.text` and `doc.sents` works for the later components.

Rules, in order:
  * a block boundary ("\\n", one DocText block per paragraph/heading/bullet) always ends a sentence;
  * "?", "!" and "…" end one when the next word starts with a capital letter or digit;
  * ". " ends one when the next word starts with a capital or digit, except after an
    abbreviation that needs a continuation ("fx.", "bl.a.", "jf.") and before a month
    ("2. december"); after an abbreviation that may close a sentence ("mv.", "osv."),
    an initial ("S.") or a numbered reference ("punkt 2.") only when a typical sentence
    starter follows ("Man", "Hun", "Det", a first name);
  * a period glued to the next word ("nødvendigt.Appellen") ends one too.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from extract.nlp import base
from extract.nlp.gazetteer import load_lexicon, load_names

_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+\S)")
#: a full stop with no space after it ("…bosser.Troels"), perhaps before a closing quote ("…bosser."Troels")
_GLUED = re.compile(r"(?<=[a-zæøå]{2})\.[\"”»’]?(?=[A-ZÆØÅ][a-zæøå])")
_NEXT_OK = re.compile(r"[A-ZÆØÅÉÜÖÄ0-9•\-–\"'”“«»(§]")
_OPENERS = "\"'”“«»([{"
_INITIAL = re.compile(r"[A-ZÆØÅ]\.")
_ORDINAL = re.compile(r"\d{1,3}\.")
_DEFINITE = re.compile(r"[A-ZÆØÅ][a-zæøå]{2,}(?:en|et|erne|ene)")
_DOTTED = re.compile(r"(?:[a-zæøå]{1,3}\.){2,}", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    lex = load_lexicon("abbreviations")
    low = lambda xs: frozenset(x.casefold() for x in xs)  # noqa: E731
    return (low(lex["never_final"]), low(lex["may_end"]), low(lex["number_refs"]), low(lex["months"]),
            low(lex["sentence_starters"]))


_MONEY_UNITS = frozenset(("kr.", "dkr.", "mio.kr.", "mia.kr.", "pct.", "procent."))  # sums and shares, not times
_AMOUNT = re.compile(r"[-+]?\d[\d.,]*(?:-|,-)?")  # "12.340", "1,5", "500,-"


def _word_before(text: str, end: int, lo: int) -> tuple[str, str]:
    """The white-space delimited word ending at `end` (without openers) and the word before it."""
    i = end
    while i > lo and not text[i - 1].isspace():
        i -= 1
    word = text[i:end].lstrip(_OPENERS)
    j = i
    while j > lo and text[j - 1].isspace():
        j -= 1
    k = j
    while k > lo and not text[k - 1].isspace():
        k -= 1
    return word, text[k:j].strip(_OPENERS + ",;:").casefold()


_NON_SPACE = re.compile(r"\S+")
_OUTLINE_MARK = re.compile(r"[a-zæøå]|[ivx]{1,5}")


def _next_word(text: str, pos: int, hi: int) -> str:
    m = _NON_SPACE.match(text, pos, hi)
    return (m.group() if m else "").strip(_OPENERS).rstrip(",;:.!?").casefold()


def _is_cut(text: str, lo: int, hi: int, punct_start: int, punct_end: int, nxt: int, starters: frozenset[str]) -> bool:
    """Does the sentence end at text[punct_start:punct_end], with the next sentence at `nxt`?"""
    never, may_end, refs, months, common = _lexicon()
    if not _NEXT_OK.match(text[nxt]):
        return False
    punct = text[punct_start:punct_end]
    next_word = _next_word(text, nxt, hi)
    is_common = next_word in common
    is_starter = is_common or next_word in starters
    if "." not in punct[:1]:  # ? ! …
        return True
    if len(punct.rstrip("\"'”’»)]")) > 1:  # "..." ellipsis
        return True
    word, prev = _word_before(text, punct_start + 1, lo)
    low = word.casefold()
    if _OUTLINE_MARK.fullmatch(low.rstrip(".")) and not text[lo:punct_start + 1].strip().removesuffix(word).strip():
        return False  # "i. (Vibe) …", "b. Jens …": an outline mark opening the line, not a sentence
    if low in may_end:  # "... 2 mio. kr. Beløbet dækker": a capitalised definite noun opens a sentence too
        raw = text[nxt:hi].split(None, 1)[0].rstrip(",;:.!?") if nxt < hi else ""
        if low in _MONEY_UNITS and _AMOUNT.fullmatch(prev) and raw[:1].isupper():
            return True  # "et overskud på 12.340 kr. Spørgsmål fra …": a unit after its amount closes the sentence
        return is_starter or (bool(_DEFINITE.fullmatch(raw)) and not raw.endswith("sen"))
    if low in never or low.rstrip(".") in never:
        return False
    if _INITIAL.fullmatch(word):
        return is_common  # "Hanne K. Lauritsen": a name after an initial continues the name
    if _ORDINAL.fullmatch(word):
        if next_word in months:
            return False
        if prev in refs or prev.endswith("punkt"):
            return is_starter
        return True
    if _DOTTED.fullmatch(low):  # unlisted dotted abbreviation ("a.m.b.a.")
        return is_starter
    return True


def sentence_bounds(text: str, starters: Iterable[str] = ()) -> list[tuple[int, int]]:
    """(start, end) offsets of every sentence in `text`, trimmed of white space.

    `starters`: extra words (casefolded) that may begin a sentence after an ambiguous
    period, e.g. the first names on the attendance list.
    """
    extra = frozenset(s.casefold() for s in starters)
    out: list[tuple[int, int]] = []
    lo = 0
    n = len(text)
    while lo <= n:
        hi = text.find("\n", lo)
        if hi < 0:
            hi = n
        cuts = [lo]
        for m in _END.finditer(text, lo, hi):
            nxt = m.end()
            while nxt < hi and text[nxt].isspace():
                nxt += 1
            if nxt < hi and _is_cut(text, lo, hi, m.start(), m.end(), nxt, extra):
                cuts.append(nxt)
        for m in _GLUED.finditer(text, lo, hi):
            word, _ = _word_before(text, m.start(), lo)
            never, may_end, *_ = _lexicon()
            if "." not in word and (word + ".").casefold() not in never | may_end:
                cuts.append(m.end())
        cuts = sorted(set(cuts)) + [hi]
        out.extend(span for a, b in zip(cuts, cuts[1:]) if (span := _trimmed(text, a, b)))
        lo = hi + 1
    return out


#: what closes a heading that its text runs on from ("Valg af dirigent: Eva vælges")
_RUN_IN_MARKS = frozenset(":.–—-)")


def cut_at_headings(text: str, bounds: list[tuple[int, int]], heading_ends: Iterable[int]) -> list[tuple[int, int]]:
    """A run-in heading ends its sentence: in "2. Godkendelse af regnskab: Kim oplyser, at …"
    the text after the heading is a sentence of the item's own, not part of its title. (A
    heading with no closing mark may just wrap on: "… produktion/" "indkøb af skilte".)"""
    ends = sorted(set(heading_ends))
    if not ends:
        return bounds
    out: list[tuple[int, int]] = []
    for a, b in bounds:
        k = bisect.bisect_right(ends, a)
        while k < len(ends) and ends[k] < b:
            h = ends[k]
            head, rest = _trimmed(text, a, h), _trimmed(text, h, b)
            if head and rest and text[head[1] - 1] in _RUN_IN_MARKS:
                out.append(head)
                a = rest[0]
            k += 1
        out.append((a, b))
    return out


def _trimmed(text: str, a: int, b: int) -> tuple[int, int] | None:
    """(a, b) without surrounding white space; None when nothing is left."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


def _align(doc: Doc, starts: list[int]) -> Doc:
    """Split tokens that straddle a sentence start so every start is a token start."""
    idx = doc.to_array("IDX").tolist()  # token start offsets, one array read (no Token objects)
    by_idx = set(idx)
    straddled: dict[int, list[int]] = {}
    for s in starts:
        if s in by_idx:
            continue
        i = bisect.bisect_right(idx, s) - 1  # the token that starts before s
        if i >= 0 and s < idx[i] + len(doc[i].text):
            straddled.setdefault(i, []).append(s - idx[i])
    if straddled:
        with doc.retokenize() as retok:
            for i, offs in straddled.items():
                tok = doc[i]
                cuts = [0] + sorted(offs) + [len(tok.text)]
                parts = [tok.text[a:b] for a, b in zip(cuts, cuts[1:])]
                retok.split(tok, parts, heads=[(tok, 0)] * len(parts))
    return doc


def set_sentences(doc: Doc, bounds: list[tuple[int, int]]) -> Doc:
    """Mark `is_sent_start` on every token from character bounds."""
    doc = _align(doc, [a for a, _ in bounds])
    starts = numpy.array(sorted({a for a, _ in bounds}), dtype="int64")
    is_start = numpy.isin(doc.to_array("IDX").astype("int64"), starts)
    is_start[:1] = True
    flags = numpy.where(is_start, 1, -1).astype("int64").reshape(-1, 1).astype("uint64")
    doc.from_array(["SENT_START"], flags)  # one array write: the per-token setter is slow
    return doc


def _roster_starters(doc: Doc) -> set[str]:
    """First names on the attendance list: "... mv. Birthe orienterede" starts a sentence."""
    return {att.name.split()[0].casefold() for att in doc._.roster or [] if att.name and att.name.split()}


class SentenceSplitter:
    """The component: sets `token.is_sent_start` for every token."""

    def __init__(self) -> None:
        self.first_names = frozenset(load_names().first)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = base.doc_text(doc)
        bounds = sentence_bounds(text, self.first_names | _roster_starters(doc))
        return set_sentences(doc, cut_at_headings(text, bounds, [h for _, s, _, h in doc._.item_spans or [] if h > s]))


@Language.factory("referat_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter()


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character (start, end) of `doc.sents`, trimmed of white space (empty ones dropped)."""
    out = []
    text = base.doc_text(doc)
    for sent in doc.sents:
        span = _trimmed(text, sent.start_char, sent.end_char)
        if span:
            out.append(span)
    return out
