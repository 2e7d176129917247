"""`referat_orgs`: organisation mentions → `doc.spans["orgs"]`, places → `doc.spans["locs"]`,
and the entities table (`doc._.entities`).

Why rules on the text: the pipeline is `spacy.blank("da")` (no statistical NER), and Danish
organisation names are unusually regular. Danish capitalises proper names only, so a
capitalised compound ending in "-styrelsen", "-ministeriet", "-udvalget" inside a sentence
is a name; "X Kommune", "Region X", "Styrelsen for X", "Dansk X", "X A/S" are fixed shapes.
What cannot be derived is general Danish knowledge kept as data in models/orgs/ (the 98
municipalities, the 5 regions, ministries, agencies, national organisations, parties,
universities; see models/orgs/README.md). The regexes run over `doc.text`, not tokens,
because the tokenizer splits genitives and company forms inconsistently ("KL's" vs "KL’s",
"I/S"); the mentions are aligned to tokens at the end.

Precision over recall (the table is judged on documents nobody has seen):
  * a bare type word is never a name: "Kommunen", "Styrelsen", "Bestyrelsen";
  * products and IT systems ("-platformen", "-kortet", "app'en", web addresses) are not;
  * a weak suffix ("-centret", "-foreningen") first in a sentence is a name only when the
    document never writes the word in lower case; a body named by its type ("Byrådet")
    first in a sentence only when the document also capitalises it mid-sentence;
    ambiguous names ("Venstre", "Alternativet") only mid-sentence or before their party
    letter;
  * a place + sector word ("Nordby Trafik") is a company only with evidence in the
    document (a relation word before it, a finite verb after it, or the attendance list);
    an institution compound + name ("Revisionshuset Nordkysten", "Solhøj Kulturcenter")
    needs a proper name, never a type word or a capitalised first word of a sentence;
  * an all-caps acronym is an organisation only when the document says so: defined after
    an organisation ("Sundhedsstyrelsen (SST)" → canonical "Sundhedsstyrelsen"), given as
    someone's organisation in the attendance list, or listed with an acronym organisation
    ("KL og DR").

The canonical form drops the genitive ("Danske Regioners" → "Danske Regioner", "KL's" →
"KL"); gazetteer spelling variants map to the entry name.
"""
from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.nlp import base
from extract.nlp.base import MODELS_DIR
from extract.nlp.entities import Mention, build_entities
from extract.nlp.fastscan import finditer, finditer_near  # exactly re.Pattern.finditer, faster on whole documents
from extract.nlp.gazetteer import load_names
from extract.nlp.intervals import StaticRanges
from extract.nlp.temporal import MONTHS, WEEKDAYS

ORGS_DIR = MODELS_DIR / "orgs"

_UP = "A-ZÆØÅÄÖÜÉ"
_L = r"[^\W\d_]"  # any letter
_CAP = rf"[{_UP}]"
CAPWORD = rf"{_CAP}{_L}*(?:-{_L}+)*"
_NAMEWORD = rf"(?:{_CAP}|\d)[\w&.'’+-]*"
_SP = r"[ \u00a0]+"  # never across a block break ("\n") or a table cell ("\t")
#: a capitalised word, or a coordinated pair written as one name part: "Vand- og Spildevandsforening"
_NAMEPART = rf"(?:{_CAP}{_L}*-{_SP}(?:og|&){_SP}{_L}+|{CAPWORD})"
_START = r"(?<![\w\-./@])"
_END = r"(?![\w-])"  # not inside a word, a compound ("EU-udbud") or a coordination ("Vand- og")
_GEN = r"(?P<gen>'s|’s|s'|s’|'|’|s)?"
_APOS_GEN = re.compile(r"(?:'s|’s|'|’)$")
_ACRONYM = re.compile(rf"^[{_UP}][{_UP}0-9&]{{1,6}}$")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_PARTY_LETTER = re.compile(r"\s*\(([A-ZÆØÅ])\)")
_NAME_LINKS = frozenset({"for", "og", "i", "af", "&", "til", "på", "under", "ved", "-", "–"})
_LINK = re.compile(r"(,\s+|\s+og\s+|\s+&\s+)")


@dataclass(frozen=True)
class Entry:
    """One gazetteer surface form and what it stands for."""

    canonical: str
    label: str  # ORG | LOC
    ambiguous: bool = False
    letter: str | None = None  # party letter


@dataclass
class OrgLexicon:
    """models/orgs/ compiled: gazetteer surfaces, word lists and the morphology regexes."""

    entries: dict[str, Entry]
    patterns: dict
    strong: tuple[str, ...]
    weak: tuple[str, ...]
    generic: frozenset[str]
    generic_endings: tuple[str, ...]
    body: frozenset[str]
    product_words: tuple[str, ...]
    stop_words: frozenset[str]
    not_org_acronyms: frozenset[str]
    known_acronyms: frozenset[str] = frozenset()
    landsdele: tuple[str, ...] = ()  # places.jsonl's parts of the country, where an organisation has branches
    regexes: dict[str, re.Pattern] = field(default_factory=dict)
    needs: dict[str, re.Pattern] = field(default_factory=dict)  # see `_needs`

    def is_generic(self, word: str) -> bool:
        """A type word ("Bestyrelsen", "Grundejerforeningens"), not a name."""
        w = _APOS_GEN.sub("", word).casefold().replace("-", "")
        w = w[:-1] if w.endswith("s") and (w[:-1] in self.generic or w[:-1].endswith(self.generic_endings)) else w
        return w in self.generic or w.endswith(self.generic_endings)

    def is_product(self, words: str) -> bool:
        """Ends like a product, system, plan or web address ("Fælles Medicinkort", "sundhed.dk")."""
        parts = words.split()
        last = _APOS_GEN.sub("", parts[-1].casefold()) if parts else ""
        return "." in last.rstrip(".") or last.endswith(self.product_words)

    def is_stop(self, word: str) -> bool:
        """A word that never starts a name; an upper-case title word too ("REFERAT Aarhus Byråd")."""
        w = _APOS_GEN.sub("", word)
        return word in self.stop_words or w in self.stop_words or (w.isupper() and len(w) > 3 and w.capitalize() in self.stop_words)


