"""Sources are complete, dated and consistent (kbsite/references.py): the
references, the audit and claims reports, and an undated reference stopping
the editor's build.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/projects/test_references.py."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from kbsite.errors import SiteError

from kbsite.references import check_consistent, claims, read_references, stale
from sitebuild import ROOT, on_day

LABEL = ("[^label]: Maker. DRUG: full prescribing information. Label, revised March 2026. "
         "[DailyMed](https://dailymed.nlm.nih.gov/x) Accessed November 25, 2026.")
PAPER = "[^paper]: Author A. Title. *Journal.* 2020;1(2):3–4. [doi:10.1/x](https://doi.org/10.1/x)"


def test_dated_label_and_doi_paper_are_read():
    label, paper = read_references(LABEL + "\n" + PAPER + "\n", "docs/page.md")
    assert (label.id, label.accessed) == ("label", dt.date(2026, 11, 25))
    assert (paper.id, paper.accessed, paper.is_doi) == ("paper", None, True)


def test_web_reference_without_accessed_date_names_file_reference_and_fix():
    undated = LABEL.replace(" Accessed November 25, 2026.", "")
    with pytest.raises(SiteError, match=r"docs/page.md: reference \[\^label\] does not say when it was read"
                                          r".*`Accessed November 25, 2026.`"):
        read_references(undated, "docs/page.md")


def test_same_reference_must_read_the_same_on_every_page():
    one = read_references(LABEL, "docs/a.md")
    other = read_references(LABEL.replace("March 2026", "January 2025"), "docs/b.md")
    assert check_consistent(one + one) == []
    [error] = check_consistent(one + other)
    assert "[^label] reads differently in docs/a.md and docs/b.md" in error


def test_references_read_over_a_year_ago_are_stale():
    [label] = read_references(LABEL, "docs/a.md")
    assert stale([label], dt.date(2027, 11, 25)) == []
    assert stale([label], dt.date(2027, 11, 26)) == [label]


def test_claims_are_cited_sentences_with_the_uncited_ones_they_cover():
    markdown = "\n".join([
        "## Approval {#approval}",
        "",
        "It is an anesthetic.[^label] Trials were small. They were short.[^paper]",
        "This sentence cites nothing.",
        "",
        "- a listed fact;[^label][^paper]",
        "",
        LABEL,
    ])
    found = [(c.section, c.sentence, c.cites) for c in claims(markdown, "docs/a.md")]
    assert found == [
        ("approval", "It is an anesthetic.", ["label"]),
        ("approval", "Trials were small. They were short.", ["paper"]),
        ("approval", "a listed fact;", ["label", "paper"]),
    ]


def test_make_audit_lists_stale_references():
    env = {"PATH": ""}
    fresh = subprocess.run([sys.executable, "-m", "kbsite.references", "audit", "docs"], cwd=ROOT,
                           capture_output=True, text=True, env={**env, **on_day("2026-12-01")}, check=True)
    assert "0 reference(s) last read more than 365 days before 2026-12-01." in fresh.stdout
    late = subprocess.run([sys.executable, "-m", "kbsite.references", "audit", "docs"], cwd=ROOT,
                          capture_output=True, text=True, env={**env, **on_day("2028-01-01")}, check=True)
    assert "docs/safety.md: [^spravato] was last read on 2026-11-25" in late.stdout
    assert "read it again and update its Accessed date" in late.stdout


def test_make_claims_lists_every_cited_sentence_of_every_page():
    result = subprocess.run([sys.executable, "-m", "kbsite.references", "claims", "docs"], cwd=ROOT,
                            capture_output=True, text=True, env={"PATH": ""}, check=True)
    rows = [line for line in result.stdout.splitlines() if line.startswith("| docs/")]
    assert any("| docs/safety.md | #misuse | In the United States, ketamine is a Schedule III controlled drug" in r for r in rows)
    assert result.stdout.strip().endswith(f"{len(rows)} claim(s) with sources.")


@pytest.mark.parametrize("path", sorted((ROOT / "docs").rglob("*.md")), ids=lambda p: p.name)
def test_every_citation_on_a_page_is_in_the_claims_list(path):
    text = path.read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not re.match(r"\[\^[^\]]+\]:", line))
    cited = set(re.findall(r"\[\^([^\]]+)\]", body))
    listed = {cite for claim in claims(text, path.name) for cite in claim.cites}
    assert listed == cited, f"{path.name}: citations the claims list misses: {sorted(cited - listed)}"


# ---- Sources to reread (issue #32): read only in copies where the guide is written --

def _reread(tmp_path, text: str):
    from kbsite.references import REREAD_FILE

    path = tmp_path / REREAD_FILE
    path.write_text(text, encoding="utf-8")
    return path


ENTRY = """- reference: spravato
  check: The current label's cystitis section.
  why: Read in an older label.
  listed: 2026-12-07
  reread: {reread}
