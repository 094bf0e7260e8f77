"""The plugin's options as declared in `mkdocs.yml` under `plugins: - edusite:`."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from quizkit.care import CareSettings
from quizkit.selfcheck import NOT_A_DIAGNOSIS

DISCLAIMER = (
    "This site is for education only. It is not medical advice and cannot diagnose you. If you "
    "are worried about your health, talk to a doctor or another health professional."
)


class EduSiteConfig(Config):
    """Options, grouped by prefix: `bibliography`, `quizzes_*`, `cache*`, `pyodide_*`, `care_*`,
    the site's own words (`publisher`, `byline`, `disclaimer`, `selfcheck_closing`) and the
    editorial limits `reading_grade_max` and `review_max_age_years`. Nothing about one topic
    is built in: a site sets these in `mkdocs.yml`."""

    enabled = opt.Type(bool, default=True)
    """Turn the whole plugin off (for example to time a build without it)."""

    bibliography = opt.Type(str, default="content/references.json")
    """The bibliography, relative to mkdocs.yml: `.json` is CSL-JSON, `.bib` is BibTeX (both as
    Zotero and other reference managers export them)."""

    quizzes_dir = opt.Type(str, default="quizzes")
    """Folder of quiz, self-check and calculator modules, relative to mkdocs.yml."""

    quizzes_timeout = opt.Type((int, float), default=5)
    """Seconds one quiz module may take to import (checking one quiz: three times that) before
    the build reports it at the line it was running: a loop that never ends fails fast."""

    cache = opt.Type(bool, default=True)
    """Reuse compiled quiz packages whose inputs are unchanged."""

    cache_dir = opt.Type(str, default=".cache/edusite")
    """Where compiled quiz packages are kept between builds, keyed by content hash."""

    pyodide_dir = opt.Type(str, default="node_modules/pyodide")
    """The npm package `pyodide` (pinned in package.json), copied into the built site."""

    service_worker = opt.Type(bool, default=True)
    """Ship a service worker that keeps the quiz runtime in readers' browsers and lets pages
    they opened work offline (`runtime/service-worker.js`); never under `mkdocs serve`."""

    publisher = opt.Type(str, default="")
    """Who publishes the site (the JSON-LD `publisher` of every article); empty: `site_name`."""

    byline = opt.Type(str, default="")
    """The byline of articles whose front matter has none, e.g. "the Example Health editorial
    team"; empty: "the <publisher> editorial team"."""

    disclaimer = opt.Type(str, default=DISCLAIMER)
    """Text of the medical disclaimer shown on every article."""

    selfcheck_closing = opt.Type(str, default=NOT_A_DIAGNOSIS)
    """The sentence that ends every self-check result (that it is not a diagnosis, and who
    can tell); a self-check may give its own as `closing=`."""

    reading_grade_max = opt.Type((int, float), default=8.0)
    """Highest Flesch-Kincaid grade an article may read at (E701); 8 suits the general public."""

    review_max_age_years = opt.Type((int, float), default=3)
    """Years after its `reviewed` date that an article is reported as due for review (W702)."""

    care_emergency_number = opt.Type(str, default=CareSettings.emergency_number)
    """The number to call in an emergency, e.g. "999", "911" or "112" (care cards)."""

    care_emergency_department = opt.Type(str, default=CareSettings.emergency_department)
    """Where to go in an emergency, e.g. "A&E" or "the emergency room"."""

    care_urgent_help = opt.Type(str, default=CareSettings.urgent_help)
    """What to do for urgent help today, as a phrase after "Do not wait:" and before "today",
    e.g. "call your doctor's office or go to an urgent care center"."""

    care_routine_services = opt.Type(str, default=CareSettings.routine_services)
    """Who to see within days, after "See" / "an appointment with", e.g. "a doctor"."""

    def publisher_name(self, site_name: str) -> str:
        """The publisher's name: `publisher`, else the site's name."""
        return self.publisher.strip() or site_name

    def default_byline(self, site_name: str) -> str:
        """The byline of an article that gives none."""
        return self.byline.strip() or f"the {self.publisher_name(site_name)} editorial team"

    def care_settings(self) -> CareSettings:
        """The `care_*` options as the care cards' settings (see `quizkit.care`)."""
        return CareSettings(
            emergency_number=self.care_emergency_number,
            emergency_department=self.care_emergency_department,
            urgent_help=self.care_urgent_help,
            routine_services=self.care_routine_services,
        )
