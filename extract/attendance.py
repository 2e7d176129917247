"""Attendance: who attended, in which role, from the labelled lists in the front matter.

Why line-level parsing: labels ("Deltagere fra bestyrelsen", "Tilstede:", "Afbud") may
stand on their own line, start a line ("Afbud: A, B"), or head a table column, and the
PDF layer can glue a label and the names under it into one block. So the front matter is
read as visual lines (`text_lines`), cut into sections at labels, and each section into
entries: a *name* (2–5 capitalised tokens) followed by attributes (organisation, job title,
party letter, a role word, "deltog under punkt 1-7").

Documented decisions:
- Party vs organisation acronym in "Name (X)": a single capital letter from the party
  list is a party; a 2–3 letter acronym is a party only when every acronym attached to a
  name in that section is a known party letter and the section has two or more of them
  or the front matter is political (byråd, udvalg, …). Otherwise it is an organisation
  ("(KL)" on a national board is KL).
- Roles: the section label gives the default (member / participant / guest / absent /
  secretary / chair); markers on the entry override it ("(formand)" → chair,
  "(referent)" → secretary, "(afbud)" → absent); an entry that "deltog under punkt N"
  is a guest with those items. A person listed twice is one row; the more specific role
  wins: absent > secretary > chair > guest > member > participant.
- A "deltog under punkt …" clause applies to the entry it follows and to the entries
  joined to it on the same line ("A, … samt B, …, deltog under punkt 1-7"); in parentheses
  it is that entry's alone. A leading "Under pkt. 4 deltog …" covers the names after it in
  its sentence. "deltog under punkt N" makes a guest with those items in any list, also
  "Afbud" (it says the person attended), unless the entry itself says "(afbud)".
- A label alone on its line with a lower-case qualifier ("Øvrige deltagere under enkelte
  punkter") opens a new section like any label; a qualifier about items makes it guests.
- Job titles before the name ("Regional udviklingsdirektør A", "statsautoriseret revisor B")
  go to job_title; after "title Name," a capitalised phrase with no known first name or
  surname (models/names gazetteer) is the organisation, not another person.
- A plural role noun in parentheses after a coordinated list ("A, B og C
  (forældrerepræsentanter)") labels every name of the list without attributes of its own;
  the job title is singularised ("forældrerepræsentant"). A singular one labels the last name.
- Organisation defaults: persons with neither organisation nor party belong to the home
  institution (kommune, region, universitet, skole, fond … named in the front matter, not an
  association, whose lay members represent no one). "udpeget af X" → organisation X. In a
  staff section ("Fra administrationen") a unit name without organisation form ("Trafik og
  Plan") is a unit of the home institution: organisation = home, unit → job_title.
- The leader of the home institution's administration (skoleleder, direktør, -chef, rektor)
  in a generic list ("Mødt", "Til stede") is a participant, not a member, when such leaders
  are a minority of the list and the label does not say "medlemmer".
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extract.doctext import DocText
from extract.frontmatter import TextLine, front_texts, home_organisation, layout_lexicon, text_lines
from extract.schema import Attendee

_ROLE_RANK = {"absent": 6, "secretary": 5, "chair": 4, "guest": 3, "member": 2, "participant": 1}


@lru_cache(maxsize=1)
def _lex() -> dict:
    return layout_lexicon("attendance")


@lru_cache(maxsize=1)
def _label_table() -> list[tuple[str, str]]:
    """(label, role) sorted longest first so 'øvrige deltagere' wins over 'deltagere'."""
    pairs = [(lab, role) for role, labs in _lex()["labels"].items() for lab in labs]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


_COLON_REQUIRED = {"referat", "formand", "deltog", "øvrige", "bestyrelsen", "udvalget", "mødt"}


def _match_label(text: str, loose: bool = True) -> tuple[str, int] | None:
    """(role, length of the label incl. its colon) when `text` starts with an attendance label.

    `loose`: also a longer phrase ending in a colon that contains a label ("Fraværende
    medlemmer:"); not used for labels found in the middle of a line."""
    low = text.lower()
    for lab, role in _label_table():
        if not low.startswith(lab):
            continue
        rest = text[len(lab):]
        m = re.match(r"\s*(?:[:\t]|\s{2,}|$)", rest)
        if m and (m.group().strip() or rest.strip() == "" or "\t" in m.group() or len(m.group()) >= 2):
            if lab in _COLON_REQUIRED and ":" not in m.group() and "\t" not in m.group():
                if rest.strip():
                    continue
                if lab == "referat":
                    continue
            return role, len(lab) + m.end()
        if lab in _lex()["labels_without_colon"] and re.match(r"\s+[A-ZÆØÅ]", rest):
            return role, len(lab) + len(rest) - len(rest.lstrip())
    # "Formand/referent: Bo Dam": two posts, the last one names the role at this meeting
    m = re.match(r"([a-zæøå]+)\s*/\s*([a-zæøå]+)\s*:", low)
    if m:
        roles = dict(_label_table())
        role = roles.get(m.group(2)) or roles.get(m.group(1))
        if role:
            return role, m.end()
    # "Deltagere fra <X>": members unless X is a known staff/administration unit
    m = re.match(r"(?:deltagere|deltog|til stede|tilstede)\s+fra\s+([^:\t]{2,60}?)\s*(?::|\t|$)", text, re.I)
    if m:
        sub = "fra " + m.group(1).lower()
        role = next((r for lab, r in _label_table() if lab == sub), "member")
        return role, m.end()
    # a longer label that contains one: "Bestyrelsesmedlemmer til stede:", "Fraværende medlemmer:"
    m = re.match(r"([^:\t()]{3,60}?)\s*(?:\([^)]*\))?\s*(?::|\t)", text) if loose else None
    if m and len(m.group(1).split()) <= 6 and not re.search(r"\d|møde", m.group(1), re.I) \
            and not _is_stop_label(m.group(1)):
        key = " " + re.sub(r"\s+", " ", m.group(1).lower()) + " "
        found = [(lab, role) for lab, role in _label_table() if f" {lab} " in key and lab not in _GENERIC_LABELS]
        if found:
            roles = {r for _, r in found}
            return ("absent" if "absent" in roles else found[0][1]), m.end()
    # "Fra afdelingsbestyrelsen: A, B" / "Fra bestyrelsen:": a group label; the group's
    # members, or staff when it names the administration ("Fra forvaltningen:")
    m = re.match(r"fra\s+((?:[a-zæøå-]+\s+){0,2}[a-zæøå-]+(?:en|et|erne|ene))\s*:", text, re.I)
    if m and not _is_stop_label(m.group(1)):
        rest = text[m.end():].strip()
        if not rest or _parse_name(rest, True):
            sub = "fra " + m.group(1).lower()
            role = next((r for lab, r in _label_table() if lab == sub), None)
            if role is None:
                role = "participant" if any(w in sub for w in _lex()["staff_label_words"]) \
                    and not any(w in sub for w in _lex()["membership_label_words"]) else "member"
            return role, m.end() + (len(text[m.end():]) - len(text[m.end():].lstrip()))
    return None


# one-word labels too generic to be recognised inside a longer phrase
_GENERIC_LABELS = {"bestyrelsen", "udvalget", "direktionen", "administrationen", "sekretariatet", "forvaltningen",
                   "øvrige", "deltog", "formand", "referat", "mødt", "deltager", "medlemmer", "ref."}


def _qualified_label(text: str) -> tuple[str, int] | None:
    """A label with a lower-case qualifier alone on its line, no colon: 'Øvrige deltagere under
    enkelte punkter', 'Gæster ved punkt 4', 'Afbud fra bestyrelsen'. It opens a new section
    like any label (so persons after it do not inherit the role of the section before).
    A qualifier about agenda items ("under enkelte punkter") makes the section guests."""
    t = text.strip()
    if t.endswith(".") or not 2 <= len(t.split()) <= 8:
        return None
    low = t.lower()
    for lab, role in _label_table():
        if role in ("secretary", "chair") or lab in _COLON_REQUIRED or lab in _GENERIC_LABELS:
            continue
        if low.startswith(lab + " "):
            rest = t[len(lab):].strip().rstrip(":")
            if rest and not re.search(r"[A-ZÆØÅ]", rest) and re.fullmatch(r"[\wæøå.,/()\s–-]+", rest):
                if re.search(r"\b(?:dagsordens)?(?:punkt\w*|pkt)\b", rest, re.I):
                    role = "guest"
                return role, len(t)
    return None


def _is_stop_label(text: str) -> bool:
    t = text.strip().lower()
    for lab in _lex()["stop_labels"]:
        if t == lab or t.rstrip(":") == lab or re.match(rf"{re.escape(lab)}\s*[:\t]", t):
            return True
    return False


# --------------------------------------------------------------------------- names

_NAME_TOKEN = re.compile(r"^[A-ZÆØÅÄÖÜÉÈÁÓÚ][A-Za-zÆØÅæøåÄÖÜäöüÉéÈèÁáÓóÚúÍíÇçÑñ'’]*(?:-[A-ZÆØÅa-zæøå][A-Za-zÆØÅæøåäöüéè'’]*)*$")
_INITIAL = re.compile(r"^[A-ZÆØÅ]\.(?:-?[A-ZÆØÅ]\.)*$")


@lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    return frozenset(_lex()["org_words"])


def _is_org_token(tok: str) -> bool:
    low = tok.lower().strip(".,")
    if low in _org_words():
        return True
    if re.fullmatch(r"[A-ZÆØÅ]{2,}", tok.strip(".,")):  # an acronym (KL, PLO); not an initial "S."
        return True
    return any(low.endswith(s) and len(low) > len(s) + 2 for s in _lex()["org_suffixes"])


# a Danish degree written out in dotted abbreviations: "stud.mag.", "cand.scient.", "dr.phil.", "mag.art."
_DEGREE = re.compile(r"(?:stud|cand|mag|lic|dr)\.(?:[a-zæøå]+\.?)+")


def _is_job_word(tok: str) -> bool:
    low = tok.lower().strip(".,")
    if low in _lex()["function_words"]:
        return True
    return any(low.endswith(s) and len(low) >= len(s) + 3 for s in _lex()["job_suffixes"])


@dataclass
class _Name:
    name: str
    start: int  # offsets into the segment text
    end: int
    job: str | None
    rest_start: int  # where the attributes after the name begin


def _parse_name(seg: str, single_ok: bool = False) -> _Name | None:
    """The person name a segment starts with, an optional job word before it, and where
    the rest begins. None when the segment does not start with a plausible name.
    `single_ok` (inside a labelled attendance section only): a lone first name from the
    name gazetteer is a name too ("Til stede: Hanne (fmd.), Jørgen og Birgit")."""
    particles = set(_lex()["name_particles"])
    honor = set(_lex()["honorifics"])
    toks = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[^\s()\[\],;:]+", seg)]
    if not toks:
        return None
    i = _title_prefix(toks)
    job_parts: list[str] = [t[0] for t in toks[:i]]
    # leading honorifics / job words: "Borgmester Anna Holm", "Prof. Bo Berg"
    # (a lone first name may follow in a labelled section: "elevrådsrepræsentant Emil")
    stop = len(toks) - (1 if single_ok and len(toks) >= 2 and _names().is_first(toks[-1][0].rstrip(".")) else 2)
    while i < stop and (toks[i][0].lower() in honor or _DEGREE.fullmatch(toks[i][0].lower())
                        or _is_job_word(toks[i][0])):
        job_parts.append(toks[i][0])
        i += 1
    first = i
    name_toks: list[tuple[str, int, int]] = []
    while i < len(toks):
        t, s, e = toks[i]
        if seg[toks[first][1]:s].count("(") or (name_toks and "(" in seg[name_toks[-1][2]:s]):
            break
        if t.endswith(".") and len(t) > 2 and _NAME_TOKEN.match(t[:-1]) and not _INITIAL.match(t):
            t, e = t[:-1], e - 1  # sentence-final period after the last name
            toks[i] = (t, s, e)
        if _NAME_TOKEN.match(t) or _INITIAL.match(t):
            if _is_org_token(t) or re.search(r"\d", t):
                return None if len(name_toks) < 2 else _finish(seg, name_toks, job_parts, single_ok)
            name_toks.append(toks[i])
        elif t.lower() in particles and name_toks and _particle_run_ends_in_name(toks, i, particles):
            name_toks.append(toks[i])
        else:
            break
        i += 1
        if len(name_toks) > 5:
            return None
    return _finish(seg, name_toks, job_parts, single_ok)


def _title_prefix(toks: list[tuple[str, int, int]]) -> int:
    """How many leading tokens form a job title with modifiers before the name: 'Regional
    udviklingsdirektør Anna Holm', 'statsautoriseret revisor Bo Berg', 'fungerende
    kontorchef Eva Lund' → 2. The modifiers (up to two) are words that are not first names
    or organisation words; the title word is a job word; a name must follow."""
    for j in (1, 2):
        if j + 2 > len(toks) or not _is_job_word(toks[j][0]):
            continue
        mods = [t[0] for t in toks[:j]]
        if all(re.fullmatch(r"[A-Za-zÆØÅæøåÄÖÜäöüÉé.-]{2,}", m) and not _is_org_token(m) and not _is_job_word(m)
               and not _names().is_first(m.rstrip(".")) for m in mods) \
                and _NAME_TOKEN.match(toks[j + 1][0]) and not _is_org_token(toks[j + 1][0]):
            return j + 1
    return 0


@lru_cache(maxsize=1)
def _names():
    """The Danish first-name/surname gazetteer (models/names), imported lazily: it tells a
    person ('Bo Berg') from a capitalised organisation name ('Midtvest Trafik')."""
    from extract.nlp.gazetteer import load_names

    return load_names()


def _particle_run_ends_in_name(toks: list[tuple[str, int, int]], i: int, particles: set[str]) -> bool:
    """'van der Sprong': lower-case particles count when a capitalised surname follows."""
    while i < len(toks) and toks[i][0].lower() in particles:
        i += 1
    return i < len(toks) and bool(_NAME_TOKEN.match(toks[i][0]))


def _finish(seg: str, toks: list[tuple[str, int, int]], job_parts: list[str], single_ok: bool = False) -> _Name | None:
    while toks and toks[-1][0].lower() in _lex()["name_particles"]:
        toks = toks[:-1]
    if single_ok and len(toks) == 1 and _names().is_first(toks[0][0]) and not _is_org_token(toks[0][0]) \
            and not re.match(r"\s*(?:&|\+|A/S|ApS|I/S)", seg[toks[0][2]:]):
        return _Name(toks[0][0], toks[0][1], toks[0][2], " ".join(job_parts) or None, toks[0][2])
    if not 2 <= len(toks) <= 5:
        return None
    if re.match(r"\s*(?:&|\+|A/S|ApS|I/S)", seg[toks[-1][2]:]):  # "Nord & Co.", "Holm ApS": a firm
        return None
    if all(_INITIAL.match(t[0]) for t in toks):  # "A. B." alone is not a name; "Peter S." is
        return None
    name = " ".join(t[0] for t in toks)
    return _Name(name, toks[0][1], toks[-1][2], " ".join(job_parts) or None, toks[-1][2])


# --------------------------------------------------------------------------- attributes

_ITEMS_CLAUSE = re.compile(
    r"(?P<neg>\bikke\s+)?(?:\bdeltog\s+(?:kun\s+|alene\s+)?)?(?:\b(?:under|i|ved|på|til|ad|for)\s+)?"
    r"(?:behandlingen\s+af\s+)?\b(?:dagsordens)?(?:punkt(?:erne)?|pkt\.?)\s*"
    r"(?P<list>\d{1,3}(?:\.\d{1,2})?(?:\s*(?:-|–|til|og|,|&)\s*\d{1,3}(?:\.\d{1,2})?)*)",
    re.I,
)
_TIME = re.compile(r"^(?:fra|til|indtil|efter|før|ankom|gik|forlod)?\s*(?:mødet\s+)?(?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?", re.I)


def expand_items(spec: str) -> list[str]:
    """'1- 7' → ['1', …, '7']; '3 og 4' → ['3', '4']; '8.1-8.3' → ['8.1', '8.2', '8.3']."""
    out: list[str] = []
    parts = re.split(r"\s*(?:og|,|&)\s*", spec.strip())
    for p in parts:
        m = re.fullmatch(r"(\d{1,3})(?:\.(\d{1,2}))?\s*(?:-|–|til)\s*(\d{1,3})(?:\.(\d{1,2}))?", p.strip())
        if m:
            a, asub, b, bsub = m.groups()
            if asub and bsub and a == b:
                out += [f"{a}.{k}" for k in range(int(asub), int(bsub) + 1)]
            elif not asub and not bsub and int(a) <= int(b) <= int(a) + 60:
                out += [str(k) for k in range(int(a), int(b) + 1)]
            else:
                out += [f"{a}.{asub}" if asub else a, f"{b}.{bsub}" if bsub else b]
        elif re.fullmatch(r"\d{1,3}(?:\.\d{1,2})?", p.strip()):
            out.append(p.strip())
    seen: list[str] = []
    for x in out:
        if x not in seen:
            seen.append(x)
    return seen


@dataclass
class _Entry:
    name: str
    start: int  # doc offsets of the name
    end: int
    role: str
    organisation: str | None = None
    job_title: str | None = None
    party: str | None = None
    acronym: str | None = None  # short all-caps marker; party or organisation, decided per section
    role_marker: str | None = None
    items: list[str] = field(default_factory=list)
    line_break_before: bool = False  # the list separator before this entry was a line break
    n_attrs: int = 0
    attended_items: bool = False  # "deltog under punkt N": present for those items, whatever the section
    items_in_parens: bool = False  # "(under pkt. 3)" or "Under pkt. 3 deltog X": not spread to earlier names
    group_label: str | None = None  # singular of a plural label in parentheses ("(suppleanter)")
    group_spread: bool = False
    section: "_Section | None" = None


def _word_in(text: str, words: list[str]) -> str | None:
    low = text.lower().strip(" .,:;-–")
    for w in sorted(words, key=len, reverse=True):
        if low == w:
            return w
    return None


def _role_word(text: str) -> bool:
    lex = _lex()
    return any(_word_in(text, lex[k]) for k in ("chair_words", "secretary_words", "absent_words", "guest_words",
                                                 "participant_words"))


def _apply_attr(e: _Entry, text: str, in_parens: bool) -> None:
    """Interpret one attribute (a parenthesis part or a comma segment) for entry `e`."""
    lex = _lex()
    t = re.sub(r"\s+", " ", text).strip(" ,;:-–").strip()
    if not re.search(r"\w", t):
        return
    e.n_attrs += 1
    if in_parens and " " not in t:
        single = _singular_group_word(t)
        if single:  # "(medarbejderrepræsentanter)" after "A og B": each is one
            e.group_label = single
            t = single
    m = _ITEMS_CLAUSE.search(t)
    if m and (re.search(r"\bdeltog\b|\bunder\b|\bpunkt", t, re.I)):
        # "forlod mødet under behandlingen af punkt 7", "gik efter punkt 3": a member who left,
        # not a guest present for that item
        if not m.group("neg") and not re.search(r"\bikke\b|\b(?:forlod|gik|ankom|kom)\b", t[: m.start() + 1], re.I):
            items = expand_items(m.group("list"))
            if items:
                e.items = items
                e.role_marker = e.role_marker or "guest"
                e.attended_items = e.attended_items or bool(re.search(r"\bdelt(?:og|ager)\b", t, re.I))
                e.items_in_parens = in_parens
        rest = (t[: m.start()] + " " + t[m.end():]).strip(" ,;")
        if rest and not re.fullmatch(r"(?:deltog|og|samt)?", rest, re.I):
            _apply_attr(e, rest, in_parens)
        return
    if re.match(r"^deltog\b", t, re.I) or _TIME.match(t) and re.search(r"\d", t):
        return
    if _word_in(t, lex["chair_words"]):
        e.role_marker = _stronger(e.role_marker, "chair")
        if t.lower() in lex["function_words"]:
            e.job_title = e.job_title or t
        return
    if _word_in(t, lex["secretary_words"]) or (not in_parens and t.lower() in ("sekretariat", "sekretariatet")):
        # "Eva Holm (KL), sekretariat": the person serving as the meeting's secretariat
        e.role_marker = _stronger(e.role_marker, "secretary")
        return
    if _word_in(t, lex["absent_words"]):
        e.role_marker = "absent"
        return
    if _word_in(t, lex["guest_words"]):
        e.role_marker = _stronger(e.role_marker, "guest")
        return
    if _word_in(t, lex["participant_words"]):
        e.role_marker = _stronger(e.role_marker, "participant")
        return
    if t.lower() in lex["staff_group_words"]:  # "(VIP)", "(forælder)": the group represented, no organisation
        e.job_title = e.job_title or t
        return
    if re.fullmatch(r"[A-ZÆØÅ]{1,3}", t):
        if e.acronym is None and e.organisation is None and e.party is None:
            e.acronym = t
        else:
            e.organisation = e.organisation or t
        return
    if t.lower() in lex["function_words"] or (len(t.split()) == 1 and _is_job_word(t) and not _is_org_token(t)):
        e.job_title = e.job_title or t
        if _chair_title(t):  # "Bestyrelsesformand Anna Holm": the chair of the board
            e.role_marker = _stronger(e.role_marker, "chair")
        return
    # "udpeget af Y Kommune", "indstillet af KL": the appointing body is the organisation
    am = re.match(r"(?:udpeget|indstillet|udnævnt|nomineret|repræsenterer)"
                  r"(?:\s+(?:af|fra|for))?\s+(?=[A-ZÆØÅ])", t, re.I)
    if am:
        e.organisation = e.organisation or _clean_org(t[am.end():])
        return
    # "direktør i PLO", "programleder for X i Y": job title, then organisation after the last i/hos/ved/fra
    if _job_like(t):
        cut = None
        for mm in re.finditer(r"\s(?:i|hos|ved|fra|på)\s+(?=[A-ZÆØÅ0-9])", t):
            cut = mm
        if cut:
            job, org = t[: cut.start()].strip(), t[cut.end():].strip()
            first = job.split()[0].lower() if job else ""
            if first in lex["chair_words"]:
                e.role_marker = _stronger(e.role_marker, "chair")
            e.job_title = e.job_title or job
            e.organisation = e.organisation or _clean_org(org)
        else:
            first = t.split()[0].lower()
            if first in ("formand", "forperson", "forkvinde") and re.match(r"\w+\s+(?:for|af)\b", t):
                e.role_marker = _stronger(e.role_marker, "chair")
            elif first in lex["secretary_words"] and re.match(r"\w+\s+(?:for|i)\s+\w*(?:bestyrelse|udvalg|råd|gruppe|mødet)", t):
                e.role_marker = _stronger(e.role_marker, "secretary")  # "sekretær for bestyrelsen"
            if len(t.split()) <= 8:  # longer lower-case text is a sentence, not a job title
                e.job_title = e.job_title or t
        return
    if t.lower().strip(" .:") in lex["section_words_not_org"]:
        return  # a section label ("Bemærkninger") glued to the list is no organisation
    e.organisation = e.organisation or _clean_org(t)


def _chair_title(t: str) -> bool:
    """'formand', 'Bestyrelsesformand', 'udvalgsformand': one word naming the chair — a chair
    word alone or a compound ending in one ('næstformand' is the deputy, not the chair)."""
    low = t.strip(" .,:;").lower()
    if " " in low or low.startswith("næst"):
        return False
    return any(low == w or (low.endswith(w) and len(low) >= len(w) + 3)
               for w in ("formand", "forperson", "forkvinde"))


def _job_like(t: str) -> bool:
    """'direktør for X', 'Statsautoriseret revisor', 'Kontorchef': a job title (perhaps with its
    organisation after i/hos/ved), not an organisation name."""
    if t[:1].islower():
        return True
    head = re.split(r"\s(?:i|hos|ved|fra|på|for)\s", t)[0].split()
    if not head or len(head) > 4 or any(_is_org_token(w) for w in head):
        return False
    return any(_is_job_word(w) for w in head)


def _clean_org(org: str) -> str:
    """Organisation as written, without trailing punctuation (an abbreviation keeps its dot: 'Co.')."""
    org = re.sub(r"\s+", " ", org).strip(" ,;:-–")
    if org.endswith(".") and not re.search(r"(?:^|\s)[A-ZÆØÅ][a-zæøå]{0,2}\.$", org):
        org = org.rstrip(".")
    return org


def _clean_job(job: str | None) -> str | None:
    """A job title without the sentence's final period ('udvalgssekretær.'); an abbreviation
    keeps its dot ('adm.', 'ph.d.')."""
    if not job:
        return job
    job = re.sub(r"\s+", " ", job).strip(" ,;:–-")
    m = re.search(r"(?:^|\s)([^\s.]{4,})\.$", job)
    if m:
        job = job[:-1]
    return job or None


def _stronger(a: str | None, b: str) -> str:
    if a is None:
        return b
    return a if _ROLE_RANK.get(a, 0) >= _ROLE_RANK.get(b, 0) else b


# --------------------------------------------------------------------------- sections


@dataclass
class _Section:
    role: str
    label_job: str | None
    pieces: list[tuple[int, int, bool]]  # (doc start, doc end, starts a new visual line)
    label: str = ""  # the label as written, lower-case ("fra administrationen")
    table_cols: list[str] = field(default_factory=list)  # column kinds of a header table ("name", "title", …)
    table_rows: list[dict] = field(default_factory=list)  # per row: column → [(doc start, doc end)] of its lines
    table_est: dict = field(default_factory=dict)  # column → estimated x0 of its cells (from full rows)
    table_x0: float = 0.0  # left edge of the table's rows

    @property
    def staff(self) -> bool:
        """The label names the institution's own administration ('Fra administrationen')."""
        return any(w in self.label for w in _lex()["staff_label_words"])

    @property
    def explicit_members(self) -> bool:
        """The label says the persons are members ('Bestyrelsesmedlemmer', 'Medlemmer')."""
        return any(w in self.label for w in _lex()["membership_label_words"])


_CONNECT_END = re.compile(r"(?:\b(?:i|for|hos|ved|fra|af|til|og|samt|under|med)|[-–(&+])$", re.I)


def _sections(doc: DocText, lines: list[TextLine], front_end: int) -> list[_Section]:
    sections: list[_Section] = []
    cur: _Section | None = None
    columns: list[str] | None = None
    table: _Section | None = None
    one_line, prev_line = False, ""
    for ln in lines:
        s, e = ln.start, min(ln.end, front_end)
        text = doc.text[s:e]
        stripped = text.strip()
        if not stripped:
            continue
        # a header row of column words ("Navn | Titel | Organisation | Deltog") opens a table
        kinds = _table_header(stripped)
        if kinds:
            table = _Section("member", None, [], "tabel", table_cols=kinds, table_x0=ln.x0)
            sections.append(table)
            cur, columns = None, None
            continue
        if table is not None:
            if _table_line(doc, ln, e, table):
                continue
            table = None
        kinds = _headerless_columns(doc, ln, e) if columns is None and (
            cur is None or one_line and cur.role in ("secretary", "chair")) else None
        if kinds:  # a table of persons without a header row: columns read from the first row
            cur = None
            table = _Section("member", None, [], "tabel", table_cols=kinds, table_x0=ln.x0)
            sections.append(table)
            _table_line(doc, ln, e, table)
            continue
        # a header row of labels ("Til stede\tAfbud") switches to column mode
        cells = [c for c in re.split(r"\t+", stripped) if c.strip()]
        if len(cells) >= 2 and all(_match_label(c.strip()) and _match_label(c.strip())[1] >= len(c.strip()) - 1
                                   for c in cells):
            columns = [_match_label(c.strip())[0] for c in cells]
            col_labels = [c.strip(" :").lower() for c in cells]
            cur = None
            continue
        if columns is not None:
            last = sections[-1] if sections else None
            if "\t" not in stripped and last is not None and last.pieces and (
                    stripped[:1].islower() or stripped.startswith(")") or _CONNECT_END.search(prev_line)
                    or prev_line.count("(") > prev_line.count(")")):
                # a cell wrapped onto the next line ("X, skoleleder (sekretær for" + "bestyrelsen)")
                last.pieces.append((s + len(text) - len(text.lstrip()), e, True))
                prev_line = doc.text[last.pieces[0][0]:e]
                continue
            prev_line = stripped
            if "\t" not in stripped and _parse_name(stripped) and not _match_label(stripped):
                sections.append(_Section(columns[0], None, [(s + len(text) - len(text.lstrip()), e, True)],
                                         col_labels[0]))
                continue
            if "\t" in stripped and len(cells) <= len(columns):
                pos = s
                for k, cell in enumerate(re.split(r"(\t+)", text)):
                    if cell and not cell.startswith("\t"):
                        ci = sum(1 for c in re.split(r"\t+", text[: pos - s]) if c.strip()) if pos > s else 0
                        role = columns[min(ci, len(columns) - 1)]
                        if cell.strip():
                            sections.append(_Section(role, None, [(pos, pos + len(cell), True)],
                                                     col_labels[min(ci, len(columns) - 1)]))
                    pos += len(cell)
                continue
            columns = None
        lab = _match_label(stripped) or _qualified_label(stripped)
        lead = len(text) - len(text.lstrip())
        if lab:
            role, n = lab
            label_word = stripped[:n].strip(" :\t").lower()
            job = label_word if label_word in _lex()["function_words"] and role in ("chair",) else None
            cur = _Section(role, job, [], label_word)
            sections.append(cur)
            rest_s = s + lead + n
            one_line = role in ("secretary", "chair") and bool(doc.text[rest_s:e].strip())
            if doc.text[rest_s:e].strip():
                _add_with_inline_labels(doc, rest_s, e, cur, sections, True)
                cur = sections[-1]
            prev_line = stripped
            continue
        if _is_stop_label(stripped.split("\t")[0]) or re.fullmatch(r"[A-ZÆØÅ][\w æøå/.-]{1,40}:", stripped) or \
                re.match(r"^\S+( \S+)?\s*:\s", stripped) and stripped.split(":")[0].lower() in _lex()["stop_labels"]:
            cur = None  # another field ('Bemærkninger:', 'Dato: …') ends the list
            continue
        fm = re.match(r"([A-ZÆØÅ][a-zæøå]+(?: [a-zæøå]+)?)\s*:(?:\s|$)", stripped)
        if cur is not None and fm and not _names().is_first(fm.group(1).split()[0]):
            cur = None  # any other "Field: value" line ("Noter: …") ends the list too
            continue
        if cur is not None and _prose(stripped):
            cur = None  # running text after the list ("Formanden bød velkommen.")
            continue
        if cur is not None and one_line and cur.role in ("secretary", "chair") \
                and not (_CONNECT_END.search(prev_line) or prev_line.endswith(",") or stripped[:1].islower()):
            cur = None  # "Referent: X" names the persons on its line only, not a table or list after it
            continue
        if cur is not None:
            _add_with_inline_labels(doc, s + lead, e, cur, sections, True)
            cur = sections[-1]
            prev_line = stripped
    return sections


def _prose(text: str) -> bool:
    """A sentence rather than a list line: mostly lower-case words, ends with a period,
    and no 'deltog under punkt' clause (guest lines are sentences too)."""
    words = text.split()
    if len(words) < 5 or not text.rstrip().endswith(".") or re.search(r"\bdeltog\b|\bpunkt", text, re.I):
        return False
    return sum(1 for w in words if w[:1].islower()) >= 0.6 * len(words)


def _add_with_inline_labels(doc: DocText, s: int, e: int, cur: _Section, sections: list[_Section], newline: bool) -> None:
    """Add text[s:e] to the section, opening new sections at inline labels ('… Afbud: X')."""
    text = doc.text[s:e]
    for colon in re.finditer(r":", text):
        words = list(re.finditer(r"[^\s,;.]+", text[: colon.start()]))[-4:]
        for w in words:  # the longest label phrase ending at this colon wins
            phrase = text[w.start():colon.start()]
            if not phrase[:1].isupper() or w.start() == 0:
                continue
            lab = _match_label(phrase.strip() + ":", loose=False)
            if lab and lab[1] >= len(phrase.strip()) + 1:
                cur.pieces.append((s, s + w.start(), newline))
                new = _Section(lab[0], None, [], phrase.strip().lower())
                sections.append(new)
                _add_with_inline_labels(doc, s + colon.end(), e, new, sections, False)
                return
    # "Til stede: Lars og Kim. Afbud fra Jonas.": a label that needs no colon, after a full stop
    for m in _after_stop_labels().finditer(text):
        lab = _match_label(text[m.start("lab"):], loose=False)
        if lab:
            cur.pieces.append((s, s + m.start("lab"), newline))
            new = _Section(lab[0], None, [], m.group("lab").lower())
            sections.append(new)
            _add_with_inline_labels(doc, s + m.start("lab") + lab[1], e, new, sections, False)
            return
    cur.pieces.append((s, e, newline))


@lru_cache(maxsize=1)
def _after_stop_labels() -> re.Pattern:
    labs = sorted(_lex()["labels_without_colon"], key=len, reverse=True)
    alt = "|".join(re.escape(lab) for lab in labs)
    return re.compile(rf"(?<=[.;])\s+(?P<lab>(?i:{alt}))(?=\s+[A-ZÆØÅ])")


# --------------------------------------------------------------------------- tables with a header row


def _column_kind(word: str) -> str | None:
    low = re.sub(r"\s+", " ", word.strip(" :.\t").lower())
    low = re.sub(r"\s*\([^)]*\)$", "", low)  # "Deltog (pkt.)"
    for kind, words in _lex()["table_columns"].items():
        if low in words:
            return kind
    return None


def _table_header(text: str) -> list[str] | None:
    """The column kinds of an attendance table's header row ('Navn | Titel | Organisation |
    Deltog', 'Deltager\\tRolle'): every cell (tab-separated, or words when the PDF layer gave
    the header as one run) is a column word, the first names the person, and another column
    is not itself an attendance label (else it is a two-column label table: 'Til stede\\tAfbud')."""
    cells = [c.strip() for c in re.split(r"\t+", text.strip()) if c.strip()]
    if len(cells) == 1:
        cells = cells[0].split()
    if not 2 <= len(cells) <= 8:
        return None
    kinds = [_column_kind(c) for c in cells]
    if None in kinds or kinds[0] != "name" or kinds.count("name") > 1:
        return None
    if not any(k in ("title", "org", "unit", "note") for k in kinds[1:]) and len(cells) == 2:
        return None
    return kinds


def _row_cells(doc: DocText, ln: TextLine, e: int) -> list[tuple[int, int]]:
    """(doc start, doc end) of the cells of a table line, empty cells included."""
    out, pos = [], ln.start
    for part in doc.text[ln.start:e].split("\t"):
        a = pos + len(part) - len(part.lstrip())
        b = pos + len(part.rstrip())
        out.append((a, max(a, b)))
        pos += len(part) + 1
    return out


def _table_line(doc: DocText, ln: TextLine, e: int, sec: "_Section") -> bool:
    """Add one line to a header table; False when the line is not part of the table.
    A row begins at the table's left edge with a non-empty first cell; a line that starts
    further right, with an empty first cell, or whose first cell is no name continues the
    previous row's cells (a cell that wrapped onto a second line)."""
    text = doc.text[ln.start:e]
    stripped = text.strip()
    lab = _match_label(stripped)
    if lab and (":" in stripped[: lab[1]] or "\t" not in stripped) or _is_stop_label(stripped.split("\t")[0]) \
            or _HEAD_LINE.match(stripped) or (_prose(stripped) and "\t" not in stripped):
        return False  # a labelled field ("Referent: X"), an item heading or running text ends the table
    kinds = sec.table_cols
    cells = _row_cells(doc, ln, e)
    has_x = ln.x0 > 0 and sec.table_x0 > 0
    first_empty = cells[0][0] == cells[0][1]
    starts_row = not first_empty and (abs(ln.x0 - sec.table_x0) < 3 if has_x else True)
    if starts_row and not has_x and sec.table_rows and len([c for c in cells if c[1] > c[0]]) < len(kinds) - 1:
        first = doc.text[cells[0][0]:cells[0][1]]
        starts_row = bool(_parse_name(first)) or _single_name(first)
    if starts_row:
        row: dict[int, list[tuple[int, int]]] = {}
        for k, c in enumerate(cells[: len(kinds)]):
            if c[1] > c[0]:
                row.setdefault(k, []).append(c)
        # "Holmbæk Sygehus, Afdeling X": the attendance mark glued to the cell before it
        if "attend" in kinds and kinds.index("attend") not in row and kinds.index("attend") == len(kinds) - 1 and row:
            k_last = max(row)
            a, b = row[k_last][-1]
            m = re.search(r"\s(\S{1,5}|[Aa]fbud)$", doc.text[a:b])
            if m and k_last < len(kinds) - 1 and _attend_value(m.group(1)) is not None:
                row[k_last][-1] = (a, a + m.start())
                row[len(kinds) - 1] = [(a + m.start(1), b)]
        sec.table_rows.append(row)
        if has_x and len([c for c in cells if c[1] > c[0]]) == len(kinds):
            for k, (a, b) in enumerate(cells):
                frac = (a - ln.start) / max(1, e - ln.start)
                sec.table_est.setdefault(k, []).append(ln.x0 + (ln.x1 - ln.x0) * frac)
        return True
    if not sec.table_rows:
        return False
    row = sec.table_rows[-1]
    filled = [(k, c) for k, c in enumerate(cells) if c[1] > c[0]]
    if first_empty or not has_x:
        if first_empty:
            col0 = 0
        else:
            col0 = 1 if len(filled) < len(kinds) else 0
    else:
        est = {k: sorted(v)[len(v) // 2] for k, v in sec.table_est.items() if k > 0}
        col0 = min(est, key=lambda k: abs(est[k] - ln.x0)) if est else 1
    for k, c in enumerate(cells):
        if c[1] > c[0]:
            col = min(len(kinds) - 1, (k if first_empty else col0 + k))
            row.setdefault(col, []).append(c)
    return True


def _headerless_columns(doc: DocText, ln: TextLine, e: int) -> list[str] | None:
    """Column kinds of a person table without a header row, from its first row: a full
    name, then at least two cells that each read as a job title, an organisation or an
    attendance mark ('Anna Holm | Overlæge | Nordby Sygehus | X')."""
    cells = [doc.text[a:b] for a, b in _row_cells(doc, ln, e)]
    if len(cells) < 3 or not all(c.strip() for c in cells):
        return None
    nm = _parse_name(cells[0].strip())
    if not nm or nm.end < len(cells[0].strip()) or len(nm.name.split()) < 2:
        return None
    kinds = ["name"]
    for c in cells[1:]:
        c = c.strip(" ,")
        if _attend_value(c) is not None:
            kinds.append("attend")
        elif _job_like(c) or _role_word(c.split(",")[0]):
            kinds.append("title")
        elif _org_marked(c) or re.match(r"[A-ZÆØÅ]", c):
            kinds.append("org")
        else:
            return None
    if "title" not in kinds or len(set(kinds)) != len(kinds):
        return None
    return kinds


def _single_name(text: str) -> bool:
    t = text.strip()
    return bool(re.fullmatch(r"[A-ZÆØÅ][a-zæøåäöüé]+(?:-[A-ZÆØÅ][a-zæøå]+)?", t)) and _names().is_first(t)


def _attend_value(v: str) -> tuple[str, list[str]] | None:
    """'X' / 'Ja' / '✓' → present; 'Afbud' / 'Nej' → absent; 'Pkt. 3' / 'Under punkt 3-4' →
    present for those items only (a guest). 'X (pkt. 2-3)' is present: the mark decides."""
    lex = _lex()
    t = re.sub(r"\s+", " ", v).strip(" .,;").lower()
    if not t:
        return None
    head = re.split(r"\s*[(,]", t)[0].strip()
    if head in lex["attend_present"]:
        return "member", []
    if head in lex["attend_absent"] or _word_in(head, lex["absent_words"]):
        return "absent", []
    m = _ITEMS_CLAUSE.match(t) or re.match(r"(?:under\s+|ved\s+)?(?:dagsordens)?(?:punkt\w*|pkt\.?)\s*(?P<list>[\d\s.,og&–-]+)", t)
    if m and m.start() == 0:
        items = expand_items(m.group("list"))
        if items:
            return "guest", items
    return None


def _table_entries(doc: DocText, sec: "_Section") -> list[_Entry]:
    """One entry per table row, each cell read by its column: role words in a title cell
    apply to that row only; the attendance column gives absent / guest with items."""
    out: list[_Entry] = []
    kinds = sec.table_cols
    for row in sec.table_rows:
        def cell(kind: str) -> tuple[str, int, int] | None:
            ks = [k for k, kd in enumerate(kinds) if kd == kind and k in row]
            if not ks:
                return None
            parts = row[ks[0]]
            return (re.sub(r"\s+", " ", " ".join(doc.text[a:b] for a, b in parts)).strip(), parts[0][0], parts[-1][1])
        nc = cell("name")
        if not nc:
            continue
        name_text, ns, _ne = nc
        first_part = row[kinds.index("name")][0]
        nm = _parse_name(name_text)
        if nm and nm.start == 0 and nm.end <= first_part[1] - first_part[0]:
            name, start, end, job = nm.name, ns + nm.start, ns + nm.end, nm.job
        elif _single_name(name_text):
            name, start, end, job = name_text, ns, ns + len(name_text), None
        else:
            continue
        if _column_kind(name_text):
            continue
        e = _Entry(name=name, start=start, end=end, role=sec.role, section=sec)
        if job:
            e.job_title = job
        tc = cell("title")
        if tc:
            parts = [p.strip() for p in re.split(r"[,;]", tc[0]) if p.strip()]
            if any(not _role_word(p) or p.lower() in _lex()["function_words"] for p in parts):
                e.job_title = e.job_title or tc[0]
            for p in parts:
                if _role_word(p):
                    _apply_attr(e, p, True)
        org = cell("org")
        unit = cell("unit")
        if org:
            e.organisation = _clean_org(org[0])
        if unit:
            e.organisation = f"{e.organisation}, {_clean_org(unit[0])}" if e.organisation else _clean_org(unit[0])
        ac = cell("attend")
        if ac:
            val = _attend_value(ac[0])
            if val and val[0] == "absent":
                e.role_marker = "absent"
            elif val and val[0] == "guest":
                e.items = val[1]
                e.role_marker = _stronger(e.role_marker, "guest")
                e.attended_items = True
        note = cell("note")
        if note:
            for p in re.split(r"[,;]", note[0]):
                if _role_word(p) or _ITEMS_CLAUSE.search(p):
                    _apply_attr(e, p, True)
        out.append(e)
    return out


# --------------------------------------------------------------------------- entries


def _content(doc: DocText, sec: _Section) -> tuple[str, list[int]]:
    """The section text with line breaks decided: '\\n' separates entries, ' ' joins a wrap."""
    out: list[str] = []
    omap: list[int] = []
    prev_end = -1
    for s, e, newline in sec.pieces:
        piece = doc.text[s:e]
        if out and s == prev_end and newline:
            # no white space between the lines in the text: the PDF layer joined a word
            # broken at the line end ("repræsen-|tanter"), so the lines join without a gap
            out.append(piece)
            omap.extend(range(s, s + len(piece)))
            prev_end = e
            continue
        prev_end = e
        if out:
            prev = "".join(out).rstrip()
            last_line = prev.split("\n")[-1]
            nxt = piece.lstrip()
            joiner = "\n"
            if newline:
                tail = re.split(r"[,;]", last_line)[-1].strip()
                tail = re.sub(r"^(?:og|samt|&)\s+", "", tail)
                if nxt[:1].islower() or nxt[:1].isdigit():
                    joiner = " "
                elif re.search(r"[,;]$", prev):
                    joiner = "\n"
                elif _CONNECT_END.search(prev) or prev.count("(") > prev.count(")"):
                    joiner = " "
                elif re.search(r"(?:^|\s)(?:og|samt|&)\s+[a-zæøå][\wæøå.-]*$", prev) and _is_job_word(prev.split()[-1]):
                    joiner = " "  # "… samt kontorchef" + "Eva Lund": a job title before its name
                elif "," in last_line and len(last_line) >= 50 and not prev.endswith(")") and _name_fragment(tail):
                    # in a comma list a break between entries leaves the comma at the line end,
                    # so a line ending in capitalised words breaks inside a name ("…, Rune" + "Møller …")
                    joiner = " "
            out.append(joiner)
            omap.append(s)
        out.append(piece)
        omap.extend(range(s, s + len(piece)))
    return "".join(out), omap


def _name_fragment(tail: str) -> bool:
    toks = tail.split()
    particles = set(_lex()["name_particles"])
    return 1 <= len(toks) <= 4 and all((_NAME_TOKEN.match(t) and not _is_org_token(t)) or t.lower() in particles
                                       for t in toks) and bool(_NAME_TOKEN.match(toks[0]))


def _split_top(content: str) -> list[tuple[int, int, str]]:
    """Segments at depth-0 separators: (start, end, separator before)."""
    segs: list[tuple[int, int, str]] = []
    depth, start, sep = 0, 0, ""
    i = 0
    while i < len(content):
        ch = content[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
            if depth == 0:
                m = re.match(r"\s+(?=[A-ZÆØÅ][a-zæøå])", content[i + 1:])
                if m and not re.match(r"\s+(?:og|samt)\b", content[i + 1:]):
                    segs.append((start, i + 1, sep))
                    start, sep = i + 1, " "
        elif depth == 0 and ch in ",;\n\t":
            segs.append((start, i, sep))
            start, sep = i + 1, ("\n" if ch in "\n" else ch)
        elif depth == 0 and ch == "." and _sentence_end(content, start, i):
            segs.append((start, i, sep))  # "…, Bo Berg. Under pkt. 4 deltog …": a new sentence
            start, sep = i + 1, "."
        elif depth > 0 and ch in "\n\t":
            depth = 0
            segs.append((start, i, sep))
            start, sep = i + 1, ch
        i += 1
    segs.append((start, len(content), sep))
    return [(s, e, sp) for s, e, sp in segs if content[s:e].strip()]


def _sentence_end(content: str, start: int, i: int) -> bool:
    """The period at content[i] ends a sentence: a capital follows, and the word before it
    is no initial ('K.'), abbreviation ('pkt.', 'Co.') or title ('Prof.')."""
    if not re.match(r"\s+[A-ZÆØÅ]", content[i + 1:]):
        return False
    m = re.search(r"(\S+)$", content[start:i])
    word = m.group(1) if m else ""
    return len(word) >= 4 and "." not in word and (word + ".").lower() not in _lex()["honorifics"] \
        and word[:1].isalpha()


_CONJ = re.compile(r"^\s*(?:og|samt|&|and)\s+", re.I)


def _split_conj(content: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split 'A Hansen og B Jensen' at a depth-0 conjunction when both sides carry a name."""
    seg = content[s:e]
    depth = 0
    for m in re.finditer(r"[()]|\s(?:og|samt|&)\s", seg):
        g = m.group()
        if g == "(":
            depth += 1
            continue
        if g == ")":
            depth = max(0, depth - 1)
            continue
        if depth or seg[: m.start()].rstrip().endswith("-"):
            continue
        left, right = seg[: m.start()], seg[m.end():]
        lm = _LEAD_ITEMS.match(left.lstrip())  # "Under pkt. 4 deltog A Hansen og B Jensen"
        if lm:
            left = left.lstrip()[lm.end():]
        if _parse_name(right, True) and (_parse_name(left, True) or left.rstrip().endswith(")")):
            return [(s, s + m.start())] + _split_conj(content, s + m.end(), e)
    return [(s, e)]


_COMPANION = re.compile(r"\s*\+\s*(?:\d{1,2}|ven|veninde|kæreste|ægtefælle|partner|gæst|barn|børn)\s*$", re.I)


def _parse_section(doc: DocText, sec: _Section) -> list[_Entry]:
    if sec.table_cols:
        return _table_entries(doc, sec)
    content, omap = _content(doc, sec)
    entries: list[_Entry] = []
    cur: _Entry | None = None
    pending: str | None = None  # a leading "Under pkt. 4 deltog" for the names after it on its line
    # a list of lone first names ("Hanne (fmd.), Jørgen, Sussi og Birgit"): a capitalised word
    # the gazetteer lacks is a first name too when two or more of the other entries are known ones
    lone = [m.group(1) for m in re.finditer(r"(?:^|[,;\n]|\s(?:og|samt)\s)\s*([A-ZÆØÅ][a-zæøå]+)\s*(?=\([^)]*\)\s*)?(?=$|[,;\n(]|\s(?:og|samt)\s)",
                                            content)]
    single_list = sum(1 for w in lone if _names().is_first(w)) >= 2
    for s0, e0, sep in _split_top(content):
        if sep in ("\n", "", "."):
            pending = None
        for s, e in _split_conj(content, s0, e0):
            seg = content[s:e]
            lead = len(seg) - len(seg.lstrip())
            bm = re.match(r"\s*(?:[•\uf0b7\u25aa\u25cf\u2013*-]\s+)?(?:og|samt|&|and)?\s*", seg)
            cm = _CONJ.match(seg)
            if cm:
                lead = cm.end()
            elif bm and bm.group().strip():
                lead = bm.end()
            body = seg[lead:].rstrip()
            lm = _LEAD_ITEMS.match(body)
            if lm and (re.search(r"\w", body[lm.end():]) or cur is None):  # "Under pkt. 4 deltog direktør Anna Holm"
                pending = lm.group().strip(" ,:")
                lead += lm.end()
                body = body[lm.end():]
            if not body:
                continue
            if body.startswith(("(", "[")):
                if cur:
                    _attrs_of(cur, body)
                continue
            # "Simon Bertel + Ven", "Ole Berg + 1": a companion brought along is no part of the name
            nm = _parse_name(_COMPANION.sub("", body), True)
            lm1 = re.fullmatch(r"([A-ZÆØÅ][a-zæøå]{2,})(\s*\(.*\)\s*|\s+deltog\b.*)?", body)
            if nm is None and single_list and lm1 and not _is_org_token(lm1.group(1)) \
                    and lm1.group(1).lower() not in _lex()["section_words_not_org"] and not _role_word(lm1.group(1)):
                nm = _Name(lm1.group(1), 0, len(lm1.group(1)), None, len(lm1.group(1)))
            # a lone capitalised token after a line break completes a wrapped name (not a lone
            # first name: "Afbud: Kurt Mose" + "Lasse (…) deltog …" are two persons)
            if nm is not None and cur is not None and len(nm.name.split()) == 1 and sep == "\n" \
                    and _names().is_last(nm.name):
                nm = None
            if cur and sep == "\n" and cur.n_attrs == 0 and re.fullmatch(r"[A-ZÆØÅ][\w'’-]+", body.split(" (")[0].split()[0]) \
                    and (nm is None) and not _is_org_token(body.split()[0]) and len(cur.name.split()) < 4 \
                    and len(body.split(" (")[0].split()) <= 3:  # (not "Mindst 65 gæster deltog …" under the names)
                tok = body.split()[0]
                ts = s + lead
                cur.name = f"{cur.name} {tok}"
                cur.end = omap[ts + len(tok) - 1] + 1
                rest = body[len(tok):]
                if rest.strip():
                    _attrs_of(cur, rest)
                continue
            if nm and cur and s == s0 and sep == "," and not nm.job and _organisation_not_person(cur, nm.name):
                _attrs_of(cur, body)  # "direktør Anna Holm, Nordvest Trafik": her organisation
                continue
            if nm:
                ns = s + lead + nm.start
                ne = s + lead + nm.end
                name = re.sub(r"\s+", " ", content[ns:ne])
                cur = _Entry(name=name, start=omap[ns], end=omap[ne - 1] + 1, role=sec.role,
                             line_break_before=(sep in ("\n", "", ".") and s == s0), section=sec)
                if nm.job:
                    _apply_attr(cur, nm.job, False)
                if sec.label_job:
                    cur.job_title = cur.job_title or sec.label_job
                if pending:
                    _apply_attr(cur, pending, False)
                    cur.items_in_parens = True  # a leading clause covers the names after it, not before
                entries.append(cur)
                rest = body[nm.rest_start:]
                if rest.strip():
                    _attrs_of(cur, rest)
                if cur.items and not cur.items_in_parens:
                    _spread_items(entries)
                _spread_group(entries)
                continue
            if cur:
                before = list(cur.items)
                _attrs_of(cur, body)
                if cur.items and cur.items != before and not cur.items_in_parens:
                    _spread_items(entries)
                _spread_group(entries)
    return entries


# "Under pkt. 4 deltog", "Til punkt 2 og 3:", "Under behandlingen af punkt 5 deltog også"
_LEAD_ITEMS = re.compile(
    r"(?:under|ved|til|i|for)\s+(?:behandlingen\s+af\s+)?(?:dagsordens)?(?:punkt(?:erne)?|pkt\.?)\s*"
    r"\d{1,3}(?:\.\d{1,2})?(?:\s*(?:-|–|til|og|,|&)\s*\d{1,3}(?:\.\d{1,2})?)*"
    r"(?:\s+(?:deltog|deltager|mødte|var\s+til\s+stede))?(?:\s+(?:også|desuden|endvidere))?\s*[:,]?\s*",
    re.I)


def _organisation_not_person(cur: _Entry, text: str) -> bool:
    """'direktør Anna Holm, Nordvest Trafik': after a person given with a job title and no
    organisation yet, a capitalised phrase none of whose words is a known first name or
    surname is that person's organisation, not another person."""
    if not cur.job_title or cur.organisation or cur.acronym:
        return False
    names = _names()
    return not any(names.is_first(w) or names.is_last(w) for w in re.split(r"[\s-]+", text) if w)


def _singular_group_word(word: str) -> str | None:
    """'forældrerepræsentanter' → 'forældrerepræsentant', 'medlemmer' → 'medlem', 'gæster' →
    'gæst': the singular of a plural job or role noun (None when `word` is not one). A plural
    in parentheses after a coordinated list labels every name in it."""
    low = word.lower().strip(" .,;:")
    if not re.fullmatch(r"[a-zæøå-]{4,}", low):
        return None
    lex = _lex()
    stems = set(lex["job_suffixes"]) | set(lex["function_words"])
    for k in ("guest_words", "participant_words", "secretary_words", "absent_words"):
        stems |= {w for w in lex[k] if " " not in w}
    if any(low.endswith(st) for st in stems):
        return None  # already singular
    for st in sorted(stems, key=len, reverse=True):
        if " " in st or "." in st:
            continue
        for pl in ("er", "e", "r", st[-1:] + "er"):
            if low.endswith(st + pl):
                return word.strip(" .,;:")[: len(low) - len(pl)]
    return None


def _spread_group(entries: list[_Entry]) -> None:
    """'A, B og C (forældrerepræsentanter)': the plural label of the last entry also labels
    the entries before it on its line that have no attributes of their own."""
    last = entries[-1] if entries else None
    if last is None or not last.group_label or last.group_spread:
        return
    last.group_spread = True
    k = len(entries) - 1
    while k > 0 and not entries[k].line_break_before:
        prev = entries[k - 1]
        if prev.n_attrs:
            break
        _apply_attr(prev, last.group_label, True)
        k -= 1


def _attrs_of(e: _Entry, text: str) -> None:
    """Attributes in `text`: parenthesised parts split at commas, the rest as one attribute."""
    m = re.fullmatch(r"\s*[-–:]?\s*([^()]+?)\s*\(([^()]{1,15})\)\s*", text)
    if m and _job_like(m.group(1).strip()) and not _ITEMS_CLAUSE.search(m.group(2)) \
            and not _role_word(m.group(2)) and not (m.group(2).strip() in _lex()["party_letters"]):
        # "Medarbejderrepræsentant (VIP)": the parenthesis qualifies the job title
        e.n_attrs += 1
        e.job_title = e.job_title or f"{m.group(1).strip()} ({m.group(2).strip()})"
        if _chair_title(m.group(1)):  # "formand (forælder)": the chair, whom the group elected
            e.role_marker = _stronger(e.role_marker, "chair")
        return
    outside = []
    depth = 0
    buf = ""
    for ch in text:
        if ch in "([":
            if depth == 0 and buf.strip():
                outside.append(buf)
                buf = ""
            depth += 1
            if depth == 1:
                continue
        elif ch in ")]":
            depth = max(0, depth - 1)
            if depth == 0:
                for part in re.split(r"\s*[,;]\s*", buf):
                    _apply_attr(e, part, True)
                buf = ""
                continue
        buf += ch
    if depth and buf.strip():
        for part in re.split(r"\s*[,;]\s*", buf):
            _apply_attr(e, part, True)
    elif buf.strip():
        outside.append(buf)
    for o in outside:
        o = re.sub(r"^\s*[-–:]\s*", "", o)
        _apply_attr(e, o, False)


def _spread_items(entries: list[_Entry]) -> None:
    """The last entry's 'deltog under punkt …' also covers the entries joined to it on its line."""
    last = entries[-1]
    k = len(entries) - 1
    while k > 0 and not entries[k].line_break_before:
        prev = entries[k - 1]
        if prev.items or prev.role_marker in ("absent", "secretary"):
            break
        prev.items = list(last.items)
        prev.role_marker = _stronger(prev.role_marker, "guest")
        k -= 1


# --------------------------------------------------------------------------- public API


_HEAD_LINE = re.compile(r"^(?:ad\.?\s+|punkt\s+|pkt\.?\s*|§\s*)?(\d{1,3})(?:[.):]\s*|\s+)(?P<title>[A-ZÆØÅ].*)$", re.I)


_SUB_HEAD = re.compile(r"^\s*\(?[a-zæøå]\s?\)\s*(?P<title>[A-ZÆØÅ].*)$")


def _scan_regions(doc: DocText, lines: list[TextLine], front_end: int) -> list[tuple[int, int, str]]:
    """Where attendance is read: the front matter; an agenda item about attendance
    ("1. Fremmøde") when the front matter has none; and a "Referent: X" line at the end."""
    regions = [(0, front_end, "front")]
    after = [ln for ln in lines if ln.start >= front_end]
    if after:
        m = _HEAD_LINE.match(doc.text[after[0].start:after[0].end])
        title = (m.group("title") if m else "").strip(" :").lower()
        if title in _lex()["attendance_item_titles"]:
            end = next((ln.start for ln in after[1:] if _HEAD_LINE.match(doc.text[ln.start:ln.end])), len(doc.text))
            regions.append((after[0].end + 1, end, "item"))
        else:
            # "1) Formalia" + "c ) Tilstedeværende" + the names: a sub-point of the first item
            first_end = next((ln.start for ln in after[1:] if _HEAD_LINE.match(doc.text[ln.start:ln.end])), len(doc.text))
            inner = [ln for ln in after[1:40] if ln.start < first_end]
            for k, ln in enumerate(inner):
                sub = _SUB_HEAD.match(doc.text[ln.start:ln.end])
                if sub and sub.group("title").strip(" :").lower() in _lex()["attendance_item_titles"]:
                    end = next((x.start for x in inner[k + 1:] if _SUB_HEAD.match(doc.text[x.start:x.end])), first_end)
                    regions.append((ln.end + 1, end, "item"))
                    break
        tail = [ln for ln in after[-6:] if ln.start >= regions[-1][1]]
        for ln in tail:
            t = doc.text[ln.start:ln.end].strip()
            lab = _match_label(t)
            if lab and lab[0] == "secretary" and len(t) - lab[1] < 60:
                regions.append((ln.start, ln.end, "tail"))
    return regions


_LIST_MARK = re.compile(r"^\s*(?:\(?[a-zæøå]{1,2}\)|\(?\d{1,2}[.)]|[•\uf0b7\-–*])\s+")


def _unlabelled_list(doc: DocText, lines: list[TextLine], end: int) -> _Section:
    """The lines under an attendance item's heading, one person (or a comma list) per line,
    with outline marks ("(a)", "1.", "•") cut off: the persons present."""
    pieces = []
    for ln in lines:
        s, e = ln.start, min(ln.end, end)
        m = _LIST_MARK.match(doc.text[s:e])
        s += m.end() if m else 0
        text = doc.text[s:e].rstrip()
        e = s + len(text)
        for tail in ("; og", ";", "."):
            if text.endswith(tail):
                e -= len(tail)
                break
        if e > s:
            pieces.append((s, e, True))
    return _Section("member", None, pieces, "til stede")


def parse_attendance(doc: DocText, front_end: int) -> list[Attendee]:
    """The attendance list from the front matter (text before `front_end`)."""
    all_lines = text_lines(doc)
    front = doc.text[:front_end].lower()
    political = any(re.search(rf"\b{re.escape(w)}\b", front) for w in _lex()["political_context_words"])
    parties = set(_lex()["party_letters"])
    entries: list[_Entry] = []
    sections: list[_Section] = []
    for rs, re_, kind in _scan_regions(doc, all_lines, front_end):
        if kind == "item" and any(sec.pieces for sec in sections):
            continue  # the front matter already had the list
        lines = [ln for ln in all_lines if rs <= ln.start < re_]
        found = _sections(doc, lines, re_)
        if kind == "item" and not any(sec.pieces for sec in found):
            found = [_unlabelled_list(doc, lines, re_)]  # "§1 Til stede:" over "(a) Navn;" lines
        sections += found
    by_initials: dict[str, str] = {}
    pending: list[tuple[str, str]] = []  # (initials, role) from "Referent: AH"
    for sec in sections:
        es = _parse_section(doc, sec)
        if not es and sec.role in ("secretary", "chair"):
            content = " ".join(doc.text[s:e] for s, e, _ in sec.pieces).strip(" .")
            if re.fullmatch(r"[A-ZÆØÅ]{2,4}", content):
                pending.append((content, sec.role))
        acr = [e.acronym for e in es if e.acronym]
        # "Anna Holm (AH)": initials used later in the minutes, not an organisation
        init_hits = [e for e in es if e.acronym and _is_initials(e.acronym, e.name)]
        initials_section = bool(acr) and (len(init_hits) >= max(2, 0.8 * len(acr))
                                          or (len(acr) == 1 and init_hits and len(acr[0]) >= 3))
        sec_party = bool(acr) and all(a in parties for a in acr) and (len(acr) >= 2 or political)
        for e in es:
            if e.acronym and initials_section and _is_initials(e.acronym, e.name):
                by_initials[e.acronym] = e.name
                e.acronym = None
            if e.acronym:
                if (len(e.acronym) == 1 and e.acronym in parties) or sec_party:
                    e.party = e.acronym
                else:
                    e.organisation = e.organisation or e.acronym
            entries.append(e)
    for ini, role in pending:
        name = by_initials.get(ini) or next(iter({e.name for e in entries if _initials(e.name) == ini}), None)
        if name and len({e.name for e in entries if _initials(e.name) == ini} | {name}) == 1:
            first = next(e for e in entries if e.name == name)
            entries.append(_Entry(name=name, start=first.start, end=first.end, role=role))
    # staff listed without an organisation belong to the institution whose minutes these are
    home = home_organisation(doc, front_texts(doc, front_end), institutions_only=True)
    _departments_of_home(entries, home)
    _staff_leaders_participate(entries, home)
    _posts_beside_the_referent(entries)
    rows = _merge(entries)
    if home:
        # convention (corpus truth: a university board's external and student members have the
        # university): every member of an institution's board without another organisation has
        # the institution, user representatives (parents, pupils) included
        rows = [r.model_copy(update={"organisation": home}) if r.organisation is None and r.party is None else r
                for r in rows]
    return rows


def _posts_beside_the_referent(entries: list[_Entry]) -> None:
    """Signatures "Formand/referent: Bo Dam", "Sekretær: Eva Holm": the post before "/referent" is the
    referent's job title, and once a referent is named a "Sekretær" label names a board post (a member
    titled sekretær), not who wrote the minutes."""
    def label(e: _Entry) -> str:
        return e.section.label if e.section is not None else ""
    referents = [e for e in entries if re.search(r"\breferent\b", label(e))]
    if not referents:
        return
    for e in referents:
        if (m := re.match(r"([a-zæøå]+)\s*/\s*referent", label(e))) and not e.job_title:
            e.job_title = m.group(1)
    for e in entries:
        if e.role == "secretary" and label(e).startswith("sekretær"):
            e.role, e.job_title = "member", e.job_title or "sekretær"


def _org_marked(text: str) -> bool:
    """The text names an organisation by its form: an organisation word or suffix
    (Kommune, -styrelsen, A/S), or an acronym."""
    return any(_is_org_token(w) for w in re.split(r"[\s,]+", text) if w)


def _departments_of_home(entries: list[_Entry], home: str | None) -> None:
    """'Fra administrationen: kontorchef Eva Lund, Trafik og Plan': in a section of the home
    institution's own staff, a name with no organisation form is a unit of that institution.
    Convention: the organisation is the institution (filled in later); the unit goes to the
    job title ('kontorchef, Trafik og Plan'). Only when the home institution is known."""
    if not home:
        return
    for e in entries:
        if e.section is None or not e.section.staff or not e.organisation or e.acronym:
            continue
        if e.organisation != home and not _org_marked(e.organisation):
            e.job_title = f"{e.job_title}, {e.organisation}" if e.job_title else e.organisation
            e.organisation = None


def _is_staff_leader(job: str | None) -> bool:
    if not job:
        return False
    head = re.split(r"\s(?:i|for|hos|ved|på|fra)\s|,", job)[0]
    return any(w.lower().strip(".").endswith(tuple(_lex()["staff_leader_suffixes"])) for w in head.split())


def _staff_leaders_participate(entries: list[_Entry], home: str | None) -> None:
    """'Mødt: …, skoleleder Eva Lund': the leader of the institution's administration listed
    among the members of its board attends the board, she is not a member: participant.
    Only in a generic list ('Mødt', 'Til stede', 'Deltagere') — not one that says the persons
    are members — for a leader title with no organisation other than the home institution,
    and only when such leaders are a minority of the list (in a meeting of managers they
    are the members)."""
    by_sec: dict[tuple, list[_Entry]] = {}
    for e in entries:
        if e.section is not None:  # the cells of one column ("Til stede" | "Afbud") are one list
            by_sec.setdefault((e.section.role, e.section.label), []).append(e)
    for es in by_sec.values():
        sec = es[0].section
        if sec.role != "member" or not sec.label or sec.explicit_members:
            continue
        leaders = [e for e in es if e.role_marker is None and not e.items and _is_staff_leader(e.job_title)
                   and (e.organisation is None or e.organisation == home)]
        if leaders and 2 * len(leaders) < len(es):
            for e in leaders:
                e.role = "participant"


def _initials(name: str) -> str:
    return "".join(t[0] for t in re.split(r"[\s-]+", name) if t and t[0].isupper())


def _is_initials(acr: str, name: str) -> bool:
    """'AH' for Anna Holm, 'MDK' for Mette Daugbjerg Krog (also first + last initial)."""
    ini = _initials(name)
    return len(acr) >= 2 and (acr == ini or acr == ini[0] + ini[-1])


def _final_role(e: _Entry) -> str:
    role = e.role
    if e.attended_items and e.items and e.role_marker != "absent" and role not in ("secretary", "chair"):
        return "guest"  # "deltog under punkt 3" means present for item 3, also in an "Afbud" list
    if e.role_marker:
        if e.role_marker == "guest" and role in ("absent", "secretary", "chair"):
            return role
        if role == "absent":
            return role
        # an explicit marker on the entry ("(observatør)", "(gæst)") beats the list's default role
        role = e.role_marker if _ROLE_RANK[e.role_marker] >= _ROLE_RANK.get(role, 0) \
            or e.role_marker == "guest" or (e.role_marker == "participant" and role == "member") else role
    if e.items and role not in ("absent", "secretary", "chair"):
        role = "guest"
    return role


def _merge(entries: list[_Entry]) -> list[Attendee]:
    """One row per person; the more specific role wins, attributes are combined."""
    by_key: dict[str, Attendee] = {}
    order: list[str] = []
    for e in entries:
        key = re.sub(r"\s+", " ", e.name).lower()
        role = _final_role(e)
        row = Attendee(name=e.name, organisation=e.organisation, job_title=_clean_job(e.job_title), party=e.party,
                       role=role, items=list(e.items) if role == "guest" else [],
                       char_start=e.start, char_end=e.end)
        old = by_key.get(key)
        if old is None:
            by_key[key] = row
            order.append(key)
            continue
        win = row if _ROLE_RANK[role] > _ROLE_RANK[old.role] else old
        other = old if win is row else row
        by_key[key] = win.model_copy(update={
            "organisation": win.organisation or other.organisation,
            "job_title": win.job_title or other.job_title,
            "party": win.party or other.party,
            "items": win.items or (other.items if win.role == "guest" else []),
            "char_start": old.char_start, "char_end": old.char_end,
        })
    return [by_key[k] for k in order]
