"""`referat_persons`: person mentions → `doc.spans["persons"]`, linked to the attendance list.

Why the roster first: the attendance list is each document's canonical set of people, and
minutes refer to them loosely: a shorter form ("Mette Lindstrøm" for "Mette Lindstrøm
Lage"), a genitive ("Jane Kraglunds"), a typo ("Sign Caspersen"), an initial ("Steffen S.")
or a bare first name ("(Charlotte)"). Candidates are only windows of capitalised tokens,
so the fuzzy matching stays bounded (a 60k-character document runs in milliseconds).
People not on the list are found with the Danish name gazetteer: a known first name
followed by 1-3 capitalised name parts that are not organisation or product words, or a
lone common first name inside a sentence ("en barselsvikar for Karina i SFO'en"): a
capitalised word there is a proper noun, and a frequent Danish first name that is no
common word, no surname and not part of a longer capitalised run is a person.

Each span gets `span._.canonical` (roster name, or the name as written for unlisted
people, without a genitive -s), `span._.gender` ('f'/'m'/None from the first name) and
`span._.genitive` (True for "Jane Kraglunds": such a mention is never a speaker).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.nlp.base import doc_text
from extract.nlp.gazetteer import NAMES_CSV, NameGazetteer, load_lexicon, load_names

if not Span.has_extension("genitive"):
    Span.set_extension("genitive", default=False)

_INITIAL = re.compile(r"[A-ZÆØÅ]\.")
_NAME_PART = re.compile(r"[A-ZÆØÅÉÜÖÄ][a-zæøåéèüöäëïáóúçñ]+(?:['’][a-zæøå]+)?")
_SURNAME_SHAPE = re.compile(r".+(?:sen|son|søn|gaard|gård|strup|rup|holm|berg|borg|lund|bjerg|dal|skov|bæk|mose|vig|høj|feldt|ager|bøl|by|hus|strøm|kær|toft)$")
_MAX_WINDOW = 5
#: a lone first name must be at least this frequent in the name table (Karina: 13,854; the
#: rare entries are spellings and foreign names that collide with words and places)
_LONE_MIN_COUNT = 2000
#: ... and not a surname this often (Steen, Frank, Bjørn: "Frank" may be a surname)
_LONE_MAX_SURNAME_COUNT = 500


@lru_cache(maxsize=1)
def _lex() -> dict:
    lex = load_lexicon("persons")
    verbs = load_lexicon("reporting_verbs")
    single = {f for entry in verbs["verbs"].values() for f in entry}
    forms = single | {f for ph in verbs["phrases"] for f in ph["forms"]}
    return {
        "particles": frozenset(lex["particles"]),
        "titles": frozenset(lex["titles"]),
        "ambiguous": frozenset(lex["ambiguous_first_names"]),
        "org_words": frozenset(lex["org_words"]),
        "org_suffixes": tuple(lex["org_suffixes"]),
        "verb_forms": frozenset(forms),
        "single_verb_forms": frozenset(single),  # "mener", "foreslog"; not "kommer" (of "komme med")
        "not_initials": frozenset(lex["not_initials"]),
    }


@lru_cache(maxsize=1)
def _name_counts() -> tuple[dict[str, float], dict[str, float]]:
    """(first-name counts, surname counts), casefolded, from the gazetteer's table."""
    first: dict[str, float] = {}
    last: dict[str, float] = {}
    try:
        with open(NAMES_CSV, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                key = (row.get("name") or "").strip().casefold()
                try:
                    count = float(row.get("count") or 0)
                except ValueError:
                    count = 0.0
                table = first if (row.get("first_name") or "").strip() == "True" else last
                table[key] = max(table.get(key, 0.0), count)
    except OSError:
        pass
    return first, last


def is_name_token(text: str) -> bool:
    """A capitalised name part: "Lage", "Schmidt-Hansen", "O'Neill" or an initial "S."."""
    if _INITIAL.fullmatch(text):
        return True
    parts = text.split("-")
    return all(_NAME_PART.fullmatch(p) for p in parts)


def _is_orgish(word: str) -> bool:
    low = word.casefold()
    lex = _lex()
    return low in lex["org_words"] or low in lex["org_suffixes"] or (len(low) > 6 and low.endswith(lex["org_suffixes"]))


@dataclass(frozen=True)
class Person:
    """A canonical person: the name and its casefolded parts."""

    name: str
    parts: tuple[str, ...]
    organisation: str | None = None
    absent: bool = False


def _person(name: str, organisation: str | None = None, absent: bool = False) -> Person:
    return Person(name=name, parts=tuple(p.casefold() for p in name.split()), organisation=organisation, absent=absent)


def _part_eq(word: str, part: str) -> bool:
    """A mention word equals a name part, or is its initial ("s." for "sørensen")."""
    if word == part:
        return True
    return len(word) == 2 and word.endswith(".") and part.startswith(word[0])


def _subsequence(words: list[str], parts: tuple[str, ...]) -> bool:
    it = iter(parts)
    return all(any(_part_eq(w, p) for p in it) for w in words)


def _unique(cands: list[Person]) -> Person | None:
    names = {c.name for c in cands}
    return cands[0] if len(names) == 1 else None


class Roster:
    """Index of the canonical persons of one document and the matching rules against them."""

    def __init__(self, people: list[Person], names: NameGazetteer):
        self.people = people
        self.names = names
        self.full = {p.parts: p for p in people}
        self.last_seen: dict[str, int] = {}  # canonical name -> order of its latest mention
        self._tick = 0
        # people (in roster order) by the initial of their first name and by each name part:
        # every matching rule needs one of these, and the roster grows with each new name
        # found, so scanning all people per mention was quadratic on long minutes
        self._by_initial: dict[str, list[Person]] = {}
        self._by_part: dict[str, list[Person]] = {}
        self._first_parts: set[str] = set()
        for p in people:
            self._index(p)

    def _index(self, person: Person) -> None:
        if not person.parts:
            return  # no rule can match a person without a name
        self._by_initial.setdefault(person.parts[0][:1], []).append(person)
        self._first_parts.update({person.parts[0], _fold(person.parts[0])})
        for part in dict.fromkeys(person.parts + tuple(_fold(x) for x in person.parts)):
            self._by_part.setdefault(part, []).append(person)

    def has_first_part(self, word: str) -> bool:
        """Is `word` the first name part of anyone on the roster (one set lookup, not a scan)?"""
        return word in self._first_parts

    def note(self, name: str) -> None:
        """Record a mention (in document order) for the recency rule of `_disambiguate`."""
        self._tick += 1
        self.last_seen[name] = self._tick

    def _disambiguate(self, holders: list[Person]) -> Person | None:
        """A bare name several roster people share ("Mette" for Mette Kirk and Mette Lund):
        the one present when the others sent apologies, else the one mentioned most
        recently in a fuller form ("Mette K." earlier), else None."""
        present = [p for p in holders if not p.absent]
        person = _unique(present) if present else None
        if person is not None:
            return person
        seen = [p for p in (present or holders) if p.name in self.last_seen]
        if not seen:
            return None
        return max(seen, key=lambda p: self.last_seen[p.name])

    def add(self, person: Person) -> None:
        if person.parts not in self.full:
            self.people.append(person)
            self.full[person.parts] = person
            self._index(person)

    def match(self, words: list[str], alone: bool) -> tuple[Person, bool] | None:
        """(person, genitive) for a window of words, or None. `alone`: the window is a whole run.

        Exact and partial forms (also of the genitive "Jane Kraglunds") are tried before
        typo tolerance, so a genitive is never mistaken for a misspelling.
        """
        w = [x.casefold().replace("’", "'") for x in words]
        bases = [(w, False)]
        last = w[-1]
        if len(last) > 3 and last.endswith("s") and not _INITIAL.fullmatch(words[-1]):
            bases.append((w[:-1] + [last[:-1].rstrip("'")], True))
        for fuzzy in (False, True):
            for form, genitive in bases:
                hit = self._fuzzy(form) if fuzzy else self._match(form, alone)
                if hit:
                    return hit, genitive
        return None

    def _match(self, w: list[str], alone: bool) -> Person | None:
        exact = self.full.get(tuple(w))
        if exact:
            return exact
        if len(w) == 1:
            return self._single(w[0], alone)
        partial = [p for p in self._by_initial.get(w[0][:1], ())  # _part_eq needs the same initial
                   if len(p.parts) > 1 and _part_eq(w[0], p.parts[0]) and _subsequence(w[1:], p.parts[1:])]
        return _unique(partial) if partial else None

    def _single(self, word: str, alone: bool) -> Person | None:
        """A bare first name or surname that exactly one roster person has."""
        if not alone or len(word) < 2 or word.endswith("."):
            return None
        holders = [p for p in self._by_part.get(word, ()) if len(p.parts) > 1]
        if len(word) == 2:  # "Bo", "Ib": a two-letter word is a name only as a roster first name
            holders = [p for p in holders if p.parts[0] == word]
        if not holders:
            return None
        person = _unique(holders)
        if person is None:
            person = self._disambiguate(holders)
        if person is None:
            return None
        if word in (person.parts[0], person.parts[-1], _fold(person.parts[0]), _fold(person.parts[-1])):
            return person
        if len(person.parts) > 2 and word in person.parts[1:-1] and self.names.is_first(word):
            return person  # "Marie" for Anne Marie Holm: a second first name she goes by
        return None

    def _fuzzy(self, w: list[str]) -> Person | None:
        """Typos: same number of words, every word within a small edit distance, same initials."""
        if len(w) < 2:
            return None
        best: list[tuple[int, Person]] = []
        for p in self._by_initial.get(w[0][:1], ()):  # every word must keep its initial
            forms = {p.parts}
            if len(p.parts) > 2:
                forms |= {(p.parts[0], x) for x in p.parts[1:]}
            for form in forms:
                if len(form) != len(w):
                    continue
                dists = []
                for a, b in zip(w, form):
                    if a[:1] != b[:1]:
                        break
                    d = Levenshtein.distance(a, b, score_cutoff=2)
                    if d > (1 if len(b) <= 6 else 2):
                        break
                    dists.append(d)
                else:
                    total = sum(dists)
                    if 0 < total <= 2 and not self._other_person(w[0], form[0]):
                        best.append((total, p))
        if not best:
            return None
        low = min(d for d, _ in best)
        return _unique([p for d, p in best if d == low])

    def _other_person(self, mention_first: str, roster_first: str) -> bool:
        """Guard: the mention's first name is a real, different name, not a spelling of the roster's.

        "Lisbet" for "Lisbeth" is the same name spelt differently; "Line" for "Lise" is
        another person; "Sign" for "Signe" is a typo (no such name).
        """
        if mention_first == roster_first:
            return False
        if mention_first in self._first_parts:
            return True
        if self.names.is_first(mention_first) and self.names.is_first(roster_first):
            return _spelling_key(mention_first) != _spelling_key(roster_first)
        return False


#: accents a writer may leave out of a name ("Jose" for "José", "Muller" for "Müller"); æ, ø, å are letters
_ACCENTS = str.maketrans("áàâäéèêëíìîïóòôöúùûüýÁÀÂÄÉÈÊËÍÌÎÏÓÒÔÖÚÙÛÜÝ", "aaaaeeeeiiiioooouuuuyAAAAEEEEIIIIOOOOUUUUY")


def _fold(word: str) -> str:
    return word.translate(_ACCENTS)


def _spelling_key(name: str) -> str:
    """Collapse Danish spelling variants of a name: th/h, doubled letters, c/k, ph/f, w/v, z/s, aa/å, æ/e."""
    s = name.casefold().replace("aa", "å").replace("ph", "f").replace("th", "t").replace("ch", "k")
    s = s.replace("c", "k").replace("w", "v").replace("z", "s").replace("æ", "e").replace("h", "")
    return re.sub(r"(.)\1+", r"\1", s)


def _runs(doc: Doc) -> list[list[Token]]:
    """Maximal windows of name-like tokens (name particles allowed inside).

    Reads the token texts and sentence starts from the token arrays and makes Token objects
    only for the tokens of a run: a Python object per token of the document was the slow
    part. `is_name_token` is asked once per distinct word; a lower-case token's `lower_` is
    its text."""
    particles = _lex()["particles"]
    text = doc_text(doc)
    texts = [text[a : a + n] for a, n in zip(doc.to_array(IDX).tolist(), doc.to_array(LENGTH).tolist())]
    sent_start = doc.to_array(SENT_START).tolist()  # 1 where token.is_sent_start is True
    known: dict[str, bool] = {}

    def name_like(word: str) -> bool:
        hit = known.get(word)
        if hit is None:
            hit = known[word] = is_name_token(word)
        return hit

    def particle(word: str) -> bool:
        return word.islower() and word in particles

    runs: list[list[int]] = []
    cur: list[int] = []
    for i, t in enumerate(texts):
        if name_like(t):
            if cur and sent_start[i] == 1:
                runs.append(cur)
                cur = []
            cur.append(i)
            continue
        if cur and particle(t):
            k = i + 1  # "van der Sprong": particles are part of a name only before a name part
            while k < len(texts) and particle(texts[k]):
                k += 1
            if k < len(texts) and name_like(texts[k]) and k - i <= 3:
                cur.append(i)
                continue
        if cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return [[doc[i] for i in run] for run in runs]


def _opens_unit(tok: Token) -> bool:
    """Is the token capitalised for its position: the first after a line break, a quote, a
    bullet or a colon ("personale: Der er ...")?"""
    if tok.is_sent_start or tok.i == 0:
        return True
    prev = tok.doc[tok.i - 1]
    return prev.is_space or prev.text in ("\"", "“", "«", "•", "\uf0b7", "-", "–", ":")


def _context_ok_single(doc: Doc, tok: Token) -> bool:
    """A bare ambiguous first name ("Per", "Bo") needs a name context: "(Per)" or "Per bemærkede"."""
    prev = doc[tok.i - 1].text if tok.i > 0 else ""
    nxt = doc[tok.i + 1].text if tok.i + 1 < len(doc) else ""
    if prev == "(" and nxt in (")", "):", ",", "/"):
        return True
    # "Orientering v/ Kim", "Kim: ...", "Opfordring fra Kim: ..."
    if prev.endswith("/") or (nxt == ":" and (tok.is_sent_start or prev.casefold() in ("fra", "ved"))):
        return True
    # "Per bemærkede", and inverted after the verb: "”…” bemærkede Karl", "sagde Per."
    return nxt.casefold() in _lex()["verb_forms"] or (prev.casefold() in _lex()["verb_forms"] and not tok.is_sent_start)


class PersonFinder:
    """The component: fills doc.spans["persons"]."""

    def __init__(self) -> None:
        self.names = load_names()

    def _gender(self, canonical: str) -> str | None:
        first = canonical.split()[0] if canonical.split() else ""
        return self.names.gender(first)

    def _gazetteer_window(self, run: list[Token], i: int) -> int:
        """End (exclusive, run index) of an unlisted name starting at run[i], or i when none."""
        lex = _lex()
        first = run[i]
        if _INITIAL.fullmatch(first.text) or _is_orgish(first.text):
            return i
        if not self.names.is_first(first.text):
            return self._speaking_stranger(run, i)
        j = i + 1
        while j < len(run) and j - i < _MAX_WINDOW - 1:
            t = run[j].text
            if run[j].text.islower():  # particle
                j += 1
                continue
            if _is_orgish(t) or run[j].lower_ in lex["titles"]:
                break
            j += 1
        while j > i + 1 and run[j - 1].text.islower():
            j -= 1
        if j == i + 1:
            return i
        if j < len(run) and _is_orgish(run[j].text):
            return i  # a place or body named after a person: "Niels Bohr Institutet", "Per Kirkebys Plads"
        last = run[j - 1].text
        surname_like = (self.names.is_last(last) or self.names.is_last(last[:-1]) or _SURNAME_SHAPE.match(last.casefold())
                        or self.names.is_first(last))
        ambiguous = first.lower_ in lex["ambiguous"]
        if (ambiguous or first.is_sent_start) and not surname_like:
            return i
        if run[j - 1].text.isupper():
            return i
        return j

    def _speaking_stranger(self, run: list[Token], i: int) -> int:
        """End of "Rosalind Bach-Nielsen, F7 fremlagde …": a first name the gazetteer lacks is
        a name when two or three capitalised words end in a surname (every part of a
        double surname one), or follow a title ("Formanden"), and a reporting verb follows,
        perhaps after a house code."""
        for j in (i + 3, i + 2):
            if j > len(run) or any(not t.text[:1].isupper() or t.text.isupper() or _is_orgish(t.text) for t in run[i:j]):
                continue
            last = run[j - 1]
            # (after a title, "Formanden Bernd Schittenhelm bød …", the title vouches for the name)
            titled = i > 0 and run[i - 1].lower_ in _lex()["titles"]
            if not titled and not all(self.names.is_last(part) or _SURNAME_SHAPE.match(part.casefold())
                                      for part in last.text.split("-") if part):
                continue
            doc, k = last.doc, last.i + 1
            if k + 1 < len(doc) and doc[k].text == "," and re.fullmatch(r"[A-ZÆØÅ]{0,3}\d{1,4}[a-z]?", doc[k + 1].text):
                k += 2  # ", F19"
            if k < len(doc) and doc[k].lower_ in _lex()["verb_forms" if titled else "single_verb_forms"]:
                return j  # (after a title a phrase verb too: "Formanden Bernd Schittenhelm bød velkommen")
        return i

    def _listed_first(self, roster: Roster, run: list[Token], i: int, j: int, listed: set[str]) -> str | None:
        """"Jeppe Laver et nyt alias" with Jeppe Holm on the attendance list: a listed first name
        before a capitalised word that is no surname is that person, not a new "Jeppe Laver"."""
        if j != i + 2:
            return None
        second = run[i + 1].text
        if self.names.is_last(second) or self.names.is_first(second) or _SURNAME_SHAPE.match(second.casefold()):
            return None
        hit = roster.match([run[i].text], alone=True)
        return hit[0].name if hit and hit[0].name in listed and not hit[1] else None

    def _lone_first_name(self, tok: Token) -> tuple[str, bool] | None:
        """(first name, genitive) for a lone capitalised token inside a sentence that is a
        frequent Danish first name ("Karina", "Karinas"), else None."""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        # a name as a line's label ("Birgit: husk at ...", "Erik: Det er ...", "Thomas - vi har ..."),
        # or a sentence opened by the name and a reporting verb ("Robert mener at ...")
        prev = tok.doc[tok.i - 1] if tok.i else None  # (never tok.doc.text: it joins the whole document)
        line_start = prev is None or "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)
        name_label = nxt is not None and (nxt.text == ":" or (nxt.text in ("-", "–") and line_start))
        verb_next = nxt is not None and nxt.lower_ in _lex()["single_verb_forms"]
        if nxt is not None and nxt.lower_ == "fra" and tok.i + 3 < len(tok.doc):
            # "Lars fra 2E lovede at …": a first name, where the person is from, then the verb
            org, verb = tok.doc[tok.i + 2], tok.doc[tok.i + 3]
            verb_next = (org.text[:1].isupper() or org.text[:1].isdigit()) and verb.lower_ in _lex()["single_verb_forms"]
        if _opens_unit(tok) and not (name_label or verb_next):
            return None
        word, genitive = tok.text, False
        if not self.names.is_first(word) and word.endswith("s") and self.names.is_first(word[:-1]):
            word, genitive = word[:-1], True
        key = word.casefold()
        first, last = _name_counts()
        if not self.names.is_first(word) or _INITIAL.fullmatch(word) or _is_orgish(word):
            return None
        if key in _lex()["ambiguous"] or first.get(key, 0.0) < _LONE_MIN_COUNT \
                or last.get(key, 0.0) >= _LONE_MAX_SURNAME_COUNT:
            return None
        return word, genitive

    def __call__(self, doc: Doc) -> Doc:
        lex = _lex()
        people = []
        for att in doc._.roster or []:
            parts = (att.name or "").split()
            if parts and not (_is_orgish(parts[0]) and not self.names.is_first(parts[0])):
                people.append(_person(att.name, att.organisation, att.role == "absent"))  # (an organisation misread as a name is skipped)
        roster = Roster(people, self.names)
        listed = {p.name for p in people}
        spans: list[Span] = []
        for run in _runs(doc):
            i = 0
            while i < len(run) and run[i].lower_ in lex["titles"]:
                i += 1
            core_len = len(run) - i
            while i < len(run):
                found = None
                for j in range(min(len(run), i + _MAX_WINDOW), i, -1):
                    if run[j - 1].text.islower():
                        continue
                    words = [t.text for t in run[i:j]]
                    hit = roster.match(words, alone=(j - i == core_len))
                    if hit is None:
                        continue
                    if j - i == 1 and not _context_ok_single(doc, run[i]):
                        # a bare word that is also a common word ("Per", "Lykke"), or a surname
                        # opening a sentence ("Skov og natur ..."), needs a name context
                        surname = run[i].lower_.rstrip("s") != hit[0].parts[0].rstrip("s")
                        # the attendance list gives this person by first name only ("Til stede:
                        # Kim, Lone"): inside a sentence the capitalised word is that person
                        nxt = doc[run[i].i + 1] if run[i].i + 1 < len(doc) else None
                        listed_alone = len(hit[0].parts) == 1 and (
                            not run[i].is_sent_start or (nxt is not None and nxt.is_alpha and nxt.is_lower))
                        if (run[i].lower_ in lex["ambiguous"] and not listed_alone) or (surname and run[i].is_sent_start):
                            continue
                    found = (j, hit[0].name, hit[1])
                    break
                if found is not None and found[0] == i + 1 and found[1] not in listed:
                    # "Jørn" seen alone earlier, now "Jørn Hansen": the longer name wins here
                    jg = self._gazetteer_window(run, i)
                    if jg > found[0]:
                        found = None
                if found is None:
                    j = self._gazetteer_window(run, i)
                    listed_first = self._listed_first(roster, run, i, j, listed)
                    if listed_first is not None:
                        found = (i + 1, listed_first, False)
                    elif j > i:
                        words = [t.text for t in run[i:j]]
                        genitive = False
                        last = words[-1]
                        if last.endswith("s") and (self.names.is_last(last[:-1]) or _SURNAME_SHAPE.match(last[:-1].casefold())):
                            words[-1] = last[:-1]
                            genitive = True
                        canonical = " ".join(words)
                        roster.add(_person(canonical))
                        found = (j, canonical, genitive)
                if found is None and core_len == 1 and i == len(run) - 1 \
                        and not roster.has_first_part(run[i].lower_):  # the roster declined it
                    lone = self._lone_first_name(run[i])
                    if lone is not None:
                        person = roster.full.get((lone[0].casefold(),)) or _person(lone[0])
                        roster.add(person)
                        found = (i + 1, person.name, lone[1])
                if found is None:
                    i += 1
                    continue
                j, canonical, genitive = found
                span = Span(doc, run[i].i, run[j - 1].i + 1, label="PER")
                span._.canonical = canonical
                span._.gender = self._gender(canonical)
                span._.genitive = genitive
                spans.append(span)
                roster.note(canonical)
                i = j
        _first_names_to_full(spans, listed)
        spans += self._defined_initials(doc, spans, people)
        doc.spans["persons"] = sorted(spans, key=lambda sp: sp.start)
        return doc

    def _defined_initials(self, doc: Doc, spans: list[Span], people: list) -> list[Span]:
        """'Patrick Reimer (PGR)' once, then 'PGR fremlagde …': the initials are that person.

        Minutes also write listed people by their initials without defining them ('HD
        orienterede …' for Hanne Dahl on the list): initials that fit exactly one listed person
        (every name part, or first and last) and are no common abbreviation name that person.
        """
        from extract.assembly import initials_defined  # (attendance vocabulary; imported late)

        text = doc_text(doc)
        defined = initials_defined(text) if "(" in text else {}
        defined = {**roster_initials(people, _lex()["not_initials"]), **defined}
        if not defined:
            return []
        by_name = {p.name: p.name for p in people}
        for sp in spans:  # found already, as a capitalised word: name it in full
            if sp.text in defined:
                sp._.canonical = by_name.get(defined[sp.text][0], defined[sp.text][0])
        taken = {t for sp in spans for t in range(sp.start, sp.end)}
        out = []
        # (only where the text has one of them: a regex over the text, not a loop over every token)
        keys = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(defined, key=len, reverse=True))) + r")(?!\w)")
        for m in keys.finditer(text):
            sp = doc.char_span(m.start(), m.end())
            if sp is None or len(sp) != 1:
                continue
            tok = sp[0]
            hit = defined[tok.text]
            if tok.i in taken:
                continue
            span = Span(doc, tok.i, tok.i + 1, label="PER")
            span._.canonical = by_name.get(hit[0], hit[0])
            span._.gender = self._gender(span._.canonical)
            span._.genitive = False
            out.append(span)
        return out


