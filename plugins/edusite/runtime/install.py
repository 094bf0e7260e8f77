"""Where the browser runtime lives in the built site, and which files it is made of.

Every file gets a URL that changes whenever its bytes change, so a host may cache all of
them for good: Pyodide's files sit under its version (`_edusite/pyodide/0.29.5/`), a
byte-compiled standard library and the quiz bundles (`_edusite/quiz/`: the shared one, and
one per quiz module) carry content hashes in their names, and
our JS/CSS sit in a folder named after the hash of all of them together (`_edusite/assets/
<hash>/`), which keeps the modules' relative imports working. The wasm, the lock file and
the standard library ship only as reproducible gzip copies (`precompress.py`), which the
worker decodes itself, so a host that compresses nothing still sends few bytes;
`pyodide.asm.js` ships plain and as a gzip copy, which the worker uses where it may. The plugin
(`edusite.quizsite`) turns `site_files()` into MkDocs files, so `mkdocs build` writes them and
`mkdocs serve` serves them like any other file. Nothing here imports MkDocs.
"""

from __future__ import annotations

import base64
import hashlib
import json
import tempfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import quote

from edusite.runtime.precompress import GZIP_BESIDE_FILES, GZIP_FILES, gzipped

RUNTIME_DIR = Path(__file__).resolve().parent
ASSET_FILES = (
    "quiz-client.js",
    "quiz-page.js",
    "engine.js",
    "quiz-worker.js",
    "fetch-guard.js",
    "worker-host.js",
    "render.js",
    "care.js",
    "summary.js",
    "form-state.js",
    "answer-store.js",
    "offline.js",
    "quiz.css",
)
"""Our browser files; quiz-client.js imports quiz-page.js, which imports the others, by
relative URL (so they share one folder)."""

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "pyodide-lock.json")
"""What the worker loads from the npm package (plus a standard library zip)."""

STDLIB_ZIP = "python_stdlib.zip"

SERVICE_WORKER = "service-worker.js"
"""Installed at the site root (its scope is the folder it is served from), not hashed: the
browser looks for it at one URL and installs a new worker whenever its bytes change."""
REGISTRATION = "offline.js"
"""The page module that registers the service worker (shipped only when it is on)."""
VERSION_PLACEHOLDER = '"__EDUSITE_VERSION__"'


