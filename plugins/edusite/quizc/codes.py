"""Stable problem codes of the quiz compiler (E41x-E42x; E40x is left to quiz embeds)."""

from __future__ import annotations

IMPORT_FAILED = "E411"
"""A quiz module has a syntax error or raises when imported."""
FORBIDDEN_IMPORT = "E412"
"""A quiz module imports something Pyodide's standard library does not have."""
DUPLICATE_QUIZ_ID = "E413"
"""Two quiz objects share one id."""
BAD_QUIZ_ID = "E414"
"""A quiz id is not kebab-case."""
BAD_SPEC = "E415"
"""`spec()` raised or returned something that does not match the form schema."""
DUPLICATE_QUESTION_ID = "E416"
"""Two questions of one quiz share an id."""
BAD_OPTIONS = "E417"
"""A choice question has no options, or two options share a value."""
NO_CORRECT_ANSWER = "E418"
"""A scored question has no correct answer."""
BAD_NUMBER_RANGE = "E419"
"""A number question's min/max/step make no sense."""
UNREACHABLE_OUTCOME = "E420"
"""A self-check outcome no sample answers lead to."""
UNKNOWN_CITATION = "E421"
"""A quiz text cites a key that is not in the bibliography."""
EVALUATE_FAILED = "E422"
"""`evaluate()` or `samples()` raised."""
BAD_RESULT = "E423"
"""`evaluate()` returned something that does not match the result schema."""
PROBE_FAILED = "E424"
"""Importing and running the quiz modules crashed or took too long."""
NO_SAMPLES = "E425"
"""A quiz has no sample answers, so the build cannot exercise it."""
AUTHORING = "E426"
"""Another authoring mistake quizkit's own `problems()` found (e.g. a default not offered)."""
TRIAGE = "E427"
"""A self-check breaks the triage rules: a red flag without a tier, an outcome at a tier only a
red flag may reach, or answers whose result is below a red flag's tier (see quizkit.care)."""

BAD_CITATION = "E428"
"""A quiz text's citation marker in a form only article pages render (prefix, locator, `-@`)."""

BY_KIND = {
    "quiz-id": BAD_QUIZ_ID,
    "form": BAD_SPEC,
    "question-id": DUPLICATE_QUESTION_ID,
    "options": BAD_OPTIONS,
    "correct-answer": NO_CORRECT_ANSWER,
    "number-range": BAD_NUMBER_RANGE,
    "citation": BAD_CITATION,
}
"""The code of each kind of quizkit `Problem` (`quizkit.problem`); any other kind is AUTHORING."""
HINTS = {
    BAD_QUIZ_ID: "Use lowercase letters, digits and hyphens, e.g. 'shoe-check'.",
    BAD_SPEC: "Give the quiz a title and questions, and every question a prompt.",
    DUPLICATE_QUESTION_ID: "Give every question of a quiz its own id (letters, digits, - or _).",
    BAD_OPTIONS: "Give a choice question at least two options, each with its own short value.",
    NO_CORRECT_ANSWER: "Mark the right option with correct=True (or set answer=).",
    BAD_NUMBER_RANGE: "Set min below max, a step above zero that fits the range, and a default "
    "and answer between min and max.",
    BAD_CITATION: "Write [@key] or [@key1; @key2], and put words such as 'see' or 'p. 5' "
    "outside the brackets.",
    AUTHORING: "See the quizkit docstrings for what each field expects.",
}
"""What to do about each kind of authoring problem."""
DEFINITION_KINDS = frozenset({"form", "question-id", "options", "number-range"})
"""Kinds of mistake that make a quiz's answers meaningless: running it is not reported then."""
