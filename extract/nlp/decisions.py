"""`referat_decisions`: what a meeting concluded, approved, noted, rejected, deferred or elected.

Two sources, both driven by general Danish vocabulary in models/lexicon/decisions.json:

* decision *blocks*: a "Beslutning:" / "Konklusion" / "Udvalgets beslutning den <dato>
  Punkt N:" heading and the paragraph(s) under it (municipal templates). The block text is
  the decision; its kind comes from the verdict it opens with ("Godkendt", "Udsat", ...).
* decision *sentences* in free prose: finite decision constructions only — "X
  konkluderede, at …", "Det blev (…) besluttet, at …", "… blev godkendt", "… taget til
  efterretning", "Bestyrelsen tiltrådte …", elections, rejections, deferrals. Nouns
  ("godkendelse af …"), infinitives ("udskyde"), modal or conditional forms ("skal
  godkendes", "hvis det godkendes"), proposals ("Forvaltningen indstiller, at … godkendes")
  and reported speech ("Hun oplyste, at budgettet blev godkendt") are not decisions: the
  scorer and users count a decision that was never taken as wrong.

A sentence is at most one decision. Rows carry only content and char offsets; `item` is
set only when a block heading names the item ("Punkt 5").
"""
from __future__ import annotations

import bisect
import json
import re
from collections.abc import Container
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract import outline
from extract.nlp import base
from extract.nlp.dates import Intervals, sentence_ranges
from extract.nlp.fastscan import KeyIndex
from extract.nlp.gazetteer import alternation, required_words
from extract.nlp.intervals import InnermostRange
from extract.schema import Decision, DecisionKind, Statement

Range = tuple[int, int]
Persons = list[tuple[int, int, str]] | None
#: "not given": the function reads the persons from the doc itself
_UNSET = object()
WORD = re.compile(r"[^\W\d_][\w\-]*|\d+", re.UNICODE)
ENUM_START = re.compile(r"^\s*(?:og\s+|samt\s+)?(?:\d{1,2}|[a-h])\)\s")
BULLET = re.compile(r"^\s*(?:[•\-–*]|\d{1,2}[.)]|[a-h]\))\s")
#: a name (2+ capitalised words, maybe a party letter) opening a sentence: "Kaj Holm (V) spurgte …"
PERSON_OPENER = re.compile(r"[A-ZÆØÅ][\w\-]+(?:\s+[A-ZÆØÅ][\w\-]+)+(?:\s*\([A-ZÆØÅ]\))?\s+[a-zæøå]")
FUNCTION_WORDS = {"det", "der", "den", "de", "dette", "disse", "en", "et", "hvis", "når", "som", "at", "og",
                  "men", "i", "på", "med", "til", "for", "af", "om", "efter", "under", "ved", "fra"}


def lexicon_path() -> Path:
    return base.MODELS_DIR / "lexicon" / "decisions.json"


@dataclass(frozen=True)
class Lexicon:
    """Compiled decision vocabulary."""

    raw: dict
    conclusion_verb: re.Pattern
    resolution_verb: re.Pattern
    resolution_perfect: re.Pattern  # 'har (…) besluttet'
    impersonal: re.Pattern
    agreement: re.Pattern
    request: re.Pattern
    passive: re.Pattern  # blev (...) <participle>
    present_passive: re.Pattern
    not_for: re.Pattern  # "blev udsat for støj": exposed to, not deferred
    action_passive: re.Pattern  # "Der indkøbes 3 dusin bolde": a course of action, early in a main clause
    perfect: re.Pattern  # er (...) godkendt
    support: re.Pattern  # Bestyrelsen bakker op om / tilslutter sig
    active: re.Pattern
    noted: re.Pattern
    verdict: dict[str, re.Pattern]
    elliptic: re.Pattern
    modal_adjacent: re.Pattern
    conditional: re.Pattern
    irrealis: re.Pattern
    reporting: re.Pattern
    block_heading: re.Pattern
    block_inline: re.Pattern  # "Beslutning Godkendt." — heading and verdict run together
    protocol: re.Pattern  # closing and protocol formulas that are no decision ("Intet yderligere.")
    body_nouns: frozenset[str]
    person_roles: frozenset[str]
    proposing_bodies: frozenset[str]  # administrations whose recommendation is a proposal
    strict_excludes: frozenset[str]
    body_suffixes: tuple[str, ...]
    adverbs: re.Pattern
    decision_acts: frozenset[str]
    section_headings: frozenset[str]
    longest_section_heading: int
    non_decision_sections: frozenset[str]
    participle_kind: dict[str, str]
    present_kind: dict[str, str]
    active_kind: dict[str, str]
    trigger: re.Pattern  # cheap pre-filter: a sentence without any of these stems holds no decision
    prefilter: dict[str, re.Pattern]  # see `_prefilter`


_TRIGGER_KEYS = ("action_present_passive", "conclusion_verbs", "resolution_verbs", "resolution_perfect",
                 "impersonal_participles", "impersonal_s_forms", "agreement",
                 "request_verbs", "approval_participles", "approval_present_passive", "approval_active",
                 "approval_perfect", "approval_support", "noted",
                 "rejected_participles", "rejected_present_passive", "rejected_active", "deferred_participles",
                 "deferred_present_passive", "deferred_active", "election_participles", "election_present_passive",
                 "election_s_past", "election_active", "other_participles")


