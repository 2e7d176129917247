"""`referat_actions`: action items — who is to do what, by when — as `doc._.actions`.

Minutes write tasks in a few recurring shapes, all handled with general Danish vocabulary
from models/lexicon/actions.json:

* prose: an owner as the subject of a present-tense work verb or a modal — "Sekretariatet
  udarbejder et notat", "Peter skal sende …", "…, at Styrelsen følger op på …"; a proposal
  "X foreslog, at <Org> kunne udarbejde et oplæg"; inside a decision sentence any listed
  work verb ("… konkluderet, at <Org> indgår en dialog …");
* lists: "Peter skal:" followed by bullets (one action per bullet); bullets or lines that
  end in an owner marker "(Peter)", "(PH)", "(Ansvarlig: Peter)"; "Ansvarlig: X, Frist: …";
  "• Peter: …" inside an "Opgaver"/"Opfølgning" section.

Conservative by design: an action needs an owner (a person or organisation mention, a
resolved "han/hun", or an owner marker) and an obligation/future verb; past-tense narration
and "man/vi" subjects are not actions. Due dates come from `doc._.dates` (deadlines first).
"""
from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from collections.abc import Container
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract import outline
from extract.nlp import base
from extract.nlp.dates import Intervals, sentence_ranges
from extract.nlp.gazetteer import alternation, required_words
from extract.nlp.intervals import GrowingRanges, InnermostRange, StaticRanges
from extract.nlp.decisions import StatementIndex
from extract.schema import Action, Attendee, DateMention, Decision

Mention = tuple[int, int, str]  # start, end (doc offsets), canonical
BULLET = re.compile(r"^\s*(?:[•\-–*▪●◦]|\d{1,2}[.)]|[a-h]\))\s+")
NAME_TOKEN = r"[A-ZÆØÅ][\w\-]*\.?"
NAME_NP = re.compile(rf"^{NAME_TOKEN}(?:\s+(?:{NAME_TOKEN}|og|i|for|af|van|von|der|den|de|la|le))*$")
WORD = re.compile(r"[^\W\d_][\w\-]*|\d+")
INFINITIVE = re.compile(r"^(?:[a-zæøå\-]+e|gå|få|se|stå|nå|slå|bo|sy)$")


def lexicon_path() -> Path:
    return base.MODELS_DIR / "lexicon" / "actions.json"


@dataclass(frozen=True)
class ActionLexicon:
    raw: dict
    obligation: re.Pattern
    reporting_like: re.Pattern
    modal: re.Pattern
    proposal_modal: re.Pattern
    proposal_marker: re.Pattern
    decision_verb: re.Pattern
    adverbs_tail: re.Pattern
    adverbs_head: re.Pattern
    opener_head: re.Pattern
    alternative: re.Pattern
    owner_label: re.Pattern
    due_label: re.Pattern
    stop: re.Pattern
    excluded_inf: frozenset[str]
    non_owners: frozenset[str]
    pronouns: frozenset[str]
    task_sections: frozenset[str]
    unit_owners: frozenset[str]
    collective_owners: frozenset[str]
    year_lead: re.Pattern
    #: for each pattern `find_in_sentence` runs, the pattern whose key (`KeyIndex`) must occur
    #: in a sentence for it to match there (the verb phrases: a word of each, `required_words`)
    prefilter: dict[str, re.Pattern]


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> ActionLexicon:
    """Read and compile the action vocabulary once per process."""
    raw = json.loads(Path(path or lexicon_path()).read_text(encoding="utf-8"))
    I = re.IGNORECASE
    adv = alternation(raw["adverbs"])
    advs = rf"(?:{adv}\s+)*"
    lex = ActionLexicon(
        raw=raw,
        # an adverb may split a phrase verb: "tager hurtigst muligt kontakt til …"
        obligation=re.compile(r"\b" + alternation(raw["obligation_verbs"]).replace(r"\s+", rf"\s+(?:{adv}\s+)?") + r"\b", I),
        reporting_like=re.compile(alternation(raw["reporting_like_verbs"]), I),
        modal=re.compile(r"\b" + alternation(raw["modal_verbs"]) + rf"\s+{advs}(?P<inf>[a-zæøå\-]+)\b", I),
        proposal_modal=re.compile(r"\b" + alternation(raw["proposal_modals"]) + rf"\s+{advs}(?P<inf>[a-zæøå\-]+)\b", I),
        proposal_marker=re.compile(r"\b" + alternation(raw["proposal_markers"]) + r"\b", I),
        decision_verb=re.compile(r"\b" + alternation(raw["decision_context_verbs"] + raw["obligation_verbs"]) + r"\b", I),
        adverbs_tail=re.compile(rf"(?:\s+{adv})+\s*$", I),
        adverbs_head=re.compile(rf"^\s*(?:{adv}\s*,?\s+)+", I),
        opener_head=re.compile(r"^\s*(?:(?:\d{1,2}|[a-h])\)\s*|(?:\d{1,2}|[a-zæøå]|[ivx]{1,4})\.\s+|"
                               + alternation(raw["clause_openers"]) + r"\s+)+", I),
        alternative=re.compile(r"\b" + alternation(raw["alternative_markers"]) + r"\s*$", I),
        owner_label=re.compile(r"(?:^|[\s(,;])(?:" + alternation(raw["owner_labels"]) + r")\s*[:\-–]\s*", I),
        due_label=re.compile(r"\b(?:" + alternation(raw["due_labels"]) + r")\s*[:\-–]?\s*", I),
        stop=re.compile(alternation(raw["stop_at_clause"]), I),
        excluded_inf=frozenset(raw["excluded_infinitives"]),
        non_owners=frozenset(raw["non_owners"]),
        pronouns=frozenset(raw["pronouns"]),
        task_sections=frozenset(raw["task_section_headings"]),
        unit_owners=frozenset(raw["unit_owners"]),
        collective_owners=frozenset(raw["collective_owners"]),
        year_lead=re.compile(r"\b" + alternation(raw["due_year_leads"]) + r"\s*(?:den\s+)?$", I),
        prefilter={},
    )
    return replace(lex, prefilter=_prefilter(raw, lex))


