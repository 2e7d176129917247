"""Danish temporal expressions: find them in minutes text and normalise them to date ranges.

Pure functions, no spaCy: `find_temporal(text, ref)` returns `Temporal` records whose
`start`/`end` are inclusive dates, normalised against `ref` (the meeting date).

Families (one finder per family, each a compiled regex built from the month/season tables):

* dates: "30. september 2020", "d. 30. sept. 2020", "4.12.2012", "04-12-2012", "6/10-2010",
  "d. 28/ september", "2020-12-02", "den 2. december", "d. 6/10", day ranges "2.-4. marts".
* months: "april 2021", "i december", "i løbet af oktober", "primo/medio/ultimo maj [2021]"
  (days 1-10 / 11-20 / 21-end), "første/anden halvdel af maj", "udgangen af juni" (last day).
* years: "i 2021", "siden 2013", "for 2020" ... a 4-digit year 1900-2100 counts only after
  a temporal word (i, siden, fra, til, inden, for, år, ...) or chained by "og/eller/samt"
  to such a year; never inside amounts, case/journal numbers, codes or percentages.
  "primo/medio/ultimo 2021" = Jan-Mar / May-Aug / Oct-Dec (first, middle, last part).
* weeks: "uge 44", "uge 44 2021", "uge 36-47 2011", "uge 36 til og med uge 47 2011" (ISO weeks).
* quarters "Q3 2021", "2. kvartal 2021", "4. kvt. 2021", "første kvartal"; halves "første
  halvdel af 2021", "andet halvår 2021", "1. halvår", "H2 2021".
* seasons: forår = Mar-May, sommer = Jun-Aug, efterår (høst) = Sep-Nov, vinter = Dec-Feb;
  "vinteren 2021" (and "vinteren 2020/21") is the winter that ENDS in 2021: Dec 2020-Feb 2021.
* holidays: jul (24-26 Dec), juleferien (23 Dec-1 Jan), påske (Thu-Mon), påskeferien,
  pinse, sommerferien (Danish schools: last Saturday of June to Sunday of ISO week 32),
  efterårsferien (ISO week 42), vinterferien (ISO week 7). "inden/før <holiday>" is the
  holiday itself with `deadline` True (the anchor, like "inden 1. marts" is that day).
  "efter <holiday>" (granularity "range", text includes "efter") is the period just after
  it: the next day to the end of that month, or of the following month when fewer than two
  weeks would be left — "efter sommerferien" = Monday of ISO week 33 to 31 August, "efter
  påske" = Tuesday after Easter to the end of the month, "efter jul" = 27 Dec to 31 Jan;
  "efter årsskiftet/nytår" = the January after the year turn.
* relative to `ref`: "næste/sidste/denne uge|måned|kvartal|halvår|år", "i år", "i fjor",
  "om en måneds tid" / "om to uger" / "om 14 dage" (a day: ref + N days, a week = 7 days;
  whole months and years by the calendar, "om seks måneder" from 21 September is 21 March,
  half a month 15 days), "inden for to uger", "for to år siden",
  "årsskiftet" (granularity "relative": 1 January of the year after `ref` when the sentence
  speaks of the future or is neutral, 1 January of `ref`'s year in a past-tense sentence;
  "årsskiftet 2020/21" = 2021-01-01).
* ranges: "fra 1. marts til 15. april 2022", "november – april", "2021-2022", "mellem 2019
  og 2021", "januar-marts 2021": one record spanning both ends; a missing year on one side is
  taken from the other side (the start moves back a year when it would follow the end).
  "fra X til Y" is not a range after "rykke/flytte/udskyde" (a move, not a period).
* coordinations of CONSECUTIVE periods are one range whose text spans the coordination:
  "uge 9 og 10", "ugerne 27, 28 og 29", "1. og 2. kvartal 2021", "Q1 og Q2", "1.-2. halvår",
  "januar og februar", "december og januar", "2023 og 2024", "2019, 2020 og 2021"; a
  coordination of non-adjacent periods ("uge 9 og 12", "1. og 3. kvartal", "marts og maj",
  "2017 og 2019") stays separate expressions (a covering range would invent the gap).

Year resolution when the expression has no year:

* bare quarters and halves ("Q3", "1. halvår") take the latest explicit year mentioned
  before them in the same sentence, else earlier in the same paragraph (when the caller
  gives no paragraphs: the `split_paragraphs` block, at most 3 sentences back), else `ref`;
  A year taken from an EARLIER sentence is dropped when it would put a future-tense quarter
  before the meeting (the earlier sentence was about the past);
* everything else uses `ref` and the tense of the sentence: future/present -> the first
  occurrence whose end is on or after `ref` (a period containing `ref` counts); past -> the
  last occurrence whose start is on or before `ref`; neutral (no usable finite verb) ->
  future after "til/inden/senest/indtil/før/mod", past after "siden", else the occurrence
  nearest to `ref`;
* with `ref=None` the first full date in the text (normally the meeting date in the title)
  is used as reference; without one, expressions that need a reference are dropped.

Tense heuristic (`clause_tense`): the sentence is cut into clauses at , ; : ( ) [ ], spaced
dashes and inner sentence ends. Finite-verb markers are collected: past = irregular past
forms (var, havde, blev, gik, kom, fik, sagde, skete, tog, gav, slog, viste, ...), weak past
forms in -ede and -bte/-dte/-gte/-lte/-rte/-vnte/-yste (not after an article/copula, where
they are adjectives: "de påvirkede", "den aftalte"), deponents "mødtes", "lykkedes",
perfect tense (har/havde/er/var + participle: "har haft", "er blevet" -> past; the
perfect is treated as past), "skulle have været"; present/future = vil, skal, kan, er, har
(no participle), forventes, planlægger, regner med, kommer til at, bliver, næste, passive
-es ("holdes"), pronoun + -er ("hun flytter"). A verb right after an infinitive auxiliary
("vil blive holdt") does not count: the finite auxiliary decides. Two kinds of perfect
point ahead: "har/er" + a scheduling participle (afsat, planlagt, aftalt, booket, fastsat,
berammet, indkaldt, ...: "der er afsat to timer d. 12/3") is a standing arrangement, and
"er udsat/flyttet/rykket til" names the new date. A promise/plan/decision verb governing
"at" + infinitive (lovet, planlagt, besluttet, aftalt, vedtaget, enige om, agter, ... — "har
lovet at etablere den i foråret", "besluttede at holde mødet i marts") puts a future marker
on the "at", which is nearer to a following date than the (past) governing verb. A date
INSIDE a perfect group ("har i juni haft", "har siden 2013 fulgt", "har i december
aftalt") is the past event's own time: past. A perfect in an at-clause under an
expectation or goal ("det forventes, at systemet er implementeret i juni", "målet er, at
alle har gennemført kurset i maj") is a future perfect: future. Reporting verbs
(orienterede, bemærkede, bad, drøftede, ... and any past verb introducing ", at") narrate
the meeting itself and are ignored. The nearest marker in the
expression's own clause decides; else the nearest marker in a main (non-relative) clause
of the sentence; else any clause; else the sentence is neutral.
"så" is not used as a past marker (mostly the adverb/conjunction).

Deadline rule (`deadline` flag), evaluated in the expression's sentence:

* True when a deadline word sits right before the expression (up to 3 words between):
  senest, inden, indenfor, før (not "ikke før"), deadline, frist, tidsfrist; or
  "deadline"/"frist"/"skal være klar|færdig|på plads|..." anywhere in the 80 characters
  before it, or "er/som deadline|frist" right after it — regardless of tense;
* True when the expression itself starts with "inden"/"senest" ("inden for to uger");
* True when the clause is not past tense, the period does not end before `ref`, and
  - a goal framing ("planen er, at", "målet er", målsætning, sigter) precedes it in its
    main clause (<= 120 characters; not across ", og"/", men"/";"), or
  - a completion predicate (klar, færdig, afslutte(s/t), på plads, i mål, levere) precedes
    it in its main clause (not across ", og"/", men"/";") or follows it before the next
    og/men/der/som/comma ("skal i uge 48 være klar"; "begynde i uge 22 og være afsluttet i
    december": only december), or
  - a forecast/plan verb (forventes/forventer/forventning, planlægger) governs a
    completion or delivery: "forventes klar/færdig/afsluttet/implementeret/igangsat/
    afleveret/præsenteret/etableret i ...", "forventes at kunne ske i Q3", "forventer at
    aflevere/præsentere ... i", "planlægger at <verb>", or a completion subject
    ("Implementeringen forventes i juni"). This is the issue's "forventes ... i" target;
* False otherwise: past events ("har siden 2013 fulgt", "reviderede ... i 2017"), plain
  mentions, and plain forecasts — of a quantity or state ("forventer færre elever efter
  sommerferien", "udgiften forventes at falde i 2024", "forventer et overskud i 2021",
  "forventes at udgøre ..."; any amount/percentage word in the forecast wins) or of an
  event that is not a delivery ("forventes at træde i kraft", "forventes at foreligge",
  "forventer at sende ... ultimo august", "planlægge arbejdsdagen den 22. april").
  Compounds count as deadline words: "Høringsfristen er den 24. marts", "ansøgningsfrist".

Overlapping candidates: the longest wins (ties: the earlier one).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from calendar import monthrange
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Callable, Iterable

from extract.nlp.fastscan import finditer  # exactly re.Pattern.finditer, faster on whole documents

__all__ = [
    "Temporal",
    "find_temporal",
    "next_meeting_date",
    "split_sentences",
    "split_paragraphs",
    "clause_tense",
]


@dataclass(frozen=True)
class Temporal:
    char_start: int   # offsets into the text passed in
    char_end: int
    text: str         # surface text, e.g. "2. kvartal 2021"
    start: date       # inclusive
    end: date         # inclusive
    granularity: str  # "day" | "week" | "month" | "quarter" | "half" | "season" | "year" | "range" | "relative"
    deadline: bool


Span = tuple[int, int]
Period = tuple[date, date]

# --------------------------------------------------------------------------- lexicon

MONTHS: dict[str, int] = {
    "januar": 1, "februar": 2, "marts": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "august": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
MONTH_ABBR: dict[str, int] = {
    "jan": 1, "feb": 2, "febr": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
#: season -> (first month, last month); winter wraps the year end.
SEASONS: dict[str, tuple[int, int]] = {
    "forår": (3, 5), "sommer": (6, 8), "efterår": (9, 11), "høst": (9, 11), "vinter": (12, 2),
}
NUMBER_WORDS: dict[str, float] = {
    "en": 1, "et": 1, "én": 1, "ét": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6,
    "syv": 7, "otte": 8, "ni": 9, "ti": 10, "elleve": 11, "tolv": 12, "fjorten": 14,
    "halvanden": 1.5, "et par": 2, "par": 2,
}
ORDINALS: dict[str, int] = {
    "første": 1, "1.": 1, "andet": 2, "anden": 2, "2.": 2, "tredje": 3, "3.": 3, "fjerde": 4, "4.": 4,
}

#: Words after which a bare 4-digit number is read as a year.
YEAR_CONTEXT = frozenset("""
i siden fra til før efter inden indtil gennem for år året årene af mellem omkring ved per pr.
senest mod primo medio ultimo start slut hele budget budgettet budgetår budgetåret regnskab
regnskabet regnskabsår regnskabsåret finanslov finansloven finansåret økonomiaftale
økonomiaftalen økonomiaftalerne øa perioden periode sæson sæsonen ind henover valg genvalg
""".split())
#: Compound heads of events and yearly reports: the year after them dates the event
#: ("Julefrokost 2016", "Formandsberetningen 2023"), unlike a project name ("Kulturkommune 2017").
_EVENT_ENDINGS = ("middag", "frokost", "fest", "festen", "dag", "stævne", "stævnet", "turnering", "turneringen",
                  "beretning", "beretningen", "rapport", "rapporten", "regnskab", "regnskabet", "tur", "turen")
#: Words after a number that make it an amount, not a year.
UNIT_WORDS = frozenset("""
kr kr. kroner dkk euro eur mio mio. mia mia. % pct pct. procent stk stk. personer patienter
borgere timer dage ansatte brugere ordinationer medarbejdere deltagere sager gange licenser
besøg konsultationer enheder kunder elever børn læger henvendelser km m2 kvm tons
""".split())
_NUMREF_BEFORE = re.compile(
    r"(?:\b(?:nr|nrs|sagsnr|j\.nr|jnr|journalnr|id|version|ver|v|tlf|telefon|mobil|cvr|ean|kontonr|reg|"
    r"bilag|punkt|pkt|dagsordenspunkt|indsats|afsnit|kapitel|paragraf|stk|side|s)\.?|§)\s*$",
    re.I,
)

# Tense lexicon ---------------------------------------------------------------
REPORTING = frozenset("""
orienterede bemærkede pointerede supplerede fremhævede svarede konkluderede spurgte
understregede tilføjede uddybede oplyste fortalte sagde meddelte redegjorde gennemgik
præsenterede kvitterede foreslog erklærede påpegede anførte indledte opfordrede tilsluttede
udtrykte henviste fremførte konstaterede noterede anbefalede forklarede opsummerede takkede
bød roste efterlyste informerede tilkendegav besvarede bekræftede beskrev refererede fremlagde
ridsede opridsede introducerede indstillede drøftede nævnte bad rejste opremsede opregnede
""".split())
PAST_IRREGULAR = frozenset("""
var havde blev gik kom fik sagde skete tog gav slog viste lå stod gjorde bad lagde satte
valgte fandt holdt afholdt fulgte bragte solgte talte fortalte vidste begyndte nåede
besluttede vedtog godkendte måtte
""".split())
FUTURE_WORDS = frozenset("""
vil skal forventes forventer forventeligt planlægger planlægges regner påtænker agter
bliver næste kommende fremover fremadrettet snart snarest ventes afventer påbegyndes
""".split())
PRESENT_WORDS = frozenset("""
er har kan bør må får går ligger sker følger gælder mangler arbejder pågår udestår kører
starter kommer findes ses fås gives sendes
""".split())
PARTICIPLES = frozenset("""
været haft fået gået set sket givet taget kommet blevet gjort sagt lagt sat valgt meldt holdt
fulgt nævnt kendt ment tænkt bragt købt sendt brugt kørt ført hørt lært mødt søgt vist fundet
skrevet besluttet aftalt godkendt drøftet startet igangsat nedsat afsat udsat lukket åbnet
afholdt gennemført udført indført vedtaget modtaget foretaget påbegyndt afsluttet udarbejdet
leveret iværksat tiltrådt udskudt forsinket bedt slået stået ligget glemt mistet opnået udsendt
fremsendt indsendt behandlet konstateret oplevet
""".split())
_AUX_SKIP = frozenset("""
ikke også allerede nu netop endnu tidligere jo dog desuden altid aldrig vist faktisk derfor
hidtil ligeledes selv blot kun lige i så man der de det vi han hun
""".split())
_NOT_PARTICIPLE = frozenset("""
meget budget godt fast stort kort lidt helt tæt let ret mest først sidst tidligt muligt vigtigt
nødvendigt svært klart højt ondt sent nemt dyrt billigt nyt stadigt travlt fokus brug behov
tilfældet målet punktet mødet arbejdet området projektet resultatet
""".split())
_DET_COPULA = frozenset("""
de den det disse denne dette en et er var være blive bliver blevet meget mere mest særligt
særlig for mange alle nogle hans hendes deres vores sine sin sit min mit mine som at til skal
vil kan må bør skulle kunne ville burde
""".split())
_ADJ_STOP = frozenset("""
vedlagte aftalte planlagte omtalte fastlagte ovennævnte førnævnte berørte udvalgte afsatte
ansatte udsendte tilsendte fremsendte indsendte korte sorte ægte hårde stede rede brede vrede
lede fede hede forsinkede påvirkede interesserede involverede relaterede integrerede
""".split())
_PAST_TE = ("bte", "dte", "gte", "lte", "rte", "vnte", "mte", "pte", "yste", "øste")
_PAST_DEPONENT = ("dtes", "edes", "ltes", "gtes", "btes")  # mødtes, lykkedes, betaltes
_DETERMINERS = frozenset("en et den det de disse denne dette hans hendes deres vores sin sit sine min mit mine".split())
_FUTURE_PREPS = frozenset({"til", "inden", "senest", "indtil", "før", "mod"})
_PRONOUNS = frozenset("jeg du han hun man vi de den det der".split())
_INFINITE_AUX = frozenset({"blive", "være", "have", "bliver", "blevet", "været"})
_RELATIVE_CLAUSE_START = frozenset({"der", "som", "hvilket", "hvor", "hvis", "hvorfor", "hvorefter"})
#: 'har/er' + one of these participles is a standing arrangement whose date lies ahead
#: ("der er afsat to timer d. 12/3", "mødet er berammet til ..."), not a past event.
_ARRANGED = frozenset("""
afsat planlagt aftalt booket fastsat berammet reserveret bestilt indkaldt fastlagt varslet
annonceret arrangeret tilrettelagt inviteret
""".split())
#: ... and these only when the date is what it is moved TO ("er udsat til foråret").
_MOVED = frozenset("udsat udskudt flyttet rykket forlænget forskudt".split())
#: A date inside a perfect verb group is an adverbial of the (past) event: "har i juni haft",
#: "har siden 2013 fulgt"; these words may sit between the auxiliary and the participle.
_GROUP_SKIP = _AUX_SKIP | frozenset("""
på siden fra til den d omkring ved efter før inden løbet af uge primo medio ultimo starten
slutningen midten begyndelsen udgangen sidste forrige år året foråret sommeren efteråret
vinteren vinter sommer forår efterår denne dette dag går
""".split()) | frozenset(MONTHS)
#: A promise/plan/decision verb governing "at" + infinitive: the infinitive's date lies ahead
#: of the promise ("har lovet at etablere den i foråret", "besluttede at holde mødet i marts").
_INTENT_AT = re.compile(
    r"\b(?:lov(?:er|ede|et)|planl(?:ægger|agde|agt)|beslut(?:ter|tede|tet)|aftal(?:er|te|t)"
    r"|vedt(?:ager|og|aget)|agter|påtænker|ønsker|håber|tilb(?:yder|ød|udt)|(?:enig(?:e|hed)?|konsensus)\s+om"
    r"|regner\s+med|(?:forpligte(?:r|de|t)|påt(?:ager|og|aget))\s+sig|hensigt(?:en)?|planer\s+om)"
    r"(?:\s+\w+){0,2}?\s+(?P<at>at)\s+(?P<inf>\w+)",
    re.I,
)
#: an at-clause under an expectation/goal: its perfect is a future perfect ("det forventes,
#: at systemet er implementeret i juni", "målet er, at alle har gennemført kurset i 2025")
_RX_EXPECT_AT = re.compile(
    r"\b(?:forvent\w*|planen\s+er|målet\s+er|håber|regner\s+med|sikre|sørge\s+for)\s*,?\s+at\s+"
    r"(?:\w+\s+){0,4}$", re.I)
_NOT_INFINITIVE = _PRONOUNS | frozenset("""
alle disse denne dette en et nogle mange flere hele samme hver vores deres hans hendes sin sit
sine min mit mine ingen alt andre begge
""".split())
_SHORT_INFINITIVES = frozenset("gå få se nå stå bo dø tro ske slå".split())

# Deadline cues -----------------------------------------------------------------
_DL_ADJACENT = re.compile(
    r"(?<!ikke )(?<!først )\b(?:senest|inden|indenfor|før|\w*deadline[n]?|\w*frist(?:en)?)"
    r"(?:\s+\S+){0,3}?\s*$",
    re.I,
)
_DL_INSIDE = re.compile(r"(?:inden|indenfor|senest)\b", re.I)  # 'inden for to uger'
_DL_BEFORE = re.compile(
    r"\b(?:\w*deadline|\w*frist|skal\s+(?:\w+\s+)?være\s+(?:klar|færdig|på\s+plads|implementeret|"
    r"afsluttet|gennemført|leveret|i\s+drift|etableret))",
    re.I,
)
_DL_AFTER = re.compile(r"^\W{0,3}(?:er|som|var)\s+(?:\w+\s+)?(?:deadline|frist)", re.I)
#: goal framings that introduce a target anywhere later in the sentence ("Målet er, at ...")
_DL_FRAME = re.compile(r"\b(?:(?:planen|målet)\s+er\s*,?\s+at|målet\s+er|målsætning\w*|sigte[rs]?)\b", re.I)
#: completion predicates: the date is when something must be done/ready (own clause)
_DL_GOAL = re.compile(r"\b(?:klar|færdig\w*|afslut\w*|på\s+plads|i\s+mål|levere[rs]?|leveret)\b", re.I)
#: forecast/plan verbs: a target only when they govern a completion or delivery predicate
_DL_FORECAST = re.compile(r"\b(?:forvent(?:es|er|et|ede|ning\w*)|planlæg\w*)\b", re.I)
_DL_DELIVERY = re.compile(
    r"\b(?:klar|færdig\w*|afslut\w*|implementer\w*|gennemfør\w*|igangsat|igangsæt\w*|aflever\w*|"
    r"levere[rst]?|leveres|præsenter\w*|fremlæg\w*|fremlagt|idriftsat|idriftsæt\w*|i\s+drift|på\s+plads|"
    r"i\s+mål|etabler\w*|ske)\b",
    re.I,
)
#: ... a subject naming a completion ("Implementeringen forventes i Q3")
_DL_DELIVERY_NOUN = re.compile(
    r"\b(?:implementering|idriftsættelse|levering|leverance|aflevering|færdiggørelse|afslutning|"
    r"udrulning|ibrugtagning)\w*", re.I)
#: ... but a forecast of a quantity or a state is not a target ("forventer færre elever",
#: "udgiften forventes at falde", "forventer et overskud", "forventes at udgøre 2 mio. kr.")
_DL_QUANTITY = re.compile(
    r"(?:\b(?:færre|flere|mere|mindre|fald\w*|stig\w*|vækst|vokse\w*|øge\w*|øget|reducer\w*|"
    r"overskud\w*|underskud\w*|niveau\w*|udgøre\w*|beløbe\w*|koste\w*|besparelse\w*|"
    r"merforbrug\w*|mindreforbrug\w*|antal\w*|procent|pct|mio|mia|kr)\b|%)",
    re.I,
)
_DL_CUT = re.compile(r"\b(?:og|men|eller|samt|mens|hvor|der|som)\b|[,;:]", re.I)
_RX_NEW_MAIN_CLAUSE = re.compile(r"[,;]\s*(?:og|men|mens|samt|eller)\b|;", re.I)
_PLAN_AT = re.compile(r"planlæg\w*\s+(?:\w+\s+)?at\s+\w", re.I)

# --------------------------------------------------------------------------- regexes

_YEAR = r"(?:19\d\d|20\d\d|2100)"


def _lead_year(boundary: str) -> str:
    """A year 1900-2100 not preceded by `boundary` (a char class). Patterns start with a plain
    character class and test the left boundary after it: a leading look-behind would make
    the regex engine try every position, which is ~3x slower on long texts."""
    return rf"[12](?<!{boundary}[12])(?:(?<=1)9\d\d|(?<=2)(?:0\d\d|100))"


def _lead_day(boundary: str) -> str:
    """A 1-2 digit number not preceded by `boundary` (day of month; validated later)."""
    return rf"\d(?<!{boundary}\d)\d?"


_YEAR_END = r"(?![\w]|[.,]\d)"


def _alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first, so 'sept' wins over 'sep'."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_FULL = _alt(MONTHS)
_ABBR = _alt(MONTH_ABBR)
_MONTH_TOK = rf"(?:(?:{_FULL})(?!\w)|(?:{_ABBR})(?:\.|(?!\w)))"
_REL_YEAR = r"(?:(?:næste|dette|indeværende|sidste|forrige)\s+år|i\s+år|i\s+fjor)(?!\w)"
_REL_YEAR_AF = rf"(?:{_REL_YEAR}|(?:af\s+)?året(?!\w))"
_NUM = rf"(?:\d{{1,3}}|{_alt(NUMBER_WORDS)})"
_I = re.I | re.U
_YEAR_AFTER_SEP = _lead_year(r"[\w.\-/]")
_DAY_AFTER_SEP = _lead_day(r"[\w.\-/,]")
_DAY_LEAD = _lead_day(r"[\w.,/]")
_YEAR_LEAD = _lead_year(r"[\w.,/\-]")

#: 2023-03-14, and the dotted 2023.03.14 (two-digit month and day) of some web and mail exports
RE_ISO = re.compile(rf"(?P<y>{_YEAR_AFTER_SEP})(?:-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)|\.(?P<m2>[01]\d)\.(?P<d2>[0-3]\d))"
                    rf"(?![\w\-/]|[.,]\d)", _I)
RE_DMY = re.compile(
    rf"(?P<d>{_DAY_AFTER_SEP})(?P<s>[./-])(?P<m>[01]?\d)(?P=s)(?P<y>{_YEAR})(?![\w\-/]|[.,]\d)", _I)
RE_DM_Y = re.compile(
    rf"(?P<d>{_DAY_AFTER_SEP})/(?P<m>[01]?\d)(?:\s*[-/]\s*(?P<y>{_YEAR}|\d\d)|\s+(?P<y4>{_YEAR}))"
    rf"(?![\w\-/]|[.,]\d)", _I)
#: "31.01.21", "05-05-21": a two-digit year only with a two-digit day and month, as forms print them
RE_DMY2 = re.compile(r"(?<![\w.,/-])(?P<d>[0-3]\d)(?P<s>[.-])(?P<m>[01]\d)(?P=s)(?P<y>\d\d)(?![\w\-/]|[.,]\d)")
RE_DM_SLASH = re.compile(r"d(?<!\wd)(?:\.|en)\s*(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)(?![\w/]|[.,\-]\d)", _I)
#: 'senest 31/3', 'inden 1/4', 'frist: 15/6' — a yearless d/m after a deadline word (no 'd.'/'den')
RE_DM_DEADLINE = re.compile(r"(?<!\w)(?:senest|inden|frist(?:en)?:?)\s+(?P<d>[0-3]?\d)/(?P<m>[01]?\d)"
                            r"(?![\w/]|[.,\-]\d)", _I)
#: 'd. 20 og 27/11', 'den 3. og 10. december': days that share the month written after the last
RE_DAY_COORD = re.compile(
    rf"(?<![\w/.,])(?P<d1>[0-3]?\d)\.?\s*(?:og|&)\s*(?P<d2>[0-3]?\d)"
    rf"(?:/(?P<m>[01]?\d)(?![\w/]|[.,\-]\d)|\.\s*(?P<mn>{_FULL})(?!\w))", _I)
RE_DATE_TEXT = re.compile(
    rf"(?P<d>{_DAY_LEAD})(?:\.\s*|\s*/\s*|\s+)(?P<m>{_MONTH_TOK})"
    rf"(?:\s*,?\s*(?:(?P<y>{_YEAR}){_YEAR_END}|(?P<yr>{_REL_YEAR})))?", _I)
RE_DAY_RANGE = re.compile(
    rf"(?P<d1>{_DAY_LEAD})\.?\s*(?:-|–|—|til(?:\s+og\s+med)?)\s*(?P<d2>[0-3]?\d)(?:\.\s*|\s+)"
    rf"(?P<m>{_MONTH_TOK})(?:\s*,?\s*(?P<y>{_YEAR}){_YEAR_END})?", _I)
RE_MONTH_YEAR = re.compile(
    rf"(?<!\w)(?P<m>{_MONTH_TOK})\s*,?\s*(?:(?P<y>{_YEAR}){_YEAR_END}|(?P<yr>{_REL_YEAR}))", _I)
RE_MONTH = re.compile(rf"(?<!\w)(?P<m>{_FULL})(?!\w)", _I)
#: 'okt-april', 'april–okt.': a short month form counts as a month only as an end of a range
RE_MONTH_ABBR_RANGE = re.compile(
    rf"(?<!\w)(?P<m>{_ABBR})\.?(?=\s*[-–/]\s*(?:{_FULL}|{_ABBR})(?!\w))"
    rf"|(?<!\w)(?:{_FULL}|{_ABBR})\.?\s*[-–/]\s*(?P<m2>{_ABBR})\.?(?!\w)", _I)
#: prefixes checked on the text before a match (cheaper than an optional leading group)
RE_PRE_LOBET = re.compile(r"(?<!\w)i\s+løbet\s+af\s+$", _I)
RE_PRE_SEASON = re.compile(
    r"(?<!\w)(?P<pre>i\s+løbet\s+af|næste|kommende|sidste|forrige|dette|denne|i|til|hele)\s+$", _I)
RE_PRE_HOLIDAY = re.compile(
    r"(?<!\w)(?P<pre>inden|før|efter|til|op\s+til|i|omkring|ved|over|frem\s+til|senest|indtil|næste|"
    r"sidste|denne|hen\s+over|henover|mellem|om)\s+$", _I)
RE_PART = re.compile(
    rf"(?<!\w)(?P<p>primo|medio|ultimo|(?:starten|begyndelsen|midten|slutningen|udgangen)\s+af|start|slut)\s+"
    rf"(?:(?P<m>{_MONTH_TOK})(?:\s*,?\s*(?:(?P<y>{_YEAR}){_YEAR_END}|(?P<yr>{_REL_YEAR})))?"
    rf"|(?P<yo>{_YEAR}){_YEAR_END}|(?P<yro>{_REL_YEAR_AF}))", _I)
RE_MONTH_HALF = re.compile(
    rf"(?<!\w)(?P<h>første|anden|sidste)\s+halvdel\s+af\s+(?P<m>{_MONTH_TOK})(?:\s*,?\s*(?P<y>{_YEAR}){_YEAR_END})?",
    _I)
RE_WEEK_RANGE = re.compile(
    rf"u(?<!\wu)ger?(?:ne)?\s*(?P<w1>\d{{1,2}})\s*(?:-|–|—|til\s+og\s+med|t\.o\.m\.|til)\s*(?:uge\s*)?"
    rf"(?P<w2>\d{{1,2}})(?:\s*(?:[/,]\s*|\s+i\s+|\s*)(?P<y>{_YEAR}))?(?![\w]|[.,]\d)", _I)
RE_WEEK = re.compile(
    rf"u(?<!\wu)ge\s*(?P<w>\d{{1,2}})(?:(?:\s*[/,]\s*|\s+i\s+|\s+)(?P<y>{_YEAR}))?(?![\w]|[.,/]\d)", _I)
#: coordinated weeks 'uge 9 og 10', 'ugerne 9, 10 og 11', 'uge 9 og uge 12'
RE_WEEK_LIST = re.compile(
    rf"u(?<!\wu)ger?(?:ne)?\s*(?P<ws>\d{{1,2}}(?:\s*,\s*(?:uge\s*)?\d{{1,2}})*\s+(?:og|samt)\s+(?:uge\s*)?\d{{1,2}})"
    rf"(?:(?:\s*[/,]\s*|\s+i\s+|\s+)(?P<y>{_YEAR}))?(?![\w]|[.,/]\d)", _I)
_ORD_Q = r"(?:[1-4]\.|første|andet|anden|tredje|fjerde)"
#: coordinated quarters/halves '1. og 2. kvartal 2021', 'tredje og fjerde kvartal', '1.-2. halvår'
RE_QUARTER_LIST = re.compile(
    rf"(?<!\w)(?P<qs>{_ORD_Q}(?:\s*,\s*{_ORD_Q})*\s*(?:\s(?:og|samt)\s|-|–)\s*{_ORD_Q})\s*"
    rf"(?P<k>kvartal(?:er(?:ne)?)?|kvt\.?|halvår(?:et)?)(?!\w)"
    rf"(?:(?:\s*[-/]\s*|\s+(?:i|af)\s+|\s+)(?:(?P<y>{_YEAR}){_YEAR_END}|(?P<yr>{_REL_YEAR_AF})))?", _I)
RE_QUARTER = re.compile(
    rf"(?<!\w)(?:(?P<qn>[1-4])\.\s*(?:kvartal|kvt\.?)(?!\w)|(?P<qw>første|andet|anden|tredje|fjerde)\s+kvartal(?!\w)"
    rf"|(?P<qq>Q[1-4])(?!\w))"
    rf"(?:\s*[-/']\s*(?P<y2>\d\d)(?![\w]|[.,]\d)"
    rf"|(?:\s*[-/]\s*|\s+(?:i|af)\s+|\s+)(?:(?P<y>{_YEAR}){_YEAR_END}|(?P<yr>{_REL_YEAR_AF})))?", _I)
RE_HALF = re.compile(
    rf"(?<!\w)(?:(?P<hw>første|1\.|andet|anden|2\.)\s*(?P<hk>halvår(?:et)?|halvdel(?:en)?\s+af)(?!\w)"
    rf"|(?P<hh>H[12])(?!\w))"
    rf"(?:\s*(?:i\s+|af\s+)?(?:(?P<y>{_YEAR}){_YEAR_END}|(?P<yr>{_REL_YEAR_AF})))?", _I)
RE_SEASON = re.compile(
    rf"(?<!\w)(?P<s>forår(?:et)?|sommer(?:en)?|efterår(?:et)?|vinter(?:en)?|høst(?:en)?)(?!\w)"
    rf"(?:\s+(?:(?P<y>{_YEAR})(?:\s*/\s*(?P<y2>{_YEAR}|\d\d))?{_YEAR_END}|(?P<yr>{_REL_YEAR})))?", _I)
RE_SEMESTER = re.compile(
    rf"(?<!\w)(?P<s>forårs|efterårs)semest(?:er|ret|eret)(?!\w)(?:\s+(?P<y>{_YEAR}){_YEAR_END})?", _I)
RE_HOLIDAY = re.compile(
    r"(?<!\w)(?P<h>juleferien|julen|jul|påskeferien|påsken|påske|pinsen|pinse|sommerferien|efterårsferien|"
    r"vinterferien|nytåret|nytår|årsskiftet)(?!\w)"
    rf"(?:\s+(?P<y>{_YEAR})(?:\s*/\s*(?P<y2>{_YEAR}|\d\d))?{_YEAR_END})?", _I)
RE_REL = re.compile(
    # (not "det kommende år": in minutes the year of work ahead, a span from the meeting, not a calendar year)
    r"(?<!\w)(?P<mod>næste|sidste|denne|dette|indeværende|kommende(?!\s+år\b)|forrige)\s+"
    r"(?P<u>uge|måned|kvartal|halvår|år)(?P<gen>s)?(?!\w)", _I)
#: 'i går', 'i morgen', 'i lørdags' (the last Saturday before the meeting); 'i dag' only in a clause
#: in the past ("de punkter som var oppe i dag", "har lavet døren færdig i dag"): in the present it
#: mostly means 'nowadays' ("som det fungerer i dag")
RE_REL_DAY = re.compile(
    r"(?<!\w)i\s+(?:(?P<dag>går|morgen|dag)|(?P<wd>mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)s)(?!\w)", _I)
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
RE_THIS_YEAR = re.compile(r"i(?<!\wi)\s+(?:(?P<y>år)|(?P<f>fjor))(?![\w])", _I)
RE_OFFSET = re.compile(
    rf"(?<!\w)(?P<pre>om|inden\s+for|indenfor|for)\s+(?:(?:ca\.|cirka|omkring|de\s+næste|de\s+kommende|godt|knap)\s+)?"
    rf"(?P<n>{_NUM})\s+(?P<u>dage?s?|uger?s?|ugers|måned(?:er|ers|s)?|år|års)(?:\s+tid)?(?P<siden>\s+siden)?(?!\w)",
    _I)
RE_YEAR_RANGE = re.compile(
    rf"(?P<y1>{_YEAR_LEAD})\s*(?P<sep>-|–|—|/)\s*(?P<y2>{_YEAR}|\d\d)(?![\w\-/]|[.,]\d)", _I)
#: 'skoleåret', 'studieåret', 'skoleår' right before a split year '2024/25' (1 August - 31 July)
RE_SCHOOL_YEAR_BEFORE = re.compile(r"(?<!\w)(?:skole|studie|undervisnings)år(?:et)?\s+$", _I)
RE_YEAR = re.compile(rf"(?P<y>{_YEAR_LEAD})(?![\w]|[.,]\d|\s*[-–/]\s*\d|-\w|\s*%)", _I)
_RANGE_CONNECTOR = re.compile(
    # ("fredag d. 16/5-søndag d. 18/5", "16. maj til søndag den 18. maj": a weekday may name the end's day)
    rf"\s*(?P<c>-|–|—|/|til\s+og\s+med|t\.o\.m\.|til|og)\s*(?:(?:{'|'.join(WEEKDAYS)})\s+)?"
    r"(?:(?:den|d\.)\s*)?", _I)
#: "fra [fredag] [den] " right before a range's start
_FROM_BEFORE = re.compile(rf"\bfra\s+(?:(?:{'|'.join(WEEKDAYS)})\s+)?(?:(?:den|d\.)\s*)?$", _I)
_MOVE_VERBS = re.compile(r"\b(?:rykke\w*|flytte\w*|udskyde\w*|udskudt|forskyde\w*|ændre\w*|skubbe\w*)\b", _I)
_NEXT_MEETING = re.compile(r"\bnæste\s+(?:ordinære\s+)?\w*møde\w*|\bnæste\s+\w+\s+møde\w*", _I)

_RX_CAP_WORD = re.compile(r"[ \t]+[A-ZÆØÅ]\w")
_RX_HYPHEN_WORD = re.compile(r"-(\w+)")
_RX_LAST_WORD = re.compile(r"(\S+)\s+$")
_RX_LAST_2WORD = re.compile(r"(\S+)\s+\S+\s+$")
_RX_YEAR_CHAIN = re.compile(r"\s*(?:,|og|eller|samt|&)\s*(?:i\s+)?", _I)
_RX_PHONE_TAIL = re.compile(r"[ \t]?\d{2}")
_RX_NEXT_CHAR = re.compile(r"\s*([\"'“„«(]?)(\S)")
_RX_LAST_TOKEN = re.compile(r"(\S+)$")
_RX_NEXT_WORD = re.compile(r"\s*(\w+)")

# --------------------------------------------------------------------------- calendar helpers


def _month_period(y: int, m: int) -> Period:
    return date(y, m, 1), date(y, m, monthrange(y, m)[1])


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


def _week_period(y: int, w: int) -> Period:
    """ISO week `w` of ISO year `y`, Monday..Sunday (ValueError for week 53 in a 52-week year)."""
    return date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7)


def _quarter_period(y: int, q: int) -> Period:
    return date(y, 3 * q - 2, 1), _month_period(y, 3 * q)[1]


def _half_period(y: int, h: int) -> Period:
    return (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))


def _season_period(y: int, season: str) -> Period:
    """Meteorological seasons; winter `y` is Dec y-1 .. Feb y (the winter ending in `y`)."""
    a, b = SEASONS[season]
    if a > b:
        return date(y - 1, a, 1), _month_period(y, b)[1]
    return date(y, a, 1), _month_period(y, b)[1]


def _year_period(y: int) -> Period:
    return date(y, 1, 1), date(y, 12, 31)


def _easter(y: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(y, month, day)


def _holiday_period(y: int, name: str) -> Period:
    """Danish holidays as periods of year `y` (school holidays approximated, see module doc)."""
    if name in ("jul", "julen"):
        return date(y, 12, 24), date(y, 12, 26)
    if name == "juleferien":
        return date(y, 12, 23), date(y + 1, 1, 1)
    if name in ("påske", "påsken"):
        e = _easter(y)
        return e - timedelta(days=3), e + timedelta(days=1)
    if name == "påskeferien":
        e = _easter(y)
        return e - timedelta(days=8), e + timedelta(days=1)
    if name in ("pinse", "pinsen"):
        p = _easter(y) + timedelta(days=49)
        return p, p + timedelta(days=1)
    if name == "sommerferien":  # Danish schools: last Saturday of June .. Sunday of ISO week 32
        june30 = date(y, 6, 30)
        return june30 - timedelta(days=(june30.weekday() - 5) % 7), date.fromisocalendar(y, 32, 7)
    if name == "efterårsferien":
        return _week_period(y, 42)
    if name == "vinterferien":
        return _week_period(y, 7)
    raise ValueError(name)


def _after(p: Period) -> Period:
    """The period just after `p` ('efter påske'): from the next day to the end of that month,
    or of the following month when fewer than two weeks would be left ('efter jul' = 27 Dec to
    31 Jan); 'efter sommerferien' = Monday of ISO week 33 to 31 August."""
    a = p[1] + timedelta(days=1)
    y, m = a.year, a.month
    if monthrange(y, m)[1] - a.day < 13:
        y, m = _add_months(y, m, 1)
    return a, _month_period(y, m)[1]


def _part_of_month(y: int, m: int, part: str) -> Period:
    """primo = days 1-10, medio = 11-20, ultimo = 21-end; 'udgangen' = the last day."""
    last = monthrange(y, m)[1]
    if part == "primo":
        return date(y, m, 1), date(y, m, 10)
    if part == "medio":
        return date(y, m, 11), date(y, m, 20)
    if part == "udgangen":
        return date(y, m, last), date(y, m, last)
    return date(y, m, 21), date(y, m, last)


def _part_of_year(y: int, part: str) -> Period:
    """primo = Jan-Mar, medio = May-Aug, ultimo = Oct-Dec; 'udgangen' = 31 December."""
    if part == "primo":
        return date(y, 1, 1), date(y, 3, 31)
    if part == "medio":
        return date(y, 5, 1), date(y, 8, 31)
    if part == "udgangen":
        return date(y, 12, 31), date(y, 12, 31)
    return date(y, 10, 1), date(y, 12, 31)


def _part_name(raw: str) -> str:
    raw = raw.lower().split()[0]
    return {"starten": "primo", "begyndelsen": "primo", "start": "primo", "midten": "medio",
            "slutningen": "ultimo", "slut": "ultimo", "udgangen": "udgangen"}.get(raw, raw)


def _month_of(tok: str) -> int:
    t = tok.lower().rstrip(".")
    return MONTHS.get(t) or MONTH_ABBR[t]


def _rel_year_offset(s: str) -> int:
    s = s.lower()
    if "næste" in s:
        return 1
    if "sidste" in s or "forrige" in s or "fjor" in s:
        return -1
    return 0


def _two_digit_year(yy: str, base: int | None = None) -> int:
    v = int(yy)
    if base is not None:
        c = base - base % 100 + v
        return c if c >= base else c + 100
    return 2000 + v


# --------------------------------------------------------------------------- candidates


@dataclass
class _Cand:
    """A matched expression before resolution.

    Exactly one of: `period` (year -> period, with `year` explicit or to be chosen),
    `rel` (ref, tense -> period), `fixed` (fully specified period).
    """

    start: int
    end: int
    gran: str
    period: Callable[[int], Period] | None = None
    year: int | None = None
    rel: Callable[[date, str], Period | None] | None = None
    rel_year: int | None = None       # "i december næste år": year = ref.year + rel_year
    fixed: Period | None = None
    inherit: bool = False             # bare quarter/half: year from context
    mergeable: bool = True            # may be an end of a "fra X til Y" range
    prio: int = 0
    ends: tuple["_Cand", "_Cand"] | None = None  # the two ends of a merged range
    unit: tuple[str, int] | None = None  # ('month', 3), ('week', 9), ('year', 2023): coordination

    @property
    def explicit_year(self) -> int | None:
        if self.year is not None:
            return self.year
        if self.fixed is not None:
            return self.fixed[0].year
        return None


def _valid(period: Callable[[int], Period], y: int) -> bool:
    try:
        period(y)
        return True
    except ValueError:
        return False


def _add(out: list[_Cand], c: _Cand) -> None:
    """Append unless the explicit year does not form a valid period (31 Feb, week 53...)."""
    if c.period is not None and c.year is not None and not _valid(c.period, c.year):
        return
    if c.period is not None and c.year is None and not any(_valid(c.period, y) for y in range(2000, 2009)):
        return
    out.append(c)


def _num_guarded(text: str, start: int) -> bool:
    """True when a number at `start` is a case/item/phone number reference ('Sagsnr. 23/...')."""
    return bool(_NUMREF_BEFORE.search(text[max(0, start - 20):start]))


def _find_numeric(text: str, out: list[_Cand]) -> None:
    """Numeric dates: ISO, d.m.yyyy / d-m-yyyy, d/m-yyyy, and 'd. 6/10' (year from ref)."""
    for m in finditer(RE_ISO, text):
        if _num_guarded(text, m.start()):
            continue
        y, mo, d = int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"])
        _add(out, _Cand(m.start(), m.end(), "day", period=lambda yy, mo=mo, d=d: (date(yy, mo, d),) * 2,
                        year=y, prio=2))
    for m in (*finditer(RE_DMY, text), *finditer(RE_DMY2, text)):
        if _num_guarded(text, m.start()):
            continue
        y = int(m["y"]) if len(m["y"]) == 4 else _two_digit_year(m["y"])
        mo, d = int(m["m"]), int(m["d"])
        _add(out, _Cand(m.start(), m.end(), "day", period=lambda yy, mo=mo, d=d: (date(yy, mo, d),) * 2,
                        year=y, prio=2))
    for m in finditer(RE_DM_Y, text):
        if _num_guarded(text, m.start()):
            continue
        raw = m["y"] or m["y4"]
        y = int(raw) if len(raw) == 4 else _two_digit_year(raw)
        mo, d = int(m["m"]), int(m["d"])
        _add(out, _Cand(m.start(), m.end(), "day", period=lambda yy, mo=mo, d=d: (date(yy, mo, d),) * 2,
                        year=y, prio=2))
    for m in list(finditer(RE_DM_SLASH, text)) + list(finditer(RE_DM_DEADLINE, text)):
        mo, d = int(m["m"]), int(m["d"])
        _add(out, _Cand(m.start("d"), m.end(), "day", period=lambda yy, mo=mo, d=d: (date(yy, mo, d),) * 2, prio=1))
    for m in finditer(RE_DAY_COORD, text):
        mo = int(m["m"]) if m["m"] else _month_of(m["mn"])
        days = [("d1", m.end("d1"))] + ([("d2", m.end())] if m["m"] else [])  # '10. december' is found anyway
        for g, end in days:
            d = int(m[g])
            if 1 <= d <= 31 and 1 <= mo <= 12:
                _add(out, _Cand(m.start(g), end, "day", period=lambda yy, mo=mo, d=d: (date(yy, mo, d),) * 2,
                                prio=1))


def _find_text_dates(text: str, out: list[_Cand]) -> None:
    """'30. september 2020', '30. sept. 2020', 'd. 28/ september', '2. december', '2.-4. marts'."""
    for m in finditer(RE_DATE_TEXT, text):
        mo, d = _month_of(m["m"]), int(m["d"])
        if _num_guarded(text, m.start()):
            continue
        per = lambda yy, mo=mo, d=d: (date(yy, mo, d),) * 2  # noqa: E731
        c = _Cand(m.start(), m.end(), "day", period=per, prio=2)
        if m["y"]:
            c.year = int(m["y"])
        elif m["yr"]:
            c.rel_year = _rel_year_offset(m["yr"])
        else:
            c.end = m.end("m")
        _add(out, c)
    for m in finditer(RE_DAY_RANGE, text):
        mo, d1, d2 = _month_of(m["m"]), int(m["d1"]), int(m["d2"])
        if d2 <= d1 or _num_guarded(text, m.start()):
            continue
        per = lambda yy, mo=mo, a=d1, b=d2: (date(yy, mo, a), date(yy, mo, b))  # noqa: E731
        _add(out, _Cand(m.start(), m.end(), "range", period=per, year=int(m["y"]) if m["y"] else None, prio=2))


def _bare_month_ok(text: str, m: re.Match) -> bool:
    """Skip capitalised month names used as first names ('August Krogh') and 'juni-mødet'."""
    word = m["m"]
    after = text[m.end("m"):m.end("m") + 30]
    if word[0].isupper() and _RX_CAP_WORD.match(after):
        return False
    hy = _RX_HYPHEN_WORD.match(after)
    if hy and hy.group(1).lower() not in MONTHS and hy.group(1).lower() not in MONTH_ABBR:
        return False
    return True


def _prefix(rx: re.Pattern, text: str, start: int) -> re.Match | None:
    """A prefix pattern (anchored with $) matched on the 30 characters before `start`."""
    return rx.search(text, max(0, start - 30), start)


def _find_months(text: str, out: list[_Cand]) -> None:
    """'april 2021', 'december næste år', bare 'december', 'i løbet af oktober', primo/medio/ultimo."""
    def begin(m: re.Match) -> int:
        pre = _prefix(RE_PRE_LOBET, text, m.start())
        return pre.start() if pre else m.start()

    for m in finditer(RE_MONTH_YEAR, text):
        mo = _month_of(m["m"])
        c = _Cand(begin(m), m.end(), "month", period=lambda yy, mo=mo: _month_period(yy, mo), prio=1,
                  unit=("month", mo))
        if m["y"]:
            c.year = int(m["y"])
        else:
            c.rel_year = _rel_year_offset(m["yr"])
        _add(out, c)
    for m in finditer(RE_MONTH, text):
        if not _bare_month_ok(text, m):
            continue
        mo = _month_of(m["m"])
        _add(out, _Cand(begin(m), m.end(), "month", period=lambda yy, mo=mo: _month_period(yy, mo),
                        unit=("month", mo)))
    for m in finditer(RE_MONTH_ABBR_RANGE, text):
        g = "m" if m["m"] else "m2"
        mo = _month_of(m[g])
        _add(out, _Cand(m.start(g), m.end(), "month", period=lambda yy, mo=mo: _month_period(yy, mo),
                        unit=("month", mo)))
    for m in finditer(RE_PART, text):
        if m["yro"] and m["p"].lower() in ("start", "slut") and m["yro"].lower().startswith("i "):
            continue  # "tidligere start i år": the start of something this year, not early this year
        part = _part_name(m["p"])
        if m["m"]:
            mo = _month_of(m["m"])
            per = lambda yy, mo=mo, p=part: _part_of_month(yy, mo, p)  # noqa: E731
            c = _Cand(m.start(), m.end(), "day" if part == "udgangen" else "range", period=per, prio=1)
            if m["y"]:
                c.year = int(m["y"])
            elif m["yr"]:
                c.rel_year = _rel_year_offset(m["yr"])
        else:
            per = lambda yy, p=part: _part_of_year(yy, p)  # noqa: E731
            c = _Cand(m.start(), m.end(), "day" if part == "udgangen" else "range", period=per, prio=1)
            if m["yo"]:
                c.year = int(m["yo"])
            else:
                c.rel_year = _rel_year_offset(m["yro"])
        _add(out, c)
    for m in finditer(RE_MONTH_HALF, text):
        mo, first = _month_of(m["m"]), m["h"].lower() == "første"

        def per(yy: int, mo: int = mo, first: bool = first) -> Period:
            a, b = _month_period(yy, mo)
            return (a, date(yy, mo, 15)) if first else (date(yy, mo, 16), b)
        _add(out, _Cand(m.start(), m.end(), "range", period=per, year=int(m["y"]) if m["y"] else None, prio=1))


def _find_weeks(text: str, out: list[_Cand]) -> None:
    """'uge 44', 'uge 44 2021', 'uge 36-47 2011', 'uge 36 til og med uge 47 2011'."""
    for m in finditer(RE_WEEK_RANGE, text):
        w1, w2 = int(m["w1"]), int(m["w2"])
        if not (1 <= w1 <= 53 and 1 <= w2 <= 53) or w1 == w2:
            continue

        def per(yy: int, w1: int = w1, w2: int = w2) -> Period:
            if w2 < w1:  # crosses the year end: the year named is the end's
                return _week_period(yy - 1, w1)[0], _week_period(yy, w2)[1]
            return _week_period(yy, w1)[0], _week_period(yy, w2)[1]
        _add(out, _Cand(m.start(), m.end(), "range", period=per, year=int(m["y"]) if m["y"] else None, prio=1))
    for m in finditer(RE_WEEK, text):
        w = int(m["w"])
        if not 1 <= w <= 53:
            continue
        _add(out, _Cand(m.start(), m.end(), "week", period=lambda yy, w=w: _week_period(yy, w),
                        year=int(m["y"]) if m["y"] else None, prio=1, unit=("week", w)))
    for m in finditer(RE_WEEK_LIST, text):
        nums = [(int(n.group()), n.start(), n.end()) for n in re.finditer(r"\d+", m["ws"])]
        y = int(m["y"]) if m["y"] else None
        if not all(1 <= w <= 53 for w, _, _ in nums):
            continue
        if all(b[0] == a[0] + 1 for a, b in zip(nums, nums[1:])):  # 'uge 9 og 10': one range
            w1, w2 = nums[0][0], nums[-1][0]
            per = lambda yy, w1=w1, w2=w2: (_week_period(yy, w1)[0], _week_period(yy, w2)[1])  # noqa: E731
            _add(out, _Cand(m.start(), m.end(), "range", period=per, year=y, prio=1))
            continue
        off = m.start("ws")
        for w, a, b in nums[1:]:  # 'uge 9 og 12': separate weeks, sharing the year
            _add(out, _Cand(off + a, off + b, "week", period=lambda yy, w=w: _week_period(yy, w), year=y))


def _find_quarters_halves(text: str, out: list[_Cand]) -> None:
    """'Q3 2021', '2. kvartal 2021', '4. kvt. 2021', 'første kvartal', 'andet halvår 2021', 'H1 2021'."""
    for m in finditer(RE_QUARTER, text):
        q = int(m["qn"]) if m["qn"] else ORDINALS[m["qw"].lower()] if m["qw"] else int(m["qq"][1])
        c = _Cand(m.start(), m.end(), "quarter", period=lambda yy, q=q: _quarter_period(yy, q), prio=1,
                  unit=("quarter", q))
        _end_of_period(text, c)
        if m["y"]:
            c.year = int(m["y"])
        elif m["y2"]:
            c.year = _two_digit_year(m["y2"])
        elif m["yr"]:
            c.rel_year = _rel_year_offset(m["yr"])
        else:
            c.inherit = True
        _add(out, c)
    for m in finditer(RE_QUARTER_LIST, text):
        _quarter_list(text, m, out)
    for m in finditer(RE_HALF, text):
        h = int(m["hh"][1]) if m["hh"] else ORDINALS[m["hw"].lower()]
        has_year = bool(m["y"] or m["yr"])
        if not has_year and (m["hh"] or (m["hk"] and m["hk"].lower().startswith("halvdel"))):
            continue  # 'H1' / 'første halvdel af' need a year to be temporal
        c = _Cand(m.start(), m.end(), "half", period=lambda yy, h=h: _half_period(yy, h), prio=1,
                  unit=("half", h))
        _end_of_period(text, c)
        if m["y"]:
            c.year = int(m["y"])
        elif m["yr"]:
            c.rel_year = _rel_year_offset(m["yr"])
        else:
            c.inherit = True
        _add(out, c)


#: 'udgangen af' right before a quarter/half, unless a deadline 'inden/senest ved' precedes it
RE_END_OF_BEFORE = re.compile(r"(?<!\w)(?P<dl>(?:inden|senest|før|indtil|frem\s+til)\s+(?:ved\s+)?)?udgangen\s+af\s+$", _I)


def _end_of_period(text: str, c: _Cand) -> None:
    """'(ved) udgangen af 1. kvartal 2024' is a point in time: the last day of the period
    (a status 'at the end of'); 'inden udgangen af 1. kvartal' keeps the whole period as the
    window of a deadline (corpus convention)."""
    pre = RE_END_OF_BEFORE.search(text, max(0, c.start - 40), c.start)
    if not pre or pre["dl"]:
        return
    base = c.period
    c.start, c.gran, c.unit = pre.start(), "day", None
    c.period = lambda yy, base=base: (base(yy)[1], base(yy)[1])


def _quarter_list(text: str, m: re.Match, out: list[_Cand]) -> None:
    """'1. og 2. kvartal 2021' -> one range when the parts are consecutive (a dash always is),
    else each ordinal on its own ('1. og 3. kvartal': Q1 and Q3, sharing the year)."""
    ords = [(ORDINALS[o.group().lower()], o.start(), o.end())
            for o in re.finditer(_ORD_Q, m["qs"], _I)]
    half = m["k"].lower().startswith("halv")
    per_of = _half_period if half else _quarter_period
    if half and any(n > 2 for n, _, _ in ords):
        return
    year = int(m["y"]) if m["y"] else None
    rel_year = _rel_year_offset(m["yr"]) if m["yr"] else None

    def cand(start: int, end: int, gran: str, per: Callable[[int], Period], prio: int) -> _Cand:
        return _Cand(start, end, gran, period=per, year=year, rel_year=rel_year,
                     inherit=year is None and rel_year is None, prio=prio)

    dash = "og" not in m["qs"].lower() and "samt" not in m["qs"].lower()
    if dash or all(b[0] == a[0] + 1 for a, b in zip(ords, ords[1:])):
        a, b = ords[0][0], ords[-1][0]
        per = lambda yy, a=a, b=b: (per_of(yy, a)[0], per_of(yy, b)[1])  # noqa: E731
        if b > a:
            _add(out, cand(m.start(), m.end(), "range", per, 2))
        return
    off = m.start("qs")
    for n, a, b in ords[:-1]:
        _add(out, cand(off + a, off + b, "half" if half else "quarter", lambda yy, n=n: per_of(yy, n), 0))


def _strictly(period: Callable[[int], Period], after: bool) -> Callable[[date, str], Period | None]:
    """'næste forår' / 'sidste efterår': the occurrence strictly after / before the one at ref."""
    def rel(ref: date, tense: str) -> Period | None:
        years = range(ref.year - 2, ref.year + 3)
        ps = [period(y) for y in years if _valid(period, y)]
        if after:
            ps = [p for p in ps if p[0] > ref]
            return min(ps) if ps else None
        ps = [p for p in ps if p[1] < ref]
        return max(ps) if ps else None
    return rel


def _spring_term(yy: int) -> Period:
    return date(yy, 2, 1), date(yy, 6, 30)


def _autumn_term(yy: int) -> Period:
    return date(yy, 9, 1), date(yy + 1, 1, 31)


def _find_seasons_holidays(text: str, out: list[_Cand]) -> None:
    """Seasons ('foråret 2021', 'i efteråret', 'næste sommer') and holidays ('inden jul')."""
    for m in finditer(RE_SEMESTER, text):  # academic terms: spring Feb-Jun, autumn Sep-Jan
        spring = m["s"].lower().startswith("for")
        per = _spring_term if spring else _autumn_term
        _add(out, _Cand(m.start(), m.end(), "range", period=per, year=int(m["y"]) if m["y"] else None, prio=1))
    for m in finditer(RE_SEASON, text):
        word = m["s"].lower()
        base = word[:-2] if word.endswith(("et", "en")) else word
        definite = base != word
        pm = _prefix(RE_PRE_SEASON, text, m.start())
        pre = re.sub(r"\s+", " ", pm["pre"].lower()) if pm else ""
        if base not in SEASONS:  # 'sommer' + 'en' stripped fine; guard odd forms
            continue
        if not definite and not pre and not m["y"] and not m["yr"]:
            continue
        if base == "høst" and not m["y"] and pre not in ("i", "til", "næste", "sidste", "forrige"):
            continue
        keep_pre = pre in ("næste", "kommende", "sidste", "forrige", "dette", "denne") or pre.startswith("i løbet")
        start = pm.start() if keep_pre else m.start()
        per = lambda yy, s=base: _season_period(yy, s)  # noqa: E731
        c = _Cand(start, m.end(), "season", period=per, prio=1)
        if m["y"]:
            y = int(m["y"])
            if base == "vinter" and m["y2"]:
                y = int(m["y2"]) if len(m["y2"]) == 4 else _two_digit_year(m["y2"], y)
            c.year = y
        elif m["yr"]:
            c.rel_year = _rel_year_offset(m["yr"])
        elif pre in ("næste", "kommende"):
            c.period, c.rel = None, _strictly(per, after=True)
        elif pre in ("sidste", "forrige"):
            c.period, c.rel = None, _strictly(per, after=False)
        _add(out, c)
    for m in finditer(RE_HOLIDAY, text):
        name = m["h"].lower()
        pm = _prefix(RE_PRE_HOLIDAY, text, m.start())
        pre = pm["pre"].lower() if pm else ""
        if name == "jul" and not pre:
            continue
        keep_pre = pre in ("næste", "sidste", "denne", "efter")
        start = pm.start() if keep_pre else m.start()
        if pre == "efter" and not m["y2"]:  # 'efter sommerferien': the weeks after it
            if name in ("årsskiftet", "nytår", "nytåret"):
                c = _Cand(start, m.end(), "range", period=lambda yy: _month_period(yy, 1), prio=1)
                c.year = int(m["y"]) if m["y"] else None
                if c.year is None:
                    c.period, c.rel = None, _after_year_turn
            else:
                c = _Cand(start, m.end(), "range", period=lambda yy, n=name: _after(_holiday_period(yy, n)),
                          year=int(m["y"]) if m["y"] else None, prio=1)
            _add(out, c)
            continue
        if name == "årsskiftet":
            if m["y"]:
                y = int(m["y"])
                if m["y2"]:
                    y = int(m["y2"]) if len(m["y2"]) == 4 else _two_digit_year(m["y2"], y)
                out.append(_Cand(start, m.end(), "relative", fixed=(date(y, 1, 1),) * 2, mergeable=False))
            else:
                out.append(_Cand(start, m.end(), "relative", rel=_year_turn, mergeable=False))
            continue
        if name in ("nytår", "nytåret"):
            out.append(_Cand(start, m.end(), "relative", rel=_year_turn, mergeable=False))
            continue
        per = lambda yy, n=name: _holiday_period(yy, n)  # noqa: E731
        c = _Cand(start, m.end(), "range", period=per, year=int(m["y"]) if m["y"] else None)
        if pre == "næste":
            c.period, c.rel = None, _strictly(per, after=True)
        elif pre == "sidste":
            c.period, c.rel = None, _strictly(per, after=False)
        _add(out, c)


_RX_WEEKDAY_BEFORE = re.compile(
    r"(?<!\w)(?P<wd>mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:\s*,)?\s+(?:den\s+|d\.\s*)?$", _I)


def _weekday_year(text: str, c: "_Cand", ref: date) -> Period | None:
    """'Lørdag den 5. oktober' without a year: the year next to `ref` in which that day is a
    Saturday (only when exactly one of the three fits)."""
    if c.gran != "day" or c.period is None:
        return None
    m = _RX_WEEKDAY_BEFORE.search(text, max(0, c.start - 16), c.start)
    if not m:
        return None
    wd = WEEKDAYS.index(m["wd"].lower())
    fits = [c.period(y) for y in (ref.year - 1, ref.year, ref.year + 1)
            if _valid(c.period, y) and c.period(y)[0].weekday() == wd]
    return fits[0] if len(fits) == 1 else None


def _after_year_turn(ref: date, tense: str) -> Period:
    """'efter årsskiftet/nytår': the January after the year turn `_year_turn` picks."""
    return _month_period(_year_turn(ref, tense)[0].year, 1)


def _year_turn(ref: date, tense: str) -> Period:
    """'årsskiftet': the coming 1 January (future/neutral) or the last one (past)."""
    if tense == "past":
        return (date(ref.year, 1, 1),) * 2
    if ref.month == 1 and ref.day == 1:
        return (ref, ref)
    return (date(ref.year + 1, 1, 1),) * 2


def _rel_unit(mod: str, unit: str) -> Callable[[date, str], Period]:
    """'næste uge' and friends: the period `k` steps from the one containing ref."""
    k = {"næste": 1, "kommende": 1, "sidste": -1, "forrige": -1}.get(mod, 0)

    def rel(ref: date, tense: str) -> Period:
        if unit == "uge":
            mon = ref - timedelta(days=ref.weekday()) + timedelta(weeks=k)
            return mon, mon + timedelta(days=6)
        if unit == "måned":
            y, mo = _add_months(ref.year, ref.month, k)
            return _month_period(y, mo)
        if unit == "kvartal":
            q = (ref.month - 1) // 3 + k
            return _quarter_period(ref.year + q // 4, q % 4 + 1)
        if unit == "halvår":
            h = (ref.month - 1) // 6 + k
            return _half_period(ref.year + h // 2, h % 2 + 1)
        return _year_period(ref.year + k)
    return rel


_UNIT_GRAN = {"uge": "week", "måned": "month", "kvartal": "quarter", "halvår": "half", "år": "year"}


def _criterion_duration(text: str, start: int) -> bool:
    """'patienter genindlagt inden for 30 dage', 'sager afgjort inden for to uger': right after
    a participle, "inden for N dage" measures an interval (a criterion, a statistic), it does
    not name a date."""
    pw = _RX_LAST_WORD.search(text, max(0, start - 30), start)
    w = pw.group(1).lower() if pw else ""
    return len(w) >= 5 and w.isalpha() and (w.endswith("ede") or _is_participle(w, strict=False))


def _find_relative(text: str, out: list[_Cand]) -> None:
    """'næste uge', 'sidste år', 'i år', 'om en måneds tid', 'om 14 dage', 'for to år siden'."""
    for m in finditer(RE_REL, text):
        before = text[max(0, m.start() - 4):m.start()].lower()
        if re.search(r"(?:^|\W)de\s+$", before):
            continue  # 'de næste år' = the coming years
        mod, unit = m["mod"].lower(), m["u"].lower()
        out.append(_Cand(m.start(), m.end(), _UNIT_GRAN[unit], rel=_rel_unit(mod, unit), mergeable=False))
    for m in finditer(RE_REL_DAY, text):
        if m["dag"] and m["dag"].lower() == "dag":
            rel = lambda ref, t: (ref, ref) if t == "past" else None  # noqa: E731
        elif m["dag"]:
            k = {"går": -1, "morgen": 1}[m["dag"].lower()]
            rel = lambda ref, t, k=k: (ref + timedelta(days=k),) * 2  # noqa: E731
        else:
            wd = WEEKDAYS.index(m["wd"].lower())
            rel = lambda ref, t, wd=wd: (ref - timedelta(days=(ref.weekday() - wd - 1) % 7 + 1),) * 2  # noqa: E731
        out.append(_Cand(m.start(), m.end(), "day", rel=rel, mergeable=False))
    for m in finditer(RE_THIS_YEAR, text):
        k = 0 if m["y"] else -1
        out.append(_Cand(m.start(), m.end(), "year",
                         rel=lambda ref, t, k=k: _year_period(ref.year + k), mergeable=False))
    for m in finditer(RE_OFFSET, text):
        pre = m["pre"].lower()
        if pre == "for" and not m["siden"]:
            continue  # 'for to år' is a duration
        if pre != "for" and m["siden"]:
            continue
        if pre != "om" and _criterion_duration(text, m.start()):
            continue
        n_raw = m["n"].lower()
        n = float(n_raw) if n_raw.isdigit() else NUMBER_WORDS[re.sub(r"\s+", " ", n_raw)]
        u = m["u"].lower()
        days = 1 if u.startswith("dag") else 7 if u.startswith("uge") else 30 if u.startswith("måned") else 365
        sign = -1 if m["siden"] else 1
        if u.startswith("år") and m["siden"]:
            k = -int(n)
            out.append(_Cand(m.start(), m.end(), "year",
                             rel=lambda ref, t, k=k: _year_period(ref.year + k), mergeable=False))
            continue
        if days in (30, 365) and n == int(n):  # whole months and years: the calendar's, not 30/365 days
            months = int(n) * (12 if days == 365 else 1) * sign
            out.append(_Cand(m.start(), m.end(), "day",
                             rel=lambda ref, t, k=months: (_shift_months(ref, k),) * 2, mergeable=False))
            continue
        delta = timedelta(days=round(n * days) * sign)
        out.append(_Cand(m.start(), m.end(), "day",
                         rel=lambda ref, t, d=delta: (ref + d, ref + d), mergeable=False))


def _shift_months(ref: date, k: int) -> date:
    """ref moved k calendar months, the day clipped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    y, mo = _add_months(ref.year, ref.month, k)
    return date(y, mo, min(ref.day, monthrange(y, mo)[1]))