def _stems(raw: dict) -> set[str]:
    """Every word of every decision phrase, cut to 5 letters: any phrase match contains one."""
    words = [w for key in _TRIGGER_KEYS for entry in raw[key] for w in re.findall(r"[^\W\d_]+", entry)]
    words += [w for v in raw["verdicts"].values() for entry in v for w in re.findall(r"[^\W\d_]+", entry)]
    skip = {"w", "S", "om", "at", "det", "der", "til", "sig", "i", "ikke", "som", "var", "blev", "er", "med"}
    return {re.escape(w[:5].lower()) for w in words if w not in skip and len(w) > 2}


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read and compile the lexicon once per process."""
    raw = json.loads(Path(path or lexicon_path()).read_text(encoding="utf-8"))
    I = re.IGNORECASE
    participle_kind = {w: "approval" for w in raw["approval_participles"]}
    participle_kind.update({w: "rejected" for w in raw["rejected_participles"] if " " not in w})
    participle_kind.update({w: "deferred" for w in raw["deferred_participles"]})
    participle_kind.update({w: "election" for w in raw["election_participles"]})
    participle_kind.update({w: "other" for w in raw["other_participles"]})
    present_kind = {w: "approval" for w in raw["approval_present_passive"]}
    present_kind.update({w: "rejected" for w in raw["rejected_present_passive"] if " " not in w})
    present_kind.update({w: "deferred" for w in raw["deferred_present_passive"]})
    present_kind.update({w: "election" for w in raw["election_present_passive"] + raw["election_s_past"]})
    active_kind = {w: "approval" for w in raw["approval_active"]}
    active_kind.update({w: "rejected" for w in raw["rejected_active"]})
    active_kind.update({w: "deferred" for w in raw["deferred_active"]})
    active_kind.update({w: "election" for w in raw["election_active"]})
    not_for = alternation(raw["deferred_not_followed_by"])
    gap = r"(?:[^\W\d_][\w\-]*\s+){0,4}?"
    verdict = {k: re.compile(r"\b" + alternation(v) + r"\b", I) for k, v in raw["verdicts"].items()}
    all_verdicts = [w for v in raw["verdicts"].values() for w in v]
    # a bare "… til orientering." / "… som indstillet." ends too many ordinary sentences
    elliptic_verdicts = [w for w in all_verdicts if not w.startswith(("til ", "som "))]
    kw = alternation(raw["block_keywords"])
    date_rx = (r"\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s*[\-./]\s*\d{1,2}\s*[\-./]\s*\d{2,4}"
               r"|\d{1,2}\.\s*[a-zæøå]+\.?\s+\d{4}|\d{1,2}\.\s*[a-zæøå]+")
    block_heading = re.compile(
        r"^(?:(?P<owner>(?:[A-ZÆØÅ][\w\-]*-?\s+og\s+)?[A-ZÆØÅa-zæøå][\w\-]*?(?:s|'s|’s))\s+)?(?i:" + kw + r")"
        # "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013"
        r"(?:\s+(?:i|fra|på)\s+(?P<body>[A-ZÆØÅ][\w\-]*(?:,?\s+[\w\-]+){0,6}?(?:\s+\([A-ZÆØÅ]{2,6}\))?))?"
        r"(?:\s*[,\-–]?\s*(?i:den|d\.)?\s*(?P<date>" + date_rx + r"))?"
        r"(?:\s*[,\-–]?\s*(?i:punkt|pkt\.?|sag\s+nr\.?)\s*(?P<num>\d+(?:\.\d+)*)\.?)?"
        # the verdict after ":" / "." or, once a date or item number closed the label, on the same line
        r"\s*(?:(?:[:.\-–]|(?<=\d)(?=\s+[A-ZÆØÅ]))\s*(?P<rest>.*))?$", re.S)
    lex = Lexicon(
        raw=raw,
        conclusion_verb=re.compile(r"\b" + alternation(raw["conclusion_verbs"]) + r"\b", I),
        resolution_verb=re.compile(r"\b" + alternation(raw["resolution_verbs"]) + r"\b", I),
        resolution_perfect=re.compile(r"\bhar\s+(?P<gap>" + gap + r")(?P<w>" + alternation(raw["resolution_perfect"]) + r")\b", I),
        impersonal=re.compile(
            r"\bdet\s+blev\s+(?:[\w\-]+,?\s+){0,8}?" + alternation(raw["impersonal_participles"]) + r"\b"
            r"|\bblev\s+det\s+(?:[\w\-]+,?\s+){0,8}?" + alternation(raw["impersonal_participles"]) + r"\b"
            r"|\bdet\s+(?:[\w\-]+\s+){0,2}?" + alternation(raw["impersonal_s_forms"]) + r"\b"
            r"|\b" + alternation(raw["impersonal_s_forms"]) + r"\s+det\b"
            # "Efter en lang debat besluttedes at sløjfe hækken": the s-form right before "at"
            r"|\b" + alternation(raw["impersonal_s_forms"]) + r"\s+at\b"
            r"|^\s*det\s+er\s+(?:[\w\-]+\s+){0,2}?" + alternation(raw["impersonal_participles"]) + r"\s*,?\s+at\b", I),
        agreement=re.compile(r"\b" + alternation(raw["agreement"]) + r"\b", I),
        request=re.compile(r"\b" + alternation(raw["request_verbs"]) + r"\b", I),
        passive=re.compile(r"\bblev\s+(?P<gap>" + gap + r")(?P<w>" + alternation(list(participle_kind)) + r")\b", I),
        not_for=re.compile(r"\s+" + not_for + r"\b", I),
        present_passive=re.compile(r"\b(?P<w>" + alternation(list(present_kind)) + r")\b", I),
        action_passive=re.compile(r"^\W*(?:[a-zæøå]\.\s+)?(?:[\w\-/.]+\s+){0,5}?(?P<w>" + alternation(raw["action_present_passive"])
                                  + r")\b(?!\s+(?:af|til\s+høring)\b)", I),
        perfect=re.compile(r"\ber\s+(?P<gap>" + gap + r")(?P<w>" + alternation(raw["approval_perfect"]) + r")\b"
                           r"(?:\s+af\s+(?:(?:de|alle|samtlige)\s+)?(?P<agent>[\w\-]+))?", I),
        support=re.compile(r"\b" + alternation(raw["approval_support"]) + r"\b", I),
        active=re.compile(r"\b(?P<w>" + alternation(list(active_kind)) + r")\b", I),
        noted=re.compile(r"\b" + alternation(raw["noted"]) + r"\b", I),
        verdict=verdict,
        elliptic=re.compile(
            # (after an outline mark, a bullet or a name in parentheses: "a) Referatet godkendt.", "• Godkendt", "(Kim) Vedtaget.")
            r"^\s*(?:(?:[a-zæøå]|\d{1,2})\)\s+|\([^()]{1,30}\)\s+|[•\uf0b7▪◦·*–-]\s*)?(?:(?P<head>" + alternation(elliptic_verdicts) + r")\b(?!(?<!uændret)\s+" + not_for + r"\b)(?:[\s,:].*)?"
            # ("Mads Holm, F25 genvalgt": a name with its house code before the verdict)
            r"|(?:[\w\-\.:]+,?\s+){1,8}?(?:er\s+|blev\s+)?(?P<tail>" + alternation(elliptic_verdicts) + r")"
            r"(?:\s+(?:uden|med|som|enstemmigt|til|på|og)\b[^,;]{0,60})?)\s*[.!]?\s*$", I | re.S),
        modal_adjacent=re.compile(r"\b" + alternation(raw["modal_adjacent"]) + r"\s+(?:[\w\-]+\s+){0,2}$", I),
        conditional=re.compile(r"\b" + alternation(raw["conditionals"]) + r"\b", I),
        irrealis=re.compile(r"\b" + alternation(raw["irrealis_governors"]) + r"\b", I),
        reporting=re.compile(r"\b" + alternation(raw["reporting_verbs"]) + r"\b", I),
        block_heading=block_heading,
        block_inline=re.compile(r"^(?P<owner>)(?P<date>)(?P<num>)(?i:" + kw + r")\s+(?P<rest>(?i:" + alternation(elliptic_verdicts)
                                + r")\b(?!\s+" + not_for + r"\b).*)$", re.S),
        protocol=re.compile(r"\s*(?:" + alternation(raw["block_protocol"]) + r")\b", I),
        body_nouns=frozenset(w.lower() for w in raw["body_nouns"]),
        strict_excludes=frozenset(w.lower() for w in raw["strict_body_excludes"]),
        person_roles=frozenset(w.lower() for w in raw["person_roles"]),
        proposing_bodies=frozenset(w.lower() for w in raw.get("proposing_bodies", ())),
        body_suffixes=tuple(raw["body_suffixes"]),
        adverbs=re.compile(r"(?:\b" + alternation(raw["adverbs"]) + r"\s*,?\s*)+$", I),
        decision_acts=frozenset(a.lower() for a in raw["decision_acts"]),
        section_headings=frozenset(raw["section_headings"]),
        longest_section_heading=max(map(len, raw["section_headings"]), default=0),
        non_decision_sections=frozenset(raw["non_decision_sections"]),
        participle_kind=participle_kind,
        present_kind=present_kind,
        active_kind=active_kind,
        trigger=re.compile(r"\b(?:" + "|".join(sorted(_stems(raw))) + ")", I),
        prefilter={},
    )
    return replace(lex, prefilter=_prefilter(raw, lex))


# --------------------------------------------------------------------------- sentence level


@dataclass(frozen=True)
class Hit:
    """A finite decision construction inside a sentence (offsets relative to the sentence)."""

    kind: DecisionKind
    start: int
    end: int
    active: bool  # a subject decided (decided_by may name a person)
    governs_content: bool  # "konkluderede, at …": the kind may be refined from the content


def clause_start(text: str, pos: int) -> int:
    """Offset where the clause holding `pos` begins: after the last , : ; or 'at' before it."""
    prefix = text[:pos]
    cut = max(prefix.rfind(","), prefix.rfind(":"), prefix.rfind(";")) + 1
    for m in re.finditer(r"\bat\b", prefix):
        cut = max(cut, m.end())
    return cut


def _clause_prefix(text: str, pos: int) -> str:
    return text[clause_start(text, pos):pos]


def _is_body_word(word: str, lex: Lexicon) -> bool:
    w = word.lower()
    return w in lex.body_nouns or (len(w) > 6 and w.endswith(lex.body_suffixes))


def has_subject(text: str, start: int, end: int, lex: Lexicon, person_ends: set[int] | None = None,
                strict: bool = False) -> bool:
    """Does the finite verb at text[start:end] have a deciding subject (body, person, pronoun)?

    Guards adjective uses of the same forms ("den aftalte deadline", "de besluttede tiltag")
    and narrated decisions of outside organisations ("Ministeriet godkendte …"): a person
    counts only as a person mention (`person_ends`, sentence-relative end offsets); only
    when no person annotator ran (None) does a capitalised word stand in for a name.
    `strict`: only a collective body decides ("Bestyrelsen bad om …", not "Hun bad om …").
    """
    cs = clause_start(text, start)
    prefix = lex.adverbs.sub("", text[cs:start].rstrip()).rstrip()
    words = list(WORD.finditer(prefix))
    if strict:
        return bool(words) and _is_body_word(words[-1].group(), lex) and words[-1].group().lower() not in lex.strict_excludes
    if words:
        last = words[-1]
        word = last.group()
        if _is_body_word(word, lex) or (person_ends is not None and (cs + last.end()) in person_ends):
            return True
        if person_ends is None and word[:1].isupper() and word.lower() not in FUNCTION_WORDS:
            return True  # a capitalised name right before the verb ("Karen besluttede")
    return _next_is_body(text, end, lex)  # inverted order: "Herefter godkendte bestyrelsen …"


def _next_is_body(text: str, end: int, lex: Lexicon) -> bool:
    for w in WORD.findall(text[end:end + 80])[:3]:
        if _is_body_word(w, lex):
            return True
        if not lex.adverbs.fullmatch(w):
            return False
    return False


#: "… men intet vedtages": nothing is the subject, so nothing was decided
_NOTHING_BEFORE = re.compile(r"\b(?:intet|ingenting)\s+$", re.I)


def _guarded(text: str, start: int, lex: Lexicon) -> bool:
    """Modal, conditional or proposal framing: the construction is not a decision taken."""
    prefix = text[:start]
    if lex.modal_adjacent.search(prefix) or _NOTHING_BEFORE.search(prefix):
        return True
    if lex.conditional.search(_clause_prefix(text, start)):
        return True
    wish = None
    for wish in lex.irrealis.finditer(prefix):
        pass
    # "Jesper ønsker genvalg og vælges": the wish has its own object; the verb after "og" is a fact
    return wish is not None and not _OWN_OBJECT_AND.fullmatch(prefix, wish.end())


#: a wish's one-word object and "og" before the verb: "ønsker genvalg og …" (not "ønsker at …")
_OWN_OBJECT_AND = re.compile(r"\s+(?!at\b)[^\W\d]+\s+og\s+", re.I)


def _relative(text: str, start: int) -> bool:
    """'De retningslinjer, der blev godkendt sidste år, gælder …' — an embedded relative
    clause narrates. A trailing one ('… fremlagde regnskabet, som blev godkendt.') records
    the decision and is kept."""
    words = WORD.findall(text[:start])
    if len(words) >= 2 and words[-1].lower() in ("der", "som"):
        if words[-2].lower() in ("at", "og", "så", "herefter", "derefter"):
            return False  # "at der blev valgt …": existential 'der', not a relative pronoun
        trailing = re.search(r",\s*(?:der|som)\s*$", text[:start]) and not re.search(r"[,;:]", text[start:])
        return not trailing
    return False


#: words in "er … godkendt" that make it a state or a narrated past, not this meeting's approval
_PERFECT_NOT = re.compile(r"\b(?:ikke|endnu|stadig|allerede|tidligere|aldrig|først|nok|jo)\b", re.I)


#: "er endnu ikke godkendt", "er stadig udsat": a state, not a verdict
_STATE_BEFORE = re.compile(r"\b(?:endnu|stadig|allerede|fortsat)\s+$", re.I)


#: the meeting's own members as the agent: "vedtaget af de fremmødte / de tilstedeværende"
_PRESENT_AGENTS = {"fremmødte", "tilstedeværende", "fremmødende", "deltagerne", "deltagende", "medlemmerne",
                   "stemmeberettigede", "forsamlingen", "generalforsamlingen"}


def _perfect_is_decision(text: str, m: re.Match, lex: Lexicon) -> bool:
    """'Referatet er godkendt', 'Regnskabet er nu godkendt': the minutes record an approval.

    Not 'er endnu ikke godkendt' (a state), 'er allerede godkendt' (the past), 'er godkendt
    af ministeriet' (an outside body; 'af bestyrelsen' is the meeting's own), and not in
    relative, conditional, modal or proposal framing ('når planen er godkendt, …').
    """
    if _PERFECT_NOT.search(m.group("gap")):
        return False
    agent = m.group("agent")
    if agent and agent.lower() in _PRESENT_AGENTS:
        return not _guarded(text, m.start(), lex) and not _relative(text, m.start())  # "af de fremmødte"
    if agent and not (agent[:1].islower() and _is_body_word(agent, lex) and agent.lower() not in lex.strict_excludes):
        return False  # a capitalised agent is a named outside body ("af Planklagenævnet")
    return not _guarded(text, m.start(), lex) and not _relative(text, m.start())


def _body_subject(text: str, start: int, end: int, lex: Lexicon, person_ends: set[int] | None) -> bool:
    """A collective body right before the verb ('Bestyrelsen bakker op om …') or right after
    it ('Derfor bakker bestyrelsen op om …'): only a body's support is a decision."""
    if has_subject(text, start, end, lex, person_ends, strict=True):
        return True
    words = WORD.findall(text[start:end])
    return len(words) >= 2 and _is_body_word(words[1], lex) and words[1].lower() not in lex.strict_excludes


