"""Reading quiz sources: the files of a package, their content hash, and lines found by AST.

Python keeps no record of where a module-level object was defined, so locations are found
in the source: the line of the top-level assignment that binds a quiz object's name, and
within it the line of a string literal such as a question id.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from pathlib import Path


def python_files(package_dir: Path) -> list[Path]:
    """Every `.py` file of a package, sorted, skipping caches and hidden folders."""
    files = []
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir).parts
        if any(part.startswith(".") or part == "__pycache__" for part in parts):
            continue
        files.append(path)
    return files


def module_name(package_dir: Path, path: Path) -> str:
    """Dotted module name of `path` inside the package rooted at `package_dir`."""
    parts = [package_dir.name, *path.relative_to(package_dir).with_suffix("").parts]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def content_hash(files: Iterable[tuple[str, bytes]], *salt: str) -> str:
    """SHA-256 over (name, bytes) pairs and salt strings, unambiguous about boundaries."""
    digest = hashlib.sha256()
    for part in salt:
        digest.update(b"salt\0" + part.encode() + b"\0")
    for name, data in sorted(files):
        digest.update(b"file\0" + name.encode() + b"\0" + str(len(data)).encode() + b"\0")
        digest.update(data)
    return digest.hexdigest()


def definition_node(tree: ast.Module, names: Iterable[str]) -> ast.stmt | None:
    """The last top-level statement that assigns one of `names` (the binding that wins)."""
    wanted = set(names)
    found: ast.stmt | None = None
    for node in tree.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id in wanted for t in targets):
            found = node
    return found


def statement_at(tree: ast.Module, line: int) -> ast.stmt | None:
    """The top-level statement whose lines include `line`."""
    for node in tree.body:
        if node.lineno <= line <= (node.end_lineno or node.lineno):
            return node
    return None


def literal_line(node: ast.AST, text: str, nth: int = 1, *, contains: bool = False) -> int | None:
    """Line of the `nth` string literal equal to (or containing) `text` inside `node`.

    For a multi-line string it is the line within the string where `text` starts.
    """
    hits = sorted(
        (child.lineno + child.value[: child.value.index(text)].count("\n"), child.col_offset)
        for child in ast.walk(node)
        if isinstance(child, ast.Constant)
        and isinstance(child.value, str)
        and (text in child.value if contains else child.value == text)
    )
    return hits[nth - 1][0] if len(hits) >= nth else None