def _find_years(text: str, out: list[_Cand]) -> None:
    """Years alone ('i 2021', 'siden 2013', '2020 og 2021') and year ranges ('2021-2022')."""
    for m in finditer(RE_YEAR_RANGE, text):
        if _num_guarded(text, m.start()):
            continue
        y1, raw = int(m["y1"]), m["y2"]
        if len(raw) == 2:
            y2 = _two_digit_year(raw, y1)
            if y2 != y1 + 1:
                continue
        else:
            y2 = int(raw)
            if not y1 < y2 <= y1 + 30:
                continue
        school = RE_SCHOOL_YEAR_BEFORE.search(text, max(0, m.start() - 25), m.start()) if y2 == y1 + 1 else None
        if school:  # 'skoleåret 2024/25': the Danish school/academic year runs 1 August - 31 July
            out.append(_Cand(school.start(), m.end(), "range", fixed=(date(y1, 8, 1), date(y2, 7, 31)), prio=2))
            continue
        out.append(_Cand(m.start(), m.end(), "range", fixed=(date(y1, 1, 1), date(y2, 12, 31)), prio=1))
    last_end = -10
    for m in finditer(RE_YEAR, text):
        s = m.start()
        before = text[max(0, s - 40):s]
        prev = _RX_LAST_WORD.search(before)
        prev_word = prev.group(1).lower().strip("(\"'") if prev else ""
        chained = bool(_RX_YEAR_CHAIN.fullmatch(text, last_end, s)) if s - last_end < 12 else False
        ok = prev_word in YEAR_CONTEXT or chained or prev_word.endswith(_EVENT_ENDINGS)
        if not ok and prev_word == "over":  # 'fordelt over 2023 og 2024', not 'over 2000 af dem'
            prev2 = _RX_LAST_2WORD.search(before)
            ok = bool(prev2 and prev2.group(1).lower() in ("fordelt", "fordeles", "hen", "spredt"))
        if ok and prev_word == "til":
            prev2 = _RX_LAST_2WORD.search(before)
            if prev2 and prev2.group(1).lower() in ("op", "ca.", "cirka"):
                ok = False  # 'op til 2050' is an amount
        after = text[m.end():m.end() + 20].lower().split()
        if after and after[0].strip(",.;:") in UNIT_WORDS:
            ok = False
        if _RX_PHONE_TAIL.match(text, m.end()):
            ok = False  # phone numbers '2020 1234'
        if not ok or _num_guarded(text, s):
            continue
        y = int(m["y"])
        out.append(_Cand(s, m.end(), "year", period=_year_period, year=y, unit=("year", y)))
        last_end = m.end()


