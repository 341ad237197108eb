"""`make bench`: every benchmark, one after another, then their tables
written into benchmarks/RESULTS.md with the commit, the date, how long the
run took and the machine.

RESULTS.md keeps what is above its RESULTS_MARKER line (the before and
after of the check sets, written by hand with each round's note) and gets
everything below it anew. Run it alone on the machine: the figures are
times.
"""

from __future__ import annotations

import datetime
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "RESULTS.md"
RESULTS_MARKER = "<!-- make bench writes everything below this line -->"
SCRIPTS = ["crisis.py", "search_check.py", "search.py", "tags_boost.py", "site.py", "print_pages.py", "features.py",
           "zensical.py"]


def machine() -> str:
    """The machine, as a run's figures need it said."""
    cores = os.cpu_count()
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text())[1])
        memory = f", {round(kib / 1024 / 1024)} GiB"
    def version(*command: str) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True).stdout.strip()
        except OSError:
            return ""
    node = version("node", "--version").lstrip("v") or "none"
    chromium = version("chromium", "--version") or "no Chromium on PATH"
    return (f"{cores} cores{memory}, {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, Node.js {node}, {chromium}")


def tables(output: str) -> str:
    """A benchmark's printed tables and sentences, without the progress lines
    some print while they work."""
    keep = [line for line in output.splitlines() if not re.match(r"(lighthouse|INFO|WARNING)\b", line)]
    return "\n".join(keep).strip()


def write(results: Path, sections: list[str], commit: str, seconds: float, when: datetime.date, on: str) -> None:
    """RESULTS.md: what is above the marker as it is, with its Run line
    brought up to date, then this run's sections."""
    text = results.read_text(encoding="utf-8") if results.is_file() else f"# Speed and size: results of `make bench`\n\n{RESULTS_MARKER}\n"
    if RESULTS_MARKER not in text:
        raise SystemExit(f"{results}: no line {RESULTS_MARKER!r}; put it where the run's tables begin.")
    head = text.split(RESULTS_MARKER, 1)[0]
    minutes, rest = divmod(round(seconds), 60)
    run = f"- **Run:** {when.isoformat()}, at commit {commit} ({minutes} min {rest} s), alone on the machine."
    head = re.sub(r"^- \*\*Run:\*\*.*$", run, head, count=1, flags=re.M)
    head = re.sub(r"^- \*\*Machine:\*\*.*$", f"- **Machine:** {on}.", head, count=1, flags=re.M)
    results.write_text(head + RESULTS_MARKER + "\n\n" + "\n\n".join(sections) + "\n", encoding="utf-8")


def main() -> int:
    started = time.monotonic()
    sections = []
    for script in SCRIPTS:
        print(f"benchmarks/{script}", flush=True)
        result = subprocess.run([sys.executable, str(HERE / script)], cwd=ROOT, capture_output=True, text=True)
        print(result.stdout, end="", flush=True)
        if result.returncode != 0:
            print(result.stderr, file=sys.stderr)
            print(f"benchmarks/{script} failed: {RESULTS.name} is left as it was.", file=sys.stderr)
            return 1
        sections.append(tables(result.stdout))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True,
                           text=True).stdout.strip()
    write(RESULTS, sections, commit + (" with uncommitted changes" if dirty else ""), time.monotonic() - started,
          datetime.date.today(), machine())
    print(f"{RESULTS.relative_to(ROOT)}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
