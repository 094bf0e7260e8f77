"""E111: a site setting that would print a gap or half a sentence is reported at its line."""

from __future__ import annotations

from edusite.checks.settings import check_settings, option_line

CONFIG = """\
site_name: S
plugins:
  - edusite:
      publisher: ""
      disclaimer: >-
        For learning
        only
      care_emergency_number: " "
      care_urgent_help: "call the surgery"
"""


def test_empty_or_unfinished_settings_are_reported_at_their_lines() -> None:
    options = {
        "publisher": "",  # empty means the default (site_name): fine
        "disclaimer": "For learning only",
        "care_emergency_number": " ",
        "care_urgent_help": "call the surgery",
        "selfcheck_closing": "",  # not in the file: the default, not checked
    }
    problems = check_settings("mkdocs.yml", CONFIG, options)
    assert [str(p).splitlines()[0] for p in problems] == [
        "mkdocs.yml:5: the site setting `disclaimer` must end with . ! or ? [E111]",
        "mkdocs.yml:8: the site setting `care_emergency_number` is empty [E111]",
    ]
    assert problems[1].source_line == '      care_emergency_number: " "'


def test_a_top_level_key_is_not_an_option() -> None:
    assert option_line("disclaimer: x\n", "disclaimer") == (0, "")
    assert option_line(CONFIG, "care_urgent_help")[0] == 9
