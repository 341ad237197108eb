"""The clinic's details (`extra.clinic`, kbsite/clinic.py) are checked when
the config loads; errors name the field and the expected form. The contact
block (booking page) and the pricing link (what to expect) are partials
placed by markers.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from kbsite.clinic import validate


def on_config(config: MkDocsConfig) -> None:
    errors = validate(config.extra.get("clinic"))
    if errors:
        raise PluginError("Invalid clinic details:\n  " + "\n  ".join(errors))