_FINDERS = (_find_numeric, _find_text_dates, _find_months, _find_weeks, _find_quarters_halves,
            _find_seasons_holidays, _find_relative, _find_years)


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Resolve overlaps: the longest candidate wins (then higher priority, then the earlier)."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    starts: list[int] = []   # kept spans, sorted and non-overlapping
    ends: list[int] = []
    kept: list[_Cand] = []
    for c in order:
        i = bisect_right(starts, c.start)
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


# --------------------------------------------------------------------------- sentences

_ABBR_NEVER = frozenset("""
fx f.eks feks bl.a bla ift i.f.t if.t iflg vedr vdr jf jvf cf ca nr nrs pkt evt hhv dvs inkl ekskl
excl incl mht m.h.t pga p.g.a iht i.h.t ang s ss kap afs sml jan feb febr mar apr jun jul aug sep
sept okt nov dec kl d dags ml mhp m.h.p vha v.h.a pr p.t pt hr fru frk dr prof adm dir tlf mob att
ref red obs el vs nb n.b gl st sdr t.o.m f.o.m tom fom ad vedk tilsv anm alm eks ex j.nr sagsnr
journalnr mr ons tirs tors fre lør søn man
""".split())
_ABBR_MAY_END = frozenset("mv m.v mm m.m osv o.s.v etc m.fl mfl o.l ol o.lign kr dkr pct stk mdr md mio mia".split())
_SENT_STARTERS = frozenset("""
det der han hun man de den dette disse vi jeg i bestyrelsen udvalget hvis når da som og men
desuden derudover endvidere herudover samtidig sekretariatet formanden mødet sagen punktet
""".split())
_SENT_CAND = re.compile(r"[.!?]+[\"'”»)]*(?=\s)|\n\s*")
_NEWLINE_RUN = re.compile(r"\n\s*")


