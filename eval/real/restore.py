#!/usr/bin/env python3
"""Rebuild eval/real/pdf/ from public repository snapshots and check every SHA-256.

The real dev PDFs are third-party documents, so the repository keeps only where each one
comes from (`sources.psv`: file|repository|commit|path|sha256), never the PDF itself.
A snapshot is a bare git directory of the repository (as the project's `fetch` tool or a
plain `git clone --mirror` leaves it); each PDF is read with `git show COMMIT:PATH` (or decoded from the base64 string a
source file at PATH carries, see `embedded_pdf`).

    python eval/real/restore.py [--mirror DIR] [--out DIR]

`--mirror` (default $REFERAT_MIRROR or /work/.mirror) holds one folder per repository,
named `owner+name` (the fetch layout) or `owner/name`. Exit 1 when a PDF cannot be restored,
naming the repositories to fetch first.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_sources(path: Path) -> list[dict[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("file|"):
            continue
        file, repo, commit, inner, sha = line.split("|")
        rows.append({"file": file, "repo": repo, "commit": commit, "path": inner, "sha256": sha})
    return rows


def git_dir(mirror: Path, repo: str) -> Path | None:
    """The git directory of a snapshot, whichever way it was laid out."""
    for base in (mirror / repo.replace("/", "+"), mirror / repo):
        for cand in (base / "repo" / ".git", base / "repo", base / ".git", base):
            if (cand / "HEAD").is_file() and (cand / "objects").is_dir():
                return cand
    return None


_B64_PDF = re.compile(rb"JVBERi0[A-Za-z0-9+/=]+")  # base64 of "%PDF-…"


def embedded_pdf(blob: bytes) -> bytes:
    """The PDF itself, or the one a source file carries as a base64 string (a web app's
    route serving `const pdfBase64='JVBERi0…'`): some sites keep their PDFs that way."""
    if blob.startswith(b"%PDF") or not (m := _B64_PDF.search(blob)):
        return blob
    return base64.b64decode(m.group())


def restore(rows: list[dict[str, str]], mirror: Path, out: Path) -> list[str]:
    """Write every PDF whose snapshot is present; return the problems, one line each."""
    out.mkdir(parents=True, exist_ok=True)
    problems = []
    for r in rows:
        dest = out / r["file"]
        if dest.is_file() and hashlib.sha256(dest.read_bytes()).hexdigest() == r["sha256"]:
            continue
        gd = git_dir(mirror, r["repo"])
        if gd is None:
            problems.append(f"{r['file']}: no snapshot of {r['repo']} under {mirror} (fetch github:{r['repo']})")
            continue
        proc = subprocess.run(["git", f"--git-dir={gd}", "show", f"{r['commit']}:{r['path']}"],
                              capture_output=True)
        if proc.returncode:
            problems.append(f"{r['file']}: {r['repo']}@{r['commit'][:10]} has no {r['path']}")
            continue
        data = embedded_pdf(proc.stdout)
        digest = hashlib.sha256(data).hexdigest()
        if digest != r["sha256"]:
            problems.append(f"{r['file']}: sha256 {digest[:12]}… differs from {r['sha256'][:12]}…")
            continue
        tmp = dest.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(dest)
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror", type=Path, default=Path(os.environ.get("REFERAT_MIRROR", "/work/.mirror")))
    ap.add_argument("--out", type=Path, default=HERE / "pdf")
    ap.add_argument("--sources", type=Path, default=HERE / "sources.psv")
    a = ap.parse_args(argv)
    rows = read_sources(a.sources)
    problems = restore(rows, a.mirror, a.out)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(rows) - len(problems)}/{len(rows)} real PDFs in {a.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
