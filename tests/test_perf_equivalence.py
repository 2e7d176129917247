"""The fast paths of the NLP stage give exactly what the plain loops they replaced gave.

The interval helpers, the per-document indexes and the tokenizer warm-up exist only for
speed (long minutes made several loops quadratic). Each test here runs the new code and a
naive reference (the straightforward loop, written out below) on many random inputs from a
fixed seed and requires identical results, ties and orders included. No timings: the
benchmark (benchmarks/throughput.py) measures speed; these guard behaviour.
"""
from __future__ import annotations

import gc
import random
import re

import pytest
import spacy

from extract.nlp import intervals
from extract.nlp.actions import canonical_by_lower
from extract.nlp.entities import Mention, merge_entities, resolve, to_entity
from extract.nlp.gazetteer import load_names
from extract.nlp.orgs import (
    _END,
    _GEN,
    _START,
    _resolve,
    _surface_alternation,
    _surface_regex,
    _trim_at_persons,
    _word_starts,
    canonical_org,
    load_lexicon,
)
from extract.nlp.persons import Roster, _person

SEED = 20240607


def _ranges(rng: random.Random, n: int, span: int = 60, longest: int = 12) -> list[tuple[int, int]]:
    """Random half-open ranges, empty ones included (the trickiest case for the overlap test)."""
    out = []
    for _ in range(n):
        a = rng.randrange(span)
        out.append((a, a + rng.randrange(longest + 1)))
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --------------------------------------------------------------------------- helpers


def test_static_ranges_answer_like_a_scan():
    rng = random.Random(SEED)
    for _ in range(400):
        rs = _ranges(rng, rng.randrange(0, 25), longest=rng.choice([0, 3, 15, 80]))
        index = intervals.StaticRanges(rs)
        for q in _ranges(rng, 30, span=70):
            want = [i for i, r in enumerate(rs) if _overlap(r, q)]
            assert index.indices_overlapping(*q) == want
            assert index.any_overlap(*q) == bool(want)


def test_growing_ranges_answer_like_a_scan():
    rng = random.Random(SEED + 1)
    for _ in range(300):
        kept: list[tuple[int, int]] = []
        grow = intervals.GrowingRanges()
        for _ in range(rng.randrange(1, 30)):
            r = _ranges(rng, 1, longest=rng.choice([2, 20]))[0]
            q = _ranges(rng, 1, span=70)[0]
            assert grow.any_overlap(*q) == any(_overlap(k, q) for k in kept)
            kept.append(r)
            grow.add(*r)


@pytest.mark.parametrize("later_ties", [False, True])
def test_innermost_range_matches_a_scan(later_ties):
    rng = random.Random(SEED + 3)
    for _ in range(300):
        rs = _ranges(rng, rng.randrange(0, 12), span=50, longest=rng.choice([5, 40]))
        index = intervals.InnermostRange(rs, later_ties=later_ties)
        for offset in range(-2, 95):
            best = None
            for i, (s, e) in enumerate(rs):
                if s <= offset < e and (best is None or s > rs[best][0] or (later_ties and s == rs[best][0])):
                    best = i
            assert index.index_at(offset) == best


# --------------------------------------------------------------------------- mention precedence


def _random_mentions(rng: random.Random, n: int) -> list[Mention]:
    out = []
    for s, e in _ranges(rng, n, span=80, longest=14):
        label = rng.choice(["PER", "ORG", "LOC"])
        source = rng.choice(["roster", "rules", "gazetteer", "ner"])
        out.append(Mention(label, s, e, f"t{s}-{e}", f"c{rng.randrange(5)}", source, rng.choice(["a", "b"])))
    return out


def _naive_resolve(mentions: list[Mention]) -> list[Mention]:
    """entities.resolve as the scan over every kept mention it was."""
    rank = {"roster": 0, "ORG": 1, "PER": 2, "LOC": 3}

    def r(m: Mention) -> int:
        return rank["roster"] if m.label == "PER" and m.source == "roster" else rank.get(m.label, 9)

    def contains(a: Mention, b: Mention) -> bool:
        return a.start <= b.start and b.end <= a.end and (a.end - a.start) > (b.end - b.start)

    chosen: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (r(m), -(m.end - m.start), m.start)):
        clash = [c for c in chosen if c.start < m.end and m.start < c.end]
        if not clash:
            chosen.append(m)
        elif m.label == "ORG" and all(c.label == "PER" and contains(m, c) for c in clash):
            chosen = [c for c in chosen if c not in clash] + [m]
    return sorted(chosen, key=lambda m: (m.start, m.end))


