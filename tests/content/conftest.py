"""Browser fixtures for the content tests, borrowed from tests/browser.

Importing them here gives this folder its own session-scoped copies (one extra site build
when both folders run in one session) without duplicating their code.
"""

from tests.browser.conftest import (  # noqa: F401 - pytest finds fixtures by name
    browser,
    built_site,
    playwright_instance,
    site_url,
)