#: "Suppleanter vælges for et år ad gangen": a standing rule stated, not this meeting's act
_HABITUAL = re.compile(r"\b(?:ad\s+gangen|hvert\s+(?:andet\s+|\w+\.?\s+)?år|hvert\s+år|årligt|altid|normalt|som\s+regel|ofte|tit|typisk|sommetider|nogle\s+gange)\b", re.I)


def _habitual(text: str, start: int) -> bool:
    """Is the present passive at `start` in a clause that states a standing rule?"""
    end = re.search(r"[,;:]|$", text[start:]).start() + start
    return bool(_HABITUAL.search(text, clause_start(text, start), end))


def _norm(w: str) -> str:
    return re.sub(r"\s+", " ", w).lower()


_RECOMMEND = re.compile(r"\b(?:anbefaler|anbefalede)\b", re.I)
#: "indstiller/indstillede (over for|til) <body>, at …": a proposal passed on to a higher body
_PROPOSE_TO = re.compile(r"\b(?:indstiller|indstillede)\s+(?:over\s+for|til)\s+[\w\-]+(?:\s+[\w\-]+){0,2}?\s*,?\s+at\b",
                         re.I)


def _resolving_body(word: str, lex: Lexicon) -> bool:
    """A collective deciding body ('Bestyrelsen', 'Institutrådet'), not a person, pronoun or administration."""
    w = word.lower()
    return (_is_body_word(word, lex) and w not in lex.strict_excludes and w not in lex.person_roles
            and w not in lex.proposing_bodies and w != "mødet")
#: the board writing of itself: "Vi aftaler møde med X", "Vi vælger en onsdag", "Vi vil holde fast i …"
_WE_RESOLVE = re.compile(r"^\s*(?:[•\uf0b7▪*–-]\s*)?Vi\s+(?P<v>(?:vil\s+)?(?:vælger|valgte|aftaler|aftalte|beslutter|besluttede|vedtager|vedtog"
                         r"|fastholder|fastholdt|holder\s+fast\s+i|holde\s+fast\s+i))\b")
#: "…, hvilket generalforsamlingen tilsluttede sig": the meeting's assent in a trailing relative clause
_BODY_ASSENTS = re.compile(r"\bhvilket\s+(?:general)?forsamlingen\s+(?:enstemmigt\s+)?(?:tilsluttede\s+sig|godkendte|accepterede"
                           r"|vedtog|bifaldt|tiltrådte)\b|\bhvilket\s+(?:bestyrelsen|udvalget|mødet)\s+(?:tilsluttede\s+sig|godkendte)\b")
#: "Bestyrelsen fik bemyndigelse til at vælge revisor": a mandate given by the meeting
_MANDATE = re.compile(r"\b(?:fik|får|gav|giver|blev\s+givet|gives)\s+(?:\w+\s+)?(?:bemyndigelse|mandat|fuldmagt)\s+til\b")
#: "Der var genvalg til Eva Holm", "Der var nyvalg til følgende:": an election as a noun
_RE_ELECTED = re.compile(r"\b[Dd]er\s+(?:var|blev)\s+(?:(?!ikke\b|intet\b)\w+\s+)?(?:gen|ny)valg\s+(?:til|af)\b")
_NARRATIVE_LEAD = re.compile(r"\W*(?:derudover|desuden|endvidere|herudover|samtidig|yderligere|ligeledes|også)\b", re.I)
#: a proposal withdrawn by its proposer: "Forslaget trækkes", "Forslag blev trukket tilbage", "X trak forslaget tilbage"
_WITHDRAWN = re.compile(r"\bforslag(?:et|ene)?\s+(?:er\s+|blev\s+)?(?:trækkes|trukket)\b"
                        r"|\b(?:trak|trækker)\s+(?:sit\s+|sine\s+)?forslag(?:et|ene)?\s+tilbage\b", re.I)
#: a deciding body's finding: "Generalforsamlingen finder ikke, at en ny revisor er nødvendig", "Udvalget finder, at …"
_BODY_FINDS = re.compile(r"^\s*(?P<body>[A-ZÆØÅ][\w\-]+)\s+(?:finder|fandt)\b(?=(?:\s+ikke)?\s*,?\s+(?:at|der|det)\b)")
#: an informal vote tally: "ja, 4 mod 1", "5 stemmer mod 2", "nej: 3 mod 2"
_VOTE = re.compile(r"(?:\b(?:(?P<pos>ja)|(?P<neg>nej))\s*[,:]?\s*)?\b(?P<a>\d{1,3})\s+(?:stemmer\s+)?(?:for\s+)?"
                   r"(?:mod|imod)\s+(?P<b>\d{1,3})\b", re.I)
#: a show of hands without a tally: "det var der ingen som stemte for", "alle stemte for forslaget"
_ALL_OR_NONE = re.compile(r"\b(?P<who>ingen|alle|samtlige(?:\s+fremmødte)?)\s+(?:(?:som|der)\s+)?stemte\s+(?P<side>for|imod|ja|nej)\b",
                          re.I)
_VOTE_WORD = re.compile(r"\b(?:stemte|stemmer|stemt|afstemning|afstemningen|ja|nej|vedtaget|forkastet)\b", re.I)
#: the approval stamp of the minutes themselves: "Godkendt den 3. maj 2023", "Referatet godkendt: dato/underskrift"
_STAMP = re.compile(r"^\s*(?:(?:referatet|protokollen|mødereferatet)\s+)?(?:er\s+)?(?:godkendt|underskrevet)\b"
                    r"(?P<rest>.{0,80})$", re.I | re.S)


def _is_stamp(text: str, following: list[str]) -> bool:
    """An approval/signature stamp line of the minutes ('Godkendt den 28. maj 2024', 'Underskrevet
    af formanden'): only a date, a name or 'dato/underskrift' after the verb, and only short
    lines (signatures, page numbers) after it to the end of the document."""
    m = _STAMP.match(text)
    if not m:
        return False
    rest = m.group("rest")
    signed = re.match(r"\s*(?:(?:referatet|protokollen|mødereferatet)\s+)?(?:er\s+)?underskrevet", text, re.I)
    if not (signed or re.search(r"\d|\bdato\b|\bunderskrift", rest, re.I)) or len(WORD.findall(rest)) > 8:
        return False
    return all(len(WORD.findall(t)) <= 8 for t in following)


def _gate(text: str, lex: Lexicon) -> bool:
    """The cheap pre-filter: a sentence failing it yields no hits."""
    return bool(lex.trigger.search(text) or _VOTE.search(text) or _ALL_OR_NONE.search(text)
                or _WITHDRAWN.search(text) or _BODY_FINDS.match(text) or _RE_ELECTED.search(text)
                or _BODY_ASSENTS.search(text) or _MANDATE.search(text))


