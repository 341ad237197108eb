"""crisis-words.yml (kbsite/crisis_words.py): checked when the config loads
and by `make check`, every problem at once, each naming the file, the
language, the field, the entry and the fix; and the post-build step
(kbsite/postbuild/crisis_data.py) that ships it, with each language's
help, in every edition's search/crisis.json. The matching itself is
tested in Node (tests/js/crisis.test.mjs).

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/site/test_crisis_words.py."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from kbsite import crisis_words
from kbsite.errors import SiteError
from kbsite.postbuild import crisis_data
from sitebuild import LANGUAGES, ROOT

DATA = yaml.safe_load((ROOT / "crisis-words.yml").read_text(encoding="utf-8"))
CLASSES = list(DATA["classes"])


def test_a_class_a_language_does_not_list_is_empty(tmp_path):
    path = tmp_path / "crisis-words.yml"
    path.write_text(_broken(**{"en.death": None}), encoding="utf-8")
    assert crisis_words.load(path)["en"]["classes"]["death"] == []


def test_the_committed_file_loads_with_every_class_in_every_site_language():
    lists = crisis_words.load(ROOT / "crisis-words.yml")
    assert crisis_words.missing_languages(lists, LANGUAGES) == []
    for code, data in lists.items():
        assert list(data["classes"]) == CLASSES, code
        assert data["rules"][: len(DATA["rules"])] == DATA["rules"], f"{code}: the shared rules first"
    assert "suicide" in lists["en"]["classes"]["suicide"] and "want" in lists["en"]["classes"]["wish"]
    assert lists["en"]["same"]["dont"] == "do not" and "to" in lists["en"]["filler"]


def test_every_kind_of_meaning_the_issue_names_is_a_class_with_a_rule():
    for kind in ("self", "wish", "death", "harm", "means", "amount", "burden", "hopeless", "goodbye", "help", "slang"):
        assert kind in DATA["classes"], kind
        assert any(re.search(rf"\b{kind}\b", rule) for rule in DATA["rules"]), f"no rule uses {kind}"
    # The issue's example rules, each as written (what stops one, after
    # `unless`, narrows it without changing what it combines).
    combined = [rule.split(" unless ")[0].strip() for rule in DATA["rules"]]
    for rule in ("wish > death", "self + burden", "not + wish + live", "amount + means + death"):
        assert rule in combined, rule


def test_every_class_cites_a_published_source():
    sources = DATA["sources"]
    assert "https://www.nimh.nih.gov/health/publications/warning-signs-of-suicide" in sources["nimh"]
    assert "988 Suicide & Crisis Lifeline" in sources["lifeline"]
    for name, spec in DATA["classes"].items():
        assert spec["means"] and spec["sources"] and set(spec["sources"]) <= set(sources), name


GOOD = {"sources": {"nimh": "NIMH. Warning Signs of Suicide."},
        "classes": {"wish": {"means": "wanting", "sources": ["nimh"]},
                    "death": {"means": "dying", "sources": ["nimh"]}},
        "rules": ["wish + death"],
        "en": {"filler": ["to"], "wish": ["want"], "death": ["die"]}}


def _broken(**changes) -> str:
    data = json.loads(json.dumps(GOOD))
    for path, value in changes.items():
        *parents, last = path.split(".")
        target = data
        for key in parents:
            target = target[key]
        if value is None:
            del target[last]
        else:
            target[last] = value
    return yaml.safe_dump(data, allow_unicode=True)


@pytest.mark.parametrize("text,message", [
    (_broken(**{"en.death": ["die", ""]}), "en: death: entry 2: '' is not a word or phrase"),
    (_broken(**{"en.death": ["Die"]}), "en: death: entry 1: 'Die' must be lowercase"),
    (_broken(**{"en.death": ["die", "die"]}), "en: death: entry 2: 'die' is listed twice; delete one"),
    (_broken(**{"en.death": "die"}), "en: death: expected a list"),
    (_broken(**{"en.death": [False]}), "is YAML's false, not a word: write the word in quotes"),
    (_broken(**{"en.death": None, "en.wish": None}), "en: no words in any class; list at least the words for suicide"),
    (_broken(**{"en.dying": ["die"]}), "en: 'dying' is not a field or a class (a typo?)"),
    (_broken(**{"en.wish": ["want", "to"]}), "en: wish: 'to' is also a filler word"),
    (_broken(**{"en.same": {"dont": "dont"}}), "en: same: 'dont' means itself; delete the line"),
    (_broken(**{"en.same": {"do not": "dont"}}), "en: same: 'do not' is more than one word"),
    (_broken(**{"en.same": {"wanna": "want"}, "en.wish": ["want", "wanna"]}),
     "en: wish: 'wanna' is a written form under `same`, which reads it as 'want' first"),
    (_broken(**{"en.filler": ["do not"]}), "en: filler: entry 1: 'do not' is more than one word"),
    (_broken(**{"en.typing": "qwerty"}), "en: typing: 'qwerty' is not a way of typing crisis.js reads"),
    (_broken(rules=["wish + dying"]), "rule 'wish + dying': 'dying' is not a class under `classes:`"),
    (_broken(rules=["wish and death"]), "rules: rule 1: 'wish and death' is not a rule"),
    (_broken(rules=["wish + death unless info +"]), "rules: rule 1: 'wish + death unless info +' is not a rule"),
    (_broken(rules=["wish + death unless info + dying"]),
     "rule 'wish + death unless info + dying': 'dying' is not a class under `classes:`"),
    (_broken(**{"classes.wish.sources": ["cdc"]}), "classes: wish: source 'cdc' is not under `sources:`"),
    (_broken(**{"classes.wish.means": None}), "classes: wish: expected `means:`"),
    ("- suicide\n", "expected `sources:`, `classes:` and `rules:`"),
    ("en: [\n", "cannot read the crisis words"),
])
def test_a_bad_file_fails_loudly(tmp_path, text, message):
    path = tmp_path / "crisis-words.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SiteError) as error:
        crisis_words.load(path)
    assert "crisis-words.yml" in str(error.value) and message in str(error.value), str(error.value)


def test_every_problem_is_reported_at_once(tmp_path):
    path = tmp_path / "crisis-words.yml"
    path.write_text(_broken(**{"en.death": ["Die"], "en.wish": ["want", "want"]}), encoding="utf-8")
    with pytest.raises(SiteError) as error:
        crisis_words.load(path)
    assert "2 problem(s)" in str(error.value)


def test_a_language_of_the_site_without_lists_is_named_with_the_fix():
    assert crisis_words.missing_languages({"en": {}}, ["en", "vi"]) == [
        "crisis-words.yml: no lists for the site's language 'vi'; add `vi:` with a list for each class "
        "(copy another language's and translate it)"]


# ---- search/crisis.json, as the post-build step writes it ------------------------------


def test_the_crisis_page_must_have_its_section(tmp_path):
    (tmp_path / "mental-health").mkdir()
    (tmp_path / "mental-health" / "index.html").write_text("<h1>Mental health</h1>", encoding="utf-8")
    with pytest.raises(SiteError) as error:
        crisis_data.crisis_data(ROOT, {"site_url": "https://example.org/", "extra": {"languages": [{"code": "en"}]}},
                                "en", tmp_path)
    assert "no section with id 'crisis-help'" in str(error.value) and "extra.crisis_page" in str(error.value)


def test_the_query_set_has_no_repeats_and_its_known_misses_are_its_own():
    data = yaml.safe_load((ROOT / "tests" / "crisis_queries.yml").read_text(encoding="utf-8"))
    for kind in ("crisis", "ordinary"):
        for lang, queries in data[kind].items():
            assert len(queries) == len(set(queries)), f"{kind}.{lang} has a repeat"
    everything = [q for queries in data["crisis"].values() for q in queries]
    assert all(q in everything for q in data["known_misses"] or [])
