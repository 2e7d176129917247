"""One self-contained HTML page per meeting, for checking the extraction against the minutes.

Why a static page: a reviewer opens it from a mail or a shared drive, offline, without a
server; so CSS and JS are inline and nothing is loaded from elsewhere. The page shows the
meeting header, the attendance panel, every agenda item as a <section class="item"> with
its sentences in document order, coloured by speaker (the colour comes from a hash of the
name, so a person keeps it on every page), the speech act, implicit continuations marked,
decisions/actions/dates highlighted (dates also inline as <mark>), and a person filter
that hides other speakers' sentences (each sentence carries data-speaker). Every piece
of text goes through html.escape; char offsets and pages are in tooltips for provenance.

The data come from DIR/json/<doc_id>.json (which also holds the document text); a
dataset with only Parquet tables works too.
"""
from __future__ import annotations

import html
import json
import zlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from string import Template

from extract.schema import (
    TABLES,
    Action,
    Attendee,
    DateMention,
    Decision,
    DocumentResult,
    Item,
    Statement,
)

ROLE_ORDER = ["chair", "member", "participant", "guest", "secretary", "absent"]


class ReviewError(Exception):
    """The document cannot be found or read; str(exc) is the one-line reason."""


# --- finding the document ------------------------------------------------------------

def _catalogue(root: Path) -> list[tuple[str, str]]:
    """(doc_id, source) of every document in the dataset: from the documents table when
    present, plus JSON files the table does not (yet) list."""
    from extract.query import DatasetNotFound, QueryError, connect, run

    pairs: dict[str, str] = {}
    try:
        con = connect(root)
        try:
            pairs.update(run(con, "SELECT doc_id, source FROM documents").rows)
        finally:
            con.close()
    except (DatasetNotFound, QueryError):  # no tables yet (or unreadable): the JSON files below
        pairs.clear()
    for path in sorted((root / "json").glob("*.json")):
        if path.stem not in pairs:
            try:
                pairs[path.stem] = json.loads(path.read_bytes())["document"]["source"]
            except (OSError, ValueError, KeyError, TypeError):
                continue
    return sorted(pairs.items())


def resolve_doc_id(root: Path | str, ref: str) -> str:
    """The doc_id meant by `ref`: a doc_id, the PDF's path, file name or stem, or a unique
    doc_id prefix (in that order of precedence)."""
    root = Path(root)
    if not root.is_dir():
        raise ReviewError(f"no such dataset folder: {root}")
    docs = _catalogue(root)
    if not docs:
        raise ReviewError(f"{root} holds no referat dataset (no documents table, no json/)")
    ids = [d for d, _ in docs]
    if ref in ids:
        return ref
    wanted = {ref, Path(ref).name}
    by_source = sorted({d for d, src in docs if wanted & {src, Path(src).name, Path(src).stem}})
    if len(by_source) == 1:
        return by_source[0]
    if len(by_source) > 1:
        raise ReviewError(f"{ref!r} names several documents ({', '.join(by_source)}): give the doc_id")
    by_prefix = [d for d in ids if d.startswith(ref)]
    if len(by_prefix) == 1:
        return by_prefix[0]
    if len(by_prefix) > 1:
        shown = ", ".join(by_prefix[:5]) + (" ..." if len(by_prefix) > 5 else "")
        raise ReviewError(f"{ref!r} is a prefix of {len(by_prefix)} doc_ids ({shown}): give more digits")
    raise ReviewError(f"no document {ref!r} in {root} ({len(docs)} documents): "
                      "give a doc_id, a unique prefix of one, or the PDF's file name")


def load_result(root: Path | str, doc_id: str) -> DocumentResult:
    """The document's full result: its JSON, else rebuilt from the Parquet tables (no text)."""
    root = Path(root)
    path = root / "json" / f"{doc_id}.json"
    if path.is_file():
        try:
            return DocumentResult.model_validate_json(path.read_bytes())
        except ValueError as exc:
            raise ReviewError(f"{path} is not a readable referat result: {str(exc).splitlines()[0]}") from None
    from extract.query import connect, run

    con = connect(root)
    try:
        parts: dict[str, list] = {}
        for name, model in TABLES.items():
            res = run(con, f'SELECT * FROM "{name}" WHERE doc_id = ?', [doc_id])
            parts[name] = [model.model_validate({k: v for k, v in r.items() if k in model.model_fields})
                           for r in res.records()]
    finally:
        con.close()
    if not parts["documents"]:
        raise ReviewError(f"no document {doc_id!r} in {root}")
    return DocumentResult(document=parts.pop("documents")[0], **parts)


