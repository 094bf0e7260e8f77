"""Quizzes for the runner's knee article (content/runners-knee.md).

Ids: runners-knee-self-check, runners-knee-quiz, return-to-running-planner, shoe-mileage-check.
"""
