"""Lighthouse on the article page: ours against plain Material on the same text (`make bench`).

Part of `make bench` (`tests/bench.py` calls `lighthouse_section()` and puts its dict in the
JSON report); alone: `python -m tests.bench_lighthouse [--site DIR] [--runs N] [--baseline
NAME=DIR ...] [--json PATH]`. Lighthouse (npm `lighthouse`, pinned in package.json) runs its
defaults: mobile form factor, simulated throttling (slow 4G, 4x CPU slowdown), performance
category only, against Debian's Chromium (headless, the tests' flags), offline, on
`runners-knee/` served by the bench's test server as a gzip host on loopback.

Pages measured in the same run, their runs interleaved so machine load falls on all alike:
- `ours`: the real site as `make build` builds it;
- `plain`: the same `content/` and mkdocs.yml settings (theme, palette, features, Markdown
  extensions) built by plain Material: no edusite plugin, no `custom_dir`. Quiz and care
  blocks and citations stay as plain text there, so it has the article's text but none of
  our additions: what that page costs is Material's own;
- any `--baseline NAME=DIR`: another built site (for example `main` before a change), so
  before and after are measured under the same machine load.

Per page: the median over the runs of the score, FCP, LCP, TBT, CLS, Speed Index, total byte
weight and DOM size (each run's score, TBT and CPU index too), and from the run with the
median score the bytes by owner (edusite's files, Material's, the page itself, images and
data), main-thread time by script and the top opportunities and diagnostics. Simulated
metrics scale with the CPU time observed on this machine: on a loaded machine they vary a lot
from run to run (Lighthouse's `benchmarkIndex` is kept, higher is faster), so compare pages
measured in the same run, not across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, build_site

ARTICLE = "runners-knee/"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
TARGET_SCORE = 0.95
"""Issue 9: Lighthouse mobile performance on a gzip host at least 0.95."""
METRICS = {
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "speed_index_ms": "speed-index",
    "bytes": "total-byte-weight",
    "dom_elements": "dom-size",
}
OURS_PREFIXES = (
    "_edusite/",
    "assets/javascripts/edusite-",
    "assets/javascripts/material-",  # our files in place of Material's inline scripts (CSP)
    "assets/stylesheets/edusite-",
)
"""Site paths of files the edusite plugin or this site adds (the rest of `assets/` is
Material's)."""


def plain_material_site(dest: Path, config_file: Path = ROOT / "mkdocs.yml") -> Path:
    """Build `config_file`'s pages with plain Material (no edusite, no custom_dir) into
    `dest`; return `dest`."""
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    config["theme"].pop("custom_dir", None)
    config["plugins"] = ["search"]
    config["docs_dir"] = str((config_file.parent / config["docs_dir"]).resolve())
    plain = dest.parent / f"{dest.name}-plain.yml"
    plain.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    build_site(dest, plain)
    return dest


def run_lighthouse(url: str, work: Path) -> dict[str, Any]:
    """One Lighthouse run with its defaults (mobile, simulated throttling); the raw report."""
    out = work / "lighthouse.json"
    done = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--only-categories=performance",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            "--chrome-flags=" + " ".join(CHROMIUM_ARGS),
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stderr[-3000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def owner(url: str, origin: str) -> str:
    """Whose file a request is: `edusite`, `material`, `page` (the HTML) or `content`."""
    path = url.removeprefix(origin).split("?", 1)[0]
    if path.startswith(OURS_PREFIXES):
        return "edusite"
    if path.startswith("assets/"):
        return "material"
    if path.endswith("/") or path.endswith(".html"):
        return "page"
    return "content"  # images, the search index, the sitemap


def _items(audit: dict[str, Any]) -> list[dict[str, Any]]:
    return audit.get("details", {}).get("items", [])


def summarise(lhr: dict[str, Any], origin: str) -> dict[str, Any]:
    """The figures of one Lighthouse report that the bench keeps."""
    audits = lhr["audits"]
    figures: dict[str, Any] = {
        "score": lhr["categories"]["performance"]["score"],
        **{key: round(audits[audit]["numericValue"], 3) for key, audit in METRICS.items()},
    }
    by_owner: dict[str, int] = {}
    for item in _items(audits["network-requests"]):
        if item["url"].startswith(origin):
            kind = owner(item["url"], origin)
            by_owner[kind] = by_owner.get(kind, 0) + item["transferSize"]
    figures["bytes_by_owner"] = by_owner
    figures["main_thread_ms_by_script"] = {
        item["url"].removeprefix(origin): round(item["total"])
        for item in _items(audits["bootup-time"])
    }
    findings = []
    for ref in lhr["categories"]["performance"]["auditRefs"]:
        audit = audits[ref["id"]]
        if ref.get("group") != "diagnostics" or audit.get("score") in (None, 1):
            continue
        if audit["scoreDisplayMode"] in ("notApplicable", "informative", "manual", "error"):
            continue
        savings = audit.get("metricSavings") or {}
        findings.append(
            {
                "id": ref["id"],
                "shown": audit.get("displayValue", ""),
                "savings_ms": savings,
                "score": audit["score"],
            }
        )
    findings.sort(key=lambda f: (-sum(f["savings_ms"].values()), f["score"]))
    figures["findings"] = findings[:8]
    figures["errored_audits"] = sorted(
        key for key, audit in audits.items() if audit.get("scoreDisplayMode") == "error"
    )
    figures["benchmark_index"] = lhr["environment"]["benchmarkIndex"]
    return figures


def lighthouse_section(pages: dict[str, Path], runs: int = 3) -> dict[str, Any]:
    """Lighthouse on `ARTICLE` of each named site, `runs` times, interleaved; per site the
    medians and the median-score run's details (a dict for the bench's JSON report)."""
    from tests.bench import Link, serve  # the bench's server, as a gzip host

    results: dict[str, list[dict[str, Any]]] = {name: [] for name in pages}
    with tempfile.TemporaryDirectory(prefix="edusite-lighthouse-") as tmp:
        for run in range(runs):
            for name, site in pages.items():
                print(f"lighthouse: {name}, run {run + 1} of {runs} ...", flush=True)
                with serve(site, Link(), gzip_host=True) as url:
                    results[name].append(summarise(run_lighthouse(url + ARTICLE, Path(tmp)), url))
    section: dict[str, Any] = {
        "page": ARTICLE,
        "host": "gzip, loopback",
        "settings": "Lighthouse 12.2.3 defaults: mobile, simulated throttling",
        "target_score": TARGET_SCORE,
        "runs": runs,
        "pages": {},
    }
    for name, found in results.items():
        kept = sorted(found, key=lambda r: r["score"])[(len(found) - 1) // 2]
        medians = {key: statistics.median(r[key] for r in found) for key in ("score", *METRICS)}
        each = {key: [r[key] for r in found] for key in ("score", "tbt_ms", "benchmark_index")}
        section["pages"][name] = {**kept, **medians, "each_run": each}
    return section


def print_lighthouse(section: dict[str, Any]) -> None:
    """Each page's figures, and ours against plain Material's as ratios."""
    pages = section["pages"]
    print(
        f"\nLighthouse, {section['page']} ({section['settings']}; {section['host']}; "
        f"medians of {section['runs']} runs):"
    )
    print(f"  {'':<10} score   FCP s   LCP s  TBT ms    CLS    SI s      KB   DOM")
    for name, p in pages.items():
        print(
            f"  {name:<10} {p['score']:5.2f} {p['fcp_ms'] / 1000:7.2f} {p['lcp_ms'] / 1000:7.2f}"
            f" {p['tbt_ms']:7.0f} {p['cls']:6.3f} {p['speed_index_ms'] / 1000:7.2f}"
            f" {p['bytes'] / 1024:7.0f} {p['dom_elements']:5.0f}   scores {p['each_run']['score']}"
        )
    if "ours" in pages and "plain" in pages:
        ours, plain = pages["ours"], pages["plain"]
        ratios = ", ".join(
            f"{key.removesuffix('_ms')} x{ours[key] / plain[key]:.2f}"
            for key in ("tbt_ms", "lcp_ms", "bytes", "dom_elements")
            if plain[key]
        )
        print(
            f"  ours against plain Material: score {ours['score'] - plain['score']:+.2f}, {ratios}"
        )
    for name, p in pages.items():
        owners = ", ".join(f"{k} {v / 1024:.0f} KB" for k, v in sorted(p["bytes_by_owner"].items()))
        top = ", ".join(f"{f['id']} ({f['shown']})" for f in p["findings"][:5])
        print(f"  {name}: bytes by owner: {owners}; CPU benchmark index {p['benchmark_index']:.0f}")
        print(f"  {name}: top findings: {top or 'none'}")
    print(f"  target: score at least {section['target_score']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--baseline",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="also measure another built site in the same run (repeatable)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="edusite-lighthouse-sites-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site)
        pages = {"ours": site, "plain": plain_material_site(Path(tmp) / "plain")}
        pages.update({b.split("=", 1)[0]: Path(b.split("=", 1)[1]) for b in args.baseline})
        section = lighthouse_section(pages, args.runs)
    print_lighthouse(section)
    if args.json:
        args.json.write_text(json.dumps(section, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
