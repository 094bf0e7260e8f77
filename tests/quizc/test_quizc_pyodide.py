"""The compiler's output in the real, pinned Pyodide (run by Node): what CPython cannot prove.

The wheel's .pyc files must load in Pyodide's Python 3.13.2 after `unpackArchive`, the
byte-compiled stdlib must work as `stdLibURL`, and the import allow-list derived from the npm
package must name modules Pyodide can really import.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from edusite.errors import ContentError
from edusite.quizc import compile_stdlib, trim
from edusite.quizc.pyodide_env import stdlib_modules

from .conftest import PYODIDE

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js"),
]
RUNNER = Path(__file__).with_name("pyodide_run.mjs")


def run_in_pyodide(tmp_path: Path, code: str, **request: object) -> dict:
    path = tmp_path / "request.json"
    request = {"indexURL": f"{PYODIDE}/", "code": code, **request}
    path.write_text(
        json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in request.items()})
    )
    done = subprocess.run(
        ["node", str(RUNNER), str(path)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_the_byte_compiled_wheel_runs_in_pyodide(good_compiled, tmp_path):
    code = """
import json, sys
from quizzes.demo import check
json.dumps({
    "outcome": check.check.evaluate({"fever": "yes"})["outcome"],
    "loader": type(check.__spec__.loader).__name__,
    "file": check.__file__,
    "python": sys.version.split()[0],
})
"""
    reply = run_in_pyodide(tmp_path, code, wheel=good_compiled.wheel_path)
    assert reply["result"] == {
        "outcome": "red-flag",
        "loader": "SourcelessFileLoader",
        "file": "/home/pyodide/quizzes/demo/check.pyc",
        "python": "3.13.2",
    }


def test_the_wheels_start_up_code_runs_in_pyodide_as_the_worker_runs_it(good_compiled, tmp_path):
    """The wheel's `edusite_boot.start()` (the build's Pyodide run, `pyodide_probe.mjs`)."""
    code = """
import json, sys
import edusite_boot
booted = edusite_boot.start()
json.dumps({
    "ids": json.loads(booted.ids_json()),
    "answer": json.loads(booted.evaluate("demo-check", json.dumps({"fever": "yes"})))["outcome"],
    "unknown": booted.evaluate("no-such-quiz", "{}"),
    "imported": sorted(name for name in sys.modules if name.startswith("quizzes")),
})
"""
    reply = run_in_pyodide(tmp_path, code, wheel=good_compiled.wheel_path)
    assert reply["result"] == {
        "ids": ["demo-check", "demo-quiz", "demo-tool"],
        "answer": "red-flag",
        "unknown": None,
        "imported": [
            "quizzes",
            "quizzes.demo",
            "quizzes.demo.check",
            "quizzes.demo.quiz",
            "quizzes.demo.tool",
        ],
    }


def test_the_shared_and_quiz_bundles_run_in_pyodide_as_the_worker_runs_them(
    good_compiled, tmp_path
):
    """quiz-worker.js: the shared bundle, `start_json("[]")`, then `add_json` per quiz bundle."""
    code = """
import json, sys
import edusite_boot
booted = edusite_boot.start_json("[]")
first = json.loads(booted.add_json(json.dumps(["quizzes.demo.check"])))
second = json.loads(booted.add_json(json.dumps(["quizzes.demo.quiz"])))
json.dumps({
    "ids": [first, second],
    "answer": json.loads(booted.evaluate("demo-check", json.dumps({"fever": "yes"})))["outcome"],
    "imported": sorted(name for name in sys.modules if name.startswith("quizzes")),
})
"""
    bundles = good_compiled.quiz_bundles
    zips = [good_compiled.shared.path, bundles["demo-check"].path, bundles["demo-quiz"].path]
    reply = run_in_pyodide(tmp_path, code, zips=[str(z) for z in zips])
    assert reply["result"] == {
        "ids": [["demo-check"], ["demo-check", "demo-quiz"]],
        "answer": "red-flag",
        "imported": ["quizzes", "quizzes.demo", "quizzes.demo.check", "quizzes.demo.quiz"],
    }


def test_the_byte_compiled_stdlib_boots_pyodide(tmp_path, stdlib_cache):
    stdlib = compile_stdlib(PYODIDE, cache_dir=stdlib_cache)
    assert stdlib is not None
    code = """