def _prefilter(raw: dict, lex: ActionLexicon) -> dict[str, re.Pattern]:
    """See `ActionLexicon.prefilter`; a pattern without a stand-in is always run."""
    always = re.compile("")  # (no key: `KeyIndex` always lets it run)
    return {
        "obligation": required_words(raw["obligation_verbs"]) or always,
        "modal": lex.modal,
        "proposal_marker": lex.proposal_marker,
        "proposal_modal": lex.proposal_modal,
        "decision_verb": required_words(raw["decision_context_verbs"] + raw["obligation_verbs"]) or always,
    }


# --------------------------------------------------------------------------- owners


def initials(name: str) -> set[str]:
    """'Charlotte Holm Hansen' → {'CHH', 'CH'}: the ways minutes abbreviate a person."""
    parts = [p for p in re.split(r"[\s\-]+", name) if p[:1].isalpha()]
    if not parts:
        return set()
    full = "".join(p[0] for p in parts).upper()
    return {full, (parts[0][0] + parts[-1][0]).upper()}


def resolve_owner(who: str, roster: list[Attendee], mentions: list[Mention] = (),
                  canonical_of: dict[str, str] | None = None) -> tuple[str, bool]:
    """Canonical owner for a written owner marker, and whether it was recognised.

    Recognised: a roster name, a unique roster first name ("Charlotte"), a unique initials
    match ("CH"), a first name plus initial ("Steffen S."), or a person/org mention.
    `canonical_of`: `canonical_by_lower(mentions)`, when the caller asks about many markers.
    """
    w = re.sub(r"\s+", " ", who).strip(" .,:;")
    if not w:
        return who, False
    names = [a.name for a in roster or []]
    low = w.lower()
    for n in names:
        if n.lower() == low:
            return n, True
    canon = (canonical_of if canonical_of is not None else canonical_by_lower(mentions)).get(low)
    if canon is not None:
        return canon, True
    if re.fullmatch(r"[A-ZÆØÅ]{2,4}", w):
        hits = {n for n in names if w in initials(n)}
        if len(hits) == 1:
            return hits.pop(), True
        return w, False
    toks = w.replace(".", ". ").split()
    if 1 <= len(toks) <= 2:
        first = toks[0]
        cands = [n for n in names if n.split()[0].lower() == first.lower()]
        if len(toks) == 2 and len(toks[1].rstrip(".")) == 1:  # "Steffen S."
            cands = [n for n in cands if any(p[:1].upper() == toks[1][0].upper() for p in n.split()[1:])]
        elif len(toks) == 2:
            cands = [n for n in cands if toks[1].lower() in (p.lower() for p in n.split()[1:])]
        if len(cands) == 1:
            return cands[0], True
    return w, False


def canonical_by_lower(mentions: Iterable[Mention]) -> dict[str, str]:
    """Lower-cased canonical name → the canonical of the first mention that has it."""
    out: dict[str, str] = {}
    for _, _, canon in mentions:
        out.setdefault(canon.lower(), canon)
    return out


ROLE_WORDS = {"formanden": "chair", "forpersonen": "chair", "formand": "chair",
              "referenten": "secretary", "sekretæren": "secretary"}


def role_holder(owner: str, roster: list[Attendee]) -> str:
    """'Formanden' → the attendance list's chair (when there is exactly one), else as written."""
    role = ROLE_WORDS.get(owner.strip().lower())
    holders = [a.name for a in roster or [] if a.role == role] if role else []
    return holders[0] if len(holders) == 1 else owner


def _mentions(doc: Doc) -> tuple[list[Mention], bool]:
    """Person/org mentions (sorted) and whether any mention annotator ran at all."""
    out: list[Mention] = []
    annotated = False
    for key in ("persons", "orgs"):
        if key in doc.spans:
            annotated = True
            out += [(sp.start_char, sp.end_char, sp._.canonical or sp.text) for sp in doc.spans[key]]
    return sorted(out), annotated


# --------------------------------------------------------------------------- prose


@dataclass(frozen=True)
class Found:
    owner: str
    owner_start: int  # sentence-relative
    task_start: int
    task_end: int
    task: str = ""  # set when the task is not one contiguous slice (inverted word order)