def _alt(words: Iterable[str]) -> str:
    """Regex alternation, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _surface_regex(name: str) -> str:
    return _SP.join(re.escape(part) for part in name.split())


def _surface_alternation(names: Iterable[str]) -> str:
    """`"|".join(_surface_regex(n) for n in names longest first)`, factored into a trie.

    The regex engine tries every alternative of a flat alternation at every position of
    the text; with hundreds of gazetteer names that was the slowest scan of the document.
    In the trie at most one branch can continue at any point (its words hold no spaces, so
    a letter and a space never compete), and a shorter name is tried only after the longer
    ones through it failed (optional groups are greedy): the same match as the flat
    longest-first alternation, found in one pass.
    """
    end = ""  # key marking that a name ends at this node
    root: dict[str, dict] = {}
    for name in names:
        node = root
        for k, part in enumerate(name.split()):
            for tok in ([" "] if k else []) + list(part):
                node = node.setdefault(tok, {})
        node[end] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [(_SP if tok == " " else re.escape(tok)) + emit(child) for tok, child in node.items() if tok != end]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end in node else body

    if end in root or not root:  # an empty name: keep the flat form, whose meaning is plain
        return "|".join(_surface_regex(n) for n in sorted(names, key=len, reverse=True))
    return emit(root)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


#: an acronym of three or more consonants ("PBS", "DSB", "TDC") is no Danish word in any case:
#: informal minutes write it in lower case too ("meld jer til pbs")
_UNSAYABLE = re.compile(r"[BCDFGHJKLMNPQRSTVWXZ]{3,6}")


@lru_cache(maxsize=4)
def load_lexicon(path: str | Path = ORGS_DIR) -> OrgLexicon:
    """Read a models/orgs/ folder once per process: each *.jsonl is a gazetteer (places.jsonl
    gives LOC), patterns.json the morphology."""
    path = Path(path)
    pat = {k: v for k, v in json.loads((path / "patterns.json").read_text(encoding="utf-8")).items()
           if not k.startswith("_")}
    ambiguous_places = frozenset(pat.get("ambiguous_places", []))
    entries: dict[str, Entry] = {}
    landsdele: list[str] = []

    def add(surface: str, entry: Entry) -> None:
        entries.setdefault(" ".join(surface.split()), entry)

    for f in sorted(path.glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            e = json.loads(line)
            label = "LOC" if f.stem == "places" else e.get("label", "ORG")
            amb = bool(e.get("ambiguous")) or (label == "LOC" and e["name"] in ambiguous_places)
            for surface in [e["name"], *e.get("variants", []), *_lower_kind_word(e)]:  # spelling variants → the entry name
                add(surface, Entry(e["name"], label, amb, e.get("letter")))
            if label == "LOC" and e.get("kind") == "landsdel":
                landsdele.append(e["name"])
            if label == "ORG" and _UNSAYABLE.fullmatch(e["name"]):
                add(e["name"].lower(), Entry(e["name"], label, amb, e.get("letter")))
            for other in [*e.get("aka", []), *e.get("abbr", [])]:  # other names are their own canonical
                add(other, Entry(other, label, amb or other in ambiguous_places, e.get("letter")))
            if e.get("place"):  # a municipality's town is a place
                add(e["place"], Entry(e["place"], "LOC", e["place"] in ambiguous_places))
    lex = OrgLexicon(
        entries=entries, patterns=pat,
        strong=tuple(pat["strong_suffixes"]), weak=tuple(pat["weak_suffixes"]),
        generic=frozenset(w.casefold().replace("-", "") for w in pat["generic_words"]),
        generic_endings=tuple(pat["generic_endings"]),
        body=frozenset(w.casefold() for w in pat["body_words"]),
        product_words=tuple(pat["product_words"]), stop_words=frozenset(pat["stop_words"]),
        not_org_acronyms=frozenset(pat["not_org_acronyms"]),
        known_acronyms=frozenset(s for s in entries if _ACRONYM.match(s)),
        landsdele=tuple(landsdele),
    )
    lex.regexes = _compile(lex)
    lex.needs = _needs(lex)
    return lex


def _lower_kind_word(e: dict) -> list[str]:
    """"Københavns kommune", "region Midtjylland": prose writes a municipality's or region's
    kind word in lower case; it is the same body."""
    name = e["name"]
    if e.get("kind") == "municipality" and name.endswith(" Kommune"):
        return [name.removesuffix("Kommune") + "kommune"]
    if e.get("kind") == "region" and name.startswith("Region "):
        return ["region" + name.removeprefix("Region")]
    return []


def _company_forms(p: dict) -> str:
    # "& Co." may wrap onto the next line of a table cell: a line break is allowed inside a form
    return "|".join(r"\s+".join(map(re.escape, f.split())) for f in sorted(p["company_forms"], key=len, reverse=True))


def _needs(lex: OrgLexicon) -> dict[str, re.Pattern]:
    """For patterns that open with any capitalised word: the literal part each match holds
    (read off `_compile`: the head or role after the name words), with no line break
    before it (`_SP`, `_L`, `CAPWORD`, `_NAMEWORD` never take one), so that `finditer_near`
    need try only the lines where that part occurs. (Only where the part is rare: the
    suffixes and place heads occur on a fifth of the lines, and finding them costs more
    than it saves.)"""
    p = lex.patterns
    return {
        "head_name": re.compile(_alt(p["head_name_suffixes"])),
        "evidence_head": re.compile(_alt(p["evidence_place_heads"])),
        "role_after": re.compile(_alt(p["org_roles_after"])),
        "section": re.compile(r"afd\.|afdeling"),
    }


def _scan(lex: OrgLexicon, key: str, text: str) -> Iterator[re.Match]:
    """`finditer` of the pattern `key`: only near its literal part where `_needs` gives one."""
    needs = lex.needs.get(key)
    return finditer_near(lex.regexes[key], text, needs) if needs is not None else finditer(lex.regexes[key], text)


def _compile(lex: OrgLexicon) -> dict[str, re.Pattern]:
    p = lex.patterns
    org_names = [s for s, e in lex.entries.items() if e.label == "ORG"]
    loc_names = [s for s, e in lex.entries.items() if e.label == "LOC"]
    gaz = _surface_alternation(org_names)
    locs = _surface_alternation(loc_names)
    # "Teknik- og Miljøudvalget", "Børn og Unge-udvalget" (the hyphen before the head)
    coord = rf"(?:{_CAP}{_L}*-(?:,{_SP}{_L}+-)*{_SP}(?:og|eller|&){_SP}|{_CAP}{_L}+{_SP}(?:og|&){_SP}(?={_CAP}{_L}+-))?"
    for_heads = rf"{_alt(map(_cap, p['for_heads']))}|{_CAP}(?:{_L}|-)*?(?:{_alt(p['for_heads'])})"
    capseq = rf"{CAPWORD}(?:{_SP}{CAPWORD})*"
    type_heads = rf"{_alt(map(_cap, p['name_type_heads']))}|{_CAP}{_L}*?(?:{_alt(p['name_type_heads'])})"
    forms = _company_forms(p)
    places = _alt(list(p["head_place_words"]) + loc_names)
    return {
        "gazetteer": re.compile(rf"{_START}(?P<name>{gaz}){_GEN}{_END}"),
        "loc": re.compile(rf"{_START}(?P<name>{locs}){_GEN}{_END}"),
        # "DGI Nordjylland", "DBU Jyllands": an organisation's branch in a part of the country
        "branch": re.compile(rf"{_SP}(?P<place>{_alt(lex.landsdele)})(?P<gen>s)?{_END}") if lex.landsdele else re.compile(r"(?!)"),
        # "Sundhedsstyrelsen", "Sundheds- og Ældreministeriet", "Teknik- og Miljøudvalgets"
        "suffix": re.compile(rf"{_START}(?P<name>{coord}(?P<word>{_CAP}(?:{_L}|-)*?(?P<suf>{_alt(lex.strong + lex.weak)})))"
                             rf"(?P<gen>s)?{_END}"),
        # "Byrådet", "Kommunalbestyrelsens": bodies named by their type
        "body": re.compile(rf"{_START}(?P<name>{_alt(map(_cap, lex.body))})(?P<gen>s)?{_END}"),
        # "Lokalrådet i Nørre Stenby": the place that makes a local body's name (not "... i Fjordby Kommune")
        "locative": re.compile(rf"{_SP}i{_SP}(?P<place>{CAPWORD}(?:{_SP}{CAPWORD})?)(?![\w])(?!{_SP}{_CAP})"),
        # "aftalen med Vester Anlæg": a supplier or partner without a company form
        # a compound context word counts too ("rammeaftalen med", "byggefirmaet"); "X & Y" is one name
        "context": re.compile(rf"(?<![\w])(?:[a-zæøå]+)?(?:{_alt(p['org_context_before'])}){_SP}"
                              rf"(?P<name>{CAPWORD}(?:(?:{_SP}{CAPWORD}){{1,2}}(?:{_SP}&{_SP}{CAPWORD})?|{_SP}&{_SP}{CAPWORD})"
                              rf"|{_CAP}{_L}+-{_CAP}{_L}+)(?![\w])"),  # one word only as a compound of names: "Cani-Shipping"
        # "Akademisk Råd", "Biologisk Fagråd", "Folkeligt Samvirke": a capitalised -isk / neuter -lt, -ligt
        # adjective and a body noun
        "adjective_body": re.compile(rf"{_START}(?P<name>{_CAP}{_L}+?(?:isk|iske|sk|ske|lt|ligt){_SP}"
                                     rf"(?:{_alt(map(_cap, p['adjective_body_heads']))}|{_CAP}{_L}*?(?:{_alt(p['adjective_body_heads'])}))){_END}"),
        # "kontakt til Stadsing (udlejer)": a name followed by the part it plays for the association
        "role_after": re.compile(rf"(?<![\w-])(?P<name>{CAPWORD}(?:{_SP}{CAPWORD}){{0,2}}){_SP}?"
                                 rf"\((?:{_alt(p['org_roles_after'])})\)"),
        # "aflastningstilbuddet Torvevej", "aktivitetscentret Parkhuset": a common institution word,
        # then the institution's own one-word name
        "institution_name": re.compile(rf"(?<![\w-])[a-zæøå-]*(?:{_alt(p['institution_type_words'])}){_SP}"
                                       rf"(?P<name>{CAPWORD})(?![\w-])(?!{_SP}{_CAP})"),
        # "Styrelsen for Patientsikkerhed", "Center for Sundhed og Omsorg", "Nationalt Videnscenter for Demens"
        "for_head": re.compile(rf"(?:{for_heads})"),
        "for": re.compile(rf"{_START}(?P<name>(?:(?:Det|Den){_SP})?(?:(?:Nationalt?|Nationale|Regionalt?|Regionale|Dansk|Danske){_SP})?"
                          rf"(?P<head>{for_heads}){_SP}(?:for|af){_SP}(?P<tail>{capseq}(?:(?:,{_SP}|{_SP}og{_SP}|{_SP}&{_SP}){capseq})*)){_END}"),
        # "Syddansk Universitet", "Danske Regioner", "Danmarks Statistik", "Statens Serum Institut"
        "adjective": re.compile(rf"{_START}(?P<name>(?:(?:Det|Den|De){_SP})?(?:{_alt(p['place_adjectives'] + p['genitive_heads'])})"
                                rf"{_SP}(?P<tail>{_NAMEPART}(?:{_SP}{_NAMEPART}){{0,2}})){_END}"),
        # "Gladsaxe Kommune", "Aarhus Universitet", "Bispebjerg Hospital", "A.P. Møller Fonden"; a compound head: "Solhøj Kulturcenter", "Ålund Kunstmuseum"
        "place_head": re.compile(rf"{_START}(?P<name>(?P<place>(?:(?:{_CAP}\.)+{_SP})?{CAPWORD}(?:{_SP}{CAPWORD})?){_SP}"
                                 rf"(?:{_alt(p['place_heads'])}|(?P<chead>{_CAP}{_L}+?(?:{_alt(p['place_head_suffixes'])}))))"
                                 rf"(?P<gen>s)?{_END}"),
        # "Revisionshuset Nordkysten", "Kulturcenter Solhøj", "Friskolen Ådalen": an institution compound + its name
        "head_name": re.compile(rf"{_START}(?P<name>(?P<head>{_CAP}{_L}+?(?:{_alt(p['head_name_suffixes'])})){_SP}"
                                rf"(?P<tail>{CAPWORD}(?:{_SP}{CAPWORD})?))(?P<gen>s)?{_END}"),
        # "Nordby Trafik", "Ålund Renovation": a name only with evidence (see _evidence_family)
        "evidence_head": re.compile(rf"{_START}(?P<name>(?P<place>{CAPWORD}(?:{_SP}{CAPWORD})?){_SP}"
                                    rf"(?:{_alt(p['evidence_place_heads'])}))(?P<gen>s)?{_END}"),
        "evidence_before": re.compile(rf"(?:^|[\s(])(?:{_alt(p['evidence_before'])}){_SP}$", re.I),
        "evidence_after": re.compile(rf"{_SP}(?:{_alt(p['evidence_verbs_after'])})(?![\w])"),
        # "Testcenter Danmark", "Erhvervshus Sydjylland", "Sygehus Lillebælt"
        # (a utility's sector word alone heads one too: "Energi Fyn", "Forsyning Midt")
        "head_place": re.compile(rf"{_START}(?P<name>(?:{_CAP}{_L}*?(?:{_alt(p['head_place_suffixes'])})|Energi|Forsyning|Varme)"
                                 rf"{_SP}(?:{places}))(?P<gen>s)?{_END}"),
        # "Region Skåne", "Region Hovedstadens"
        "region": re.compile(rf"{_START}(?P<name>Region{_SP}(?P<place>{CAPWORD})){_END}"),
        # "Grundejerforeningen Solbakken", "Fonden Realdania"
        "type_name": re.compile(rf"{_START}(?P<name>(?:{type_heads}){_SP}(?P<tail>{_NAMEWORD}(?:{_SP}{_NAMEWORD}){{0,2}})){_END}"),
        # "Novo Nordisk A/S", "Hansen & Søn ApS", "Revisionsfirmaet Nord & Co."
        "company": re.compile(rf"{_START}(?P<name>(?P<tail>{_NAMEWORD}(?:{_SP}(?:{_NAMEWORD}|&|og)){{0,4}}){_SP}(?:{forms}))(?![\w/])"),
        # "Medicinsk Afdeling", "Kirurgisk Klinik": a hospital department named by its specialty
        "department": re.compile(rf"{_START}(?P<name>(?:{_alt(p.get('department_adjectives', ['Medicinsk']))}){_SP}"
                                 rf"(?:{_alt(p.get('department_heads', ['Afdeling']))})){_GEN}{_END}"),
        # "Østbo afd. 7", "Boligforeningen Vestbo afdeling 12": a numbered housing section
        "section": re.compile(rf"{_START}(?P<name>(?P<place>{CAPWORD}(?:{_SP}{CAPWORD}){{0,2}}){_SP}(?:afd\.|afdeling){_SP}\d{{1,4}})(?![\w.,]\d)"),
        "acronym_after": re.compile(rf"\s*\((?P<a>[{_UP}][{_UP}0-9&-]{{1,7}})\)"),
        "acronym_word": re.compile(rf"(?<![\w\-./@])(?P<a>[{_UP}][{_UP}0-9&]{{1,6}}){_GEN}(?![\w])(?!-\w)"),
        "paren_acronym": re.compile(rf"\((?P<a>[{_UP}][{_UP}0-9&]{{1,6}})\)"),
    }


# --------------------------------------------------------------------------- context


@lru_cache(maxsize=1)
def _never_final() -> frozenset[str]:
    """Abbreviations after which a period never ends a sentence ("fx.", "ift.")."""
    try:
        from extract.nlp.gazetteer import load_lexicon as load_general

        return frozenset(w.casefold() for w in load_general("abbreviations").get("never_final", []))
    except (ImportError, OSError, ValueError, KeyError):
        return frozenset({"fx.", "bl.a.", "ift.", "jf.", "vedr.", "ca.", "evt.", "hhv.", "dvs.", "pga.", "mht."})


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """Danish first names (casefolded): "aftale med Anne Holm" is a person, not a firm."""
    try:
        from extract.nlp.gazetteer import load_names

        return frozenset(load_names().first)
    except (ImportError, OSError):
        return frozenset()


@dataclass
class _Ctx:
    """The text plus what is known about its sentence starts."""

    text: str
    sent_starts: frozenset[int] | None
    _occurrences: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def initial(self, start: int) -> bool:
        """Does a sentence, block, bullet or numbered line start at `start` (so a capital proves nothing)?"""
        if self.sent_starts is not None and start in self.sent_starts:
            return True
        text, i = self.text, start - 1
        while i >= 0 and text[i] in " \t\u00a0\"'”“«»(":
            i -= 1
        if i < 0 or text[i] in "\n\t•▪●◦*–":
            return True
        if text[i] in ".!?":
            if self.sent_starts is not None:
                return False  # the sentence splitter already ruled on this period
            j = i
            while j > 0 and not text[j - 1].isspace():
                j -= 1
            return text[j : i + 1].casefold() not in _never_final()
        if text[i] == ")" and re.search(r"(?:^|\s)\(?\w{1,3}\)$", text[max(0, i - 5) : i + 1]):
            return True  # "a) ...", "3) ..."
        return text[i] == "-" and (i == 0 or text[i - 1].isspace())

    def lowercase_elsewhere(self, word: str) -> bool:
        low = word[:1].lower() + word[1:]
        return bool(self.occurrences(low))

    def capitalised_mid_sentence(self, word: str, skip: int) -> bool:
        return any(start != skip and not self.initial(start) for start in self.occurrences(word))

    def occurrences(self, word: str) -> list[int]:
        """Starts of `word` (or `word` + "s") as a whole word anywhere in the text, once per word."""
        if word not in self._occurrences:
            self._occurrences[word] = _word_starts(self.text, word)
        return self._occurrences[word]


def _is_word_char(ch: str) -> bool:
    """Python's regex `\\w` for one character ("" for the text's edges is not one)."""
    return ch.isalnum() or ch == "_"


def _word_starts(text: str, word: str) -> list[int]:
    """The starts of `re.finditer(rf"(?<![\\w-]){re.escape(word)}s?(?![\\w])", text)`.

    Found with `str.find` and the same boundary checks: a pattern that opens with a
    look-behind gets no fast literal search, and these ran over the whole document once per
    candidate word. Matches do not overlap, as with finditer."""
    if not word:
        return [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}s?(?![\w])", text)]
    out: list[int] = []
    n = len(word)
    pos = text.find(word)
    while pos != -1:
        end = -1
        if pos == 0 or not (_is_word_char(text[pos - 1]) or text[pos - 1] == "-"):
            nxt = text[pos + n : pos + n + 1]
            if nxt == "s" and not _is_word_char(text[pos + n + 1 : pos + n + 2]):
                end = pos + n + 1  # "s?" takes the genitive s when a word boundary follows it
            elif not _is_word_char(nxt):
                end = pos + n
        if end == -1:
            pos = text.find(word, pos + 1)
        else:
            out.append(pos)
            pos = text.find(word, end)
    return out


# --------------------------------------------------------------------------- canonical forms


def canonical_org(text: str, known: Iterable[str] = ()) -> str:
    """Canonical form of an organisation mention: white space collapsed, genitive dropped.

    "KL's"/"KLs" → "KL", "Sundhedsdatastyrelsens" → "Sundhedsdatastyrelsen", "Danske
    Regioners" → "Danske Regioner", "Gladsaxe Kommunes" → "Gladsaxe Kommune". A final -s
    goes only when the rest is a known name or ends like a Danish definite or plural noun
    ("-en", "-et", "-er", "-ne", "-e"); "Aarhus" and "Stram Kurs" keep theirs.
    """
    t = _APOS_GEN.sub("", " ".join(text.replace("\u00ad", "").split()))
    if not t.endswith("s") or len(t) < 3:
        return t
    known = set(known)
    base = t[:-1]
    if base in known or t in known:
        return base if base in known else t
    last = base.split()[-1]
    if (last.isupper() and len(last) >= 2) or (len(last) >= 3 and re.search(r"(?:en|et|er|ne|e)$", last)):
        return base
    return t


def _unify_genitives(orgs: list[Mention]) -> list[Mention]:
    """'Syddansk Sundhedsinnovations' → 'Syddansk Sundhedsinnovation' when the document has the latter."""
    names = {m.canonical for m in orgs}
    return [m._replace(canonical=m.canonical[:-1]) if m.canonical.endswith("s") and m.canonical[:-1] in names else m
            for m in orgs]


# --------------------------------------------------------------------------- rule families


def _mention(m: re.Match, canonical: str, family: str, *, source: str = "rules", label: str = "ORG",
             start: int | None = None, end: int | None = None) -> Mention:
    s = m.start("name") if start is None else start
    e = m.end() if end is None else end
    return Mention(label, s, e, m.string[s:e], canonical, source, family)


def _words_end(text: str, start: int, words: Sequence[str]) -> int:
    """End offset in `text` of `words` read from `start` (the words may be separated by any spaces)."""
    pos = start
    for w in words:
        pos = text.index(w, pos) + len(w)
    return pos


def _trim_words(lex: OrgLexicon, words: Sequence[str]) -> list[str]:
    """A run of capitalised words up to the first stop word ("Danske Regioner Mandag" → 2 words)."""
    out: list[str] = []
    for w in words:
        if lex.is_stop(w):
            break
        out.append(w)
    return out


def _gazetteer(ctx: _Ctx, lex: OrgLexicon, rx: re.Pattern, label: str) -> list[Mention]:
    out = []
    for m in finditer(rx, ctx.text):
        entry = lex.entries[" ".join(m.group("name").split())]
        if entry.ambiguous and ctx.initial(m.start()):
            letter = _PARTY_LETTER.match(ctx.text, m.end())  # "Venstre (V)" is the party anywhere
            if not (entry.letter and letter and letter.group(1) == entry.letter):
                continue
        out.append(_mention(m, entry.canonical, "gazetteer", source="gazetteer", label=label))
    return out


def _with_branch(ctx: _Ctx, lex: OrgLexicon, m: Mention) -> Mention:
    """'DGI Nordjylland', 'DBU Jylland': a known organisation with a part of the country after it
    is its regional branch, one name (not the genitive 'DGIs Jylland')."""
    if m.label != "ORG" or len(m.text) != len(m.canonical):
        return m
    b = lex.regexes["branch"].match(ctx.text, m.end)
    if b is None:
        return m
    return Mention("ORG", m.start, b.end(), ctx.text[m.start : b.end()], f"{m.canonical} {b.group('place')}", m.source, m.family)


def _with_locative(ctx: _Ctx, lex: OrgLexicon, m: Mention) -> Mention:
    """'Lokalrådet i Nørre Stenby': a local body's name includes its place."""
    loc = lex.regexes["locative"].match(ctx.text, m.end)
    if not loc or m.text.endswith("s") or any(lex.is_stop(w) for w in loc.group("place").split()):
        return m
    place = " ".join(loc.group("place").split())
    if place in lex.entries and lex.entries[place].label == "ORG":
        return m
    return Mention(m.label, m.start, loc.end(), ctx.text[m.start : loc.end()], f"{m.canonical} i {place}", m.source, m.family)


