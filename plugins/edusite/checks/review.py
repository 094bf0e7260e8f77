"""Whether an article's medical review is recent enough to trust.

Health advice goes out of date; an article says when an editor last checked it (`reviewed`).
When that date is more than `review_max_age_years` before today, a warning (W702) asks for a
new review: `mkdocs build --strict` and `edusite check` stop, `mkdocs serve` goes on.
"""

from __future__ import annotations

import datetime as dt
import os

from edusite.errors import ContentProblem
from edusite.structure.frontmatter import FrontMatter

DAYS_PER_YEAR = 365.2425


def build_date() -> dt.date:
    """The date the build is about: `SOURCE_DATE_EPOCH` (the reproducible-builds convention,
    so the same sources give the same verdict on any day) when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def check_review_age(
    path: str,
    matter: FrontMatter,
    max_age_years: float,
    today: dt.date | None = None,
    source_line: str = "",
) -> list[ContentProblem]:
    """W702 at the `reviewed:` line when the review is older than `max_age_years`."""
    reviewed = matter.reviewed
    if not isinstance(reviewed, dt.date):
        return []
    today = today or build_date()
    oldest = today - dt.timedelta(days=round(max_age_years * DAYS_PER_YEAR))
    if reviewed >= oldest:
        return []
    return [
        ContentProblem(
            path,
            matter.lines.get("reviewed", 1),
            "W702",
            f"the article was last reviewed on {reviewed.isoformat()}, more than "
            f"{max_age_years:g} years ago",
            "Have an editor check the medical content against current sources, then set "
            "`reviewed:` to the date of that check.",
            source_line,
        )
    ]