def _line_break_ends_block(text: str, start: int, end: int) -> bool:
    """A run of line breaks text[start:end] ends a block (paragraph/heading/sentence) unless
    the text continues in lower case or the line ended in ',', ';', '(' or a hyphen — so
    blocks of clean text ('a sentence never contains a newline') and PDF text dumps with
    hard line breaks are both handled."""
    if end >= len(text) or text[end].islower():
        return False
    i = start - 1
    while i >= 0 and text[i] in " \t\r\f\v":
        i -= 1
    return i < 0 or text[i] not in ",;(-–"


def split_sentences(text: str) -> list[Span]:
    """Danish-aware sentence spans: a period ends a sentence only before an upper-case word, not
    after abbreviations ('fx.', 'bl.a.', 'ift.', 'vedr.', 'jf.', 'ca.', 'nr.'), 1-2 digit
    ordinals ('2. december') or initials; 'mv.'/'kr.' end one only before a typical starter.
    A line break ends a sentence unless the next line continues in lower case."""
    spans: list[Span] = []
    start = 0
    n = len(text)
    for m in _SENT_CAND.finditer(text):
        if m.group().startswith("\n"):
            if not _line_break_ends_block(text, m.start(), m.end()):
                continue
            cut = m.start()
        else:
            nxt = _RX_NEXT_CHAR.match(text, m.end(), m.end() + 40)
            if not nxt:
                continue
            ch = nxt.group(2)
            if not (ch.isupper() or ch.isdigit() or ch in "-•–"):
                continue
            if m.group()[0] == ".":
                tok = _RX_LAST_TOKEN.search(text, max(0, m.start() - 30), m.start())
                word = tok.group(1).lower().lstrip("(\"'") if tok else ""
                if word in _ABBR_NEVER or (len(word) == 1 and word.isalpha()):
                    continue
                if word.isdigit() and len(word) <= 2:
                    continue
                if word in _ABBR_MAY_END:
                    w = _RX_NEXT_WORD.match(text, m.end(), m.end() + 40)
                    if not w or w.group(1).lower() not in _SENT_STARTERS:
                        continue
            cut = m.end()
        _push(text, spans, start, cut)
        start = cut
    _push(text, spans, start, n)
    return spans