def _suffix_family(ctx: _Ctx, lex: OrgLexicon) -> Iterable[Mention]:
    for m in _scan(lex, "suffix", ctx.text):
        word, suf, name = m.group("word"), m.group("suf"), m.group("name")
        coordinated = name != word
        if not coordinated and (lex.is_generic(word) or word.casefold() in lex.body):
            continue
        weak = suf in lex.weak
        if weak and not coordinated and ctx.initial(m.start()) and ctx.lowercase_elsewhere(word):
            continue  # "Sundhedscentret ..." first in a sentence, "sundhedscentret" elsewhere: a common noun
        mention = _mention(m, " ".join(name.split()), "suffix")
        yield _with_locative(ctx, lex, mention) if weak else mention
    for m in _scan(lex, "body", ctx.text):
        word = m.group("name")
        if ctx.initial(m.start()) and not ctx.capitalised_mid_sentence(word, m.start()):
            continue
        yield _with_locative(ctx, lex, _mention(m, word, "body"))


def _for_family(ctx: _Ctx, lex: OrgLexicon) -> Iterable[Mention]:
    rx, pos = lex.regexes["for"], 0
    while (m := rx.search(ctx.text, pos)) is not None:
        pos = m.end()
        tail = _split_coordinated(lex, m.group("tail"))
        if not tail or lex.is_product(m.group("head")) or m.group("head").casefold().endswith("området"):
            continue  # "Området for ..." is an area
        end = _words_end(ctx.text, m.start("tail"), tail)
        pos = end  # (a coordinated second name starts after the first: search again from there)
        yield _mention(m, " ".join(ctx.text[m.start("name") : end].split()), "for", end=end)


