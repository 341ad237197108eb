"""References: complete, dated, and the same on every page that cites them.

A page's sources are its footnote definitions, one per line, under its
References heading:

    [^spravato]: Janssen ... Revised March 2026. [DailyMed](https://...) Accessed November 25, 2026.

The build fails, naming the file and the reference, when
  - a reference that is not a DOI (a label, a notice, a web page) does not
    say when it was read, as "Accessed <Month D, YYYY>." (AMA style): a label
    or web page changes under the same address;
  - the same reference id has different text on two pages, so a correction
    made on one page cannot be forgotten on another.

The same reading gives two reports for reviewers:
  python -m kbsite.references audit docs    references read more than a year ago, and the
                                            sources to reread (`make audit`)
  python -m kbsite.references claims docs  every sentence we cite a source for (`make claims`)

Some sources could be read only in copies where the guide is written (a
label's current text, a live FDA page): sources-to-reread.yml lists them,
with what to compare, and `make audit` names each until a reviewer has
reread the source itself, and again a year after.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from kbsite.meta import load_yaml
from kbsite.errors import SiteError

STALE_AFTER_DAYS = 365
_DEFINITION = re.compile(r"^\[\^(?P<id>[^\]]+)\]:\s*(?P<text>.+)$", re.M)
_ACCESSED = re.compile(r"Accessed (?P<date>(?:January|February|March|April|May|June|July|August|September"
                       r"|October|November|December) \d{1,2}, \d{4})\.")
_CITATION = re.compile(r"\[\^(?P<id>[^\]]+)\]")
_HEADING_ID = re.compile(r"^#{1,6} .*\{#(?P<id>[\w-]+)[^}]*\}\s*$")


@dataclass
class Reference:
    id: str
    text: str
    source: str                  # "docs/safety.md"
    accessed: dt.date | None     # None for a DOI reference

    @property
    def is_doi(self) -> bool:
        return "](https://doi.org/" in self.text


def read_references(markdown: str, source: str) -> list[Reference]:
    """The page's footnote definitions; errors name the file and reference."""
    references = []
    for match in _DEFINITION.finditer(markdown):
        text = match["text"].strip()
        accessed = _ACCESSED.search(text)
        reference = Reference(match["id"], text, source,
                              dt.datetime.strptime(accessed["date"], "%B %d, %Y").date() if accessed else None)
        if not reference.is_doi and reference.accessed is None:
            raise SiteError(
                f"{source}: reference [^{reference.id}] does not say when it was read. A label or web page "
                "can change under the same address, so end it with the date you read it, in the form "
                "`Accessed November 25, 2026.`, and give its revision or publication date in the text.")
        references.append(reference)
    return references


def check_consistent(references: list[Reference]) -> list[str]:
    """One message per reference id whose text differs between pages."""
    first: dict[str, Reference] = {}
    errors = []
    for reference in references:
        seen = first.setdefault(reference.id, reference)
        if seen.text != reference.text:
            errors.append(f"[^{reference.id}] reads differently in {seen.source} and {reference.source}. "
                          "A source is the same wherever it is cited: copy the corrected text to both pages.")
    return errors


def stale(references: list[Reference], on: dt.date) -> list[Reference]:
    """References last read more than STALE_AFTER_DAYS before `on`, on every
    page that cites them (each page's copy needs its date updated)."""
    return sorted((r for r in references if r.accessed and (on - r.accessed).days > STALE_AFTER_DAYS),
                  key=lambda r: (r.accessed, r.source, r.id))


# ---- Claims: every sentence we cite a source for ------------------------------

@dataclass
class Claim:
    source: str        # "docs/safety.md"
    section: str       # the id of the heading above it
    sentence: str      # plain text, citations removed
    cites: list[str]   # reference ids, in order


def _plain(markdown: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)(\{[^}]*\})?", r"\1", markdown)   # [text](link){ attrs } -> text
    text = re.sub(r"[*_`]", "", text)
    return re.sub(r"\s+", " ", text).strip()


