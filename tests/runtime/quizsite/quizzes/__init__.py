"""Fixture quizzes."""
