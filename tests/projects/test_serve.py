"""The editors' preview: `make serve` (python -m kbsite.mkdocs_build serve)
serves every edition with live reload, which the published site's Content
Security Policy would block; `make serve EDITION=es` serves one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from sitebuild import BUILD_ENV, ROOT, copy_project, site_prefix


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    # mkdocs serve answers once its rebuild is done: every edition, Chinese
    # with jieba too, which on a busy 2-core machine can take over 5 s.
    return urllib.request.urlopen(url, timeout=30).read().decode()


def _preview(cwd, path: str, *options: str) -> tuple[subprocess.Popen, str, str]:
    """`make serve` (with `options`) in `cwd`: the running server, the
    address of `path` under it, and that page's HTML once it answers."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kbsite.mkdocs_build", "serve", "--dev-addr", f"127.0.0.1:{port}", *options],
        cwd=cwd, env={**os.environ, **BUILD_ENV}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}{path}"
    deadline = time.monotonic() + 60
    while True:
        try:
            return server, url, urllib.request.urlopen(url, timeout=5).read().decode()
        except OSError:
            if server.poll() is not None or time.monotonic() >= deadline:
                server.terminate()
                raise AssertionError(f"the preview did not start: {server.stderr.read() if server.poll() is not None else ''}")
            time.sleep(0.5)


def test_preview_serves_pages_with_live_reload(config, tmp_path):
    # A copy of the project, so the test can edit a page as an editor does.
    project = copy_project(tmp_path / "project")
    server, url, html = _preview(project, f"{site_prefix(config)}safety/")
    try:
        assert "livereload(" in html
        assert "Content-Security-Policy" not in html
        assert "Safety, side effects and who should not have ketamine" in html
        # The Spanish edition, built by the same preview, reloads too: an
        # edit to a Spanish page is rebuilt and served.
        spanish_url = url.replace("/safety/", "/es/safety/")
        spanish = _get(spanish_url)
        assert "livereload(" in spanish and "Content-Security-Policy" not in spanish
        assert "Seguridad, efectos secundarios y quién no debe recibir ketamina" in spanish
        page = project / "docs" / "es" / "safety.md"
        page.write_text(page.read_text().replace("# Seguridad, efectos", "# Seguridad (revisado), efectos"))
        deadline = time.monotonic() + 60
        while "Seguridad (revisado)" not in _get(spanish_url):
            assert time.monotonic() < deadline, "the preview did not rebuild the edited Spanish page"
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_preview_of_one_edition_serves_that_edition_alone(config, tmp_path):
    # `make serve EDITION=es`: one build, not five.
    server, url, html = _preview(ROOT, f"{site_prefix(config)}es/safety/", "--edition", "es")
    try:
        assert "livereload(" in html and "Seguridad, efectos secundarios" in html
        try:
            urllib.request.urlopen(url.replace("/es/safety/", "/safety/"), timeout=5)
            raise AssertionError("the English edition was built too")
        except urllib.error.HTTPError as error:
            assert error.code == 404
    finally:
        server.terminate()
        server.wait(timeout=10)
