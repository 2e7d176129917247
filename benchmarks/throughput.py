#!/usr/bin/env python3
"""Throughput benchmark: prints pages/s and the ratios against the targets in one run.

    python benchmarks/throughput.py [--min-pages N] [--files N] [--file-pages N] [--big-pages N] [--runs N]

1. raw pdfplumber `extract_words` over every page of the corpus repeated to >= 200 pages;
2. the referat pipeline (`run_batch`, one worker, as `referat extract --workers 1`) on the
   same PDF with the pdfplumber engine and with the pdfium engine;
3. 1 vs 2 workers over several files (copies of the corpus repeated, each made unique);
4. peak RSS of the worker on a 1,000-page PDF (both engines);
5. resume: `referat extract` in a fresh process over 100 files that are all done already
   (wall time, and whether spaCy / pdfplumber / pdfium were imported at all).

Also printed, to read the ratios against: the PDF layer alone per engine, and how much a
second process adds on this machine right now (virtual CPUs are often shared). Each
timing is the best of --runs runs, since machine noise only ever slows a run down.

Targets: pipeline(pdfplumber) >= 0.9 x raw words (issue 10); pdfium >= 10 x pdfplumber engine;
2 workers >= 1.7 x one; peak RSS < 500 MB per worker; resume of 100 done files < 1 s
without importing spaCy or a PDF library. The inputs are built in a temporary
folder from the project's corpus PDFs (corpus/*.pdf), so the figures are reproducible.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(CORPUS))
from synthetic import long_pdf  # noqa: E402  (corpus/synthetic.py)
MB = 1024 * 1024


def repeated_corpus(dest: Path, min_pages: int) -> tuple[Path, int]:
    """All corpus PDFs concatenated, repeated until the file has at least `min_pages` pages."""
    import pikepdf

    sources = [pikepdf.open(p) for p in sorted(CORPUS.glob("*.pdf"))]
    if not sources:
        sys.exit("no corpus PDFs: run `make corpus` first")
    out = pikepdf.new()
    while len(out.pages) < min_pages:
        for src in sources:
            out.pages.extend(src.pages)
    out.save(dest)
    n = len(out.pages)
    for src in sources:
        src.close()
    return dest, n


def unique_copies(src: Path, folder: Path, n: int) -> list[Path]:
    """n byte-distinct copies (a trailing PDF comment), so resume/dedupe treats them as n documents."""
    folder.mkdir(parents=True, exist_ok=True)
    data = src.read_bytes()
    paths = []
    for i in range(n):
        p = folder / f"copy-{i:03d}.pdf"
        p.write_bytes(data + f"\n%copy {i}\n".encode())
        paths.append(p)
    return paths


def raw_words(pdf: Path) -> tuple[int, float]:
    """Pages and seconds for bare pdfplumber `extract_words` (what the pdfplumber engine calls)."""
    import pdfplumber

    t0 = time.perf_counter()
    with pdfplumber.open(pdf) as doc:
        n = 0
        for page in doc.pages:
            page.extract_words(extra_attrs=["fontname", "size"])
            page.close()
            n += 1
    return n, time.perf_counter() - t0


def layout_only(pdf: Path, engine: str) -> tuple[int, float]:
    """Pages and seconds for the PDF layer alone (`read_pdf`: engine + text building)."""
    from extract.layout import read_pdf

    t0 = time.perf_counter()
    doc = read_pdf(pdf, engine=engine, ocr=False)
    return doc.page_count, time.perf_counter() - t0


def _spin(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i % 7
    return s


def cpu_scaling(n: int = 8_000_000, jobs: int = 4) -> float:
    """What this machine gives a second process right now: pure-Python loop, 1 vs 2 processes.
    Shared or throttled virtual CPUs make this well below 2; read the worker ratio against it."""
    import multiprocessing as mp

    times = {}
    for k in (1, 2):
        with mp.get_context("spawn").Pool(k) as pool:
            pool.map(_spin, [1000] * k)  # start-up outside the clock
            t0 = time.perf_counter()
            pool.map(_spin, [n] * jobs)
            times[k] = time.perf_counter() - t0
    return times[1] / times[2]


def best(runs: int, fn, *args):
    """The fastest of `runs` runs: the machine's noise only ever slows a run down."""
    results = [fn(*args) for _ in range(runs)]
    return min(results, key=lambda r: r[1] if isinstance(r, tuple) else r.seconds)


def pipeline(files: list[Path], out: Path, engine: str, workers: int):
    """One `referat extract` batch; returns the BatchSummary (pages, seconds, peak RSS)."""
    from extract.batch import run_batch
    from extract.pipeline import Options

    summary = run_batch(files, out, Options(engine=engine), workers=workers, timeout=None, force=True)
    if summary.failed:
        print(f"  warning: {summary.failed} failed: {summary.failures[:3]}")
    return summary


HEAVY = ("spacy", "pdfplumber", "pypdfium2")
#: `referat extract DIR --out OUT -q` in a fresh interpreter, reporting the heavy imports
RESUME_SCRIPT = "\n".join([
    "import runpy, sys",
    "sys.argv = ['referat', 'extract', sys.argv[1], '--out', sys.argv[2], '-q']",
    "try:",
    "    runpy.run_module('extract', run_name='__main__')",
    "except SystemExit:",
    "    pass",
    f"print('imported:', ','.join(m for m in {HEAVY!r} if m in sys.modules) or '-', file=sys.stderr)",
])