def _split_coordinated(lex: OrgLexicon, tail: str) -> list[str]:
    """'Patientsikkerhed og Sundhedsstyrelsen' → ['Patientsikkerhed']: stop where another organisation
    starts ('Kultur og Borgerservice og Magistratsafdelingen for …': a second head word)."""
    parts = _LINK.split(tail)
    keep = parts[0]
    for link, nxt in zip(parts[1::2], parts[2::2], strict=True):
        first = nxt.split()[0]
        if nxt in lex.entries or first == "Region" or lex.regexes["suffix"].fullmatch(first) or lex.regexes["gazetteer"].match(nxt) \
                or lex.regexes["for_head"].fullmatch(first) or re.search(r"(?:ens|ets|ernes|enes)$", first) \
                or (link.strip() == "," and lex.regexes["place_head"].fullmatch(nxt)):  # '…, Sydby Universitet'
            break
        keep += link + nxt
    return _trim_words(lex, keep.split())


def _to_sentence_end(words: list[str]) -> list[str]:
    """'Sparekassen Faaborg. Mødet …': a name never runs past a full stop that ends a word of
    three letters or more ("A.P." and "Co." are initials and abbreviations, not sentence ends)."""
    for k, w in enumerate(words):  # (the last word too: "fra Sparekassen Faaborg." ends the line)
        if w.endswith(".") and len(w) > 3 and not re.fullmatch(r"(?:\w\.)+", w):
            return words[:k] + [w[:-1]]
    return words


