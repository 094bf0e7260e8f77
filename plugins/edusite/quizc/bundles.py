"""Per-page quiz bundles: which files each quiz module needs in the browser, as small zips.

A page downloads the shared bundle (quizkit and the worker's start-up, `edusite_boot`) and,
for each quiz it embeds, the bundle of the module that defines it: that module with its
local-import closure inside the quizzes package (the modules it imports there, at any depth,
and the `__init__` of every package on the way, which Python imports first). A helper module
imported by two quiz modules sits in both bundles; it is small, and each bundle stays one
request. Bundles are reproducible zips named by the hash of their bytes, so a module whose
closure did not change keeps its file name, and readers' caches, across deploys; the worker
unpacks them with Pyodide's `unpackArchive` and imports exactly the bundle's module.
Imports are read from the AST; dynamic imports are not chased (as in `imports.py`).
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from edusite.quizc.imports import absolute_imports
from edusite.quizc.source import module_name, python_files
from edusite.quizc.wheel import write_zip

SHARED = "edusite_shared"
"""The shared bundle's file name stem: `edusite_shared-<hash12>.zip`."""


@dataclass(frozen=True)
class Source:
    """One module of the quizzes package: its path in a bundle (`.py`) and its AST (None
    where it does not parse: it then imports nothing)."""

    arcname: str
    tree: ast.Module | None

    @property
    def is_package(self) -> bool:
        return self.arcname.endswith("/__init__.py")


def closure(module: str, trees: Mapping[str, Source]) -> list[str]:
    """`module` and every module of the package it needs, sorted: its local imports at any
    depth and the parent packages of each. `trees` maps every module of the package (dotted
    name) to its source."""
    found: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        if name in found or name not in trees:
            continue
        found.add(name)
        parts = name.split(".")
        todo.extend(".".join(parts[:i]) for i in range(1, len(parts)))
        tree = trees[name].tree
        if tree is not None:
            todo.extend(_imported(name, tree, trees))
    return sorted(found)


def _imported(name: str, tree: ast.Module, trees: Mapping[str, Source]) -> set[str]:
    """Modules of the package that `name` imports, relative or absolute (`from a import b`
    counts `a.b` when b is a module)."""
    package = name if trees[name].is_package else name.rpartition(".")[0]
    found = {dotted for _, dotted in absolute_imports(tree)}
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            anchor = anchor[: len(anchor) - (node.level - 1)] if node.level > 1 else anchor
            base = ".".join([*anchor, *([base] if base else [])])
        found.add(base)
        found.update(f"{base}.{alias.name}" for alias in node.names)
    local = set()
    for dotted in found:
        parts = dotted.split(".")
        local.update(p for i in range(1, len(parts) + 1) if (p := ".".join(parts[:i])) in trees)
    return local


def write_bundle(directory: Path, stem: str, entries: Mapping[str, bytes]) -> str:
    """Write `entries` as a reproducible zip `<stem>-<hash12>.zip` in `directory`; its name."""
    partial = directory / f".{stem}.zip"
    write_zip(partial, entries)
    digest = hashlib.sha256(partial.read_bytes()).hexdigest()[:12]
    name = f"{stem}-{digest}.zip"
    partial.replace(directory / name)
    return name


def plan(quiz_modules: Iterable[str], trees: Mapping[str, Source]) -> dict[str, list[str]]:
    """Quiz module -> the `.py` paths its bundle holds."""
    return {
        module: [trees[name].arcname for name in closure(module, trees)]
        for module in sorted(set(quiz_modules))
    }


def package_sources(package: Path) -> dict[str, Source]:
    """Every module of the quizzes package at `package`, by dotted name."""
    found = {}
    for path in python_files(package):
        arc = path.relative_to(package.parent).as_posix()
        try:
            tree: ast.Module | None = ast.parse(path.read_bytes(), filename=arc)
        except SyntaxError:
            tree = None
        found[module_name(package, path)] = Source(arc, tree)
    return found


def write_bundles(
    package: Path,
    entries: Mapping[str, bytes],
    directory: Path,
    *,
    shared: Iterable[str],
    quiz_modules: Iterable[str],
) -> tuple[str, dict[str, str]]:
    """Write the shared bundle (the `entries` whose top-level name is in `shared`) and one
    bundle per quiz module into `directory`, from the wheel's `entries` (`.py` or `.pyc`
    files); return the shared bundle's name and quiz module -> its bundle's name."""
    tops = set(shared)
    common = {n: d for n, d in entries.items() if n.split("/", 1)[0].split(".")[0] in tops}
    shared_name = write_bundle(directory, SHARED, common)
    names = {}
    for module, arcs in plan(quiz_modules, package_sources(package)).items():
        files = {}
        for arc in arcs:
            name = arc if arc in entries else arc[:-3] + ".pyc"
            files[name] = entries[name]
        names[module] = write_bundle(directory, module, files)
    return shared_name, names
