"""Part of the MkDocs adapter (with hooks/knowledge_base.py): every edition
built with MkDocs, one after another, each from its generated configuration
(kbsite.editions.write_configs), so no build runs inside another.

  python -m kbsite.mkdocs_build build [--site-dir DIR] [--config-file FILE] [--edition CODE]
  python -m kbsite.mkdocs_build serve [--dev-addr HOST:PORT] [--edition CODE]

`build` is `make build`: each edition's build, then its post-build steps
(kbsite.postbuild, as after any generator's build). `serve` is `make serve`
(EDITION=es: that edition alone, faster): MkDocs' own live-reload server,
whose builder builds the editions, watching what `mkdocs serve` would plus
every edition's sources.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import build as build_site
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer, _serve_url

from kbsite import checks, editions, postbuild, project, review_dates, translation_status
from kbsite.errors import SiteError

log = logging.getLogger("mkdocs.kbsite")


def build(config_file: Path, site_dir: Path | None = None, *, command: str = "build", site_url: str | None = None,
          only: str | None = None, dirty: bool = False, strict: bool | None = None, postbuild_steps: bool = True) -> None:
    """Every edition (or the one of language `only`), the first language
    first, since its build empties the site's folder. Each configuration is
    loaded and built on its own, with its plugins started and shut down
    around it, as `mkdocs build` does; its file is removed afterwards.
    `dirty` and `strict`: `mkdocs build`'s --dirty and --strict/--no-strict.
    After each edition's build, its post-build steps (kbsite.postbuild), as
    after any generator's; `postbuild_steps=False` leaves them to
    `python -m kbsite.postbuild`."""
    config_file = Path(config_file).resolve()
    review_dates.today()   # a bad SOURCE_DATE_EPOCH, named here rather than in MkDocs' traceback
    # Translations behind their English page: each page says so; the editor hears it here.
    raw = project.load(config_file)
    for line in translation_status.audit(config_file.parent / (raw.get("docs_dir") or "docs")):
        log.info(line.replace(config_file.parent.as_posix() + "/", ""))
    # A file of this build's own: another build of the same project (a test
    # worker, `make serve` beside `make build`) writes its own.
    written = editions.write_configs(config_file, site_dir=site_dir, site_url=site_url,
                                     name=f".edition.{{code}}.{os.getpid()}.yml")
    try:
        codes = [code for code, _ in written]
        if only is not None and only not in codes:
            raise SiteError(f"{config_file.name}: there is no edition {only!r}; extra.languages lists "
                            f"{', '.join(codes)}.")
        shared_checked = False
        for code, path in written:
            if only is None or code == only:
                config = load_config(config_file=str(path), **({} if strict is None else {"strict": strict}))
                if not shared_checked:
                    # The files every edition shares, once a build (kbsite.checks).
                    checks.run_site_checks(config, config_file.parent, checks.SHARED_CHECKS)
                    shared_checked = True
                config.plugins.on_startup(command=command, dirty=dirty)
                try:
                    build_site(config, dirty=dirty)
                finally:
                    config.plugins.on_shutdown()
                if postbuild_steps:
                    run_postbuild(config, dirty=dirty, policy=command != "serve")
    finally:
        for _, path in written:
            path.unlink(missing_ok=True)


def run_postbuild(config, *, dirty: bool, policy: bool) -> None:
    """The post-build steps over the edition just built into config.site_dir."""
    # Material's own stylesheets: a --dirty build finds our trimmed ones in the site.
    theme = next((Path(d) / "assets" / "stylesheets" for d in config.theme.dirs
                  if list(Path(d).glob("assets/stylesheets/main.*.min.css"))), None)
    # `serve` injects its own inline live-reload script, which a policy would block.
    postbuild.run_edition(Path(config.config_file_path), config.theme["language"], Path(config.site_dir),
                          partial=dirty, theme_stylesheets=theme, policy=policy)


def serve(config_file: Path, dev_addr: str, *, only: str | None = None) -> None:
    """MkDocs' live-reload server over a temporary folder, rebuilt (every
    edition, or `only`) whenever a source changes."""
    config_file = Path(config_file).resolve()
    config = load_config(config_file=str(config_file))
    host, port = dev_addr.rsplit(":", 1)
    mount_path = urlsplit(config.site_url or "/").path
    serve_url = _serve_url(host, int(port), mount_path)
    site_dir = Path(tempfile.mkdtemp(prefix="kbsite_serve_"))

    def builder(_config=None) -> None:
        log.info("Building the site...")
        build(config_file, site_dir, command="serve", site_url=serve_url, only=only)

    server = LiveReloadServer(builder=builder, host=host, port=int(port), root=str(site_dir), mount_path=mount_path)
    server.error_handler = lambda code: (site_dir / "404.html").read_bytes() \
        if code == 404 and (site_dir / "404.html").is_file() else None
    try:
        builder()
        for path in [config.docs_dir, str(config_file), *config.watch, *(d for d in config.theme.dirs
                                                                          if Path(d).is_relative_to(config_file.parent))]:
            server.watch(path)
        if only is not None:
            log.info(f"Serving the {only} edition only, at {serve_url}{editions.folder(only)}/")
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kbsite.mkdocs_build", description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("build", "serve"))
    parser.add_argument("--config-file", "-f", default="mkdocs.yml", type=Path)
    parser.add_argument("--site-dir", "-d", type=Path, help="build: the site's folder (default: site_dir)")
    parser.add_argument("--dev-addr", "-a", default="127.0.0.1:8000", help="serve: HOST:PORT")
    parser.add_argument("--edition", "-e", help="one edition's language code (es, zh-Hant, ...) only")
    parser.add_argument("--dirty", action="store_true", help="build: only what changed, as mkdocs build --dirty")
    parser.add_argument("--no-postbuild", action="store_true",
                        help="build: leave the post-build steps to python -m kbsite.postbuild")
    parser.add_argument("--strict", action=argparse.BooleanOptionalAction, default=None,
                        help="build: fail on warnings (default: the configuration's `strict`)")
    args = parser.parse_args(argv)
    # MkDocs' own command line shows its log so; here, likewise.
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        if args.command == "build":
            build(args.config_file, args.site_dir and args.site_dir.resolve(), only=args.edition, dirty=args.dirty,
                  strict=args.strict, postbuild_steps=not args.no_postbuild)
        else:
            serve(args.config_file, args.dev_addr, only=args.edition)
    except (SiteError, MkDocsException) as error:
        log.error(str(error))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
