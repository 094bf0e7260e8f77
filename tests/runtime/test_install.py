"""The runtime's files: every file at a URL that changes when its bytes change."""

from __future__ import annotations

import base64
import dataclasses
import gzip
import hashlib
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from edusite.runtime.install import (
    ASSET_FILES,
    RUNTIME_DIR,
    RuntimeLayout,
    assets_hash,
    site_files,
)

ROOT = Path(__file__).resolve().parents[2]
PYODIDE = ROOT / "node_modules" / "pyodide"


def install(site: Path, layout: RuntimeLayout) -> list[str]:
    """Write `site_files` into `site` as MkDocs writes generated files; the paths written."""
    written = []
    for relative, source in site_files(layout):
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source if isinstance(source, bytes) else source.read_bytes())
        written.append(relative)
    return written


@pytest.fixture
def layout(tmp_path: Path) -> RuntimeLayout:
    shared = tmp_path / "edusite_shared-abc123.zip"
    shared.write_bytes(b"shared bytes")
    bundle = tmp_path / "quizzes.knee-def456.zip"
    bundle.write_bytes(b"bundle bytes")
    stdlib = tmp_path / "python_stdlib.zip"
    stdlib.write_bytes(b"compiled stdlib")
    return RuntimeLayout(
        PYODIDE, shared, shared.name, stdlib_path=stdlib, bundles=(bundle,), cache_dir=tmp_path
    )


def test_every_file_the_page_config_names_is_installed(layout: RuntimeLayout, tmp_path: Path):
    site = tmp_path / "site"
    written = install(site, layout)
    config = layout.page_config()
    for key in ("worker", "shared"):
        assert (site / unquote(config[key])).is_file(), key
    assert config["pyodide"] == "_edusite/pyodide/0.29.5/"
    for name in ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm.gz", "pyodide-lock.json.gz"):
        assert (site / config["pyodide"] / name).is_file()
    assert not (site / config["pyodide"] / "python_stdlib.zip").exists()  # the compiled one
    assert not (site / config["pyodide"] / "pyodide.asm.wasm").exists()  # only its gzip copy
    assert config["shared"] == "_edusite/quiz/edusite_shared-abc123.zip"
    assert "_edusite/quiz/quizzes.knee-def456.zip" not in config["sizes"]  # per quiz, below
    for url, size in config["sizes"].items():
        assert (site / unquote(url)).stat().st_size == size
    assert config["integrity"].keys() == config["sizes"].keys()
    for url, integrity in config["integrity"].items():  # what the worker checks, in SRI form
        digest = hashlib.sha256((site / unquote(url)).read_bytes()).digest()
        assert integrity == "sha256-" + base64.b64encode(digest).decode()
    assert (site / layout.client_url).read_bytes() == (RUNTIME_DIR / "quiz-client.js").read_bytes()
    assert written == sorted(written)  # a stable order: MkDocs writes them in it
    assert set(written) == set(layout.files())


def test_a_quiz_form_names_its_bundle_with_the_size_and_digest_it_is_checked_against(
    layout: RuntimeLayout, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    install(site, layout)
    quiz = layout.quiz_config("quizzes.knee-def456.zip", "quizzes.knee")
    shipped = site / unquote(quiz["bundle"])
    assert shipped.read_bytes() == b"bundle bytes"
    assert quiz["module"] == "quizzes.knee"
    assert quiz["size"] == len(b"bundle bytes")
    digest = hashlib.sha256(b"bundle bytes").digest()
    assert quiz["integrity"] == "sha256-" + base64.b64encode(digest).decode()


def test_asset_folder_name_follows_the_contents(tmp_path: Path) -> None:
    for name in ASSET_FILES:
        shutil.copyfile(RUNTIME_DIR / name, tmp_path / name)
    before = assets_hash(tmp_path)
    assert before == assets_hash(RUNTIME_DIR)
    with (tmp_path / "render.js").open("a") as handle:
        handle.write("\n// changed\n")
    assert assets_hash(tmp_path) != before


def test_without_a_compiled_stdlib_pyodides_own_is_served(layout: RuntimeLayout) -> None:
    plain = RuntimeLayout(
        PYODIDE,
        layout.shared_path,
        layout.shared_name,
        cache_dir=layout.cache_dir,
    )
    assert plain.page_config()["stdlib"] == "_edusite/pyodide/0.29.5/python_stdlib.zip"
    shipped = plain.files()[plain.stdlib_url + ".gz"]
    assert gzip.decompress(shipped.read_bytes()) == (PYODIDE / "python_stdlib.zip").read_bytes()


def test_large_files_ship_gzipped_and_decode_to_the_originals(layout: RuntimeLayout, tmp_path):
    site = tmp_path / "site"
    install(site, layout)
    config = layout.page_config()
    originals = {
        config["stdlib"]: layout.stdlib_path,
        config["pyodide"] + "pyodide.asm.wasm": PYODIDE / "pyodide.asm.wasm",
        config["pyodide"] + "pyodide-lock.json": PYODIDE / "pyodide-lock.json",
    }
    assert config["gzip"] == {url: url + ".gz" for url in originals}
    for url, source in originals.items():
        shipped = site / unquote(config["gzip"][url])
        assert gzip.decompress(shipped.read_bytes()) == source.read_bytes()
        assert config["gzip"][url] in config["integrity"]  # the bytes the host sends
        assert url not in config["sizes"]
    # pyodide.asm.js ships plain and gzipped: the worker picks one by the host's policy.
    script = config["pyodide"] + "pyodide.asm.js"
    assert config["scriptGzip"] == {script: script + ".gz"}
    for url in (script, script + ".gz"):
        assert url in config["sizes"]
        assert url in config["integrity"]
    shipped = site / unquote(config["scriptGzip"][script])
    assert gzip.decompress(shipped.read_bytes()) == (PYODIDE / "pyodide.asm.js").read_bytes()
    assert (site / unquote(script)).read_bytes() == (PYODIDE / "pyodide.asm.js").read_bytes()
    assert config["decoded"][script + ".gz"]["size"] == (PYODIDE / "pyodide.asm.js").stat().st_size
    # Reproducible: a second build (fresh cache) writes the same bytes, so the same digests.
    again = RuntimeLayout(
        PYODIDE,
        layout.shared_path,
        layout.shared_name,
        stdlib_path=layout.stdlib_path,
        cache_dir=tmp_path / "other-cache",
    )
    assert again.page_config() == config


def test_the_service_worker_ships_only_when_on_and_names_the_runtime_version(
    layout: RuntimeLayout, tmp_path: Path
) -> None:
    assert not any(
        path.endswith(("offline.js", "service-worker.js")) for path, _ in site_files(layout)
    )
    on = dataclasses.replace(layout, service_worker=True)
    files = site_files(on)
    assert on.registration_url in dict(files)
    path, script = files[-1]
    assert path == "service-worker.js"  # at the site root: its scope is the whole site
    assert isinstance(script, bytes)
    assert f'const VERSION = "{on.cache_version}";'.encode() in script
    assert b"__EDUSITE_VERSION__" not in script
    # Another quiz bundle is another runtime: a new version, so new worker bytes.
    bundle = tmp_path / "quizzes.other-def456def456.zip"
    bundle.write_bytes(b"other bundle bytes")
    changed = dataclasses.replace(on, bundles=(*on.bundles, bundle))
    assert changed.cache_version != on.cache_version
    assert dataclasses.replace(on).cache_version == on.cache_version  # same files, same name
