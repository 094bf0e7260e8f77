"""The site's Content-Security-Policy: defined once here, delivered two ways.

Static hosts differ: Netlify and Cloudflare Pages read a `_headers` file and send the policy
as a real header (which also binds the quiz and search workers, whose own script responses
carry it); GitHub Pages sends no custom headers, so every page also carries the same policy
in a `<meta http-equiv>` tag at the top of its `<head>` (which binds the page, not its
workers, and cannot carry `frame-ancestors`, `report-uri` or `sandbox`: none are used here).
Both are built from `DIRECTIVES`, so the two can never disagree.
"""

from __future__ import annotations

from html import escape

DIRECTIVES: dict[str, tuple[str, ...]] = {
    # Anything not named below: this site only.
    "default-src": ("'self'",),
    # Scripts only from files on this site (Material's inline bootstrap scripts are moved
    # to files the plugin ships, edusite/templates/theme/); 'wasm-unsafe-eval' lets Pyodide
    # compile its WebAssembly, and nothing allows eval() or inline script.
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    # Stylesheets only from files; no <style> element or style="" attribute is rendered.
    # Material's JavaScript sets element.style (CSSOM), which style-src does not govern.
    "style-src": ("'self'",),
    # Material's icons are data: SVGs in its CSS (mask-image), which img-src governs.
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    # fetch(): the search index, Pyodide, the standard library and the quiz bundles.
    "connect-src": ("'self'",),
    # The search worker and the quiz module worker.
    "worker-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
}

HEADERS_FILE = "_headers"
"""Name of the headers file at the site root (Netlify and Cloudflare Pages format)."""


def content_security_policy() -> str:
    """The policy as one header value: `directive source ...; ...` in `DIRECTIVES` order."""
    return "; ".join(" ".join((name, *sources)) for name, sources in DIRECTIVES.items())


def meta_tag() -> str:
    """The `<meta http-equiv>` element that carries the policy on hosts without headers."""
    # Quote only `"`: the policy's many 'self' stay readable in the page source.
    policy = escape(content_security_policy(), quote=False).replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


def headers_file() -> str:
    """The `_headers` file's text: the policy sent with every path of the site."""
    return f"/*\n  Content-Security-Policy: {content_security_policy()}\n"
