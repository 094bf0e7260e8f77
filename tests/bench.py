"""Speed benchmark of the quiz runtime against stock Pyodide: prints figures, ratios, JSON.

Run with `make bench` (`python -m tests.bench [--runs N] [--mbps M] [--latency-ms L] [--report
PATH] [--build-articles N ...]`). It builds the real site and serves it, and beside it the
unmodified npm `pyodide` package with a page that calls `loadPyodide()` on the main thread
("stock"), from one test server on 127.0.0.1, driving Debian's Chromium with a fresh profile
per cold run. The server can act as a host without compression or as a gzip host (it gzips
text, JSON and wasm responses, as such hosts do, never `.zip` or `.gz` files), and can
throttle: one token bucket shared by all connections (`--mbps`) plus a delay before each
response (`--latency-ms`); Chrome's own throttling does not reach workers, where Pyodide loads.

"Intent" is the reader's first move towards a quiz (focus in its field: ours starts loading
then) or the click that calls `loadPyodide()` (stock); "result" is the quiz's answer shown
(ours, `shoe-mileage-check` submitted at once) or `runPython("1 + 1")` returned (stock).
Measured: bytes on the wire from opening the page to the first result (each host kind);
cold intent-to-result, throttled (each host kind); submit-to-result after 3 s of reading
(throttled); cached intent-to-result on loopback (a second visit: runtime from the HTTP cache
with service workers blocked, and from the site's service worker with them allowed; cold
visits allow them, as readers' browsers do, see SERVICE_WORKERS); the longest main-thread
task between intent and result; the quiz worker's phases and downloads (its User Timing
marks and Resource Timing, in ms after the intent). The JSON report has one section per
part of the benchmark: `runtime` here, `build` from `tests/bench_build.py` (plain Material
against edusite on 100 and 400 generated articles), `quiz_bytes` from
`tests/bench_quizbytes.py` (the quiz Python one article page downloads at 1 and 400 generated
articles, and the ratio), `lighthouse` from `tests/bench_lighthouse.py` (the article page
against plain Material's page of the same text; `--lighthouse-baseline NAME=DIR` adds another
built site, e.g. one from before a change).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.bench_build import COUNTS, build_times, print_build_times
from tests.bench_lighthouse import lighthouse_section, plain_material_site, print_lighthouse
from tests.bench_quizbytes import COUNTS as QUIZ_COUNTS
from tests.bench_quizbytes import print_quiz_bytes, quiz_bytes
from tests.conftest import CHROMIUM, CHROMIUM_ARGS, ROOT, StaticHandler, build_site

PYODIDE = ROOT / "node_modules" / "pyodide"
STOCK = "__stock/"
QUIZ = "shoe-mileage-check"
FORM = f'form.edusite-quiz[data-quiz-id="{QUIZ}"]'
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "application/wasm")
"""What the gzip host compresses (what common hosts compress; never zip or gzip files)."""
STOCK_PAGE = b"""<!doctype html><meta charset="utf-8"><title>stock Pyodide</title>
<button id="go">Start Python</button>
<script src="pyodide.js"></script>
<script>
window.bench = { state: "idle" };
document.getElementById("go").addEventListener("click", async () => {
  bench.intent = performance.now();
  const pyodide = await loadPyodide();
  bench.value = pyodide.runPython("1 + 1");
  bench.result = performance.now();
  bench.state = "ready";
});
</script>
"""
WIRED = f"() => document.querySelector('{FORM}')?.dataset.edusiteWired === 'true'"
"""Ours is ready for the reader once the form is wired (its submit handler attached).
`window.edusiteQuiz` exists earlier (quiz-client.js sets it before it imports quiz-page.js):
a `requestSubmit()` before wiring is the browser's own GET submission, which navigates away
("Execution context was destroyed"). A reader cannot do that: the form's buttons stay
disabled until wiring, and Enter in a field does not submit past a disabled default button."""
CONTROLLED = """() => navigator.serviceWorker?.controller
  ? true
  : new Promise((resolve) => {
      navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true));
      setTimeout(() => resolve(false), 10000);
    })"""
"""Whether the site's service worker controls the page (waits up to 10 s for it to claim)."""
WORKER_TIMELINE = """() => ({
  origin: performance.timeOrigin,
  marks: performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]),
  files: performance.getEntriesByType("resource").map((r) => [r.name, r.fetchStart, r.responseEnd]),
})"""
"""The quiz worker's own timeline: its phase marks (quiz-worker.js) and each file's fetch."""
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]);
}).observe({ type: "longtask", buffered: true });
"""
SERVICE_WORKERS = {
    "cold": "allowed: the site's service worker registers after load; the visit waits until it"
    " controls the page, so the runtime is downloaded through it, as a reader's first visit",
    "cached_http": "blocked: the second visit's runtime comes from the HTTP cache",
    "cached_sw": "allowed: the second visit's runtime comes from the service worker's cache",
}
"""How each kind of visit treats service workers (stock's page has none), in the JSON."""


class Link:
    """A shared bandwidth limit and per-response delay; counts the bytes sent, per path."""

    def __init__(self, bytes_per_second: float | None = None, latency: float = 0.0) -> None:
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

    def send(self, chunk_size: int, path: str) -> None:
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
    """The site plus stock Pyodide under /__stock/, through a `Link`, optionally gzipping."""

    link: Link
    gzip_host = False

    def translate_path(self, path: str) -> str:
        if path.startswith("/" + STOCK):
            return str(PYODIDE / path.split("?", 1)[0].removeprefix("/" + STOCK))
        return super().translate_path(path)

    def do_GET(self) -> None:
        if self.link.latency:
            time.sleep(self.link.latency)
        path = Path(self.translate_path(self.path))
        if self.path.split("?", 1)[0] == "/" + STOCK:
            body, ctype = STOCK_PAGE, "text/html"
        else:
            if path.is_dir():
                path = path / "index.html"
            if not path.is_file():
                self.send_error(404)
                return
            body, ctype = path.read_bytes(), self.guess_type(str(path))
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' lifetime
        if self.gzip_host and ctype.startswith(COMPRESSED_TYPES):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for start in range(0, len(body), 16 * 1024):
            chunk = body[start : start + 16 * 1024]
            self.link.send(len(chunk), self.path)
            self.wfile.write(chunk)


@contextmanager
def serve(site: Path, link: Link, gzip_host: bool) -> Iterator[str]:
    handler = type("Handler", (BenchHandler,), {"link": link, "gzip_host": gzip_host})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


OURS_INTENT = """async ([selector, waitMs]) => {
  const form = document.querySelector(selector);
  const region = form.querySelector(".edusite-quiz__result");
  const field = form.querySelector("input[name=distance]");
  const intent = performance.now();
  field.focus();
  field.value = "350";
  if (waitMs) await new Promise((resolve) => setTimeout(resolve, waitMs));
  const shown = new Promise((resolve) => new MutationObserver((_, observer) => {
    if (region.childNodes.length) { observer.disconnect(); resolve(); }
  }).observe(region, { childList: true }));
  const submit = performance.now();
  form.requestSubmit();
  await Promise.race([shown, new Promise((_, reject) => setTimeout(() => {
    const quiz = window.edusiteQuiz;
    reject(new Error(`no result after 180 s: ${quiz.state} ${quiz.failure}`));
  }, 180000))]);
  return { intent, submit, result: performance.now() };
}"""


def visit(
    context: BrowserContext, url: str, link: Link, stock: bool, read_ms: int = 0, *, sw: bool
) -> dict:
    """Open the page, then intent -> result; times in ms, bytes from opening the page. `sw`:
    the context allows service workers (ours then waits until the site's one controls it)."""
    page = context.new_page()
    try:
        link.reset()
        page.goto(url + (STOCK if stock else "runners-knee/"), wait_until="networkidle")
        controlled = False
        if stock:
            page.click("#go")
            page.wait_for_function("() => window.bench.state === 'ready'", timeout=600_000)
            times = page.evaluate(
                "({intent: bench.intent, submit: bench.intent, result: bench.result})"
            )
        else:
            page.wait_for_function(WIRED)
            if sw:
                controlled = page.evaluate(CONTROLLED)
            assert page.evaluate("window.edusiteQuiz.state") == "idle", "quiz started too early"
            times = page.evaluate(OURS_INTENT, [FORM, read_ms])
        tasks = page.evaluate("window.__longTasks")
        during = [(s, d) for s, d in tasks if s + d > times["intent"] and s < times["result"]]
        figures = {
            "bytes": link.sent,
            "by_path": dict(link.by_path),
            "intent_to_result_ms": times["result"] - times["intent"],
            "submit_to_result_ms": times["result"] - times["submit"],
            "longest_task_ms": max((d for _, d in during), default=0.0),
            "long_tasks": [[round(s - times["intent"]), round(d)] for s, d in during],
            "sw_controlled": controlled,
        }
        if not stock:
            figures["breakdown"] = breakdown(page, times["intent"])
        return figures
    finally:
        page.close()


def breakdown(page: Page, intent: float) -> dict[str, Any]:
    """The quiz worker's phases and file downloads ([start, end] per fetch), in ms after the
    intent (page clock)."""
    worker = next((w for w in page.workers if "quiz-worker" in w.url), None)
    if worker is None:
        return {}
    own = page.evaluate("performance.timeOrigin")
    line = worker.evaluate(WORKER_TIMELINE)
    shift = line["origin"] - own - intent
    files: dict[str, list[list[int]]] = {}
    for url, start, end in line["files"]:  # a script imported by URL twice: checked, then imported
        span = [round(start + shift), round(end + shift)]
        files.setdefault(url.rsplit("/", 1)[-1], []).append(span)
    return {"marks": {name: round(t + shift) for name, t in line["marks"]}, "files": files}


def new_context(browser: Browser, service_workers: bool) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        service_workers="allow" if service_workers else "block",
    )
    context.add_init_script(LONG_TASKS)
    return context