import json, statistics
json.dumps({"mean": statistics.mean([1, 2, 3]), "file": statistics.__file__.rsplit("/", 1)[-1]})
"""
    reply = run_in_pyodide(tmp_path, code, stdLibURL=stdlib)
    assert reply["result"] == {"mean": 2, "file": "statistics.pyc"}


def test_the_allow_list_names_modules_pyodide_can_import(tmp_path):
    names = sorted(stdlib_modules(PYODIDE) - {"antigravity", "this", "__hello__", "__phello__"})
    code = f"""
import contextlib, importlib, io, json
failed = {{}}
for name in {names!r}:
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            importlib.import_module(name)
    except Exception as error:
        failed[name] = type(error).__name__
json.dumps(failed)
"""
    failed = run_in_pyodide(tmp_path, code)["result"]
    # Known: they import platform libraries Pyodide lacks (termios, the ObjC runtime).
    assert failed == {
        "_ios_support": "ImportError",
        "pty": "ModuleNotFoundError",
        "tty": "ModuleNotFoundError",
    }


def test_the_trimmed_stdlib_holds_what_the_quizzes_use_and_is_checked(
    good_compiled, stdlib_cache, tmp_path, monkeypatch
):
    full = compile_stdlib(PYODIDE, cache_dir=stdlib_cache)
    assert full is not None
    sources = [good_compiled.wheel_path.parents[3] / "good" / "quizzes"]
    trimmed = trim.trim_stdlib(
        full, good_compiled, pyodide_dir=PYODIDE, source_dirs=sources, cache_dir=tmp_path
    )
    modules = set(trimmed.modules)
    assert {"json", "re", "dataclasses", "pyodide", "_pyodide._base"} <= modules  # used
    assert not {"unittest", "tkinter", "sqlite3", "email.mime"} & modules  # never imported
    assert trimmed.path.stat().st_size < full.stat().st_size / 2
    # A module the quizzes need but the trimmed zip lacks fails the build, with a message.
    real_subset = trim.subset_stdlib
    monkeypatch.setattr(
        trim,
        "subset_stdlib",
        lambda zip_, names, target: real_subset(
            zip_, [n for n in names if n != "dataclasses"], target
        ),
    )
    with pytest.raises(ContentError) as raised:
        trim.trim_stdlib(
            full, good_compiled, pyodide_dir=PYODIDE, source_dirs=sources, cache_dir=tmp_path / "b"
        )
    assert "[E422]" in str(raised.value) and "trimmed standard library" in str(raised.value)


_RATES = "FACTOR = 2\n"
"""A helper of the quizzes package that the modules below reach only by name."""
_BY_NAME = {
    # Reaches the helper when answering: its samples raise in the page's bundle.
    "late.py": """import importlib
from quizkit import Number, Tool, blocks
def compute(values):
    rates = importlib.import_module("quizzes.demo.rates")
    return [blocks.paragraph(f"{values['n'] * rates.FACTOR:g}")]
late = Tool(
    id="late",
    title="Late",
    questions=[Number("n", "N", min=0, max=9, samples=[1])],
    compute=compute,
)
""",
    # Reaches it at import: the bundle's module does not even import.
    "early.py": """from quizkit import Number, Tool, blocks
rates = __import__("quizzes.demo.rates", fromlist=["FACTOR"])
def compute(values):
    return [blocks.paragraph(f"{values['n'] * rates.FACTOR:g}")]
early = Tool(
    id="early",
    title="Early",
    questions=[Number("n", "N", min=0, max=9, samples=[1])],
    compute=compute,
)
""",
    # Falls back quietly: no error, but another answer than the whole wheel gives.
    "quiet.py": """import importlib
