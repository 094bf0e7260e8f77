"""The Hot Weather Guide test fixture's quizzes: `sun-quiz` (sunburn.md) and `heat-check`
(heat-exhaustion.md). Test content, not advice (see ../README.md)."""
