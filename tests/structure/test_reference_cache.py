"""Formatted references are reused by content, within a build and between builds (a
catalogue's pages share their sources, and citeproc-py takes ~15 ms per entry)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from edusite.structure import references
from edusite.structure.refmodel import Author, Reference

REF = Reference(
    key="org-page",
    type="webpage",
    title="Knee pain",
    authors=(Author(literal="Example Health Service"),),
    year=None,
    container="Example Health",
    url="https://example.org/knee",
    accessed=(2026, 11, 25),
)


@pytest.fixture
def empty_memo(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    memo: dict[str, str] = {}
    monkeypatch.setattr(references, "_FORMATTED", memo)
    return memo


def forbid_citeproc(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("citeproc-py was run for a reference formatted before")

    monkeypatch.setattr(references, "CitationStylesBibliography", fail)


def test_a_saved_text_is_reused_by_the_next_build(
    tmp_path: Path, empty_memo: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = references.format_reference_text(REF)
    assert text.startswith("Example Health Service")
    saved = tmp_path / "cache" / "references.json"
    references.save_formatted(saved, [REF])
    empty_memo.clear()  # a new process
    references.load_formatted(saved)
    forbid_citeproc(monkeypatch)
    assert references.format_reference_text(REF) == text


def test_any_changed_field_is_formatted_afresh(empty_memo: dict[str, str]) -> None:
    before = references.format_reference_text(REF)
    changed = dataclasses.replace(REF, title="Knee pain in runners")
    assert references.formatted_key(changed) != references.formatted_key(REF)
    assert "Knee pain in runners" in references.format_reference_text(changed)
    assert references.format_reference_text(REF) == before


def test_a_damaged_cache_file_is_an_empty_cache(tmp_path: Path, empty_memo: dict[str, str]) -> None:
    damaged = tmp_path / "references.json"
    damaged.write_text('{"truncated": ', encoding="utf-8")
    references.load_formatted(damaged)
    references.load_formatted(tmp_path / "missing.json")
    assert empty_memo == {}
    assert references.format_reference_text(REF).startswith("Example Health Service")


def test_only_the_bibliography_s_entries_are_kept(
    tmp_path: Path, empty_memo: dict[str, str]
) -> None:
    old = dataclasses.replace(REF, key="old", title="Removed from the bibliography")
    references.format_reference_text(old)
    references.format_reference_text(REF)
    saved = tmp_path / "references.json"
    references.save_formatted(saved, [REF])
    empty_memo.clear()
    references.load_formatted(saved)
    assert list(empty_memo) == [references.formatted_key(REF)]
