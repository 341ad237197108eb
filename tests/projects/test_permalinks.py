"""Published links never break (kbsite/permalinks.py): the registry of section
ids, redirects for what was renamed or moved, and the built site's links.

Here: builds of changed copies of the project (tests/projects/). The same
feature's other layers: tests/site/test_permalinks.py,
tests/unit/test_permalinks.py."""

from __future__ import annotations

import json
import re
import pytest
import yaml
from bs4 import BeautifulSoup
from kbsite.editions import folder
from sitebuild import build, build_with_page_text, copy_project, local_site_url, reserve_port


@pytest.mark.parametrize("page", ["glossary.md", "es/glossary.md"])
def test_a_heading_without_an_id_fails_the_build_naming_file_and_heading(tmp_path, page):
    result = build_with_page_text(tmp_path, page, "\n\n## A new section\n\nText.\n\n````\n## in a fence\n````\n")
    assert result.returncode != 0
    assert f"docs/{page}: these headings have no explicit id" in result.stderr
    assert "A new section" in result.stderr and "in a fence" not in result.stderr, result.stderr


def _every_edition(project, page: str) -> list:
    """The page's file in each edition of the copy's mkdocs.yml: English,
    then each translation (copy_project keeps two)."""
    from kbsite import project as kb_project

    codes = [entry["code"] for entry in kb_project.load(project / "mkdocs.yml")["extra"]["languages"]]
    return [project / "docs" / page] + [project / "docs" / folder(code) / page for code in codes[1:]]


def _rename_benefits_section(project):
    # The editor renames the id and the page's own links to it, in every
    # edition (a section has the same id in every language).
    for page in _every_edition(project, "physical-relief.md"):
        page.write_text(page.read_text().replace("{#benefits}", "{#what-patients-report}")
                        .replace("(#benefits)", "(#what-patients-report)"))


def test_renaming_a_published_section_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    _rename_benefits_section(project)
    result = build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "Published link /physical-relief/#benefits is broken" in result.stderr
    assert '"/physical-relief/#benefits": "/physical-relief/#<new-id>"' in result.stderr
    assert "docs/physical-relief.md publishes #what-patients-report" in result.stderr


@pytest.fixture(scope="module")
def renamed_site(tmp_path_factory):
    """The site after a section was renamed the right way: new id registered,
    old id redirected."""
    tmp = tmp_path_factory.mktemp("renamed")
    project = copy_project(tmp / "project")
    _rename_benefits_section(project)
    registry = yaml.safe_load((project / "permalinks.yml").read_text())
    registry["pages"]["/physical-relief/"].append("what-patients-report")
    registry["anchor_redirects"] = {"/physical-relief/#benefits": "/physical-relief/#what-patients-report"}
    (project / "permalinks.yml").write_text(yaml.safe_dump(registry))
    port = reserve_port()
    result = build(tmp / "site", project / "mkdocs.yml", env={"SITE_URL": local_site_url(port)})
    assert result.returncode == 0, result.stderr
    return tmp / "site", port


def test_a_redirected_section_builds_and_carries_its_map(renamed_site):
    site, _ = renamed_site
    soup = BeautifulSoup((site / "physical-relief/index.html").read_text(), "lxml")
    data = soup.select_one("[data-anchor-redirects]")
    assert data.name == "div" and data.has_attr("hidden")
    assert json.loads(data["data-anchor-redirects"]) == {"benefits": "#what-patients-report"}


def test_the_old_section_link_lands_on_the_new_section(browser, renamed_site, config):
    from sitebuild import Server, site_prefix

    site, port = renamed_site
    with Server(site, site_prefix(config), port=port) as server:
        tab = browser.new_page()
        tab.goto(server.root + "physical-relief/#benefits")
        tab.wait_for_url(re.compile(r"#what-patients-report$"))
        assert tab.evaluate("document.getElementById(location.hash.slice(1)).tagName") == "H2"
        # The same link followed from another page, with Material's instant navigation
        violations = []
        tab.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        tab.goto(server.root)
        tab.evaluate("""() => { const a = document.createElement('a'); a.id = 'old-link';
            a.href = 'physical-relief/#benefits'; a.textContent = 'old link';
            document.querySelector('article').append(a); }""")
        tab.click("#old-link")
        tab.wait_for_url(re.compile(r"/physical-relief/#what-patients-report$"))
        assert violations == []
        tab.close()


@pytest.mark.parametrize("inherited", ["constructor", "__proto__", "toString", "hasOwnProperty"])
def test_an_inherited_key_is_no_redirect(browser, renamed_site, config, inherited):
    """#constructor is not in the map, though every object "has" it."""
    from sitebuild import Server, site_prefix

    site, port = renamed_site
    with Server(site, site_prefix(config), port=port) as server:
        tab = browser.new_page()
        errors = []
        tab.on("pageerror", lambda exc: errors.append(str(exc)))
        url = server.root + f"physical-relief/#{inherited}"
        tab.goto(url)
        tab.wait_for_load_state("networkidle")
        assert tab.url == url and not errors, (tab.url, errors)
        tab.close()


