"""The crisis model (kbsite/crisis_model.py, crisis-model.json): trained on
what it should be, never on the newest blind set, and reading a query as
its docstring says. That Node reads it the same is tests/js/crisis.test.mjs's."""

from __future__ import annotations

import base64
import math
import shutil

from kbsite import crisis_model


def test_the_committed_model_is_trained_on_the_data_as_it_is_now():
    assert crisis_model.stale() == []


def test_a_model_trained_on_other_data_names_the_command_that_fixes_it(tmp_path):
    shutil.copytree(crisis_model.TESTS, tmp_path / "tests", ignore=shutil.ignore_patterns("*.py", "js", "fixtures"))
    shutil.copy(crisis_model.MODEL, tmp_path)
    shutil.copy(crisis_model.ROOT / "crisis-words.yml", tmp_path)
    assert crisis_model.stale(tmp_path) == []
    training = tmp_path / "tests" / "crisis_training.yml"
    training.write_text(training.read_text("utf-8").replace("ordinary:\n  en:\n", "ordinary:\n  en:\n  - a new question\n"),
                        encoding="utf-8")
    [message] = crisis_model.stale(tmp_path)
    assert "crisis-model.json" in message and "run `make crisis-model`" in message
    (tmp_path / "crisis-model.json").unlink()
    assert "missing. Run `make crisis-model`" in crisis_model.stale(tmp_path)[0]


def test_the_newest_blind_set_is_never_trained_on():
    *older, newest = crisis_model.blind_sets()
    trained_on = crisis_model.load()["trained_on"]
    assert newest.name not in trained_on
    assert all(path.name in trained_on for path in older)


def test_a_query_is_read_without_case_width_accents_or_drawn_out_letters():
    assert crisis_model.fold("ＫＥＴＡＭＩＮＥ, Điiiiie!! muốn  chết") == ["ketamine", "diie", "muon", "chet"]
    assert crisis_model.fold("我想死 ok") == ["我想死", "ok"]


def test_its_features_are_words_word_pairs_and_pieces_of_words():
    assert crisis_model.features("no hope", max_n=2) == {
        "w:no", "w:hope", "b:no hope", "n", "o", "h", "p", "e", " n", "no", "o ", " h", "ho", "op", "pe", "e "}


def test_the_model_scores_a_probability_from_its_weights():
    model = {"bits": 4, "max_n": 1, "bias": 0.0, "scale": 1.0, "weights": ""}
    assert crisis_model.score(model, "!!!") == 0.0, "a query with no letters scores nothing"
    found = crisis_model.buckets("a", bits=4, max_n=1)   # "w:a" and "a"
    weights = bytearray(16)
    for bucket in found:
        weights[bucket] = 254                             # int8 -2
    model["weights"] = base64.b64encode(bytes(weights)).decode()
    expected = 1 / (1 + math.exp(2 * len(found) / math.sqrt(len(found))))
    assert abs(crisis_model.score(model, "a") - expected) < 1e-12
