"""Danish person-name gazetteer: which words are first names (with gender) or surnames.

Why a gazetteer: the pipeline is `spacy.blank("da")` (no statistical NER), so a person not
on the attendance list is recognised by "known first name + capitalised name parts", and
pronoun resolution ("Hun supplerede") needs the gender of a first name. The table ships
in models/names/danish_names.csv (DaCy's name list, Apache-2.0, see models/names/README.md).
Also the loader for the small JSON lexicons in models/lexicon/.
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from extract.nlp.base import MODELS_DIR

NAMES_CSV = MODELS_DIR / "names" / "danish_names.csv"
LEXICON_DIR = MODELS_DIR / "lexicon"

#: Entries of the name table that are not usable as names in running text.
_NOT_NAMES = {"unavngivet", "de", "van", "islam", "muslim", "jihad", "ramadan", "sultan", "imam"}
_GENDER = {"female": "f", "male": "m"}


@dataclass(frozen=True)
class NameGazetteer:
    """First names (casefolded → 'f' | 'm' | None) and surnames (casefolded)."""

    first: dict[str, str | None] = field(default_factory=dict)
    last: frozenset[str] = frozenset()

    def is_first(self, word: str) -> bool:
        return word.casefold() in self.first

    def is_last(self, word: str) -> bool:
        return word.casefold() in self.last

    def gender(self, first_name: str) -> str | None:
        """'f', 'm', or None when unknown or used for both (also for double names: the first part)."""
        key = first_name.casefold()
        if key not in self.first and "-" in key:
            key = key.split("-")[0]
        return self.first.get(key)


@lru_cache(maxsize=4)
def load_names(path: str | Path = NAMES_CSV) -> NameGazetteer:
    """Read the name table once per process (cached)."""
    first: dict[str, str | None] = {}
    both: set[str] = set()
    last: set[str] = set()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("name") or "").strip()
            key = name.casefold()
            if len(name) < 2 or key in _NOT_NAMES:
                continue
            if (row.get("first_name") or "").strip() == "True":
                gender = _GENDER.get((row.get("gender") or "").strip())
                if key in first and first[key] != gender:
                    both.add(key)  # listed as female and male: gender unknown
                first[key] = gender
            else:
                last.add(key)
    for key in both:
        first[key] = None
    return NameGazetteer(first=first, last=frozenset(last))


@lru_cache(maxsize=16)
def load_lexicon(name: str) -> dict[str, Any]:
    """A JSON lexicon from models/lexicon/ (`name` without '.json'); keys starting with '_' are comments."""
    data = json.loads((LEXICON_DIR / f"{name}.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def alternation(words: list[str]) -> str:
    """Regex alternation of lexicon entries, longest first (entries are regex fragments;
    a space matches any white space, so phrases survive line joins)."""
    parts = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(p.replace(" ", r"\s+") for p in parts) + ")"


_PLAIN_ENTRY = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def required_words(entries: list[str]) -> re.Pattern | None:
    """A case-insensitive pattern of one word of each entry (its longest): every match of
    `alternation(entries)` contains a match of it, also with more white space or words put
    between an entry's words. For `fastscan.KeyIndex`. None unless every entry is plain words."""
    if not all(_PLAIN_ENTRY.fullmatch(e) for e in entries):
        return None
    return re.compile(alternation([max(e.split(), key=len) for e in entries]), re.IGNORECASE)
