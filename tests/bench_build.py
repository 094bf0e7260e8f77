"""Build time at catalogue size: the edusite build against plain Material on the same pages.

Part of `make bench` (`tests/bench.py` calls `build_times()` and puts its dict in the JSON
report); alone: `python -m tests.bench_build [--articles 100 400] [--runs N] [--profile DIR]`.
For each size, `tests/sitegen.py` writes N synthetic articles, then each is built as
`make build` does (`mkdocs build --strict --clean`, in a subprocess):

- `plain`: the same pages with Material and its search plugin only (no edusite);
- `edusite_cold`: our build with an empty compile cache (quizzes and standard library
  compiled from scratch, as on a CI machine that keeps no cache);
- `edusite`: our build again with the cache the cold one left (an editor's machine, or CI
  that keeps `.cache/edusite`).

Each is timed as wall-clock seconds and as CPU seconds of the build and every process it
started (user + system): on a shared machine the CPU figure is the steadier one. The best of
`runs` is kept. `--profile DIR` also writes a cProfile of each warm edusite build.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.sitegen import write_site

COUNTS = (100, 400)
TARGET_RATIO = 1.5
"""Issue 9: a full build at most 1.5x plain Material on 400 generated articles."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(project: Path, config: str, profile: Path | None = None) -> dict[str, float]:
    """Build `project` with `config` into `site/`; wall and CPU seconds."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q"]
    if profile is not None:
        command[1:3] = ["-m", "cProfile", "-o", str(profile), "-m", "mkdocs"]
    command += ["--config-file", config, "--site-dir", str(project / "site")]
    cpu, start = _children_cpu(), time.perf_counter()
    done = subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    wall, cpu = time.perf_counter() - start, _children_cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError(f"build of {project} ({config}) failed:\n{done.stderr[-3000:]}")
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2)}


def _best(results: list[dict[str, float]]) -> dict[str, float]:
    return {key: min(r[key] for r in results) for key in results[0]}


def _ratios(ours: dict[str, float], plain: dict[str, float]) -> dict[str, float]:
    return {key: round(ours[key] / plain[key], 2) for key in ours}


def time_size(count: int, runs: int, work: Path, profile_dir: Path | None) -> dict[str, Any]:
    """The three builds of one generated site of `count` articles."""
    project = write_site(work / f"articles-{count}", count)
    plain, cold, warm = [], [], []
    for run in range(runs):
        shutil.rmtree(project / ".cache", ignore_errors=True)
        plain.append(timed_build(project, "plain.yml"))
        cold.append(timed_build(project, "mkdocs.yml"))
        profile = profile_dir / f"edusite-{count}.prof" if profile_dir and run == 0 else None
        warm.append(timed_build(project, "mkdocs.yml", profile))
    result = {"plain": _best(plain), "edusite_cold": _best(cold), "edusite": _best(warm)}
    result["ratio"] = _ratios(result["edusite"], result["plain"])
    result["ratio_cold"] = _ratios(result["edusite_cold"], result["plain"])
    if profile_dir:  # the profiled run is slower: time the warm build again without it
        result["edusite"] = _best([*warm[1:], timed_build(project, "mkdocs.yml")])
        result["ratio"] = _ratios(result["edusite"], result["plain"])
    return result


def build_times(
    counts: tuple[int, ...] = COUNTS, runs: int = 1, profile_dir: Path | None = None
) -> dict[str, Any]:
    """Build times of plain Material and edusite on generated sites, with ratios (a dict for
    the bench's JSON report)."""
    with tempfile.TemporaryDirectory(prefix="edusite-bench-build-") as tmp:
        sizes = {str(n): time_size(n, runs, Path(tmp), profile_dir) for n in counts}
    return {"target_ratio": TARGET_RATIO, "runs": runs, "articles": sizes}


def print_build_times(report: dict[str, Any]) -> None:
    print(
        "\nBuild time, generated articles (mkdocs build --strict --clean; best of "
        f"{report['runs']}): wall s / CPU s"
    )
    for count, sizes in report["articles"].items():
        plain, cold, warm = sizes["plain"], sizes["edusite_cold"], sizes["edusite"]
        print(
            f"  {count:>4} articles: plain Material {plain['wall_s']:.1f} / {plain['cpu_s']:.1f}"
            f"; edusite {warm['wall_s']:.1f} / {warm['cpu_s']:.1f} "
            f"(x{sizes['ratio']['wall_s']:.2f} / x{sizes['ratio']['cpu_s']:.2f})"
            f"; empty cache {cold['wall_s']:.1f} / {cold['cpu_s']:.1f} "
            f"(x{sizes['ratio_cold']['wall_s']:.2f} / x{sizes['ratio_cold']['cpu_s']:.2f})"
        )
    print(f"  target: at most x{report['target_ratio']} at 400 articles")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=list(COUNTS))
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--profile", type=Path, help="write cProfile files into this folder")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if args.profile:
        args.profile.mkdir(parents=True, exist_ok=True)
    report = build_times(tuple(args.articles), args.runs, args.profile)
    print_build_times(report)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