def claims(markdown: str, source: str) -> list[Claim]:
    """Each sentence in a paragraph or list item that carries a citation,
    with the uncited sentences just before it."""
    found, section = [], ""
    body = _DEFINITION.sub("", markdown)
    # Paragraphs and list items: a blank line or a new list item starts a block.
    blocks, block = [], []
    for line in body.splitlines():
        heading = _HEADING_ID.match(line)
        starts_item = re.match(r"^\s*(?:[-*+]|\d+\.)\s", line)
        if heading or not line.strip() or starts_item:
            if block:
                blocks.append((section, " ".join(block)))
            block = []
            if heading:
                section = heading["id"]
                continue
        if line.strip():
            block.append(line.strip())
    if block:
        blocks.append((section, " ".join(block)))
    for section_id, text in blocks:
        text = re.sub(r"^(?:[-*+]|\d+\.)\s+", "", text)
        # A citation after a full stop belongs to the sentence before it.
        text = re.sub(r"([.;:!?])((?:\[\^[^\]]+\])+)", r"\2\1", text)
        # A citation covers the sentences before it in the same block that
        # have none of their own, so they are listed with it.
        pending = []
        for sentence in re.split(r"(?<=[.;:!?])\s+(?=[A-Z(*])", text):
            pending.append(sentence)
            cites = _CITATION.findall(sentence)
            if cites:
                found.append(Claim(source, section_id, _plain(_CITATION.sub("", " ".join(pending))), cites))
                pending = []
    return found


def _page_files(docs: Path) -> list[Path]:
    return sorted(docs.rglob("*.md"))


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


_LINK = re.compile(r"\]\((?P<url>https?://[^)\s]+)\)")


def cited_links(docs: Path) -> dict[str, list[str]]:
    """{address: ["docs/safety.md [^spravato]", ...]} for every link the
    references give, each once."""
    found: dict[str, list[str]] = {}
    for reference in _all_references(docs):
        for match in _LINK.finditer(reference.text):
            found.setdefault(match["url"], []).append(f"{reference.source} [^{reference.id}]")
    return found


def check_links(links: dict[str, list[str]], timeout: float = 20) -> list[str]:
    """One line per address that does not answer with a success, naming
    the references that cite it. A HEAD request first, then a GET, since
    some publishers refuse HEAD; redirects are followed."""
    import urllib.error
    import urllib.request

    problems = []
    for url, cited_by in sorted(links.items()):
        error = None
        for method in ("HEAD", "GET"):
            request = urllib.request.Request(url, method=method, headers={"User-Agent": "kbsite-link-check/1"})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    error = None if response.status < 400 else f"HTTP {response.status}"
            except urllib.error.HTTPError as failure:
                error = f"HTTP {failure.code}"
            except (urllib.error.URLError, TimeoutError, OSError) as failure:
                error = str(getattr(failure, "reason", failure))
            if error is None:
                break
        if error:
            problems.append(f"{url}: {error}; cited by {', '.join(cited_by)}")
    return problems


# ---- Reports ------------------------------------------------------------------

def _all_references(docs: Path) -> list[Reference]:
    return [r for path in _page_files(docs) for r in read_references(_read(path), path.as_posix())]


def audit(docs: Path, on: dt.date) -> str:
    late = stale(_all_references(docs), on)
    lines = [f"{r.source}: [^{r.id}] was last read on {r.accessed.isoformat()} "
             f"({(on - r.accessed).days} days ago): read it again and update its Accessed date."
             for r in late]
    lines.append(f"{len(late)} reference(s) last read more than {STALE_AFTER_DAYS} days before {on.isoformat()}.")
    return "\n".join(lines)


REREAD_FILE = "sources-to-reread.yml"


def _reread_schema():
    """An entry of sources-to-reread.yml, in the MkDocs config_options style
    of the front matter's schema (kbsite.front_matter); each option's fix is
    in _REREAD_FIXES."""
    from mkdocs.config import base
    from mkdocs.config import config_options as c

    from kbsite.front_matter import Date, Text

    class RereadEntry(base.Config):
        reference = Text()
        check = Text()
        why = Text()
        listed = Date()
        reread = c.Optional(Date())

    return RereadEntry._schema


_REREAD_FIXES = {"reference": "the footnote id the pages cite, e.g. `reference: spravato`",
                 "check": "text: what to compare with the source", "why": "text: how the wording was checked instead",
                 "listed": "a date, e.g. `listed: 2026-12-07`",
                 "reread": "a date, or `null` until a reviewer has read the source itself"}


