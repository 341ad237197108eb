"""Shared by the language tests of more than one layer: a built page parsed,
and what a Spanish page's review box says, from its front matter."""

from __future__ import annotations

from pathlib import Path
from bs4 import BeautifulSoup

from sitebuild import page_meta


def soup_of(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
         "noviembre", "diciembre"]


def spanish_last_reviewed(page: str) -> str:
    """What a Spanish page's review box says, from its front matter (a test
    that names the date breaks at every review)."""
    day = page_meta(f"es/{page}/")["last_reviewed"]
    return f"Última revisión de la página: {day.day} de {MESES[day.month - 1]} de {day.year}"
