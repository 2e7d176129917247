"""`referat_statements`: who said what — every sentence of an item body → a `Statement`.

Why positional rules: the pipeline has no parser, but Danish main clauses are verb-second,
so a reported statement has one of a few shapes around a reporting verb (lexicon
models/lexicon/reporting_verbs.json):
  * subject first:  "Jane Hansen bemærkede, at ..." / "Hun supplerede ..." /
                    "Lars Berg, teamleder for X, gennemgik ..." / "Jens Bo (A) spurgte ..." /
                    "Formanden orienterede ..." / "Rektor bekræftede ..."
  * inverted (V2):  "I forlængelse heraf orienterede Jane Hansen om ..." /
                    "Som svar på Bos spørgsmål, bemærkede hun ..."
  * coordinated:    "Henrik var enig og tilføjede, at ..."
The subject is a person mention (never a genitive one), a pronoun (hun/han → the last
speaker of that gender in the item), a role noun ("Formanden" → the roster's chair,
"Rektor" → the one attendee with that job title) or something else (an organisation, a
body: the act is kept, the speaker is None).

Attitude predicates with the copula report too: "Sara var enig, men ..." (act "være enig"),
"Tobias var bekymret for ..." ("være bekymret").

A sentence without a reporting verb continues the paragraph's speaker (implicit=True).
A paragraph that names no speaker continues the previous paragraph's speaker only when
it directly follows it and reads as reported content (a bullet, or it opens with "Man",
"Det", "Desuden", ...; or the previous paragraph was a report, "X orienterede om ...",
and this one is not narrated in the past tense). Impersonal sentences ("Det blev
konkluderet ...", "Bestyrelsen godkendte ...", "Forslaget blev forkastet", "Næste møde
...", labels) have no speaker, and neither do sentences about a named person that report
nothing ("Jens Bo blev valgt"), nor passive reports with an unnamed source ("Det oplyses,
at ...", "Fra <organisation> blev det bemærket, at ..."; an organisation source keeps the act).

Tense: minutes are written either in the past ("bemærkede") or in the present
("bemærker"). In a past-tense document a present-tense verb is usually an action
("Henrik svarer beboeren"), so present forms count only when the document uses them.
And in a past-tense document the meeting is narrated in the past ("Bestyrelsen
godkendte"), while what a person reported is in the present ("Arbejdsgruppen forventer
..."): inside a person's report, a body subject with a present-tense verb continues it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract import outline
from extract.nlp import base
from extract.nlp.fastscan import word_starts
from extract.nlp.gazetteer import load_lexicon, load_names
from extract.nlp.intervals import InnermostRange, StaticRanges
from extract.nlp.sentences import sentence_spans
from extract.schema import Attendee, Statement

_LEADING = set("•-–—*·\"'”“«»()[]:;,.") | {"\uf0b7"}
_TASK_LEAD = re.compile(rf"\s*(?:[-–•*·\uf0b7]\s*)?{outline.TASK_LABEL}")
_BULLETS = ("•", "-", "–", "—", "*", "·", "\uf0b7")
_IMPERSONAL = re.compile(
    r"^(?:det|der|dette)\s+(?:blev|bliver|er blevet|blevet)\b"
    r"|^(?:det|der|dette)\s+(?:var|er)\s+(?:\S+\s+){0,6}?"
    r"(?:konkluderet|besluttet|aftalt|vedtaget|godkendt|tiltrådt|noteret|drøftet|enighed|enige|valgt|genvalgt|udsat)\b"
    r"|^(?:næste|kommende)\s+møde"
    r"|^(?:godkendt|godkendes|tiltrådt|tiltrædes|taget til efterretning|vedtaget|anbefales|anbefalet|udsat|forkastet|afvist)\b"
    # "Formandens beretning godkendes.", "Regnskabet vedtages enstemmigt.": the meeting's verdict
    # ("Beretningen blev taget til efterretning.", "Regnskabet blev godkendt enstemmigt.")
    r"|^[^\s,:]+(?:\s+[^\s,:]+){0,3}\s+(?:godkendes|vedtages|forkastes|tiltrædes|afvises|tages\s+til\s+efterretning"
    r"|(?:blev|er\s+blevet)\s+(?:godkendt|vedtaget|forkastet|tiltrådt|afvist|taget\s+til\s+efterretning))"
    r"(?:\s+(?:enstemmigt|uden\s+bemærkninger|med\s+applaus))?\s*[.!]?\s*$",
    re.IGNORECASE,
)
#: acts of asking: what follows a question in its paragraph is an answer, not more of the question
_ASKING = frozenset(("spørge", "stille spørgsmål", "rejse spørgsmål"))
#: a question left open in its sentence ("spurgte, om …", "… hvornår det sker?"), not one answered in it
#: ("spurgte ind til økonomien og fik status fra Vagn")
_OPEN_QUESTION = re.compile(r"\?\s*$|\b(?:om|hvorvidt|hvornår|hvordan|hvorfor|hvem|hvad|hvor(?:dan|meget|mange)?)\b(?![^,.]*\bog\s+fik\b)",
                            re.IGNORECASE)
_AFFILIATION = {"fra", "i", "hos", "ved", "på", "for"}
_CONNECTORS = {"og", "for", "i", "af", "-", "&"}
_OUTLINE = re.compile(rf"^{outline.ENTRY_MARK}$", re.I)
_LABEL = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ\- ]{0,60}:")
_NOT_VERBS_R = {"for", "efter", "under", "over", "der", "her", "hvor", "eller", "mer", "først", "altid", "aldrig"}
_PASSIVE_AUX = {"blev", "bliver", "blevet"}
_MODALS = {"kan", "skal", "må", "bør", "vil", "kunne", "skulle", "måtte", "burde", "ville"}
#: a deputy's compound ("næstformand", "viceskoleleder", "vice-direktør") names another office
_DEPUTY = r"(?<!vice)(?<!vice-)(?<!næst)(?<!næst-)"
#: `_titled_mention`: a title of word characters only (the common case, see _titled_by_index);
#: what may come between a name and its title after it ("Holt, skoleleder", "Holt (V), skoleleder");
#: the word of word characters a text ends in (the class and flag of the title patterns)
_TITLE_WORD = re.compile(r"[\wæøå-]+")
_TITLE_LEAD = re.compile(r"[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?,[ \t]*", re.IGNORECASE)
_LAST_WORD = re.compile(r"(?<![\wæøå-])[\wæøå-]+\Z", re.IGNORECASE)
#: one office, three names: "Ordstyreren" is the elected "dirigent"
_CHAIR_OFFICE = ("dirigent", "ordstyrer", "mødeleder")
#: characters before a mention `_elected` looks at ("Som dirigent valgtes X", "Dirigent: X")
_ELECTED_BEFORE = 60
#: most non-space characters the "after" pattern of `_elected_patterns` matches before the role
#: word: "(…)" 42, "," 1, "blev" 4, "foreslået" 9, "som"/"til" 3
_ELECTED_AFTER_NONSPACE = 59
_NONSPACE_OVER_AFTER = re.compile(rf"(?:\s*\S){{{_ELECTED_AFTER_NONSPACE + 1}}}")


_SOM_TIL = re.compile(r"(?:som|til)\Z", re.IGNORECASE)
_COLON_AFTER = re.compile(r"\s*:")


def _may_hold_role(text: str, p: int, n: int) -> bool:
    """Can the role word at text[p:p + n] be the one `_elected_patterns` match? Both patterns
    have it right after "som"/"til" and white space, or (the "before" one) before "\\s*:"."""
    k = p
    while k > 0 and text[k - 1].isspace():  # `\s` is str.isspace() for str patterns
        k -= 1
    after_som_til = 3 <= k < p and _SOM_TIL.match(text, k - 3, k) is not None
    return after_som_til or _COLON_AFTER.match(text, p + n) is not None


@lru_cache(maxsize=4096)
def _elected_patterns(role: str) -> tuple[re.Pattern, re.Pattern]:
    """`_elected`'s two patterns for a role word: after the mention ("X blev valgt som
    dirigent") and at the end of the text before it ("Som dirigent valgtes X", "Dirigent: X").
    Compiled once per process: the role words outnumber `re`'s own cache."""
    after = re.compile(rf"\s*(?:\([^)]{{0,40}}\)\s*)?,?\s*(?:(?:blev|er|var)\s+)?"
                       rf"(?:(?:gen)?valgt\s+|udpeget\s+|foreslået\s+)?(?:som|til)\s+{role}\b", re.IGNORECASE)
    before = re.compile(rf"(?:\b(?:som|til)\s+{role}\s+(?:(?:gen)?valgtes|blev\s+(?:gen)?valgt|udpegedes|blev\s+udpeget)"
                        rf"|\b{role}\s*:)\s*$", re.IGNORECASE)
    return after, before


@lru_cache(maxsize=16384)
def _pattern(source: str, flags: int = 0) -> re.Pattern:
    """`re.compile`, kept for the process: the patterns built from role and title words
    outnumber `re`'s own cache (512 entries), which then compiled them again and again."""
    return re.compile(source, flags)


