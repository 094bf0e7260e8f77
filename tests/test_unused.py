"""Which theme files the build leaves out (`edusite.unused`); the built site is checked by
`tests/sites/test_shipped_files.py`."""

from __future__ import annotations

from pathlib import Path

import material
from edusite.unused import LUNR_DIR, lunr_files, unrequested

THEME = [
    "assets/javascripts/bundle.min.js",
    "assets/javascripts/bundle.min.js.map",
    "assets/stylesheets/main.min.css.map",
    f"{LUNR_DIR}min/lunr.de.min.js",
    f"{LUNR_DIR}min/lunr.fr.min.js",
    f"{LUNR_DIR}min/lunr.multi.min.js",
    f"{LUNR_DIR}min/lunr.stemmer.support.min.js",
    f"{LUNR_DIR}tinyseg.js",
    f"{LUNR_DIR}wordcut.js",
]


def test_an_english_site_needs_no_search_language_file() -> None:
    assert lunr_files(["en"]) == set()
    kept = set(THEME) - set(unrequested(THEME, ["en"]))
    assert kept == {"assets/javascripts/bundle.min.js"}


def test_other_languages_keep_what_the_search_worker_imports() -> None:
    assert lunr_files(["en", "de"]) == {
        f"{LUNR_DIR}min/lunr.de.min.js",
        f"{LUNR_DIR}min/lunr.multi.min.js",
        f"{LUNR_DIR}min/lunr.stemmer.support.min.js",
    }
    assert lunr_files(["ja"]) == {
        f"{LUNR_DIR}tinyseg.js",
        f"{LUNR_DIR}min/lunr.ja.min.js",
        f"{LUNR_DIR}min/lunr.stemmer.support.min.js",
    }
    assert f"{LUNR_DIR}wordcut.js" in lunr_files(["th"])
    assert f"{LUNR_DIR}min/lunr.fr.min.js" not in unrequested(THEME, ["fr"])


def test_unknown_languages_keep_every_search_file() -> None:
    assert unrequested(THEME, None) == [
        "assets/javascripts/bundle.min.js.map",
        "assets/stylesheets/main.min.css.map",
    ]


def test_the_rule_is_the_installed_material_search_worker_s() -> None:
    """If Material changes how its worker picks language files, this copy must follow."""
    workers = Path(material.__file__).parent / "templates/assets/javascripts/workers"
    code = next(workers.glob("search.*.min.js")).read_text(encoding="utf-8")
    for fragment in (
        'case"ja":',
        "/tinyseg.js`",
        'case"hi":case"th":',
        "/wordcut.js`",
        '!=="en"&&',
        "/min/lunr.${",
        ".length>1&&",
        "/min/lunr.multi.min.js`",
        "/min/lunr.stemmer.support.min.js`",
    ):
        assert fragment in code, fragment