def _name_run_family(ctx: _Ctx, lex: OrgLexicon, key: str, *, min_words: int = 1) -> Iterable[Mention]:
    """Families whose name ends in a run of capitalised words ("Dansk X Y", "Fonden X", "aftalen med X Y")."""
    for m in _scan(lex, key, ctx.text):
        tail_start = m.start("tail") if "tail" in m.re.groupindex else m.start("name")
        words = _trim_words(lex, _to_sentence_end(ctx.text[tail_start : m.end("name")].split()))
        # (a single hyphenated compound of names, "Cani-Shipping", is a name of its own)
        if (len(words) < min_words and not (len(words) == 1 and re.fullmatch(rf"{_CAP}{_L}+-{_CAP}{_L}+", words[0]))) \
                or lex.is_product(" ".join(words)):
            continue
        if key in ("context", "institution_name", "role_after") and (words[0].split("-")[0].casefold() in _first_names()
                                 or any(" ".join(words[i:]) in lex.entries for i in range(len(words)))):
            continue  # a person, or a known organisation or place inside: other rules decide
        end = _words_end(ctx.text, tail_start, words)
        yield _mention(m, canonical_org(ctx.text[m.start("name") : end]), key, end=end)


def _place_head_family(ctx: _Ctx, lex: OrgLexicon) -> Iterable[Mention]:
    for m in _scan(lex, "place_head", ctx.text):
        words = m.group("place").split()
        start = m.start("name")
        if lex.is_stop(words[0]):  # "Hver Kommune", "Den Kommune": drop the determiner
            if len(words) == 1 or lex.is_stop(words[1]):
                continue
            start = ctx.text.index(words[1], start + len(words[0]))
            words = words[1:]
        if m.group("chead") and not _proper_name_words(ctx, lex, words, start):
            continue  # "Kommunens Sundhedscenter" first in a sentence: a common noun phrase
        yield _mention(m, canonical_org(ctx.text[start : m.end()], lex.entries), "place_head", start=start)


def _proper_name_words(ctx: _Ctx, lex: OrgLexicon, words: Sequence[str], start: int) -> bool:
    """Are `words` (starting at `start`) a proper name, not a capitalised common word?

    Not a type word ("Bestyrelsens"), not a product; first in a sentence the capital proves
    nothing, so there the word must never be written in lower case in the document."""
    if not words or any(lex.is_stop(w) or lex.is_generic(w) for w in words) or lex.is_product(" ".join(words)):
        return False
    return not (ctx.initial(start) and ctx.lowercase_elsewhere(_APOS_GEN.sub("", words[0])))


def _head_name_family(ctx: _Ctx, lex: OrgLexicon) -> Iterable[Mention]:
    """'Revisionshuset Nordkysten', 'Kulturcenter Solhøj': an institution compound and the name
    after it. A type word is a fine head here ('Efterskolen Ådalen', like 'Grundejerforeningen
    Solbakken'); a first name after it is a person ('… i Kulturhuset Anne Holm …'), a stop
    word ends the name ('Kulturhuset Mandag')."""
    for m in _scan(lex, "head_name", ctx.text):
        words = _trim_words(lex, m.group("tail").split())
        if not words or words[0].casefold() in _first_names():
            continue
        if not _proper_name_words(ctx, lex, words, m.start("tail")) or lex.is_product(m.group("head")):
            continue
        end = _words_end(ctx.text, m.start("tail"), words)
        yield _mention(m, canonical_org(ctx.text[m.start("name") : end], lex.entries), "head_name", end=end)


def _evidence_family(ctx: _Ctx, lex: OrgLexicon) -> Iterable[Mention]:
    """'Nordby Trafik', 'Ålund Renovation': a place + a sector word is a company only when the
    document treats it as one somewhere: right after a relation word ('i dialog med Nordby
    Trafik', 'regnskabet fra …') or as the subject of a finite verb ('Nordby Trafik har
    opgjort …'). Then every mention of that name is the organisation. (A name in the
    attendance list is an organisation through the roster.)"""
    found: dict[str, list[re.Match]] = {}
    proven: set[str] = set()
    for m in _scan(lex, "evidence_head", ctx.text):
        words = m.group("place").split()
        if not _proper_name_words(ctx, lex, words, m.start("name")) or words[0].casefold() in _first_names():
            continue
        name = " ".join(m.group("name").split())
        found.setdefault(name, []).append(m)
        before = lex.regexes["evidence_before"].search(ctx.text, max(0, m.start() - 40), m.start())
        if before or lex.regexes["evidence_after"].match(ctx.text, m.end()):
            proven.add(name)
    for name in proven:
        for m in found[name]:
            yield _mention(m, canonical_org(m.group(0), lex.entries), "evidence")


