"""`finditer(rx, text)`: exactly `rx.finditer(text)`, faster on long texts for patterns whose
every match starts with one of a few literal words ("januar", "kommune", "primo", …).

Why: most finders run a case-insensitive pattern over the whole document, and Python's
`re` has no fast skip for those (no literal prefix under IGNORECASE, nor after a leading
lookbehind such as `(?<!\\w)`), so it tries the full pattern at every character. Here the
necessary prefixes of a match are read off the parsed pattern (up to `PREFIX_LEN`
characters, lower-cased), one case-sensitive alternation of them is searched in the
lower-cased text (which `re` scans fast), and the full pattern is tried only where one
occurs, with `rx.match(text, p)`: the same attempt `finditer` makes at p (look-behinds and
`^` see the whole string either way). Matches are non-empty, so the order and overlaps of
the results are those of `finditer`.

Exactness needs `text.lower()` to agree character by character with the simple lower case
`re` compares under IGNORECASE (texts with 'İ', a capital sigma or a character beyond the
BMP fall back to `rx.finditer`, as do patterns without a literal prefix), and a prefix
character to stand for every character `re` folds together with it ('s' also for 'ſ'). tests/test_perf_equivalence.py checks both ways on random and corpus texts.
"""
from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator
from functools import lru_cache

import _sre
import re._casefix as _casefix
import re._constants as C
import re._parser as _parser

#: how many leading characters of a match the key holds (longer: fewer false candidates)
PREFIX_LEN = 4
#: prefixes at most: beyond this the key is cut shorter (still a superset)
MAX_PREFIXES = 400
#: a key of more alternatives, or with a shorter one, selects too little to pay off
MAX_KEYS = 64
MIN_KEY_LEN = 2
#: a class of more characters than this ends the prefix (it selects little)
MAX_CLASS = 40
#: shorter texts are scanned by `rx.finditer` directly (the key pays off on long texts)
MIN_TEXT = 2000


def _unsafe_chars() -> str:
    """Characters whose `str.lower()` is not the one simple lower case `re` folds them to."""
    bad = [cp for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF
           and chr(cp).lower() != chr(_sre.unicode_tolower(cp))]
    bad.append(0x3A3)  # capital sigma: str.lower() gives 'ς' or 'σ' by what follows it
    return "".join(re.escape(chr(cp)) for cp in sorted(set(bad)))


def _folds(c: str) -> set[str]:
    """The lower cases of the characters `re` matches with `c` under IGNORECASE ('s' → s, ſ)."""
    low = chr(_sre.unicode_tolower(ord(c)))
    return {low, *(chr(x) for x in _casefix._EXTRA_CASES.get(ord(low), ()))}


_UNSAFE = re.compile(f"[{_unsafe_chars()}\U00010000-\U0010FFFF\ud800-\udfff]")

