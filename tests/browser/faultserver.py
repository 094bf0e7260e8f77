"""A static server for the built site that can break chosen files on purpose.

`FaultServer.faults` maps a fragment of a URL path (e.g. "pyodide.asm.wasm", ".zip") to how
requests for it fail: "404", "truncate" (the first half, with an honest Content-Length),
"corrupt" (same length, 64 bytes flipped in the middle), "delay" (answered normally after
`DELAY_S`), "stall" (headers and the first 64 KiB, then nothing until the server closes).
Tests change the table while the browser runs, e.g. clear it before pressing Retry.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.conftest import StaticHandler

DELAY_S = 2.0
STALL_PREFIX = 64 * 1024
MODES = ("404", "truncate", "corrupt", "delay", "stall")


def damaged(data: bytes, mode: str) -> bytes:
    """The bytes served for a file under `mode` (unchanged for modes that only delay)."""
    if mode == "truncate":
        return data[: len(data) // 2]
    if mode == "corrupt":
        flipped = bytearray(data)
        middle = len(data) // 2
        for index in range(middle, min(middle + 64, len(data))):
            flipped[index] ^= 0xFF
        return bytes(flipped)
    return data


class FaultyHandler(StaticHandler):
    server: FaultServerHTTPD

    def end_headers(self) -> None:
        for name, value in self.server.headers.items():
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        self.server.requests.append(path)
        mode = next((m for key, m in self.server.faults.items() if key in path), None)
        if mode is None:
            super().do_GET()
            return
        if mode == "404":
            self.send_error(404)
            return
        if mode == "delay":
            time.sleep(DELAY_S)
        file = Path(self.translate_path(self.path))
        original = file.read_bytes()
        body = damaged(original, mode)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(file.stat().st_mtime))
        self.end_headers()
        if mode == "stall":
            self.wfile.write(body[:STALL_PREFIX])
            self.wfile.flush()
            self.server.closing.wait(120)  # hang, as a dead connection does
            self.close_connection = True
            return
        self.wfile.write(body)


class FaultServerHTTPD(http.server.ThreadingHTTPServer):
    faults: dict[str, str]
    requests: list[str]
    headers: dict[str, str]
    closing: threading.Event

    def handle_error(self, request: object, client_address: object) -> None:
        """A failed start terminates the worker, which drops its other downloads: a broken
        connection is expected here, anything else is reported."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)  # type: ignore[arg-type]


class FaultServer:
    """The site in `directory` on a free loopback port, with a mutable fault table; every
    response also gets `headers`."""

    def __init__(self, directory: Path, headers: dict[str, str] | None = None) -> None:
        handler = functools.partial(FaultyHandler, directory=str(directory))
        self._httpd = FaultServerHTTPD(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._httpd.faults = {}
        self._httpd.requests = []
        self._httpd.headers = dict(headers or {})
        self._httpd.closing = threading.Event()
        host, port = self._httpd.server_address[:2]
        self.url = f"http://{host}:{port}/"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    @property
    def faults(self) -> dict[str, str]:
        return self._httpd.faults

    @property
    def requests(self) -> list[str]:
        return self._httpd.requests

    def close(self) -> None:
        self._httpd.closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()
