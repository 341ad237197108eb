"""The post-build layer (kbsite/postbuild/) on its own: its steps on small
built folders, and `python -m kbsite.postbuild` on a site that MkDocs built
without our post-build hook, which must come out byte for byte the site
`make build` makes.

Here: the session's build (tests/site/). The same feature's other layers:
tests/projects/test_postbuild.py, tests/unit/test_postbuild.py."""

from __future__ import annotations

import json


def test_readable_inline_scripts_are_minified_and_materials_are_left_as_they_are(site):
    from kbsite.postbuild.inline_js import minify_inline_scripts

    readable = '<script>\n(function () {\n  // a comment\n  var a = 1;\n})();\n</script><script type="application/ld+json">{"a": 1}</script>'
    assert minify_inline_scripts(readable) == '<script>(function(){var a=1;})();</script><script type="application/ld+json">{"a": 1}</script>'
    # JSON data: its letters beyond ASCII as themselves, the same JSON, and
    # the escapes that keep it safe in HTML kept.
    from kbsite.postbuild.inline_js import unescaped_json

    data = json.dumps({"name": "氯胺酮", "é": "ó\\u00e9", "tag": "</script>", "emoji": "😀", "line": "\u2028"})
    data = data.replace("<", "\\u003c").replace(">", "\\u003e")   # as Jinja's tojson writes them
    readable = unescaped_json(data)
    assert json.loads(readable) == json.loads(data)
    assert "氯胺酮" in readable and "\\u003c" in readable and "</script>" not in readable
    assert "\\ud83d" in readable and "\\u2028" in readable and "\\\\u00e9" in readable
    # Material's own inline scripts, as built: already minified, and jsmin keeps them byte for byte.
    built = (site / "safety" / "index.html").read_text(encoding="utf-8")
    assert minify_inline_scripts(built) == built
