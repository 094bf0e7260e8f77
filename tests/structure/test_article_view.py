"""The article view the templates get, and its MedicalWebPage JSON-LD."""

from __future__ import annotations

import datetime as dt
import json

from edusite.errors import Problems
from edusite.structure.article import build_article, byline_text, script_json, team_name
from edusite.structure.bibliography import parse_bibliography
from edusite.structure.frontmatter import FrontMatter

BIB = parse_bibliography(
    json.dumps(
        [
            {
                "id": "a2019",
                "type": "article-journal",
                "title": "A study",
                "author": [{"family": "Alpha", "given": "A"}],
                "issued": {"date-parts": [[2019]]},
                "DOI": "10.1000/a",
            },
            {
                "id": "web",
                "type": "webpage",
                "title": "A page",
                "author": [{"literal": "Org"}],
                "URL": "https://example.org/p",
                "accessed": {"date-parts": [[2026, 1, 2]]},
            },
        ]
    ),
    "refs.json",
    Problems(),
)


def matter(**extra: object) -> FrontMatter:
    fields = {
        "type": "article",
        "title": "Knees & </script>",
        "description": "About knees.",
        "summary": ["One.", "Two."],
        "byline": "the Knee Guide editorial team",
        "reviewed": dt.date(2026, 11, 5),
        "tags": ["knee", "running"],
        **extra,
    }
    return FrontMatter(fields)


def view(**extra: object):
    return build_article(
        matter(**extra),
        url="https://example.org/guide/knee/",
        publisher="Knee Guide",
        byline="the Site Default editorial team",
        disclaimer="Not advice.",
        cited=["web", "a2019"],
        bibliography=BIB,
    )


def test_byline_and_team_name() -> None:
    assert team_name("the Knee Guide editorial team") == "Knee Guide editorial team"
    assert team_name("Knee Guide editorial team") == "Knee Guide editorial team"
    assert byline_text("Knee Guide editorial team") == "the Knee Guide editorial team"


def test_view_for_the_templates() -> None:
    article = view()
    assert article.byline == "the Knee Guide editorial team"
    assert article.reviewed_iso == "2026-11-05"
    assert article.reviewed_text == "5 November 2026"
    assert article.summary == ("One.", "Two.")


def test_medical_web_page_jsonld() -> None:
    data = json.loads(view().jsonld)
    assert data["@type"] == "MedicalWebPage"
    assert data["headline"] == "Knees & </script>"
    assert data["lastReviewed"] == data["dateModified"] == "2026-11-05"
    team = {"@type": "Organization", "name": "Knee Guide editorial team"}
    assert data["author"] == data["reviewedBy"] == team
    assert data["publisher"] == {"@type": "Organization", "name": "Knee Guide"}
    assert data["url"] == "https://example.org/guide/knee/"
    assert [c["name"] for c in data["citation"]] == ["A page", "A study"]  # citation order
    assert data["about"] == {"@type": "Thing", "name": "Knees & </script>"}


def test_an_article_without_a_byline_gets_the_sites() -> None:
    article = view(byline="")
    assert article.byline == "the Site Default editorial team"
    data = json.loads(article.jsonld)
    assert data["author"] == {"@type": "Organization", "name": "Site Default editorial team"}


def test_about_names_the_medical_condition() -> None:
    data = json.loads(view(about="Patellofemoral pain syndrome").jsonld)
    assert data["about"] == {"@type": "MedicalCondition", "name": "Patellofemoral pain syndrome"}


def test_jsonld_is_safe_inside_a_script_element() -> None:
    text = view().jsonld
    assert "</script>" not in text and "<" not in text and "&" not in text
    assert json.loads(script_json({"x": "<&>'"})) == {"x": "<&>'"}
    # Jinja's rule, so the page's two JSON-in-HTML outputs escape alike; non-ASCII stays.
    assert script_json({"x": "Ménière's <b>"}) == '{"x": "Ménière\\u0027s \\u003cb\\u003e"}'
