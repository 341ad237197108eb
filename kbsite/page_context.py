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


def page_url(src_uri: str) -> str:
    """A page's URL within its edition, as MkDocs and Zensical make it:
    "index.md" -> "", "safety.md" -> "safety/", "a/index.md" -> "a/"."""
    if src_uri == "index.md":
        return ""
    return src_uri[: -len("index.md")] if src_uri.endswith("/index.md") else src_uri[: -len(".md")] + "/"


def edition_contexts(docs: Path, language: str, *, english_docs: Path | None = None, english: dict | None = None,
                     skip: tuple[str, ...] = ()) -> dict[str, dict]:
    """Every page's context in one edition, by its URL: what its template
    shows (partials/review-dates.html, partials/translation-note.html), for
    the edition's generated configuration (extra.page_context), so every
    generator's templates have it. `docs`: the edition's folder;
    `english_docs` and `english` (code and name): a translation's English
    pages and edition; `skip`: the other editions' folders within `docs`.
    A page whose front matter is not valid is left out: the build's page
    checks name its problems."""
    from kbsite import front_matter
    from kbsite.editions import page_href
    from kbsite.meta import split as split_front_matter

    contexts = {}
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        if src_uri.startswith(skip):
            continue
        _, meta = split_front_matter(path.read_text(encoding="utf-8"))
        if front_matter.validate(meta, src_uri, translation=english_docs is not None):
            continue
        url = page_url(src_uri)
        # The English page, linked as the language switch links it.
        link = {**english, "href": page_href(url, True, "")} if english_docs is not None else None
        contexts[url] = page_context(meta, language, english_docs / src_uri if english_docs is not None else None, link)
    return contexts