def _push(text: str, spans: list[Span], a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b))


def split_paragraphs(text: str) -> list[Span]:
    """Blocks separated by line breaks, unless the next line continues in lower case."""
    spans: list[Span] = []
    start = 0
    for m in _NEWLINE_RUN.finditer(text):
        if not _line_break_ends_block(text, m.start(), m.end()):
            continue
        _push(text, spans, start, m.start())
        start = m.end()
    _push(text, spans, start, len(text))
    return spans


# --------------------------------------------------------------------------- tense

_WORD_RE = re.compile(r"\w+(?:['’]\w+)*", re.U)  # "UTH'er" is one word, not "UTH" + the verb "er"
_CLAUSE_SEP = re.compile(r"[,;:()\[\]]|\s[-–—]+\s|[.!?]\s+(?=[A-ZÆØÅ])")
_REPORT_AT = re.compile(r"(?:\s+\w+){0,3}?\s*,\s*at\b", re.U)  # used with .match(text, pos)


@dataclass
class _SentInfo:
    markers: list[tuple[int, str, bool]]   # (abs position, 'past'|'future', is_reporting)
    clauses: list[tuple[int, int, bool]]   # (abs start, abs end, is_relative_clause)
    groups: list[tuple[int, int]] | None = None  # perfect verb groups 'har ... participle' (abs spans)