def clause_start(text: str, pos: int) -> int:
    """Where the clause before `pos` starts: after , : ; • or an 'at' complementiser."""
    prefix = text[:pos]
    cut = max(prefix.rfind(","), prefix.rfind(":"), prefix.rfind(";"), prefix.rfind("•")) + 1
    for m in re.finditer(r"\s[–—-]\s|\bat\b", prefix):  # a spaced dash joins two clauses too
        cut = max(cut, m.end())
    return cut


def clause_end(text: str, pos: int, lex: ActionLexicon) -> int:
    """End of the task clause starting at `pos`: the next coordinated 'og at' / ';' or the sentence end."""
    m = lex.stop.search(text, pos)
    end = m.start() if m else len(text)
    return len(re.sub(r"[\s.!?;:,]+$", "", text[:end]))


#: pronouns for a group, which own no task themselves ("… synes vi skal …")
_GROUP_PRONOUNS = frozenset(("vi", "man", "de"))


def subject_owner(text: str, s0: int, verb_start: int, lex: ActionLexicon, mentions: list[Mention],
                  annotated: bool, speaker: str | None, collective: bool = False) -> tuple[str, int] | None:
    """The owner written as the clause subject right before the verb, with its offset.

    `collective`: the verb is an explicit work verb ("sørger for", "udarbejder"), so the
    meeting body itself ("Bestyrelsen sørger for …") may own the task; with a bare modal
    ("bestyrelsen skal drøfte") a body is too often just the topic of a question.
    """
    cs = clause_start(text, verb_start)
    np_text = text[cs:verb_start]
    head = lex.opener_head.match(np_text)
    lead = head.end() if head else 0
    head2 = lex.adverbs_head.match(np_text[lead:])
    lead += head2.end() if head2 else 0
    np_core = lex.adverbs_tail.sub("", np_text[lead:]).strip()
    if not np_core:
        return None
    np_start = cs + lead + (len(np_text[lead:]) - len(np_text[lead:].lstrip()))
    if lex.alternative.search(text[:np_start]):
        return None  # "enten X kontakter …, eller …": an option, not an assignment
    low = np_core.lower()
    last = low.split()[-1]
    if len(low.split()) > 1 and last in lex.non_owners and (last in lex.pronouns or last in _GROUP_PRONOUNS) \
            and any(np_start <= s - s0 and e - s0 <= np_start + len(np_core) - len(last) for s, e, _ in mentions):
        # "Susanne synes vi skal …": a clause embedded without "at"; its pronoun is the subject
        np_start += len(np_core) - len(last)
        low = np_core = np_core[-len(last):]
    if low in lex.non_owners or low.split()[0] in lex.non_owners:
        if low in lex.pronouns and speaker:
            return speaker, np_start
        return None
    np_end = np_start + len(np_core)
    inside = [(s - s0, e - s0, c) for s, e, c in mentions if np_start <= s - s0 and e - s0 <= np_end]
    if len(WORD.findall(np_core)) > 7:
        return None
    for s, e, c in inside:
        if s == np_start and e == np_end:
            return c, np_start
    if inside and np_core[:1].isupper():  # ("Bo (og evt. Ida)": the aside names no owner)
        return re.sub(r"\s*\([^()]*\)", "", np_core) or np_core, np_start
    if low in lex.unit_owners or (collective and low in lex.collective_owners):
        return np_core[:1].upper() + np_core[1:], np_start
    if not annotated and NAME_NP.match(np_core) and np_core.split()[0].lower() not in lex.non_owners:
        return np_core, np_start
    return None


def inverted_owner(text: str, s0: int, verb_start: int, task_start: int, lex: ActionLexicon,
                   mentions: list[Mention], speaker: str | None) -> Found | None:
    """Verb-second order after a fronted clause: "Da …, kontakter han kommunen" → owner after the verb."""
    cs = clause_start(text, verb_start)
    before = text[cs:verb_start]
    if before.strip() and not lex.adverbs_head.fullmatch(before.strip() + " "):
        return None
    if task_start != verb_start:
        return None  # modals: "skal han …" is rare; keep the rule to finite work verbs
    vm = lex.obligation.match(text, verb_start) or lex.decision_verb.match(text, verb_start)
    if vm is None:
        return None
    after = text[vm.end():]
    lead = len(after) - len(after.lstrip())
    pos = vm.end() + lead
    owner, o_end = None, None
    pm = re.match(r"(han|hun)\b", text[pos:], re.I)
    if pm and speaker:
        owner, o_end = speaker, pos + pm.end()
    else:
        for s, e, c in mentions:
            if s - s0 == pos:
                owner, o_end = c, e - s0
                break
    if owner is None:
        return None
    end = clause_end(text, o_end, lex)
    rest = text[o_end:end].strip()
    if not rest:
        return None
    task = f"{vm.group().strip()} {rest}"
    return Found(owner, verb_start, verb_start, end, task)