def _prefilter(raw: dict, lex: Lexicon) -> dict[str, re.Pattern]:
    """For each pattern `_hits` runs over a sentence, the pattern whose key (`KeyIndex`) must
    occur in the sentence for it to match: the pattern itself, or, for those without a
    selective literal prefix, words every match contains (read off the patterns):
    `impersonal` a participle or an s-form (each alternative); `agreement` 'enig', 'ened',
    'konsensus', 'koncensus' or 'konklusionen' (every entry); `perfect` its participle;
    `active` its entry (after 'er'); `_ALL_OR_NONE` 'stemte'; `_VOTE` '(i)mod';
    `action_passive` its verb; `elliptic` a word of its verdict (`required_words`);
    `_BODY_FINDS` 'finder'/'fandt'; `_WE_RESOLVE` 'Vi'; `_BODY_ASSENTS` 'hvilket'; `_MANDATE` its noun;
    `_RE_ELECTED` 'genvalg'/'nyvalg'."""
    I = re.IGNORECASE
    verdicts = [w for v in raw["verdicts"].values() for w in v if not w.startswith(("til ", "som "))]
    out = {name: getattr(lex, name) for name in ("conclusion_verb", "resolution_verb", "request", "noted",
                                                  "passive", "support", "present_passive")}
    out.update({
        # (these three open with 'er', in nearly every sentence: a later word of theirs)
        "agreement": re.compile(r"enig|ened|konsensus|koncensus|konklusionen", I),
        "perfect": re.compile(alternation(raw["approval_perfect"]), I),
        "resolution_perfect": re.compile(alternation(raw["resolution_perfect"]), I),
        "active": re.compile(alternation([w.removeprefix("er ") for w in lex.active_kind]), I),
        "recommend": _RECOMMEND, "propose_to": _PROPOSE_TO, "withdrawn": _WITHDRAWN, "all_or_none": re.compile("stemte", I),
        "impersonal": re.compile(alternation(raw["impersonal_participles"] + raw["impersonal_s_forms"]), I),
        "vote": re.compile(r"mod", I),
        "elliptic": required_words(verdicts) or re.compile(""),
        "action_passive": re.compile(alternation(raw["action_present_passive"]), I),
        "body_finds": re.compile(r"finder|fandt"),
        "we_resolve": re.compile(r"Vi"),
        "body_assents": re.compile(r"hvilket"), "mandate": re.compile(r"bemyndigelse|mandat|fuldmagt"),
        "re_elected": re.compile(r"genvalg|nyvalg"),
    })
    return out


def find_hits(text: str, lex: Lexicon, person_ends: set[int] | None = None,
              keys: KeyIndex | None = None, offset: int = 0) -> list[Hit]:
    """All finite decision constructions in a sentence, in text order.

    `keys` (with text == keys.text[offset:offset + len(text)]) lets the patterns that cannot
    match in the sentence be skipped; the hits are the same. The pre-filter (`_gate`) is
    tested last, and only when there are hits: every test here is pure.
    """
    ok = lex.prefilter.keys() if keys is None else keys.possible(lex.prefilter, offset, offset + len(text))
    hits = _hits(text, lex, person_ends, ok) if ok else []
    return hits if hits and _gate(text, lex) else []


def _hits(text: str, lex: Lexicon, person_ends: set[int] | None, ok: Container[str]) -> list[Hit]:
    """`find_hits` with only the patterns named in `ok` run (the others cannot match)."""
    hits: list[Hit] = []
    for m in (lex.conclusion_verb.finditer(text) if "conclusion_verb" in ok else ()):
        hits.append(Hit("conclusion", m.start(), m.end(), True, True))
    for m in (lex.resolution_verb.finditer(text) if "resolution_verb" in ok else ()):
        if has_subject(text, m.start(), m.end(), lex, person_ends):
            hits.append(Hit("conclusion", m.start(), m.end(), True, True))
    for m in (lex.resolution_perfect.finditer(text) if "resolution_perfect" in ok else ()):
        # "Bestyrelsen har besluttet at …", "Derfor har udvalget aftalt, at …" (subject after "har");
        # not "har tidligere besluttet", an earlier resolution recalled
        if (not _PERFECT_NOT.search(m.group("gap")) and not _guarded(text, m.start(), lex)
                and not _relative(text, m.start()) and has_subject(text, m.start(), m.start("gap"), lex, person_ends)):
            hits.append(Hit("conclusion", m.start(), m.end(), True, True))
    for m in (lex.impersonal.finditer(text) if "impersonal" in ok else ()):
        if not _PERFECT_NOT.search(m.group()):  # not "Det er tidligere besluttet, at …" (recalled)
            hits.append(Hit("conclusion", m.start(), m.end(), False, True))
    for m in (lex.agreement.finditer(text) if "agreement" in ok else ()):
        if not _guarded(text, m.start(), lex):
            hits.append(Hit("conclusion", m.start(), m.end(), True, True))
    for m in (lex.request.finditer(text) if "request" in ok else ()):
        if not _guarded(text, m.start(), lex) and has_subject(text, m.start(), m.end(), lex, person_ends, strict=True):
            hits.append(Hit("other", m.start(), m.end(), True, False))
    for m in (lex.noted.finditer(text) if "noted" in ok else ()):
        if not _guarded(text, m.start(), lex) and not _relative(text, m.start()):
            hits.append(Hit("noted", m.start(), m.end(), False, False))
    for m in (lex.passive.finditer(text) if "passive" in ok else ()):
        kind = lex.participle_kind.get(_norm(m.group("w")), "approval")
        if kind == "deferred" and lex.not_for.match(text, m.end()):
            continue  # "blev udsat for støj" (but "blev genvalgt for en 2-årig periode")
        if re.search(r"\bikke\b", m.group("gap"), re.I) and kind == "approval":
            kind = "rejected"
        # a trailing relative clause ("foreslog PGR som dirigent, som blev valgt") is its own clause
        trail = re.search(r",\s*(?:der|som)\s*$", text[:m.start()])
        lo = trail.start() + 1 if trail else 0
        if not _guarded(text[lo:], m.start() - lo, lex) and not _relative(text, m.start()):
            hits.append(Hit(kind, m.start(), m.end(), False, False))
    for m in (lex.perfect.finditer(text) if "perfect" in ok else ()):
        if _perfect_is_decision(text, m, lex):
            hits.append(Hit("approval", m.start(), m.end(), False, False))
    for m in (lex.support.finditer(text) if "support" in ok else ()):
        if not _guarded(text, m.start(), lex) and _body_subject(text, m.start(), m.end(), lex, person_ends):
            hits.append(Hit("approval", m.start(), m.end(), True, False))
    for m in (lex.present_passive.finditer(text) if "present_passive" in ok else ()):
        kind = lex.present_kind.get(_norm(m.group("w")), "approval")
        if re.search(r"\bikke\s*$", text[:m.start()], re.I) and kind == "approval":
            kind = "rejected"
        if not _guarded(text, m.start(), lex) and not _relative(text, m.start()) and not _habitual(text, m.start()):
            hits.append(Hit(kind, m.start(), m.end(), False, False))
    for m in (lex.active.finditer(text) if "active" in ok else ()):
        kind = lex.active_kind.get(_norm(m.group("w")), "approval")
        if _guarded(text, m.start(), lex) or not has_subject(text, m.start(), m.end(), lex, person_ends):
            continue
        if kind == "rejected" and re.match(r"\s*,?\s*at\b", text[m.end():]):
            continue  # "Hun afviste, at …" denies, it does not reject a proposal
        if kind == "election" and re.match(r"\s+at\b", text[m.end():]):
            # "valgte at …" is a choice: a decision only when the body makes it
            if has_subject(text, m.start(), m.end(), lex, person_ends, strict=True):
                hits.append(Hit("conclusion", m.start(), m.end(), True, True))
            continue
        hits.append(Hit(kind, m.start(), m.end(), True, kind != "election"))
    for m in (_RECOMMEND.finditer(text) if "recommend" in ok else ()):
        # "Udvalget anbefaler indstillingen", "Et flertal (A og F) anbefaler …": a committee's
        # recommendation to the council is its verdict; a person's or the administration's
        # recommendation ("Forvaltningen anbefaler, at …") is a proposal
        masked = re.sub(r"\([^()]*\)", lambda p: " " * len(p.group()), text)
        prefix = masked[clause_start(masked, m.start()):m.start()]
        words = WORD.findall(lex.adverbs.sub("", prefix.rstrip()).rstrip())
        if (words and (_is_body_word(words[-1], lex) or words[-1].lower() in ("flertal", "flertallet"))
                and words[-1].lower() not in lex.strict_excludes and not _guarded(text, m.start(), lex)):
            if not re.match(r"\s*,?\s*at\b", text[m.end():]):
                hits.append(Hit("approval", m.start(), m.end(), True, False))
            elif _resolving_body(words[-1], lex):
                # "Rådet anbefalede, at studienævnet …": the body's resolved recommendation
                hits.append(Hit("other", m.start(), m.end(), True, False))
    for m in (_PROPOSE_TO.finditer(text) if "propose_to" in ok else ()):
        # "Bestyrelsen indstiller til generalforsamlingen, at …": the board's resolved proposal
        # to a higher body; an administration's "Forvaltningen indstiller, at …" stays a proposal
        masked = re.sub(r"\([^()]*\)", lambda p: " " * len(p.group()), text)
        prefix = masked[clause_start(masked, m.start()):m.start()]
        words = WORD.findall(lex.adverbs.sub("", prefix.rstrip()).rstrip())
        if words and _resolving_body(words[-1], lex) and not _guarded(text, m.start(), lex):
            hits.append(Hit("other", m.start(), m.end(), True, False))
    vm = _VOTE.search(text) if "vote" in ok else None
    if vm and _VOTE_WORD.search(text) and not _guarded(text, vm.start(), lex):
        kind = "rejected" if (vm.group("neg") or int(vm.group("a")) < int(vm.group("b"))) else "approval"
        hits.append(Hit(kind, vm.start(), vm.end(), False, False))
    am = _ALL_OR_NONE.search(text) if "all_or_none" in ok else None
    if am and not _guarded(text, am.start(), lex):
        against = am.group("side").lower() in ("imod", "nej")
        kind = "rejected" if (am.group("who").lower() == "ingen") != against else "approval"
        hits.append(Hit(kind, am.start(), am.end(), False, False))
    # (a short sentence, not one continuing a narrative: "Derudover gennemføres et nyt forløb, hvor …")
    action = lex.action_passive.match(text) if "action_passive" in ok else None
    if action and (len(WORD.findall(text)) > 16 or _NARRATIVE_LEAD.match(text)):
        action = None
    if action and not text.rstrip().endswith("?") and not _guarded(text, action.start("w"), lex) \
            and not _relative(text, action.start("w")) \
            and not re.search(r"[,:;]|\b(?:at|som|der|hvis|når)\s", text[:action.start("w")].lstrip()[1:]):
        hits.append(Hit("other", action.start("w"), action.end("w"), False, False))
    for m in (_WITHDRAWN.finditer(text) if "withdrawn" in ok else ()):
        if not _guarded(text, m.start(), lex) and not _relative(text, m.start()):
            hits.append(Hit("other", m.start(), m.end(), False, False))
    fm = _BODY_FINDS.match(text) if "body_finds" in ok else None
    if fm and _resolving_body(fm.group("body"), lex):
        hits.append(Hit("conclusion", fm.start("body"), fm.end(), True, True))
    bm = _BODY_ASSENTS.search(text) if "body_assents" in ok else None
    # (the assent answers a proposal before it: only its own clause may frame it as a condition)
    if bm and not _guarded(text[bm.start():], 0, lex):
        hits.append(Hit("approval", bm.start(), bm.end(), False, False))
    mm = _MANDATE.search(text) if "mandate" in ok else None
    if mm and not _guarded(text, mm.start(), lex):
        hits.append(Hit("approval", mm.start(), mm.end(), False, False))
    gm = _RE_ELECTED.search(text) if "re_elected" in ok else None
    if gm and not _guarded(text, gm.start(), lex):
        hits.append(Hit("election", gm.start(), gm.end(), False, False))
    wm = _WE_RESOLVE.match(text) if "we_resolve" in ok else None
    if wm and not _guarded(text, wm.start("v"), lex):
        hits.append(Hit("other", wm.start("v"), wm.end("v"), True, False))
    em = lex.elliptic.match(text) if "elliptic" in ok else None
    if em and len(WORD.findall(text)) <= 14:
        grp = "head" if em.group("head") else "tail"
        # "Kontingent uændret" records a decision; "Vejen er uændret" describes a state
        state = em.group(grp).lower() == "uændret" and re.search(r"\b(?:er|var|blev)\s+uændret", text, re.I)
        # ("• Bevilget 5000 kr. fra Nordea": a grant an outside body made, not this meeting's verdict)
        outside = bool(re.search(r"\bfra\s+[A-ZÆØÅ]", text[em.end(grp):]))
        if not state and not outside and not _guarded(text, em.start(grp), lex) and not _STATE_BEFORE.search(text[:em.start(grp)]):
            kind = verdict_kind(em.group(grp), lex) or "approval"
            hits.append(Hit(kind, em.start(grp), em.end(grp), False, False))
    return sorted(hits, key=lambda h: (h.start, -h.end))