def test_entity_precedence_matches_the_quadratic_loop():
    rng = random.Random(SEED + 4)
    for _ in range(400):
        ms = _random_mentions(rng, rng.randrange(0, 40))
        assert resolve(ms) == _naive_resolve(ms)


def test_org_resolution_matches_the_quadratic_loop():
    rng = random.Random(SEED + 5)
    rank = {"roster": 0, "gazetteer": 1, "rules": 2}
    for _ in range(400):
        ms = _random_mentions(rng, rng.randrange(0, 40))
        chosen: list[Mention] = []
        for m in sorted(ms, key=lambda m: (-(m.end - m.start), rank.get(m.source, 3), m.start)):
            if all(m.end <= c.start or m.start >= c.end for c in chosen):
                chosen.append(m)
        assert _resolve(ms) == sorted(chosen, key=lambda m: m.start)


def test_merging_model_entities_matches_the_quadratic_loop():
    rng = random.Random(SEED + 6)
    for _ in range(300):
        base = [to_entity(m) for m in _random_mentions(rng, rng.randrange(0, 15))]
        extra = _random_mentions(rng, rng.randrange(0, 25))
        taken = [(e.char_start, e.char_end) for e in base]
        added: list[Mention] = []
        for m in sorted(extra, key=lambda m: (-(m.end - m.start), m.start)):
            if any(_overlap((m.start, m.end), t) for t in taken) or any(_overlap((m.start, m.end), (a.start, a.end)) for a in added):
                continue
            added.append(m)
        want = sorted(base + [to_entity(m) for m in added], key=lambda e: (e.char_start, e.char_end))
        assert merge_entities(base, extra) == want


def test_trimming_at_person_names_matches_the_full_scan():
    rng = random.Random(SEED + 7)
    words = ["Nordby", "Kommune", "Hans", "Holm", "Fonden", "og", "Sundhedsstyrelsen", "A/S"]
    for _ in range(300):
        mentions = []
        for _ in range(rng.randrange(0, 12)):
            text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 5)))
            s = rng.randrange(60)
            mentions.append(Mention("ORG", s, s + len(text), text, canonical_org(text), "rules", "x"))
        persons = _ranges(rng, rng.randrange(0, 10), span=80, longest=12)
        want = []
        for m in mentions:
            for ps, pe in persons:
                if m is None or pe <= m.start or ps >= m.end:
                    continue
                if ps <= m.start and pe >= m.end:
                    m = None
                elif m.start < ps and pe >= m.end:
                    head = m.text[: ps - m.start].rstrip(" ,")
                    m = m._replace(end=m.start + len(head), text=head, canonical=canonical_org(head)) if len(head.split()) >= 2 else None
            if m is not None:
                want.append(m)
        assert _trim_at_persons(mentions, persons) == want


def test_word_occurrences_match_the_regex_they_replace():
    rng = random.Random(SEED + 8)
    alphabet = "aAsS s-_.\n1é"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        word = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 4)))
        want = [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}s?(?![\w])", text)]
        assert _word_starts(text, word) == want


def test_gazetteer_trie_matches_the_flat_longest_first_alternation():
    rng = random.Random(SEED + 10)
    lex = load_lexicon()
    for label in ("ORG", "LOC"):
        names = sorted(s for s, e in lex.entries.items() if e.label == label)
        flat = "|".join(_surface_regex(n) for n in sorted(names, key=len, reverse=True))
        slow = re.compile(rf"{_START}(?P<name>{flat}){_GEN}{_END}")
        fast = re.compile(rf"{_START}(?P<name>{_surface_alternation(names)}){_GEN}{_END}")
        pieces = names + [n[: rng.randrange(1, len(n) + 1)] for n in names] + ["s", "'s", "-", " ", "\u00a0", ".", "x", "\n"]
        for _ in range(400):
            text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  ", "\u00a0", "s ", "-"]) for _ in range(12))
            want = [(m.span(), m.span("name"), m.group("gen")) for m in slow.finditer(text)]
            assert [(m.span(), m.span("name"), m.group("gen")) for m in fast.finditer(text)] == want
            assert bool(fast.match(text)) == bool(slow.match(text))


