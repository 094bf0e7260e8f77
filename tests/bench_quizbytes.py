"""A page's quiz download at catalogue size: the quiz Python one article page makes the
reader download, on generated sites of 1 and 400 articles (issue 9: at 400 at most 1.1x).

Part of `make bench` (`tests/bench.py` puts `quiz_bytes()` in the JSON report); alone:
`python -m tests.bench_quizbytes [--articles 1 400]`. For each size, `tests/sitegen.py`
writes the site and it is built as `make build` does; then the first article's page is read
as the browser reads it: the runtime JSON on each of its quiz forms names the shared bundle
and the quiz's own bundle, whose files' sizes are summed (each file once). Measured from
the built files, not the wire: the bundles are zips, which no host compresses further. The
whole-site wheel the compiler still writes (for `edusite quizc` and the build's Pyodide run)
is reported beside it: it is what every page downloaded before per-page bundles.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from tests.sitegen import slug, write_site

COUNTS = (1, 400)
TARGET_RATIO = 1.1
"""Issue 9: a page's quiz download at 400 articles at most 1.1x its download at 1 article."""
_RUNTIME = re.compile(r"data-edusite-runtime='([^']+)'")


def page_quiz_files(site: Path, page: str) -> dict[str, int]:
    """The quiz files the page at `page` (site-relative folder) has the browser download:
    file name -> bytes."""
    text = (site / page / "index.html").read_text(encoding="utf-8")
    urls = set()
    for found in _RUNTIME.finditer(text):
        runtime = json.loads(html.unescape(found.group(1)))
        urls.add(runtime["shared"])
        if runtime.get("quiz"):
            urls.add(runtime["quiz"]["bundle"])
    return {unquote(u).rsplit("/", 1)[-1]: (site / unquote(u)).stat().st_size for u in urls}


def whole_wheel_bytes(project: Path) -> int:
    """The size of the wheel of every quiz module, from the build's compile cache."""
    [wheel] = (project / ".cache" / "edusite" / "quizc").glob("*/*.whl")
    return wheel.stat().st_size


def measure_size(count: int, work: Path) -> dict[str, Any]:
    """Build a generated site of `count` articles; its first article's quiz download."""
    project = write_site(work / f"articles-{count}", count)
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", "site"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{done.stderr[-3000:]}")
    files = page_quiz_files(project / "site", f"{slug(1)}/")
    return {
        "files": files,
        "bytes": sum(files.values()),
        "whole_wheel_bytes": whole_wheel_bytes(project),
    }


def quiz_bytes(counts: tuple[int, ...] = COUNTS) -> dict[str, Any]:
    """The first article's quiz download at each size, and largest / smallest as `ratio`
    (with the same ratio for the whole-site wheel, what a page downloaded before)."""
    with tempfile.TemporaryDirectory(prefix="edusite-bench-quizbytes-") as tmp:
        sizes = {str(n): measure_size(n, Path(tmp)) for n in counts}
    low, high = sizes[str(min(counts))], sizes[str(max(counts))]
    return {
        "target_ratio": TARGET_RATIO,
        "page": f"{slug(1)}/",
        "articles": sizes,
        "ratio": round(high["bytes"] / low["bytes"], 3),
        "ratio_whole_wheel": round(high["whole_wheel_bytes"] / low["whole_wheel_bytes"], 3),
    }


def print_quiz_bytes(report: dict[str, Any]) -> None:
    print(f"\nQuiz bytes one article page downloads ({report['page']}), generated articles:")
    for count, size in report["articles"].items():
        files = ", ".join(f"{name} {n / 1000:.1f} KB" for name, n in sorted(size["files"].items()))
        print(
            f"  {count:>4} articles: {size['bytes'] / 1000:.1f} KB ({files}); the whole-site "
            f"wheel: {size['whole_wheel_bytes'] / 1000:.1f} KB"
        )
    counts = list(report["articles"])
    print(
        f"  {counts[-1]} / {counts[0]} articles: x{report['ratio']:.3f} (the whole-site wheel: "
        f"x{report['ratio_whole_wheel']:.2f}); target: at most x{report['target_ratio']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=list(COUNTS))
    args = parser.parse_args()
    print_quiz_bytes(quiz_bytes(tuple(args.articles)))


if __name__ == "__main__":
    main()
