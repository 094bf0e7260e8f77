"""A static host that sends the headers the built site's `_headers` file asks for.

What Netlify or Cloudflare Pages would do with the file `edusite.security` writes: every
response gets the `/*` rule's headers (the Content-Security-Policy among them), and a
missing path gets the site's 404.html with status 404. To see violations wherever they
happen, workers included (a worker's `securitypolicyviolation` event never reaches the
page), it also sends the same policy as `Content-Security-Policy-Report-Only` with a
`report-uri` on this server, and keeps every report it receives. The enforced header stays
exactly the file's.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import SiteServer, StaticHandler

REPORT_PATH = "/__csp-report"


def read_headers_file(path: Path) -> dict[str, str]:
    """The headers of the `/*` rule of a Netlify/Cloudflare `_headers` file."""
    headers: dict[str, str] = {}
    rule = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            rule = line.strip()
        elif rule == "/*":
            name, _, value = line.strip().partition(":")
            headers[name.strip()] = value.strip()
    return headers


class HeadersHandler(StaticHandler):
    """Adds the configured headers to every response and collects CSP reports."""

    headers_to_send: dict[str, str] = {}  # noqa: RUF012 - set per server by functools.partial
    reports: list[dict] = []  # noqa: RUF012
    requested: list[str] = []  # noqa: RUF012
    not_found_page: Path | None = None

    def do_GET(self) -> None:
        self.requested.append(self.path)
        super().do_GET()

    def end_headers(self) -> None:
        for name, value in self.headers_to_send.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        if code != 404 or self.not_found_page is None:
            return super().send_error(code, message, explain)
        body = self.not_found_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def do_POST(self) -> None:
        if self.path != REPORT_PATH:
            self.send_error(405)
            return
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            self.reports.append(json.loads(body).get("csp-report", {}))
        except ValueError:
            self.reports.append({"unparsed": body.decode("utf-8", "replace")})
        self.send_response(204)
        self.end_headers()


class HeadersHost:
    """Serves `root` on a free loopback port with `site`'s `_headers` (site inside root)."""

    def __init__(self, root: Path, site: Path, *, send_headers: bool = True) -> None:
        self.root = root
        headers = read_headers_file(site / "_headers") if send_headers else {}
        policy = headers.get("Content-Security-Policy")
        if policy:
            headers["Content-Security-Policy-Report-Only"] = f"{policy}; report-uri {REPORT_PATH}"
        self.reports: list[dict] = []
        self.requested: list[str] = []
        """Every GET's path, in order (what the host was asked for, not the HTTP cache)."""
        handler_class = type(
            "BoundHeadersHandler",
            (HeadersHandler,),
            {
                "headers_to_send": headers,
                "reports": self.reports,
                "requested": self.requested,
                "not_found_page": site / "404.html",
            },
        )
        self._server = SiteServer(root, handler_class)
        self.url = self._server.url

    def close(self) -> None:
        self._server.close()
