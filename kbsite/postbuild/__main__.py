"""python -m kbsite.postbuild [SITE_DIR] [--config mkdocs.yml] [--record-permalinks]

Runs the post-build steps (kbsite.postbuild) over a built site: each edition
that the configuration lists, at the address it gives (site_url, or
SITE_URL in the environment, as the build reads it). Exit status 1, with the
file and the fix, when a check fails. `--record-permalinks` (make
permalinks) first records the section ids the first language's pages
publish that permalinks.yml does not list yet; it never removes one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kbsite import project
from kbsite.errors import SiteError
from kbsite.permalinks import REGISTRY
from kbsite.postbuild import STEPS, run_edition


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kbsite.postbuild", description=__doc__.split("\n\n")[1])
    parser.add_argument("site_dir", nargs="?", default="site", type=Path)
    parser.add_argument("--config", default="mkdocs.yml", type=Path)
    parser.add_argument("--no-policy", action="store_true",
                        help="no Content Security Policy (for a preview server that injects its own script)")
    parser.add_argument("--record-permalinks", action="store_true",
                        help="record the new section ids in permalinks.yml first (make permalinks)")
    args = parser.parse_args(argv)
    try:
        for index, edition in enumerate(project.editions(project.load(args.config), args.config)):
            root = args.site_dir / edition.path
            if not (root / "index.html").is_file():
                raise SiteError(f"{root}/index.html: missing. Build the site first (make build), or give the "
                                "folder it was built into.")
            site, recorded = run_edition(args.config, edition.code, root, label=f"{args.site_dir.as_posix()}/{edition.path}",
                                         policy=not args.no_policy, record_new_ids=args.record_permalinks and index == 0)
            for url, ids in recorded.items():
                print(f"{REGISTRY}: recorded {', '.join('#' + i for i in ids)} under {url}")
            print(f"{site.label}: {len(site.pages)} pages done ({', '.join(STEPS)})")
    except SiteError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