def roster_initials(people: list[Person], common: frozenset[str]) -> dict[str, tuple[str, None]]:
    """Initials ('HD', 'PGR', and first + last 'PR') that fit exactly one listed person with
    two or more name parts, leaving out those in `common` (parties, 'KL', 'IT', …)."""
    seen: dict[str, set[str]] = {}
    for p in people:
        words = [w for w in p.name.split() if w[:1].isalpha()]
        if len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        for ini in {"".join(w[0] for w in words), words[0][0] + words[-1][0]}:
            seen.setdefault(ini.upper(), set()).add(p.name)
    return {ini: (next(iter(names)), None) for ini, names in seen.items()
            if len(names) == 1 and 2 <= len(ini) <= 4 and ini not in common}


def _first_names_to_full(spans: list[Span], listed: set[str]) -> None:
    """'Leif: …' throughout, 'Leif Hansen' once (say in the signatures): one person, named
    in full. Only for first names the attendance list does not give as they are, and only
    when the document has exactly one full name with that first name."""
    full: dict[str, set[str]] = {}
    for sp in spans:
        parts = sp._.canonical.split()
        if len(parts) >= 2:
            full.setdefault(parts[0].casefold(), set()).add(sp._.canonical)
    for sp in spans:
        name = sp._.canonical
        if " " not in name and name not in listed and len(full.get(name.casefold(), ())) == 1:
            sp._.canonical = next(iter(full[name.casefold()]))


@Language.factory("referat_persons")
def make_persons(nlp: Language, name: str) -> PersonFinder:
    return PersonFinder()