def cold(browser: Browser, url: str, link: Link, stock: bool, read_ms: int = 0) -> dict:
    """A first visit in a fresh profile (service workers allowed, see SERVICE_WORKERS)."""
    print(f"  cold visit{' (reading 3 s)' if read_ms else ''}", flush=True)
    context = new_context(browser, service_workers=True)
    try:
        return visit(context, url, link, stock, read_ms, sw=True)
    finally:
        context.close()


def cached(browser: Browser, url: str, link: Link, stock: bool, service_workers: bool) -> dict:
    """A second visit in the same profile: the runtime comes from the HTTP cache (service
    workers blocked) or from the site's service worker (allowed)."""
    print(f"  visit, then a second visit ({'service worker' if service_workers else 'HTTP cache'})")
    context = new_context(browser, service_workers)
    try:
        visit(context, url, link, stock, sw=service_workers)
        return visit(context, url, link, stock, sw=service_workers)
    finally:
        context.close()


def median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def measure(browser: Browser, site: Path, args: argparse.Namespace) -> dict[str, Any]:
    loopback = Link()
    slow = Link(args.mbps * 1e6 / 8, args.latency_ms / 1000)
    figures: dict[str, Any] = {}
    for host in ("plain", "gzip"):
        gz = host == "gzip"
        for who in ("ours", "stock"):
            stock = who == "stock"
            print(f"measuring: {host} host, {who} ...", flush=True)
            with serve(site, loopback, gz) as url:
                first = cold(browser, url, loopback, stock)
                figures[f"bytes_to_first_result.{host}.{who}"] = first["bytes"]
                figures[f"bytes_by_file.{host}.{who}"] = first["by_path"]
                figures[f"breakdown.cold_loopback.{host}.{who}"] = first.get("breakdown")
                if host == "plain":
                    # Stock's page has no service worker: one series, its HTTP cache.
                    for kind in ("cached_http",) if stock else ("cached_http", "cached_sw"):
                        runs = [
                            cached(browser, url, loopback, stock, kind == "cached_sw")
                            for _ in range(args.runs)
                        ]
                        figures[f"{kind}_intent_to_result_ms.{who}"] = median(
                            runs, "intent_to_result_ms"
                        )
                        figures[f"longest_task_ms.{kind}.{who}"] = max(
                            r["longest_task_ms"] for r in runs
                        )
                        figures[f"long_tasks.{kind}.{who}"] = [r["long_tasks"] for r in runs]
                        figures[f"breakdown.{kind}.{who}"] = runs[-1].get("breakdown")
            with serve(site, slow, gz) as url:
                runs = [cold(browser, url, slow, stock) for _ in range(args.runs)]
                figures[f"cold_intent_to_result_ms.{host}.{who}"] = median(
                    runs, "intent_to_result_ms"
                )
                figures[f"longest_task_ms.cold.{host}.{who}"] = max(
                    r["longest_task_ms"] for r in runs
                )
                figures[f"breakdown.cold.{host}.{who}"] = runs[-1].get("breakdown")
                figures[f"long_tasks.cold.{host}.{who}"] = [r["long_tasks"] for r in runs]
                if not stock:
                    figures[f"sw_controlled.cold.{host}"] = all(r["sw_controlled"] for r in runs)
                if not stock:
                    read = [cold(browser, url, slow, False, 3000) for _ in range(args.runs)]
                    figures[f"submit_after_reading_ms.{host}"] = median(read, "submit_to_result_ms")
    return figures


