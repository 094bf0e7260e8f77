"""`compile_quizzes`: discover, validate and package the quizzes, reusing cached output.

The whole output is keyed by a hash of its inputs (quiz and quizkit sources, compiler,
Pyodide and Python versions), so an unchanged tree costs a few file reads. Citations are
checked on every call, cache hit or not, since the bibliography is not part of the key.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from edusite.errors import ContentError, ContentProblem, quoted_line
from edusite.quizc import cache, codes
from edusite.quizc.bundles import write_bundles
from edusite.quizc.discover import TIMEOUT_SECONDS, ProbeError, ProbeTimeout, run_probe
from edusite.quizc.imports import check_sources
from edusite.quizc.model import Bundle, CompiledQuizzes
from edusite.quizc.pyccache import compile_entries
from edusite.quizc.pyodide_env import PyodideEnv, load_pyodide_env, stdlib_modules
from edusite.quizc.source import content_hash, module_name, python_files
from edusite.quizc.validate import CheckedQuiz, ModuleSource, check_citations, judge
from edusite.quizc.version import COMPILER_VERSION, compiler_fingerprint
from edusite.quizc.wheel import DIST_NAME, metadata, sha256_file, wheel_filename, write_wheel

BOOT = Path(__file__).parents[1] / "runtime" / "boot.py"
"""The worker's Python start-up, shipped in the wheel as `edusite_boot` (a browser file, so it
lives in runtime/), with `edusite_quiz_modules`: the quiz modules it imports. In the shared
bundle it comes without the list: the worker names the modules of each bundle it loads."""
BOOT_MODULE = "edusite_boot"


def compile_quizzes(
    quizzes_dir: str | Path,
    *,
    cache_dir: str | Path,
    bibliography_keys: Iterable[str],
    pyodide_dir: str | Path | None = None,
    use_cache: bool = True,
    timeout: float = TIMEOUT_SECONDS,
) -> CompiledQuizzes:
    """Compile the quiz package at `quizzes_dir` into a wheel; raise one `ContentError`.

    `pyodide_dir` defaults to `node_modules/pyodide` beside the quizzes folder; `timeout` is
    the seconds one module may take to import (checking one quiz object: three times that).
    """
    package = Path(quizzes_dir).resolve()
    keys = set(bibliography_keys)
    if not (package / "__init__.py").is_file():
        raise ContentError(
            [
                ContentProblem(
                    str(quizzes_dir),
                    1,
                    codes.IMPORT_FAILED,
                    "the quizzes folder is not a Python package",
                    "It needs an __init__.py file.",
                )
            ]
        )
    env = load_pyodide_env(pyodide_dir or package.parent / "node_modules" / "pyodide")
    quizkit = _quizkit_dir()
    arcfiles = _arcfiles(package, quizkit)
    compile_pyc = env.matches_running_python
    python = sys.version.split()[0]
    key = content_hash(
        [(name, path.read_bytes()) for name, path in {**arcfiles, "boot": BOOT}.items()],
        f"compiler={compiler_fingerprint()}",
        f"pyodide={env.version}",
        f"pyc={python if compile_pyc else 'no'}",
    )[:16]
    root = Path(cache_dir) / "quizc"
    manifest = cache.load_manifest(root, key) if use_cache else None
    from_cache = manifest is not None
    if manifest is None:
        manifest = _build(package, quizkit, arcfiles, env, key, root, timeout, compile_pyc, keys)
    quizzes = [
        CheckedQuiz(
            q["id"], q["spec"], q["path"], q["line"], tuple((k, n) for k, n in q["citations"])
        )
        for q in manifest["quizzes"]
    ]
    problems = check_citations(quizzes, keys, package.parent)
    if problems:
        raise ContentError(problems)
    entry = cache.entry_dir(root, key)
    by_module = {m: Bundle(n, entry / n, m) for m, n in manifest["bundles"].items()}
    notes = (
        ()
        if compile_pyc
        else (
            f"quiz wheel ships source: this Python is {python}, Pyodide {env.version} runs "
            f"{env.python_version}, so .pyc files made here would not load there",
        )
    )
    return CompiledQuizzes(
        wheel_path=cache.entry_dir(root, key) / manifest["wheel_name"],
        wheel_name=manifest["wheel_name"],
        sha256=manifest["sha256"],
        specs={q.id: q.spec for q in quizzes},
        sources={q.id: (q.path, q.line) for q in quizzes},
        python_version_ok=compile_pyc,
        byte_compiled=manifest["byte_compiled"],
        pyodide_version=env.version,
        key=key,
        from_cache=from_cache,
        shared=Bundle(manifest["shared"], entry / manifest["shared"], None),
        quiz_bundles={q["id"]: by_module[q["module"]] for q in manifest["quizzes"]},
        notes=notes,
    )


def _quizkit_dir() -> Path:
    spec = importlib.util.find_spec("quizkit")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the quizkit package is not importable (is edusite installed?)")
    return Path(next(iter(spec.submodule_search_locations))).resolve()


def _arcfiles(package: Path, quizkit: Path) -> dict[str, Path]:
    """Wheel entry name -> file, for every module shipped: quizkit and the quizzes."""
    files: dict[str, Path] = {}
    for top in (quizkit, package):
        for path in python_files(top):
            files[path.relative_to(top.parent).as_posix()] = path
    return files


def _check(
    package: Path,
    quizkit: Path,
    arcfiles: dict[str, Path],
    env: PyodideEnv,
    timeout: float,
    keys: set[str],
) -> list[dict[str, Any]]:
    """Every problem as one ContentError, else the checked quizzes as manifest rows."""
    base = package.parent
    sources: dict[str, ModuleSource] = {}
    texts: dict[Path, str] = {}
    for path in arcfiles.values():
        text = path.read_text(encoding="utf-8")
        texts[path] = text
        shown = path.relative_to(base).as_posix() if path.is_relative_to(base) else str(path)
        sources[str(path)] = ModuleSource(str(path), shown, text, None)
    problems, broken = check_sources(
        texts,
        display={p: sources[str(p)].shown for p in texts},
        local={quizkit.name, package.name},
        allowed=stdlib_modules(env.directory),
    )
    sources = {file: _with_tree(source) for file, source in sources.items()}
    modules = {module_name(package, p): p for p in python_files(package) if p not in broken}
    quizzes: list[CheckedQuiz] = []
    try:
        facts = run_probe(package, quizkit, modules, timeout=timeout)
    except ProbeTimeout as error:
        source = sources.get(error.file) or sources[str(package / "__init__.py")]
        problems.append(
            ContentProblem(
                source.shown,
                error.line,
                codes.PROBE_FAILED,
                str(error),
                "Importing a module and checking a quiz must finish in seconds: look for a "
                "loop that never ends at this line (the quizzes_timeout option sets the limit).",
                quoted_line(source.text, error.line),
            )
        )
    except ProbeError as error:
        init = sources[str(package / "__init__.py")]
        problems.append(
            ContentProblem(
                init.shown,
                1,
                codes.PROBE_FAILED,
                str(error),
                "Run the quiz modules' tests to find the cause.",
            )
        )
    else:
        found, quizzes = judge(facts, sources, skip_import_errors={str(p) for p in broken})
        problems += found
    if problems:
        raise ContentError([*problems, *check_citations(quizzes, keys, package.parent)])
    return [
        {
            "id": q.id,
            "spec": q.spec,
            "path": q.path,
            "line": q.line,
            "module": module_name(package, base / q.path),
            "citations": [list(c) for c in q.citations],
        }
        for q in quizzes
    ]


def boot_entries(package: Path) -> dict[str, bytes]:
    """The worker's start-up module and the exact list of quiz modules it imports: every
    module of the package, each checked by `_check` (quizkit is imported by them)."""
    modules = sorted(module_name(package, path) for path in python_files(package))
    listing = f'"""The quiz modules, written by quizc."""\n\nMODULES = {json.dumps(modules)}\n'
    return {f"{BOOT_MODULE}.py": BOOT.read_bytes(), "edusite_quiz_modules.py": listing.encode()}


def _with_tree(source: ModuleSource) -> ModuleSource:
    try:
        tree = ast.parse(source.text)
    except SyntaxError:
        return source
    return ModuleSource(source.file, source.shown, source.text, tree)


def _build(
    package: Path,
    quizkit: Path,
    arcfiles: dict[str, Path],
    env: PyodideEnv,
    key: str,
    root: Path,
    timeout: float,
    compile_pyc: bool,
    keys: set[str],
) -> dict[str, Any]:
    """Check, then write the wheel, the bundles and the manifest into a new cache entry
    (atomically)."""
    quizzes = _check(package, quizkit, arcfiles, env, timeout, keys)
    version = f"0.0.0+{key[:12]}"
    entries = {name: path.read_bytes() for name, path in arcfiles.items()}
    entries.update(boot_entries(package))
    entries[f"{DIST_NAME}-{version}.dist-info/METADATA"] = metadata(
        version, "Quizzes, self-checks and tools for an edusite site, with quizkit."
    )
    generator = f"edusite-quizc {COMPILER_VERSION}"
    staging = cache.staging_dir(root)
    try:
        work = staging / "work"
        work.mkdir()
        tag = "py3-none-any"
        if compile_pyc:  # module by module, reusing each unchanged module's .pyc
            pyc_root = root.with_name(root.name + "-pyc")
            entries, tag = compile_entries(
                entries, pyc_root, work, version=version, generator=generator
            )
        final = staging / wheel_filename(version, tag)
        write_wheel(final, entries, version=version, tag=tag, generator=generator)
        shutil.rmtree(work)
        shared, bundles = write_bundles(
            package,
            entries,
            staging,
            shared={quizkit.name, BOOT_MODULE},
            quiz_modules=(q["module"] for q in quizzes),
        )
        manifest = {
            "key": key,
            "shared": shared,
            "bundles": bundles,
            "wheel_name": final.name,
            "sha256": sha256_file(final),
            "byte_compiled": compile_pyc,
            "pyodide_version": env.version,
            "compiler_version": COMPILER_VERSION,
            "quizzes": quizzes,
        }
        cache.publish(root, key, staging, manifest)
    except BaseException:
        cache.discard(staging)
        raise
    return manifest
