"""Each kind of source as the NLM/Vancouver CSL style writes it, from a BibTeX file.

The expected strings are Citing Medicine's patterns as the committed style produces them
through citeproc-py; they change only when the style or the processor does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from edusite.errors import Problems
from edusite.structure.bibliography import Bibliography, parse_bibliography
from edusite.structure.references import format_reference_html, format_reference_text

SOURCES = Path(__file__).with_name("sources.bib")


@pytest.fixture(scope="module")
def bib() -> Bibliography:
    problems = Problems()
    bib = parse_bibliography(SOURCES.read_text(encoding="utf-8"), "sources.bib", problems)
    assert list(problems) == []
    return bib


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        (
            "besier2015",
            "Besier TF, Pal S, Beaupré GS. The role of cartilage stress in über-Besier pain. "
            "Medicine & Science in Sports & Exercise. 2015;47(11):2416\u201322. "
            "doi:10.1249/MSS.0000000000000685",
        ),
        (
            "smith2019",
            "Smith J. Running medicine. Champaign (IL): Human Kinetics; 2019.",
        ),
        (
            "jones2019",
            "Jones B. The knee. In: Smith J, van der Berg J, editors. Running medicine. "
            "Human Kinetics; 2019. p. 10\u201320.",
        ),
        (
            "who2020",
            "World Health Organization. Guidelines on physical activity. "
            "World Health Organization; 2020.",
        ),
        (
            "nhs-knee",
            "National Health Service. Knee pain [Internet]. [cited 2026 Dec 1]. "
            "Available from: https://www.nhs.uk/conditions/knee-pain/?a=1%20b",
        ),
        (
            "aaos",
            "American Academy of Orthopaedic Surgeons. OrthoInfo [Internet]. "
            "[cited 2026 Nov 25]. Patellofemoral pain syndrome. "
            "Available from: https://orthoinfo.aaos.org/en/pfps/",
        ),
    ],
)
def test_each_type_in_vancouver_style(bib: Bibliography, key: str, expected: str) -> None:
    assert format_reference_text(bib[key]) == expected


def test_doi_and_address_become_links_in_the_html(bib: Bibliography) -> None:
    article = format_reference_html(bib["besier2015"])
    assert article.endswith(
        'doi:\u00a0<a class="source-doi" href="https://doi.org/10.1249/MSS.0000000000000685">'
        "https://doi.org/10.1249/MSS.0000000000000685</a>"
    )
    assert "Medicine &amp; Science in Sports &amp; Exercise." in article
    page = format_reference_html(bib["nhs-knee"])
    assert page.endswith(
        'Available from: <a class="source-url" '
        'href="https://www.nhs.uk/conditions/knee-pain/?a=1%20b">'
        "https://www.nhs.uk/conditions/knee-pain/?a=1%20b</a>"
    )


def test_a_key_with_capitals_is_formatted() -> None:
    problems = Problems()
    bib = parse_bibliography(
        "@book{Smith2019, author={Smith, Jane}, title={T}, year=2019}", "r.bib", problems
    )
    assert format_reference_text(bib["Smith2019"]) == "Smith J. T. 2019."
