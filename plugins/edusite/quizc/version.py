"""The compiler's version and fingerprint: part of every cache key."""

from __future__ import annotations

from pathlib import Path

from edusite.quizc.source import content_hash

COMPILER_VERSION = "1"
"""Shown in the wheel's WHEEL file; bump it when the output format changes."""


def compiler_fingerprint(*modules: str) -> str:
    """The version plus a hash of the compiler's own sources (all, or the named `modules`),
    so that editing the compiler invalidates cached output even when nobody bumps the version.
    """
    here = Path(__file__).parent
    paths = [here / m for m in modules] if modules else sorted(here.glob("*.py"))
    files = [(p.name, p.read_bytes()) for p in paths]
    return f"{COMPILER_VERSION}+{content_hash(files)[:12]}"