def report(figures: dict[str, Any], settings: dict[str, Any]) -> dict[str, Any]:
    """Print the figures with their ratios to stock; return the JSON report."""

    def line(label: str, key: str, unit: str) -> None:
        ours, stock = figures[key + ".ours"], figures[key + ".stock"]
        shown = (
            (f"{ours / 1e6:6.2f} MB", f"{stock / 1e6:6.2f} MB")
            if unit == "MB"
            else (f"{ours / 1000:6.2f} s ", f"{stock / 1000:6.2f} s ")
        )
        print(f"{label:<46} ours {shown[0]}  stock {shown[1]}  x{ours / stock:.2f}")

    print(f"\nruntime, against stock Pyodide ({settings['slow']} where throttled):")
    line("bytes to first result, host without compression", "bytes_to_first_result.plain", "MB")
    line("bytes to first result, gzip host", "bytes_to_first_result.gzip", "MB")
    line("cold intent -> result, throttled, plain host", "cold_intent_to_result_ms.plain", "s")
    line("cold intent -> result, throttled, gzip host", "cold_intent_to_result_ms.gzip", "s")
    line("cached intent -> result, loopback, HTTP cache", "cached_http_intent_to_result_ms", "s")
    sw, stock = (
        figures["cached_sw_intent_to_result_ms.ours"],
        figures["cached_http_intent_to_result_ms.stock"],
    )
    print(
        f"{'cached intent -> result, loopback, service worker':<46} ours {sw / 1000:6.2f} s "
        f"  (stock has none: x{sw / stock:.2f} of its HTTP-cache figure)"
    )
    for host in ("plain", "gzip"):
        print(
            f"{'submit after 3 s of reading, ' + host + ' host':<46} ours "
            f"{figures[f'submit_after_reading_ms.{host}']:6.0f} ms"
        )
    longest = {k: v for k, v in figures.items() if k.startswith("longest_task_ms")}
    print("longest main-thread task, intent -> result (ms): ", end="")
    print(", ".join(f"{k.removeprefix('longest_task_ms.')} {v:.0f}" for k, v in longest.items()))
    for key, value in figures.items():
        if key.startswith("breakdown.") and value and value["marks"]:
            print(f"ours, {key.removeprefix('breakdown.')}, ms after intent: ", end="")
            print(", ".join(f"{k.removeprefix('edusite:')} {v}" for k, v in value["marks"].items()))
    for host in ("plain", "gzip"):
        top = sorted(figures[f"bytes_by_file.{host}.ours"].items(), key=lambda kv: -kv[1])[:6]
        print(f"ours, {host} host, largest downloads: ", end="")
        print(", ".join(f"{p.rsplit('/', 1)[-1]} {n / 1e6:.2f} MB" for p, n in top))
    return {
        "settings": settings,
        "sections": {"runtime": figures, "build": None, "quiz_bytes": None, "lighthouse": None},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--runs", type=int, default=2, help="runs per timed figure (median)")
    parser.add_argument("--mbps", type=float, default=20.0, help="throttled bandwidth, Mbit/s")
    parser.add_argument("--latency-ms", type=float, default=40.0, help="delay per request")
    parser.add_argument("--report", type=Path, default=ROOT / ".cache" / "bench-report.json")
    parser.add_argument("--site", type=Path, help="a built site to measure (default: build one)")
    parser.add_argument(
        "--build-articles",
        type=int,
        nargs="*",
        default=list(COUNTS),
        help="generated-site sizes for the build-time section (none to skip it)",
    )
    parser.add_argument(
        "--quiz-articles",
        type=int,
        nargs="*",
        default=list(QUIZ_COUNTS),
        help="generated-site sizes for a page's quiz download (none to skip it)",
    )
    add_lighthouse_arguments(parser)
    args = parser.parse_args(argv)
    settings = {
        "slow": f"{args.mbps:g} Mbit/s + {args.latency_ms:g} ms",
        "runs": args.runs,
        "service_workers": SERVICE_WORKERS,
    }
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            print("building the site ...", flush=True)
            build_site(site)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            figures = measure(browser, site, args)
        finally:
            browser.close()
        lighthouse = run_lighthouse_section(site, Path(tmp), args)
    document = report(figures, settings)
    document["sections"]["lighthouse"] = lighthouse
    if lighthouse:
        print_lighthouse(lighthouse)
    if args.build_articles:
        document["sections"]["build"] = build_times(tuple(args.build_articles))
        print_build_times(document["sections"]["build"])
    if args.quiz_articles:
        document["sections"]["quiz_bytes"] = quiz_bytes(tuple(args.quiz_articles))
        print_quiz_bytes(document["sections"]["quiz_bytes"])
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(document, indent=1, sort_keys=True), encoding="utf-8")
    print(f"\nJSON report: {args.report}")
    return 0


# --- Lighthouse (tests/bench_lighthouse.py) ---------------------------------------------


def add_lighthouse_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=3,
        help="Lighthouse runs per page, median kept (0 skips the section; about 30 s a run)",
    )
    parser.add_argument(
        "--lighthouse-baseline",
        action="append",
        default=[],
        metavar="NAME=DIR",
        help="also run Lighthouse on another built site in the same run (repeatable)",
    )


def run_lighthouse_section(site: Path, work: Path, args: argparse.Namespace) -> dict | None:
    """Ours, plain Material on the same text and any named baselines; None if skipped."""
    if args.lighthouse_runs <= 0:
        return None
    print("building the same pages with plain Material ...", flush=True)
    pages = {"ours": site, "plain": plain_material_site(work / "plain")}
    for baseline in args.lighthouse_baseline:
        name, _, folder = baseline.partition("=")
        pages[name] = Path(folder)
    return lighthouse_section(pages, args.lighthouse_runs)


if __name__ == "__main__":
    raise SystemExit(main())