def _simple_family(ctx: _Ctx, lex: OrgLexicon, key: str) -> Iterable[Mention]:
    region_names = [s for s in lex.entries if s.startswith("Region ")]
    for m in _scan(lex, key, ctx.text):
        if key in ("region", "section") and lex.is_stop(m.group("place").split()[0]):
            continue
        yield _mention(m, canonical_org(m.group(0), region_names) if key == "region" else " ".join(m.group("name").split()), key)


def _company_family(ctx: _Ctx, lex: OrgLexicon) -> Iterable[Mention]:
    for m in _scan(lex, "company", ctx.text):
        words = m.group("tail").split()
        drop = 0
        while drop < len(words) and (lex.is_stop(words[drop]) or lex.is_generic(words[drop]) or words[drop] in ("&", "og")):
            drop += 1  # "Firmaet Hansen A/S" → "Hansen A/S"
        if drop == len(words):
            continue
        start = ctx.text.index(words[drop], _words_end(ctx.text, m.start("tail"), words[:drop]))
        yield _mention(m, " ".join(ctx.text[start : m.end()].split()), "company", start=start)


def _morphology(ctx: _Ctx, lex: OrgLexicon) -> list[Mention]:
    """Candidates from the shape of the words (no gazetteer)."""
    return [
        *_suffix_family(ctx, lex),
        *_for_family(ctx, lex),
        *_name_run_family(ctx, lex, "adjective"),
        *_name_run_family(ctx, lex, "type_name"),
        *_name_run_family(ctx, lex, "context", min_words=2),
        *_name_run_family(ctx, lex, "institution_name"),
        *_name_run_family(ctx, lex, "role_after"),
        *_name_run_family(ctx, lex, "adjective_body"),
        *_place_head_family(ctx, lex),
        *_head_name_family(ctx, lex),
        *_evidence_family(ctx, lex),
        *_simple_family(ctx, lex, "head_place"),
        *_simple_family(ctx, lex, "region"),
        *_simple_family(ctx, lex, "department"),
        *_simple_family(ctx, lex, "section"),
        *_company_family(ctx, lex),
    ]


# --------------------------------------------------------------------------- acronyms


def _plausible_acronym(acr: str, long: str) -> bool:
    """'SDS' for 'Sundhedsdatastyrelsen', 'PLO' for 'Praktiserende Lægers Organisation':
    the first letters agree and the acronym's letters occur in order."""
    letters = [c.casefold() for c in acr if c.isalpha()]
    low = " ".join(w for w in long.split() if w not in ("Det", "Den", "De")).casefold()
    if len(letters) < 2 or not low or letters[0] != low[0]:
        return False
    pos = 0
    for c in letters:
        pos = low.find(c, pos) + 1
        if pos == 0:
            return False
    return True


def _initials_of(acr: str, name: str) -> bool:
    """'PGR' after 'Patrick Reimer', 'AH' after 'Anna Holm': the person's own initials (a
    middle name may be missing from the written name), not an organisation."""
    parts = [p for p in re.split(r"[\s-]+", name) if p]
    if len(parts) >= 2 and len(acr) >= 2 and acr == "".join(p[:1] for p in parts[: len(acr)]).upper():
        return True  # "KE" after "Karl Erik Holm": the initials of the first names he goes by
    return len(parts) >= 2 and 2 <= len(acr) <= len(parts) + 2 and acr[0] == parts[0][:1].upper() \
        and acr[-1] == parts[-1][:1].upper()


_ACRONYM_LONG = re.compile(rf"(?<![\w\-./@])(?P<a>[{_UP}]{{2,6}})[ \u00a0]*\((?P<long>[a-zæøå][a-zæøå\- ]{{3,60}})\)")
_ACRONYM_BODY = re.compile(rf"(?<![\w\-./@])(?P<a>[{_UP}]{{3,6}})[ \u00a0]+(?i:fagråd|fagrådet|institutråd|studienævn|råd|rådet|bestyrelse|udvalg)(?![\w-])")


def _initials_are(acr: str, long: str) -> bool:
    """'AR' for 'akademisk råd', 'SU' for 'studie-udvalg': one initial per word (or hyphen part)."""
    parts = [p for p in re.split(r"[\s-]+", long) if p and p not in ("og", "for", "i", "af")]
    return len(parts) == len(acr) and all(p[0].upper() == c for p, c in zip(parts, acr))


#: where an undefined acronym stands as a party that acts or is acted with: "udsendt af DEAS", "rådgivere fra
#: DEAS", "samarbejdet med DEAS", "kontakt til DEAS"
_AGENT_BEFORE = re.compile(r"\b(?:fra|af|hos|med|til|via)[ \u00a0]+$")


#: an acronym in apposition after a person, between commas: "Lars Rahbek, CASA, bød velkommen"
_APPOSED_ACRONYM = re.compile(r",[ \u00a0]*(?P<a>[A-ZÆØÅ]{2,6})[ \u00a0]*,")


def _recurring_agents(text: str, acronym_word: re.Pattern, lex: OrgLexicon, defined: dict[str, str], usable,
                      persons: Sequence[tuple[int, int]]) -> None:
    """An acronym the minutes never spell out, used three times or more, once at least after "af/fra/
    hos/med/til/via", is an organisation (the administrator, the developer, the faculty), not a term: terms
    and titles ("PR", "MMA") are seldom an agent. Person initials are left to the person finder."""
    seen: dict[str, list[int]] = {}
    for m in finditer(acronym_word, text):
        seen.setdefault(m.group("a"), []).append(m.start())
    inside_person = StaticRanges(list(persons))
    for a, starts in seen.items():
        if len(starts) < 3 or a in defined or a in lex.known_acronyms or len(a) < 3 or not usable(a):
            continue
        if any(inside_person.any_overlap(st, st + len(a)) for st in starts):
            continue
        if re.search(rf"\(\s*{a}\s*\)|\b{a}\s*\([a-zæøåA-ZÆØÅ]", text):
            continue  # "Fælles Medicinkort (FMK)": defined by a long form no rule calls an organisation
        if any(_AGENT_BEFORE.search(text, max(0, st - 6), st) for st in starts):
            defined[a] = a


_LIST_AFTER = re.compile(r"\s*(?:,|og|eller|/|&)\s*")
_LIST_BEFORE = re.compile(r"\s*(?:,|og|eller|/|&)\s*$")


def _listed_with_org(text: str, start: int, end: int, org_starts: set[int], org_ends: set[int]) -> bool:
    """Is text[start:end] listed next to an acronym organisation ("KL og DR", "DR, KL")?
    An organisation must start right after the link word or end right before it: looked up
    in the sets of their starts and ends, not by a scan over every organisation."""
    after = _LIST_AFTER.match(text[end : end + 8])
    before = _LIST_BEFORE.search(text[max(0, start - 8) : start])
    return bool((after and end + after.end() in org_starts) or (before and start - len(before.group(0)) in org_ends))