def test_canonical_lookup_keeps_the_first_mention():
    mentions = [(0, 3, "KL"), (5, 8, "kl"), (9, 12, "Kl"), (20, 25, "Bo Ek")]
    assert canonical_by_lower(mentions) == {"kl": "KL", "bo ek": "Bo Ek"}


# --------------------------------------------------------------------------- the roster index


class _Everyone:
    """Stands in for a roster index: hands the rules every person, filtered as the scans did."""

    def __init__(self, roster: Roster, keep) -> None:
        self.roster, self.keep = roster, keep

    def get(self, key, default=()):
        return [p for p in self.roster.people if self.keep(p, key)]

    def __contains__(self, first: str) -> bool:
        return any(p.parts and p.parts[0] == first for p in self.roster.people)


class _ScanningRoster(Roster):
    """The same matching rules, but scanning every person for every mention (as before the index)."""

    def __init__(self, people, names) -> None:
        super().__init__(people, names)
        self._by_initial = _Everyone(self, lambda p, key: True)
        self._by_part = _Everyone(self, lambda p, word: word in p.parts)
        self._first_parts = _Everyone(self, None)

    def _index(self, person) -> None:
        pass


def test_roster_index_matches_the_scan():
    rng = random.Random(SEED + 9)
    names = load_names()
    firsts = ["Anne", "Ane", "Bo", "Hans", "Hanne", "Mette", "Lise", "Line", "Søren", "Sören"]
    lasts = ["Holm", "Holms", "Hansen", "Hanssen", "Lund", "Kirk", "Ek", "Jensen"]
    for _ in range(150):
        people = [_person(" ".join([rng.choice(firsts)] + rng.sample(lasts, rng.randrange(0, 3))), absent=rng.random() < 0.2)
                  for _ in range(rng.randrange(0, 8))]
        fast, slow = Roster(list(people), names), _ScanningRoster(list(people), names)
        for _ in range(40):
            if rng.random() < 0.2:
                p = _person(f"{rng.choice(firsts)} {rng.choice(lasts)}")
                fast.add(p)
                slow.add(p)
            k = rng.randrange(1, 4)
            words = [rng.choice(firsts + lasts + ["S.", "H.", "ane", "Bo"]) for _ in range(k)]
            alone = rng.random() < 0.5
            assert fast.match(words, alone) == slow.match(words, alone), words
            if rng.random() < 0.3:
                fast.note(words[0])
                slow.note(words[0])


def test_titled_mention_index_matches_testing_every_mention():
    from types import SimpleNamespace

    from extract.nlp.statements import StatementFinder

    def scan(finder: StatementFinder, bases: set[str]) -> str | None:
        """The two apposition patterns tried on every mention, as before the index."""
        text = finder._doc_text
        alt = "|".join(re.escape(b) for b in sorted(bases, key=len, reverse=True) if len(b) >= 4)
        if not alt:
            return None
        after = re.compile(rf"[ \t]*(?:\([^()\n]{{0,40}}\)[ \t]*)?,[ \t]*(?:{alt})(?![\wæøå-])(?![ \t]+(?-i:[A-ZÆØÅ]))",
                           re.IGNORECASE)
        before = re.compile(rf"(?<![\wæøå-])(?:{alt})[ \t]+$", re.IGNORECASE)
        names = {m._.canonical or m.text for m in finder._mentions
                 if after.match(text, m.end_char) or before.search(text[max(0, m.start_char - 40):m.start_char])}
        return names.pop() if len(names) == 1 else None

    rng = random.Random(SEED + 11)
    pieces = ["leder", "Leder", "LEDER", "skole", "vice", "-", " ", "  ", "\t", "\n", ",", ", ", "(V)", "(", ")", "æ",
              "Ø", "x", "skoleleder ", "Leder\t", "viceleder \n", "leder \n", "Ib", "Bo Ek", "Ane"]
    titles = ["skoleleder", "leder", "Leder", "viceleder", "skole", "ledere", "led", "vice-leder", "leder x"]
    finder = StatementFinder()
    finder.roster = []
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        spans = sorted({tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(6)} if len(text) > 1 else set())
        finder._doc_text = text
        finder._mentions = [SimpleNamespace(start_char=a, end_char=b, text=text[a:b] or "x",
                                            _=SimpleNamespace(canonical=rng.choice([None, "Ib Holm", "Bo Ek"])))
                            for a, b in spans]
        finder._title_index = None
        for _ in range(6):
            bases = set(rng.sample(titles, rng.randrange(1, 4)))
            got = finder._titled_mention(bases)
            assert (got.name if got else None) == scan(finder, bases), (text, spans, bases)