def _has_word(title: str, words: set[str]) -> bool:
    """Does the (case-folded) title hold one of the words as a whole word? A word that is not
    even a substring of it cannot match, so the pattern is tried only on those that are."""
    return any(b in title and _pattern(rf"(?<![\wæøå]){re.escape(b)}(?![\wæøå])").search(title) for b in words)


def _has_head(title: str, words: set[str]) -> bool:
    """Does the (case-folded) title end a word in one of the words (of 5+ letters), not after
    a deputy's prefix ("næstformand")? The same substring test first as in `_has_word`."""
    return any(len(b) >= 5 and b in title and _pattern(_DEPUTY + rf"{re.escape(b)}(?![\wæøå])").search(title)
               for b in words)


_CLAUSE_ENDS = {"at", "om", "hvis", "når", "fordi", "som", "hvor", "mens", "idet", "selvom", "hvilket"}


@lru_cache(maxsize=1)
def _lex() -> dict:
    verbs = load_lexicon("reporting_verbs")
    persons = load_lexicon("persons")
    st = load_lexicon("statements")
    forms: dict[str, str] = {}
    for act, fs in verbs["verbs"].items():
        for f in fs:
            forms[f] = act
    phrases: dict[str, list[dict]] = {}
    for ph in verbs["phrases"] + verbs["predicates"]:
        for f in ph["forms"]:
            phrases.setdefault(f, []).append(ph)
    infinitives: dict[str, list[list[str]]] = {}  # first word of an act -> the acts' words
    for act in list(verbs["verbs"]) + [ph["act"] for ph in verbs["phrases"] + verbs["predicates"]]:
        words = act.split()
        infinitives.setdefault(words[0], []).append(words)
    for acts in infinitives.values():
        acts.sort(key=len, reverse=True)
    participles: dict[str, str] = {}  # "meddelt" -> "meddelte": the perfect reports like the past form
    for past in [f for fs in verbs["verbs"].values() for f in fs] + [f for ph in verbs["phrases"] for f in ph["forms"]]:
        if is_present(past):
            continue
        part = verbs.get("participles", {}).get(past)
        if part is None and past.endswith("ede"):
            part = past[:-3] + "et"
        elif part is None and past.endswith(("te", "de")):
            part = past[:-2] + "t"
        if part:
            participles.setdefault(part, past)
    return {
        "forms": forms,
        "phrases": phrases,
        "participles": participles,
        "perfect_aux": frozenset(("har", "havde")),
        "infinitives": infinitives,
        "modals": frozenset(st["reporting_modals"]),
        "pronouns": persons["pronouns"],
        "role_nouns": frozenset(persons["role_nouns"]),
        "roles": persons["roles"],
        "elected_roles": frozenset(persons["elected_roles"]),
        "chairs_by_office": persons["chairs_by_office"],
        "titles": frozenset(persons["titles"]),
        "bodies": frozenset(persons["bodies"]),
        "continuation": frozenset(st["continuation_starters"]),
        "subordinators": frozenset(st["subordinators"]),
        "v2_adverbs": frozenset(st["v2_adverbs"]),
        "no_more": tuple(st["no_more"]),
        "no_more_present": tuple(st["no_more_present"]),
        "no_more_words": frozenset(st["no_more_words"]),
        "predicate_acts": frozenset(ph["act"] for ph in verbs["predicates"]),
        "contentless_acts": frozenset(ph["act"] for ph in verbs["predicates"]) | frozenset(st["agreement_acts"]),
        "question_modals": frozenset(st["question_modals"]),
        "question_infinitives": frozenset(st["question_infinitives"]),
        "qa_labels": st["qa_labels"],
        "name_label_act": st["name_label_act"],
        # "Spørgsmål fra Eva: …", "Kommentar fra Bo om …": a question or remark names its speaker
        # the way a report label does
        "report_labels": {**st["qa_labels"], **st["report_labels"]},
        "not_name_label_words": frozenset(st["not_name_label_words"]),
        "person_only_acts": frozenset(st["person_only_acts"]),
        "copulas": frozenset(f for ph in verbs["predicates"] for f in ph["forms"]) - set(forms),
        "passives": _passive_forms(verbs["verbs"], st["passive_reporting"]),
        # "fremlægges af X", "gennemgås af X": the s-passive of a one-word report act with its agent
        "report_passives": {f: a for f, (a, part) in _passive_forms(
            verbs["verbs"], [a for a in {*st["report_acts"], *st.get("topic_acts", ())} if " " not in a]).items()
            if not part},
        "report_acts": frozenset(st["report_acts"]),
        "topic_acts": frozenset(st.get("topic_acts", ())),
        "own_perfect_not": frozenset(st.get("own_perfect_not", ())),
        "past_markers": frozenset(st["past_markers"]),
        "not_with_object": {a: frozenset(ws) for a, ws in verbs.get("not_with_object", {}).items()},
        "present_modals": frozenset(st["present_modals"]),
    }


def _passive_forms(verbs: dict[str, list[str]], acts: list[str]) -> dict[str, tuple[str, bool]]:
    """Passive form -> (act, is_participle): "oplyses"/"oplystes" (s-passive) and "oplyst"
    (participle, after "blev"). Participles follow the weak conjugation of the past form:
    -ede -> -et ("bemærket"), -te -> -t ("nævnt", "spurgt"), -de -> -t ("sagt", "redegjort")."""
    out: dict[str, tuple[str, bool]] = {}
    for act in acts:
        out[act + "s"] = (act, False)
        for past in (f for f in verbs.get(act, []) if not is_present(f)):
            if past.endswith("ede"):
                out[past + "s"], out[past[:-3] + "et"] = (act, False), (act, True)
            elif past.endswith("te"):
                out[past + "s"], out[past[:-1]] = (act, False), (act, True)
            elif past.endswith("de"):
                out[past[:-2] + "t"] = (act, True)
    return out


def _passive_head(toks: list[Token], k: int, participle: bool) -> int | None:
    """Index of the finite verb of the passive at toks[k]: the s-passive itself ("oplyses"), a
    modal before it ("skal bemærkes"), or the auxiliary of a participle ("blev (det desuden)
    bemærket", "er blevet oplyst"); None when a participle has no passive auxiliary."""
    head = k
    if participle:
        head = next((j for j in range(k - 1, max(-1, k - 5), -1) if toks[j].lower_ in _PASSIVE_AUX), None)
        if head is None:
            return None
        if toks[head].lower_ == "blevet" and head >= 1 and toks[head - 1].lower_ in ("er", "var"):
            head -= 1
    elif head >= 1 and toks[head - 1].lower_ in _MODALS:
        head -= 1
    return head


def is_present(form: str) -> bool:
    """Danish present tense always ends in -r ("bemærker", "gennemgår"); past forms do not,
    but for the copula "var" ("Sara var enig")."""
    return form.endswith("r") and form != "var"


@dataclass
class Subject:
    """Who the positional rules found as the subject of a reporting verb."""

    kind: str  # person | pronoun | role | other
    name: str | None = None  # canonical person name (person)
    gender: str | None = None  # the pronoun's or the person's gender
    word: str = ""  # the subject as written


@dataclass
class Analysis:
    subject: Subject | None
    act: str | None
    verb: str | None


def _label_act(word: str, acts: dict[str, str]) -> str | None:
    """'beretning', 'beretningen', 'formandsberetningen' → the act of the report label."""
    for base in (word, word.removesuffix("en"), word.removesuffix("n")):
        if base in acts:
            return acts[base]
    return next((a for w, a in acts.items() if len(w) >= 6 and word.removesuffix("en").endswith(w)), None)


_UNSET = object()


@lru_cache(maxsize=4096)
def _report_label_act(word: str) -> str | None:
    """`_label_act` for the report labels, once per word (it tries every label's ending)."""
    return _label_act(word, _lex()["report_labels"])


