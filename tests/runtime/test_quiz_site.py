"""The plugin's quiz section on a one-quiz fixture site (`quizsite/`), built and served
for real: forms in pages, runtime files in the site, problems with file:line, template
overrides and `mkdocs serve` reloading when a quiz module changes."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

pytestmark = pytest.mark.slow


def make_site(tmp_path: Path) -> Path:
    site = tmp_path / "quizsite"
    shutil.copytree(HERE / "quizsite", site)
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("PYODIDE_DIR", str(ROOT / "node_modules" / "pyodide"))
    config = config.replace("CACHE_DIR", str(tmp_path / "cache"))
    (site / "mkdocs.yml").write_text(config, encoding="utf-8")
    return site


def mkdocs(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
        check=False,
    )


def test_build_embeds_the_form_and_installs_the_runtime(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    done = mkdocs(site, "build", "--strict", "--site-dir", str(site / "out"))
    assert done.returncode == 0, done.stderr
    out = site / "out"
    page = (out / "index.html").read_text(encoding="utf-8")
    assert '<form class="edusite-quiz edusite-quiz--tool" id="quiz-doubler"' in page
    assert "/// quiz" not in page
    client = re.search(
        r'<script src="(_edusite/assets/[0-9a-f]{12}/quiz-client\.js)" '
        r'type="module">',
        page,
    )
    assert client, "the client script is added as a module"
    assert (out / client.group(1)).is_file()
    found = re.search(r"data-edusite-runtime='([^']+)'", page)
    assert found, "the form carries the runtime JSON"
    runtime = json.loads(html.unescape(found.group(1)))
    assert re.fullmatch(r"_edusite/quiz/edusite_shared-[0-9a-f]{12}\.zip", runtime["shared"])
    quiz = runtime["quiz"]
    assert re.fullmatch(r"_edusite/quiz/quizzes\.doubler-[0-9a-f]{12}\.zip", quiz["bundle"])
    assert quiz["module"] == "quizzes.doubler"
    assert (out / quiz["bundle"]).stat().st_size == quiz["size"]
    shipped = sorted(p.name for p in (out / "_edusite/quiz").iterdir())
    assert shipped == sorted([runtime["shared"].rsplit("/")[-1], quiz["bundle"].rsplit("/")[-1]])
    for name in ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm.gz", "pyodide-lock.json.gz"):
        assert (out / "_edusite/pyodide/0.29.5" / name).is_file()
    plain = (out / "plain/index.html").read_text(encoding="utf-8")
    assert "quiz-client.js" in plain  # every page, for instant navigation
    assert "edusite-quiz" not in plain.replace("quiz-client.js", "")


def test_unknown_quiz_id_stops_the_build_with_file_and_line(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    index = site / "content/index.md"
    index.write_text(index.read_text().replace("/// quiz | doubler", "/// quiz | tripler"))
    done = mkdocs(site, "build", "--strict", "--site-dir", str(site / "out"))
    assert done.returncode != 0
    output = done.stdout + done.stderr
    assert "content/index.md:9: unknown quiz id `tripler` [E401]" in output
    assert "known quiz ids: doubler" in output
    assert not (site / "out/index.html").exists()


def test_site_override_of_the_quiz_template(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    (site / "overrides/edusite").mkdir(parents=True)
    (site / "overrides/edusite/quiz.html").write_text(
        '<form class="edusite-quiz" data-quiz-id="{{ quiz.id }}">Custom {{ quiz.title }}</form>'
    )
    config = site / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  font: false", "  font: false\n  custom_dir: overrides")
    )
    done = mkdocs(site, "build", "--strict", "--site-dir", str(site / "out"))
    assert done.returncode == 0, done.stderr
    assert "Custom Double a number</form>" in (site / "out/index.html").read_text()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if text in fetch(url):
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def test_serve_rebuilds_when_a_quiz_module_changes(tmp_path: Path) -> None:
    site = make_site(tmp_path)
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{port}",
            "--livereload",
        ],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}/quiz-fixture/"
        assert wait_for(url, "Double a number", 120), "mkdocs serve did not come up"
        module = site / "quizzes/doubler.py"
        module.write_text(module.read_text().replace("Double a number", "Double any number"))
        assert wait_for(url, "Double any number", 120), "the quiz change was not picked up"
    finally:
        server.terminate()
        server.wait(timeout=30)