def test_elected_index_matches_testing_every_mention():
    from types import SimpleNamespace

    from extract.nlp.statements import StatementFinder, _elected_patterns

    def scan(finder: StatementFinder, role: str) -> str | None:
        """`_elected`'s two patterns tried on every mention, as before the index."""
        text = finder._doc_text
        after, before = _elected_patterns(role)
        names = {m._.canonical or m.text for m in finder._mentions
                 if after.match(text, m.end_char) or before.search(text[max(0, m.start_char - 60):m.start_char])}
        return names.pop() if len(names) == 1 else None

    rng = random.Random(SEED + 12)
    ws = ["", " ", "  ", "\n", " " * 30, "\n" * 12, "\t"]

    def pick(*options: str) -> str:
        return rng.choice(options)

    def clause(role: str) -> list[tuple[str, bool]]:
        """Pieces (text, is a mention) near the patterns' edges: long gaps, long asides, other words."""
        paren = pick("", "(V)", "(formand)", "(" + "x" * rng.randrange(30, 45) + ")", "(" + " " * 50 + ")")
        after = [(pick("Ib", "Bo Ek", "Ane"), True), (pick(*ws) + paren + pick("", ",") + pick(*ws), False),
                 (pick("", "blev ", "er ", "var ", "blev  ") + pick("", "valgt ", "genvalgt ", "udpeget ", "foreslået ")
                  + pick("som", "til", "Som", "TIL", "ſom", "xsom", "") + pick(" ", "", "\n", "\u00a0 ")
                  + pick(role, role.upper(), role + "en", "x" * 20)
                  + pick("", " ", ".", "s"), False)]
        before = [(pick("", "som ", "til ", "x ") + pick(role, role.capitalize(), "ordstyrer") + pick(" ", "  ", "")
                   + pick("valgtes", "blev valgt", "blev genvalgt", "udpegedes", ":", " :", "x")
                   + pick(*ws, " " * rng.randrange(40, 56), " " * (51 - len(role) + 8)), False),
                  (pick("Ib", "Bo Ek", "Ane"), True)]
        return rng.choice([after, before, [(pick(*ws, "x" * 40, "ſ", "ı", ", "), False)]])

    roles = ["dirigent", "referent", "stemmetæller", "ordstyrer"]
    finder = StatementFinder()
    found = 0
    for _ in range(1000):
        pieces = [p for _ in range(rng.randrange(0, 5)) for p in clause(rng.choice(roles))]
        text, spans = "", set()
        for piece, is_mention in pieces:
            if is_mention:
                spans.add((len(text), len(text) + len(piece)))
            text += piece
        spans |= {tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(3)} if len(text) > 1 else set()
        finder._doc_text = text
        finder._mentions = [SimpleNamespace(start_char=a, end_char=b, text=text[a:b] or "x",
                                            _=SimpleNamespace(canonical=rng.choice([None, "Ib Holm", "Bo Ek"])))
                            for a, b in sorted(spans)]
        finder._mention_index = None
        for role in roles:
            want = scan(finder, role)
            found += want is not None
            assert finder._find_elected(role) == want, (text, spans, role)
    assert found > 100  # the texts do exercise both patterns


def test_word_starts_are_where_the_word_matches_ignoring_case():
    from extract.nlp import fastscan

    rng = random.Random(SEED + 13)
    words = ("dirigent", "Dirigent", "kasse", "KASSE", "kaſſe", "skıb", "ib", "aa", "å", "Å", " ", "\n", "ss")
    for _ in range(300):
        text = "".join(rng.choice(words + tuple(_TRICKY)) for _ in range(rng.randrange(0, 40)))
        for word in ("kasse", "ib", "aa", "sis", "dirigent", "å", "ss"):
            got = fastscan.word_starts(word, text)
            want = [m.start() for m in re.finditer(f"(?={word})", text, re.IGNORECASE)]
            assert got is None or got == want, (text, word)
            assert got is not None or fastscan._UNSAFE.search(text), (text, word)


