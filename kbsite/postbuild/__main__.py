"""python -m kbsite.postbuild [SITE_DIR] [--config mkdocs.yml]

Runs the post-build steps (kbsite.postbuild) over a built site: each edition
that the configuration lists, at the address it gives (site_url, or
SITE_URL in the environment, as the build reads it). Exit status 1, with the
file and the fix, when a check fails."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kbsite import project
from kbsite.errors import SiteError
from kbsite.postbuild import STEPS, run_edition


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kbsite.postbuild", description=__doc__.split("\n\n")[1])
    parser.add_argument("site_dir", nargs="?", default="site", type=Path)
    parser.add_argument("--config", default="mkdocs.yml", type=Path)
    parser.add_argument("--no-policy", action="store_true",
                        help="no Content Security Policy (for a preview server that injects its own script)")
    args = parser.parse_args(argv)
    try:
        for edition in project.editions(project.load(args.config), args.config):
            root = args.site_dir / edition.path
            if not (root / "index.html").is_file():
                raise SiteError(f"{root}/index.html: missing. Build the site first (make build), or give the "
                                "folder it was built into.")
            site, _ = run_edition(args.config, edition.code, root, label=f"{args.site_dir.as_posix()}/{edition.path}",
                                  policy=not args.no_policy)
            print(f"{site.label}: {len(site.pages)} pages done ({', '.join(STEPS)})")
    except SiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