class _Sentence:
    """Token-level view of one sentence with the person mentions it contains."""

    def __init__(self, doc: Doc, start: int, end: int, mentions: dict[int, Span], heading: bool = False):
        self.heading = heading
        self.lead: tuple[Subject, int] | None | object = _UNSET  # see StatementFinder._leading_subject
        span = doc.char_span(start, end, alignment_mode="expand")
        toks = [t for t in span if not t.is_space] if span is not None else []
        while toks and (toks[0].text in _LEADING or toks[0].text.strip("•-–*") == ""
                        or (heading and (toks[0].like_num or toks[0].text in ("§", ".", ")", ":")))):
            toks = toks[1:]  # (in a heading also the item number: "§5", "5.", "Punkt 5:")
        if len(toks) > 2 and toks[1].text in (")", ".") and _OUTLINE.match(toks[0].text) and not toks[0].like_num:
            toks = toks[2:]  # "a) Referatet godkendt", "i. (Vibe) …": an outline mark inside the item
        elif len(toks) > 1 and _OUTLINE.match(toks[0].text.removesuffix(".")) and toks[0].text.endswith(".") \
                and not toks[0].like_num and toks[0].text[:1].islower():
            toks = toks[1:]  # "b. Jens mener …" (the tokenizer keeps "b." whole)
        while toks and toks[0].text == "(" and len(toks) > 1:
            toks = toks[1:]  # "i. (Vibe) …": the parenthesis after the outline mark
        if len(toks) > 3 and toks[1].text == ":" and toks[0].is_alpha and toks[0].i not in mentions \
                and toks[2].i in mentions:
            toks = toks[2:]  # "Padel: Anders B. foreslår …": a topic label before the speaker
        self.toks = toks
        self.mentions: dict[int, Span] = {}  # local index -> mention span starting there
        for n, t in enumerate(toks):
            m = mentions.get(t.i)
            if m is not None:
                self.mentions[n] = m

    def after_title(self, n: int) -> int:
        """n + 1 when toks[n] is a title before a mention ("kasserer Ulf Berg", "formand Eva Holm"), else n."""
        if n + 1 in self.mentions and n not in self.mentions and self.toks[n].lower_ in _lex()["titles"]:
            return n + 1
        return n

    def mention_end(self, n: int) -> int | None:
        """Local index after the mention starting at n, or None."""
        m = self.mentions.get(n)
        if m is None:
            return None
        end = n
        while end < len(self.toks) and self.toks[end].i < m.end:
            end += 1
        return end