def find_in_sentence(text: str, s0: int, lex: ActionLexicon, mentions: list[Mention], annotated: bool,
                     speaker: str | None, in_decision: bool, persons: list[Mention] = (),
                     ok: Container[str] | None = None) -> list[Found]:
    """Action clauses of one sentence (offsets relative to the sentence). `ok`: the names of
    `lex.prefilter` that may match in the sentence (`KeyIndex.possible`); None: all."""
    ok = lex.prefilter if ok is None else ok
    cands: list[tuple[int, int]] = []  # (verb_start, task_start)
    work_verbs: set[int] = set()
    for m in (lex.obligation.finditer(text) if "obligation" in ok else ()):
        reporting = lex.reporting_like.fullmatch(re.sub(r"\s+", " ", m.group()))
        if not (reporting and re.match(r"\s*(?:,\s*|\s+om,?\s+)?at\b", text[m.end():])):
            cands.append((m.start(), m.start()))
            work_verbs.add(m.start())
    for m in (lex.modal.finditer(text) if "modal" in ok else ()):
        inf = m.group("inf").lower()
        if INFINITIVE.match(inf) and inf not in lex.excluded_inf:
            cands.append((m.start(), m.start("inf")))
    proposal = lex.proposal_marker.search(text) if "proposal_marker" in ok else None
    if proposal and "proposal_modal" in ok:
        for m in lex.proposal_modal.finditer(text, proposal.end()):
            inf = m.group("inf").lower()
            if INFINITIVE.match(inf) and inf not in lex.excluded_inf:
                cands.append((m.start(), m.start("inf")))
    if in_decision and "decision_verb" in ok:
        for m in lex.decision_verb.finditer(text):
            cands.append((m.start(), m.start()))
    cands += _named_present(text, s0, persons)
    out: list[Found] = []
    used_clauses: set[int] = set()
    for verb_start, task_start in sorted(set(cands)):
        cs = clause_start(text, verb_start)
        if cs in used_clauses:
            continue
        owner = subject_owner(text, s0, verb_start, lex, mentions, annotated, speaker,
                              collective=verb_start in work_verbs and "?" not in text)
        if owner is None:
            inv = inverted_owner(text, s0, verb_start, task_start, lex, mentions, speaker)
            if inv is not None and cs not in used_clauses:
                used_clauses.add(cs)
                out.append(inv)
            continue
        end = clause_end(text, task_start, lex)
        if end <= task_start:
            continue
        used_clauses.add(cs)
        out.append(Found(owner[0], owner[1], task_start, end))
    return out


#: "i. Ida jagter og får en vagtliste", "1. Bo skaffer kontaktinfo til Eva": an outline entry
#: that opens with a person and a present-tense verb is a task given to that person
#: what may open an entry before the person: an outline mark, a task label ("Aktion: Bo kontakter …")
_ENTRY_LEAD = re.compile(rf"\s*(?:{outline.ENTRY_MARK}[.)]\s+)?(?:{outline.TASK_LABEL}\s*)?")
_PRESENT_VERB = re.compile(r"\s+(?P<v>[A-Za-zæøå][a-zæøå]{2,}er)\b(?=(?:\s+\S+){2})")
#: present forms that state, feel or report rather than take on a task
_NOT_TASK = frozenset({"mener", "synes", "siger", "fortæller", "forklarer", "oplyser", "oplæser", "spørger", "svarer",
                       "forventer", "håber", "ønsker", "føler", "tror", "finder", "bemærker", "foreslår",
                       "nævner", "vurderer", "kender", "hedder", "bliver", "ligger", "sidder", "står",
                       "mangler", "lyder", "modtager", "stiller", "viser", "betyder", "gælder", "kræver", "koster",
                       "takker", "beklager", "glæder", "undrer", "accepterer", "bekræfter"})


def _named_present(text: str, s0: int, mentions: list[Mention]) -> list[tuple[int, int]]:
    lead = _ENTRY_LEAD.match(text).end()
    for s, e, _ in mentions:
        if s - s0 == lead:
            m = _PRESENT_VERB.match(text, e - s0)
            # (not "Anne melder tilbage, at alt er i orden": a report of what someone says)
            if m and m.group("v").lower() not in _NOT_TASK and not re.match(r"(?:\s+\w+)?\s*,?\s+at\b", text[m.end():]):
                return [(m.start("v"), m.start("v"))]
    return []


# --------------------------------------------------------------------------- lists


@dataclass
class _Para:
    start: int
    end: int
    text: str
    in_item: bool
    in_heading: bool
    task_section: bool


def _paragraphs(doc: Doc, full: str, lex: ActionLexicon) -> list[_Para]:
    """Paragraphs with their item membership and whether they sit in a task-list section.

    A task section opens at an "Opgaver"/"Opfølgning"/... heading (a paragraph or the item
    title) and closes at the item's end or at the next short non-list heading.
    """
    items = doc._.item_spans or []
    out: list[_Para] = []
    in_tasks = False
    cur = None
    innermost = InnermostRange([(t[1], t[2]) for t in items])  # the latest-starting item containing s (the first of equals)
    body_start = min((t[1] for t in items), default=0)
    for s, e in sorted(tuple(p) for p in (doc._.paragraphs or [(0, len(full))])):
        k = innermost.index_at(s)
        it = items[k] if k is not None else None
        if it is not cur:
            cur, in_tasks = it, False
        text = full[s:e]
        heading = bool(it and s < it[3])
        head = re.sub(r"^\s*\d+(?:\.\d+)*\.?\s+", "", text.strip()).rstrip(":").strip().lower()
        head = re.sub(r"\s*\([a-zæøå/]{1,3}\)$", "", head)
        if head in lex.task_sections:
            in_tasks = True
        elif in_tasks and not heading and not BULLET.match(text) and not text.rstrip().endswith(":") \
                and len(text.split()) <= 5 and not re.search(r"\)\s*[.;]?\s*$", text):
            in_tasks = False  # the next heading closes the list
        out.append(_Para(s, e, text, it is not None or s >= body_start, heading, in_tasks))
    return out