def _acronyms(ctx: _Ctx, lex: OrgLexicon, orgs: list[Mention], front_end: int,
              persons: Sequence[tuple[int, int]]) -> list[Mention]:
    """Add the acronyms the document makes organisations; defined ones get the long form as canonical."""
    text, rx = ctx.text, lex.regexes
    defined: dict[str, str] = {}  # acronym -> canonical

    def usable(a: str) -> bool:
        return not _ROMAN.match(a) and a not in lex.not_org_acronyms

    for m in orgs:
        d = rx["acronym_after"].match(text, m.end)  # "Sundhedsstyrelsen (SST)"
        if d and usable(d.group("a")) and d.group("a") != m.canonical and _plausible_acronym(d.group("a"), m.canonical):
            defined.setdefault(d.group("a"), m.canonical)
    for m in _ACRONYM_LONG.finditer(text):  # "AR (akademisk råd)": a long form in lower case after it
        long = " ".join(m.group("long").split())
        if usable(m.group("a")) and _initials_are(m.group("a"), long):
            defined.setdefault(m.group("a"), long[:1].upper() + long[1:])
    for m in _ACRONYM_BODY.finditer(text):  # "KEMI Fagråd", "SCI fagråd": the body's parent organisation
        if usable(m.group("a")) and m.group("a") not in lex.known_acronyms and not m.group().split()[-1].isupper():
            defined.setdefault(m.group("a"), m.group("a"))  # (not a shouted title: "NYT RÅD")
    person_ends = {pe: ps for ps, pe in persons}
    for m in rx["paren_acronym"].finditer(text, 0, front_end):  # "Trine Hansen (KL)" in the attendance list
        a = m.group("a")
        gap = len(re.search(r"[ ,]*$", text[max(0, m.start() - 4) : m.start()]).group(0))
        pe = m.start() - gap
        if usable(a) and (not persons or pe in person_ends) and not (
                pe in person_ends and _initials_of(a, text[person_ends[pe]:pe])):
            defined.setdefault(a, a)
    for pe, ps in person_ends.items():  # "Trine Hansen (KL)" anywhere; "Lars Rahbek, CASA, bød velkommen"
        p = rx["paren_acronym"].match(text, pe + (text[pe : pe + 1] == " ")) or _APPOSED_ACRONYM.match(text, pe)
        if p and usable(p.group("a")) and not _initials_of(p.group("a"), text[ps:pe]):
            defined.setdefault(p.group("a"), p.group("a"))
    _recurring_agents(text, rx["acronym_word"], lex, defined, usable, persons)
    found = list(orgs)
    for m in finditer(rx["acronym_word"], text):
        if m.group("a") in defined:
            found.append(Mention("ORG", m.start(), m.end(), m.group(0), defined[m.group("a")], "rules", "acronym"))
    # "dialog med KL og DR": an unknown acronym listed with an acronym organisation
    acronym_orgs = [o for o in found if _ACRONYM.match(o.canonical) or _ACRONYM.match(_APOS_GEN.sub("", o.text))]
    org_starts, org_ends = {o.start for o in acronym_orgs}, {o.end for o in acronym_orgs}
    for m in finditer(rx["acronym_word"], text):
        a = m.group("a")
        if a in defined or a in lex.known_acronyms or not usable(a):
            continue
        if _listed_with_org(text, m.start(), m.end(), org_starts, org_ends):
            found.append(Mention("ORG", m.start(), m.end(), m.group(0), a, "rules", "acronym"))
    # a definition in the text outranks the gazetteer: "Praktiserende Lægers Organisation (PLO)"
    linked = {a: c for a, c in defined.items() if a != c}
    return _resolve([m._replace(canonical=linked[m.canonical]) if m.canonical in linked else m for m in found])


# --------------------------------------------------------------------------- assembly


def _resolve(mentions: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions: the longer wins, then roster/gazetteer before rules.

    Chosen mentions never overlap, so kept sorted their ends are sorted too and a clash is
    found by bisection (a scan of all chosen mentions was quadratic on long documents).
    """
    rank = {"roster": 0, "gazetteer": 1, "rules": 2}
    starts: list[int] = []
    ends: list[int] = []
    picked: list[Mention] = []  # in the order chosen: ties of the final sort keep it
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), rank.get(m.source, 3), m.start)):
        i = bisect.bisect_right(ends, m.start)  # first chosen mention ending after m starts
        if i < len(starts) and starts[i] < m.end:
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        picked.append(m)
    return sorted(picked, key=lambda m: m.start)


def _trim_at_persons(mentions: Iterable[Mention], persons: Sequence[tuple[int, int]]) -> list[Mention]:
    """A rule mention never runs into a person's name: it ends before it, or goes if inside one."""
    # only persons overlapping a mention's original span can touch it (a mention only
    # shrinks): find those by bisection over the persons' starts, keep their given order
    order = sorted(range(len(persons)), key=lambda k: persons[k][0])
    p_starts = [persons[k][0] for k in order]
    longest = max((pe - ps for ps, pe in persons), default=0)
    out = []
    for m in mentions:
        lo = bisect.bisect_left(p_starts, m.start - longest)
        hi = bisect.bisect_left(p_starts, m.end)
        near = sorted(order[lo:hi])
        for ps, pe in (persons[k] for k in near):
            if m is None or pe <= m.start or ps >= m.end:
                continue
            if ps <= m.start and pe >= m.end:
                m = None
            elif m.start < ps and pe >= m.end:
                head = m.text[: ps - m.start].rstrip(" ,")
                m = m._replace(end=m.start + len(head), text=head, canonical=canonical_org(head)) if len(head.split()) >= 2 else None
        if m is not None:
            out.append(m)
    return out


def _roster_names(names: Iterable[str | None], lex: OrgLexicon, ctx: _Ctx) -> dict[str, str]:
    """Organisations named in the attendance list that look like names: surface → canonical."""
    out: dict[str, str] = {}
    for raw in names:
        name = " ".join((raw or "").split()).strip(" ,;:")
        words = name.split()
        if not words or len(name) > 80 or len(words) > 8 or any(c in name for c in "()[]"):
            continue
        if lex.is_generic(name) or lex.is_stop(name) or name in lex.not_org_acronyms:
            continue
        if not all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_LINKS for w in words):
            continue  # "Statsautoriseret revisor" is a job title, not an organisation
        if len(words) == 1 and not _ACRONYM.match(name) and ctx.lowercase_elsewhere(name):
            continue  # a common noun the attendance parser took for an organisation
        canon = canonical_org(name, lex.entries)
        out[canon] = lex.entries[canon].canonical if canon in lex.entries else canon
    return out


#: "gæld til grundejerforeningen", "medlem af bådelauget", "regningen fra Vandværksforeningen": a definite
#: association compound names one particular association (a bare "foreningen" does not: no prefix);
#: capitalised it counts only inside a sentence, and never when a name follows ("bådklubben Nordvind":
#: the apposition is the name)
_DEFINITE_ASSOCIATION = re.compile(r"(?<![\w\-./@])(?P<name>(?P<stem>[a-zæøåA-ZÆØÅ][a-zæøå]{2,}(?:forening|laug|klub))(?:en|et|ben))"
                                   r"(?![\w-])(?![ \u00a0]+[A-ZÆØÅ])")


#: "DIKUrevyen", "ATrevyen": an acronym grown into a definite compound is an association's name
_CAMEL_DEFINITE = re.compile(r"(?<![\w\-./@])(?P<name>[A-ZÆØÅ]{2,6}[a-zæøå]{3,}(?:en|et))(?P<gen>s)?(?![\w-])")


#: "Varevognen var fra Nemlig.com", "bestilt hos Saxo.com": a capitalised web name after "fra/hos/via/til" is
#: the company (a lower-case address, "sundhed.dk", is a site or a product)
_WEB_COMPANY = re.compile(r"(?<=\b(?:fra|hos|via|til)[ \u00a0])(?P<name>[A-ZÆØÅ][\wæøå-]+\.(?:com|dk|net|eu))(?![\w-])(?!\.\w)")


def _web_companies(text: str) -> list[Mention]:
    return [Mention("ORG", m.start(), m.end(), m.group(), m.group(), "rules", "web") for m in _WEB_COMPANY.finditer(text)]


