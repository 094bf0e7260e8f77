"""Theme files no page of this site can request, left out of the build (issue 9).

Material copies every file of its `assets/` into the site. Two kinds are never fetched by a
reader's browser:

- source maps (`*.map`, 1.3 MB): only a browser's developer tools fetch them, through the
  `sourceMappingURL` comment; without them the tools show the minified code;
- search languages: Material's search worker loads `lunr/min/lunr.<lang>.min.js` for each
  configured search language other than English, `lunr.stemmer.support.min.js` with them,
  `lunr.multi.min.js` for more than one language, `tinyseg.js` for Japanese and
  `wordcut.js` for Hindi and Thai (`lunr_files`, Material 9's rule); the rest (0.9 MB for an
  English site) is dead weight.

The plugin removes them from MkDocs's files in `on_files`, so they are never written nor
served. `tests/sites/test_shipped_files.py` checks that every file left in the site is
requested by something. No MkDocs import.
"""

from __future__ import annotations

from collections.abc import Iterable

SOURCE_MAP_SUFFIX = ".map"
LUNR_DIR = "assets/javascripts/lunr/"


def lunr_files(languages: Iterable[str]) -> set[str]:
    """The files under `lunr/` that Material's search worker imports for `languages`."""
    languages = list(languages)
    needed: set[str] = set()
    for language in languages:
        if language == "ja":
            needed.add("tinyseg.js")
        elif language in ("hi", "th"):
            needed.add("wordcut.js")
        if language != "en":
            needed.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    return {LUNR_DIR + name for name in needed}


def unrequested(theme_files: Iterable[str], search_languages: Iterable[str] | None) -> list[str]:
    """Of the theme's files (site-relative paths), those no page can request.

    `search_languages` is the search plugin's `lang`, `[]` without a search plugin, or None
    when unknown (then every search language file is kept).
    """
    keep = None if search_languages is None else lunr_files(search_languages)

    def unused(path: str) -> bool:
        if path.endswith(SOURCE_MAP_SUFFIX):
            return True
        return keep is not None and path.startswith(LUNR_DIR) and path not in keep

    return [path for path in theme_files if unused(path)]