OWNER_MARK = re.compile(r"\(\s*(?P<label>(?i:ansvarlig|ansv\.?|tovholder)\s*:?\s*)?"
                        r"(?P<who>[A-ZÆØÅ][\w\-. ,/&]{1,40}?)\s*\)\s*[.;!]?\s*$")
PROPOSAL_LEAD = re.compile(rf"(?:{outline.ENTRY_MARK}[.)]\s+)?(?:Forslag|Oplæg|Indlæg|Ansøgning|Henvendelse)\b")
QUESTION_LEAD = re.compile(rf"(?:{outline.ENTRY_MARK}\s?[.)]\s+)?(?:Hvordan|Hvad|Hvem|Hvornår|Hvor|Hvorfor|Hvilke|Hvilken)\b")
DECIDED_PREFIX = re.compile(r"^[^,.]{0,60}?\b(?:besluttede|aftalte|vedtog|blev enige om|var enige om|"
                            r"konkluderede|foreslog)\s*,?\s*(?:at\s+)?", re.I)


FRONTED = re.compile(r"^(?:da|når|fordi|hvis|eftersom|idet|selvom|efter at|inden)\b[^,]{1,120},\s*(?P<verb>[a-zæøå]+)\s+"
                     r"(?P<subj>[A-ZÆØÅa-zæøå][\w\-]*)\s+", re.I)


def clean_task(text: str, owner: str, written: list[str] = ()) -> str:
    """The task as a verb phrase: drop bullets, labels, a 'Bestyrelsen besluttede at' lead and
    a subject that only repeats the owner ('Hun …', 'Birthe …')."""
    t = _strip_task(text)
    t = DECIDED_PREFIX.sub("", t, count=1)
    names = {"han", "hun"} | {w.lower() for w in written} | {owner.lower()}
    names |= {n.split()[0].lower() for n in [owner, *written] if n.split()}
    # "Da træerne står på kommunens areal, kontakter han kommunen" → "kontakter kommunen"
    m = FRONTED.match(t)
    if m and m.group("subj").lower() in names:
        t = m.group("verb") + " " + t[m.end():]
    m = re.match(r"^([A-ZÆØÅ][\w\-]*(?:\s+[A-ZÆØÅ][\w\-]*\.?)*)\s+", t)
    if m and (m.group(1).lower() in names or m.group(1).split()[0].lower() in names):
        t = t[m.end():]
    else:  # "Der var enighed om, at Jonas Berg udarbejder …" → "udarbejder …"
        variants = sorted({owner, *written, *(n.split()[0] for n in [owner, *written] if n.split())}, key=len, reverse=True)
        alt = "|".join(re.escape(v) for v in variants if v)
        m = re.search(rf"\bat\s+(?:{alt}|han|hun)\s+(?=[a-zæøå])", t, re.I) if alt else None
        if m:
            t = t[m.end():]
    return t.strip(" \t.;,:-–")


def _strip_task(text: str) -> str:
    t = BULLET.sub("", text.strip(), count=1)
    t = re.sub(r"^(?:opgave|emne|punkt|aktivitet|handling)\s*:\s*", "", t, flags=re.I)
    return t.strip(" \t.;,:-–")


def due_candidates(text: str, dates: list[DateMention], lex: ActionLexicon) -> list[DateMention]:
    """Dates that can be a due date. A bare year after a noun or 'for' names what the task is
    about ('budgetforslag for 2023', 'sæsonen 2022/23'), not when it is due ('i 2023')."""
    out = []
    for d in sorted(dates, key=lambda d: d.char_start):
        bare_year = re.fullmatch(r"\d{4}(?:\s*[/\-–]\s*\d{2,4})?", d.text.strip())
        if bare_year and not lex.year_lead.search(text[max(0, d.char_start - 40):d.char_start]):
            continue
        out.append(d)
    return out


def _due(dates: list[DateMention], starts: list[int], a: int, b: int) -> DateMention | None:
    """The due date inside [a, b): a deadline-framed one first, else the first date."""
    i = bisect.bisect_left(starts, a)
    inside = []
    while i < len(dates) and dates[i].char_start < b:
        inside.append(dates[i])
        i += 1
    if not inside:
        return None
    dl = [d for d in inside if d.deadline]
    return (dl or inside)[0]