def verdict_kind(text: str, lex: Lexicon) -> str | None:
    """Kind of the earliest verdict in a decision block ("Godkendt", "Udsat", "Ikke godkendt")."""
    best: tuple[int, int, str] | None = None
    order = {"rejected": 0, "deferred": 1, "noted": 2, "election": 3, "approval": 4}
    for kind, rx in lex.verdict.items():
        for m in rx.finditer(text):
            if kind == "deferred" and re.match(r"\s+for\b", text[m.end():]):
                continue
            s = m.start()
            if kind == "approval" and re.search(r"\bikke\s+$", text[:s], re.I):
                kind_ = "rejected"
            else:
                kind_ = kind
            key = (s, order[kind_], kind_)
            if best is None or key < best:
                best = key
            break
    return best[2] if best else None


def content_after(text: str, end: int) -> str:
    """The content clause governed by a decision verb: what follows ', at' / ' om' / ':'."""
    m = re.match(r"(?:\s+[\w\-]+){0,3}?(?:\s*,?\s+at\b|\s+om\b|\s*:)", text[end:], re.I)
    return text[end + m.end():] if m else ""


def refine_kind(hit: Hit, text: str, lex: Lexicon) -> str:
    """'Det blev konkluderet, at indstillingen blev tiltrådt' is an approval; two clauses stay a conclusion."""
    if not hit.governs_content:
        return hit.kind
    content = content_after(text, hit.end)
    if not content:
        return hit.kind
    if re.search(r",?\s+(?:og|samt)\s+(?:\d\)\s*)?at\b|\b\d\)\s.*\b\d\)\s", content, re.I | re.S):
        return "conclusion"
    # (a course of action in the content, "… at kontingentet fastholdes", is what was concluded)
    subs = [h for h in find_hits(content, lex) if not h.governs_content and h.kind != "other"]
    kinds = {h.kind for h in subs}
    return subs[0].kind if len(kinds) == 1 else hit.kind


def choose_hit(hits: list[Hit]) -> Hit | None:
    """One decision per sentence: a governing verb (konkluderede, blev besluttet) wins."""
    if not hits:
        return None
    gov = [h for h in hits if h.governs_content and h.kind == "conclusion"]
    return gov[0] if gov else hits[0]


# --------------------------------------------------------------------------- doc plumbing


def statement_at(statements: list[Statement], start: int, end: int) -> Statement | None:
    """The statement row covering the sentence [start, end)."""
    return StatementIndex(statements).at(start, end)


class StatementIndex:
    """Statements sorted by offset, for the sentence → statement lookup (bisect, not a scan)."""

    def __init__(self, statements: list[Statement]):
        self.rows = sorted(statements, key=lambda s: (s.char_start, s.char_end))
        self.starts = [s.char_start for s in self.rows]

    def at(self, start: int, end: int) -> Statement | None:
        i = bisect.bisect_right(self.starts, start) - 1
        if i >= 0 and self.rows[i].char_start <= start < self.rows[i].char_end:
            return self.rows[i]
        j = i + 1
        if j < len(self.rows) and start <= self.rows[j].char_start < end:
            return self.rows[j]
        return None


_NEW_MAIN_CLAUSE = re.compile(r",\s*(?:og|men|hvorefter|hvorpå)\s+(?!at\b|om\b)", re.I)


def _reported(text: str, hit: Hit, stmt: Statement | None, lex: Lexicon) -> bool:
    """Is the construction inside someone's reported speech ('Hun oplyste, at … blev godkendt')?

    Only an 'at'/'om,' clause after a reporting verb is reported; a coordinated main clause
    after it ('Hun orienterede om sagen, og udvalget godkendte …') is the meeting's own.
    """
    if hit.kind == "conclusion" and hit.governs_content:
        if lex.conclusion_verb.match(text, hit.start) or lex.impersonal.match(text, hit.start):
            return False
    if stmt is not None and stmt.verb and not stmt.implicit and (stmt.act or "").lower() not in lex.decision_acts:
        pos = text.lower().find(stmt.verb.lower())
        if 0 <= pos < hit.start and re.search(r"\bat\b|\bom\s*,", text[pos:hit.start], re.I) \
                and not _NEW_MAIN_CLAUSE.search(text[pos:hit.start]):
            return True
    for m in lex.reporting.finditer(text[:hit.start]):
        between = text[m.end():hit.start]
        if re.search(r"\bat\b|\bom\s*,", between, re.I) and not _NEW_MAIN_CLAUSE.search(between):
            return True
    return False


def _speaker_for(hit: Hit, text: str, s0: int, stmt: Statement | None,
                 persons: list[tuple[int, int, str]] | None, lex: Lexicon) -> str | None:
    """decided_by: the person who is the subject of an active decision verb.

    A body subject ("Bestyrelsen besluttede", "… besluttede udvalget") names no person; a
    person mention right before the verb does; a pronoun or role ("Hun", "Formanden") is
    resolved through the statement's speaker.
    """
    if not hit.active or _next_is_body(text, hit.end, lex):
        return None
    cs = clause_start(text, hit.start)
    prefix = lex.adverbs.sub("", text[cs:hit.start].rstrip()).rstrip()
    words = WORD.findall(prefix)
    if words and _is_body_word(words[-1], lex) and words[-1].lower() not in lex.person_roles:
        return None
    for ps, pe, canon in persons or []:  # a person mention ending right before the verb
        if s0 + cs <= ps and pe == s0 + cs + len(prefix):
            return canon
    if stmt is not None and stmt.speaker and not stmt.implicit:
        return stmt.speaker
    if persons is None and re.fullmatch(r"(?:[A-ZÆØÅ][\w\-]+\s+){1,3}[A-ZÆØÅ][\w\-]+", prefix.strip()):
        return prefix.strip()  # a capitalised full name, and no person annotator to ask
    return None


_OUTLINE_OPEN = re.compile(rf"{outline.MARK}[.)][ \t]+(?=[A-ZÆØÅ])")


def _outline_lead(text: str) -> int:
    """Length of an outline mark ("b. ", "iv) ") opening `text`, else 0."""
    m = _OUTLINE_OPEN.match(text)
    return m.end() if m else 0


def classify_heading(text: str, lex: Lexicon) -> re.Match | None:
    """A decision block heading ('Beslutning:', 'Udvalgets beslutning den 3. maj 2021 Punkt 4:')."""
    t = text.strip()
    t = t[_outline_lead(t):]  # "i. Løsning: Hylder sættes op": the label after an outline mark
    if len(t) > 160 and ":" not in t[:120]:
        return None
    m = lex.block_heading.match(t) or lex.block_inline.match(t)
    if not m:
        return None
    if m.group("owner") and m.group("owner").lower() in FUNCTION_WORDS:
        return None
    return m


