"""Quizzes of a bad-input case."""
