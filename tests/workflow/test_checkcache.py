"""The checks' cache between builds: the same results as computing, and never a stale one."""

from __future__ import annotations

import json
from pathlib import Path

from edusite.checks import checkcache
from edusite.checks.checkcache import CheckCache
from edusite.checks.readability import measure
from edusite.checks.renderedhtml import parse_rendered

HTML = (
    '<h2 id="start">Start</h2><p>Text [@a]<code>[@b]</code></p><a name="old"></a>'
    '<span class="citation-unresolved">[@c]</span><ul><li id="x">One</li></ul>'
)
TEXT = "# Knee\n\n" + "A sore knee gets better with rest and time. " * 3 + "\n\nThe pain is dull.\n"


def test_results_read_back_equal_the_computed_ones(tmp_path: Path) -> None:
    path = tmp_path / "checks.json"
    first = CheckCache(path)
    assert first.rendered(HTML) == parse_rendered(HTML)
    assert first.reading(TEXT) == measure(TEXT)
    first.save()
    again = CheckCache(path)
    assert again.rendered(HTML) == parse_rendered(HTML)
    assert again.reading(TEXT) == measure(TEXT)


def test_a_hit_is_read_from_the_file_and_a_changed_text_is_a_miss(tmp_path: Path) -> None:
    path = tmp_path / "checks.json"
    first = CheckCache(path)
    first.rendered(HTML)
    first.save()
    data = json.loads(path.read_text("utf-8"))
    (key,) = data
    data[key]["lines"] = ["from the file"]
    path.write_text(json.dumps(data), "utf-8")
    cache = CheckCache(path)
    assert cache.rendered(HTML).lines == ["from the file"]
    changed = HTML.replace("Text", "Other")
    assert cache.rendered(changed) == parse_rendered(changed)


def test_a_change_to_the_code_is_a_miss(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "checks.json"
    first = CheckCache(path)
    first.rendered(HTML)
    first.save()
    monkeypatch.setattr(checkcache, "_code_digest", lambda: b"other code")
    data = json.loads(path.read_text("utf-8"))
    (key,) = data
    data[key]["lines"] = ["stale"]
    path.write_text(json.dumps(data), "utf-8")
    assert CheckCache(path).rendered(HTML) == parse_rendered(HTML)


def test_only_the_entries_a_build_used_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "checks.json"
    first = CheckCache(path)
    first.rendered(HTML)
    first.rendered("<p>gone next build</p>")
    first.save()
    second = CheckCache(path)
    second.rendered(HTML)
    second.save()
    assert len(json.loads(path.read_text("utf-8"))) == 1


def test_an_unreadable_file_is_ignored_and_no_path_keeps_nothing(tmp_path: Path) -> None:
    path = tmp_path / "checks.json"
    path.write_text("{not json", "utf-8")
    cache = CheckCache(path)
    assert cache.rendered(HTML) == parse_rendered(HTML)
    cache.save()
    assert len(json.loads(path.read_text("utf-8"))) == 1
    off = CheckCache(None)
    assert off.reading(TEXT) == measure(TEXT)
    off.save()
    assert list(tmp_path.iterdir()) == [path]
