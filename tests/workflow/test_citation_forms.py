"""Every way to cite from the editors' guide passes the check and builds into the page
(the small test site, its guide rewritten with Pandoc's forms), and nothing of it is left
on the page as text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.badinputs.sitecopy import edusite_check, make_site, mkdocs_build

FORMS = """
Knee pain around the kneecap is common in runners [see @aaos-pfps, p. 2].

## Symptoms {#symptoms}

@crossley2015 [p. 3] say it hurts when you climb stairs [-@crossley2015; @aaos-pfps]. Write
to help@example.org, or follow @home. In code: `[@aaos-pfps]`.

![A knee seen from the front](images/knee.svg)

See [the symptoms](#symptoms) or go [home](index.md).

/// faq
### Can I keep running?

Yes, if it does not hurt more, as @aaos-pfps explains.
///
"""


def _site(tmp_path: Path) -> Path:
    site = make_site(tmp_path / "site").parent
    guide = site / "content/guide.md"
    text = guide.read_text("utf-8")
    guide.write_text(text[: text.index("\n---\n") + 5] + FORMS, "utf-8")
    return site


def test_every_way_to_cite_passes_the_check(tmp_path: Path) -> None:
    result = edusite_check(_site(tmp_path))
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_every_way_to_cite_is_rendered_and_nothing_is_left_as_text(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = mkdocs_build(_site(tmp_path), out)
    assert result.returncode == 0, result.stderr
    page = (out / "guide" / "index.html").read_text("utf-8")
    article = page[page.index("<article") : page.index("</article>")]
    sups = [
        re.sub(r"<[^>]+>", "", s)
        for s in re.findall(r'<sup class="citation"[^>]*>(.*?)</sup>', article)
    ]
    assert sups == ["see 1, p. 2", "2, p. 3", "2", "1", "1"]
    assert "Crossley and van Middelkoop" in article  # the in-text names, from the bibliography
    assert "American Academy of Orthopaedic Surgeons<sup" in article
    assert re.findall(r'<li id="source-([^"]+)"', article) == ["aaos-pfps", "crossley2015"]
    assert "help@example.org" in article and "@home" in article
