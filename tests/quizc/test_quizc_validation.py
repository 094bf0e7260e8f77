"""Every validation problem, with its exact file, line, code and message, from one compile."""

from __future__ import annotations

import pytest
from edusite.errors import ContentError

# (path, line, code, message) of every mistake planted in fixtures/bad: one compile reports all.
EXPECTED = [
    (
        "quizzes/checks.py",
        4,
        "E414",
        "quiz 'Bad_Check': the id 'Bad_Check' is not kebab-case (lowercase words joined by "
        "hyphens)",
    ),
    ("quizzes/checks.py", 9, "E420", "self-check 'Bad_Check': no answers lead to outcome 'never'"),
    (
        "quizzes/cites.py",
        8,
        "E421",
        "quiz 'citing-quiz' cites [@missing-key], which is not in the bibliography",
    ),
    ("quizzes/crash.py", 4, "E411", "importing quizzes.crash failed: KeyError: 'miles'"),
    ("quizzes/dup_b.py", 3, "E413", "quiz id 'same-id' is already used at quizzes/dup_a.py:3"),
    (
        "quizzes/forbidden.py",
        1,
        "E412",
        "imports `numpy`, which is not available in the reader's browser",
    ),
    (
        "quizzes/forbidden.py",
        5,
        "E412",
        "imports `requests`, which is not available in the reader's browser",
    ),
    (
        "quizzes/questions.py",
        8,
        "E416",
        "quiz 'bad-questions': question id 'q' is used more than once",
    ),
    (
        "quizzes/questions.py",
        9,
        "E417",
        "quiz 'bad-questions': question 'empty' needs at least two options",
    ),
    (
        "quizzes/questions.py",
        11,
        "E418",
        "quiz 'bad-questions': question 'nocorrect' must mark exactly one option correct",
    ),
    (
        "quizzes/questions.py",
        18,
        "E417",
        "quiz 'bad-questions': question 'twice' repeats option values: x",
    ),
    (
        "quizzes/questions.py",
        23,
        "E426",
        "quiz 'bad-questions': question 'pick': default 'zzz' is not an option",
    ),
    ("quizzes/syntax.py", 3, "E411", "Python syntax error: '(' was never closed"),
    (
        "quizzes/tools.py",
        9,
        "E422",
        "evaluate() of 'crashing-tool' raised ZeroDivisionError: division by zero "
        "(answers {'ok': 'yes'})",
    ),
    ("quizzes/tools.py", 15, "E419", "quiz 'bad-range': question 'km': min 10 is not below max 5"),
    (
        "quizzes/tools.py",
        18,
        "E423",
        "evaluate() of 'bad-result': unknown block type 'banner'; use one of heading, "
        "paragraph, notice, list, links, table, chart, feedback, score, care, closing "
        "(answers {'ok': 'yes'})",
    ),
]


# Written at test time: a file that does not parse cannot live in the repo (ruff would fail).
SYNTAX_ERROR = 'from quizkit import Quiz\n\nbroken = Quiz(id="broken", title="Broken",\n'


@pytest.fixture
def bad_problems(project, compile_):
    quizzes = project("bad")
    (quizzes / "syntax.py").write_text(SYNTAX_ERROR)
    with pytest.raises(ContentError) as caught:
        compile_(quizzes)
    return caught.value


def test_every_problem_is_reported_at_its_line(bad_problems):
    found = [(p.path, p.line, p.code, p.message) for p in bad_problems.problems]
    assert found == EXPECTED


def test_messages_quote_the_line_and_give_a_hint(bad_problems):
    text = str(bad_problems)
    assert text.startswith(f"{len(EXPECTED)} content problems found:\n")
    assert (
        "quizzes/questions.py:8: quiz 'bad-questions': question id 'q' is used more than "
        "once [E416]\n"
        '    |         YesNo("q", "Second q?", correct=False),\n'
        "    hint: Give every question of a quiz its own id (letters, digits, - or _)."
    ) in text
    assert (
        '    |         YesNo("b", "B?", correct=True, explanation="Unknown [@missing-key].")'
        in text
    )


def test_a_failed_compile_leaves_no_cache_entry(bad_problems, tmp_path):
    root = tmp_path / "cache" / "quizc"
    assert not root.exists() or list(root.iterdir()) == []


