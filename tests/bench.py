"""Speed benchmark of the quiz runtime: prints figures and ratios (it is not a test).

Run with `make bench` (`python -m tests.bench [--runs N] [--slow-runs N] [--mbps M]
[--latency-ms L] [--build-articles N ...]`).
It builds the real site, serves it on 127.0.0.1 and drives Debian's Chromium with a fresh
profile (empty cache) per run, measuring:

- bytes a reader downloads for the article before any quiz starts loading (and for the
  home page, which has no quiz);
- time from the quiz starting to load until Python and the quizzes are ready, and the bytes
  that costs, with the byte-compiled standard library and with Pyodide's own (source) one;
- time from submitting answers to the result being shown;
- build time of plain Material and of edusite on 100 and 400 generated articles
  (`tests/bench_build.py`).

Chrome's network throttling (CDP) does not reach dedicated workers, where Pyodide loads, so
the slow-network profile throttles at the server: one token bucket shared by all
connections (`--mbps`) plus a delay before each response (`--latency-ms`).
"""

from __future__ import annotations

import argparse
import functools
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, sync_playwright

from tests.bench_build import COUNTS, build_times, print_build_times
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, StaticHandler, build_site

PLAIN_STDLIB = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
QUIZ = "shoe-mileage-check"
FORM = f'form.edusite-quiz[data-quiz-id="{QUIZ}"]'


class Link:
    """A shared bandwidth limit and per-response delay; counts the bytes sent."""

    def __init__(self, bytes_per_second: float | None, latency: float) -> None:
        self.rate = bytes_per_second
        self.latency = latency
        self.sent = 0
        self.by_path: dict[str, int] = {}
        self._lock = threading.Lock()
        self._free_at = time.monotonic()

    def reset(self) -> None:
        with self._lock:
            self.sent = 0
            self.by_path = {}

    def send(self, chunk_size: int, path: str = "") -> None:
        with self._lock:
            self.sent += chunk_size
            self.by_path[path] = self.by_path.get(path, 0) + chunk_size
            if not self.rate:
                return
            now = time.monotonic()
            self._free_at = max(self._free_at, now) + chunk_size / self.rate
            wait = self._free_at - now
        time.sleep(wait)


class BenchHandler(StaticHandler):
    """Serves the site through a `Link`; can swap in Pyodide's source stdlib."""

    link: Link
    source_stdlib = False

    def translate_path(self, path: str) -> str:
        if self.source_stdlib and "/python_stdlib-pyc-" in path:
            return str(PLAIN_STDLIB)
        return super().translate_path(path)

    def send_head(self):
        if self.link.latency:
            time.sleep(self.link.latency)
        return super().send_head()

    def copyfile(self, source, outputfile) -> None:
        while chunk := source.read(16 * 1024):
            self.link.send(len(chunk), self.path)
            outputfile.write(chunk)


@contextmanager
def serve(site: Path, link: Link, source_stdlib: bool) -> Iterator[str]:
    handler = type("Handler", (BenchHandler,), {"link": link, "source_stdlib": source_stdlib})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


SUBMIT_TIMES = """async ([selector, n]) => {
  const form = document.querySelector(selector);
  const region = form.querySelector(".edusite-quiz__result");
  form.querySelector("input[name=distance]").value = "350";
  const times = [];
  for (let i = 0; i < n; i++) {
    region.replaceChildren();
    const shown = new Promise((resolve) => new MutationObserver((_, observer) => {
      if (region.childNodes.length) { observer.disconnect(); resolve(); }
    }).observe(region, { childList: true }));
    const start = performance.now();
    form.requestSubmit();
    await shown;
    times.push(performance.now() - start);
  }
  return times;
}"""


