"""The dataset schema: one pydantic model per table, the single source of truth.

The JSON per document (`DocumentResult`), the Parquet tables (`extract.dataset`) and the
JSON Schema (`referat schema`) are all derived from these models, so a column is added
in exactly one place. Every fact row carries provenance: the page and the character
offsets into the document text that `extract.textbuild` rebuilds from the PDF.

Fields marked "filled by the pipeline" are left at their defaults by the NLP components
(which only know character offsets) and set by `extract.pipeline.finalize`.
"""
from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Role = Literal["chair", "member", "participant", "guest", "absent", "secretary"]
ItemKind = Literal["orientering", "beslutning", "drøftelse"]
Status = Literal["ok", "failed"]
DecisionKind = Literal["conclusion", "approval", "noted", "rejected", "deferred", "election", "assignment", "other"]
Granularity = Literal["day", "week", "month", "quarter", "half", "season", "year", "range", "relative"]
EntityLabel = Literal["PER", "ORG", "LOC"]


class Row(BaseModel):
    """Base of every table row: strict field set, stable field order."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str = Field("", description="Stable document id: 'd' + the first 16 hex digits of the PDF's sha256.")


class Fact(Row):
    """A row found in the text: it keeps where it was found (provenance)."""

    item: str | None = Field(None, description="Number of the agenda item the fact belongs to ('3', '8.2'); null in the front matter. Filled by the pipeline.")
    page: int | None = Field(None, description="1-based page where the fact starts. Filled by the pipeline.")
    char_start: int = Field(..., description="Start offset into the document text (DocumentResult.text).")
    char_end: int = Field(..., description="End offset (exclusive) into the document text.")


class Document(Row):
    """One row per input file, also for files that failed."""

    source: str = Field(..., description="Path of the input PDF as given on the command line.")
    sha256: str = Field(..., description="SHA-256 of the PDF bytes.")
    title: str | None = Field(None, description="Title line of the minutes ('Referat fra møde i ...').")
    body: str | None = Field(None, description="The meeting body (board, committee) the minutes are from.")
    meeting_date: date | None = Field(None, description="Date of the meeting.")
    next_meeting_date: date | None = Field(None, description="Date of the next meeting when the minutes announce it.")
    attendance_count: int | None = Field(None, description="How many attended when the minutes give a number instead of (or besides) names ('Deltagere i alt: 15', '31 medlemmer mødt').")
    place: str | None = Field(None, description="Where or how the meeting was held ('videomøde', 'Rådhuset').")
    page_count: int = Field(0, description="Number of pages in the PDF.")
    ocr_pages: list[int] = Field(default_factory=list, description="Pages whose text came from OCR rather than the PDF's text layer.")
    status: Status = Field("ok", description="'ok', or 'failed' when no dataset rows could be extracted.")
    error: str | None = Field(None, description="One-line reason when status is 'failed' (encrypted, not a PDF, damaged, no text layer, ...).")
    engine: str = Field("pdfplumber", description="PDF engine that produced the layout (pdfplumber or pdfium).")
    extractor_version: str = Field(..., description="Version of referat that wrote the row; re-runs skip files already done by this version.")
    schema_version: str = Field(SCHEMA_VERSION, description="Version of this schema.")


class Attendee(Fact):
    """A person on the attendance list, with the role the list gives them."""

    name: str = Field(..., description="Full name as written in the attendance list.")
    organisation: str | None = Field(None, description="Organisation the person represents (canonical form).")
    job_title: str | None = Field(None, description="Job title or function ('direktør', 'kasserer').")
    party: str | None = Field(None, description="Party letter for politicians ('A', 'V').")
    role: Role = Field(..., description="chair, member, participant, guest, absent or secretary.")
    items: list[str] = Field(default_factory=list, description="For guests: the agenda item numbers they attended.")
    absent_items: list[str] = Field(default_factory=list, description="Agenda items the person took no part in ('X deltog ikke i behandlingen af punktet').")


class Item(Fact):
    """An agenda item. Items handled together share one text range."""

    number: str = Field(..., description="Item number: '3', or '8.2' for a sub-item.")
    title: str = Field(..., description="Title without the kind marker; a wrapped title is joined.")
    kind: ItemKind | None = Field(None, description="orientering (O), beslutning (B), drøftelse (D), or null.")
    parent: str | None = Field(None, description="Number of the parent item for sub-items.")
    page_start: int | None = Field(None, description="Page of the heading. Filled by the pipeline.")
    page_end: int | None = Field(None, description="Page where the item's text ends. Filled by the pipeline.")
    heading_end: int | None = Field(None, description="End offset of the heading; the item's text runs from here to char_end.")
    attachment_start: int | None = Field(None, description="Start of this item's text attached elsewhere (a report printed after the last item), or null.")
    attachment_end: int | None = Field(None, description="End of that attached text.")


class Statement(Fact):
    """One sentence of the minutes and who (if anyone) said it."""

    statement_id: str = Field("", description="Stable id: doc_id + ':' + sentence start offset. Filled by the pipeline.")
    speaker: str | None = Field(None, description="Canonical name (as in the attendance list) of the person reported; null when no person says it.")
    organisation: str | None = Field(None, description="The speaker's organisation from the attendance list.")
    act: str | None = Field(None, description="Speech act: the reporting verb's infinitive ('bemærke', 'tilslutte sig').")
    verb: str | None = Field(None, description="The reporting verb as written ('bemærkede').")
    text: str = Field(..., description="The whole sentence, dehyphenated.")
    implicit: bool = Field(False, description="True when the sentence has no reporting verb and continues the previous speaker's report.")


class Entity(Fact):
    """A person, organisation or place mentioned in the text."""

    label: EntityLabel = Field(..., description="PER, ORG or LOC.")
    text: str = Field(..., description="The mention as written.")
    canonical: str = Field(..., description="Canonical form: the attendance-list name for persons; without genitive -s for organisations.")
    source: str = Field("rules", description="What found it: 'roster', 'rules', 'gazetteer' or 'ner'.")


class Decision(Fact):
    """What was concluded, approved, noted, rejected, deferred or elected."""

    kind: DecisionKind = Field(..., description="conclusion, approval, noted, rejected, deferred, election, "
                                                 "assignment (a task given to someone, also in the actions table) or other.")
    text: str = Field(..., description="The decision sentence or block text.")
    decided_by: str | None = Field(None, description="Person who concluded, when the minutes name one.")
    decided_on: date | None = Field(None, description="Date of the decision (a dated 'Udvalgets beslutning den ...' block, else the meeting date).")


class Action(Fact):
    """An action item: who is to do what, by when."""

    owner: str | None = Field(None, description="Person or organisation responsible.")
    task: str = Field(..., description="What is to be done.")
    due_start: date | None = Field(None, description="Start of the due period (inclusive).")
    due_end: date | None = Field(None, description="End of the due period (inclusive).")


class DateMention(Fact):
    """A Danish temporal expression normalised against the meeting date."""

    text: str = Field(..., description="The expression as written ('uge 44', 'foråret 2021').")
    start: date = Field(..., description="Start of the period (inclusive).")
    end: date = Field(..., description="End of the period (inclusive).")
    granularity: Granularity = Field(..., description="day, week, month, quarter, half, season, year, range or relative.")
    deadline: bool = Field(False, description="True when the sentence frames the date as a deadline or target.")
    sentence: str = Field("", description="The sentence the expression occurs in.")


#: table name -> row model, in the order tables are written and documented.
TABLES: dict[str, type[Row]] = {
    "documents": Document,
    "attendance": Attendee,
    "items": Item,
    "statements": Statement,
    "entities": Entity,
    "decisions": Decision,
    "actions": Action,
    "dates": DateMention,
}


class DocumentResult(BaseModel):
    """Everything extracted from one PDF: the JSON written to DIR/json/<doc_id>.json."""

    model_config = ConfigDict(extra="forbid")

    document: Document
    text: str = Field("", description="The rebuilt document text all char offsets point into.")
    attendance: list[Attendee] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    decisions: list[Decision] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)

    def rows(self, table: str) -> list[Row]:
        """The rows of one table ('documents' gives the single document row)."""
        return [self.document] if table == "documents" else list(getattr(self, table))
