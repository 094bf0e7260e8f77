"""The site's quizzes, self-checks and calculators, one sub-package per article.

Each module defines module-level `quizkit` objects; the build finds them with
`quizkit.collect()` and ships this package to the reader's browser.
"""
