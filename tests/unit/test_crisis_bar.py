"""The crisis line (overrides/partials/crisis-bar.html): in the header on
every page of every edition, in that edition's language, one tap away on a
phone wherever the reader has scrolled, without JavaScript, with targets
of at least 44 x 44 px, its words wrapping rather than running together on
the narrowest phones (320 px); and the same line in the search panel
(tests/browser/test_search.py checks it there in every state).

Here: no build and no browser (tests/unit/). The same feature's other layers:
tests/browser/test_crisis_bar.py, tests/site/test_crisis_bar.py."""

from __future__ import annotations

from crisis_bar_helpers import LABELS


def test_the_spanish_line_says_what_a_spanish_reader_needs():
    """The one edition whose words this test knows by heart: Spanish text
    help is reached by texting AYUDA (988lifeline.org/es)."""
    assert LABELS["es"] == ("¿Está en crisis?", "Llame al 988", "Envíe AYUDA al 988", "sms:988?&body=AYUDA")
