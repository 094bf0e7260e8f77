"""A running `mkdocs serve` on a copy of the small test site, for the live-preview tests."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path

import pytest

from tests.badinputs.sitecopy import copy_project, make_site

WAIT_SECONDS = 60
BANNER = 'id="edusite-problems"'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


class Preview:
    """A running `mkdocs serve` and a way to wait for what it serves."""

    def __init__(self, site: Path, process: subprocess.Popen[str], log_path: Path) -> None:
        self.site, self.process, self.log_path = site, process, log_path
        self.base = ""

    def start(self) -> None:
        """Wait for "Serving on <url>" (the URL includes site_url's path)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline and not self.base:
            assert self.process.poll() is None, f"mkdocs serve exited:\n{self.log()}"
            if found := re.search(r"Serving on (http://\S+?)/?$", self.log(), re.MULTILINE):
                self.base = found[1]
            time.sleep(0.2)
        assert self.base, f"mkdocs serve did not start:\n{self.log()}"

    def wait_for(self, path: str, ready: Callable[[str], bool], what: str) -> str:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"mkdocs serve exited:\n{self.log()}"
            page = unescape(fetch(self.base + path))
            if page and ready(page):
                return page
            time.sleep(0.5)
        pytest.fail(f"{what}: not seen at {path} within {WAIT_SECONDS} s\n{self.log()}")

    def edit(self, relative: str, change: Callable[[str], str]) -> None:
        path = self.site / relative
        path.write_text(change(path.read_text("utf-8")), encoding="utf-8")

    def log(self) -> str:
        return self.log_path.read_text("utf-8", errors="replace")[-4000:]


@contextlib.contextmanager
def serving(tmp_path: Path, real_site: bool = False) -> Iterator[Preview]:
    """A copy of the small (or the real) site under `mkdocs serve` on a free port."""
    site = (copy_project if real_site else make_site)(tmp_path / "site").parent
    port = free_port()
    log_path = tmp_path / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload"]
    with log_path.open("w", encoding="utf-8") as log:
        process = subprocess.Popen(
            [*command, "--dev-addr", f"127.0.0.1:{port}"],
            cwd=site,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        preview = Preview(site, process, log_path)
        preview.start()
        yield preview
    finally:
        process.send_signal(signal.SIGINT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=15)
        if process.poll() is None:
            process.kill()
            process.wait()
