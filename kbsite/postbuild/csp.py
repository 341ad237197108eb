"""A strict Content Security Policy on every page, as a <meta> tag.

- Scripts, workers and connections may come only from the site's own
  address, site_url with its path (https://<owner>.github.io/<repo>/), not
  'self': on GitHub Pages every project site of an owner shares one origin,
  and 'self' would trust scripts from all of them.
- Inline scripts run only if they are the site's own: those in the theme's
  templates (Material's, our partials) and the redirect pages that
  mkdocs-redirects writes, allowed by their SHA-256 hashes, computed after
  the build from the files as written. A <script>, an inline event handler
  (onclick=...) or a javascript: URL in a page's Markdown fails the build,
  naming the page, and so does a handler or javascript: URL anywhere in the
  built site. No 'unsafe-inline', no 'unsafe-eval'.
- Material's first inline script contains the site's "scope", which by
  default differs with page depth ("..", "../.."); this step writes the
  edition's own path there instead (the same place, as an absolute path),
  so every page has the same scripts and the same hashes, which instant
  navigation needs (the first page's policy stays in force).
- Styles come only from the site's stylesheets, with one exception:
  Zensical's bundle (the canary, `make zensical`) writes its search
  dialog's stylesheet into a <style> in a shadow root; that text, a string
  in the bundle, is allowed by its hash (bundle_style_hashes). Material's
  bundle writes none.
- Idempotent: a policy already in a page (`mkdocs build --dirty` keeps
  unchanged pages, or the post-build step runs twice) is replaced, never doubled.
`mkdocs serve` gets no policy: it injects its own live-reload script.
A step of the post-build layer (kbsite.postbuild); content_errors is also the
build's check of each page's HTML, naming its source file.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from kbsite.errors import SiteError

# Data blocks (JSON, JSON-LD) are never executed, so they need no hash.
_DATA_TYPES = {"application/json", "application/ld+json"}
# Minified HTML may drop the quotes.
_CHARSET = re.compile(r"""<meta charset=["']?utf-8["']?\s*/?>""", re.I)
_POLICY_META = re.compile(r"""<meta http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"[^"]*"|'[^']*')\s*/?>""", re.I)
# Material's scope (base.html): `__md_scope=new URL("..",location)`.
_SCOPE = re.compile(r"""(__md_scope=new URL\()(["'])[^"']*\2""")
# Attributes that take a URL, where javascript: would run code.
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


class ScriptFinder(HTMLParser):
    """Inline scripts (their text), inline event handlers and javascript:
    URLs in a piece of HTML."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.javascript_urls: list[str] = []
        self._inline: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(f"<{tag} {name}=...>")
            if name in _URL_ATTRIBUTES and value and re.sub(r"[\s\x00-\x1f]", "", value).lower().startswith("javascript:"):
                self.javascript_urls.append(f"<{tag} {name}={value[:40]!r}>")
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() not in _DATA_TYPES:
            self._inline = []

    def handle_data(self, data):
        if self._inline is not None:
            self._inline.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._inline is not None:
            self.scripts.append("".join(self._inline))
            self._inline = None


def inline_script_hashes(html: str) -> set[str]:
    return {_sha256(code) for code in ScriptFinder(html).scripts}


# A bundle's `X("style", {}, NAME.toString())` and NAME's string literal.
_STYLE_ELEMENT = re.compile(r"""\(\s*["']style["']\s*,\s*\{\}\s*,\s*([\w$]+)\.toString\(\)\s*\)""")
_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])")
_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0", "\n": "", "\r": "", "\r\n": ""}


def _js_string(body: str) -> str:
    """A JavaScript string literal's value, from the text between its quotes."""
    def one(match: re.Match) -> str:
        code = match[1]
        if code.startswith("u{"):
            return chr(int(code[2:-1], 16))
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        return _JS_ESCAPES.get(code, code)
    # Escaped surrogate pairs ("\\uD83D\\uDE00") are one character.
    return _JS_ESCAPE.sub(one, body).encode("utf-16", "surrogatepass").decode("utf-16")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def bundle_style_hashes(bundle: str) -> set[str]:
    """Hashes of the stylesheets a theme's bundle writes into <style>
    elements it creates: Zensical's search dialog's (a string in the
    bundle); none in Material's."""
    hashes = set()
    for name in set(_STYLE_ELEMENT.findall(bundle)):
        literal = re.search(r"\b(?:var|let|const)\s+" + re.escape(name) + r"""\s*=\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1""",
                            bundle, re.S)
        if not literal or (literal[1] == "`" and "${" in literal[2]):   # a template's text is not known
            raise SiteError(f"Content Security Policy: a script writes a <style> from {name!r}, whose text this "
                            "step cannot read, so its hash cannot be allowed. Check kbsite/postbuild/csp.py "
                            "(bundle_style_hashes) against the theme's bundle.")
        hashes.add(_sha256(_js_string(literal[2])))
    return hashes


def policy(site_url: str, script_hashes: set[str], style_hashes: set[str] = frozenset()) -> str:
    own = site_url if site_url.endswith("/") else site_url + "/"
    return "; ".join([
        "default-src 'self'",
        f"script-src {own} " + " ".join(sorted(script_hashes)),
        " ".join(["style-src 'self'", *sorted(style_hashes)]),
        "img-src 'self' data:",          # Material's icons are data: SVGs in its CSS
        "font-src 'self'",
        f"connect-src {own}",            # the search index and instant navigation
        f"worker-src {own}",             # the search worker
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def content_errors(html: str, where: str) -> list[str]:
    found = ScriptFinder(html)
    errors = [f"{where}: an inline <script> in the page. Pages may not carry scripts; ask a developer to add "
              "behaviour to docs/assets/javascripts/ instead." for _ in found.scripts[:1]]
    errors += [f"{where}: inline event handler {h}. Remove it; behaviour belongs in docs/assets/javascripts/."
               for h in found.handlers]
    errors += [f"{where}: javascript: URL {u}. Link to a page or a section instead." for u in found.javascript_urls]
    return errors


def same_scope(html: str, site_url: str) -> str:
    """Material's scope as the edition's absolute path ("/repo/es/")."""
    path = urlsplit(site_url).path or "/"
    return _SCOPE.sub(lambda m: f"{m[1]}{m[2]}{path}{m[2]}", html)


def apply(site: "Site") -> None:
    """The policy in every page of one edition, after any check that the
    built pages run no code the policy would have to allow unsafely."""
    texts = {path: same_scope(_POLICY_META.sub("", text), site.url) for path, text in site.pages.items()}
    errors = []
    for path, text in texts.items():
        found = ScriptFinder(text)
        where = site.name(path)
        errors += [f"{where}: inline event handler {h}" for h in found.handlers]
        errors += [f"{where}: javascript: URL {u}" for u in found.javascript_urls]
    if errors:
        raise SiteError("Content Security Policy: the built site runs code the policy would have to allow "
                        "with 'unsafe-inline'. Check the theme overrides and plugins:\n  " + "\n  ".join(errors))
    hashes = set().union(*(inline_script_hashes(text) for text in texts.values()))
    styles = set().union(*(bundle_style_hashes(path.read_text(encoding="utf-8"))
                           for path in site.files("assets/javascripts/bundle.*.js")))
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(site.url, hashes, styles)}">'
    for path, text in texts.items():
        charset = _CHARSET.search(text)
        if not charset:
            raise SiteError(f'{site.name(path)}: no <meta charset="utf-8"> to put the Content Security Policy '
                            "after. The policy must come before any script; check the page's template.")
        site.pages[path] = text[:charset.end()] + meta + text[charset.end():]