HEADER_VERBS = r"skal|vil|sørger for|står for|tager sig af|har ansvaret for"
OWNER_HEADER = re.compile(rf"^\s*(?P<who>[A-ZÆØÅ][^:]{{0,40}}?)\s*(?P<verb>\b(?:{HEADER_VERBS}))?\s*:\s*$")
OWNER_PREFIX = re.compile(r"^\s*(?:[•\-–*▪●◦]|\d{1,2}[.)])\s+(?P<who>[A-ZÆØÅ][\w\-. ]{0,40}?)\s*[:\-–]\s+(?P<task>.+)$")


@dataclass
class _Ctx:
    """What every rule needs: the doc's text, roster, mentions, dates; collects the rows."""

    doc: Doc
    text: str
    lex: ActionLexicon
    paras: list[_Para]
    mentions: list[Mention]
    annotated: bool
    person_mentions: list[Mention]
    dates: list[DateMention]
    actions: list[Action]
    covered: list[tuple[int, int]]

    @cached_property
    def date_starts(self) -> list[int]:
        return [d.char_start for d in self.dates]

    @cached_property
    def canonical_of(self) -> dict[str, str]:
        return canonical_by_lower(self.mentions)

    @cached_property
    def person_canonical_of(self) -> dict[str, str]:
        return canonical_by_lower(self.person_mentions)

    @cached_property
    def _covered(self) -> GrowingRanges:
        return GrowingRanges(self.covered)  # `add` keeps it in step with `covered`

    @property
    def roster(self) -> list[Attendee]:
        return self.doc._.roster or []

    def is_covered(self, a: int, b: int) -> bool:
        return self._covered.any_overlap(a, b)

    def add(self, owner: str, task: str, a: int, b: int, due_range: tuple[int, int] | None = None,
            cover: bool = True) -> None:
        task = task.strip(" \t.;,:-–")
        if not task or not owner:
            return
        owner = role_holder(owner, self.roster)
        due = _due(self.dates, self.date_starts, *(due_range or (a, b)))
        self.actions.append(Action(owner=owner, task=task, char_start=a, char_end=b,
                                   due_start=due.start if due else None, due_end=due.end if due else None))
        if cover:
            self._covered.add(a, b)
            self.covered.append((a, b))


@dataclass(frozen=True)
class TableRow:
    """One row of an action table: the row span and its task/owner/due cell spans (doc offsets)."""

    start: int
    end: int
    task: tuple[int, int]
    owner: tuple[int, int] | None
    due: tuple[int, int] | None


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, pos = [], a
    for cell in text[a:b].split("\t"):
        out.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    return out


def _header_col(cell: str, words: list[str]) -> bool:
    return bool(re.search(r"(?<!\w)(?:" + alternation(words) + r")(?!\w)", cell, re.I)) and len(WORD.findall(cell)) <= 4


def task_tables(text: str, paragraphs: list[tuple[int, int]], lex: ActionLexicon | None = None) -> list[TableRow]:
    """Rows of 'Handling | Ansvarlig | Frist' tables (cells separated by tabs, one row per
    paragraph). The header row needs a task column and an owner column; rows follow while
    paragraphs have tabs. A row with fewer or more cells than the header (a merged 'Nr.
    Handling' header cell) is aligned from the right."""
    lex = lex or load_lexicon()
    raw = lex.raw
    rows: list[TableRow] = []
    paras = sorted(tuple(p) for p in paragraphs)
    i = 0
    while i < len(paras):
        a, b = paras[i]
        i += 1
        if "\t" not in text[a:b]:
            continue
        head = [text[x:y] for x, y in _cells(text, a, b)]
        owner_col = next((k for k, c in enumerate(head) if _header_col(c, raw["table_owner_headers"])), None)
        task_col = next((k for k, c in enumerate(head) if k != owner_col and _header_col(c, raw["table_task_headers"])), None)
        if owner_col is None or task_col is None:
            continue
        due_col = next((k for k, c in enumerate(head) if k not in (owner_col, task_col)
                        and _header_col(c, raw["table_due_headers"])), None)
        n = len(head)
        while i < len(paras) and "\t" in text[paras[i][0]:paras[i][1]]:
            ra, rb = paras[i]
            cells = _cells(text, ra, rb)
            i += 1
            shift = len(cells) - n  # right-aligned when the counts differ

            def cell(k: int | None) -> tuple[int, int] | None:
                if k is None or not 0 <= k + shift < len(cells):
                    return None
                x, y = cells[k + shift]
                return (x, y) if text[x:y].strip() else None
            task = cell(task_col)
            if task is None or not re.search(r"[^\W\d_]", text[task[0]:task[1]]):
                continue
            rows.append(TableRow(ra, rb, task, cell(owner_col), cell(due_col)))
    return rows


def table_rows(ctx: _Ctx) -> None:
    """One action per row of an action table; owner = the Ansvarlig cell (each name resolved
    against the roster), due = the date in the Frist cell."""
    text = ctx.text
    for row in task_tables(text, [(p.start, p.end) for p in ctx.paras], ctx.lex):
        if row.owner is None:
            continue
        who = text[row.owner[0]:row.owner[1]]
        names = [w for w in re.split(r"\s*(?:,|/|&|\bog\b)\s*", who) if w.strip()]
        owner = ", ".join(resolve_owner(w, ctx.roster, ctx.person_mentions or ctx.mentions)[0] for w in names)
        task = _strip_task(text[row.task[0]:row.task[1]])
        ctx.add(owner, task, row.start, row.end, row.due or (row.start, row.end))


