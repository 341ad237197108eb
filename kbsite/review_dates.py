"""Review dates on every page, the NHS way: "Page last reviewed / Next review
due", and a visible notice once the next review date has passed.

"Today" is the build's date: SOURCE_DATE_EPOCH when set (the reproducible-
builds convention MkDocs follows for its own build date), so tests and CI
never depend on the calendar; otherwise the calendar's. `make audit` lists overdue pages
with the same rule (python -m kbsite.review_dates docs); the build shows them through
the MkDocs adapter (hooks/knowledge_base.py).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from kbsite.errors import SiteError


def today() -> dt.date:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if not value:
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(value), dt.timezone.utc).date()
    except (ValueError, OverflowError):
        raise SiteError(f"Environment variable SOURCE_DATE_EPOCH is {value!r}. Expected the build's time in "
                        "seconds since 1970 (e.g. $(date -d 2026-11-25 +%s)), or leave it unset to use "
                        "today's date.") from None


def human(date: dt.date, language: str = "en") -> str:
    """"25 November 2026"; in another language its long form, from the
    Unicode CLDR data Babel ships ("25 de noviembre de 2026")."""
    from babel import Locale
    from babel.dates import format_date

    # Babel spells locales with "_" ("zh_Hant"); the site, as HTML does, "zh-Hant".
    locale = Locale.parse(language.replace("-", "_"))
    return format_date(date, "d MMMM y" if language == "en" else "long", locale=locale)


def review(meta: dict, on: dt.date, language: str = "en") -> dict:
    """What the page template shows. Front matter is already validated
    (kbsite/front_matter.py), so the dates are dates."""
    return {
        "last_reviewed": human(meta["last_reviewed"], language),
        "last_reviewed_iso": meta["last_reviewed"].isoformat(),
        "next_review": human(meta["next_review"], language),
        "next_review_iso": meta["next_review"].isoformat(),
        "reviewed_by": meta.get("reviewed_by"),
        "overdue": on > meta["next_review"],
    }


def overdue_pages(docs: Path, on: dt.date) -> list[tuple[str, dt.date]]:
    """(file, next_review) for every page whose review is past due."""
    from kbsite.meta import split as split_front_matter

    late = []
    for path in sorted(docs.rglob("*.md")):
        _, meta = split_front_matter(path.read_text(encoding="utf-8"))
        due = meta.get("next_review")
        if isinstance(due, dt.date) and on > due:
            late.append((path.as_posix(), due))
    return late


if __name__ == "__main__":
    on = today()
    late = overdue_pages(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"), on)
    for path, due in late:
        print(f"{path}: review was due {due.isoformat()} ({(on - due).days} days ago)")
    print(f"{len(late)} page(s) overdue for review on {on.isoformat()}.")
