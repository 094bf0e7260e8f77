"""The cache: hits for unchanged inputs, misses for any change, nothing half-written."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from edusite.errors import ContentError
from edusite.quizc import cache, compiler, pyccache
from edusite.quizc.wheel import WheelError, read_entries


def _entries(tmp_path):
    return sorted(p.name for p in (tmp_path / "cache" / "quizc").iterdir())


def test_unchanged_sources_are_not_recompiled(project, compile_, tmp_path, monkeypatch):
    quizzes = project("good")
    first = compile_(quizzes)

    def must_not_run(*args, **kwargs):
        raise AssertionError("a cache hit must neither import quizzes nor compile")

    monkeypatch.setattr(compiler, "run_probe", must_not_run)
    monkeypatch.setattr(pyccache, "py_compile_archive", must_not_run)
    second = compile_(quizzes)
    assert (first.from_cache, second.from_cache) == (False, True)
    assert second.wheel_path == first.wheel_path and second.sha256 == first.sha256
    assert second.specs == first.specs and second.sources == first.sources
    assert _entries(tmp_path) == [first.key]
    manifest = json.loads((first.wheel_path.parent / "manifest.json").read_text())
    assert manifest["wheel_name"] == first.wheel_name and manifest["sha256"] == first.sha256


def test_any_changed_or_added_file_is_a_miss(project, compile_):
    quizzes = project("good")
    first = compile_(quizzes)
    (quizzes / "demo" / "quiz.py").write_text(
        (quizzes / "demo" / "quiz.py").read_text() + "\n# a comment\n"
    )
    edited = compile_(quizzes)
    (quizzes / "demo" / "extra.py").write_text("X = 1\n")
    added = compile_(quizzes)
    assert not edited.from_cache and not added.from_cache
    assert len({first.key, edited.key, added.key}) == 3
    assert len({first.wheel_name, edited.wheel_name, added.wheel_name}) == 3


def test_citations_are_checked_even_on_a_cache_hit(project, compile_):
    quizzes = project("good")
    compile_(quizzes)
    with pytest.raises(ContentError) as caught:
        compile_(quizzes, bibliography_keys=["another-source"])
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.code) == ("quizzes/demo/quiz.py", 10, "E421")
    assert problem.source_line.strip() == 'explanation="Around the kneecap [@known-source].",'


def test_use_cache_false_always_compiles(project, compile_):
    quizzes = project("good")
    compile_(quizzes)
    assert not compile_(quizzes, use_cache=False).from_cache


def test_a_failure_while_packaging_leaves_nothing_behind(project, compile_, tmp_path, monkeypatch):
    def broken(path):
        path.with_name("half-written.whl").write_bytes(b"PK")
        raise WheelError("simulated failure")

    monkeypatch.setattr(pyccache, "py_compile_archive", broken)
    with pytest.raises(WheelError):
        compile_(project("good"))
    assert _entries(tmp_path) == []


def test_a_folder_without_manifest_is_not_a_hit(project, compile_, tmp_path):
    quizzes = project("good")
    key = compile_(quizzes).key
    entry = tmp_path / "cache" / "quizc" / key
    (entry / "manifest.json").unlink()
    again = compile_(quizzes)
    assert not again.from_cache and (entry / "manifest.json").is_file()


def test_old_entries_are_pruned(tmp_path):
    root = tmp_path / "root"
    for n in range(cache.KEEP_ENTRIES + 2):
        staging = cache.staging_dir(root)
        entry = cache.publish(root, f"key{n}", staging, {"n": n})
        os.utime(entry, (1000 + n, 1000 + n))
    kept = sorted(p.name for p in root.iterdir())
    assert len(kept) == cache.KEEP_ENTRIES
    assert "key0" not in kept and f"key{cache.KEEP_ENTRIES + 1}" in kept


def test_an_edit_recompiles_only_the_edited_module(project, compile_, tmp_path, monkeypatch):
    """Per-module reuse: after one module changes, py-compile sees that module alone, and
    the wheel holds the same bytes as a build with an empty cache."""
    quizzes = project("good")
    compile_(quizzes)
    edited = quizzes / "demo" / "quiz.py"
    edited.write_text(edited.read_text() + "\n# a comment\n")
    compiled: list[list[str]] = []
    real = pyccache.py_compile_archive

    def spy(path):
        compiled.append(sorted(n for n in read_entries(path) if n.endswith(".py")))
        return real(path)

    monkeypatch.setattr(pyccache, "py_compile_archive", spy)
    reused = compile_(quizzes)
    assert compiled == [["quizzes/demo/quiz.py"]]
    shutil.rmtree(tmp_path / "cache")
    fresh = compile_(quizzes)
    assert len(compiled) == 2 and len(compiled[1]) > 1
    assert reused.wheel_path.read_bytes() == fresh.wheel_path.read_bytes()