# --------------------------------------------------------------------------- spaCy side


def _tokens(doc) -> list[tuple[str, int, str]]:
    return [(t.text, t.idx, t.whitespace_) for t in doc]


def test_warming_the_tokenizer_cache_changes_no_token():
    from extract.nlp import make_doc

    text = ("Mødet blev holdt kl. 17.00 bl.a. med Hans Holm (HH), jf. pkt. 3.\n"
            "Budgettet for 2024-25 – dvs. ca. 1,5 mio. kr. – blev godkendt. "
            "Se www.nordby.dk/referat og mail@nordby.dk! \"Citat\" (jf. §4, stk. 2).\n") * 3
    plain = spacy.blank("da")
    warmed = spacy.blank("da")
    assert _tokens(make_doc(warmed, text)) == _tokens(plain.make_doc(text))
    assert _tokens(make_doc(warmed, text)) == _tokens(plain.make_doc(text))  # warm cache from the first run


def test_sentence_ranges_equal_the_spans_of_doc_sents():
    from extract.nlp.dates import sentence_ranges
    from extract.nlp.sentences import sentence_bounds, set_sentences

    nlp = spacy.blank("da")
    text = "Hans Holm orienterede.Mødet sluttede. Næste møde er 3. maj.\n• Punkt to: godkendt\nIntet"
    doc = set_sentences(nlp.make_doc(text), sentence_bounds(text))
    assert sentence_ranges(doc) == [(s.start_char, s.end_char) for s in doc.sents]
    assert doc[0].is_sent_start is True


def test_fewer_gc_passes_restores_the_threshold():
    from extract.pipeline import fewer_gc_passes

    before = gc.get_threshold()
    with fewer_gc_passes(gen0=max(before[0], 1) * 10):
        assert gc.get_threshold()[0] == max(before[0], 1) * 10
    assert gc.get_threshold() == before


# --------------------------------------------------------------------------- fastscan

#: characters `re` folds with others under IGNORECASE, or that lower-case oddly
_TRICKY = "ſıİKÅΣσςµkKsSiIåÅæÆøØ"


def _fastscan_patterns() -> list[re.Pattern]:
    import extract.nlp.temporal as temporal

    pats = list(load_lexicon().regexes.values())
    pats += [v for k, v in vars(temporal).items() if k.startswith("RE_") and isinstance(v, re.Pattern)]
    pats += [re.compile(p, f) for p, f in [
        (r"(?<!\w)(?:jan|feb)(?:uar)?\b", re.I), (r"sk[iı]+b", re.I), (r"(?i:kom)mune", 0),
        (r"(?-i:Kom)mune", re.I), (r"Ka?s+e", re.I), (r"(?<=\s)Regi(?:on)?", 0), (r"(?:ab)+c", re.I),
        (r"[A-ZÆØÅ][a-zæøå]+ (?:Kommune|Region)", 0), (r"^uge\s+\d+", re.I | re.M)]]
    return pats