"""


@pytest.mark.parametrize("reread,on,listed", [
    ("null", "2026-12-07", True),          # never reread: listed
    ("2026-12-20", "2027-01-05", False),   # reread: off the list
    ("2026-12-20", "2028-01-05", True),    # reread more than a year ago: listed again
])
def test_make_audit_lists_a_source_to_reread_until_a_reviewer_has(tmp_path, reread, on, listed):
    from kbsite.references import reread_report

    report = reread_report(_reread(tmp_path, ENTRY.format(reread=reread)), ROOT / "docs", dt.date.fromisoformat(on))
    assert ("[^spravato] (docs/safety.md, docs/what-to-expect.md):" in report) is listed, report
    assert report.splitlines()[-1].startswith(f"{int(listed)} source(s) to reread before a clinician signs off")


@pytest.mark.parametrize("text,says", [
    (ENTRY.format(reread="null").replace("spravato", "spravatto"),
     "entry 1 (spravatto): field 'reference': no page cites [^spravatto]"),
    (ENTRY.format(reread="soon"), "entry 1 (spravato): field 'reread' is 'soon', not a date: a date, or `null`"),
    (ENTRY.format(reread="null").replace("  why: Read in an older label.\n", ""),
     "entry 1 (spravato): field 'why' is missing"),
    ("reference: spravato\n", "expected a list of entries"),
    (ENTRY.format(reread="null") + "  reviewer: Dr X\n", "entry 1 (spravato): unknown field 'reviewer'"),
])
def test_a_bad_entry_to_reread_names_the_entry_the_field_and_the_fix(tmp_path, text, says):
    from kbsite.errors import SiteError
    from kbsite.references import read_reread

    with pytest.raises(SiteError, match=re.escape(says)):
        read_reread(_reread(tmp_path, text), ROOT / "docs")


def test_the_project_lists_the_sources_this_review_could_not_read():
    """The labels' current text and the live REMS page (#32's note)."""
    from kbsite.references import REREAD_FILE, read_reread

    entries = {e["reference"]: e for e in read_reread(ROOT / REREAD_FILE, ROOT / "docs")}
    assert {"ketalar", "spravato", "fda-rems"} <= set(entries)


def test_the_link_check_names_each_dead_address_and_the_references_that_cite_it(tmp_path):
    """The weekly link check (.github/workflows/links.yml), on a local server:
    a live page passes, one that refuses HEAD passes by GET, a gone one fails."""
    import http.server
    import threading

    from kbsite.references import check_links, cited_links

    class Pages(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_HEAD(self):
            self.send_response({"/label": 200, "/no-head": 405}.get(self.path, 404))
            self.end_headers()

        def do_GET(self):
            self.send_response({"/label": 200, "/no-head": 200}.get(self.path, 404))
            self.end_headers()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        (tmp_path / "page.md").write_text(
            f"Text.[^a] More.[^b] Last.[^c]\n\n"
            f"[^a]: FDA. Label. [DailyMed]({base}/label) Accessed November 25, 2026.\n"
            f"[^b]: Publisher. Article. [Site]({base}/no-head) Accessed November 25, 2026.\n"
            f"[^c]: Agency. Page. [Gone]({base}/gone) Accessed November 25, 2026.\n", encoding="utf-8")
        links = cited_links(tmp_path)
        assert sorted(links) == [f"{base}/gone", f"{base}/label", f"{base}/no-head"]
        problems = check_links(links, timeout=5)
    finally:
        server.shutdown()
    assert problems == [f"{base}/gone: HTTP 404; cited by {(tmp_path / 'page.md').as_posix()} [^c]"]
