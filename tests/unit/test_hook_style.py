"""Hook style (hooks/): every event handler takes its arguments
the way MkDocs' own BasePlugin declares them (the item positional, the rest
keyword-only), each one typed, so a reader sees at once what a hook touches."""

from __future__ import annotations

import ast
import importlib.util
import inspect
import sys

import mkdocs.plugins
import pytest

from sitebuild import ROOT, load_config

HOOKS = [ROOT / path for path in load_config()["hooks"]]


def _mkdocs_events() -> dict[str, list[tuple[str, str]]]:
    """Each event's arguments as MkDocs' BasePlugin declares them (read from
    its source: MkDocs deletes the methods from the class after defining them)."""
    tree = ast.parse(inspect.getsource(mkdocs.plugins))
    base = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "BasePlugin")
    events = {}
    for fn in base.body:
        if isinstance(fn, ast.FunctionDef) and fn.name.startswith("on_"):
            # The item MkDocs passes is positional-only: its name is free.
            positional = len(fn.args.posonlyargs + fn.args.args) - 1   # without self
            events[fn.name] = [("(item)", "positional")] * positional + \
                              [(a.arg, "keyword-only") for a in fn.args.kwonlyargs]
    return events


EVENTS = _mkdocs_events()


def _module(path):
    name = f"hook_style_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module   # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def _handlers(module) -> dict:
    """The module's event handlers: its own functions, the methods of the
    instance that holds a hook's state (`on_config = _hooks.on_config`),
    each method of a CombinedEvent, and the same-named methods of every
    class the module defines (the adapter's parts), as "Class.on_x"."""
    found = {}

    def add(label, value):
        function = getattr(value, "__func__", value)
        if inspect.isfunction(function) and function.__module__ == module.__name__:
            found[label] = value

    for name, value in inspect.getmembers(module):
        if name.startswith("on_"):
            if isinstance(value, mkdocs.plugins.CombinedEvent):
                for method in value.methods:
                    add(f"{name} ({method.__name__})", method)
            else:
                add(name, value)
        elif inspect.isclass(value) and value.__module__ == module.__name__:
            for method_name, method in vars(value).items():
                if method_name.startswith("on_") and inspect.isfunction(method):
                    add(f"{name}.{method_name}", method.__get__(object.__new__(value)))
    return found


def _event(label: str) -> str:
    """"on_post_build (run_post_build_layer)" or "Editions.on_files" -> the event's name."""
    return label.split(" ")[0].split(".")[-1]


def test_every_hook_file_is_registered_or_a_library():
    registered = {path.name for path in HOOKS}
    for path in sorted((ROOT / "hooks").glob("*.py")):
        handlers = list(_handlers(_module(path)))
        assert path.name in registered or not handlers, f"{path.name} handles {handlers} but is not under hooks: in mkdocs.yml"


@pytest.mark.parametrize("path", HOOKS, ids=lambda p: p.name)
def test_event_handlers_match_mkdocs_signatures_and_are_typed(path):
    module = _module(path)
    handlers = _handlers(module)
    assert handlers, f"{path.name} handles no MkDocs event"
    for name, fn in handlers.items():
        assert _event(name) in EVENTS, f"{path.name}: {name} is not a MkDocs event"
        expected = EVENTS[_event(name)]
        signature = inspect.signature(fn)
        actual = [(p.name, "keyword-only") if p.kind is p.KEYWORD_ONLY else ("(item)", "positional")
                  for p in signature.parameters.values()]
        assert actual == expected, f"{path.name}: {name}{signature} should take {expected} as MkDocs declares it"
        untyped = [p.name for p in signature.parameters.values() if p.annotation is inspect.Parameter.empty]
        assert not untyped, f"{path.name}: {name} has untyped arguments {untyped}"
        assert signature.return_annotation is not inspect.Signature.empty, f"{path.name}: {name} has no return type"


def test_the_mkdocs_adapter_is_one_hook_module():
    assert [path.relative_to(ROOT).as_posix() for path in HOOKS] == ["hooks/knowledge_base.py"]
    assert sorted(p.name for p in (ROOT / "hooks").glob("*.py")) == ["knowledge_base.py"]


def test_the_adapter_writes_nothing_back_into_the_users_config():
    """What a build works out (the page checks' state) stays on the
    adapter; interface words and the markers' options come from the
    edition's generated configuration (tests/projects/test_editions_build.py)."""
    import copy

    from mkdocs.config import load_config as load_mkdocs_config

    config = load_mkdocs_config(config_file=str(ROOT / "mkdocs.yml"))
    before = copy.deepcopy({"extra": dict(config.extra), "mdx_configs": config.mdx_configs})
    module = _module(HOOKS[0])
    module.on_config(config)
    assert {"extra": dict(config.extra), "mdx_configs": config.mdx_configs} == before


# kbsite imports MkDocs only in the adapter's command and for schemas
# (config_options, as Material's plugins validate theirs). make check also
# asks MkDocs itself to validate mkdocs.yml.
_MKDOCS_ALLOWED = {"mkdocs.config.config_options", "mkdocs.config.base"}
_MKDOCS_MODULES = {"kbsite/mkdocs_build.py": "the MkDocs adapter's command",
                   "kbsite/source_checks.py": "MkDocs' own validation of mkdocs.yml, one of the source checks"}


def test_the_layers_import_no_mkdocs_outside_the_adapter_and_the_schemas():
    found = []
    for path in sorted((ROOT / "kbsite").rglob("*.py")):
        where = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [f"{node.module}.{alias.name}" for alias in node.names] if isinstance(node, ast.ImportFrom) and node.module else []
            for name in names:
                if name.split(".")[0] == "mkdocs" and where not in _MKDOCS_MODULES \
                        and not any(name == allowed or name.startswith(allowed + ".") for allowed in _MKDOCS_ALLOWED):
                    found.append(f"{where}: {name}")
    assert not found


def test_the_markdown_extensions_are_found_by_their_entry_points(config):
    from importlib.metadata import entry_points

    points = {point.name: point for point in entry_points(group="markdown.extensions")}
    ours = [name if isinstance(name, str) else next(iter(name)) for name in config["markdown_extensions"]]
    ours = [name for name in ours if name.startswith("kbsite.")]
    assert ours, "mkdocs.yml lists the site's extensions"
    for name in ours:
        assert name in points, f"{name}: not registered in pyproject.toml (make installs it)"
        assert points[name].load().__module__ == name
