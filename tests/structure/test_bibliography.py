"""Bibliography: CSL-JSON validation with the entry's line, and its entries formatted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from edusite.errors import Problems
from edusite.structure.bibliography import parse_bibliography
from edusite.structure.references import format_reference_html, reference_jsonld

ROOT = Path(__file__).resolve().parents[2]

JOURNAL = {
    "id": "crossley2016",
    "type": "article-journal",
    "title": "Patellofemoral pain consensus statement",
    "author": [{"family": f"Author{i}", "given": "Kay M."} for i in range(1, 8)],
    "container-title": "British Journal of Sports Medicine",
    "container-title-short": "Br J Sports Med",
    "issued": {"date-parts": [[2016]]},
    "volume": "50",
    "issue": "14",
    "page": "839-843",
    "DOI": "10.1136/bjsports-2016-096384",
}
WEBPAGE = {
    "id": "org-page",
    "type": "webpage",
    "title": "Runner's knee",
    "author": [{"literal": "University Medical Center"}],
    "container-title": "Health Encyclopedia",
    "URL": "https://example.org/knee?a=1&b=2",
    "accessed": {"date-parts": [[2026, 11, 25]]},
}


def load(entries: list) -> tuple[object, list[str]]:
    problems = Problems()
    text = json.dumps(entries, indent=2, ensure_ascii=False)
    bib = parse_bibliography(text, "content/references.json", problems)
    return bib, [f"{p.line} {p.code} {p.message}" for p in problems]


def test_the_real_bibliography_is_valid() -> None:
    problems = Problems()
    text = (ROOT / "content/references.json").read_text(encoding="utf-8")
    bib = parse_bibliography(text, "content/references.json", problems)
    assert list(problems) == []
    assert len(bib.keys()) == len(json.loads(text))  # every entry parsed, none dropped


def test_entries_keep_file_order_and_their_line() -> None:
    bib, problems = load([JOURNAL, WEBPAGE])
    assert problems == []
    assert bib.keys() == ["crossley2016", "org-page"]
    assert bib.line_of("crossley2016") == 3  # the `"id"` line
    assert bib.line_of("org-page") > bib.line_of("crossley2016")


@pytest.mark.parametrize("ascii_only", [True, False], ids=["escaped", "raw"])
def test_each_entry_is_found_at_the_line_of_its_id(ascii_only: bool) -> None:
    # An exporter may write "müller" as is or as "m\\u00fcller": both are found at their line.
    entries = [{**WEBPAGE, "id": f"müller-{n}"} for n in range(50)]
    text = json.dumps(entries, indent=2, ensure_ascii=ascii_only)
    bib = parse_bibliography(text, "content/references.json", Problems())
    lines = text.split("\n")
    for key in bib:
        assert json.loads("{" + lines[bib.line_of(key) - 1].strip().rstrip(",") + "}") == {
            "id": key
        }


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"title": ""}, "`title` is missing"),
        ({"author": []}, "`author` must list at least one author"),
        ({"author": [{"given": "A"}]}, "each author needs `family`"),
        ({"issued": {"date-parts": [["soon"]]}}, "`issued` must give the year"),
        ({"DOI": "https://doi.org/10.1/x"}, "the DOI `https://doi.org/10.1/x` is not of the form"),
        ({"DOI": "11.1136/x"}, "is not of the form 10.xxxx/..."),
        ({"type": "journal"}, "`type` must be one of"),
        ({"id": "has space"}, "`id` must be a citation key"),
        ({"id": "trailing-"}, "`id` must be a citation key"),
    ],
)
def test_a_bad_entry_is_reported_at_its_line(change: dict, expected: str) -> None:
    second = {**JOURNAL, "id": "second", **change}
    bib, problems = load([WEBPAGE, second])
    assert len(problems) == 1
    line, code, message = problems[0].split(" ", 2)
    assert code == "E202" and expected in message
    assert int(line) > 3  # the second entry, not the first
    assert "second" not in bib or change.get("id")


def test_a_webpage_may_give_accessed_instead_of_issued() -> None:
    assert load([WEBPAGE])[1] == []
    no_date = {k: v for k, v in WEBPAGE.items() if k != "accessed"}
    assert "`issued` must give the year" in load([no_date])[1][0]


def test_duplicate_keys_and_bad_json() -> None:
    first_problem = load([JOURNAL, JOURNAL])[1][0]
    assert first_problem.startswith("51 E203 the key `crossley2016`")  # the second entry
    problems = Problems()
    parse_bibliography('[\n  {"id": "a",}\n]', "refs.json", problems)
    assert [(p.line, p.code) for p in problems] == [(2, "E201")]


def test_journal_reference_in_vancouver_style() -> None:
    bib, _ = load([{**JOURNAL, "author": JOURNAL["author"][:2]}])
    assert format_reference_html(bib["crossley2016"]) == (
        "Author1 KM, Author2 KM. Patellofemoral pain consensus statement. Br J Sports Med. "
        '2016;50(14):839\u201343. doi:\u00a0<a class="source-doi" '
        'href="https://doi.org/10.1136/bjsports-2016-096384">'
        "https://doi.org/10.1136/bjsports-2016-096384</a>"
    )


def test_et_al_after_six_authors() -> None:
    bib, _ = load([JOURNAL])
    names = ", ".join(f"Author{i} KM" for i in range(1, 7))
    assert format_reference_html(bib["crossley2016"]).startswith(names + ", et al. ")


def test_webpage_reference_with_its_address_and_access_date() -> None:
    bib, _ = load([WEBPAGE])
    assert format_reference_html(bib["org-page"]) == (
        "University Medical Center. Health Encyclopedia [Internet]. [cited 2026 Nov 25]. "
        "Runner&#x27;s knee. Available from: "
        '<a class="source-url" href="https://example.org/knee?a=1&amp;b=2">'
        "https://example.org/knee?a=1&amp;b=2</a>"
    )


def test_odd_characters_in_titles_are_escaped() -> None:
    odd = {
        **JOURNAL,
        "title": "Knees & <script>alert(\"x\")</script> 'quoted'",
        "author": [{"literal": "A & B <Group>"}],
        "container-title-short": "J <X>",
    }
    bib, _ = load([odd])
    html = format_reference_html(bib["crossley2016"])
    assert "<script>" not in html and "<Group>" not in html and "<X>" not in html
    title = "Knees &amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#x27;quoted&#x27;."
    assert title in html
    assert html.startswith("A &amp; B &lt;Group&gt;. ")


def test_reference_jsonld() -> None:
    bib, _ = load([JOURNAL, WEBPAGE])
    article = reference_jsonld(bib["crossley2016"])
    assert article["@type"] == "ScholarlyArticle"
    assert article["sameAs"] == "https://doi.org/10.1136/bjsports-2016-096384"
    assert article["isPartOf"] == {"@type": "Periodical", "name": "Br J Sports Med"}
    assert article["author"][0] == {
        "@type": "Person",
        "familyName": "Author1",
        "givenName": "Kay M.",
        "name": "Kay M. Author1",
    }
    page = reference_jsonld(bib["org-page"])
    assert page["@type"] == "CreativeWork" and page["url"] == WEBPAGE["URL"]
    assert page["author"] == [{"@type": "Organization", "name": "University Medical Center"}]
