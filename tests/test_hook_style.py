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
    """The module's event handlers: its own functions, or the methods of the
    instance that holds a hook's state (`on_config = _hook.on_config`)."""
    found = {}
    for name, value in inspect.getmembers(module):
        if not name.startswith("on_"):
            continue
        function = getattr(value, "__func__", value)
        if inspect.isfunction(function) and function.__module__ == module.__name__:
            found[name] = value
    return found


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
        assert name in EVENTS, f"{path.name}: {name} is not a MkDocs event"
        expected = EVENTS[name]
        signature = inspect.signature(fn)
        actual = [(p.name, "keyword-only") if p.kind is p.KEYWORD_ONLY else ("(item)", "positional")
                  for p in signature.parameters.values()]
        assert actual == expected, f"{path.name}: {name}{signature} should take {expected} as MkDocs declares it"
        untyped = [p.name for p in signature.parameters.values() if p.annotation is inspect.Parameter.empty]
        assert not untyped, f"{path.name}: {name} has untyped arguments {untyped}"
        assert signature.return_annotation is not inspect.Signature.empty, f"{path.name}: {name} has no return type"
