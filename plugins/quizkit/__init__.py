"""quizkit: the authoring API for quizzes, self-checks and calculators (standard library only)."""