class StatementFinder:
    """The component: fills doc._.statements."""

    def __init__(self) -> None:
        self.names = load_names()
        self._org_words: set[str] = set()
        self.roster: list[Attendee] = []
        self._role_cache: dict[str, Attendee | None] = {}
        self._elected_cache: dict[str, str | None] = {}
        self._doc_text = ""
        self._front_end = 0
        self._mentions: list[Span] = []
        self._title_index: tuple | None = None  # see _titled_by_index
        self._mention_index: tuple | None = None  # see _near_role
        self.present_ok = True
        self._report_item = False  # the current item gives reports (see _section_report)

    # -- verbs ----------------------------------------------------------------------------
    def _is_verb(self, tok: Token) -> bool:
        """A finite reporting verb ("bemærkede"), or a modal that can carry one ("kunne oplyse")."""
        lex = _lex()
        w = tok.lower_
        if w in lex["perfect_aux"]:  # "har meddelt": a perfect reports in past- and present-tense minutes
            return tok.text.islower()
        if not tok.text.islower() or (w not in lex["forms"] and w not in lex["phrases"] and w not in lex["modals"]):
            return False
        return self.present_ok or not is_present(w)

    def _perfect_act(self, toks: list[Token], k: int, skip: range | None) -> tuple[str, int, str] | None:
        """"har meddelt", "har desuden oplyst", "havde gjort opmærksom på": the participle within
        three words of the auxiliary reports like its finite past form."""
        lex = _lex()
        idx = [n for n in range(k + 1, min(len(toks), k + 10)) if skip is None or n not in skip]
        for n in idx[:3]:
            past = lex["participles"].get(toks[n].lower_)
            if past is not None:
                found = self._act_at(toks, n, None, form=past)
                return (found[0], found[1], toks[n].text) if found else None
            if toks[n].text in ",;:" or toks[n].lower_ in _CLAUSE_ENDS:
                return None
        return None

    def _modal_act(self, toks: list[Token], k: int, skip: range | None) -> tuple[str, int, str] | None:
        """"kunne oplyse", "kunne ikke tilslutte sig": the infinitive within three words of the modal."""
        lex = _lex()
        idx = [n for n in range(k + 1, min(len(toks), k + 10)) if skip is None or n not in skip]
        for pos, n in enumerate(idx[:3]):
            for words in lex["infinitives"].get(toks[n].lower_, []):
                rest, last, ok = idx[pos + 1: pos + 1 + 6], n, True
                for want in words[1:]:
                    hit = next((m for m in rest if m > last and toks[m].lower_ == want), None)
                    if hit is None:
                        ok = False
                        break
                    last = hit
                if ok:
                    return " ".join(words), last + 1, toks[n].text
            if toks[k].lower_ in lex["question_modals"] and toks[n].lower_ in lex["question_infinitives"]:
                return "spørge", n + 1, toks[n].text  # "Jens ville vide, om ...": a question
        return None

    def _act_at(self, toks: list[Token], k: int, skip: range | None, form: str | None = None) -> tuple[str, int] | None:
        """(act, index after the verb phrase) of the reporting verb at toks[k], phrases first
        (`form`: the finite form to read toks[k] as, for a participle)."""
        lex = _lex()
        form = form or toks[k].lower_
        idx = [n for n in range(k + 1, len(toks)) if skip is None or n not in skip]
        for ph in lex["phrases"].get(form, []):
            window = idx[: ph["window"] + len(ph["after"]) - 1]
            pos, last = 0, k
            for want in ph["after"]:
                alts = set(want.split("|"))
                while pos < len(window) and toks[window[pos]].lower_ not in alts:
                    pos += 1
                if pos >= len(window):
                    break
                last = window[pos]
                pos += 1
            else:
                return ph["act"], last + 1
        act = lex["forms"].get(form)
        if act is None or (idx and toks[idx[0]].lower_ in lex["not_with_object"].get(act, ())):
            return None  # ("ønsker genvalg": a candidacy)
        return act, (max(skip) + 1 if skip else k + 1)

    # -- subjects -------------------------------------------------------------------------
    def _person_subject(self, s: _Sentence, n: int) -> Subject | None:
        m = s.mentions.get(n)
        if m is None or m._.genitive:
            return None
        return Subject("person", m._.canonical or m.text, m._.gender, m.text)

    def _single_word_subject(self, tok: Token, lower_only: bool = False) -> Subject | None:
        """A pronoun ("Hun") or a role noun ("Formanden", "Rektor", "Universitetsdirektøren")."""
        lex = _lex()
        w = tok.lower_
        if w in lex["pronouns"] and (not lower_only or tok.text.islower()):
            return Subject("pronoun", None, lex["pronouns"][w], tok.text)
        if w in lex["role_nouns"] or (tok.text[:1].isupper() and self._role_person(tok.text) is not None):
            return Subject("role", None, None, tok.text)
        return None

    def _leading_subject(self, s: _Sentence) -> tuple[Subject, int] | None:
        """The subject a sentence opens with and the index after it ("Jens Bo (A)", "Lars Berg, chef i X,").

        Found once per sentence (it is asked for at every candidate verb); the answer depends
        only on the sentence and on per-document state fixed before the sentences are read."""
        if s.lead is _UNSET:
            s.lead = self._find_leading_subject(s)
        return s.lead

    def _find_leading_subject(self, s: _Sentence) -> tuple[Subject, int] | None:
        toks = s.toks
        if not toks:
            return None
        start = 0
        while start < len(toks) - 1 and toks[start].lower_ in _lex()["titles"] and start not in s.mentions:
            start += 1
        end = s.mention_end(start)
        if end is not None:
            subj = self._person_subject(s, start)
            if subj is None:
                return None
            if end < len(toks) and toks[end].text == "(":  # "Jens Bo (A)"
                close = next((n for n in range(end, min(len(toks), end + 10)) if toks[n].text == ")"), None)
                if close is not None:
                    end = close + 1
            return subj, end
        one = self._single_word_subject(toks[0])
        if one is not None:
            return one, 1
        return None

    def _subject_before(self, s: _Sentence, k: int) -> Subject | None:
        """Subject first: everything before the verb is the subject (plus an apposition)."""
        toks = s.toks
        if k == 0:
            return None
        lead = self._leading_subject(s)
        if lead is not None:
            subj, end = lead
            if end == k:
                return subj
            if end < k and toks[end].text == "," and toks[k - 1].text == "," and k - end <= 12:
                return subj  # "Lars Berg, teamleder for X, gennemgik"
            if end < k and toks[end].text == "," and 1 <= k - end - 1 <= 2 and all(
                    any(c.isdigit() for c in t.text) or (t.text.isupper() and len(t.text) <= 4) for t in toks[end + 1:k]):
                return subj  # "Rosita Holm, F19 fremlagde": a house or flat code after the name
            if end < k and toks[end].lower_ == "og" and s.mention_end(end + 1) == k and subj.kind == "person":
                return subj  # "Jens Bo og Ib Ask bemærkede": the first one
            if end < k and toks[end].lower_ in _AFFILIATION and k - end <= 7 and toks[end + 1:k] \
                    and all(t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in _CONNECTORS for t in toks[end + 1:k]):
                return subj  # "Kirsten Hvidberg fra Miljøstyrelsen fremlagde", "Lars fra 2E lovede"
            return None
        # another noun phrase: an organisation or a body ("Sundhedsstyrelsen", "Ø og F")
        if k <= 6 and toks[0].text[:1].isupper() and toks[0].lower_ not in _lex()["subordinators"] \
                and all(t.text[:1].isupper() or t.lower_ in ("og", "for", "i", "af", "-") for t in toks[:k]):
            return Subject("other", None, None, " ".join(t.text for t in toks[:k]))
        return None

    def _subject_after(self, s: _Sentence, k: int) -> tuple[Subject, range] | None:
        """V2 inversion: "<adverbial> <verb> <subject> ...": the subject right after the verb."""
        lex = _lex()
        toks = s.toks
        if k == 0 or toks[k - 1].lower_ in lex["subordinators"]:
            return None
        first = next((j for j, t in enumerate(toks) if not t.is_punct), 0)  # (after a bullet "•")
        if k == first + 1 and toks[first].lower_ in lex["bodies"]:
            return None  # "Bestyrelsen foreslog Ole Berg som formand": the body is the subject
        n = k + 1
        if n < len(toks) and toks[n].text.islower() and toks[n].lower_ in lex["v2_adverbs"]:
            n += 1
        if n >= len(toks):
            return None
        end = s.mention_end(n)
        if end is not None:
            subj = self._person_subject(s, n)
            return (subj, range(k + 1, end)) if subj is not None else None
        one = self._single_word_subject(toks[n], lower_only=True)
        if one is not None and (one.kind == "pronoun" or toks[n].text.islower() or k > 1):
            return one, range(k + 1, n + 1)
        return None

    def _coordinated_subject(self, s: _Sentence, k: int) -> Subject | None:
        """"Henrik var enig og tilføjede, at ...": the clause's subject opens the sentence."""
        toks = s.toks
        if k < 2 or toks[k - 1].lower_ != "og":
            return None
        lead = self._leading_subject(s)
        if lead is None:
            return None
        subj, end = lead
        if end >= k - 1 or k - end > 10 or any(t.text in ",;:" for t in toks[end:k]):
            return None
        if toks[k].lower_.endswith("r") and toks[end].lower_.endswith("er") and toks[end].lower_ not in ("er", "har") \
                and not self._is_verb(toks[end]):
            return None  # "Morten ringer til Peter og spørger": a task in the present tense, not a report
        return subj

    def _relative_subject(self, s: _Sentence, k: int) -> Subject | None:
        """"Kim Ravn blev valgt som dirigent, som meddelte, at …": a relative clause right after
        the person the sentence opens with reports that person's speech (nearest mention wins)."""
        toks = s.toks
        if k < 3 or toks[k - 1].lower_ not in ("som", "der") or self._leading_subject(s) is None:
            return None
        for n in range(k - 2, max(-1, k - 12), -1):
            if toks[n].text in ";:" or (toks[n].lower_ in _CLAUSE_ENDS and n != k - 1 and toks[n].lower_ != "som"):
                return None
            if n in s.mentions:
                end = s.mention_end(n)
                if end is not None and all(t.text == "," or t.lower_ == "som" or t.text.islower()
                                           for t in toks[end:k - 1]):
                    return self._person_subject(s, n)
                return None
        return None

    def analyse(self, s: _Sentence) -> Analysis:
        """The first reporting verb with a subject in a main-clause position."""
        toks = s.toks
        quoted = _quoted(toks)
        for k, tok in enumerate(toks):
            if k in quoted or not self._is_verb(tok):
                continue  # ("”Det er bare det jeg skal vide” bemærkede Karl": the quote is what is said)
            subj = self._subject_before(s, k)
            skip = None
            if subj is None or subj.kind == "other":
                after = self._subject_after(s, k)  # "Desuden pointerede hun": an adverb, not a subject
                if after is not None:
                    subj, skip = after
            if subj is None:
                subj = self._coordinated_subject(s, k)
            if subj is None:
                subj = self._relative_subject(s, k)
            if subj is None:
                continue
            modal = tok.lower_ in _lex()["modals"]
            perfect = tok.lower_ in _lex()["perfect_aux"]
            found = (self._perfect_act(toks, k, skip) if perfect else
                     self._modal_act(toks, k, skip) if modal else self._act_at(toks, k, skip))
            if found is None:
                continue
            act, nxt = found[0], found[1]
            if subj.kind == "other" and perfect:
                continue  # "Kommunen har oplyst, at ...": narrated inside a report, it continues it
            if subj.kind == "other" and act in _lex()["predicate_acts"]:
                continue  # "Bestyrelsen var enig om, at ...": the body's agreement is a decision, not speech
            verb = f"{tok.text} {found[2]}" if modal or perfect else tok.text  # "kunne oplyse", "har meddelt"
            # "Anja tilsluttede sig og understregede, at ...", "Sara var enig, men syntes, at ...":
            # the second verb carries the content
            if nxt < len(toks) and toks[nxt].text == ",":
                nxt += 1
            # (only after an agreement or attitude, which has no content of its own: "bød velkommen og
            # foreslog ..." keeps the first act)
            if act in _lex()["contentless_acts"] and nxt + 1 < len(toks) and toks[nxt].lower_ in ("og", "men") \
                    and self._is_verb(toks[nxt + 1]):
                second = self._act_at(toks, nxt + 1, None)
                if second is not None:
                    act, verb = second[0], toks[nxt + 1].text
            elif act in _lex()["topic_acts"]:  # "gennemgik X og oplyste, at" (not "... og fremhævede, at")
                second = self._content_verb(toks, nxt)
                if second is not None:
                    act, verb = second
            return Analysis(subj, act, verb)
        return Analysis(None, None, None)

    def _content_verb(self, toks: list[Token], nxt: int) -> tuple[str, str] | None:
        """"gennemgik regnskabet og oplyste, at ...": after a presentation verb's object, a
        coordinated reporting verb that opens a content clause ("at"/"om") carries the act."""
        for n in range(nxt, min(len(toks) - 2, nxt + 10)):
            w = toks[n].lower_
            if toks[n].text in ",;:" or w in _CLAUSE_ENDS:
                return None
            if w == "og" and self._is_verb(toks[n + 1]) and toks[n + 1].lower_ not in _lex()["perfect_aux"] \
                    and toks[n + 1].lower_ not in _lex()["modals"]:
                second = self._act_at(toks, n + 1, None)
                if second is None:
                    return None
                after = second[1] + (second[1] < len(toks) and toks[second[1]].text == ",")
                if after < len(toks) and toks[after].lower_ in ("at", "om") and second[0] in _lex()["report_acts"]:
                    return second[0], toks[n + 1].text
                return None
        return None

    # -- roles -----------------------------------------------------------------------------
    def _role_person(self, word: str) -> Attendee | None:
        """"Formanden" → the roster's chair; "Rektor" → the one attendee with that job title."""
        if word not in self._role_cache:
            self._role_cache[word] = self._find_role_person(word)
        return self._role_cache[word]

    def _find_role_person(self, word: str) -> Attendee | None:
        lex = _lex()
        w = word.casefold()
        if w in self._org_words:  # "Venstre ønsker …": the party, not the one member titled with it
            return None
        bases = {w}
        for suf in ("en", "n", "et"):
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                bases.add(w[: -len(suf)])
        if w.endswith("ren") and len(w) >= 7:
            bases.add(w[:-1] + "r")  # "Ordstyren": the common slip for "Ordstyreren"
        by_title = [a for a in self.roster if a.job_title and _has_word(a.job_title.casefold(), bases)]
        if len(by_title) == 1:
            return by_title[0]
        if by_title:
            return None
        for b in bases & lex["elected_roles"]:  # "Dirigenten": the one elected dirigent in these minutes
            name = self._elected(b) or (next(filter(None, map(self._elected, _CHAIR_OFFICE)), None)
                                        if b in _CHAIR_OFFICE else None)
            if name is None and b in _CHAIR_OFFICE:
                name = next((a.name for a in self.roster if a.role == "chair"
                             and (a.job_title or "").casefold() in _CHAIR_OFFICE), None)
            if name:
                return self._attendee_named(name)
        for b in bases:
            role = lex["roles"].get(b)
            if role:
                holders = [a for a in self.roster if a.role == role]
                if b not in lex["elected_roles"] and role == "chair":
                    # at a general assembly the chair is the elected dirigent, not "Formanden"
                    dirigents = {self._elected(e) for e in lex["elected_roles"]} - {None}
                    holders = [a for a in holders if a.name not in dirigents
                               and (a.job_title or "").casefold() not in lex["elected_roles"]]
                if holders:  # none (the chair read as a member): the title decides below
                    return holders[0] if len(holders) == 1 else None
        # "Direktøren" for the one "Kommunaldirektør", "Formanden" for the one "Bestyrelsesformand":
        # the title's compound head, but not a deputy's title ("Næstformand", "Viceskoleleder")
        heads = [a for a in self.roster if a.job_title and _has_head(a.job_title.casefold(), bases)]
        if len(heads) == 1:
            return heads[0]
        for b in bases:  # "Borgmesteren": by law the chair of Økonomiudvalget / Byrådet
            bodies = lex["chairs_by_office"].get(b)
            if bodies and self._front_body_matches(bodies):
                holders = [a for a in self.roster if a.role == "chair"]
                return holders[0] if len(holders) == 1 else None
        if heads:
            return None
        for b in sorted(bases, key=len, reverse=True):  # "Annelie Ginzel blev genvalgt som formand"
            name = self._elected(b) if len(b) >= 5 else None
            if name:
                return self._attendee_named(name)
        return self._titled_mention(bases) or self._report_of(bases)

    def _report_of(self, bases: set[str]) -> Attendee | None:
        """"Formandens beretning v/ Lise Holm": the one person whose report the role's genitive names
        (only for role nouns: the scan over the mentions is too dear for every capitalised word)."""
        roles, text = _lex()["role_nouns"], self._doc_text
        alt = "|".join(re.escape(b) for b in sorted(bases, key=len, reverse=True) if len(b) >= 5 and b in roles)
        if not alt or "v/" not in text and " ved " not in text:
            return None
        rx = _pattern(rf"(?<![\wæøå])(?:{alt})(?:en|n)?s[ \t]+[\wæøå]+[ \t]+(?:v/|ved)[ \t]*$", re.IGNORECASE)
        names = {m._.canonical or m.text for m in self._mentions if rx.search(text, max(0, m.start_char - 60), m.start_char)}
        return self._attendee_named(names.pop()) if len(names) == 1 else None

    def _attendee_named(self, name: str) -> Attendee:
        """The roster's attendee of that name, or (a person the text names but the list lacks) a bare one."""
        return next((a for a in self.roster if a.name == name), None) or Attendee(
            name=name, role="member", organisation=None, job_title=None, char_start=0, char_end=0)

    def _titled_mention(self, bases: set[str]) -> Attendee | None:
        """The one person the text gives this title in apposition ("Marianne Holt, skoleleder",
        "Skoleleder Marianne Holt"), when the roster lost it: a deputy's title ("viceskoleleder")
        is another word, so it never stands for the title itself."""
        text = self._doc_text
        alt = "|".join(re.escape(b) for b in sorted(bases, key=len, reverse=True) if len(b) >= 4)
        if not alt:
            return None
        if all(_TITLE_WORD.fullmatch(b) for b in bases if len(b) >= 4):
            hits = self._titled_by_index(alt, {len(b) for b in bases if len(b) >= 4})
        else:
            # (not the next name of a list: "Ole Berg, Kaj Holm" gives nobody the title "kaj")
            after = _pattern(rf"[ \t]*(?:\([^()\n]{{0,40}}\)[ \t]*)?,[ \t]*(?:{alt})(?![\wæøå-])(?![ \t]+(?-i:[A-ZÆØÅ]))",
                             re.IGNORECASE)
            before = _pattern(rf"(?<![\wæøå-])(?:{alt})[ \t]+$", re.IGNORECASE)
            hits = [m for m in self._mentions
                    if after.match(text, m.end_char) or before.search(text[max(0, m.start_char - 40):m.start_char])]
        names = {m._.canonical or m.text for m in hits}
        if len(names) != 1:
            return None
        name = names.pop()
        return self._attendee_named(name)

    def _titled_by_index(self, alt: str, lengths: set[int]) -> list[Span]:
        """The mentions `_titled_mention`'s two patterns accept, for titles made of word
        characters only, without testing every mention for every subject word.

        Per document, each mention is cut once into what a title could be next to it:
          * after it: where a title would start after ", " or " (…), " (`_TITLE_LEAD`); a
            title holds no white space, so that start is the only one the pattern can use;
          * before it: the word the 40-character window ends in before its final spaces
            (`[ \\t]+$`, also before a final newline): a title of word characters there, not
            preceded by another word character, is exactly that whole word.
        A title then matches the words of its lengths (case-insensitive, by the regex engine
        as before) and the "after" starts. Same mentions as the two patterns.
        """
        if self._title_index is None:
            text = self._doc_text
            words: dict[int, dict[str, list[int]]] = {}  # length -> word -> mention indices
            starts: list[tuple[int, int]] = []  # (mention index, where a title would start)
            for k, m in enumerate(self._mentions):
                lead = _TITLE_LEAD.match(text, m.end_char)
                if lead:
                    starts.append((k, lead.end()))
                window = text[max(0, m.start_char - 40):m.start_char]
                core = window.removesuffix("\n")  # `$` may match before a final newline
                head = core.rstrip(" \t")
                word = _LAST_WORD.search(head) if len(head) < len(core) else None
                if word:
                    words.setdefault(len(word.group()), {}).setdefault(word.group(), []).append(k)
            self._title_index = (words, starts)
        words, starts = self._title_index
        title = _pattern(rf"(?:{alt})", re.IGNORECASE)
        hit: set[int] = set()
        for n in lengths:
            for word, ks in words.get(n, {}).items():
                if title.fullmatch(word):
                    hit.update(ks)
        after = _pattern(rf"(?:{alt})(?![\wæøå-])(?![ \t]+(?-i:[A-ZÆØÅ]))", re.IGNORECASE)
        text = self._doc_text
        hit.update(k for k, q in starts if k not in hit and after.match(text, q))
        return [self._mentions[k] for k in sorted(hit)]

    def _elected(self, role: str) -> str | None:
        """The one person the minutes elect or name to a meeting function: "X blev valgt som
        dirigent", "foreslog X som dirigent", "Som referent valgtes X", "Dirigent: X".

        Cached per document: every role word looked up asks for the same few offices, and
        each answer is a scan over all person mentions."""
        if role not in self._elected_cache:
            self._elected_cache[role] = self._find_elected(role)
        return self._elected_cache[role]

    def _find_elected(self, role: str) -> str | None:
        text = self._doc_text
        mentions = self._mentions
        near = self._near_role(role)
        if near is not None:
            mentions = [mentions[k] for k in near]
        if not mentions:
            return None
        after, before = _elected_patterns(role)
        names = {m._.canonical or m.text for m in mentions
                 if after.match(text, m.end_char) or before.search(text[max(0, m.start_char - _ELECTED_BEFORE):m.start_char])}
        return names.pop() if len(names) == 1 else None

    def _near_role(self, role: str) -> list[int] | None:
        """The mentions (indices, in order) `_elected_patterns(role)` can match next to: every
        other one is far from each place the role word occurs. None: no such index (then all).

        "before" needs the word inside the mention's 60-character window; "after" needs it
        after the mention's end with at most `_ELECTED_AFTER_NONSPACE` non-space characters
        in between, and the first occurrence (`p`) is the nearest one in that count.
        """
        starts = word_starts(role, self._doc_text)
        if starts is None:
            return None
        starts = [p for p in starts if _may_hold_role(self._doc_text, p, len(role))]
        if self._mention_index is None:
            by_start = sorted((m.start_char, k) for k, m in enumerate(self._mentions))
            by_end = sorted((m.end_char, k) for k, m in enumerate(self._mentions))
            self._mention_index = ([s for s, _ in by_start], [k for _, k in by_start],
                                   [e for e, _ in by_end], [k for _, k in by_end])
        start_at, start_k, end_at, end_k = self._mention_index
        text, n = self._doc_text, len(role)
        near: set[int] = set()
        prev = -1 << 30
        for p in starts:
            lo, hi = bisect.bisect_left(start_at, p + n), bisect.bisect_right(start_at, p + _ELECTED_BEFORE)
            near.update(start_k[lo:hi])
            # mentions whose first occurrence at least 4 characters ("som ") on is this one
            i = bisect.bisect_right(end_at, p - 4)
            while i > 0 and end_at[i - 1] > prev - 4:
                i -= 1
                if _NONSPACE_OVER_AFTER.match(text, end_at[i], p):
                    break
                near.add(end_k[i])
            prev = p
        return sorted(near)

    def _front_body_matches(self, bodies: list[str]) -> bool:
        """Do the minutes' front matter (before the first item) name one of these bodies?"""
        front = self._doc_text[: self._front_end][:1500].casefold()
        return any(b in front and _pattern(rf"(?<![\wæøå]){re.escape(b)}").search(front) for b in bodies)

    # -- the component ---------------------------------------------------------------------
    def _tense(self, doc: Doc, lo: int) -> bool:
        """May present-tense forms count as reporting verbs in this document?"""
        lex = _lex()
        past = present = 0
        text = self._doc_text
        # token offsets from the arrays, not `for tok in doc` (a Token object per token is the
        # slow part); a lower-case token's `lower_` is its text
        for i, (idx, length) in enumerate(zip(doc.to_array(IDX).tolist(), doc.to_array(LENGTH).tolist())):
            w = text[idx : idx + length]
            if idx < lo or not w.islower():
                continue
            if (w in lex["forms"] or w in lex["phrases"]) and w not in lex["copulas"]:  # "er"/"var" tell nothing
                if w not in lex["forms"] and self._act_at(list(doc[i:i + 12]), 0, None) is None:
                    continue  # "kommer", "tager": common verbs that report only in a phrase ("kommer med forslag")
                if is_present(w):
                    present += 1
                else:
                    past += 1
        return past < 2 or present * 2 >= past

    def __call__(self, doc: Doc) -> Doc:
        items = sorted(doc._.item_spans or [], key=lambda x: x[1])
        doc._.statements = []
        if not items:
            return doc
        self.roster = list(doc._.roster or [])
        self._role_cache = {}
        self._elected_cache = {}
        # organisations named in the text ("Venstre", "Danmarksdemokraterne") are never a role word
        self._org_words = {sp.text.casefold() for sp in doc.spans["orgs"]} if "orgs" in doc.spans else set()
        self._doc_text = base.doc_text(doc)
        self._front_end = items[0][1]
        self._mentions = [m for m in doc.spans["persons"] if not m._.genitive] if "persons" in doc.spans else []
        self._title_index = None
        self._mention_index = None
        self.present_ok = self._tense(doc, items[0][1])
        org_of = {a.name: a.organisation for a in self.roster}
        gender_of = {a.name: self.names.gender(a.name.split()[0]) for a in self.roster if a.name.split()}
        mentions = {m.start: m for m in doc.spans["persons"]} if "persons" in doc.spans else {}
        # per sentence: the innermost item (the later of equal starts) and "inside a heading?",
        # by bisection rather than a scan over every item
        innermost = InnermostRange([(s, e) for _, s, e, _ in items], later_ties=True)
        headings = StaticRanges([(s, h) for _, s, _, h in items])
        doc_text = self._doc_text
        paras = sorted(tuple(p) for p in (doc._.paragraphs or _blocks(doc_text)))
        para_starts = [p[0] for p in paras]

        out: list[Statement] = []
        out_item = None
        cur_item = None
        history: list[tuple[str, str | None]] = []  # speakers of the current item: (name, gender)
        last_para = None
        para_speaker: str | None = None  # the speaker the current paragraph carries
        para_act: str | None = None  # the act of the paragraph's last explicit statement
        prev_para_speaker: str | None = None  # the speaker the previous paragraph ended with
        prev_para_report = False  # ... and it ended with a report ("X orienterede om ...")
        para_bullet = para_own = False  # the paragraph is a bullet / named its speaker itself
        prev_sibling_own = False  # the previous paragraph was a bullet naming its own speaker
        # "Forslag fra Bo Berg:" + the proposal's own paragraphs: a speaker's line ending in ":" announces
        # the text below it, which is theirs until a bullet, a heading or another speaker
        quote_speaker: str | None = None
        # an item's text attached after the last item (its report): a later range of a number seen before
        attached = {k for k, it in enumerate(items) if any(o[0] == it[0] and o[1] < it[1] for o in items)}
        reporter: dict[str, str] = {}  # item -> who gave its report ("Beretningen af X er vedlagt")
        # the items of reports ("Aflæggelse af beretninger"): their topic lines name who reports
        report_items = {k for k, it in enumerate(items) if "beretning" in doc_text[it[1]:it[3]].casefold()}
        for start, end in sentence_spans(doc):
            k = innermost.index_at(start)
            item = items[k][0] if k is not None else None
            if item is None:
                continue
            in_heading = headings.any_overlap(start, start + 1)
            self._report_item = k in report_items  # (before the heading is read: it is this item's)
            if in_heading and not self._heading_report(doc, start, end, mentions):
                continue  # a heading is no statement, unless it names the reporter ("5. Beretning ved X")
            if k in attached and start == items[k][1]:
                label = self._report_label(_Sentence(doc, start, end, mentions))
                if label is None or label.subject is None or label.subject.kind != "person":
                    continue  # the attached report's own heading ("Beretning 2024"), unless it names its author
            if item != cur_item:
                cur_item, history, last_para, para_speaker, para_act = item, [], None, None, None
                quote_speaker = None
            p_idx = max(bisect.bisect_right(para_starts, start) - 1, 0)
            new_para = p_idx != last_para
            if new_para:
                adjacent = last_para is not None and p_idx == last_para + 1
                prev_para_speaker = para_speaker if adjacent else None
                prev_para_report = bool(prev_para_speaker) and para_act in _lex()["report_acts"]
                prev_sibling_own = para_bullet and para_own
                para_speaker = para_act = None
                para_own = False
                last_para = p_idx
            sent = _Sentence(doc, start, end, mentions, heading=in_heading)
            text = doc_text[start:end]
            if new_para:
                para_bullet = text.lstrip().startswith(_BULLETS)
            by = self._trailing_attribution(text, sent)
            if by is not None and out and out_item == item and (not out[-1].speaker or out[-1].implicit):
                # "Spørgsmål: Hvorfor ...? (Per Berg)": the parentheses name who said the sentence before
                prev = out[-1]
                label = prev.text.split(":", 1)[0].strip().casefold() if ":" in prev.text[:20] else ""
                act = _lex()["qa_labels"].get(label) or ("spørge" if prev.text.rstrip().endswith("?") else prev.act)
                out[-1] = prev.model_copy(update={"speaker": by.name, "organisation": org_of.get(by.name),
                                                  "act": act, "implicit": False})
                para_speaker, para_act, para_own = by.name, act, True
                history.append((by.name, gender_of.get(by.name) or by.gender))
            if _TASK_LEAD.match(text):
                # "Aktion: Bo beder viceværten om …": a task taken on, not something said; the
                # paragraph's speaker ends with it
                para_speaker = para_act = None
                out_item = item
                out.append(Statement(char_start=start, char_end=end, text=text, speaker=None,
                                     organisation=None, act=None, verb=None, implicit=False))
                continue
            answer = bool(out) and out_item == item and out[-1].text.rstrip().endswith("?")
            an = self._name_label(sent, answer)
            # a report label that is its paragraph ("Fodbold ved Mona Holm.") announces the text below it
            label_line = an is None and (an := self._report_label(sent)) is not None \
                and paras[p_idx][1] <= end + 1 and paras[p_idx][0] >= start - 1
            an = an or self._according_to(sent) or self.analyse(sent)
            speaker = None
            implicit = False
            lead = self._leading_subject(sent)  # (the subject the sentence opens with, if any)
            # the paragraph continues the text a label line announced (see quote_speaker)
            quoted = new_para and quote_speaker is not None and quote_speaker == prev_para_speaker \
                and not para_bullet and not in_heading
            if an.subject is not None and an.subject.kind == "other" and an.act in _lex()["person_only_acts"]:
                an = Analysis(None, None, None)  # "Styregruppen forventer at …" reports no speech: a plan
            if an.subject is None:
                # "Regnskabet blev fremlagt af Ulf Berg": the agent of a passive report is its speaker;
                # "Det oplyses, at ...": no speaker, or an organisation's act
                an = self._agent_passive(sent) or self._passive_report(sent)
            if an.subject is not None:
                subj = an.subject
                if subj.kind == "person":
                    speaker = subj.name
                elif subj.kind == "pronoun":
                    speaker = _resolve_pronoun(subj.gender, history)
                elif subj.kind == "role":
                    person = self._role_person(subj.word)
                    speaker = person.name if person else None
                para_speaker = speaker
                para_act = an.act if speaker else None
                para_own = bool(speaker)
                if speaker:
                    history.append((speaker, gender_of.get(speaker) or (subj.gender if subj.kind == "person" else None)))
            elif (own := self._own_perfect(sent)) is not None:
                speaker, implicit = own, True  # "Ole har indhentet tre tilbud": Ole's own account
                para_speaker, para_act, para_own = speaker, None, True
                history.append((speaker, gender_of.get(speaker)))
            elif self._impersonal(text, sent, in_report=(bool(para_speaker) and not new_para
                                                          and para_act in _lex()["report_acts"]) or quoted):
                para_speaker = para_act = None
            elif lead is not None and lead[0].kind == "person" \
                    and lead[0].name != (para_speaker if not new_para else prev_para_speaker):
                para_speaker = para_act = None  # "Robert mener … . Christian følger op.": another person acts
            elif para_speaker and not new_para and para_act in _ASKING and out and out[-1].speaker == para_speaker \
                    and _OPEN_QUESTION.search(out[-1].text):
                para_speaker = para_act = None  # "Kaj spurgte, om … . Det er der ikke.": the answer is not the asker's
            elif para_speaker and not new_para:
                speaker, implicit = para_speaker, True
            elif new_para and prev_para_speaker and not (para_bullet and prev_sibling_own) and (
                    self._continues(text, sent) or (prev_para_report and self._reads_as_report(text, sent))
                    or quoted):
                # (a bullet continues the report that opened its list, not a sibling bullet's
                # own speaker: "• Bo beder viceværten om …" / "• Cyklerne er sat tilbage.")
                speaker, implicit = prev_para_speaker, True
                para_speaker = speaker
            else:
                para_speaker = para_act = None
            if speaker is None and lead is not None and lead[0].kind == "person":
                # "Stefan Vrang valgtes. Han fastslog, …": a person the sentence is about is who "han" means next
                history.append((lead[0].name, gender_of.get(lead[0].name) or lead[0].gender))
            if speaker and not implicit and an.subject is not None and an.act in _lex()["report_acts"]:
                reporter[item] = speaker
            elif speaker is None and k in attached and item in reporter and an.subject is None:
                speaker, implicit = reporter[item], True  # the attached report is its reporter's
            if speaker is None or speaker != quote_speaker:
                quote_speaker = speaker if speaker and (text.rstrip().endswith(":") or label_line) else None
            out_item = item
            out.append(Statement(
                char_start=start, char_end=end, text=text, speaker=speaker,
                organisation=org_of.get(speaker) if speaker else None,
                act=an.act if an.subject else None, verb=an.verb if an.subject else None, implicit=implicit,
            ))
        doc._.statements = out
        return doc

    def _name_label(self, sent: _Sentence, answer: bool = False) -> Analysis | None:
        """"Birgit: husk at ...": informal minutes put the speaker's name as a label before what
        she said; not a list entry ("Ole Berg: genvalgt", "Bo Kjær: 12 stemmer"). Right after a
        question (`answer`) a short reply is speech too ("Leif: 25 tusind kr.")."""
        toks = sent.toks
        n = 0
        if len(toks) > 3 and toks[0].is_alpha and toks[1].text == ":" and toks[2].text == "(":
            n = 3  # "Klage: (Frede) Udover …": a topic label, then the speaker in parentheses
        paren = n == 3 or (bool(toks) and toks[0].i > 0 and toks[0].doc[toks[0].i - 1].text == "(")
        end = sent.mention_end(n)
        if paren and end is not None and end < len(toks) and toks[end].text in (")", "):"):
            # "(Vibe) Synes skabene …", "(Frede): Jeg synes …": the speaker in parentheses first
            end += 1 + (end + 1 < len(toks) and toks[end + 1].text == ":")
        elif end is None or end + 1 >= len(toks) or toks[end].text not in (":", "-", "–"):
            return None
        else:
            end += 1
        if end >= len(toks) or not (toks[end].is_alpha or (answer and toks[end].like_num)):
            return None
        subj = self._person_subject(sent, n)
        lex = _lex()
        content = [t for t in toks[end:] if t.is_alpha]
        if subj is None or len(content) < (1 if answer else 3) \
                or (not answer and any(t.lower_ in lex["not_name_label_words"] for t in content)):
            return None
        return Analysis(subj, lex["name_label_act"], None)

    def _according_to(self, sent: _Sentence) -> Analysis | None:
        """"Ifølge Per Berg er der …", "Iflg. Kim kan …": the sentence gives what the person said;
        "Forslagsstiller: Eva Holm, byrådsmedlem (M)": the person who put the proposal forward."""
        toks = sent.toks
        if toks and toks[0].i >= 2 and toks[0].doc[toks[0].i - 1].text == ":" \
                and toks[0].doc[toks[0].i - 2].lower_ in ("forslagsstiller", "forslagsstillere"):
            subj = self._person_subject(sent, 0)  # (the label was cut off as a topic label)
            return Analysis(subj, "foreslå", None) if subj is not None else None
        n = 1 if toks and toks[0].lower_ in ("ifølge", "iflg.") else 0
        if toks and toks[0].lower_ == "iflg" and len(toks) > 1 and toks[1].text == ".":
            n = 2
        end = sent.mention_end(n) if n else None
        if end is None:
            # "… dette er, jf. Lars, noget som …": the source named between commas inside the sentence
            for j in range(1, len(toks) - 1):
                if toks[j - 1].text != "," or toks[j].lower_ not in ("jf.", "jf", "iflg.", "iflg", "ifølge"):
                    continue
                k = j + 2 if toks[j].lower_ in ("jf", "iflg") and toks[j + 1].text == "." else j + 1
                if (e := sent.mention_end(k)) is not None and e < len(toks) and toks[e].text == ",":
                    n, end = k, e
                    break
        if end is None or not any(t.is_alpha for t in toks[end:]) and n <= 2:
            return None
        subj = self._person_subject(sent, n)
        return Analysis(subj, None, None) if subj is not None else None

    def _heading_report(self, doc: Doc, start: int, end: int, mentions: dict[int, Span]) -> bool:
        """An item heading that is a report label ("§5 Formandens beretning ved Kim Lund")."""
        return self._report_label(_Sentence(doc, start, end, mentions, heading=True)) is not None

    def _report_label(self, sent: _Sentence) -> Analysis | None:
        """"Orientering v/ Kim." / "Beretning ved formanden:" / "Update fra Daniel om X": a label naming who gives the
        report; the sentences after it in the paragraph are that person's report."""
        toks = sent.toks
        # the label word first, or after a genitive ("Formandens beretning"), as a compound
        # ("Formandsberetningen"), with a year after it ("Beretning 2023 af …")
        k = 1 if len(toks) > 1 and toks[0].text[:1].isupper() and toks[0].lower_.endswith("s") \
            and _report_label_act(toks[1].lower_) else 0
        if len(toks) > 4 and toks[1].lower_ == "fra" and toks[0].is_title and toks[0].lower_ not in _lex()["qa_labels"] \
                and _report_label_act(toks[2].lower_):
            k = 2  # "Stikord fra beretningen ved formand Eva Holm:", "Noter fra oplægget v/ Bo"
        act = _report_label_act(toks[k].lower_) if toks else None
        if act is None and sent.heading and len(toks) >= 4 and any(t.lower_ == "v/" for t in toks[2:18]):
            k, act = 0, "fremlægge"  # "5. Fastlæggelse af budget v/ Jens Berg": the heading names its presenter
        if act is None and self._report_item and (section := self._section_report(sent)) is not None:
            return section
        if len(toks) < k + 3 or act is None:
            return None
        n = k + 1
        if toks[n].like_num:
            n += 1
        dash = next((j for j in range(n, min(len(toks) - 1, n + 12)) if toks[j].text in ("–", "—", "-")), None)
        closing = sent.mention_end(dash + 1) if dash is not None else None
        if closing is not None and closing >= len(toks) - (toks[-1].text == "."):
            n = dash + 1  # "Beretning fra formand for fodbold – Eva Holm": the author closes the label
        elif n < len(toks) and toks[n].lower_ in ("v/", "ved", "fra", "af") and (
                toks[n].lower_ in ("v/", "ved") or n + 1 < len(toks) and sent.mention_end(n + 1) is not None
                or not sent.heading):  # "Update fra Daniel om økonomien" (not "Forelæggelse af årsregnskab v/ X")
            n += 1
        elif toks[n].lower_ == "v" and n + 1 < len(toks) and toks[n + 1].text == "/":
            n += 2
        elif (sent.heading or act == "foreslå") and (v := next((j for j in range(n, min(len(toks) - 1, n + 16)) if toks[j].lower_ == "v/"
                                          or (toks[j].lower_ == "v" and toks[j + 1].text == "/")), None)) is not None:
            n = v + (1 if toks[v].lower_ == "v/" else 2)  # "Forslag om nye regler for hegn … v/ Per Kjær"
            # (a label line in the text too, when the one person closes it: not "Forslag til X v/ Kaj og Mette")
            closing = sent.mention_end(n)
            if not sent.heading and (closing is None or closing < len(toks) and toks[closing].text != "."):
                return None
        else:
            return None
        n = sent.after_title(n)  # "Beretning ved formand Eva Holm"
        end = sent.mention_end(n)
        if end is not None:
            subj = self._person_subject(sent, n)
        elif n < len(toks) and (person := self._role_person(toks[n].lower_)) is not None:
            subj, end = Subject("person", person.name, None, toks[n].text), n + 1
        else:
            return None
        attached = end < len(toks) and toks[end].lower_ in ("er", "var") and any(
            t.lower_ in ("vedlagt", "vedhæftet") for t in toks[end:end + 4])  # "Beretningen af X er særskilt vedlagt"
        if subj is None or any(t.is_alpha for t in toks[end:end + 1]) and toks[end].lower_ not in ("og", "om") and not attached:
            return None
        return Analysis(subj, act, None)

    def _section_report(self, sent: _Sentence) -> Analysis | None:
        """"Fodbold ved Mona Holm." / "Badminton og volley ball v/ Claus Dam": under a reports item, a
        line of a topic (a few words, no verb) and the person who gives its report, nothing after."""
        toks = sent.toks
        v = next((j for j in range(1, min(6, len(toks) - 1)) if toks[j].lower_ in ("ved", "v/")), None)
        if v is None or not toks[0].is_title or any(not (t.is_alpha or "-" in t.text) or self._is_verb(t)
                                                      or t.lower_ in _lex()["copulas"] for t in toks[:v]):
            return None
        end = sent.mention_end(v + 1)
        if end is None or end < len(toks) - (toks[-1].text in (".", ":")):
            return None
        subj = self._person_subject(sent, v + 1)
        return Analysis(subj, "berette", None) if subj is not None else None

    def _trailing_attribution(self, text: str, sent: _Sentence) -> Subject | None:
        """A sentence that is only a person in parentheses, "(Per Berg)", closing the one before it."""
        t = text.strip()
        if not (t.startswith("(") and t.rstrip(".").endswith(")")) or "(" in t[1:]:
            return None
        end = sent.mention_end(0)
        if end is None or [x.text for x in sent.toks[end:]] not in ([")"], [")", "."]):
            return None
        return self._person_subject(sent, 0)

    def _impersonal(self, text: str, sent: _Sentence, in_report: bool = False) -> bool:
        """Sentences no person says: passive conclusions, the body acting, labels, a named person acted on.

        `in_report`: the sentence follows a person's report ("X orienterede om ...") in the same
        paragraph; there a body subject with a present-tense verb in past-tense minutes is the
        report's content ("Arbejdsgruppen forventer at ..."), not the meeting's. After a mere
        remark it is not ("X bemærkede, at ... . Forvaltningen sørger for ...": an action).
        """
        lex = _lex()
        low = text.casefold()
        if _IMPERSONAL.search(text) or _LABEL.match(text) or low.startswith(lex["no_more"]):
            return True
        toks = sent.toks
        if not toks:
            return True
        opening = next((o for o in lex["no_more_present"] if low.split()[:len(o.split())] == o.split()), None)
        if opening is not None:  # "Der er ingen bemærkninger", not "Der er ikke lagt op til besparelser"
            n = len(opening.split())
            if len(toks) <= n or toks[n].lower_ in lex["no_more_words"] or toks[n].is_punct:
                return True
        first = toks[0]
        if first.lower_ in lex["bodies"] and first.text[:1].isupper():
            # "Bestyrelsen godkendte ...", "Forslaget blev forkastet"; not "Arbejdsgruppen forventer" in a report
            plan = len(toks) > 1 and lex["forms"].get(toks[1].lower_) in lex["person_only_acts"]
            return not (in_report and (plan or not self.present_ok) and len(toks) > 1 and _present_verb(toks[1]))
        if first.lower_ == "vi" and not in_report and len(toks) > 1 and toks[1].text.islower() and (
                toks[1].lower_ in lex["past_markers"] or toks[1].lower_.endswith(("ede", "te"))):
            return True  # "Vi besluttede ...", "Vi stemte om ...": the meeting acting (not "Vi har fået ...")
        lead = self._leading_subject(sent)
        if lead is not None and lead[0].kind in ("person", "role"):
            return True  # "Mikkel Aagaard blev genvalgt": about a person, reporting nothing
        if first.text[:1].isupper() and len(toks) > 1 and toks[1].lower_ in ("blev", "bliver") \
                and first.lower_ not in lex["pronouns"] and not in_report:
            return True  # "Arbejdsdagen blev fastsat til ..." (but inside a report, "Varslen blev sendt sent" is its content)
        return False

    def _reads_as_report(self, text: str, sent: _Sentence) -> bool:
        """After a report paragraph ("X orienterede om personale: ..."): a whole sentence of a
        past-tense document whose main clause is not narrated in the past ("Renoveringen er
        blevet forsinket", not "Sagen blev drøftet" or "Bestyrelsen besluttede ...")."""
        if self.present_ok or not sent.toks or text.strip()[-1:] not in ".!?":
            return False
        lex = _lex()
        for tok in sent.toks:
            w = tok.lower_
            if tok.text in ",;:" or w in _CLAUSE_ENDS:
                break  # the main clause ends; a subordinate clause may be in any tense
            if tok.text.islower() and (w in lex["past_markers"] or (len(w) >= 6 and w.endswith("ede"))
                                       or (w in lex["forms"] and not is_present(w))):
                return False
        return True

    def _own_perfect(self, sent: _Sentence) -> str | None:
        """"Ole har indhentet tre tilbud", "Formanden har modtaget en henvendelse": a person
        opening the sentence with a perfect-tense verb gives their own account; the person's name."""
        lead = self._leading_subject(sent)
        if lead is None or lead[0].kind not in ("person", "role"):
            return None
        toks, n = sent.toks, lead[1]
        if n >= len(toks) or toks[n].lower_ not in _lex()["perfect_aux"] or not toks[n].text.islower():
            return None
        n += 1
        while n < len(toks) and toks[n].lower_ in _lex()["v2_adverbs"]:
            n += 1
        if n >= len(toks) or not toks[n].is_alpha or not toks[n].text.islower() \
                or not toks[n].lower_.endswith("t") or toks[n].lower_ in _lex()["own_perfect_not"]:
            return None
        if lead[0].kind == "person":
            return lead[0].name
        person = self._role_person(lead[0].word)
        return person.name if person else None

    def _agent_passive(self, sent: _Sentence) -> Analysis | None:
        """"Regnskabet blev fremlagt af Ulf Berg", "Årets budget omdelt og gennemgået af Mia Holm",
        "Budgettet fremlægges af kasserer Ulf Berg": a reporting participle, or the s-passive of a
        report act, in the main clause with a person (a title or role word may come first) as its agent."""
        toks, lex = sent.toks, _lex()
        for k, tok in enumerate(toks[:-2]):
            if tok.lower_ in _CLAUSE_ENDS:
                return None
            if toks[k + 1].lower_ != "af":
                continue
            past = lex["participles"].get(tok.lower_)
            act = lex["forms"].get(past) if past is not None else lex["report_passives"].get(tok.lower_)
            if not act:
                continue
            n = sent.after_title(k + 2)  # "af kasserer Ulf Berg", "af formanden Eva Holm"
            if sent.mention_end(n) is not None:
                person = self._person_subject(sent, n)
                if person is not None:
                    return Analysis(person, act, tok.text)
            elif toks[n].lower_ in lex["role_nouns"] and self._role_person(toks[n].text) is not None:
                return Analysis(Subject("role", None, None, toks[n].text), act, tok.text)  # "af formanden"
        return None

    def _passive_report(self, sent: _Sentence) -> Analysis:
        """A passive reporting clause with a formal subject: "Det oplyses, at ...", "Det blev
        bemærket, at ...", "Fra <source> blev det desuden nævnt, at ...", "Der blev spurgt til ...".

        No person says it (the source is unnamed), so it gets no speaker, not even the previous
        one. A named source keeps the act: an organisation ("Fra Danske X blev det bemærket")
        as subject "other" (speaker None), a person mention ("Fra Jens Bo blev det ...") as the speaker.
        """
        toks = sent.toks
        none = Analysis(None, None, None)
        for k, tok in enumerate(toks[:15]):
            if tok.lower_ in _CLAUSE_ENDS:
                return none  # only the main clause: "..., at det blev oplyst" is content
            hit = _lex()["passives"].get(tok.lower_) if tok.text.islower() else None
            head = _passive_head(toks, k, hit[1]) if hit else None
            if head is None:
                continue
            # the formal subject: "Det blev ...", "Der blev ..." (only sentence-first: "Forslaget, der
            # blev nævnt" is a relative clause), or inverted after the finite verb: "Fra X blev det ..."
            before = head >= 1 and (toks[head - 1].lower_ == "det" or (head == 1 and toks[0].lower_ == "der"))
            after = head + 1 < len(toks) and toks[head + 1].lower_ in ("det", "der")
            if not (before or after):
                continue
            act = hit[0]
            if toks[0].lower_ == "fra" and head > 1:
                person = self._person_subject(sent, 1)
                if person is not None:
                    return Analysis(person, act, tok.text)
                if toks[1].text[:1].isupper():
                    source = " ".join(t.text for t in toks[1:head] if t.text[:1].isupper() or t.lower_ in _CONNECTORS)
                    return Analysis(Subject("other", None, None, source), act, tok.text)
            return Analysis(Subject("other", None, None, ""), None, None)  # an unnamed source: no act
        return none

    def _continues(self, text: str, sent: _Sentence) -> bool:
        """Does a paragraph with no speaker of its own continue the previous speaker's report?"""
        t = text.strip()
        if not t or not sent.toks:
            return False
        if t.startswith(_BULLETS):
            return True
        if t[-1] not in ".!?)\"”":
            return False  # a heading-like line, not reported content
        return sent.toks[0].lower_ in _lex()["continuation"]