def test_fastscan_finds_exactly_what_finditer_finds(monkeypatch):
    from extract.nlp import fastscan

    monkeypatch.setattr(fastscan, "MIN_TEXT", 0)
    rng = random.Random(SEED + 7)
    words = ("januar", "Jan", "maj", "uge 4", "Region Syd", "Sydby Kommune", "kommune", "primo", "Q3 2021",
             "1. kvartal", "Dansk Folkeparti", "for", "Fonden", "efteråret", "påske", "2021", "i løbet af",
             "Skib", "skıb", "ſkib", "KASSE", "Kaſſe", "abab", "c", "ab", "\n", ". ", ", ", "–")
    texts = [" ".join(rng.choice(words + tuple(_TRICKY)) for _ in range(rng.randrange(1, 200)))
             for _ in range(150)]
    texts += [t.replace("ſ", "s").replace("ı", "i").replace("İ", "I").replace("Σ", "S") for t in texts]
    from helpers import DEV_PDF, read_corpus_pdf
    texts.append(read_corpus_pdf(DEV_PDF).text)
    for rx in _fastscan_patterns():
        for text in texts:
            pos = rng.randrange(len(text) + 1)
            for a, b in ((0, None), (pos, None), (0, pos), (pos // 2, pos)):
                want = [m.span() for m in (rx.finditer(text, a) if b is None else rx.finditer(text, a, b))]
                assert [m.span() for m in fastscan.finditer(rx, text, a, b)] == want, (rx.pattern[:80], a, b)


def test_fastscan_keys_stand_for_every_case_variant():
    """Each key character covers every character `re` matches it with under IGNORECASE."""
    from extract.nlp import fastscan

    for c in "abcdefghijklmnopqrstuvwxyzæøå":
        folds = fastscan._folds(c)
        for cp in range(0x10000):
            x = chr(cp)
            if 0xD800 <= cp <= 0xDFFF or fastscan._UNSAFE.match(x):
                continue
            if re.fullmatch(re.escape(c), x, re.I):
                assert x.lower() in folds, (c, x)


# --------------------------------------------------------------------------- key index


def _decision_texts(rng: random.Random, n: int) -> list[str]:
    """Random texts of decision phrases, stray words and case variants (sentences and longer)."""
    from extract.nlp.decisions import load_lexicon as decision_lexicon

    raw = decision_lexicon().raw
    phrases = [w.replace("(?:", "").replace(")", "").replace("?", "").replace("\\w\\-]+ ", "").replace("[", "")
               for key in ("agreement", "approval_perfect", "approval_active", "rejected_active", "election_active",
                           "impersonal_s_forms", "action_present_passive", "conclusion_verbs", "noted")
               for w in raw[key]]
    phrases += [w for v in raw["verdicts"].values() for w in v]
    words = phrases + ["Bestyrelsen", "det", "blev", "er", "at", "ikke", "Vi", "vælger", "finder", ",", ".", "\n",
                       "4 mod 1", "alle stemte for", "Forslaget trækkes", "Udvalget anbefaler", "Kaj Holm",
                       "indstiller til generalforsamlingen, at", "DET BLEV BESLUTTET", "Godkendt", "ſ", "ı"]
    openers = ["", "", "", "Udvalget finder, at ", "Generalforsamlingen fandt ikke, at ", "Vi vælger ", "Vi vil holde fast i ",
               "• ", "a) "]  # (some patterns are anchored at the start)
    return [rng.choice(openers) + " ".join(rng.choice(words) for _ in range(rng.randrange(1, 60))) for _ in range(n)]


def test_key_index_rules_out_only_patterns_that_cannot_match():
    from extract.nlp.decisions import load_lexicon as decision_lexicon
    from extract.nlp.fastscan import KeyIndex

    rng = random.Random(SEED + 11)
    sets = [decision_lexicon().prefilter, {f"p{i}": rx for i, rx in enumerate(_fastscan_patterns())}]
    from helpers import DEV_PDF, read_corpus_pdf
    texts = _decision_texts(rng, 120) + [read_corpus_pdf(DEV_PDF).text]
    for text in texts:
        keys = KeyIndex(text)
        for patterns in sets:
            for _ in range(40):
                a = rng.randrange(len(text) + 1)
                b = min(len(text), a + rng.choice([0, 5, 40, 300, 5000]))
                ok = keys.possible(patterns, a, b)
                for name, rx in patterns.items():
                    if name not in ok:
                        assert rx.search(text[a:b]) is None, (name, text[a:b][:80])


def test_decision_prefilter_literals_occur_in_every_match():
    """Where a prefilter pattern stands in for one without a key, each match contains one of its."""
    import extract.nlp.decisions as D

    lex = D.load_lexicon()
    real = {"impersonal": lex.impersonal, "vote": D._VOTE, "elliptic": lex.elliptic, "action_passive": lex.action_passive,
            "body_finds": D._BODY_FINDS, "we_resolve": D._WE_RESOLVE, "agreement": lex.agreement,
            "perfect": lex.perfect, "active": lex.active, "all_or_none": D._ALL_OR_NONE}
    rng = random.Random(SEED + 12)
    for text in _decision_texts(rng, 3000):
        for name, rx in real.items():
            for m in rx.finditer(text):
                assert lex.prefilter[name].search(m.group()), (name, m.group())


def test_decision_hits_with_the_key_index_are_the_plain_hits():
    from extract.nlp.decisions import find_hits, load_lexicon as decision_lexicon
    from extract.nlp.fastscan import KeyIndex

    lex = decision_lexicon()
    rng = random.Random(SEED + 13)
    from helpers import DEV_PDF, read_corpus_pdf
    texts = ["\n".join(_decision_texts(rng, 80)) for _ in range(6)] + [read_corpus_pdf(DEV_PDF).text]
    for text in texts:
        keys = KeyIndex(text)
        cuts = sorted({0, len(text), *(rng.randrange(len(text)) for _ in range(300))}
                      | {m.end() for m in re.finditer(r"[.\n]", text)})
        for a, b in zip(cuts, cuts[1:]):
            ends = {rng.randrange(b - a + 1) for _ in range(3)} if rng.random() < 0.5 else None
            assert find_hits(text[a:b], lex, ends, keys, a) == find_hits(text[a:b], lex, ends), text[a:b][:80]


def _action_texts(rng: random.Random, n: int) -> list[str]:
    """Random texts of action phrases, modals, proposal markers and stray words."""
    from extract.nlp.actions import load_lexicon as action_lexicon

    raw = action_lexicon().raw
    words = (raw["obligation_verbs"] + raw["decision_context_verbs"] + raw["modal_verbs"] + raw["proposal_modals"]
             + raw["proposal_markers"] + raw["adverbs"] + ["Kaj Holm", "Bestyrelsen", "han", "hun", "at", "og", "sende",
                                                          "SØRGER FOR", "Følger  Op", "ſender", "kontakt", ",", ".", "\n"])
    verbs = raw["obligation_verbs"] + raw["decision_context_verbs"] + [f"{m} {rng.choice(['sende', 'se', 'lave'])}"
                                                                      for m in raw["modal_verbs"] + raw["proposal_modals"]]
    out = []
    for _ in range(n):
        # half of them shaped like a task ("Kaj Holm sørger for materialet til mødet.")
        clause = f"{rng.choice(['Kaj Holm', 'Bestyrelsen', 'Han', 'Hun', 'Vi'])} {rng.choice(verbs)} materialet til mødet. "
        out.append((clause if rng.random() < 0.5 else "") + " ".join(rng.choice(words) for _ in range(rng.randrange(1, 40))))
    return out


def test_required_words_occur_in_every_match():
    from extract.nlp.actions import load_lexicon as action_lexicon

    lex = action_lexicon()
    rng = random.Random(SEED + 14)
    for text in _action_texts(rng, 3000):
        for name in ("obligation", "decision_verb"):
            for m in getattr(lex, name).finditer(text):
                assert lex.prefilter[name].search(m.group()), (name, m.group())


def test_action_clauses_with_the_key_index_are_the_plain_ones():
    from extract.nlp.actions import find_in_sentence, load_lexicon as action_lexicon
    from extract.nlp.fastscan import KeyIndex

    lex = action_lexicon()
    rng = random.Random(SEED + 15)
    for _ in range(8):
        text = "\n".join(_action_texts(rng, 60))
        keys = KeyIndex(text)
        people = [(m.start(), m.end(), "Kaj Holm") for m in re.finditer("Kaj Holm", text)]
        cuts = sorted({0, len(text), *(m.end() for m in re.finditer(r"[.\n]", text))})
        for a, b in zip(cuts, cuts[1:]):
            local = [p for p in people if a <= p[0] < b]
            for in_dec in (False, True):
                args = (text[a:b], a, lex, local, bool(local), None, in_dec, local)
                assert find_in_sentence(*args, keys.possible(lex.prefilter, a, b)) == find_in_sentence(*args)


def test_scanning_near_a_needed_literal_finds_what_finditer_finds(monkeypatch):
    """`finditer_near` tries only the lines holding the literal part of an org pattern."""
    from extract.nlp import fastscan
    from extract.nlp.orgs import load_lexicon as org_lexicon

    monkeypatch.setattr(fastscan, "MIN_TEXT", 0)
    lex = org_lexicon()
    p = lex.patterns
    parts = [*p["head_name_suffixes"], *p["evidence_place_heads"], *p["org_roles_after"], "afd.", "afdeling"]
    parts += [f"({r})" for r in p["org_roles_after"]] + ["afd. 7", "afdeling 12"]
    words = parts + [w.capitalize() for w in parts] + ["Sydby", "Nørre Ås", "Kulturhuset", "(", ")", "7", "12", ",", "-",
                                                       "og", "Mads", "\n", "\n", " ", "\u00a0", "A.", "X-", "Bo-Ås"]
    rng = random.Random(SEED + 16)
    from helpers import DEV_PDF, read_corpus_pdf
    texts = ["".join(rng.choice(words) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randrange(1, 300)))
             for _ in range(300)] + [read_corpus_pdf(DEV_PDF).text]
    for key, needs in lex.needs.items():
        rx = lex.regexes[key]
        for text in texts:
            want = [m.span() for m in rx.finditer(text)]
            assert [m.span() for m in fastscan.finditer_near(rx, text, needs)] == want, (key, text[:80])


def test_org_needs_occur_in_every_match_before_any_line_break():
    from extract.nlp.orgs import load_lexicon as org_lexicon

    lex = org_lexicon()
    rng = random.Random(SEED + 17)
    p = lex.patterns
    parts = [*p["head_name_suffixes"], *p["evidence_place_heads"], *p["org_roles_after"], "afd. 4", "afdeling 12"]
    words = parts + [w.capitalize() for w in parts] + ["Sydby", "Nørre", "(", ")", "\n", "Bo-Ås"]
    found = 0
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 12)))
        for key, needs in lex.needs.items():
            for m in lex.regexes[key].finditer(text):
                n = needs.search(m.group())
                assert n and "\n" not in m.group()[:n.start()], (key, m.group())
                found += 1
    assert found > 500