def _is_participle(w: str, strict: bool) -> bool:
    if w in PARTICIPLES:
        return True
    if w in _NOT_PARTICIPLE or len(w) < 4:
        return False
    if w.endswith("et") and len(w) >= 5:
        return True
    return not strict and w.endswith("t") and w[-2] not in "aeiouyæøå"


def _sentence_info(text: str, s: int, e: int) -> _SentInfo:
    """Tense markers and clause boundaries of text[s:e] (see module docstring)."""
    sent = text[s:e]
    toks = [(m.start() + s, m.end() + s, m.group().lower()) for m in _WORD_RE.finditer(sent)]
    markers: list[tuple[int, str, bool]] = []
    groups: list[tuple[int, int]] = []

    def past(p: int, w: str, end: int) -> None:
        """A past marker unless it is a reporting verb (narrating the meeting itself)."""
        if w not in REPORTING and not _REPORT_AT.match(text, end, min(e, end + 60)):
            markers.append((p, "past", False))

    skip_to = -1
    for i, (p, pe, w) in enumerate(toks):
        if i <= skip_to:
            continue
        prev = toks[i - 1][2] if i else ""
        if w in ("har", "havde", "er", "var", "have"):
            j = i + 1
            while j < len(toks) and j < i + 4 and toks[j][2] in _AUX_SKIP:
                j += 1
            found = j < len(toks) and j < i + 4 and _is_participle(toks[j][2], strict=w in ("er", "var"))
            if not found:
                j = _participle_after_adverbial(toks, i)
                found = j < len(toks)
            if found:
                skip_to = j
                part = toks[j][2]
                if not (w == "have" and prev in ("skal", "vil")):
                    groups.append((p, toks[j][1]))
                if w in ("har", "er") and (part in _ARRANGED or (
                        part in _MOVED and _next_word(toks, j) == "til")
                        or _RX_EXPECT_AT.search(text, max(s, p - 80), p)):
                    markers.append((p, "future", False))  # an arrangement or expected result: ahead
                elif w != "have":
                    past(p, part, toks[j][1])
                elif prev in ("skulle", "kunne", "ville", "burde", "måtte"):
                    past(p, toks[j][2], toks[j][1])
                elif prev in ("skal", "vil"):
                    markers.append((p, "future", False))
                continue
            if w in ("havde", "var"):
                past(p, w, pe)
            elif w in ("har", "er"):
                markers.append((p, "future", False))
            continue
        if prev in _INFINITE_AUX:
            continue  # 'vil blive holdt', 'skal være afsluttet': the auxiliary decides
        if w == "blev" and i + 2 < len(toks) and toks[i + 1][2] in _ARRANGED and toks[i + 2][2] == "til":
            markers.append((p, "future", False))  # "Det blev aftalt til før sommerferien": arranged, ahead
        elif w in PAST_IRREGULAR or w in REPORTING:
            past(p, w, pe)
        elif w in FUTURE_WORDS or w in PRESENT_WORDS:
            markers.append((p, "future", False))
        elif len(w) >= 4 and w.endswith("ås") and prev not in _DETERMINERS:
            markers.append((p, "future", False))  # s-passive present 'slås op', 'opnås', 'forstås'
        elif len(w) >= 5 and w not in _ADJ_STOP and prev not in _DET_COPULA:
            if w.endswith("ede") or w.endswith(_PAST_TE) or (w.endswith(_PAST_DEPONENT) and not w.endswith("redes")):
                past(p, w, pe)
            elif w.endswith("es") and not w.endswith(("nes", "ses", "ces")):
                markers.append((p, "future", False))
            elif w.endswith("er") and prev in _PRONOUNS and w not in MONTHS:
                markers.append((p, "future", False))  # 'hun flytter', 'vi arbejder'
    for m in _INTENT_AT.finditer(sent):
        inf = m["inf"].lower()
        if inf not in _NOT_INFINITIVE and (inf in _SHORT_INFINITIVES or (
                inf.endswith("e") and not inf.endswith(("erne", "ene"))) or (inf.endswith("es") and len(inf) >= 5)):
            # (a deponent infinitive too: "enige om at mødes den 2. november")
            markers.append((s + m.start("at"), "future", False))
    clauses: list[tuple[int, int, bool]] = []
    a = s
    for m in list(_CLAUSE_SEP.finditer(sent)) + [None]:
        b = s + m.start() if m else e
        first = _WORD_RE.search(text, a, b) if b > a else None
        relative = a > s and bool(first and first.group().lower() in _RELATIVE_CLAUSE_START)
        clauses.append((a, b, relative))
        if m:
            a = s + m.end()
    return _SentInfo(markers, clauses, groups)


