"""Quizzes of the small test site (none unless a case adds one)."""