def assets_hash(directory: Path = RUNTIME_DIR) -> str:
    """Hash of all asset files' names and bytes: the asset folder's name."""
    digest = hashlib.sha256()
    for name in ASSET_FILES:
        digest.update(name.encode() + b"\0" + (directory / name).read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def pyodide_version(pyodide_dir: Path) -> str:
    """The npm package's version, read from its package.json (never hard-coded)."""
    package = json.loads((pyodide_dir / "package.json").read_text(encoding="utf-8"))
    return str(package["version"])


@dataclass(frozen=True)
class RuntimeLayout:
    """The runtime files of one build: site-relative destination -> source file.

    Hashes are computed once per layout (a layout lives for one build)."""

    pyodide_dir: Path
    shared_path: Path
    """The shared quiz bundle (quizkit and the worker's start-up), loaded at worker start."""
    shared_name: str
    stdlib_path: Path | None = None
    """A byte-compiled standard library zip, or None to serve Pyodide's own."""
    bundles: tuple[Path, ...] = ()
    """The quiz bundles, each named by its content hash; a page loads those it embeds."""
    assets_dir: Path = RUNTIME_DIR
    cache_dir: Path = Path(tempfile.gettempdir()) / "edusite-cache"
    """Where the gzip copies are kept between builds."""
    service_worker: bool = False
    """Ship `service-worker.js` at the site root and `offline.js`, which registers it."""

    @cached_property
    def version(self) -> str:
        return pyodide_version(self.pyodide_dir)

    @cached_property
    def assets_prefix(self) -> str:
        return f"_edusite/assets/{assets_hash(self.assets_dir)}/"

    @property
    def pyodide_prefix(self) -> str:
        return f"_edusite/pyodide/{self.version}/"

    @cached_property
    def stdlib_url(self) -> str:
        if self.stdlib_path is None:
            return self.pyodide_prefix + STDLIB_ZIP
        digest = hashlib.sha256(self.stdlib_path.read_bytes()).hexdigest()[:12]
        return f"{self.pyodide_prefix}python_stdlib-pyc-{digest}.zip"

    @property
    def shared_url(self) -> str:
        return f"_edusite/quiz/{self.shared_name}"

    def bundle_url(self, name: str) -> str:
        return f"_edusite/quiz/{name}"

    @property
    def client_url(self) -> str:
        return self.assets_prefix + "quiz-client.js"

    @property
    def css_url(self) -> str:
        return self.assets_prefix + "quiz.css"

    @property
    def registration_url(self) -> str:
        return self.assets_prefix + REGISTRATION

    @cached_property
    def cache_version(self) -> str:
        """Hash of every runtime file's path and bytes: the service worker's cache name."""
        digest = hashlib.sha256()
        for url, source in sorted(self._files.items()):
            digest.update(url.encode() + b"\0" + hashlib.sha256(source.read_bytes()).digest())
        return digest.hexdigest()[:16]

    def service_worker_script(self) -> bytes:
        """`service-worker.js` with this build's `cache_version` in place of the placeholder."""
        text = (self.assets_dir / SERVICE_WORKER).read_text(encoding="utf-8")
        if text.count(VERSION_PLACEHOLDER) != 1:
            raise ValueError(f"{SERVICE_WORKER} must hold {VERSION_PLACEHOLDER} exactly once")
        return text.replace(VERSION_PLACEHOLDER, f'"{self.cache_version}"').encode("utf-8")

    @cached_property
    def gzip_urls(self) -> dict[str, str]:
        """URL the worker asks for -> URL of the gzip copy it downloads and decodes instead."""
        plain = [self.pyodide_prefix + name for name in GZIP_FILES]
        return {url: url + ".gz" for url in (*plain, self.stdlib_url)}

    @cached_property
    def script_gzip_urls(self) -> dict[str, str]:
        """Script URL -> URL of its gzip copy, shipped beside it: the worker downloads the
        copy and imports it decoded where its policy allows `blob:` modules, else the script."""
        return {url: url + ".gz" for url in (self.pyodide_prefix + n for n in GZIP_BESIDE_FILES)}

    @cached_property
    def _all_gzip_urls(self) -> dict[str, str]:
        return {**self.gzip_urls, **self.script_gzip_urls}

    @cached_property
    def _sources(self) -> dict[str, Path]:
        """Every runtime file before compression: URL -> source path."""
        found = {self.pyodide_prefix + name: self.pyodide_dir / name for name in PYODIDE_FILES}
        found[self.stdlib_url] = self.stdlib_path or self.pyodide_dir / STDLIB_ZIP
        found[self.shared_url] = self.shared_path
        found.update({self.bundle_url(path.name): path for path in self.bundles})
        found.update({self.assets_prefix + name: self.assets_dir / name for name in ASSET_FILES})
        if not self.service_worker:
            del found[self.registration_url]
        return found

    @cached_property
    def _files(self) -> dict[str, Path]:
        found = {}
        for url, source in self._sources.items():
            if url in self._all_gzip_urls:
                found[self._all_gzip_urls[url]] = gzipped(source, self.cache_dir)
            if url not in self.gzip_urls:
                found[url] = source
        return found

    def files(self) -> dict[str, Path]:
        """Every file to install: site-relative path -> source path (`.gz` ones compressed;
        of `gzip_urls` only those are shipped, the worker never asks the host for the plain
        ones; `script_gzip_urls` ship both)."""
        return dict(self._files)

    def page_config(self) -> dict[str, Any]:
        """The JSON quiz pages carry: site-relative URLs, and for each file the worker
        downloads its size (for progress) and its SHA-256 (checked before use; for a gzip
        copy, the digest of the compressed bytes, which are what the host sends)."""
        wanted = [*(self.pyodide_prefix + n for n in PYODIDE_FILES), self.stdlib_url]
        wanted.append(self.shared_url)
        downloads = [self.gzip_urls.get(url, url) for url in wanted]
        downloads += self.script_gzip_urls.values()
        files = self.files()
        return {  # quoted, should a name ever hold a "+", which some hosts read as " "
            "worker": quote(self.assets_prefix + "quiz-worker.js"),
            "pyodide": quote(self.pyodide_prefix),
            "stdlib": quote(self.stdlib_url),
            "shared": quote(self.shared_url),
            "sizes": {quote(url): files[url].stat().st_size for url in downloads},
            "integrity": {quote(url): sri_sha256(files[url]) for url in downloads},
            "gzip": {quote(url): quote(gz) for url, gz in self.gzip_urls.items()},
            "scriptGzip": {quote(url): quote(gz) for url, gz in self.script_gzip_urls.items()},
            # A host that sends a `.gz` file with `Content-Encoding: gzip` (Apache's
            # `AddEncoding gzip .gz`, some CDNs) has the browser decode it: the worker then
            # gets, and checks, the plain file's bytes instead.
            "decoded": {
                quote(gz): {"size": source.stat().st_size, "integrity": sri_sha256(source)}
                for url, gz in self._all_gzip_urls.items()
                if (source := self._sources.get(url)) is not None
            },
        }

    def quiz_config(self, bundle: str, module: str) -> dict[str, Any]:
        """What one quiz form adds to `page_config()`: its bundle's URL, size and SHA-256,
        and the module the worker imports from it."""
        path = self._files[self.bundle_url(bundle)]
        return {
            "bundle": quote(self.bundle_url(bundle)),
            "module": module,
            "size": path.stat().st_size,
            "integrity": sri_sha256(path),
        }


def sri_sha256(path: Path) -> str:
    """`sha256-<base64>`, the Subresource Integrity form the worker compares against."""
    digest = hashlib.sha256(path.read_bytes()).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


SiteFile = tuple[str, Path | bytes]
"""A file of the built site: its site-relative path, and the file to copy or its bytes."""


def site_files(layout: RuntimeLayout) -> list[SiteFile]:
    """Every runtime file of the build, in path order (a stable order for MkDocs); the
    service worker, when on, last (its bytes name the others' version)."""
    found: list[SiteFile] = sorted(layout.files().items())
    if layout.service_worker:
        found.append((SERVICE_WORKER, layout.service_worker_script()))
    return found