#: "Kontakt Stadsing om …", "tager kontakt til Skråen": the one capitalised word someone contacts is
#: a company, venue or body when no name list knows it as a person's name (that is "kontakt til Dennis");
#: so is a sponsor ("støttet af Rotary", "sponsoreret af Brugsen")
_CONTACTED = re.compile(r"\b(?:[Kk]ontakt(?:e|er|ede)?(?:[ \u00a0]+(?:til|med))?|[Ss](?:tøttet|ponsoreret|ponseret)[ \u00a0]+af)"
                        r"[ \u00a0]+(?P<name>[A-ZÆØÅ][a-zæøå]{3,})"
                        r"(?![\w-])(?![ \u00a0]*-?[ \u00a0]*[A-ZÆØÅ0-9])")


def _contacted(text: str, lex: OrgLexicon) -> list[Mention]:
    names = load_names()
    months = _never_contacted()
    loc = lex.regexes["loc"]
    return [Mention("ORG", m.start("name"), m.end("name"), m.group("name"), m.group("name"), "rules", "contacted")
            for m in finditer(_CONTACTED, text)
            if not (names.is_first(m.group("name")) or names.is_last(m.group("name"))
                    or m.group("name").casefold() in months or loc.fullmatch(m.group("name")))]


@lru_cache(maxsize=1)
def _never_contacted() -> frozenset[str]:
    """Capitalised words after "kontakt" that name a time, not a party ("kontakt Mandag"): the
    weekdays and month names the date finder knows."""
    return frozenset(WEEKDAYS) | frozenset(MONTHS)


#: "Sundby Rengøringsservice", "Hovedstadens Elevatorservice", "Holm Tømrerfirma": a capitalised name
#: (a place, a genitive, a surname) before a capitalised trade compound is a firm
_TRADE_NAME = re.compile(r"(?<![\w.-])(?P<name>[A-ZÆØÅ][a-zæøå]{2,}[ \u00a0]+[A-ZÆØÅ][a-zæøå]{2,}"
                         r"(?:service|firma|forretning|entreprise|teknik|rådgivning|handel|transport|montage|renovering))(?![\w-])")


def _trade_names(ctx: _Ctx) -> list[Mention]:
    return [Mention("ORG", m.start(), m.end(), m.group(), m.group(), "rules", "trade")
            for m in finditer(_TRADE_NAME, ctx.text) if not ctx.initial(m.start())]


def _camel_names(text: str) -> list[Mention]:
    """Names like "DIKUrevyen" (the genitive "DIKUrevyens" → "DIKUrevyen")."""
    return [Mention("ORG", m.start(), m.end(), m.group(), m.group("name"), "rules", "camel")
            for m in _CAMEL_DEFINITE.finditer(text)]


def _definite_associations(ctx: _Ctx, front_end: int) -> list[Mention]:
    """Definite association compounds, except the meeting body's own kind: a word whose stem
    the front matter names ("tennisklubben" under "Referat … Tennisklub") is the minutes
    speaking of their own association."""
    text = ctx.text
    front = text[:front_end or 600].casefold()
    out = []
    for m in finditer(_DEFINITE_ASSOCIATION, text):
        if m.group("stem").casefold() in front or (m.group()[0].isupper() and ctx.initial(m.start())):
            continue
        word = m.group("name")
        out.append(Mention("ORG", m.start(), m.end(), word, word[:1].upper() + word[1:], "rules", "association"))
    return out


_WRAP_AFTER = re.compile(r"[ \u00a0]*(?:og|for|i|af|&|,)?[ \u00a0]*[\t\n]")


def find_mentions(text: str, lex: OrgLexicon | None = None, *, roster_orgs: Iterable[str | None] = (),
                  front_end: int = 0, persons: Sequence[tuple[int, int]] = (),
                  sent_starts: Iterable[int] | None = None) -> list[Mention]:
    """All organisation (ORG) and place (LOC) mentions in `text`, non-overlapping, by offset.

    `roster_orgs`: organisations of the attendance list (this document's own names);
    `front_end`: end of the front matter, where "(ABC)" after a name is an affiliation;
    `persons`: (start, end) of person mentions, which organisation rules never run into;
    `sent_starts`: sentence start offsets when a sentence splitter has run.
    """
    lex = lex or load_lexicon()
    ctx = _Ctx(text, frozenset(sent_starts) if sent_starts is not None else None)
    cands = [_with_branch(ctx, lex, m) for m in _gazetteer(ctx, lex, lex.regexes["gazetteer"], "ORG")]
    local = _roster_names(roster_orgs, lex, ctx)
    if local:
        rx = re.compile(rf"{_START}(?P<name>{'|'.join(_surface_regex(n) for n in sorted(local, key=len, reverse=True))}){_GEN}{_END}")
        cands += [_mention(m, local[" ".join(m.group("name").split())], "roster", source="roster") for m in finditer(rx, text)]
    # a name cut where its table cell wraps ("Enhed for Kvalitet og" / "Patientsikkerhed") is the roster's name
    morph = _trim_at_persons(_morphology(ctx, lex) + _definite_associations(ctx, front_end) + _camel_names(text)
                             + _web_companies(text) + _contacted(text, lex) + _trade_names(ctx), persons)
    full = {m.canonical: [r for r in set(local.values()) if r.startswith(m.canonical + " ")] for m in morph} if local else {}
    cands += [m._replace(canonical=full[m.canonical][0]) if len(full.get(m.canonical, ())) == 1
              and _WRAP_AFTER.match(text, m.end) else m for m in morph]
    orgs = _unify_genitives(_acronyms(ctx, lex, _resolve(cands), front_end, persons))
    taken = StaticRanges([(m.start, m.end) for m in orgs] + list(persons))
    locs = [m for m in _gazetteer(ctx, lex, lex.regexes["loc"], "LOC") if not taken.any_overlap(m.start, m.end)]
    return sorted(orgs + _resolve(locs), key=lambda m: (m.start, m.end))


# --------------------------------------------------------------------------- component


def _spans(doc: Doc, mentions: Iterable[Mention], label: str) -> list[Span]:
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, label=label, alignment_mode="expand") if m.label == label else None
        if span is not None:
            span._.canonical = m.canonical
            span.id_ = m.source
            out.append(span)
    return out


class OrgRecognizer:
    """The component: doc.spans["orgs"], doc.spans["locs"] and doc._.entities."""

    def __init__(self, lexicon: OrgLexicon) -> None:
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        persons = list(doc.spans["persons"]) if "persons" in doc.spans else []
        roster = doc._.roster or []
        item_starts = [start for _, start, _, _ in doc._.item_spans or []]
        mentions = find_mentions(
            base.doc_text(doc), self.lex,
            roster_orgs=[getattr(a, "organisation", None) for a in roster],
            front_end=min(item_starts) if item_starts else 0,
            persons=[(p.start_char, p.end_char) for p in persons],
            sent_starts=[s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else None,
        )
        doc.spans["orgs"] = _spans(doc, mentions, "ORG")
        doc.spans["locs"] = _spans(doc, mentions, "LOC")
        roster_names = {a.name for a in roster if getattr(a, "name", None)}
        per = [Mention("PER", p.start_char, p.end_char, p.text, p._.canonical or p.text,
                       "roster" if (p._.canonical or p.text) in roster_names else "rules", "persons")
               for p in persons]
        doc._.entities = build_entities(per, [m for m in mentions if m.label == "ORG"],
                                        [m for m in mentions if m.label == "LOC"])
        return doc


@Language.factory("referat_orgs", default_config={"path": None})
def make_orgs(nlp: Language, name: str, path: str | None) -> OrgRecognizer:
    """`path`: a folder laid out like models/orgs/ (default: the shipped one)."""
    return OrgRecognizer(load_lexicon(path or ORGS_DIR))
