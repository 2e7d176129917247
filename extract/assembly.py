"""Meeting roles elected in the minutes themselves: the dirigent (chair of a general
assembly) and the referent, who are rarely on an attendance list.

Associations write them as a sentence under the first agenda item ("Karen Holm blev valgt
som dirigent", "Jens Berg er dirigent og referent", "Som dirigent valgtes Ole Dam"), as a
label line ("Referent: Søren Sørensen"), or as a bare election under an item whose title
names the role ("1) Valg af dirigent" + "Stefan Vang valgtes." or just "Olav Grue, Skovvej 4"). The role words live in
models/layout/attendance.json (`assembly_roles`); names are checked by the attendance
list's own name parser, so "Bestyrelsen foreslog …" never becomes a person.
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from extract.attendance import _lex, _parse_name
from extract.doctext import DocText
from extract.schema import Attendee, Item

_OUTLINE = re.compile(r"^\s*(?:\(?[a-zæøå]\s?\)|\(?\d{1,2}\s?[.)]|[•\-–])\s*")
#: a person's name (never across a line); a middle initial may carry its full stop ("Trine W. Holm")
_NAME = r"[A-ZÆØÅ][\w'’-]*(?:[ \t]+(?:de|van|von|la|le|af|til)?[ \t]*(?:[A-ZÆØÅ]\.(?=[ \t]+[A-ZÆØÅ])|[A-ZÆØÅ][\w'’-]*)){0,4}"
#: "… fra Nord Administration A/S": the firm a proposed dirigent or referent comes from
_FROM = r"(?:\s+fra\s+(?P<org>[A-ZÆØÅ][\w&'’-]*(?:\s+[A-ZÆØÅ][\w&'’-]*){0,3}(?:\s+(?:A/S|ApS|I/S|P/S|K/S))?))?"


@lru_cache(maxsize=1)
def _patterns() -> tuple[dict[str, str], list[re.Pattern], tuple[re.Pattern, re.Pattern, re.Pattern], re.Pattern]:
    lex = _lex()["assembly_roles"]
    roles: dict[str, str] = lex["roles"]
    word = "|".join(sorted(map(re.escape, roles), key=len, reverse=True))
    alts = rf"(?:{word})(?:en)?(?:\s*(?:,|og|samt|/|&)\s*(?:{word})(?:en)?)*"
    verb = "|".join(lex["verbs"])
    starts = r"(?:^|(?<=[.:;]\s))"
    forward = [
        # "Karen Holm (, F5,) blev valgt som dirigent", "Jens Berg er dirigent og referent"
        re.compile(rf"{starts}(?P<name>{_NAME})(?:\s*,[^,.\n]{{1,25}},?|\s+nr\.?\s*\d{{1,4}}[a-z]?)?\s+(?:{verb})(?:\s+(?:som|til))?\s+"
                   rf"(?P<roles>{alts})\b", re.M),
        # "Karen Holm blev valgt som dirigent og Jens Berg som referent": the second person elected by the same verb
        re.compile(rf"(?:{verb})\s+(?:som|til)\s+(?:{alts})\s*(?:,|og|samt)\s+(?P<name>{_NAME})\s+(?:som|til)\s+"
                   rf"(?P<roles>{alts})\b"),
        # "Som dirigent valgtes Ole Dam", "Til referent blev Eva Kirk valgt", "Som dirigent blev valgt: Ole Dam"
        re.compile(rf"{starts}(?:Som|Til)\s+(?P<roles>{alts})\s+(?:blev\s+)?(?:{verb})?\s*:?\s*(?P<name>{_NAME})", re.M),
        # "Bestyrelsen foreslog PGR som dirigent og referent, som blev valgt": proposed, then elected;
        # "… foreslog Eva Holm fra Dansk Administration A/S som dirigent, og Bo Ask som referent.
        # Forslaget blev vedtaget." (each person with the firm they come from); "…, hvilket forsamlingen tilsluttede sig"
        re.compile(rf"(?:\b(?:foreslog|foreslår|indstillede|pegede\s+på)|(?<=,)\s+og)\s+(?P<name>{_NAME}){_FROM}\s+(?:som|til)\s+"
                   rf"(?P<roles>{alts})\b(?=[^\n]{{0,200}}?\b(?:valgt|valgtes|vedtaget|godkendt|tilsluttede|tiltrådte|accepterede|bifaldt)\b)", re.M),
        # "Dirigent: Ole Dam", "Referent: Eva Kirk", "Referat (ved): Eva Kirk" (who wrote the minutes)
        # (the name on the line under the label too: "Referat ved:" / "Trine Holm")
        re.compile(rf"^\s*(?P<roles>(?i:{alts}|referat(?:\s+(?:ved|af))?))\s*:[ \t]*\n?[ \t]*(?P<name>{_NAME})\s*$", re.M),
    ]
    # "John Dahl, dirigent" / "Eva Kirk, referent.": a line of a name and its role
    forward.append(re.compile(rf"^\s*(?P<name>{_NAME})\s*,\s*(?P<roles>(?i:{alts}))\s*\.?\s*$", re.M))
    # "Stefan Vang valgtes." / "Olav Grue, Skovvej 4" (the name alone, with an address) on the first line
    bare = re.compile(rf"^\s*(?P<name>{_NAME})(?:(?:\s+nr\.?\s*\d{{1,4}}[a-z]?|\s*,\s*[A-ZÆØÅ]?\d{{1,4}}[a-z]?)?\s+(?:{lex['bare_election']})\b|\s*(?:,[^\n.]{{0,40}})?\.?\s*(?:\n|$))")
    # "Bestyrelsen foreslog Ole Dam, der blev valgt" (under "1. Valg af dirigent"): proposed, then elected
    bare_proposed = re.compile(rf"^\s*(?:[•·▪◦●*\-–]\s*)?[A-ZÆØÅ][\wæøå]*\s+(?:foreslog|foreslår|indstillede|pegede\s+på)\s+"
                               rf"(?P<name>{_NAME})\s*,?\s+(?:der|som|og|hvilket)\s+(?:blev\s+)?(?:enstemmigt\s+)?"
                               rf"(?:valgt|valgtes|godkendt|vedtaget)\b")
    # "Mødet har besluttet at Søren er valgt.", "Forsamlingen vedtog, at Ole Dam blev valgt": the elected
    # person inside the first sentence's "at"-clause
    bare_resolved = re.compile(rf"^[^\n.]{{0,60}}?\bat\s+(?P<name>{_NAME})\s+(?:er|blev)\s+(?:enstemmigt\s+)?(?:gen)?valgt\b")
    title_role = re.compile(rf"\b(?:{word})\b", re.I)
    return roles, forward, (bare, bare_proposed, bare_resolved), title_role


def _role_words(text: str, roles: dict[str, str]) -> list[str]:
    """'dirigenten og referent' -> ['dirigent', 'referent']"""
    out = []
    for w in re.findall(r"\w+", text.lower()):
        base = "referent" if w == "referat" else w if w in roles else w.removesuffix("en")
        if base in roles and base not in out:
            out.append(base)
    return out


def _person(text: str, initials: dict[str, tuple[str, str | None]] | None = None) -> str | None:
    if initials and text.strip() in initials:  # "PGR" defined earlier as "Patrick Reimer (PGR)"
        return initials[text.strip()][0]
    parsed = _parse_name(text, single_ok=True)
    return parsed.name if parsed and parsed.start == 0 else None


_DEFINED = re.compile(rf"(?P<name>{_NAME})\s*\((?P<ini>[A-ZÆØÅ]{{2,4}})\)(?:\s+fra\s+(?P<org>[A-ZÆØÅ][^,.;()\n]*?"
                      r"(?:\s(?:A/S|ApS|I/S|P/S|K/S)|(?=\s+(?:var|er|deltog|repræsenteret)\b))))?")


def initials_defined(text: str) -> dict[str, tuple[str, str | None]]:
    """'Patrick Reimer (PGR) fra Lea Ejendomme A/S': the initials the minutes then use for the
    person, with the organisation when it follows. Initials must fit the name's parts in order
    (middle names may be left out of the written name)."""
    out: dict[str, tuple[str, str | None]] = {}
    for m in _DEFINED.finditer(text):
        name = _person(m.group("name"))
        if not name or len(name.split()) < 2:
            continue
        ini, firsts = m.group("ini"), [p[0] for p in name.split()]
        if ini[0] == firsts[0] and ini[-1] == firsts[-1]:
            out.setdefault(ini, (name, (m.group("org") or "").strip() or None))
    return out


def elected_roles(doc: DocText, items: list[Item]) -> list[Attendee]:
    """Every person the text names as elected dirigent / referent, in text order."""
    roles, forward, (bare, bare_proposed, bare_resolved), title_role = _patterns()
    found: dict[str, Attendee] = {}

    def add(name: str | None, text: str, start: int, end: int, org: str | None = None) -> None:
        words = _role_words(text, roles)
        if not name or not words:
            return
        role = "chair" if any(roles[w] == "chair" for w in words) else "secretary"
        old = found.get(name)
        if old is None or (role == "chair" and old.role != "chair"):
            org = org or next((o for n, o in initials.values() if n == name), None)
            found[name] = Attendee(name=name, role=role, job_title=" og ".join(words), organisation=org,
                                   char_start=start, char_end=end)

    initials = initials_defined(doc.text)
    for pat in forward:
        for m in pat.finditer(doc.text):
            org = m.groupdict().get("org")
            add(_person(m.group("name"), initials), m.group("roles"), m.start("name"), m.end("name"),
                " ".join(org.split()) if org else None)
    # a heading naming the role ("1) Valg af dirigent", "a ) Valg af referent") over the
    # elected person's name or a bare election ("Stefan Vang valgtes.")
    heads = [(it.char_start, it.heading_end, it.title) for it in items]
    pos = 0
    for line in doc.text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        t = _OUTLINE.sub("", line).strip()
        if forward[-1].match(t):
            continue  # "John Dahl, dirigent" names a holder; it heads nothing
        if re.match(r"[\wæøå]+\s*:\s*\S", t):
            continue  # "Dirigent: Lise Holm" names its own holder; it heads nothing
        if t and (len(t.split()) <= 6 and not t.endswith(".") or t.endswith(":")):
            heads.append((start, start + len(line), t))
    seen: set[int] = set()
    for start, head_end, title in sorted(heads):
        words = title_role.findall(title)
        if not words or head_end in seen:
            continue
        seen.add(head_end)
        body = doc.text[head_end:head_end + 300]
        rest = body.lstrip()
        m = bare.match(rest) or bare_proposed.match(rest) or bare_resolved.match(rest)
        if m:
            off = head_end + len(body) - len(rest)
            add(_person(m.group("name")), " og ".join(words), off + m.start("name"), off + m.end("name"))
    return sorted((a.model_copy(update={"name": _fuller_spelling(a.name, doc.text)}) for a in found.values()),
                  key=lambda a: a.char_start)


def _fuller_spelling(name: str, text: str) -> str:
    """'Eva Lund Holmgard' elected, 'Eva Lund Holmgaard' signing: a surname one letter
    longer elsewhere in the text is the name's own spelling (a letter is dropped far more often
    than added)."""
    parts = name.split()
    if len(parts) < 2:
        return name
    lead = r"\s+".join(map(re.escape, parts[:-1]))
    for m in re.finditer(rf"(?<![\w-]){lead}\s+(?P<last>[A-ZÆØÅ][\w'’-]+)", text):
        if _one_letter_more(parts[-1], m.group("last")) and len(parts[-1]) >= 5:
            return " ".join([*parts[:-1], m.group("last")])
    return name


def _one_letter_more(short: str, long: str) -> bool:
    """'Bertelsen' / 'Berthelsen', 'Mogensen' / 'Mogenssen': one letter inserted."""
    return len(long) == len(short) + 1 and any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def _spelling_variant(a: str, b: str) -> bool:
    """'Lisbeth Bertelsen' in the list and 'Lisbeth Berthelsen' as dirigent: the same first
    names and a surname one letter apart (a typo or a th/t, double-letter variant)."""
    pa, pb = a.split(), b.split()
    if len(pa) != len(pb) or len(pa) < 2 or pa[:-1] != pb[:-1] or len(min(pa[-1], pb[-1], key=len)) < 5:
        return False
    short, long = sorted((pa[-1], pb[-1]), key=len)
    return _one_letter_more(short, long)


def _same_person(a: str, b: str) -> bool:
    """'Kim' on a first-name roster and 'Kim Lund' elected: one person."""
    if a == b or _spelling_variant(a, b):
        return True
    pa, pb = a.split(), b.split()
    return (len(pa) == 1 or len(pb) == 1) and pa[0] == pb[0]


def merged_spellings(roster: list[Attendee]) -> list[Attendee]:
    """One row per person when the minutes spell a name two ways (see `_spelling_variant`):
    the first row's place, the longer spelling, a chair's or secretary's role over a member's."""
    out: list[Attendee] = []
    for r in roster:
        k = next((i for i, o in enumerate(out) if _spelling_variant(o.name, r.name)), None)
        if k is None:
            out.append(r)
            continue
        o = out[k]
        role = r.role if o.role in ("member", "participant") and r.role in ("chair", "secretary") else o.role
        out[k] = o.model_copy(update={"role": role, "name": max(o.name, r.name, key=len),
                                      "job_title": o.job_title or r.job_title})
    return out


def with_elected_roles(doc: DocText, items: list[Item], roster: list[Attendee]) -> list[Attendee]:
    """The roster with the elected dirigent (chair) and referent (secretary) marked; persons
    not on it are added. An absent person stays absent; a chair stays chair when elected
    referent, and gives way only to an elected dirigent (the assembly's chair)."""
    out = list(roster)
    dirigent = None
    for e in elected_roles(doc, items):
        if e.role == "chair" and "dirigent" in (e.job_title or ""):
            dirigent = dirigent or e.name
        k = next((i for i, r in enumerate(out) if _same_person(r.name, e.name)), None)
        if k is None:
            out.append(e)
            continue
        r = out[k]
        if r.role == "absent" or r.role == e.role or (r.role == "chair" and e.role == "secretary"):
            continue
        out[k] = r.model_copy(update={"role": e.role, "job_title": r.job_title or e.job_title,
                                      "name": max(r.name, e.name, key=len)})
    if dirigent is not None:
        # a general assembly elects its dirigent to chair it; the association's formand on the
        # list takes part as a member ("Lise Bang (formand)" and "Henrik Laursen blev valgt som dirigent")
        out = [r.model_copy(update={"role": "member"})
               if r.role == "chair" and not _same_person(r.name, dirigent) else r for r in out]
    return out


_VISIT = re.compile(rf"^(?:besøg\s+(?:af|fra|ved)|gæst(?:er)?:?|oplæg\s+(?:ved|af))\s+(?P<name>{_NAME})", re.I)


def with_visitors(items: list[Item], roster: list[Attendee]) -> list[Attendee]:
    """'2. Besøg af Karl Hansen': a person on the list who visits for one item is a guest of
    that item (the list itself often just names everyone present)."""
    out = list(roster)
    for it in items:
        m = _VISIT.match(it.title)
        name = _person(m.group("name")) if m else None
        if not name:
            continue
        for k, r in enumerate(out):
            if _same_person(r.name, name) and r.role in ("member", "participant", "guest"):
                out[k] = r.model_copy(update={"role": "guest", "items": sorted({*r.items, it.number})})
    return out


def with_full_names(doc: DocText, roster: list[Attendee]) -> list[Attendee]:
    """'Til stede: Lasse, Steffen, …' and later 'Steffen Tholstrup foreslog …': the attendee is
    named in full when the text gives exactly one full name for that first name."""
    out = list(roster)
    singles = [k for k, r in enumerate(out) if " " not in r.name.strip()]
    if not singles:
        return out
    taken = {r.name for r in out}
    for k in singles:
        first = out[k].name.strip()
        full = set()
        # (on one line: "Formand: Bo Dam" / "Sekretær: …" on the next is no "Bo Dam Sekretær"; "Per F Larsen")
        for m in re.finditer(rf"\b{re.escape(first)}[ \t]+(?:[A-ZÆØÅ]\.?[ \t]+)?[A-ZÆØÅ][\w'’-]+(?:[ \t]+[A-ZÆØÅ][\w'’-]+)?",
                             doc.text):
            parsed = _parse_name(m.group())
            if parsed and parsed.start == 0 and parsed.name.split()[0] == first and len(parsed.name.split()) >= 2:
                full.add(parsed.name)
        if not full and any(_INITIALLED.fullmatch(r.name.strip()) for r in out):
            # "Tilstede: Ole T., Henrik, …" and later "Henrik K. foreslog …": the list's own
            # convention (a surname initial), when the text gives one such form for the name
            full = {" ".join(m.group().split()) for m in re.finditer(rf"\b{re.escape(first)}\s+[A-ZÆØÅ]\.(?!\w)", doc.text)}
        if len(full) == 1 and (name := full.pop()) not in taken:
            out[k] = out[k].model_copy(update={"name": name})
        elif not full and len({r.name for r in out if r is not None and r.name.split()[0] == first and " " in r.name}) == 1:
            out[k] = None  # "Tilstede er Jens, …" + "Sekretær: Jens Holm" under the signatures: the same person
    return [r for r in out if r is not None]


_INITIALLED = re.compile(r"[A-ZÆØÅ][\w'’-]+\s+[A-ZÆØÅ]\.")


_NOT_TAKING_PART = re.compile(
    r"(?:følgende|disse)\s+deltog\s+ikke\s+i\s+(?:behandlingen\s+af\s+(?:punktet|sagen)|sagens\s+behandling)[ \t]*:[ \t]*(?P<list>[^\n]+)"
    r"|(?P<names>[A-ZÆØÅ][^.\n:]{1,120}?)\s+deltog\s+ikke\s+i\s+(?:behandlingen\s+af\s+(?:punktet|sagen)|sagens\s+behandling"
    r"|punktets\s+behandling)", re.I)


#: the words every match of `_NOT_TAKING_PART` contains: a cheap scan that finds the few
#: items where the full pattern (which tries a name run at every capital letter) can match
_NOT_TAKING_PART_KEY = re.compile(r"deltog\s+ikke\s+i\s+", re.I)


def with_item_absences(doc: DocText, items: list[Item], roster: list[Attendee]) -> list[Attendee]:
    """'Følgende deltog ikke i behandlingen af punktet: Jens Bo (V)', 'Grethe Larsen deltog ikke i
    sagens behandling': the listed persons took no part in that item."""
    out = list(roster)
    keys = [m.start() for m in _NOT_TAKING_PART_KEY.finditer(doc.text)]
    for it in items:
        k = bisect.bisect_left(keys, it.heading_end)
        if k == len(keys) or keys[k] >= it.char_end:  # no match can lie inside this item
            continue
        for m in _NOT_TAKING_PART.finditer(doc.text, it.heading_end, it.char_end):
            names = m.group("list") or m.group("names")
            for k, r in enumerate(out):
                if re.search(rf"(?<![\w-]){re.escape(r.name)}(?![\w-])", names) and it.number not in r.absent_items:
                    out[k] = r.model_copy(update={"absent_items": [*r.absent_items, it.number]})
                    r = out[k]
    return out


_PEOPLE = r"(?:medlemmer|deltagere|fremmødte|personer|ejere|andelshavere|beboere|stemmeberettigede|husstande|lejligheder|grundejere)"
_COUNT = [
    # "Deltager i alt: 15 (incl. bestyrelsen)", "Fremmødte: 23", "Antal deltagere: 40"
    re.compile(r"(?:deltagere?|fremmødte|antal[ \t]+(?:deltagere|fremmødte))(?:[ \t]+i[ \t]+alt)?[ \t]*:[ \t]*(?P<n>\d{1,3})\b(?![.)])", re.I),
    # "fremmøde på 31 medlemmer", "15 deltagere", "23 medlemmer var mødt", "47 af 81 ejere var repræsenteret"
    re.compile(rf"(?:fremmøde[ \t]+på[ \t]+)?(?<![\d.,])(?P<n>\d{{1,3}})[ \t]+(?:af[ \t]+(?:\w+[ \t]+)?\d{{1,4}}[ \t]+)?{_PEOPLE}\b"
               r"(?=[^.\n]{0,40}\b(?:mødt|fremmødt|til\s+stede|deltog|repræsenteret|fremmøde|stemmeberettigede)\b"
               r"|\s*\(|[.,]?\s*$)", re.I | re.M),
]


_BESIDES = re.compile(rf"\bforuden[ \t]+(?P<a>\d{{1,3}})[ \t]+{_PEOPLE}\b[^.\n]{{0,80}}?\b(?P<b>\d{{1,3}})[ \t]+{_PEOPLE}\b", re.I)


def attendance_count(doc: DocText, items: list[Item]) -> int | None:
    """The number of attendees the minutes give, from the front matter and the first two items
    (where an assembly records who came); None when they give none."""
    end = items[min(1, len(items) - 1)].char_end if items else len(doc.text)
    head = doc.text[:min(end, 6000)]
    both = _BESIDES.search(head)  # "Foruden 4 medlemmer fra bestyrelsen var der fremmødt 2 medlemmer"
    if both:
        return int(both.group("a")) + int(both.group("b"))
    for rx in _COUNT:
        m = rx.search(head)
        if m and (rx is _COUNT[0] or re.search(r"fremmøde|deltag|mødt|til\s+stede|repræsenteret", head[max(0, m.start() - 60):m.end() + 60], re.I)):
            return int(m.group("n"))
    return None


#: "Fra CEJ Administration var mødt afdelingsleder Per Holm og afdelingschef Anni Frandsen": people
#: from an outside organisation who came to the meeting (an administrator, a developer, a consultant)
_CAME_FROM = re.compile(r"\b[Ff]ra[ \t]+(?P<org>[A-ZÆØÅ][\w&'’-]*(?:[ \t]+[A-ZÆØÅ][\w&'’-]*){0,3})[ \t]+"
                        r"(?:var[ \t]+mødt|var[ \t]+til[ \t]+stede|mødte|deltog)[ \t]+(?P<list>[^.\n]+)")


def with_guests_from(doc: DocText, roster: list[Attendee]) -> list[Attendee]:
    """Persons a sentence says came from an outside organisation are guests of that organisation;
    one already on the roster (the administrator elected dirigent) keeps the role and gets the
    organisation."""
    out = list(roster)
    for m in _CAME_FROM.finditer(doc.text):
        org = " ".join(m.group("org").split())
        pos = m.start("list")
        for part in re.split(r"(\s*,\s*|\s+og\s+)", m.group("list")):  # (separators kept: `pos` counts them)
            start, pos = pos, pos + len(part)
            parsed = _parse_name(part.strip(), single_ok=False)
            if parsed is None or parsed.start != 0 and not parsed.job:
                continue
            k = next((i for i, r in enumerate(out) if _same_person(r.name, parsed.name)), None)
            if k is not None:
                if out[k].organisation is None:
                    out[k] = out[k].model_copy(update={"organisation": org})
                continue
            lead = len(part) - len(part.lstrip())
            out.append(Attendee(name=parsed.name, role="guest", organisation=org, job_title=parsed.job,
                                char_start=start + lead + parsed.start, char_end=start + lead + parsed.end))
    return out