from quizkit import Number, Tool, blocks
def compute(values):
    try:
        factor = importlib.import_module("quizzes.demo.rates").FACTOR
    except ImportError:
        factor = 1
    return [blocks.paragraph(f"{values['n'] * factor:g}")]
quiet = Tool(
    id="quiet",
    title="Quiet",
    questions=[Number("n", "N", min=0, max=9, samples=[1])],
    compute=compute,
)
""",
    # Imports the helper with an import statement inside a function: shipped, fine.
    "stated.py": """from quizkit import Number, Tool, blocks
def compute(values):
    from quizzes.demo import rates
    return [blocks.paragraph(f"{values['n'] * rates.FACTOR:g}")]
stated = Tool(
    id="stated",
    title="Stated",
    questions=[Number("n", "N", min=0, max=9, samples=[1])],
    compute=compute,
)
""",
}


def test_a_quiz_that_reaches_a_sibling_only_by_name_fails_at_its_line(
    project, compile_, stdlib_cache, tmp_path
):
    """The whole wheel has every module; a reader's page has only its quiz's bundle, so each
    bundle is loaded alone (with the shared one) and its samples must match."""
    quizzes = project("good")
    (quizzes / "demo" / "rates.py").write_text(_RATES)
    for name, text in _BY_NAME.items():
        (quizzes / "demo" / name).write_text(text)
    compiled = compile_(quizzes)  # CPython imports the whole package: all pass here
    full = compile_stdlib(PYODIDE, cache_dir=stdlib_cache)
    assert full is not None
    with pytest.raises(ContentError) as raised:
        trim.trim_stdlib(
            full, compiled, pyodide_dir=PYODIDE, source_dirs=[quizzes], cache_dir=tmp_path / "t"
        )
    alone = "when its page's quiz bundle is loaded alone"
    assert [str(p).split("\n")[0] for p in raised.value.problems] == [
        f"quizzes/demo/early.py:5: quiz `early` does not load {alone}: "
        "ModuleNotFoundError: No module named 'quizzes.demo.rates' [E422]",
        f"quizzes/demo/late.py:6: quiz `late`: sample 1 fails {alone}: "
        "ModuleNotFoundError: No module named 'quizzes.demo.rates' [E422]",
        f"quizzes/demo/quiet.py:9: quiz `quiet`: sample 1 gives a different result {alone} "
        "than with every quiz module loaded [E422]",
    ]
    assert all("import it with an import statement" in p.hint for p in raised.value.problems)


def test_a_shared_bundle_that_does_not_start_alone_is_a_fault_of_edusite(
    good_compiled, stdlib_cache, tmp_path, monkeypatch
):
    """The shared bundle is quizkit and the worker's start-up, which no editor writes: if it
    does not start on its own, the build stops with a tool error, not an editor's E422."""
    full = compile_stdlib(PYODIDE, cache_dir=stdlib_cache)
    assert full is not None
    broken = tmp_path / "shared.zip"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("edusite_boot.py", "import quizkit_helpers_that_are_not_shipped\n")
    real_request = trim.bundlecheck.request
    monkeypatch.setattr(
        trim.bundlecheck, "request", lambda q: {**real_request(q), "shared": str(broken)}
    )
    sources = [good_compiled.wheel_path.parents[3] / "good" / "quizzes"]
    with pytest.raises(trim.ProbeFailed) as raised:
        trim.trim_stdlib(
            full, good_compiled, pyodide_dir=PYODIDE, source_dirs=sources, cache_dir=tmp_path
        )
    assert str(raised.value) == (
        "the shared quiz bundle (quizkit and the worker's start-up) does not start on its own, "
        "as every page loads it: ModuleNotFoundError: No module named "
        "'quizkit_helpers_that_are_not_shipped'. This is a fault in edusite, not in the "
        "quizzes: please report it."
    )
    assert not list((tmp_path / "stdlib-trim").glob("*/*.zip")), "nothing half-written kept"