def section_of(text: str, lex: Lexicon) -> str | None:
    """The section name when a paragraph is a section heading ('Sagsfremstilling', 'Indstilling:')."""
    t = text.strip()
    raw = t.split(":", 1)[0].strip().rstrip(".") if ":" in t[:60] else t.rstrip(":. ")
    # (no heading is this long: the head keeps every character of `raw` but white space,
    # so a long paragraph need not be lower-cased and its spaces collapsed to know that)
    if len(raw) > lex.longest_section_heading and len("".join(raw.split())) > lex.longest_section_heading:
        return None
    head = re.sub(r"\s+", " ", raw.lower())
    if head in lex.section_headings:
        return head
    return None


_MONTHS = {m: i + 1 for i, m in enumerate(
    ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"])}


def parse_day(text: str, ref: date | None) -> date | None:
    """A day date in a block heading: '12-03-2020', '12.03.20', '2020-03-12', '12. marts 2020'."""
    t = text.strip().lower()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})\.?\s*[\-./]\s*(\d{1,2})\s*[\-./]\s*(\d{2,4})", t):
            y = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            return date(y, int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{1,2})\.\s*([a-zæøå]+)\.?(?:\s+(\d{4}))?", t):
            month = next((v for k, v in _MONTHS.items() if k[:3] == m[2][:3]), None)
            year = int(m[3]) if m[3] else (ref.year if ref else None)
            if month and year:
                return date(year, month, int(m[1]))
    except ValueError:
        return None
    return None


@dataclass
class _Para:
    start: int
    end: int
    text: str
    item: str | None
    in_heading: bool
    section: str | None = None
    heading_end: int | None = None  # where the item heading ends inside this paragraph ("1. Referat – godkendt.")


def _paragraphs(doc: Doc, full: str, lex: Lexicon) -> list[_Para]:
    """Paragraphs with their item, whether they are the item's heading, and their section."""
    items = sorted(doc._.item_spans or [], key=lambda t: (t[1], t[2]))
    paras = sorted(tuple(p) for p in (doc._.paragraphs or [(0, len(full))]))
    out: list[_Para] = []
    section: str | None = None
    cur_item: tuple | None = None
    innermost = InnermostRange([(it[1], it[2]) for it in items])  # the latest-starting item containing s (the first of equals)
    for s, e in paras:
        k = innermost.index_at(s)
        it = items[k] if k is not None else None
        if it is not cur_item:
            section, cur_item = None, it
        text = full[s:e]
        heading = bool(it and s < it[3])
        if not heading:
            sec = "beslutning" if classify_heading(text, lex) else section_of(text, lex)
            if sec is not None and sec != "beslutning" and _label_field(text):
                sec = None  # "Formål: Beslutning" labels the item; it opens no narrative section
            if sec is not None:
                section = sec
        inline = it[3] if heading and s < it[3] < e and re.search(r"[^\W\d_]", full[it[3]:e]) else None
        out.append(_Para(s, e, text, it[0] if it else None, heading, section, inline))
    return out


def _label_field(text: str) -> bool:
    """'Formål: Beslutning', 'Bilag: 2' — a label with a short value on its own line: a field
    of the item's header, not the heading of a section of running text."""
    t = text.strip()
    if ":" not in t[:60]:
        return False
    rest = t.split(":", 1)[1].strip().rstrip(".")
    return bool(rest) and len(WORD.findall(rest)) <= 3 and not rest.endswith(":")


def _heading_like(p: _Para, lex: Lexicon) -> bool:
    t = p.text.strip()
    if section_of(t, lex) is not None or classify_heading(t, lex) is not None:
        return True
    words = WORD.findall(t)
    if len(words) >= 3 and len(t) <= 120 and t.isupper() and verdict_kind(t, lex) is None:
        return True  # "BESLUTNINGSFORSLAG FRA KF OG M": an upper-case heading of an attached text
    return t.endswith(":") and len(words) <= 6


#: a line of a recorded vote: "For stemte: A, V (21)", "Imod stemte …", "Undlod: K", "Hverken for eller imod: …"
_VOTE_LINE = re.compile(r"(?:for|imod)\s+stemte\b|undl(?:od|ader)\b|hverken\s+for\s+eller\s+imod\b|(?:for|imod|blanke?)\s*:",
                        re.IGNORECASE)


def block_decisions(doc: Doc, full: str, paras: list[_Para], lex: Lexicon, persons: Persons | object = _UNSET) -> list[Decision]:
    """Decisions written under a 'Beslutning'/'Konklusion' heading.

    The decision is the heading's own text after the colon, else the first paragraph under
    it (with the list that follows when it ends in ':' or is itself a list item). Every
    later paragraph up to the next heading or item is decision text too ("Taget til
    efterretning." + "Udvalget ønsker en status på … i juni."): see `_later_paragraphs`.
    """
    out: list[Decision] = []
    max_chars = int(lex.raw.get("block_max_chars", 1500))
    max_blocks = int(lex.raw.get("block_max_blocks", 6))
    dates = doc._.dates or []
    statements = doc._.statements or []
    later: _BlockContext | None = None  # built at the first block: most minutes have none
    by_offset: StatementIndex | None = None  # likewise (it sorts every statement)
    for i, p in enumerate(paras):
        if p.in_heading:
            continue
        m = classify_heading(p.text, lex)
        if not m:
            continue
        lead = len(p.text) - len(p.text.lstrip())
        outlined = _outline_lead(p.text[lead:])  # ("i. Løsning: …" labels one entry, not what follows it)
        lead += outlined
        rest = m.group("rest") or ""
        j = i + 1
        if rest.strip():
            # (an outline entry's label stays with its verdict: "i. Løsning: Hylder sættes op")
            start, end = p.start + (lead if outlined else lead + m.start("rest")), p.end
        else:
            if j >= len(paras):
                continue
            q = paras[j]
            if q.item != p.item or q.in_heading or _heading_like(q, lex):
                continue
            start, end = q.start, q.end
            j += 1
        # a vote belongs to the verdict it leads to: "For stemte: A, V (21)" / "Imod stemte: O (6)" /
        # "Undlod: K (2)" / "Budgettet blev vedtaget." is one decision
        if _VOTE_LINE.match(full[start:end].strip()):
            while j < len(paras) and j - i <= max_blocks and paras[j].item == p.item and not paras[j].in_heading \
                    and paras[j].end - start <= max_chars:
                end = paras[j].end
                j += 1
                if not _VOTE_LINE.match(paras[j - 1].text.strip()):
                    break  # (the verdict after the vote closes the decision)
        # a list belongs to the decision: "Godkendt med følgende ændringer:" + bullets
        first = full[start:end].strip()
        if first.endswith(":") or BULLET.match(first):
            while j < len(paras) and j - i <= max_blocks and BULLET.match(paras[j].text) \
                    and paras[j].item == p.item and paras[j].end - start <= max_chars:
                end = paras[j].end
                j += 1
        raw = full[start:end]
        text = raw.strip()
        start += len(raw) - len(raw.lstrip())
        end = start + len(text)
        if not text or not WORD.search(text):
            continue
        kind = verdict_kind(text[:200], lex)
        if kind is None:
            first_sent = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
            hit = choose_hit(find_hits(first_sent, lex))
            if hit is not None:
                kind = refine_kind(hit, first_sent, lex)
            else:
                if by_offset is None:
                    by_offset = StatementIndex(statements)
                stmt = by_offset.at(start, start + len(first_sent))
                # a section opening with someone's question holds no decision there (later paragraphs may)
                spoken = (stmt is not None and stmt.speaker and stmt.verb) or lex.reporting.search(first_sent)
                kind = None if spoken else "other"
        decided_on = doc._.meeting_date
        if m.group("date"):
            hs, he = p.start + lead + m.start("date"), p.start + lead + m.end("date")
            day = next((d.start for d in dates if d.granularity == "day" and d.char_start < he and hs < d.char_end), None)
            decided_on = day or parse_day(m.group("date"), doc._.meeting_date) or decided_on
        rows = [(start, end, kind)] if kind is not None else []
        if later is None:
            later = _BlockContext(doc, persons)
        for k0, k1, k_kind in rows + ([] if outlined else _later_paragraphs(later, full, paras, i, j, lex)):
            out.append(Decision(kind=k_kind, text=full[k0:k1], decided_by=None, decided_on=decided_on,
                                char_start=k0, char_end=k1, item=m.group("num")))
    return out


class _BlockContext:
    """What `_later_paragraphs` reads from the doc, computed once per document."""

    def __init__(self, doc: Doc, persons: Persons | object = _UNSET):
        self.sents = sentence_ranges(doc)
        self.sent_starts = [s for s, _ in self.sents]
        self.statements = StatementIndex(doc._.statements or [])
        self.persons = _persons(doc) if persons is _UNSET else persons
        self.person_starts = {s for s, _, _ in self.persons or []}

    def sentences(self, start: int, end: int) -> list[Range]:
        """The sentences overlapping [start, end), clipped to it."""
        k = max(0, bisect.bisect_right(self.sent_starts, start) - 1)
        out = []
        while k < len(self.sents) and self.sents[k][0] < end:
            s0, s1 = self.sents[k]
            if s1 > start:
                out.append((max(s0, start), min(s1, end)))
            k += 1
        return out


