"""E111: a site setting in mkdocs.yml that would print a gap or half a sentence on every page.

The care cards, the disclaimer and the self-check closing sentence are filled in from the
plugin's options (`edusite.config`); an empty `care_emergency_number: ""` would tell readers
to "Call  or go to ...". Options left out take their defaults and are not checked; `publisher`
and `byline` may be empty (then the defaults apply). Reported at the option's line.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from edusite.errors import ContentProblem

CODE = "E111"
NOT_EMPTY = (
    "disclaimer",
    "selfcheck_closing",
    "care_emergency_number",
    "care_emergency_department",
    "care_urgent_help",
    "care_routine_services",
)
SENTENCES = ("disclaimer", "selfcheck_closing")
"""Shown as sentences of their own: they must end like one."""
SENTENCE_END = (".", "!", "?")


def option_line(config_text: str, name: str) -> tuple[int, str]:
    """The 1-based line where option `name` is set (indented, under the plugin), or (0, "")."""
    pattern = re.compile(rf"^\s+{re.escape(name)}\s*:")
    for number, line in enumerate(config_text.splitlines(), start=1):
        if pattern.match(line):
            return number, line
    return 0, ""


def check_settings(
    config_path: str, config_text: str, options: Mapping[str, object]
) -> list[ContentProblem]:
    """Problems with the text options set in `config_text` (their values in `options`)."""
    problems = []
    for name in NOT_EMPTY:
        line, text = option_line(config_text, name)
        value = str(options.get(name) or "").strip()
        if not line:
            continue
        if not value:
            message = f"the site setting `{name}` is empty"
            hint = "write the text readers should see, or remove the line to use the default"
        elif name in SENTENCES and not value.endswith(SENTENCE_END):
            message = f"the site setting `{name}` must end with . ! or ?"
            hint = "it is shown as a sentence of its own: finish the sentence"
        else:
            continue
        problems.append(ContentProblem(config_path, line, CODE, message, hint, text))
    return problems