def owner_header_lists(ctx: _Ctx) -> None:
    """'Peter S. skal:' followed by bullets → one action per bullet."""
    paras, i = ctx.paras, 0
    while i < len(paras):
        p = paras[i]
        m = OWNER_HEADER.match(p.text)
        if m and p.in_item and not p.in_heading and i + 1 < len(paras) and BULLET.match(paras[i + 1].text):
            who = m.group("who").strip()
            owner, known = resolve_owner(who, ctx.roster, ctx.mentions, ctx.canonical_of)
            if (known or m.group("verb") or p.task_section) and NAME_NP.match(who) \
                    and who.lower() not in ctx.lex.non_owners and who.lower() not in ctx.lex.task_sections:
                j = i + 1
                while j < len(paras) and BULLET.match(paras[j].text) and not paras[j].in_heading:
                    ctx.add(owner, _strip_task(paras[j].text), paras[j].start, paras[j].end)
                    j += 1
                i = j
                continue
        i += 1


def labelled_lines(ctx: _Ctx) -> None:
    """'… Ansvarlig: X, Frist: 1. juni' lines, and '• Peter: …' bullets in a task section."""
    lex, paras = ctx.lex, ctx.paras
    who_rx = re.compile(r"\s*(?P<who>[^,;()\n]+?)\s*(?=[,;)]|\b(?:" + alternation(lex.raw["due_labels"]) + r")\b|$)", re.I)
    for k, p in enumerate(paras):
        if not p.in_item or p.in_heading or ctx.is_covered(p.start, p.start + 1):
            continue
        t = p.text
        lm = lex.owner_label.search(t)
        wm = who_rx.match(t[lm.end():]) if lm else None
        if lm and wm and wm.group("who").strip():
            owner, _ = resolve_owner(wm.group("who"), ctx.roster, ctx.mentions, ctx.canonical_of)
            task, a = _strip_task(t[:lm.start()].rstrip(" (,;")), p.start
            if not task and k > 0 and paras[k - 1].in_item and not paras[k - 1].in_heading:
                task, a = _strip_task(paras[k - 1].text), paras[k - 1].start  # the task is on the line above
            dm = lex.due_label.search(t, lm.end())
            if task and not lex.owner_label.match(task):
                ctx.add(owner, task, a, p.end, (p.start + dm.start() if dm else a, p.end))
                continue
        om = OWNER_PREFIX.match(t) if p.task_section and BULLET.match(t) else None
        if om:
            owner, ok = resolve_owner(om.group("who"), ctx.roster, ctx.mentions, ctx.canonical_of)
            if ok or NAME_NP.match(om.group("who").strip()):
                ctx.add(owner, om.group("task"), p.start, p.end)


def marked_sentences(ctx: _Ctx, sents: list[tuple[int, int]]) -> None:
    """'… (Peter)' / '… (PH)' / '(Ansvarlig: Peter)' closing a sentence or bullet."""
    text, paras = ctx.text, ctx.paras
    pstarts = [p.start for p in paras]
    done = Intervals(ctx.covered)  # the list rules' rows; sentences never overlap each other
    for s0, s1 in sents:
        k = bisect.bisect_right(pstarts, s0) - 1
        p = paras[k] if k >= 0 else None
        if p is None or not p.in_item or p.in_heading or done.overlaps(s0, s1):
            continue
        pm = OWNER_MARK.search(text, s0, s1)
        if not pm or PROPOSAL_LEAD.match(text, s0, pm.start()) or QUESTION_LEAD.match(text, s0, pm.start()):
            continue  # ("a. Forslag om nye trøjer (Kim)", "a) Hvordan går det med skabene (Kim)": no task given)
        whos = [w for w in re.split(r"\s*(?:,|/|&|\bog\b)\s*", pm.group("who")) if w]
        # persons only: "(KL)", "(DR)" closing a sentence usually define an organisation's abbreviation
        resolved = [resolve_owner(w, ctx.roster, ctx.person_mentions, ctx.person_canonical_of) for w in whos]
        if not (resolved and (all(ok for _, ok in resolved) or pm.group("label")
                              or (p.task_section and all(NAME_NP.match(w) for w in whos)))):
            continue
        a = p.start if BULLET.match(p.text) and p.end <= s1 + 1 else s0
        owner = ", ".join(o for o, _ in resolved)
        task = clean_task(text[a:pm.start()], owner, whos)
        if len(WORD.findall(task)) >= 2:
            ctx.add(owner, task, a, s1)


