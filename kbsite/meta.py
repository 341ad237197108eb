"""A page's front matter: the YAML between its first two `---` lines, read
as MkDocs and Zensical read it (mkdocs.utils.meta.get_data's YAML form),
without either. The pages use no other form of metadata. And load_yaml,
how the layers read their YAML files."""

from __future__ import annotations

import re

import yaml

# libyaml's parser when PyYAML has it (its wheels do): the same YAML, ten
# times faster on the crisis words and the vocabulary, read in every build.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    """`text` as yaml.safe_load reads it."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 (a safe loader)


_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def split(text: str) -> tuple[str, dict]:
    """(the Markdown after the front matter, the front matter as a dict);
    the text as it is and {} when it has none, or none that is a mapping."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, {}
    try:
        data = load_yaml(match[1])
    except yaml.YAMLError:
        return text, {}
    if not isinstance(data, dict):
        return text, {}
    return text[match.end():].lstrip("\n"), data
