"""BibTeX bibliographies: each entry type read into the model, problems at the `.bib` line."""

from __future__ import annotations

from pathlib import Path

import pytest
from edusite.errors import Problems
from edusite.structure.bibliography import Author, Bibliography, parse_bibliography

ENTRIES = (Path(__file__).with_name("sources.bib")).read_text(encoding="utf-8")


def load(text: str) -> tuple[Bibliography, list[str]]:
    problems = Problems()
    bib = parse_bibliography(text, "content/references.bib", problems)
    return bib, [f"{p.line} {p.code} {p.message}" for p in problems]


def test_every_entry_type_is_read_in_file_order_with_its_line() -> None:
    bib, problems = load(ENTRIES)
    assert problems == []
    assert bib.keys() == [
        "besier2015",
        "smith2019",
        "jones2019",
        "jones2020",
        "who2020",
        "nhs-knee",
        "aaos",
    ]
    assert [bib[k].type for k in bib] == [
        "article-journal",
        "book",
        "chapter",
        "chapter",
        "report",
        "webpage",
        "webpage",
    ]
    assert bib.line_of("besier2015") == 2
    assert bib.line_of("smith2019") == 13
    assert bib.line_of("aaos") == 50


def test_journal_article_fields_accents_and_doi_prefix() -> None:
    article = load(ENTRIES)[0]["besier2015"]
    assert article.title == "The role of cartilage stress in über-Besier pain"
    assert article.authors[2] == Author("Beaupré", "Gary S.")
    assert article.container == "Medicine & Science in Sports & Exercise"
    assert (article.year, article.volume, article.issue) == (2015, "47", "11")
    assert article.page == "2416-2422"
    assert article.doi == "10.1249/MSS.0000000000000685"


def test_book_and_chapter_fields() -> None:
    bib = load(ENTRIES)[0]
    book = bib["smith2019"]
    assert (book.publisher, book.publisher_place, book.year) == (
        "Human Kinetics",
        "Champaign (IL)",
        2019,
    )
    chapter = bib["jones2019"]
    assert chapter.container == "Running medicine"
    assert chapter.editors == (Author("Smith", "Jane"), Author("van der Berg", "Jan"))
    assert chapter.page == "10-20"


def test_corporate_authors_and_report_institution() -> None:
    report = load(ENTRIES)[0]["who2020"]
    assert report.authors == (Author(literal="World Health Organization"),)
    assert report.publisher == "World Health Organization"


def test_web_pages_take_url_howpublished_and_urldate() -> None:
    bib = load(ENTRIES)[0]
    page = bib["nhs-knee"]
    assert page.url == "https://www.nhs.uk/conditions/knee-pain/?a=1%20b"  # % is not a comment
    assert (page.year, page.accessed) == (None, (2026, 12, 1))
    assert bib["aaos"].container == "OrthoInfo"
    assert bib["aaos"].url == "https://orthoinfo.aaos.org/en/pfps/"


def test_a_broken_entry_is_reported_at_its_line_and_the_rest_is_kept() -> None:
    text = ENTRIES.replace("title     = {Running medicine},", "title     = {Running medicine,", 1)
    bib, problems = load(text)
    assert len(problems) == 1
    assert problems[0].startswith("13 E201 this BibTeX entry cannot be parsed")
    assert "smith2019" not in bib and "jones2019" in bib


def test_a_duplicate_key_is_reported_at_the_second_entry() -> None:
    text = ENTRIES + "\n@book{smith2019, author = {A, B}, title = {T}, year = {2001}}\n"
    bib, problems = load(text)
    assert problems == ["58 E203 the key `smith2019` is used by two entries"]
    assert bib["smith2019"].year == 2019


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("@article{a, author = {A, B}, year = {2020}}", "1 E202 entry `a`: `title` is missing"),
        ("@article{a, title = {T}, year = {2020}}", "`author` must list at least one author"),
        ("@article{a, title = {T}, author = {A, B}}", "1 E202 entry `a`: `year` is missing"),
        ("@misc{a, title = {T}, author = {A, B}}", "`year` is missing"),
        ("@thesis{a, title = {T}, author = {A, B}, year = 2000}", "this entry type is not read"),
        ("@misc{a, title = {T}, author = {A, B}, urldate = {soon}}", "`urldate` must be a date"),
        ("@article{a, title={T}, author={A, B}, year=2000, doi={11.1/x}}", "the `doi` `11.1/x`"),
        ("@misc{a, title={T}, author={A, B}, year=2000, url={www.x.org}}", "the `url`"),
        ("@book{a, title = {T}, title = {U}, author = {A, B}}", "the entry gives `title` twice"),
    ],
)
def test_a_bad_entry_is_reported_in_bibtex_words(entry: str, expected: str) -> None:
    problems = load("\n" * 3 + entry)[1]
    assert len(problems) == 1, problems
    assert problems[0].startswith("4 ")
    assert expected.removeprefix("1 ") in problems[0]


def test_an_entry_type_message_names_the_type_found() -> None:
    problems = Problems()
    parse_bibliography("@thesis{a, title={T}, author={A, B}, year=2000}", "r.bib", problems)
    assert "found @thesis" in next(iter(problems)).hint