def resume_of_done(tmp: Path, n: int = 100) -> tuple[float, str]:
    """Extract n one-page files, then time a fresh `referat extract` process over them again."""
    import subprocess

    import pikepdf

    one = tmp / "one-page.pdf"
    with pikepdf.open(sorted(CORPUS.glob("*.pdf"))[0]) as src:
        out = pikepdf.new()
        out.pages.append(src.pages[0])
        out.save(one)
    files = unique_copies(one, tmp / "done", n)
    pipeline(files, tmp / "out-done", "pdfplumber", workers=2)
    best_s, imported = float("inf"), ""
    for _ in range(3):
        t = time.perf_counter()
        proc = subprocess.run([sys.executable, "-c", RESUME_SCRIPT, str(tmp / "done"), str(tmp / "out-done")],
                              capture_output=True, text=True, check=True)
        best_s = min(best_s, time.perf_counter() - t)
        imported = proc.stderr.strip().rsplit("imported:", 1)[-1].strip()
    return best_s, imported


def warm_up(tmp: Path) -> None:
    """Import and build everything once, so the first measured run does not pay for it."""
    from extract.batch import run_batch

    run_batch([sorted(CORPUS.glob("*.pdf"))[0]], tmp / "warm", workers=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-pages", type=int, default=200, help="pages of the repeated corpus (>= 200)")
    ap.add_argument("--files", type=int, default=8, help="files for the 1-vs-2-workers run")
    ap.add_argument("--file-pages", type=int, default=38, help="pages per file in the 1-vs-2-workers run")
    ap.add_argument("--big-pages", type=int, default=1000, help="pages of the memory test PDF")
    ap.add_argument("--runs", type=int, default=2, help="repeat each timing, keep the fastest")
    a = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="referat-bench-") as d:
        tmp = Path(d)
        rep, n_pages = repeated_corpus(tmp / "corpus-repeated.pdf", a.min_pages)
        small, small_pages = repeated_corpus(tmp / "corpus-small.pdf", a.file_pages)
        copies = unique_copies(small, tmp / "copies", a.files)
        big = long_pdf(tmp / "thousand.pdf", a.big_pages)
        print(f"inputs: corpus repeated to {n_pages} pages; {a.files} files x {small_pages} pages; "
              f"a {a.big_pages}-page PDF; {os.cpu_count()} cores; best of {a.runs} runs")
        print(f"machine: a 2nd process adds x{cpu_scaling():.2f} on a pure-Python loop (ideal 2.00)")
        warm_up(tmp)

        pages, secs = best(a.runs, raw_words, rep)
        raw = pages / secs
        print(f"raw pdfplumber extract_words        {raw:7.1f} pages/s  ({pages} pages in {secs:.1f} s)")
        lay = {}
        for engine in ("pdfplumber", "pdfium"):
            pages, secs = best(a.runs, layout_only, rep, engine)
            lay[engine] = pages / secs
            print(f"PDF layer only ({engine:<10})       {lay[engine]:7.1f} pages/s  ({pages} pages in {secs:.1f} s)")
        res = {}
        for engine in ("pdfplumber", "pdfium"):
            s = best(a.runs, pipeline, [rep], tmp / f"out-{engine}", engine, 1)
            res[engine] = s.pages_per_second
            print(f"referat extract --engine {engine:<10} {s.pages_per_second:7.1f} pages/s  "
                  f"({s.pages} pages in {s.seconds:.1f} s, 1 worker)")
        scale = {}
        for workers in (1, 2):
            s = best(a.runs, pipeline, copies, tmp / f"out-w{workers}", "pdfplumber", workers)
            scale[workers] = s.pages_per_second
            print(f"{a.files} files, --workers {workers}              {s.pages_per_second:7.1f} pages/s  "
                  f"({s.pages} pages in {s.seconds:.1f} s)")
        rss = {}
        for engine in ("pdfplumber", "pdfium"):
            s = pipeline([big], tmp / f"out-big-{engine}", engine, workers=1)
            rss[engine] = s.peak_rss / MB
            print(f"{a.big_pages}-page PDF, {engine:<10}       peak RSS {rss[engine]:5.0f} MB per worker "
                  f"({s.pages_per_second:.1f} pages/s)")

        resume_s, imported = resume_of_done(tmp)
        print(f"resume, 100 done files (fresh process) {resume_s:7.2f} s  (heavy modules imported: {imported})")

    checks = [
        ("pipeline(pdfplumber) / raw extract_words", res["pdfplumber"] / raw, 0.9),
        ("pipeline(pdfium) / pipeline(pdfplumber)", res["pdfium"] / res["pdfplumber"], 10.0),
        ("2 workers / 1 worker", scale[2] / scale[1], 1.7),
    ]
    print("\nratio                                        value  target")
    ok = True
    for name, value, target in checks:
        hit = value >= target
        ok &= hit
        print(f"{name:<44} {value:6.2f}  >= {target:<5} {'ok' if hit else 'MISSED'}")
    worst = max(rss.values())
    ok &= worst < 500
    print(f"{'peak RSS per worker (MB, 1,000 pages)':<44} {worst:6.0f}  <  500   {'ok' if worst < 500 else 'MISSED'}")
    fast = resume_s < 1.0 and imported == "-"
    ok &= fast
    print(f"{'resume of 100 done files (s, no spaCy/PDF)':<44} {resume_s:6.2f}  <  1     {'ok' if fast else 'MISSED'}")
    print(f"{'(PDF layer alone: pdfium / pdfplumber)':<44} {lay['pdfium'] / lay['pdfplumber']:6.2f}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
