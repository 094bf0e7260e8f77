"""`edusite new`: start an article (and optionally its quiz) from templates that pass the checks.

The templates live in `edusite/templates/new/`; every field carries a note saying what it is
for, so an editor learns the format by filling it in. Nothing is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from string import Template

import yaml

from edusite.config import EduSiteConfig

TEMPLATES = Path(__file__).parent / "templates" / "new"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SLUG_MAX = 60
"""Longest page name: it becomes the address, and keeps the quiz files' lines within the
100 characters the pull-request check allows (the title never goes into Python files)."""


class ScaffoldError(Exception):
    """A reason the files cannot be created (bad name, file already there)."""


@dataclass(frozen=True)
class NewArticle:
    """What `edusite new` needs to know; `slug` becomes the file name and the URL."""

    slug: str
    title: str = ""
    description: str = ""
    with_quiz: bool = False
    today: dt.date | None = None

    @property
    def module_name(self) -> str:
        return self.slug.replace("-", "_")

    @property
    def quiz_id(self) -> str:
        return f"{self.slug}-quiz"


def _fill(name: str, values: dict[str, str]) -> str:
    return Template((TEMPLATES / name).read_text(encoding="utf-8")).substitute(values)


def _title(article: NewArticle) -> str:
    return article.title or article.slug.replace("-", " ").capitalize()


def _yaml_text(text: str) -> str:
    """Text safe inside the template's double-quoted YAML strings."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _mkdocs_settings(project_dir: Path) -> dict:
    """mkdocs.yml as plain strings, or {} if it is missing or unreadable."""
    try:
        loaded = yaml.load((project_dir / "mkdocs.yml").read_text("utf-8"), yaml.BaseLoader)
    except (OSError, yaml.YAMLError):
        loaded = None
    return loaded if isinstance(loaded, dict) else {}


def _site_settings(project_dir: Path) -> tuple[str, str]:
    """(the site's default byline, docs folder) from mkdocs.yml, with the defaults of the
    plugin (`EduSiteConfig.default_byline`) and MkDocs if unreadable."""
    settings = _mkdocs_settings(project_dir)
    options: dict = {}
    for plugin in settings.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("edusite"), dict):
            options = plugin["edusite"]
    config = EduSiteConfig()
    config.load_dict({k: options[k] for k in ("publisher", "byline") if k in options})
    config.validate()
    byline = config.default_byline(str(settings.get("site_name", "site")))
    return byline, str(settings.get("docs_dir", "docs"))


def nav_hint(article: NewArticle, project_dir: Path) -> str | None:
    """The line to add to mkdocs.yml's `nav:` when the site lists its pages by hand.

    MkDocs only logs a page left out of an explicit `nav:` at INFO level, so nothing else
    would tell the editor that readers cannot find the new page from the menu.
    """
    if "nav" not in _mkdocs_settings(project_dir):
        return None
    entry = f'- "{_title(article)}": {article.slug}.md'
    return f"list it in the menu: under `nav:` in mkdocs.yml, add the line  {entry}"


def plan(article: NewArticle, project_dir: Path) -> dict[Path, str]:
    """The files to create and their text, or `ScaffoldError` if any name is bad or taken."""
    if len(article.slug) > SLUG_MAX:
        raise ScaffoldError(
            f'"{article.slug}" is too long for a page name: use at most {SLUG_MAX} characters '
            "(the title can be as long as it needs)"
        )
    if not SLUG.match(article.slug):
        raise ScaffoldError(
            f'"{article.slug}" is not a valid page name: use lowercase words joined by '
            "hyphens, e.g. healthy-sleep"
        )
    byline, docs_dir = _site_settings(project_dir)
    title = _title(article)
    values = {
        "slug": article.slug,
        "docs_dir": docs_dir,
        "title": _yaml_text(title),
        "description": _yaml_text(article.description or f"A plain-language guide: {title}."),
        # Shown in the note: without a `byline:` the page gets the site's (a team, no person).
        "byline": byline,
        "today": (article.today or dt.date.today()).isoformat(),
        "quiz_id": article.quiz_id,
        "module_name": article.module_name,
        "quiz_section": "",
    }
    files: dict[Path, str] = {}
    if article.with_quiz:
        values["quiz_section"] = _fill("quiz_section.md", values)
        package = project_dir / "quizzes" / article.module_name
        files[package / "__init__.py"] = _fill("quiz_init.py.tmpl", values)
        files[package / "quiz.py"] = _fill("quiz.py.tmpl", values)
    files = {project_dir / docs_dir / f"{article.slug}.md": _fill("article.md", values), **files}
    if taken := [path for path in files if path.exists()]:
        shown = ", ".join(str(path.relative_to(project_dir)) for path in taken)
        raise ScaffoldError(f"not overwriting what is already there: {shown}")
    return files


def create(article: NewArticle, project_dir: Path) -> list[Path]:
    """Write the planned files (all are checked before any is written); return their paths."""
    files = plan(article, project_dir)
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