LARGE_CHECK = """\
from quizkit import Decision, Outcome, RedFlag, SelfCheck, YesNo


def decide(values):
    if values["q3"] and values["q11"] and not values["q0"] and not values["q1"]:
        return Decision(values["missing"])
    if not values["q0"] and not values["q1"]:
        return Decision("both-no")
    return Decision("other")


large = SelfCheck(
    id="large-check",
    title="Seventeen questions: 131,072 combinations, too many to try all",
    red_flags=[RedFlag("fever", "Fever?", "urgent", "You have a fever.")],
    questions=[YesNo(f"q{n}", f"Question {n}?") for n in range(17)],
    outcomes=[
        Outcome("both-no", "Both no", "Only a combination reaches this.", tier="soon"),
        Outcome("other", "Other", "Most answers.", tier="self-care"),
        Outcome("never", "Never", "Nothing reaches this.", tier="self-care"),
    ],
    decide=decide,
)
"""


def test_a_crash_only_two_answers_together_cause_is_found_and_named(tmp_path, compile_):
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "__init__.py").write_text("")
    (quizzes / "large.py").write_text(LARGE_CHECK)
    with pytest.raises(ContentError) as caught:
        compile_(quizzes)
    # The samples change one answer at a time from all "yes", so none has q3 and q11 "yes"
    # with q0 and q1 "no"; the cover's pairs do. The crash hides E420.
    [problem] = caught.value.problems
    answers = {f"q{n}": "yes" if n in (3, 11) else "no" for n in range(17)}
    assert (problem.path, problem.line, problem.code, problem.message) == (
        "quizzes/large.py",
        6,
        "E422",
        f"decide() of 'large-check' raised KeyError: 'missing' (answers {answers!r}, no red flag)",
    )
    assert problem.hint == (
        "Found by running decide() on a cover of 155 answer combinations: handle these answers."
    )


def test_an_outcome_the_cover_misses_is_reported_with_its_hint(tmp_path, compile_):
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "__init__.py").write_text("")
    (quizzes / "large.py").write_text(LARGE_CHECK.replace('values["missing"]', '"other"'))
    with pytest.raises(ContentError) as caught:
        compile_(quizzes)
    [problem] = caught.value.problems
    assert (problem.path, problem.line, problem.code, problem.message) == (
        "quizzes/large.py",
        20,
        "E420",
        "self-check 'large-check': no answers lead to outcome 'never'",
    )
    assert problem.hint == (
        "A systematic cover of 155 answer combinations (single and paired changes) missed "
        "it: add sample_answers that lead to it."
    )


UNTIERED_CHECK = """from quizkit import Decision, Outcome, RedFlag, SelfCheck, YesNo

check = SelfCheck(
    id="untiered-check",
    title="A red flag without a tier, an outcome only a red flag may reach",
    red_flags=[
        RedFlag("fever", "Fever?", "urgent", "You have a fever."),
        RedFlag("calf", "Calf pain?", "", "Your calf hurts."),
    ],
    questions=[YesNo("sore", "Sore?")],
    outcomes=[
        Outcome("rest", "Rest", "Rest it.", tier="self-care"),
        Outcome("rush", "Rush", "Go now.", tier="emergency"),
    ],
    decide=lambda values: Decision("rush" if values["sore"] else "rest"),
)
"""


def test_triage_rules_are_enforced_at_the_lines_that_break_them(tmp_path, compile_):
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    (quizzes / "__init__.py").write_text("")
    (quizzes / "untiered.py").write_text(UNTIERED_CHECK)
    with pytest.raises(ContentError) as caught:
        compile_(quizzes)
    found = [(p.path, p.line, p.code, p.message) for p in caught.value.problems]
    assert found == [
        (
            "quizzes/untiered.py",
            8,
            "E427",
            "self-check 'untiered-check': red flag 'calf' has no tier: give it one of "
            "emergency, urgent, soon, self-care",
        ),
        (
            "quizzes/untiered.py",
            13,
            "E427",
            "self-check 'untiered-check': outcome 'rush' has the tier 'emergency', which only "
            "a red flag may lead to: declare the answer that leads there as a RedFlag",
        ),
    ]
