"""The header's crisis line in each edition: the words it shows (the
template's English, a translation's lines in includes/<folder>/interface.yml)
and each edition's folder, for the crisis-line tests of every layer."""

from __future__ import annotations

from kbsite.editions import folder, load_interface
from sitebuild import LANGUAGES, ROOT


# What the line says in each edition: the template's English words, and in
# a translation their lines in includes/<folder>/interface.yml.
WORDS = ("Crisis?", "Call 988", "Text 988", "sms:988")


LABELS = {code: WORDS if code == LANGUAGES[0] else
          tuple(load_interface(ROOT / "includes" / folder(code) / "interface.yml")[w] for w in WORDS)
          for code in LANGUAGES}
def edition_prefix(code: str) -> str:
    return "" if code == LANGUAGES[0] else folder(code) + "/"