def one_run(browser: Browser, url: str, link: Link, submits: int) -> dict[str, Any]:
    """A cold visit to the article: bytes before the quiz, boot time and bytes, submit times."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        link.reset()
        page.goto(url + "runners-knee/", wait_until="networkidle")
        page.wait_for_timeout(300)
        assert page.evaluate("window.edusiteQuiz.state") == "idle", "quiz started too early"
        before = link.sent
        quiz_code = sum(n for path, n in link.by_path.items() if "/_edusite/" in path)
        page.locator(f"{FORM} input[name=distance]").focus()
        page.wait_for_function("() => window.edusiteQuiz.state === 'ready'", timeout=600_000)
        timings = page.evaluate("window.edusiteQuiz.timings")
        boot_bytes = link.sent - before
        times = page.evaluate(SUBMIT_TIMES, [FORM, submits]) if submits else []
        return {
            "before": before,
            "quiz_code": quiz_code,
            "ready_ms": timings["ready"] - timings["start"],
            "boot_bytes": boot_bytes,
            "submit_ms": times,
        }
    finally:
        context.close()


def home_bytes(browser: Browser, url: str, link: Link) -> tuple[int, int]:
    """All bytes of a cold visit to the home page (no quiz), and those of quiz code."""
    context = browser.new_context()
    try:
        link.reset()
        context.new_page().goto(url, wait_until="networkidle")
        time.sleep(0.3)
        return link.sent, sum(n for path, n in link.by_path.items() if "/_edusite/" in path)
    finally:
        context.close()


def kb(count: float) -> str:
    return f"{count / 1000:,.0f} kB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--runs", type=int, default=3, help="cold visits per variant (loopback)")
    parser.add_argument("--slow-runs", type=int, default=2, help="cold visits per variant (slow)")
    parser.add_argument("--mbps", type=float, default=20.0, help="slow profile bandwidth, Mbit/s")
    parser.add_argument("--latency-ms", type=float, default=40.0, help="slow profile delay")
    parser.add_argument("--submits", type=int, default=20, help="submissions timed per run")
    parser.add_argument(
        "--build-articles",
        type=int,
        nargs="*",
        default=list(COUNTS),
        help="generated-site sizes for the build-time section (none to skip it)",
    )
    args = parser.parse_args(argv)
    profiles = [
        ("loopback", Link(None, 0.0), args.runs),
        (
            f"{args.mbps:g} Mbit/s + {args.latency_ms:g} ms",
            Link(args.mbps * 1e6 / 8, args.latency_ms / 1000),
            args.slow_runs,
        ),
    ]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = Path(tmp) / "site"
        print("building the site ...", flush=True)
        build_site(site)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        results: dict[tuple[str, str], list[dict[str, Any]]] = {}
        with serve(site, profiles[0][1], False) as url:
            home = home_bytes(browser, url, profiles[0][1])
        for name, link, runs in profiles:
            for variant in ("byte-compiled", "source"):
                with serve(site, link, variant == "source") as url:
                    print(f"measuring: {name}, {variant} stdlib, {runs} run(s) ...", flush=True)
                    results[name, variant] = [
                        one_run(browser, url, link, args.submits if name == "loopback" else 0)
                        for _ in range(runs)
                    ]
        browser.close()
    report(home, results)
    if args.build_articles:  # the JSON report's "build" section
        build = build_times(tuple(args.build_articles))
        print_build_times(build)
    return 0


def report(home: tuple[int, int], results: dict[tuple[str, str], list[dict[str, Any]]]) -> None:
    first = next(iter(results.values()))[0]
    print()
    print(
        f"home page (no quiz), all bytes:          {kb(home[0])} "
        f"(quiz code: {home[1] / 1000:.1f} kB)"
    )
    print(
        f"article, bytes before a quiz loads:      {kb(first['before'])} "
        f"(quiz code: {first['quiz_code'] / 1000:.1f} kB)"
    )
    for (name, variant), runs in results.items():
        ready = statistics.median(r["ready_ms"] for r in runs)
        boot = statistics.median(r["boot_bytes"] for r in runs)
        print(
            f"[{name}] {variant:>13} stdlib: ready in {ready / 1000:5.2f} s "
            f"(median of {len(runs)}), {kb(boot)} downloaded for the quiz"
        )
    submits = [t for runs in results.values() for r in runs for t in r["submit_ms"]]
    if submits:
        submits.sort()
        p95 = submits[min(len(submits) - 1, int(len(submits) * 0.95))]
        print(
            f"submit -> result: median {statistics.median(submits):.1f} ms, "
            f"p95 {p95:.1f} ms ({len(submits)} submissions)"
        )
    print("ratios (source stdlib / byte-compiled stdlib):")
    for name in dict.fromkeys(n for n, _ in results):
        compiled, source = results[name, "byte-compiled"], results[name, "source"]
        ready = statistics.median(r["ready_ms"] for r in source) / statistics.median(
            r["ready_ms"] for r in compiled
        )
        size = statistics.median(r["boot_bytes"] for r in source) / statistics.median(
            r["boot_bytes"] for r in compiled
        )
        print(f"  [{name}] time to ready x{ready:.2f}, bytes x{size:.2f}")
    print(
        f"quiz bytes / article bytes before the quiz: x{first['boot_bytes'] / first['before']:.1f}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