def test_a_moved_page_keeps_its_published_url_through_a_redirect(tmp_path, config):
    """Move /glossary/ to a new file name: with a redirect (mkdocs-redirects)
    the build passes and the old URL sends readers on; without one it fails."""
    project = copy_project(tmp_path / "project")
    for docs in (page.parent for page in _every_edition(project, "glossary.md")):   # every edition moves the page
        (docs / "glossary.md").rename(docs / "medical-words.md")
        for page in docs.glob("*.md"):
            page.write_text(page.read_text().replace("](glossary.md", "](medical-words.md"))
    config_file = project / "mkdocs.yml"
    config_file.write_text(config_file.read_text().replace("Glossary: glossary.md", "Glossary: medical-words.md"))
    # The page's generated list moves with it (named once, in markers.py).
    markers = project / "kbsite" / "markers.py"
    markers.write_text(markers.read_text().replace('("glossary.md",)', '("medical-words.md",)'))
    registry = project / "permalinks.yml"
    registry.write_text(registry.read_text().replace("  /glossary/:", "  /medical-words/:\n    - glossary\n"
                                                     "    - terms\n    - sources\n  /glossary/:"))
    result = build(tmp_path / "no-redirect", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "Published page /glossary/ no longer exists" in result.stderr

    config_file.write_text(config_file.read_text().replace(
        "      redirect_maps: {}", "      redirect_maps:\n        glossary.md: medical-words.md"))
    result = build(tmp_path / "site", config_file)
    assert result.returncode == 0, result.stderr
    stub = (tmp_path / "site" / "glossary" / "index.html").read_text()
    assert "medical-words/" in stub


def _make_permalinks(site, config):
    """`make permalinks`, in a copy of the project."""
    import os
    import subprocess
    import sys

    from sitebuild import BUILD_ENV

    built = build(site, config, extra_args=("--no-postbuild",))
    if built.returncode != 0:
        return built
    return subprocess.run([sys.executable, "-m", "kbsite.postbuild", str(site), "--config", str(config),
                           "--record-permalinks"], cwd=config.parent, capture_output=True, text=True,
                          env={**os.environ, **BUILD_ENV})


def test_adding_a_page_is_its_files_one_nav_line_and_make_permalinks(tmp_path):
    """EDITING.md#add-a-page, in a copy of the project: the page, its
    translation and a nav line; the strict build asks for the new section
    ids until `make permalinks` (a build without post-build steps, then
    python -m kbsite.postbuild --record-permalinks) records them; then a
    renamed published id fails again until it has a redirect."""
    from sitebuild import build, copy_project

    project = copy_project(tmp_path / "project")
    front = ("---\ntitle: {title}\ntype: reference\ndescription: {description}\nlast_reviewed: 2026-12-01\nnext_review: 2027-12-01\n"
             "{extra}---\n\n")
    (project / "docs" / "aftercare.md").write_text(
        front.format(title="Aftercare", description="Looking after yourself after a session.", extra="")
        + "# Aftercare {#aftercare}\n\nRest after a session.\n\n## At home {#at-home}\n\nHave someone with you.\n",
        encoding="utf-8")
    # Its translations (here the Spanish text in each edition's folder).
    for translation in _every_edition(project, "aftercare.md")[1:]:
        translation.write_text(
            front.format(title="Cuidados después", description="Cómo cuidarse después de una sesión.",
                         extra='translation_of: 2026-12-01\ntranslation_source: "000000000000"\n')
            + "# Cuidados después {#aftercare}\n\nDescanse después de una sesión.\n\n## En casa {#at-home}\n\n"
              "Tenga a alguien con usted.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - What to expect: what-to-expect.md\n", "  - What to expect: what-to-expect.md\n  - Aftercare: aftercare.md\n"),
        encoding="utf-8")

    unrecorded = build(tmp_path / "first", config)
    assert unrecorded.returncode != 0
    assert "docs/aftercare.md publishes #aftercare, which is not in permalinks.yml. Run `make permalinks`" \
        in unrecorded.stderr

    recorded = _make_permalinks(tmp_path / "second", config)
    assert recorded.returncode == 0, recorded.stderr[-3000:]
    assert "permalinks.yml: recorded #aftercare, #at-home under /aftercare/" in recorded.stdout
    registry = (project / "permalinks.yml").read_text(encoding="utf-8")
    assert "  /aftercare/:\n    - aftercare\n    - at-home\n" in registry
    assert registry.startswith("# Published links."), "the file's comments are kept"
    assert build(tmp_path / "third", config).returncode == 0, "a plain strict build passes now"

    page = project / "docs" / "aftercare.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{#at-home}", "{#home}"), encoding="utf-8")
    for translation in _every_edition(project, "aftercare.md")[1:]:
        translation.write_text(translation.read_text(encoding="utf-8").replace("{#at-home}", "{#home}"), encoding="utf-8")
    renamed = _make_permalinks(tmp_path / "fourth", config)
    assert renamed.returncode != 0
    assert "Published link /aftercare/#at-home is broken" in renamed.stderr