def read_reread(path: Path, docs: Path) -> list[dict]:
    """sources-to-reread.yml, checked: every error names the entry, the
    field and the fix, all at once."""
    import yaml
    from mkdocs.config import config_options as c

    if not path.is_file():
        return []
    try:
        entries = load_yaml(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise SiteError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(entries, list):
        raise SiteError(f"{path.name}: expected a list of entries (`- reference: ...`), found {type(entries).__name__}.")
    schema = _reread_schema()
    known = {r.id for r in _all_references(docs)}
    errors, valid = [], []
    for number, entry in enumerate(entries, 1):
        where = f"{path.name}: entry {number}"
        if not isinstance(entry, dict):
            errors.append(f"{where}: expected the fields {', '.join(_REREAD_FIXES)}.")
            continue
        where += f" ({entry.get('reference', '?')})"
        for name in set(entry) - set(_REREAD_FIXES):
            errors.append(f"{where}: unknown field '{name}'. The fields are {', '.join(_REREAD_FIXES)}.")
        checked = {}
        for name, option in schema:
            try:
                checked[name] = option.validate(entry.get(name))
            except c.ValidationError as error:
                problem = str(error) if name in entry else "is missing"
                errors.append(f"{where}: field '{name}' {problem}: {_REREAD_FIXES[name]}.")
        if checked.get("reference") and checked["reference"] not in known:
            errors.append(f"{where}: field 'reference': no page cites [^{checked['reference']}]. Use the id of a "
                          f"footnote under a page's References, or remove the entry.")
        valid.append(checked)
    if errors:
        raise SiteError("\n".join(errors))
    return valid


def reread_report(path: Path, docs: Path, on: dt.date) -> str:
    """The sources a reviewer must reread: never reread, or a year ago."""
    cited = {}   # the English pages that cite each (translations follow them)
    for r in _all_references(docs):
        if Path(r.source).parent == docs:
            cited.setdefault(r.id, []).append(Path(r.source).resolve().relative_to(docs.resolve().parent).as_posix())
    due = [e for e in read_reread(path, docs)
           if e["reread"] is None or (on - e["reread"]).days > STALE_AFTER_DAYS]
    lines = []
    for entry in due:
        state = ("not yet reread" if entry["reread"] is None else f"last reread on {entry['reread'].isoformat()}")
        pages = ", ".join(sorted(set(cited.get(entry["reference"], []))))
        lines.append(f"[^{entry['reference']}] ({pages}): {state}, listed on {entry['listed'].isoformat()}. "
                     f"Check: {' '.join(str(entry['check']).split())} Why: {' '.join(str(entry['why']).split())}")
    lines.append(f"{len(due)} source(s) to reread before a clinician signs off ({path.name}); once read, set "
                 "`reread:` to the date.")
    return "\n".join(lines)


def claims_report(docs: Path) -> str:
    """A Markdown table for a clinical reviewer to sign off against."""
    references = {r.id: r for r in _all_references(docs)}
    rows = ["| Page | Section | Claim | Sources (date read) |", "|---|---|---|---|"]
    count = 0
    for path in _page_files(docs):
        for claim in claims(_read(path), path.as_posix()):
            sources = "; ".join(
                f"{cite} ({references[cite].accessed.isoformat() if references[cite].accessed else 'DOI'})"
                for cite in dict.fromkeys(claim.cites))
            rows.append(f"| {claim.source} | #{claim.section} | {claim.sentence.replace('|', '/')} | {sources} |")
            count += 1
    return "\n".join(rows + ["", f"{count} claim(s) with sources."])


if __name__ == "__main__":
    from kbsite.review_dates import today

    command, docs = (sys.argv[1:3] + ["docs"])[:2] if len(sys.argv) > 1 else ("audit", "docs")
    if command == "audit":
        print(audit(Path(docs), today()))
        print(reread_report(Path(docs).resolve().parent / REREAD_FILE, Path(docs), today()))
    elif command == "claims":
        print(claims_report(Path(docs)))
    elif command == "links":
        # The weekly link check (.github/workflows/links.yml): every address
        # the references cite, over the network; it reports, it blocks nothing.
        links = cited_links(Path(docs))
        problems = check_links(links)
        print("\n".join(problems) or "", f"{len(links) - len(problems)} of {len(links)} cited addresses answer.",
              sep="\n" if problems else "")
        sys.exit(1 if problems else 0)
    else:
        sys.exit(f"usage: {sys.argv[0]} audit|claims|links [docs]")