def prose_sentences(ctx: _Ctx, sents: list[tuple[int, int]]) -> None:
    """Owner + obligation verb in running prose (several clauses of a sentence may each count)."""
    doc, text = ctx.doc, ctx.text
    statements = StatementIndex(doc._.statements or [])
    decided = Intervals([(d.char_start, d.char_end) for d in doc._.decisions or []])
    items = doc._.item_spans or []
    body_start = min((it[1] for it in items), default=0)
    mstarts = [m[0] for m in ctx.mentions]
    pstarts = [m[0] for m in ctx.person_mentions]  # (sorted by the component)
    dstarts = [d.char_start for d in ctx.dates]
    done = Intervals(ctx.covered)
    headings = Intervals([(it[1], it[3]) for it in items])
    keys = base.doc_keys(doc)
    for s0, s1 in sents:
        if s0 < body_start or headings.contains(s0) or done.overlaps(s0, s1):
            continue  # front matter and headings hold no tasks
        sent = text[s0:s1]
        stmt = statements.at(s0, s1)
        speaker = stmt.speaker if stmt is not None else None
        in_dec = decided.overlaps(s0, s1)
        local = ctx.mentions[bisect.bisect_left(mstarts, s0):bisect.bisect_left(mstarts, s1)]
        people = ctx.person_mentions[bisect.bisect_left(pstarts, s0):bisect.bisect_left(pstarts, s1)] if local else []
        ok = keys.possible(ctx.lex.prefilter, s0, s1)
        for f in find_in_sentence(sent, s0, ctx.lex, local, ctx.annotated, speaker, in_dec, people, ok):
            a, b = s0 + f.owner_start, s0 + f.task_end
            due_range = (a, b)  # the date inside the task clause …
            if _due(ctx.dates, dstarts, a, b) is None:
                whole = _due(ctx.dates, dstarts, s0, s1)
                if whole is not None and whole.deadline:
                    due_range = (s0, s1)  # … or a deadline framing the whole sentence ("senest 1. maj")
            ctx.add(f.owner, f.task or sent[f.task_start:f.task_end], a, b, due_range, cover=False)


class ActionsComponent:
    """Writes doc._.actions: list shapes first, then prose sentences outside them."""

    def __init__(self, lexicon: str | None = None):
        self.lex = load_lexicon(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        mentions, annotated = _mentions(doc)
        persons = sorted((sp.start_char, sp.end_char, sp._.canonical or sp.text)
                         for sp in doc.spans["persons"]) if "persons" in doc.spans else []
        text = base.doc_text(doc)  # Doc.text is rebuilt from the tokens on every access
        ctx = _Ctx(doc, text, self.lex, _paragraphs(doc, text, self.lex), mentions, annotated, persons,
                   due_candidates(text, doc._.dates or [], self.lex), [], [])
        sents = sentence_ranges(doc)
        table_rows(ctx)
        owner_header_lists(ctx)
        labelled_lines(ctx)
        marked_sentences(ctx, sents)
        prose_sentences(ctx, sents)
        doc._.actions = sorted(ctx.actions, key=lambda r: (r.char_start, r.char_end))
        doc._.decisions = sorted([*(doc._.decisions or []), *assignments(doc, text, sents, doc._.actions)],
                                 key=lambda d: (d.char_start, d.char_end))
        return doc


#: "Vi har fået en mail (Daniel)", "Hvordan går det med skabene (Ida)": a report or a question
#: marked with a name is no task given
_NOT_ASSIGNED = re.compile(r"\b(?:har|havde)\s+(?:\w+\s+){0,2}?\w+(?:et|t|s)\b|^\W*(?:hvordan|hvad|hvem|hvornår|hvor|hvorfor)\b",
                           re.I)


def assignments(doc: Doc, text: str, sents: list[tuple[int, int]], actions: list[Action]) -> list[Decision]:
    """The tasks the meeting gave someone ("Christian tager kontakt til installatør", "Ole sørger for
    indkøbet", "Vi skal købe et nyt spil (Johannes)") are what it decided, in informal minutes
    the only record of it: each becomes a decision of kind "assignment" (its whole sentence),
    unless the sentence already holds a decision, reports someone's speech (a proposal is no
    decision), asks, or narrates."""
    taken = StaticRanges([(d.char_start, d.char_end) for d in doc._.decisions or []])
    # a sentence start inside a reported speech act: [x, y) contains a <=> [x, y) overlaps [a, a + 1)
    spoken = StaticRanges([(st.char_start, st.char_end) for st in doc._.statements or [] if st.act])
    starts = [a for a, _ in sents]
    out: list[Decision] = []
    seen: set[tuple[int, int]] = set()
    for act in actions:
        k = bisect.bisect_right(starts, act.char_start) - 1
        a, b = sents[k] if k >= 0 else (act.char_start, act.char_end)
        b = max(b, act.char_end)
        sentence = text[a:b].strip()
        if (a, b) in seen or not sentence or sentence.rstrip().endswith("?") or _NOT_ASSIGNED.search(sentence):
            continue
        if taken.any_overlap(a, b) or spoken.any_overlap(a, a + 1):
            continue
        seen.add((a, b))
        lead = len(text[a:b]) - len(text[a:b].lstrip())
        out.append(Decision(kind="assignment", text=sentence, char_start=a + lead, char_end=a + lead + len(sentence),
                            decided_on=doc._.meeting_date))
    return out


@Language.factory("referat_actions", default_config={"lexicon": None})
def make_actions(nlp: Language, name: str, lexicon: str | None) -> ActionsComponent:
    return ActionsComponent(lexicon)
