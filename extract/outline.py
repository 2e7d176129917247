"""Outline marks: the letters and roman numerals that number the entries inside an agenda item
("a.", "b)", "iv.", "ii)"), one pattern shared by the layout, segmentation and NLP modules so they
agree on what an entry mark is. Written as pattern source, to be put into each module's own regex."""
from __future__ import annotations

#: a letter or a roman numeral of up to four characters ("a", "ii", "viii"), the mark before "." or ")"
MARK = r"(?:[a-zæøå]|[ivx]{1,4})"
#: an entry's mark when a number may stand in the letter's place ("3.", "c)", "iv.")
ENTRY_MARK = r"(?:[a-zæøå]|[ivx]{1,4}|\d{1,2})"
#: a task label opening an entry ("Aktion: Bo kontakter …", "To do: …"): what follows is a task
#: someone takes on, not something said (the action finder reads it, the statement finder skips it)
TASK_LABEL = r"(?i:aktion|opgave|handling|action|to\s?do)\s*:"