def _later_paragraphs(ctx: _BlockContext, full: str, paras: list[_Para], i: int, j: int,
                      lex: Lexicon) -> list[tuple[int, int, str]]:
    """Decision paragraphs after the first one in the block headed by paras[i]: (start, end, kind).

    The section runs until the next heading, item heading or item. A paragraph in it is
    the body's own record ("Udvalget ønsker en status på … på mødet i juni.", "Sagen
    oversendes til Økonomiudvalget.") unless it is discussion or protocol, so each
    paragraph is read from its start up to the first sentence that is
      * someone's speech (a statement with a speaker, a reporting verb: "Kaj Holm (V)
        spurgte til …") or opens with a person ("Ib Lund (A) deltog ikke i punktet",
        "Formanden takkede for mødet"),
      * a decision the sentence rules find themselves ("Punktet blev udsat til …"): they
        give it its own row, with the decider,
    and kept when that run has a few words and is no closing formula ("Intet yderligere.",
    "Mødet hævet kl. 18.00"). The kind is "other": the verdict of the block is in its
    first paragraph.
    """
    out: list[tuple[int, int, str]] = []
    p = paras[i]
    max_chars = int(lex.raw.get("block_max_chars", 1500))
    max_blocks = int(lex.raw.get("block_max_blocks", 6))
    min_words = int(lex.raw.get("block_min_words", 4))
    for q in paras[j:j + max_blocks]:
        if q.item != p.item or q.in_heading or _heading_like(q, lex) or q.end - p.start > max_chars:
            break
        run_end = None
        for s0, s1 in ctx.sentences(q.start, q.end):
            sent = full[s0:s1]
            lead = s0 + len(sent) - len(sent.lstrip())
            stmt = ctx.statements.at(s0, s1)
            first = WORD.match(sent.lstrip())
            if (stmt is not None and stmt.speaker and stmt.verb and not stmt.implicit) \
                    or lex.reporting.search(sent) or lead in ctx.person_starts \
                    or (first is not None and first.group().lower() in lex.person_roles) \
                    or (ctx.persons is None and PERSON_OPENER.match(sent.lstrip())) \
                    or choose_hit(find_hits(sent, lex)) is not None:
                break
            run_end = s1
        if run_end is None:
            continue
        raw = full[q.start:run_end]
        text = raw.strip()
        if len(WORD.findall(text)) < min_words or lex.protocol.match(text):
            continue
        k0 = q.start + len(raw) - len(raw.lstrip())
        out.append((k0, k0 + len(text), "other"))
    return out


def _persons(doc: Doc) -> Persons:
    """Person mentions (start, end, canonical); None when no person annotator ran."""
    if "persons" not in doc.spans:
        return None
    return sorted((sp.start_char, sp.end_char, sp._.canonical or sp.text) for sp in doc.spans["persons"])


def _proposal_context(paras: list[_Para], lex: Lexicon) -> set[int]:
    """Starts of enumerated paragraphs under 'Forvaltningen indstiller, at:' (a proposal, not a decision)."""
    out: set[int] = set()
    active = False
    for p in paras:
        t = p.text.strip()
        if active and BULLET.match(t):
            out.add(p.start)
            continue
        # the ending first: cheap, and implied by the last test
        active = (t.endswith(("at", ":")) and bool(lex.irrealis.search(t))
                  and bool(re.search(r"(?:\bat|:)\s*$", t)))
    return out


#: the answer to a question the meeting put to itself: "Skal vi finde en ny leverandør?" – "Ja, vi skal
#: finde et alternativ" / "Nej, vi beholder den": we + a modal or a present-tense verb
_YES_WE = re.compile(rf"^\W*(?:{outline.MARK}[.)]\s+)?(?:Ja|Nej)\s*[,.!]?\s+vi\s+"
                     r"(?P<v>skal|vil|må|(?!(?:er|har|kan)\b)[a-zæøå]{2,}e?r)\b")


def _same_item(item_starts: list[int], a: int, b: int) -> bool:
    """Do offsets a <= b lie in the same agenda item (both before the first item counts as the same)?"""
    return bisect.bisect_right(item_starts, a) == bisect.bisect_right(item_starts, b)


def sentence_decisions(doc: Doc, text: str, paras: list[_Para], covered: list[Range], lex: Lexicon,
                       persons: Persons | object = _UNSET) -> list[Decision]:
    """Decisions in running prose, one per sentence at most."""
    sents = sentence_ranges(doc)
    statements = doc._.statements or []
    persons = _persons(doc) if persons is _UNSET else persons
    p_starts = [p[0] for p in persons or []]
    st_index = StatementIndex(statements)
    para_at = {p.start: p for p in paras}
    para_starts = sorted(para_at)
    proposal = _proposal_context(paras, lex)
    keys = base.doc_keys(doc)
    out: list[Decision] = []
    skip_until = -1
    done = Intervals(covered)
    item_starts = sorted(it[1] for it in doc._.item_spans or [])
    asked = -1  # start of the latest question
    for k, (s0, s1) in enumerate(sents):
        if s0 < skip_until or done.contains(s0):
            continue
        pi = bisect.bisect_right(para_starts, s0) - 1
        para = para_at[para_starts[pi]] if pi >= 0 else None
        if para is not None:
            if para.in_heading and para.heading_end is not None and para.heading_end < s1:
                # "1. Referat fra sidst – godkendt uden bemærkninger.": the verdict after an inline heading
                # (a sentence of its own after a run-in "1. Valg af dirigent: Eva vælges.")
                if s0 < para.heading_end:
                    s0 = para.heading_end + len(text[para.heading_end:s1]) - len(text[para.heading_end:s1].lstrip(" \t–-:."))
            elif para.in_heading or para.start in proposal:
                continue
            if para.section in lex.non_decision_sections:
                continue
            if para.start == s0 and ":" not in para.text and section_of(para.text, lex):
                continue
        sent = text[s0:s1]
        local_ends = None if persons is None else {
            e - s0 for _, e, _ in persons[bisect.bisect_left(p_starts, s0):bisect.bisect_left(p_starts, s1)]}
        hits = find_hits(sent, lex, local_ends, keys, s0)
        hit = choose_hit(hits)
        if sent.rstrip().endswith("?"):
            asked = s0
        elif hit is None and asked >= 0 and _same_item(item_starts, asked, s0) and (ym := _YES_WE.match(sent)):
            hit = Hit("conclusion", ym.start("v"), ym.end("v"), True, False)  # "Skal vi …?" – "Ja, vi skal …"
        if hit is None:
            continue
        stmt = st_index.at(s0, s1)
        if _reported(sent, hit, stmt, lex):
            continue
        kind = refine_kind(hit, sent, lex)
        end = s1
        if k and para is not None and not para.in_heading and not sent[:hit.start].strip() \
                and len(sent.split()) <= 3 and not sent.rstrip().endswith(":"):
            # "Uændret 500 kr. Vedtages enstemmigt.": a bare verdict takes the short fragment before it
            # in its paragraph along, which says what was decided
            ps, pe = sents[k - 1]
            if ps >= para.start and not done.contains(ps) and len(text[ps:pe].split()) <= 6:
                if out and out[-1].char_start >= ps:  # "Uændret 500 kr." was a verdict too: one decision
                    out.pop()
                    s0 = ps
                elif ps >= skip_until and not find_hits(text[ps:pe], lex, None, keys, ps):
                    s0 = ps
        # a conclusion enumerating "1) … og 2) …" or ending in ":" + bullets stays one decision
        j = k + 1
        listing = opened = False
        while j < len(sents):
            ns, ne = sents[j]
            nxt = text[ns:ne]
            same_para = para is not None and ns < para.end
            if same_para and (ENUM_START.match(nxt) or nxt[:1].islower()) and re.search(r"\b1\)|:\s*$|[^.!?]\s*$", text[s0:end]):
                end = ne
            elif (listing or text[s0:end].rstrip().endswith(":")) and BULLET.match(nxt):
                end, listing = ne, True
            elif (opened or text[s0:end].rstrip().endswith(" at:")) and j - k <= 3 and _same_item(item_starts, s0, ns) \
                    and not para_at.get(ns, para).in_heading and not nxt.rstrip().endswith(":"):
                end, opened = ne, True  # "… og det besluttes at:" + the sentences below it, which say what
            else:
                break
            j += 1
        skip_until = end
        dtext = text[s0:end].strip()
        lead = len(text[s0:end]) - len(text[s0:end].lstrip())
        out.append(Decision(
            kind=kind, text=dtext, decided_by=_speaker_for(hit, sent, s0, stmt, persons, lex),
            decided_on=doc._.meeting_date, char_start=s0 + lead, char_end=s0 + lead + len(dtext),
        ))
    return out


_ELECTION_HEAD = re.compile(r"\bvalg\b|\bvalgt\b|\bvælges\b", re.I)
_UP_FOR_ELECTION = re.compile(r"\bpå\s+valg\b", re.I)
_NOT_UP = re.compile(r"\bikke\s+på\s+valg\b", re.I)
_ELECTED_WORD = re.compile(r"\b(?:gen|ny)?valgt\b", re.I)
#: an election heading with the outcome after a colon: "1. Valg af dirigent: Anne Holm."
_ELECTED_IN_HEADING = re.compile(r"\s*(?:\d{1,2}[.)]?\s+)?(?P<title>[^:\n]{0,60}\bvalg\s+af\b[^:\n]{0,60}):[ \t]*(?P<name>\S)", re.I)
#: what may follow the elected person's name on its line: an address or house code, the post
#: ("suppleant", "kasserer ny valgt"), "(genvalg)" or the term ("(på valg 2014)")
_NAME_TAIL = re.compile(r"\s*(?:,\s*[^,.\n]{1,40})?\s*(?:(?:\d\.\s*)?(?:formand|næstformand|kasserer|sekretær|suppleant"
                        r"|revisor\w*|bestyrelsesmedlem|medlem|stemmetæller)\b(?:\s+(?:ny\s*valgt|genvalgt|valgt))?)?"
                        r"\s*(?:\((?:(?:gen|ny)valg\w*|på\s+valg\s+(?:i\s+)?\d{4}|valgt\s+for\s+\d\s+år|\d\s+år)\))?\s*\.?\s*$", re.I)


