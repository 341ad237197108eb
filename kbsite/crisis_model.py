"""The crisis model: a second reader of search queries, beside the rules of
crisis-words.yml, for phrasings no rule foresaw.

Why: every fresh blind set, written by people who never saw the lexicon,
found about one crisis phrasing in eight that no rule read (sets B to H),
however many kinds of language the lexicon learned from the set before.
A logistic regression over the letters of a query (its character n-grams)
and its words reads phrasings it was never shown: on set H, nobody's to
tune on, it brought every language to 95% or more without a false alarm
more (make bench: benchmarks/RESULTS.md has the rules alone beside it).
It only adds help: a query shows help when a rule fires or the model's
probability reaches THRESHOLD. It never hides what a rule found.

What it reads (the same in Python here and in crisis.js, tested side by side):
  fold       NFKC, lower case, accents and tone marks dropped (đ as d), letters
             typed three or more times kept twice, anything not a letter or a
             digit a space;
  features   each word, each pair of neighbouring words, and the 1- to
             4-letter pieces of " word ";
  hashing    each feature's UTF-8 bytes, FNV-1a 32-bit, the low BITS bits: a
             fixed-size table whatever the vocabulary, so no word list ships;
  score      1 / (1 + e^-(bias + scale * sum of the int8 weights of the
             query's buckets / sqrt(number of buckets))).

Trained on every blind set but the newest (which measures, and is never
trained on), tests/crisis_training.yml (mostly ordinary questions near the
boundary), the tuned sets, and as ordinary queries the patients' search
queries and crisis-words.yml's ordinary expressions:
    make crisis-model
writes crisis-model.json; `make test` (tests/unit/test_crisis_model.py) fails,
naming that command, when the training data changed since.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

from kbsite.errors import SiteError
from kbsite.meta import load_yaml

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "crisis-model.json"
TESTS = ROOT / "tests"
BITS = 14            # 16,384 weights: 21 KB in base64, 14 KB gzipped, in search/crisis.json
MAX_N = 4
C = 10.0             # inverse regularisation; BITS, MAX_N and C were chosen by leaving out one of sets A to F at a time
THRESHOLD = 0.85     # leaving out one of sets A to G at a time: 4 false alarms in 2,040 ordinary queries, none in en, es, fil
_REPEAT = re.compile(r"(.)\1{2,}")


def fold(text: str) -> list[str]:
    """The query's words as the model reads them."""
    text = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text).lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").replace("đ", "d")
    text = _REPEAT.sub(r"\1\1", text)
    return "".join(c if unicodedata.category(c)[0] in "LN" else " " for c in text).split()


def features(text: str, max_n: int = MAX_N) -> set[str]:
    words = fold(text)
    found = set()
    for i, word in enumerate(words):
        found.add("w:" + word)
        if i:
            found.add("b:" + words[i - 1] + " " + word)
        padded = " " + word + " "
        for n in range(1, max_n + 1):
            for start in range(max(1, len(padded) - n + 1)):
                piece = padded[start:start + n]
                if piece.strip():
                    found.add(piece)
    return found


def fnv1a(text: str) -> int:
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def buckets(text: str, bits: int = BITS, max_n: int = MAX_N) -> list[int]:
    return sorted({fnv1a(f) & ((1 << bits) - 1) for f in features(text, max_n)})


def score(model: dict, text: str) -> float:
    """The model's probability that `text` is a crisis query."""
    weights = memoryview(base64.b64decode(model["weights"])).cast("b")   # int8, as crisis.js reads them
    found = buckets(text, model["bits"], model["max_n"])
    if not found:
        return 0.0
    total = sum(weights[i] for i in found) * model["scale"] / math.sqrt(len(found))
    return 1 / (1 + math.exp(-(model["bias"] + total)))


# ---- Training -------------------------------------------------------------------

def blind_sets(tests: Path = TESTS) -> list[Path]:
    return sorted(tests.glob("crisis_blind_*.yml"))