# --- rendering -----------------------------------------------------------------------

def esc(value: object) -> str:
    """HTML-escaped text (quotes too, so it is safe inside attributes); None → ''."""
    return "" if value is None else html.escape(str(value), quote=True)


def speaker_hue(name: str) -> int:
    """A stable hue (0-359) for a speaker: the same name gets the same colour on every page."""
    return zlib.crc32(name.encode("utf-8")) % 360


def number_key(number: str) -> tuple:
    """'8.10' after '8.2', '10' after '9'; non-numeric parts sort as text."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in number.split("."))


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def locate(needle: str, text: str, near: int) -> int:
    """Position of `needle` in `text` closest to `near` (-1 when absent). Statement text is
    dehyphenated, so document offsets only approximately match positions in it."""
    best, pos = -1, text.find(needle)
    while pos != -1:
        if best == -1 or abs(pos - near) < abs(best - near):
            best = pos
        pos = text.find(needle, pos + 1)
    return best


def marked_text(stmt: Statement, dates: Iterable[DateMention]) -> str:
    """The sentence, escaped, with each date expression inside it wrapped in <mark>."""
    text = stmt.text
    spans: list[tuple[int, int, DateMention]] = []
    for d in sorted(dates, key=lambda d: d.char_start):
        if not d.text:
            continue
        pos = locate(d.text, text, d.char_start - stmt.char_start)
        if pos == -1 or any(_overlaps(pos, pos + len(d.text), s, e) for s, e, _ in spans):
            continue
        spans.append((pos, pos + len(d.text), d))
    out, last = [], 0
    for start, end, d in sorted(spans, key=lambda s: s[0]):
        cls = "date deadline" if d.deadline else "date"
        tip = f"{d.start.isoformat()}–{d.end.isoformat()} ({d.granularity}){' · deadline' if d.deadline else ''}"
        out.append(esc(text[last:start]))
        out.append(f'<mark class="{cls}" title="{esc(tip)}">{esc(text[start:end])}</mark>')
        last = end
    out.append(esc(text[last:]))
    return "".join(out)


def _where(fact: Statement | Decision | Action | DateMention | Attendee | Item) -> str:
    page = f", page {fact.page}" if fact.page else ""
    return f"chars {fact.char_start}–{fact.char_end}{page}"


def _period(start: object, end: object) -> str:
    if start is None and end is None:
        return ""
    if start == end or end is None:
        return str(start)
    return f"{start} – {end}"


def render_statement(stmt: Statement, org_of: dict[str, str | None], decisions: list[Decision],
                     actions: list[Action], dates: list[DateMention]) -> str:
    classes = ["stmt"]
    speaker = stmt.speaker or ""
    style = ""
    if speaker:
        style = f' style="--h:{speaker_hue(speaker)}"'
        who_org = stmt.organisation or org_of.get(speaker)
        who = (f'<button type="button" class="who" data-pick="{esc(speaker)}" title="show only {esc(speaker)}">'
               f'{esc(speaker)}</button>' + (f' <span class="org">{esc(who_org)}</span>' if who_org else ""))
    else:
        classes.append("narr")
        who = ""
    if stmt.implicit:
        classes.append("implicit")
        act = '<span class="act implicit-tag" title="no reporting verb: continues the previous speaker">continues</span>'
    elif stmt.act:
        verb = f' title="{esc(stmt.verb)}"' if stmt.verb else ""
        act = f'<span class="act"{verb}>{esc(stmt.act)}</span>'
    else:
        act = ""
    own_dec = [d for d in decisions if _overlaps(d.char_start, d.char_end, stmt.char_start, stmt.char_end)]
    own_act = [a for a in actions if _overlaps(a.char_start, a.char_end, stmt.char_start, stmt.char_end)]
    own_dates = [d for d in dates if stmt.char_start <= d.char_start and d.char_end <= stmt.char_end]
    badges = []
    if own_dec:
        classes.append("decision")
        badges += [f'<span class="badge b-decision">decision: {esc(d.kind)}</span>' for d in own_dec]
    if own_act:
        classes.append("action")
        badges += [f'<span class="badge b-action">action{": " + esc(a.owner) if a.owner else ""}</span>' for a in own_act]
    if any(d.deadline for d in own_dates):
        badges.append('<span class="badge b-deadline">deadline</span>')
    head = f'<div class="head">{who}{act}{"".join(badges)}</div>' if (who or act or badges) else ""
    return (f'<div class="{" ".join(classes)}" id="s-{stmt.char_start}" data-speaker="{esc(speaker)}" '
            f'data-item="{esc(stmt.item)}" title="{esc(_where(stmt))}"{style}>{head}'
            f'<p class="text">{marked_text(stmt, own_dates)}</p></div>')


def render_facts(decisions: list[Decision], actions: list[Action], dates: list[DateMention]) -> str:
    """The per-item lists of decisions, actions and dates."""
    out = []
    if decisions:
        lis = "".join(
            f'<li title="{esc(_where(d))}"><span class="badge b-decision">{esc(d.kind)}</span> {esc(d.text)}'
            + (f' <span class="by">— {esc(d.decided_by)}</span>' if d.decided_by else "")
            + (f' <span class="on">({esc(d.decided_on)})</span>' if d.decided_on else "") + "</li>"
            for d in decisions)
        out.append(f'<div class="facts decisions"><h3>Decisions</h3><ul>{lis}</ul></div>')
    if actions:
        lis = "".join(
            f'<li title="{esc(_where(a))}"><span class="owner">{esc(a.owner or "(no owner)")}</span>: {esc(a.task)}'
            + (f' <span class="due">due {esc(_period(a.due_start, a.due_end))}</span>' if a.due_start or a.due_end else "")
            + "</li>" for a in actions)
        out.append(f'<div class="facts actions"><h3>Actions</h3><ul>{lis}</ul></div>')
    if dates:
        lis = "".join(
            f'<li title="{esc(_where(d))}"><mark class="date{" deadline" if d.deadline else ""}">{esc(d.text)}</mark> '
            f'{esc(_period(d.start, d.end))} <span class="gran">{esc(d.granularity)}</span>'
            + (' <span class="badge b-deadline">deadline</span>' if d.deadline else "") + "</li>"
            for d in dates)
        out.append(f'<div class="facts dates"><h3>Dates</h3><ul>{lis}</ul></div>')
    return "".join(out)


def _group(rows: Iterable, known: set[str]) -> dict[str | None, list]:
    """Rows by item number, in document order; rows of unknown/no item under None."""
    groups: dict[str | None, list] = defaultdict(list)
    for r in sorted(rows, key=lambda r: (r.char_start, r.char_end)):
        groups[r.item if r.item in known else None].append(r)
    return groups


def render_attendance(attendance: list[Attendee], spoke: dict[str, int]) -> str:
    if not attendance:
        return '<aside id="attendance"><h2>Attendance</h2><p class="none">No attendance list found.</p></aside>'
    rank = {r: i for i, r in enumerate(ROLE_ORDER)}
    rows = []
    for a in sorted(attendance, key=lambda a: (rank.get(a.role, 99), a.char_start)):
        n = spoke.get(a.name, 0)
        name = (f'<button type="button" class="who" data-pick="{esc(a.name)}" style="--h:{speaker_hue(a.name)}" '
                f'title="show only {esc(a.name)}">{esc(a.name)}</button>' if n else esc(a.name))
        items = f'<br><span class="guest-items">items {esc(", ".join(a.items))}</span>' if a.items else ""
        who = ", ".join(esc(x) for x in (a.organisation, a.job_title, f"({a.party})" if a.party else None) if x)
        rows.append(
            f'<tr data-speaker="{esc(a.name)}" class="role-{esc(a.role)}" title="{esc(_where(a))}"><td>{name}</td>'
            f'<td>{who}</td><td><span class="role">{esc(a.role)}</span>{items}</td><td class="num">{n or ""}</td></tr>')
    return ('<aside id="attendance"><h2>Attendance</h2><table><thead><tr><th>Name</th><th>Organisation, title</th>'
            '<th>Role</th><th title="attributed sentences">#</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></aside>')


def render(result: DocumentResult) -> str:
    """The review page of one document, as one self-contained HTML string."""
    doc = result.document
    items = sorted(result.items, key=lambda i: (i.char_start, number_key(i.number)))
    known = {i.number for i in items}
    stmts = _group(result.statements, known)
    decs = _group(result.decisions, known)
    acts = _group(result.actions, known)
    dats = _group(result.dates, known)
    org_of = {a.name: a.organisation for a in result.attendance}
    spoke: dict[str, int] = defaultdict(int)
    for s in result.statements:
        if s.speaker:
            spoke[s.speaker] += 1
    guests = defaultdict(list)
    for a in result.attendance:
        if a.role == "guest":
            for n in a.items:
                guests[n].append(a.name)

    lead: dict[tuple[int, int], Item] = {}
    sections = []
    for it in items:
        first = lead.setdefault((it.char_start, it.char_end), it)
        meta = []
        if it.page_start:
            meta.append(f"page {it.page_start}" + (f"–{it.page_end}" if it.page_end and it.page_end != it.page_start else ""))
        if first is not it:
            meta.append(f'handled together with item <a href="#item-{esc(first.number)}">{esc(first.number)}</a>')
        if guests.get(it.number):
            meta.append("guests: " + esc(", ".join(guests[it.number])))
        kind = f' <span class="kind kind-{esc(it.kind)}">{esc(it.kind)}</span>' if it.kind else ""
        body = "".join(render_statement(s, org_of, decs.get(it.number, []), acts.get(it.number, []), dats.get(it.number, []))
                       for s in stmts.get(it.number, []))
        sub = " sub" if it.parent else ""
        sections.append(
            f'<section class="item{sub}" id="item-{esc(it.number)}" data-item="{esc(it.number)}" title="{esc(_where(it))}">'
            f'<h2><span class="num">{esc(it.number)}</span> <span class="title">{esc(it.title)}</span>{kind}</h2>'
            + (f'<p class="item-meta">{" · ".join(meta)}</p>' if meta else "")
            + f'<div class="stmts">{body}</div>'
            + render_facts(decs.get(it.number, []), acts.get(it.number, []), dats.get(it.number, []))
            + "</section>")
    front = ""
    if stmts.get(None) or decs.get(None) or acts.get(None) or dats.get(None):
        body = "".join(render_statement(s, org_of, decs.get(None, []), acts.get(None, []), dats.get(None, []))
                       for s in stmts.get(None, []))
        front = (f'<div class="front"><h2>Before the agenda</h2><div class="stmts">{body}</div>'
                 f'{render_facts(decs.get(None, []), acts.get(None, []), dats.get(None, []))}</div>')

    options = "".join(f'<option value="{esc(n)}">{esc(n)} ({c})</option>' for n, c in sorted(spoke.items()))
    toc = "".join(f'<li class="{"sub" if it.parent else ""}"><a href="#item-{esc(it.number)}">{esc(it.number)}. '
                  f'{esc(it.title)}</a></li>' for it in items)
    meta_rows = [("Body", doc.body), ("Date", doc.meeting_date), ("Place", doc.place),
                 ("Next meeting", doc.next_meeting_date), ("Source", doc.source),
                 ("Pages", doc.page_count or None), ("OCR pages", ", ".join(map(str, doc.ocr_pages)) or None),
                 ("Document", doc.doc_id), ("Extractor", f"{doc.extractor_version} ({doc.engine})")]
    meta = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in meta_rows if v not in (None, ""))
    failed = (f'<p class="failed">Extraction failed: {esc(doc.error or "unknown reason")}</p>'
              if doc.status != "ok" else "")
    attributed = sum(spoke.values())
    counts = (f"{len(items)} items · {len(result.statements)} sentences ({attributed} attributed) · "
              f"{len(result.decisions)} decisions · {len(result.actions)} actions · {len(result.dates)} dates")
    return PAGE.substitute(
        page_title=esc(doc.title or Path(doc.source).name or doc.doc_id),
        heading=esc(doc.title or Path(doc.source).name or doc.doc_id),
        meta=meta, failed=failed, counts=esc(counts), options=options, toc=toc, front=front,
        sections="".join(sections) or '<p class="none">No agenda items found.</p>',
        attendance=render_attendance(result.attendance, spoke), style=CSS, script=JS,
        doc_id=esc(doc.doc_id),
    )


def write_review(root: Path | str, ref: str, out: Path | str) -> Path:
    """Resolve `ref`, render its page and write it to `out` (folders created)."""
    doc_id = resolve_doc_id(root, ref)
    page = render(load_result(root, doc_id))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out


PAGE = Template("""<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="referat review">
<title>$page_title</title>
<style>$style</style>
</head>
<body data-doc-id="$doc_id">
<header id="meeting">
<h1>$heading</h1>
<dl class="meta">$meta</dl>
$failed
<p class="counts">$counts</p>
</header>
<div id="controls">
<label>Person <select id="person-filter"><option value="">All speakers</option>$options</select></label>
<label><input type="checkbox" id="only-items"> only items where they speak</label>
<label><input type="checkbox" id="hide-unattributed"> hide sentences without a speaker</label>
<span class="legend"><mark class="date">date</mark> <mark class="date deadline">deadline</mark>
<span class="badge b-decision">decision</span> <span class="badge b-action">action</span></span>
<output id="filter-status" aria-live="polite"></output>
</div>
<div class="layout">
<nav id="toc"><h2>Agenda</h2><ul>$toc</ul></nav>
<main>
$front
$sections
</main>
$attendance
</div>
<footer>Generated by referat from document $doc_id. Hover a sentence for its character offsets and page.</footer>
<script>$script</script>
</body>
</html>
""")

CSS = """
:root{--fg:#1d1d1f;--muted:#666;--line:#ddd;--bg:#fafafa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
[hidden]{display:none!important}
header#meeting{padding:1rem 1.5rem;background:#fff;border-bottom:1px solid var(--line)}
h1{font-size:1.35rem;margin:0 0 .5rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0;font-size:.9rem}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0}
.counts{color:var(--muted);font-size:.85rem;margin:.5rem 0 0}
.failed{color:#a00;font-weight:600}
#controls{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;align-items:center;
 padding:.5rem 1.5rem;background:#fff;border-bottom:1px solid var(--line);font-size:.9rem}
#filter-status{color:var(--muted)}
.layout{display:grid;grid-template-columns:13rem minmax(0,2fr) minmax(28rem,1fr);gap:1rem;padding:1rem 1.5rem}
@media (max-width:1100px){.layout{grid-template-columns:1fr}#toc{display:none}}
#toc{font-size:.85rem;position:sticky;top:3rem;align-self:start;max-height:85vh;overflow:auto}
#toc ul{list-style:none;padding:0;margin:0}#toc li{margin:.1rem 0}#toc li.sub{margin-left:1rem}
#toc a{color:inherit;text-decoration:none}#toc a:hover{text-decoration:underline}
#toc h2,#attendance h2,.front h2{font-size:1rem;margin:0 0 .5rem}
section.item,.front{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.6rem 1rem;margin:0 0 1rem}
section.item.sub{margin-left:1.5rem}
section.item.no-match{opacity:.45}
section.item h2{font-size:1.05rem;margin:.2rem 0 .4rem}
section.item h2 .num{display:inline-block;min-width:2rem;color:var(--muted)}
.kind{font-size:.75rem;font-weight:500;padding:.05rem .4rem;border-radius:3px;background:#eef;color:#335;vertical-align:middle}
.item-meta{margin:0 0 .4rem;color:var(--muted);font-size:.82rem}
.stmt{--h:0;margin:.35rem 0;padding:.3rem .6rem;border-left:4px solid hsl(var(--h) 55% 45%);
 background:hsl(var(--h) 70% 96%);border-radius:0 4px 4px 0}
.stmt.narr{border-left-color:#ccc;background:#f6f6f6;color:#444}
.stmt.implicit{border-left-style:dashed}
.stmt.implicit .text{font-style:italic}
.stmt.decision{box-shadow:inset 0 0 0 2px #2e7d32}
.stmt.action{outline:2px dotted #e65100;outline-offset:-2px}
.stmt .head{display:flex;flex-wrap:wrap;gap:.4rem;align-items:baseline;font-size:.82rem}
.stmt .text{margin:.1rem 0 0}
button.who{font:inherit;font-weight:600;border:0;padding:0 .3rem;border-radius:3px;cursor:pointer;
 background:hsl(var(--h) 60% 85%);color:hsl(var(--h) 60% 20%)}
.org{color:var(--muted)}
.act{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.78rem;background:#fff;border:1px solid var(--line);padding:0 .3rem;border-radius:3px}
.implicit-tag{border-style:dashed;color:var(--muted)}
.badge{font-size:.72rem;padding:.05rem .35rem;border-radius:3px;color:#fff;white-space:nowrap}
.b-decision{background:#2e7d32}.b-action{background:#e65100}.b-deadline{background:#c62828}
mark.date{background:#fff3a0;padding:0 .1rem;border-radius:2px}
mark.date.deadline{background:#ffcdd2;box-shadow:inset 0 -2px 0 #c62828}
.facts h3{font-size:.85rem;margin:.6rem 0 .2rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
.facts ul{margin:0;padding-left:1.1rem;font-size:.9rem}
.facts.decisions li{background:#e8f5e9;margin:.15rem 0;padding:.1rem .3rem}
.facts.actions li{background:#fff3e0;margin:.15rem 0;padding:.1rem .3rem}
.owner{font-weight:600}.due{color:#c62828;font-size:.85rem}.gran{color:var(--muted);font-size:.8rem}
#attendance{background:#fff;border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem;align-self:start;
 position:sticky;top:3rem;max-height:85vh;overflow:auto;font-size:.82rem}
#attendance table{border-collapse:collapse;width:100%}
#attendance th,#attendance td{overflow-wrap:break-word;text-align:left;padding:.15rem .3rem;border-bottom:1px solid #eee;vertical-align:top}
#attendance td.num{text-align:right;color:var(--muted);white-space:nowrap}
#attendance tr.role-absent{color:#999}
#attendance tr.selected{background:#fffbe6}
.role,.guest-items{font-size:.75rem;color:var(--muted)}
#attendance td .role{white-space:nowrap;overflow-wrap:normal}
.none{color:var(--muted)}
footer{padding:1rem 1.5rem;color:var(--muted);font-size:.8rem}
"""

JS = """
(function () {
  'use strict';
  var select = document.getElementById('person-filter');
  var onlyItems = document.getElementById('only-items');
  var hideNarr = document.getElementById('hide-unattributed');
  var status = document.getElementById('filter-status');
  var stmts = Array.prototype.slice.call(document.querySelectorAll('.stmt'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.item'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('#attendance tr[data-speaker]'));
  function apply() {
    var who = select.value, shown = 0;
    stmts.forEach(function (el) {
      var speaker = el.getAttribute('data-speaker');
      var hide = (who !== '' && speaker !== who) || (hideNarr.checked && speaker === '');
      el.hidden = hide;
      if (!hide) { shown += 1; }
    });
    sections.forEach(function (sec) {
      var any = sec.querySelector('.stmt:not([hidden])') !== null;
      sec.classList.toggle('no-match', who !== '' && !any);
      sec.hidden = onlyItems.checked && who !== '' && !any;
    });
    rows.forEach(function (tr) { tr.classList.toggle('selected', who !== '' && tr.getAttribute('data-speaker') === who); });
    status.textContent = shown + ' of ' + stmts.length + ' sentences shown';
  }
  select.addEventListener('change', apply);
  onlyItems.addEventListener('change', apply);
  hideNarr.addEventListener('change', apply);
  document.addEventListener('click', function (ev) {
    var el = ev.target.closest ? ev.target.closest('[data-pick]') : null;
    if (!el) { return; }
    var who = el.getAttribute('data-pick');
    select.value = select.value === who ? '' : who;
    apply();
  });
  apply();
})();
"""
