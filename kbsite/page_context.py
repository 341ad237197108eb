"""What a page's template shows beyond its HTML, from its front matter:
when it was reviewed and is due again (kbsite.review_dates, in the page's
language), and, on a translation, how current it is against its English
page (kbsite.translation_status). Any generator's adapter puts this in the
template's context: `review` and `translation` (partials/review-dates.html,
partials/translation-note.html)."""

from __future__ import annotations

from pathlib import Path

from kbsite import review_dates, translation_status


def page_context(meta: dict, language: str, english: Path | None = None, english_link: dict | None = None) -> dict:
    """`english`: a translation's English source file; `english_link`: that
    page in the language switch's form (kbsite.editions.alternates)."""
    context = {"review": review_dates.review(meta, review_dates.today(), language)}
    if english is not None:
        context["translation"] = {**translation_status.status(meta, english), "english": english_link}
    return context