def training_data(tests: Path = TESTS) -> tuple[list[str], list[int], list[str]]:
    """(queries, labels, files read): every blind set but the newest, the
    training set, the tuned sets, and as ordinary queries the patients'
    search queries and crisis-words.yml's ordinary expressions."""
    queries, labels, files = [], [], []

    def add(path: Path, by_kind: dict) -> None:
        files.append(path.name)
        for kind, label in (("crisis", 1), ("ordinary", 0)):
            for phrasings in (by_kind.get(kind) or {}).values():
                queries.extend(phrasings)
                labels.extend([label] * len(phrasings))

    for path in [*blind_sets(tests)[:-1], tests / "crisis_training.yml", tests / "crisis_queries.yml",
                 tests / "crisis_check_set.yml"]:
        add(path, load_yaml(path.read_text(encoding="utf-8")))
    for path in sorted(tests.glob("search_queries*.yml")):
        add(path, {"ordinary": {"all": [entry["query"] for entry in load_yaml(path.read_text(encoding="utf-8"))]}})
    # The lexicon's ordinary expressions ("to die for", "kill the pain"):
    # what an editor marks ordinary for the rules, the model learns too.
    lexicon = tests.parent / "crisis-words.yml"
    by_language = load_yaml(lexicon.read_text(encoding="utf-8"))
    add(lexicon, {"ordinary": {code: [str(text) for text in data["ordinary"]]
                               for code, data in by_language.items() if isinstance(data, dict) and "ordinary" in data}})
    return queries, labels, files


def fingerprint(queries: list[str], labels: list[int]) -> str:
    settings = json.dumps([BITS, MAX_N, C, THRESHOLD, list(zip(queries, labels))], ensure_ascii=False)
    return hashlib.sha256(settings.encode("utf-8")).hexdigest()


def train(tests: Path = TESTS) -> dict:
    try:
        import numpy as np
        from scipy import sparse
        from sklearn.linear_model import LogisticRegression
    except ImportError as error:
        raise SiteError(f"training the crisis model needs scikit-learn ({error}): run `make crisis-model`, "
                        "which installs requirements-model.txt") from None
    queries, labels, files = training_data(tests)
    rows, cols, values = [], [], []
    for row, query in enumerate(queries):
        found = buckets(query)
        for col in found:
            rows.append(row)
            cols.append(col)
            values.append(1 / math.sqrt(len(found)))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=(len(queries), 1 << BITS))
    fitted = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(matrix, labels)
    weights = fitted.coef_[0]
    scale = float(np.abs(weights).max() / 127)
    quantized = np.round(weights / scale).astype(np.int8)
    return {
        "about": "The crisis model (kbsite/crisis_model.py): written by `make crisis-model`; do not edit.",
        "trained_on": files,
        "fingerprint": fingerprint(queries, labels),
        "bits": BITS, "max_n": MAX_N, "threshold": THRESHOLD,
        "bias": round(float(fitted.intercept_[0]), 6), "scale": round(scale, 9),
        "weights": base64.b64encode(quantized.tobytes()).decode("ascii"),
    }


SHIPPED = ("bits", "max_n", "threshold", "bias", "scale", "weights")


def shipped(model: dict) -> dict:
    """What search/crisis.json carries of the model: what crisis.js reads."""
    return {key: model[key] for key in SHIPPED}


def load(path: Path = MODEL) -> dict:
    if not path.is_file():
        raise SiteError(f"{path}: missing. Run `make crisis-model` to train it.")
    return json.loads(path.read_text(encoding="utf-8"))


def stale(root: Path = ROOT) -> list[str]:
    """A message if crisis-model.json was trained on other data than the
    project's tests/ holds now: the site must not ship a model that has not
    learnt what an editor added. A check of the tests' (its data is theirs)."""
    try:
        model = load(root / MODEL.name)
    except SiteError as error:
        return [str(error)]
    queries, labels, _ = training_data(root / "tests")
    if model.get("fingerprint") != fingerprint(queries, labels):
        return [f"{root / MODEL.name}: trained on other data than the project holds now (a blind set, "
                "tests/crisis_training.yml, the tuned sets, the search queries or crisis-words.yml's ordinary "
                "expressions changed): "
                "run `make crisis-model` and commit crisis-model.json."]
    return []


def main(argv: list[str]) -> int:
    model = train()
    MODEL.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"{MODEL.name}: trained on {', '.join(model['trained_on'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
