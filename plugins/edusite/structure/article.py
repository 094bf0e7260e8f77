"""What the templates show around an article, and its schema.org MedicalWebPage JSON-LD.

The plugin builds one `ArticleView` per article page after rendering (when the cited sources
are known) and hands it to the templates as `edusite_article`; the templates never compute
anything themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from jinja2.utils import htmlsafe_json_dumps

from edusite.structure.bibliography import Bibliography
from edusite.structure.frontmatter import FrontMatter
from edusite.structure.references import reference_jsonld


@dataclass(frozen=True)
class ArticleView:
    """Header data for the templates; `jsonld` is ready to put inside a `<script>` element."""

    title: str
    description: str
    byline: str
    team: str
    reviewed: dt.date | None
    summary: tuple[str, ...]
    tags: tuple[str, ...]
    disclaimer: str
    jsonld: str

    @property
    def reviewed_iso(self) -> str:
        return self.reviewed.isoformat() if self.reviewed else ""

    @property
    def reviewed_text(self) -> str:
        return date_text(self.reviewed)


def date_text(day: dt.date | None) -> str:
    """'25 November 2026': unambiguous in every English-speaking country ("" for None)."""
    return f"{day.day} {day:%B} {day.year}" if day else ""


def team_name(byline: str) -> str:
    """'the Example Health editorial team' -> 'Example Health editorial team'."""
    text = byline.strip()
    return text[4:] if text.lower().startswith("the ") else text


def byline_text(byline: str) -> str:
    """What follows 'By': the team with its article ('the ...')."""
    return f"the {team_name(byline)}" if byline.strip() else ""


def build_article(
    matter: FrontMatter,
    *,
    url: str,
    publisher: str,
    byline: str,
    disclaimer: str,
    cited: list[str],
    bibliography: Bibliography,
) -> ArticleView:
    """The view of one article; `cited` are its source keys in citation order; `byline` is
    the site's default, for an article whose front matter gives none."""
    byline = str(matter.get("byline") or byline)
    data = article_jsonld(
        matter,
        url=url,
        publisher=publisher,
        byline=byline,
        cited=cited,
        bibliography=bibliography,
    )
    return ArticleView(
        title=str(matter.get("title", "")),
        description=str(matter.get("description", "")),
        byline=byline_text(byline),
        team=team_name(byline),
        reviewed=matter.reviewed,
        summary=tuple(matter.get("summary", ())),
        tags=tuple(matter.get("tags", ())),
        disclaimer=disclaimer,
        jsonld=script_json(data),
    )


def article_jsonld(
    matter: FrontMatter,
    *,
    url: str,
    publisher: str,
    byline: str,
    cited: list[str],
    bibliography: Bibliography,
) -> dict[str, Any]:
    """schema.org MedicalWebPage: the editorial team (the article's `byline`, else the site's
    `byline`) as author, the site's `publisher` as publisher."""
    team = {"@type": "Organization", "name": team_name(str(matter.get("byline") or byline))}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "headline": matter.get("title", ""),
        "name": matter.get("title", ""),
        "description": matter.get("description", ""),
        "inLanguage": "en",
        "author": team,
        "reviewedBy": team,
        "publisher": {"@type": "Organization", "name": publisher},
    }
    if url:
        data["url"] = url
    if matter.reviewed:
        data["dateModified"] = data["lastReviewed"] = matter.reviewed.isoformat()
    about = matter.get("about")
    data["about"] = (
        {"@type": "MedicalCondition", "name": about}
        if about
        else {"@type": "Thing", "name": matter.get("title", "")}
    )
    if matter.get("tags"):
        data["keywords"] = ", ".join(matter.get("tags"))
    citations = [reference_jsonld(bibliography[k]) for k in cited if k in bibliography]
    if citations:
        data["citation"] = citations
    return data


def script_json(data: Any) -> str:
    """JSON that cannot end its `<script>` element early: Jinja's own rule (`<`, `>`, `&`
    and `'` as `\\u` escapes), the one the theme's `tojson` filter uses too."""
    return str(htmlsafe_json_dumps(data, ensure_ascii=False))
