"""Images: each needs alt text, and a local image must exist in the docs folder.

Alt text is what a screen reader says and what shows if the image fails to load; MkDocs
would publish an image without it silently. A missing file is only a warning in MkDocs and
carries no line number, so we report it here with the line of the image.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import unquote, urlsplit

from edusite.checks.refs import Ref, find_refs
from edusite.errors import ContentProblem
from edusite.structure.sourcepage import SourcePage


def is_external(target: str) -> bool:
    """A web address, protocol-relative URL, or a `data:`/`mailto:`-style URI."""
    parts = urlsplit(target)
    return bool(parts.scheme or parts.netloc)


def resolve_in_docs(target_path: str, src_uri: str) -> str:
    """The docs-relative path a relative or `/`-rooted target refers to (POSIX, normalised)."""
    base = [] if target_path.startswith("/") else src_uri.split("/")[:-1]
    parts: list[str] = []
    for piece in [*base, *target_path.split("/")]:
        if piece in ("", "."):
            continue
        if piece == "..":
            if parts:
                parts.pop()
            continue
        parts.append(piece)
    return "/".join(parts)


def check_images(
    doc: SourcePage, docs_dir: Path, refs: Sequence[Ref] | None = None
) -> list[ContentProblem]:
    """Images without alt text (E511) and local images missing from disk (E512); `refs`:
    the page's `find_refs`, when the caller has them already."""
    problems: list[ContentProblem] = []
    for ref in find_refs(doc) if refs is None else refs:
        if ref.kind != "image":
            continue
        line = doc.line_of(ref.offset)
        source = doc.line_text(line)
        if not (ref.alt or "").strip():
            problems.append(
                ContentProblem(
                    doc.path,
                    line,
                    "E511",
                    f"image has no alt text: {ref.target or '(no file)'}",
                    "Describe the image in the square brackets: what a reader should see in "
                    "it, e.g. ![A bridge exercise, seen from the side](images/bridge.svg).",
                    source,
                )
            )
        if not ref.target or is_external(ref.target):
            continue
        relative = resolve_in_docs(unquote(urlsplit(ref.target).path), doc.src_uri)
        if not (docs_dir / relative).is_file():
            problems.append(
                ContentProblem(
                    doc.path,
                    line,
                    "E512",
                    f"image file not found: {ref.target}",
                    f"Add the file as {docs_dir.name}/{relative}, or fix the path "
                    "(it is relative to this page's folder).",
                    source,
                )
            )
    return problems
