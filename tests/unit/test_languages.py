"""The site in every language (kbsite/editions.py, the adapter's Editions and
kbsite/translation_status.py): the configuration and its messages, the
built editions' HTML, and what a reader does in Chromium.

The language-neutral checks (axe, CSP, budgets, no JavaScript, print QR
codes, computed styles, forms) run on every edition's pages through
sitebuild.EDITION_URLS in their own test files.

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/browser/test_languages.py, tests/projects/test_languages.py,
tests/site/test_languages.py."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from types import SimpleNamespace
import pytest
import yaml
from kbsite.errors import SiteError
import kbsite.editions
from kbsite import translation_status
from kbsite.front_matter import validate
from sitebuild import ROOT, TRANSLATIONS
from kbsite.editions import folder


def _config(language="en", site_url="https://example.org/kb/", entries=None, interface=None):
    """The parts of a MkDocs config the languages hook reads."""
    entries = entries if entries is not None else [
        {"code": "en", "name": "English", "locale": "en_US"}, {"code": "es", "name": "Español", "locale": "es_US"}]
    config = SimpleNamespace(extra={"languages": entries, "interface": interface or {}}, theme={"language": language},
                             site_url=site_url, config_file_path=str(ROOT / "mkdocs.yml"))
    return config


def test_each_language_gets_its_address_from_the_build_it_is_in():
    english = _config()
    kbsite.editions.languages(english)
    assert [(kbsite.editions.edition_path(english, e), kbsite.editions.edition_url(english, e))
            for e in english.extra["languages"]] == [("", "https://example.org/kb/"), ("es/", "https://example.org/kb/es/")]
    spanish = _config("es", "https://example.org/kb/es/")
    kbsite.editions.languages(spanish)
    assert [kbsite.editions.edition_url(spanish, e) for e in spanish.extra["languages"]] == [
        "https://example.org/kb/", "https://example.org/kb/es/"]
    assert english.extra["languages"][1] == {"code": "es", "name": "Español", "locale": "es_US"}, "nothing written back"


@pytest.mark.parametrize("entries,says", [
    ([], "extra.languages should list the site's languages"),
    ([{"code": "en", "name": "English"}], "entry 1: field 'locale' is None"),
    ([{"code": "en", "name": "English", "locale": "en_US", "flag": "uk"}], "entry 1: unknown field 'flag'"),
    ([{"code": "en", "name": "English", "locale": "en_US"}] * 2, "entry 2: the language 'en' is listed twice"),
    ([{"code": "fr", "name": "Français", "locale": "fr_FR"}], "theme.language is 'en', which extra.languages does not list"),
    ([{"code": "en", "name": "English", "locale": "en_US", "interface_language": "tagalog words"}],
     "entry 1: field 'interface_language' is 'tagalog words'. Expected the name of Material's interface words"),
])
def test_a_bad_language_entry_names_the_field_and_the_fix(entries, says):
    with pytest.raises(SiteError, match=re.escape(says)):
        kbsite.editions.languages(_config(entries=[dict(e) for e in entries]))


def test_alternate_links_are_absolute_for_search_engines_and_relative_for_readers():
    english, spanish = _config(), _config("es", "https://example.org/kb/es/")
    kbsite.editions.languages(english), kbsite.editions.languages(spanish)
    page = SimpleNamespace(file=object(), url="safety/")
    home = SimpleNamespace(file=object(), url="")
    assert [(a["code"], a["url"], a["href"]) for a in kbsite.editions.alternates(english, page)] == [
        ("en", "https://example.org/kb/safety/", "../safety/"), ("es", "https://example.org/kb/es/safety/", "../es/safety/")]
    assert [a["href"] for a in kbsite.editions.alternates(spanish, page)] == ["../../safety/", "../../es/safety/"]
    assert [a["href"] for a in kbsite.editions.alternates(english, home)] == ["./", "es/"]
    assert [a["href"] for a in kbsite.editions.alternates(spanish, home)] == ["../", "../es/"]
    assert kbsite.editions.alternates(english, None) == []


def test_a_missing_interface_word_fails_naming_the_file_and_the_line_to_add():
    spanish = _config("es", "https://example.org/kb/es/", interface={"es": {"Copy link": "Copiar enlace"}})
    assert kbsite.editions.translate(spanish, "Copy link") == "Copiar enlace"
    assert kbsite.editions.translate(_config(), "Anything at all") == "Anything at all"
    with pytest.raises(SiteError) as error:
        kbsite.editions.translate(spanish, "Copy: link")
    assert "includes/es/interface.yml: no translation for 'Copy: link'" in str(error.value)
    assert "'Copy: link': <the es text>" in str(error.value)


def test_every_interface_word_in_the_templates_and_hooks_is_translated():
    """Each `words.t("...")` in a template (partials/words.html) has a line in
    every translation's interface.yml: the templates fall back to English,
    so this and make check are what keep English words out of an edition."""
    used = set(kbsite.editions.template_words(ROOT / "overrides"))
    assert len(used) >= 30 and "Book a consultation" in used, "this test's assumption: it finds the templates' words"
    for code in TRANSLATIONS:
        table = yaml.safe_load((ROOT / "includes" / folder(code) / "interface.yml").read_text(encoding="utf-8"))
        missing = sorted(used - set(table))
        assert not missing, f"includes/{folder(code)}/interface.yml lacks: {missing}"


VALID = {"title": "T", "description": "D.", "last_reviewed": dt.date(2026, 11, 25),
         "next_review": dt.date(2027, 11, 25)}


TRANSLATED = {**VALID, "translation_of": dt.date(2026, 11, 25), "translation_source": "3f2a9c1d0b7e"}


@pytest.mark.parametrize("meta,translation,says", [
    (VALID, True, "docs/es/p.md: front matter field 'translation_of' is missing"),
    ({**VALID, "translation_of": dt.date(2026, 11, 25)}, True, "field 'translation_source' is missing"),
    ({**TRANSLATED, "translation_source": 930890326614}, True, "not quoted text (YAML reads digits as a number)"),
    ({**TRANSLATED, "translation_source": "xyz"}, True, "field 'translation_source' is 'xyz'"),
    ({**TRANSLATED, "translation_of": "25 Nov"}, True, "field 'translation_of' is '25 Nov', not a date"),
    ({**VALID, "translation_of": dt.date(2026, 11, 25)}, False, "is only for translated pages"),
])
def test_translation_front_matter_errors_name_the_file_field_and_fix(meta, translation, says):
    errors = validate(meta, "es/p.md", translation=translation)
    assert any(says in e for e in errors), errors
    assert all("Expected" in e for e in errors)


def test_a_translation_is_behind_when_its_english_page_is_reviewed_or_changed(tmp_path):
    english = tmp_path / "p.md"
    english.write_text("---\nlast_reviewed: 2026-11-25\n---\n\n# Page\n\nText.\n")
    current = {"translation_of": dt.date(2026, 11, 25), "translation_source": translation_status.fingerprint(
        english.read_text())}
    assert translation_status.status(current, english) == {"reviewed_by": None, "behind": False, "reasons": []}
    english.write_text(english.read_text().replace("Text.", "Text, corrected."))
    changed = translation_status.status(current, english)
    assert changed["behind"] and "text has changed" in changed["reasons"][0]
    english.write_text("---\nlast_reviewed: 2027-01-10\n---\n\n# Page\n\nText.\n")
    reviewed = translation_status.status(current, english)
    assert reviewed["behind"] and "reviewed on 2027-01-10" in reviewed["reasons"][0]


def test_the_audit_finds_no_translation_behind_today():
    audit = subprocess.run([sys.executable, "-m", "kbsite.translation_status", "docs"], cwd=ROOT,
                           capture_output=True, text=True, check=True)
    assert audit.stdout.strip() == "0 translated page(s) behind their English page."


@pytest.mark.parametrize("code,expected", [("es", "25 de noviembre de 2026"), ("zh-Hant", "2026年11月25日"),
                                           ("fil", "Nobyembre 25, 2026")])
def test_review_dates_in_each_language_from_its_code_as_html_writes_it(code, expected):
    """A language code as HTML and mkdocs.yml write it ("zh-Hant") reaches
    Babel as Babel spells it ("zh_Hant"); the layers issue found it raised."""
    from kbsite import review_dates

    assert review_dates.human(dt.date(2026, 11, 25), code) == expected


def test_make_audit_gives_a_new_translation_the_values_to_record(tmp_path):
    import shutil

    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    (docs / "aftercare.md").write_text("---\ntitle: Aftercare\nlast_reviewed: 2026-12-01\n---\n\n# Aftercare\n", "utf-8")
    (docs / "es" / "aftercare.md").write_text("---\ntitle: Cuidados después\n---\n\n# Cuidados después\n", "utf-8")
    lines = translation_status.audit(docs)
    [line] = [l for l in lines if "aftercare" in l]
    assert line.startswith(f"{(docs / 'es' / 'aftercare.md').as_posix()}: new translation of")
    assert re.search(r'translation_of: 2026-12-01 and translation_source: "[0-9a-f]{12}"', line)


@pytest.mark.parametrize("code", TRANSLATIONS)
def test_each_translations_term_record_names_terms_its_pages_use(code):
    """includes/<folder>/terms.yml: the edition's standard medical terms and
    where each comes from (issue #22). A term the pages no longer use makes
    the record false: this fails, naming the file to fix."""
    import yaml as _yaml

    path = ROOT / "includes" / folder(code) / "terms.yml"
    records = _yaml.safe_load(path.read_text(encoding="utf-8"))
    assert records and all(set(r) == {"english", "ours", "source"} and all(r.values()) for r in records), \
        f"{path.relative_to(ROOT)}: each entry needs english:, ours: and source: (say 'None found.' when none was)"
    text = " ".join(p.read_text(encoding="utf-8") for p in [*(ROOT / "docs" / folder(code)).glob("*.md"),
                                                            *(ROOT / "includes" / folder(code)).glob("*.md")]).lower()
    unused = [term for r in records for term in (t.strip() for t in r["ours"].split(",")) if term.lower() not in text]
    assert not unused, f"{path.relative_to(ROOT)}: the pages no longer use {unused}; update the record"