_POST_LABEL = re.compile(r"(?i:dirigent|referent|ordstyrer|formand|næstformand|kasserer|sekretær|revisor"
                         r"|revisorsuppleant|suppleant|stemmetællere?)\s*:\s*")


def elected_name_lines(doc: Doc, text: str, paras: list[_Para], persons: Persons | object = _UNSET) -> list[Decision]:
    """'1. Valg af dirigent' + 'Olav Grue, Tønnesvej 4'; 'b. Næstformand (periode 1 år)' +
    'Jeppe Boelsmand' under 'Valg af bestyrelse': in an election item, a line that is only a
    person's name records that person's election."""
    persons = _persons(doc) if persons is _UNSET else persons
    if not persons:
        return []
    starts = [p[0] for p in persons]
    titles: dict[str, str] = {}
    for it in doc._.item_spans or []:  # (an item's attached text comes later, with no heading of its own)
        titles.setdefault(it[0], text[it[1]:it[3]])
    out: list[Decision] = []
    prev: _Para | None = None
    label = ""  # the item's latest label line ("På valg:", "Ikke på valg:", "Valgt blev:")
    group: list[int] | None = None  # [start, end] of "Valgt til bestyrelsen er:" and the names under it
    for p in paras:
        head = prev.text if prev is not None and prev.item == p.item else ""
        if prev is None or prev.item != p.item:
            label = ""
        if group is not None and (prev is None or prev.item != p.item or p.text.rstrip().endswith(":")):
            out.append(_election(text, *group, doc))
            group = None
        if p.text.rstrip().endswith(":"):
            label = p.text
            lm = _ELECTED_LABEL.search(p.text)
            if lm and not _UP_FOR_ELECTION.search(p.text) and len(lm.group("label").split()) <= 8:
                group = [p.start + lm.start("label"), p.start + len(p.text.rstrip())]
        prev = p
        if p.item is not None and p.in_heading:
            # "1. Valg af dirigent: Anne Holm.": the heading itself carries who was elected
            hm = _ELECTED_IN_HEADING.match(p.text)
            k = bisect.bisect_left(starts, p.start + hm.start("name")) if hm else len(persons)
            if k < len(persons) and persons[k][0] == p.start + hm.start("name") \
                    and _NAME_TAIL.fullmatch(text, persons[k][1], p.end):
                out.append(_election(text, p.start + hm.start("title"), p.start + len(p.text.rstrip()), doc))
            continue
        if p.item is None or p.in_heading or not (_ELECTION_HEAD.search(titles.get(p.item, "")) or _ELECTION_HEAD.search(head)):
            continue
        lead = len(p.text) - len(p.text.lstrip())
        if group is not None and _NAME_LINE.fullmatch(p.text.strip()):
            group[1] = p.start + len(p.text.rstrip())  # (under the label any name-shaped line is one of them)
            continue
        if group is None and not _POST_LABEL.match(p.text, lead) and _labelled_names(p, lead, starts):
            # "Lokaleudvalg – Søren, Michael og Andreas." under "Valg til udvalg": the post and who fills it
            out.append(_election(text, p.start + lead, p.start + len(p.text.rstrip()), doc))
            continue
        pm = _POST_LABEL.match(p.text, lead)  # "Dirigent: Anne Holm" under "Valg af dirigent og referent"
        if pm and pm.group().lower().startswith("referent") and "referent" not in (titles.get(p.item, "") + head).lower():
            continue  # "Referent: Jette Lund" closing the minutes under "4. Valg": who wrote them, not an election
        name_at = p.start + (pm.end() if pm else lead)
        k = bisect.bisect_left(starts, name_at)
        if k >= len(persons) or persons[k][0] != name_at:
            continue
        name_end = persons[k][1]
        if not _NAME_TAIL.fullmatch(text, name_end, p.end):
            continue
        # under "Ikke på valg:" nobody is elected; under "På valg:" only a line saying so
        # ("Mads Holm, F25 genvalgt"), not a candidate ("Ulf Berg, modtager genvalg")
        if _UP_FOR_ELECTION.search(label) and (_NOT_UP.search(label) or not _ELECTED_WORD.search(text, name_end, p.end)):
            continue
        end = p.start + len(p.text.rstrip())
        if group is not None:
            group[1] = end  # one of the names the label announces
            continue
        out.append(_election(text, p.start + lead, end, doc))
    if group is not None:
        out.append(_election(text, *group, doc))
    return out


#: "Valgt til bestyrelsen er:", "Valgt blev:", "Følgende blev valgt:" closing a paragraph: the names follow
_ELECTED_LABEL = re.compile(r"(?:^|(?<=[.!?])\s+)(?P<label>(?:[A-ZÆØÅ][^.!?:]*?\s)?(?:(?:[Gg]en|[Nn]y)?[Vv]algt(?:e|es)?|[Gg]envalg|[Nn]yvalg)\b[^.!?:]*:)\s*$")


#: "Festudvalg – Søren, Michael og Andreas.", "Hjemmesideudvalg – HC og Christian": a post or committee (one to
#: three words), a dash and the names that fill it (not a colon: "Referat: Eva Holm" signs the minutes)
_LABELLED = re.compile(r"(?P<label>[A-ZÆØÅ][\wæøå]*(?:[ \t]+[\wæøå]+){0,2})[ \t]+[–-][ \t]+(?P<names>[^.\n:–]+?)\.?")
_LISTED_NAME = re.compile(r"[A-ZÆØÅ][\w'’-]*(?:[ \t]+[A-ZÆØÅ][\w'’.-]*){0,2}")
#: what joins the names: a comma or "&", or "og" between spaces
_NAME_LINK = re.compile(r"[ \t]*[,&][ \t]*|[ \t]+og[ \t]+")


def _labelled_names(p: _Para, lead: int, starts: list[int]) -> bool:
    """Is the paragraph a label line whose names are all name-shaped, at least one a person mention
    (see `_LABELLED`)? A label about the election itself ("På valg: …", "Genvalg: …") is not a post."""
    m = _LABELLED.fullmatch(p.text.strip())
    if not m or _ELECTION_HEAD.search(m.group("label")) or _UP_FOR_ELECTION.search(m.group("label")):
        return False
    names, at = m.group("names"), p.start + lead + m.start("names")
    person, pos = False, 0
    for piece in _NAME_LINK.split(names):
        name = piece.strip()
        if not _LISTED_NAME.fullmatch(name):
            return False
        pos = names.index(name, pos)
        k = bisect.bisect_left(starts, at + pos)
        person |= k < len(starts) and starts[k] == at + pos
        pos += len(name)
    return person


_NAME_LINE = re.compile(r"[A-ZÆØÅ][\w'’-]+(?:\s+[A-ZÆØÅ][\w'’.-]*){1,3}\.?")


def _election(text: str, a: int, b: int, doc: Doc) -> Decision:
    """An election recorded by text[a:b]: a name line, a heading naming the elected, or an
    election label with the name lines under it."""
    return Decision(kind="election", text=text[a:b], decided_by=None, decided_on=doc._.meeting_date,
                    char_start=a, char_end=b)


class DecisionsComponent:
    """Writes doc._.decisions (blocks first; prose sentences outside blocks)."""

    def __init__(self, lexicon: str | None = None):
        self.lex = load_lexicon(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        text = base.doc_text(doc)  # Doc.text is rebuilt from the tokens on every access
        paras = _paragraphs(doc, text, self.lex)
        persons = _persons(doc)  # (once: each of the three would read the spans' extensions again)
        blocks = block_decisions(doc, text, paras, self.lex, persons)
        covered = [(d.char_start, d.char_end) for d in blocks]
        # the heading paragraphs of blocks are covered too
        for p in paras:
            if classify_heading(p.text, self.lex) and not p.in_heading:
                covered.append((p.start, p.end))
        prose = sentence_decisions(doc, text, paras, covered, self.lex, persons)
        elected = elected_name_lines(doc, text, paras, persons)
        # "Valgt til bestyrelsen er:" + the names under it: the list replaces the bare label sentence
        lists = [(d.char_start, d.char_end) for d in elected if "\n" in d.text]
        prose = [d for d in prose if not any(a <= d.char_start and d.char_end <= b for a, b in lists)]
        done = Intervals(covered + [(d.char_start, d.char_end) for d in prose])
        rows = blocks + prose + [d for d in elected if not done.overlaps(d.char_start, d.char_end)]
        if any(_STAMP.match(d.text) for d in rows):
            starts = [p.start for p in paras]
            keep = []
            for d in rows:
                if _STAMP.match(d.text):
                    k = bisect.bisect_right(starts, d.char_start)
                    if _is_stamp(d.text, [p.text for p in paras[k:]]):
                        continue
                keep.append(d)
            rows = keep
        doc._.decisions = sorted(rows, key=lambda d: (d.char_start, d.char_end))
        return doc


@Language.factory("referat_decisions", default_config={"lexicon": None})
def make_decisions(nlp: Language, name: str, lexicon: str | None) -> DecisionsComponent:
    return DecisionsComponent(lexicon)
