"""What the compiler returns: plain data the plugin and the CLI read, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Bundle:
    """One zip the browser downloads: its content-hashed file name, where it is, and the
    module the worker imports after unpacking it (None for the shared bundle, whose
    start-up module the worker imports by name)."""

    name: str
    path: Path
    module: str | None


@dataclass(frozen=True)
class CompiledQuizzes:
    """The quiz wheel, the bundles the site ships, and what the site needs to know about
    the quizzes in them.

    The wheel holds everything (for `edusite quizc` and the build's Pyodide run); a site
    ships `shared` (quizkit and the worker's start-up) and, per quiz id, the bundle of the
    module that defines it (`quiz_bundles`, see `bundles.py`). `specs` maps a quiz id to its
    form spec; `sources` to (file, line) of its definition, for editors' messages.
    `python_version_ok` says the wheel carries .pyc files made by the same Python
    major.minor as Pyodide's (else it ships source, and `notes` say why).
    """

    wheel_path: Path
    wheel_name: str
    sha256: str
    specs: dict[str, dict[str, Any]]
    sources: dict[str, tuple[str, int]]
    python_version_ok: bool
    byte_compiled: bool
    pyodide_version: str
    key: str
    from_cache: bool
    shared: Bundle
    quiz_bundles: dict[str, Bundle]
    notes: tuple[str, ...] = field(default=())

    @property
    def quiz_ids(self) -> list[str]:
        """The quiz ids, sorted."""
        return sorted(self.specs)