_QUOTES = frozenset('"”“„»«')


def _quoted(toks: list[Token]) -> set[int]:
    """Indices of the tokens inside a quotation that opens the sentence and closes before its end."""
    if not toks:
        return set()
    first = 1 if toks[0].text in _QUOTES else 0  # (the opening quote is usually stripped as a leading mark)
    if not first and not (toks[0].i > 0 and toks[0].doc[toks[0].i - 1].text in _QUOTES):
        return set()
    close = next((j for j in range(first, len(toks)) if toks[j].text in _QUOTES), None)
    return set(range(close + 1)) if close is not None and close < len(toks) - 2 else set()


def _present_verb(tok: Token) -> bool:
    """Is the word in second position (the finite verb) present tense: "forventer", "har", "kan"?"""
    w = tok.text
    if not w.isalpha() or not w.islower():
        return False
    return w in _lex()["present_modals"] or (w.endswith("r") and w not in _NOT_VERBS_R)


def _blocks(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _resolve_pronoun(gender: str | None, history: list[tuple[str, str | None]]) -> str | None:
    """The last speaker whose gender fits; else the last speaker of unknown gender."""
    for name, g in reversed(history):
        if g == gender:
            return name
    for name, g in reversed(history):
        if g is None:
            return name
    return None


@Language.factory("referat_statements")
def make_statements(nlp: Language, name: str) -> StatementFinder:
    return StatementFinder()