_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def _class_chars(items: list, fold) -> set[str] | None:
    """The characters (folded) of a plain character class, or None when it is not small and plain."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] < MAX_CLASS:
            out.update(chr(cp) for cp in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\w, \d), big ranges
            return None
        if len(out) > MAX_CLASS:
            return None
    return set().union(*(fold(c) for c in out))


def _exact(c: str) -> set[str]:
    return {c}


# a state: (prefix so far, can it still grow?)
State = tuple[str, bool]


def _walk(seq: list, states: set[State], fold, icase: bool) -> set[State]:
    """The prefixes after matching `seq`. `fold`: a character to the key characters standing
    for it; `icase` with `_exact`: inside a (?i:…) group, where the key cannot follow (it ends)."""
    for op, av in seq:
        if not any(grow for _, grow in states):
            return states
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL and not (icase and fold is _exact):
            states = _extend(states, fold(chr(av)))
        elif op is C.IN and not (icase and fold is _exact):
            states = _extend(states, _class_chars(av, fold))
        elif op is C.SUBPATTERN:
            inner = (icase or bool(av[1] & re.IGNORECASE)) and not av[2] & re.IGNORECASE
            states = _walk(av[3].data, states, fold, inner)
        elif op is C.ATOMIC_GROUP:
            states = _walk(av.data, states, fold, icase)
        elif op is C.BRANCH:
            states = set().union(*(_walk(alt.data, states, fold, icase) for alt in av[1]))
        elif op in _REPEATS:
            lo, hi, item = av
            once = _walk(item.data, states, fold, icase)
            if hi != 1:  # more repetitions may follow: the prefix ends after the first
                once = {(s, False) for s, _ in once}
            states = once if lo >= 1 else states | once
        else:  # any character, a category, a back-reference, …: the prefix ends here
            states = {(s, False) for s, _ in states}
        if len(states) > MAX_PREFIXES:
            states = {(s, False) for s, _ in states}
    return states


def _extend(states: set[State], chars: set[str] | None) -> set[State]:
    if chars is None:
        return {(s, False) for s, _ in states}
    out: set[State] = set()
    for s, grow in states:
        if not grow:
            out.add((s, False))
            continue
        for c in chars:
            t = s + c
            out.add((t, len(t) < PREFIX_LEN))
    return out


def _selective(keep: list[str], lowered: bool, max_keys: int = MAX_KEYS) -> bool:
    """Will the key pick out few enough places to pay for the extra calls? (speed only)"""
    if not keep or len(keep) > max_keys or all(p[0].isdigit() for p in keep):
        return False
    if lowered:
        return min(map(len, keep)) >= MIN_KEY_LEN
    # case-sensitive: single characters only when none is a lower-case letter or a space
    return all(len(p) >= MIN_KEY_LEN or not (p.islower() or p.isspace()) for p in keep)


@lru_cache(maxsize=1024)
def prefixes_for(rx: re.Pattern, max_keys: int = MAX_KEYS) -> tuple[tuple[str, ...], bool] | None:
    """(prefixes, lowered): literals one of which occurs at the start of every match of `rx`,
    in the lower-cased text when `lowered` (`rx` ignores case) and else in the text itself;
    None when `rx` has no selective literal prefix (at most `max_keys` of them)."""
    if not isinstance(rx.pattern, str):
        return None
    lowered = bool(rx.flags & re.IGNORECASE)
    try:
        parsed = _parser.parse(rx.pattern, rx.flags & ~re.UNICODE)
    except Exception:  # noqa: BLE001 - an unknown construct: no fast path
        return None
    prefixes = {s for s, _ in _walk(parsed.data, {("", True)}, _folds if lowered else _exact, lowered)}
    # none made redundant by a shorter one ("jan" covers "janu", "jan."): `re` scans this fast
    keep = sorted(p for p in prefixes if not any(q != p and p.startswith(q) for q in prefixes))
    if "" in keep or not _selective(keep, lowered, max_keys):
        return None
    return tuple(keep), lowered


@lru_cache(maxsize=1024)
def key_for(rx: re.Pattern) -> tuple[re.Pattern, bool] | None:
    """(key, lowered): a case-sensitive pattern that occurs at the start of every match of
    `rx` (see `prefixes_for`); None when `rx` has no selective literal prefix (then
    `finditer` is the plain one)."""
    found = prefixes_for(rx)
    if found is None:
        return None
    keep, lowered = found
    return re.compile("|".join(re.escape(p) for p in keep)), lowered


_last: list[str] = ["", ""]  # the last text lower-cased, and its lower case (one document at a time)
_last_has: dict[str, bool] = {}  # which characters occur in that lower case (asked for lazily)


def _lowered(text: str) -> str | None:
    """`text.lower()` when it folds character by character like `re` does, else None (cached)."""
    if _last[0] is not text:
        _last[0], _last[1] = text, ("" if _UNSAFE.search(text) else text.lower())
        _last_has.clear()
    low = _last[1]
    return low if len(low) == len(text) else None


def finditer(rx: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
    """Exactly `rx.finditer(text, pos, endpos)`; see the module docstring for how."""
    end = len(text) if endpos is None else max(0, min(endpos, len(text)))
    found = key_for(rx) if end - pos >= MIN_TEXT else None
    if found is None:
        return rx.finditer(text, pos, end)
    key, lowered = found
    haystack = _lowered(text) if lowered else text
    if haystack is None:
        return rx.finditer(text, pos, end)
    return _scan(rx, key, text, haystack, pos, end)


def _scan(rx: re.Pattern, key: re.Pattern, text: str, haystack: str, pos: int, end: int) -> Iterator[re.Match]:
    search, match = key.search, rx.match
    while True:
        k = search(haystack, pos, end)
        if k is None:
            return
        p = k.start()
        m = match(text, p, end)
        if m is None:
            pos = p + 1
        else:
            yield m
            pos = m.end()


def _occurs(c: str, low: str) -> bool:
    """Does `c` occur in `low` (the current text's lower case)? Cached per text."""
    if c not in _last_has:
        _last_has[c] = c in low
    return _last_has[c]


def word_starts(word: str, text: str) -> list[int] | None:
    """Every offset (overlapping ones included) where the letters of `word` match in `text`
    case-insensitively, as `re.compile(word, re.IGNORECASE)` would match them there; None
    when that cannot be read off `text.lower()` (see `_lowered`) or `word` is not all letters.

    For finders that test a role word's pattern next to every mention: only mentions near
    one of these offsets can match, and a plain substring search finds them fast.
    """
    low = _lowered(text) if word.isalpha() else None
    if low is None:
        return None
    # a fold that never occurs in the text ('ı' for 'i', 'ſ' for 's') need not be searched for
    folds = [{f for f in _folds(c) if _occurs(f, low)} for c in word]
    out: list[int] = []
    if not all(folds):  # a letter of the word occurs in no case at all
        return out
    if all(len(f) == 1 for f in folds):
        key = "".join(f.pop() for f in folds)
        p = low.find(key)
        while p >= 0:
            out.append(p)
            p = low.find(key, p + 1)
        return out
    rx = re.compile("".join("[" + "".join(map(re.escape, sorted(f))) + "]" for f in folds))
    m = rx.search(low)
    while m is not None:
        out.append(m.start())
        m = rx.search(low, m.start() + 1)
    return out


def finditer_near(rx: re.Pattern, text: str, needs: re.Pattern) -> Iterator[re.Match]:
    """Exactly `rx.finditer(text)`, for a pattern each of whose matches contains a match of
    `needs` (a rarer literal: the head word of "Sydby Kommune") with no line break before it.

    Why: a pattern that opens with any capitalised word has a key (`key_for`) at every
    capital, and the full pattern fails at nearly all of them. A match starts on the line
    of a `needs` match inside it, before that match ends; each place `needs` matches lies
    inside one of its leftmost matches, so the line start of that one's start up to its end
    holds the start of every match of `rx`. Only there are the key's places tried, in order,
    as `_scan` tries them (a match is never empty: it holds a `needs` match).
    """
    found = key_for(rx)
    if found is None or len(text) < MIN_TEXT:
        yield from rx.finditer(text)
        return
    key, lowered = found
    haystack = _lowered(text) if lowered else text
    if haystack is None:
        yield from rx.finditer(text)
        return
    search, match = key.search, rx.match
    pos = 0  # no match may start before this (the end of the last one)
    for lo, hi in _windows(needs, text):
        p = max(lo, pos)
        stop = min(hi + PREFIX_LEN, len(text))  # (a key starting before `hi` may end after it)
        while p < hi:
            k = search(haystack, p, stop)
            if k is None or k.start() >= hi:
                break
            m = match(text, k.start())
            if m is None:
                p = k.start() + 1
            else:
                yield m
                p = pos = m.end()


def _windows(needs: re.Pattern, text: str) -> Iterator[tuple[int, int]]:
    """[line start of a `needs` match, its end), overlapping ones merged, in order."""
    lo = hi = -1
    for n in finditer(needs, text):
        a = text.rfind("\n", 0, n.start()) + 1
        if a > hi:
            if hi > lo:
                yield lo, hi
            lo = a
        hi = max(hi, n.end())
    if hi > lo:
        yield lo, hi


#: a prefix this short (in the lower case; in the text itself, a capital selects: 'Vi')
#: occurs in nearly every sentence: its pattern is always run
MIN_INDEX_KEY = {True: 3, False: 2}
#: prefixes a pattern may have in the index (one scan per first character, not per prefix)
INDEX_MAX_KEYS = MAX_PREFIXES


class KeyIndex:
    """Which of a set of patterns can match at all in a range of one document text.

    Finders run dozens of patterns over every sentence; most sentences hold none of a
    pattern's literal prefixes (`prefixes_for`), so the pattern cannot match there. One scan
    of the document for all prefixes of a set (its lower case for the patterns that ignore
    case: `_lowered` folds character by character, so a range's lower case is the
    document's lower case there) records where they occur; a range [start, end) can hold a
    match only if one of its pattern's prefixes starts inside it. Patterns without a key, or with one this short that it selects nothing, and texts
    `_lowered` refuses, always may match. In a set, a pattern `needs` (one each of whose
    matches contains a match of it) may stand in for a pattern without a key of its own.
    """

    def __init__(self, text: str):
        self.text = text
        self._low = _lowered(text)
        self._sets: dict[int, _KeySet] = {}

    def possible(self, patterns: dict[str, re.Pattern], start: int, end: int) -> frozenset[str]:
        """The names of `patterns` that may match inside text[start:end]; the others cannot.
        (`patterns` is one fixed dict per finder: it is indexed once per document.)"""
        ks = self._sets.get(id(patterns))
        if ks is None or ks.patterns is not patterns:
            ks = self._sets[id(patterns)] = _KeySet(patterns, self.text, self._low)
        return ks.possible(start, end)


class _KeySet:
    """The prefix occurrences of one set of patterns in one document, as sorted offsets
    and, for each, a bit mask of the patterns whose prefix occurs there."""

    def __init__(self, patterns: dict[str, re.Pattern], text: str, low: str | None):
        self.patterns = patterns
        self.names = list(patterns)
        self.always = 0
        by_hay: dict[bool, dict[str, int]] = {False: {}, True: {}}
        for bit, rx in enumerate(patterns.values()):
            found = prefixes_for(rx, INDEX_MAX_KEYS) if low is not None else None
            if found is None or min(map(len, found[0])) < MIN_INDEX_KEY[found[1]]:
                self.always |= 1 << bit
                continue
            for p in found[0]:
                by_hay[found[1]][p] = by_hay[found[1]].get(p, 0) | 1 << bit
        hits: list[tuple[int, int]] = []
        for lowered, masks in by_hay.items():
            if masks:
                hits += _occurrences(masks, low if lowered else text)
        hits.sort()
        self.at = [p for p, _ in hits]
        self.masks = [m for _, m in hits]
        self._sets: dict[int, frozenset[str]] = {}

    def possible(self, start: int, end: int) -> frozenset[str]:
        # (from PREFIX_LEN - 1 before: an unlisted overlapping occurrence in the range starts
        # inside a listed one, which starts at most that much earlier)
        i = bisect.bisect_left(self.at, start - (PREFIX_LEN - 1))
        j = bisect.bisect_left(self.at, end, i)
        mask = self.always
        for m in self.masks[i:j]:
            mask |= m
        got = self._sets.get(mask)
        if got is None:
            got = self._sets[mask] = frozenset(n for b, n in enumerate(self.names) if mask >> b & 1)
        return got


def _occurrences(masks: dict[str, int], haystack: str) -> list[tuple[int, int]]:
    """(offset, mask) of the places a literal of `masks` starts in `haystack`: one search per
    first character (an alternation sharing its first character is a fast scan in `re`).

    At a listed offset the mask is that of every literal starting there (the longest found
    and the shorter ones it begins with). An occurrence overlapping a listed one starts less
    than PREFIX_LEN characters after it (the callers allow for that)."""
    present: dict[str, bool] = {}
    groups: dict[str, list[str]] = {}
    for lit in masks:
        # a folded variant ('ſ', 'ı') hardly ever occurs: one test per character, not a scan
        rare = [c for c in lit if not ("a" <= c <= "z" or c in "æøå ")]
        if all(present.setdefault(c, c in haystack) for c in rare):
            groups.setdefault(lit[0], []).append(lit)
    out: list[tuple[int, int]] = []
    for lits in groups.values():
        lits.sort(key=len, reverse=True)
        full = {lit: _union(masks[q] for q in lits if lit.startswith(q)) for lit in lits}
        rx = re.compile("|".join(map(re.escape, lits)))
        out += [(m.start(), full[m.group()]) for m in rx.finditer(haystack)]
    return out


def _union(masks: Iterator[int]) -> int:
    out = 0
    for m in masks:
        out |= m
    return out


assert sys.maxunicode > 0xFFFF