def _participle_after_adverbial(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index of a participle after the auxiliary toks[i] when only a short temporal adverbial
    sits between ('har i juni haft', 'har den 5. maj besluttet'); len(toks) when none."""
    k = i + 1
    while k < len(toks) and k < i + 8 and (toks[k][2] in _GROUP_SKIP or toks[k][2].isdigit()):
        k += 1
    if k > i + 1 and k < len(toks) and k < i + 8 and _is_participle(toks[k][2], strict=True):
        return k
    return len(toks)


def _next_word(toks: list[tuple[int, int, str]], j: int) -> str:
    """The first word after toks[j] that is not a filler adverb ('udsat [igen] til')."""
    k = j + 1
    while k < len(toks) and toks[k][2] in _AUX_SKIP:
        k += 1
    return toks[k][2] if k < len(toks) else ""


def _tense_from_info(info: _SentInfo, pos: int, end: int) -> str:
    """'past', 'future' or 'neutral' for the expression at [pos, end) (see module docstring)."""
    def dist(p: int) -> int:
        return pos - p if p < pos else max(0, p - end)

    if any(a < pos and end <= b for a, b in info.groups or ()):
        return "past"  # 'har i juni haft', 'har siden 2013 fulgt': inside the perfect group
    markers = [(p, t) for p, t, rep in info.markers if not rep]
    own = next(((a, b) for a, b, _ in info.clauses if a <= pos < b), None)
    if own:
        mine = [(dist(p), t) for p, t in markers if own[0] <= p < own[1]]
        if mine:
            return min(mine)[1]
    main = [(dist(p), t) for p, t in markers if not any(a <= p < b and rel for a, b, rel in info.clauses)]
    if main:
        return min(main)[1]
    rest = [(dist(p), t) for p, t in markers]
    return min(rest)[1] if rest else "neutral"


_RX_DL_PREP_BEFORE = re.compile(r"(?<!\w)(?:inden|senest)\s+(?:(?:den|d\.)\s*)?$", re.I)


def _deadline_prep_unmarked(text: str, info: _SentInfo, sent: Span, pos: int) -> bool:
    """True when the expression at pos follows 'inden/senest (den)' and its own clause carries
    no tense marker of its own (the past came from another clause of the sentence): a deadline
    in a clause of its own points ahead ('Forslaget blev vedtaget, og X skriver det inden 1. april')."""
    if not _RX_DL_PREP_BEFORE.search(text, max(sent[0], pos - 15), pos):
        return False
    if any(a < pos and b > pos for a, b in info.groups or ()):
        return False
    own = next(((a, b) for a, b, _ in info.clauses if a <= pos < b), None)
    if own is None or own[0] == sent[0]:
        return False  # the main clause itself: its verb decides
    return not any(own[0] <= p < own[1] for p, _, _ in info.markers)


def clause_tense(sentence: str, start: int = 0, end: int | None = None) -> str:
    """Tense ('past' | 'future' | 'neutral') governing the span [start, end) of `sentence`."""
    info = _sentence_info(sentence, 0, len(sentence))
    return _tense_from_info(info, start, start if end is None else end)


# --------------------------------------------------------------------------- resolution


def _pick_year(period: Callable[[int], Period], ref: date, mode: str) -> Period | None:
    """The occurrence of a yearless period relative to ref: 'future', 'past' or 'nearest'; 'present'
    is 'future' except for a day of the last two weeks (the present tense speaks of both)."""
    ps = [period(y) for y in range(ref.year - 2, ref.year + 3) if _valid(period, y)]
    if not ps:
        return None
    if mode == "past":
        c = [p for p in ps if p[0] <= ref]
        return max(c) if c else None
    if mode == "nearest":
        def gap(p: Period) -> int:
            return 0 if p[0] <= ref <= p[1] else min(abs((p[0] - ref).days), abs((p[1] - ref).days))
        return min(ps, key=lambda p: (gap(p), p[0] < ref))
    c = [p for p in ps if p[1] >= ref]
    ahead = min(c) if c else None
    before = [p for p in ps if p[1] < ref]
    if mode == "present" and ahead is not None and before and (ref - max(before)[1]).days <= _JUST_BEFORE \
            and (ahead[0] - ref).days > 300:
        return max(before)  # "Der er tale om nr. 7 per 15. januar" in minutes of 16 January: that day
    return ahead


#: words that put a date of a present-tense sentence ahead of the meeting
_RX_AHEAD = re.compile(r"\b(?:næste|kommende|fremover|frist\w*|senest|inden|skal|vil|forventes|planlagt|planlægges"
                       r"|mødes|starter|begynder|åbner|kommer|sker|træder|[a-zæøå]{3,}[^e\W]es)\b", re.I)  # (-es: "gennemføres")
#: days before the meeting within which a yearless date in the present tense is that recent day
_JUST_BEFORE = 14


def _deadline(text: str, sent: Span, c: _Cand, tense: str, clause: Span | None, over: bool) -> bool:
    """Deadline/target framing of the expression (rule in the module docstring); `over`: the
    period ended before the meeting, so only an explicit deadline word can make it one."""
    s0 = sent[0]
    if _DL_ADJACENT.search(text[max(s0, c.start - 40):c.start]) or _DL_INSIDE.match(text, c.start, c.end):
        return True
    if _DL_BEFORE.search(text[max(s0, c.start - 80):c.start]):
        return True
    if _DL_AFTER.match(text[c.end:min(sent[1], c.end + 30)]):
        return True
    if tense == "past" or over:
        return False
    c0, c1 = clause or sent
    before = text[max(s0, c.start - 120):c.start]
    main = _RX_NEW_MAIN_CLAUSE.split(before)[-1]  # back to the start of its main clause
    cut = _DL_CUT.search(text, c.end, c1)
    after = text[c.end:cut.start() if cut else c1]
    if _DL_FRAME.search(main) or _DL_GOAL.search(main) or _DL_GOAL.search(after):
        return True
    return _forecast_target(text, before, after, c0, c.start)


def _forecast_target(text: str, before: str, after: str, clause_start: int, pos: int) -> bool:
    """'forventes/forventer/planlægger' frame a target only around a completion or delivery
    ("forventes klar i", "forventer at aflevere ... i", "planlægger at implementere i");
    a forecast of a quantity or state ("forventer færre elever", "forventes at falde") or of
    a plain event ("forventes at træde i kraft", "planlægge arbejdsdagen den ...") is not."""
    hits = list(_DL_FORECAST.finditer(before))
    if hits and not _RX_NEW_MAIN_CLAUSE.search(before, hits[-1].end()):
        fm = hits[-1]
        pred = before[fm.end():] + " " + after
        subject = text[clause_start:max(clause_start, pos - len(before) + fm.start())]
    else:
        fm = _DL_FORECAST.search(after)
        if not fm:
            return False
        pred = after[fm.end():]
        subject = ""
    if _DL_QUANTITY.search(pred):
        return False
    if fm.group().lower().startswith("planlæg"):
        return bool(_PLAN_AT.match(fm.group() + pred) or _DL_DELIVERY.search(pred))
    return bool(_DL_DELIVERY.search(pred) or _DL_DELIVERY_NOUN.search(subject))


def _merge_ranges(text: str, cands: list[_Cand], sent_of: Callable[[int], int]) -> list[_Cand]:
    """Join 'X – Y', 'fra X til Y', 'X til og med Y', 'mellem X og Y' and coordinations of
    consecutive periods ('januar og februar', '2023 og 2024') into one range candidate."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        j = _coordination_end(text, cands, i, sent_of)
        if j > i:
            b = cands[j]
            out.append(_Cand(a.start, b.end, "range", prio=3, mergeable=False, rel=_range_rel(a, b), ends=(a, b)))
            i = j + 1
            continue
        if i + 1 < len(cands):
            b = cands[i + 1]
            gap = text[a.end:b.start]
            m = _RANGE_CONNECTOR.fullmatch(gap)
            if (m and a.mergeable and b.mergeable and sent_of(a.start) == sent_of(b.start)
                    and (a.period or a.fixed) and (b.period or b.fixed)):
                conn = re.sub(r"\s+", " ", m["c"].lower())
                head = text[max(0, a.start - 60):a.start]
                ok = True
                if conn == "til":
                    # "fra X til Y"; two bare months need no "fra": "december til marts" is a span
                    months = a.unit and b.unit and a.unit[0] == b.unit[0] == "month"
                    ok = bool(months or _FROM_BEFORE.search(head)) \
                        and not _MOVE_VERBS.search(head)
                elif conn == "og":
                    ok = bool(re.search(r"\bmellem\s+(?:(?:den|d\.)\s*)?$", head, _I))
                if ok:
                    out.append(_Cand(a.start, b.end, "range", prio=3, mergeable=False,
                                     rel=_range_rel(a, b), ends=(a, b)))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


#: "januar–februar i sæsonen 2012", "marts i året 2019": a yearless period whose year follows
_TRAILING_YEAR_GAP = re.compile(r"\s+i\s+(?:(?:sæsonen|året|skoleåret|regnskabsåret|perioden|kalenderåret)\s+)?", _I)


def _with_trailing_year(text: str, cands: list[_Cand]) -> list[_Cand]:
    """A yearless month, day or range directly followed by "i [sæsonen] YYYY" takes that year,
    and the two are one expression."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        yearless = a.explicit_year is None and a.rel_year is None and (a.period is not None or a.ends is not None)
        if (b is not None and yearless and b.unit is not None and b.unit[0] == "year" and b.year is not None
                and _TRAILING_YEAR_GAP.fullmatch(text, a.end, b.start)):
            if a.ends is not None:
                ends = tuple(e if e.explicit_year is not None else replace(e, year=b.year) for e in a.ends)
                out.append(replace(a, end=b.end, ends=ends, rel=_range_rel(*ends)))
            else:
                out.append(replace(a, end=b.end, year=b.year))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_RX_COORD = re.compile(r"\s*(?:,|\s(?P<og>og|samt))\s*(?:i\s+)?", _I)


def _consecutive(a: _Cand, b: _Cand) -> bool:
    """b is the period right after a (same unit): months 3-4 (12-1 across a year), weeks 9-10,
    quarters 1-2, halves 1-2, years 2023-2024; explicit years must agree."""
    if not (a.unit and b.unit and a.unit[0] == b.unit[0]):
        return False
    kind, u, v = a.unit[0], a.unit[1], b.unit[1]
    if kind == "year":
        return v == u + 1
    wrap = kind == "month" and u == 12
    if v != (1 if wrap else u + 1):
        return False
    return a.year is None or b.year is None or b.year == a.year + wrap


def _coordination_end(text: str, cands: list[_Cand], i: int, sent_of: Callable[[int], int]) -> int:
    """Index of the last member of a coordination 'X, Y og Z' of consecutive periods starting
    at cands[i] (i when there is none): 'uge 9 og uge 10', 'januar og februar', 'Q1 og Q2'."""
    k = i
    while k + 1 < len(cands):
        a, b = cands[k], cands[k + 1]
        m = _RX_COORD.fullmatch(text, a.end, b.start)
        if not (m and a.mergeable and b.mergeable and sent_of(a.start) == sent_of(b.start) and _consecutive(a, b)):
            return i
        k += 1
        if m["og"]:
            return k
    return i


def _range_rel(a: _Cand, b: _Cand) -> Callable[[date, str], Period | None]:
    """Resolve a two-ended range, passing a missing year from one end to the other."""
    def explicit(c: _Cand, ref: date | None) -> Period | None:
        if c.fixed:
            return c.fixed
        if c.year is not None:
            return c.period(c.year)
        if c.rel_year is not None and ref is not None:
            return c.period(ref.year + c.rel_year) if _valid(c.period, ref.year + c.rel_year) else None
        return None

    def rel(ref: date, tense: str) -> Period | None:
        pa, pb = explicit(a, ref), explicit(b, ref)
        if pa is None and pb is not None:
            ys = [y for y in (pb[0].year, pb[0].year - 1) if _valid(a.period, y)]
            cand = [a.period(y) for y in ys if a.period(y)[0] <= pb[0]]
            pa = max(cand) if cand else None
        if pa is None:
            pa = _pick_year(a.period, ref, "nearest" if tense == "neutral" else tense)
        if pa is None:
            return None
        if pb is None:
            ys = [y for y in range(pa[0].year, pa[0].year + 3) if _valid(b.period, y)]
            cand = [b.period(y) for y in ys if b.period(y)[1] >= pa[1]]
            pb = min(cand) if cand else None
        if pb is None or pb[1] < pa[0]:
            return None
        return pa[0], pb[1]
    return rel


def _infer_ref(text: str) -> date | None:
    """The first full date in the text (normally the meeting date in the title)."""
    cands: list[_Cand] = []
    _find_text_dates(text[:5000], cands)
    _find_numeric(text[:5000], cands)
    for c in sorted(cands, key=lambda c: c.start):
        if c.year is not None and c.gran == "day":
            return c.period(c.year)[0]
    return None


def _find(text: str, ref: date | None, sentences: list[Span] | None, paragraphs: list[Span] | None,
          force_tense: str | None = None) -> list[Temporal]:
    if isinstance(ref, datetime):
        ref = ref.date()
    if ref is None:
        ref = _infer_ref(text)
    cap_paragraph = paragraphs is None
    sents = sorted(sentences) if sentences else split_sentences(text)
    if not sents:
        sents = [(0, len(text))]
    paras = sorted(paragraphs) if paragraphs else split_paragraphs(text) or [(0, len(text))]
    s_starts = [s for s, _ in sents]
    p_starts = [p for p, _ in paras]

    def sent_of(pos: int) -> int:
        return max(0, bisect_right(s_starts, pos) - 1)

    def para_of(pos: int) -> int:
        return max(0, bisect_right(p_starts, pos) - 1)

    raw: list[_Cand] = []
    for finder in _FINDERS:
        finder(text, raw)
    kept = _with_trailing_year(text, _merge_ranges(text, _select(raw), sent_of))

    infos: dict[int, _SentInfo] = {}
    sent_year: dict[int, int] = {}                 # sentence idx -> latest explicit year so far
    para_year: dict[int, tuple[int, int]] = {}     # paragraph idx -> (sentence idx, latest year)
    result: list[Temporal] = []
    for c in kept:
        si = sent_of(c.start)
        sent = sents[si]
        if si not in infos:
            infos[si] = _sentence_info(text, sent[0], sent[1])
        info = infos[si]
        tense = force_tense or _tense_from_info(info, c.start, c.end)
        if tense == "past" and not force_tense and _deadline_prep_unmarked(text, info, sent, c.start):
            tense = "future"  # '..., og NN skriver udkastet inden den 1. april': a deadline ahead
        if tense == "neutral":  # no verb to go by: a preposition may still point the way
            pw = _RX_LAST_WORD.search(text, max(sent[0], c.start - 20), c.start)
            w = pw.group(1).lower() if pw else ""
            tense = "future" if w in _FUTURE_PREPS else "past" if w == "siden" else tense
        per: Period | None = None
        try:
            if c.fixed is not None:
                per = c.fixed
            elif c.period is not None and c.year is not None:
                per = c.period(c.year)
            elif ref is None:
                per = None
            elif c.rel is not None:
                per = c.rel(ref, tense)
            elif c.rel_year is not None:
                y = ref.year + c.rel_year
                per = c.period(y) if _valid(c.period, y) else None
            elif c.inherit:
                y, same = _context_year(sent_year, para_year, si, para_of(c.start), cap_paragraph)
                if y is not None and _valid(c.period, y):
                    per = c.period(y)
                    if not same and tense != "past" and per[1] < ref:
                        per = None  # a year from an earlier sentence about the past: use ref
                if per is None:
                    per = _pick_year(c.period, ref, "past" if tense == "past" else "future")
            else:
                mode = "nearest" if tense == "neutral" else tense
                if mode == "future" and not force_tense and not _RX_AHEAD.search(text, sent[0], sent[1]):
                    mode = "present"  # (no "næste", "kommende", "frist" … pointing ahead)
                per = _weekday_year(text, c, ref) or _pick_year(c.period, ref, mode)
        except ValueError:
            per = None
        if per is None:
            continue
        ey = c.explicit_year
        if c.ends:
            ey = next((e.explicit_year for e in c.ends if e.explicit_year is not None), None)
        if ey is not None:
            sent_year[si] = ey
            para_year[para_of(c.start)] = (si, ey)
        clause = next(((a, b) for a, b, _ in info.clauses if a <= c.start < b), None)
        result.append(Temporal(
            char_start=c.start, char_end=c.end, text=text[c.start:c.end], start=per[0], end=per[1],
            granularity=c.gran,
            deadline=_deadline(text, sent, c, tense, clause, ref is not None and per[1] < ref),
        ))
    return result


def _context_year(sent_year: dict[int, int], para_year: dict[int, tuple[int, int]], si: int, pi: int,
                  cap: bool) -> tuple[int | None, bool]:
    """Latest explicit year seen so far in the same sentence (second value True), else in the
    same paragraph (False; at most 3 sentences back when `cap`); (None, False) if none."""
    if si in sent_year:
        return sent_year[si], True
    if pi in para_year:
        s_idx, y = para_year[pi]
        if not cap or si - s_idx <= 3:
            return y, False
    return None, False


# --------------------------------------------------------------------------- public API


def find_temporal(text: str, ref: date | None, sentences: list[tuple[int, int]] | None = None,
                  paragraphs: list[tuple[int, int]] | None = None) -> list[Temporal]:
    """All temporal expressions in `text` (a whole document body or a paragraph), normalised
    against `ref` (the meeting date). `sentences`/`paragraphs` are (start, end) char spans in
    `text`; when None, split sentences yourself with a simple Danish-aware rule (abbreviations
    like "fx", "bl.a.", "ift.", "vedr.", "jf.", "mv.", "ca.", "kr.", "nr.", and "2. december" are
    not sentence ends)."""
    if not text:
        return []
    return _find(text, ref, sentences, paragraphs)


def next_meeting_date(text: str, ref: date | None) -> date | None:
    """The date of the next meeting when the text announces one ("Næste møde holdes den 2.
    december", "Næste møde: 12. januar 2023", "Næste bestyrelsesmøde afholdes ...")."""
    if not text:
        return None
    if isinstance(ref, datetime):
        ref = ref.date()
    if ref is None:
        ref = _infer_ref(text)
    for m in _NEXT_MEETING.finditer(text):
        window = text[m.end():m.end() + 200]
        nxt_item = re.search(r"\n\s*\d{1,2}\.\s+[A-ZÆØÅ]", window)
        if nxt_item:
            window = window[:nxt_item.start()]
        stop = re.search(r"[.!?]\s+(?=[A-ZÆØÅ])", window)
        # a heading ('Næste møde (O)' / 'Næste møde:') may carry its date on the following line
        if stop and not re.match(r"\s*(?:\([A-ZÆØÅ]\)|:)?\s*$", window[:stop.start()]):
            window = window[:stop.start() + 1]
        found = _find(window, ref, None, None, force_tense="future")
        for t in found:
            if t.granularity != "day" or (ref is not None and t.start < ref):
                continue
            return t.start
    return None
