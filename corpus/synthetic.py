"""Synthetic long PDFs for stress tests and benchmarks (not part of the sample corpus).

Pages of short, varied Danish-looking lines: varied so that no line repeats on every page
(a repeated line would be removed as a running header), plain so that building a
1,000-page file takes seconds.
"""
from __future__ import annotations

from pathlib import Path

WORDS = ("bestyrelsen udvalget budgettet planen sagen forslaget regnskabet kommunen foreningen "
         "drøftede godkendte noterede udsatte vedtog ønskede besluttede anbefalede").split()


def long_pdf(dest: Path, pages: int = 1000) -> Path:
    """Write a text PDF of `pages` pages to `dest` and return it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(dest), pagesize=A4, invariant=1)
    for i in range(1, pages + 1):
        c.setFont("Helvetica", 11)
        y = 770 - (i % 9) * 14
        for k in range(3 + i % 5):
            ws = [WORDS[(i * 7 + k * 3 + j * 5) % len(WORDS)] for j in range(8 + (i + k) % 6)]
            c.drawString(72, y, " ".join(ws).capitalize() + f" ({i}.{k}).")
            y -= 14
        c.showPage()
    c.save()
    return dest