def test_cached_report_label_act_is_the_label_act():
    from extract.nlp.statements import _label_act, _lex, _report_label_act

    acts = _lex()["report_labels"]
    rng = random.Random(SEED + 18)
    words = list(acts) + ["formandsberetningen", "beretningen", "kassererens", "orientering", "x", ""]
    for _ in range(3000):
        w = rng.choice(words) + rng.choice(["", "en", "n", "s", "et", "erne"])
        w = w if rng.random() < 0.7 else rng.choice("abcdefg") + w
        assert _report_label_act(w) == _label_act(w, acts)


def test_section_of_skips_only_paragraphs_too_long_to_be_a_heading():
    from extract.nlp.decisions import load_lexicon as decision_lexicon, section_of

    lex = decision_lexicon()

    def naive(text: str) -> str | None:
        t = text.strip()
        head = t.split(":", 1)[0].strip().rstrip(".").lower() if ":" in t[:60] else t.rstrip(":. ").lower()
        head = re.sub(r"\s+", " ", head)
        return head if head in lex.section_headings else None

    rng = random.Random(SEED + 19)
    heads = sorted(lex.section_headings)
    pieces = heads + [h.upper() for h in heads] + [" ", "  ", "\n", "\t", "\u00a0", "\u2003", ".", ":", "…", "x", "İ"]
    found = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6)))
        if rng.random() < 0.5:
            text = rng.choice(heads).replace(" ", " " * rng.randrange(1, 40)) + rng.choice(["", ":", ".", " :", ": godkendt"])
        assert section_of(text, lex) == naive(text), text
        found += naive(text) is not None
    assert found > 500


def test_acronym_listed_with_an_org_matches_the_scan_over_orgs():
    from extract.nlp.orgs import _listed_with_org

    rng = random.Random(SEED + 20)
    pieces = ["KL", "DR", "SST", ",", " og ", " eller ", "/", " & ", " ", "  ", "\n", "x", "Danske Regioner"]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 15)))
        orgs = _ranges(rng, rng.randrange(0, 8), span=len(text) + 1, longest=6)
        for _ in range(10):
            start = rng.randrange(len(text) + 1)
            end = min(len(text), start + rng.randrange(4))
            after = re.match(r"\s*(?:,|og|eller|/|&)\s*", text[end : end + 8])
            before = re.search(r"\s*(?:,|og|eller|/|&)\s*$", text[max(0, start - 8) : start])
            want = any((after and s == end + after.end()) or (before and e == start - len(before.group(0))) for s, e in orgs)
            assert _listed_with_org(text, start, end, {s for s, _ in orgs}, {e for _, e in orgs}) == want
