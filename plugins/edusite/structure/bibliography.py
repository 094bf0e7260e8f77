"""The bibliography file, CSL-JSON or BibTeX by its extension, loaded into one model.

Editors keep whatever their reference manager exports: `.json` is CSL-JSON (`csljson.py`),
`.bib` is BibTeX (`bibtex.py`). Both give the same `Reference`s, validated by the same rules
(`entries.py`), so nothing after loading knows the format. Formatting lives in
`references.py`.
"""

from __future__ import annotations

from pathlib import Path

from edusite.errors import Problems
from edusite.structure.bibtex import parse_bibtex
from edusite.structure.csljson import parse_csl_json
from edusite.structure.refmodel import Author, Bibliography, Reference

__all__ = ["Author", "Bibliography", "Reference", "load_bibliography", "parse_bibliography"]

BIBTEX_SUFFIXES = (".bib", ".bibtex")
UNREADABLE = "E200"


def load_bibliography(
    path: str | Path, problems: Problems, label: str | None = None
) -> Bibliography:
    """Read and validate the file at `path`; `label` is the path shown in messages."""
    label = label or str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not UTF-8 text"
        problems.add(
            label,
            1,
            UNREADABLE,
            f"cannot read the bibliography: {reason}",
            "check the `bibliography` option of the edusite plugin in mkdocs.yml "
            "(a .json CSL-JSON or .bib BibTeX file, saved as UTF-8)",
        )
        return Bibliography(label)
    return parse_bibliography(text, label, problems)


def parse_bibliography(text: str, label: str, problems: Problems) -> Bibliography:
    """Validate `text`: BibTeX when `label` ends in `.bib`, otherwise CSL-JSON."""
    if Path(label).suffix.lower() in BIBTEX_SUFFIXES:
        return parse_bibtex(text, label, problems)
    return parse_csl_json(text, label, problems)
