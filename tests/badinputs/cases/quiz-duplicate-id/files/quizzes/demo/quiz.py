"""Two quizzes with the same id."""

from quizkit import Option, Quiz, SingleChoice

QUESTION = SingleChoice(
    "q1",
    "Where is the kneecap?",
    options=[Option("front", "At the front", correct=True), Option("back", "At the back")],
)

first_quiz = Quiz(id="demo-quiz", title="First", questions=[QUESTION])
second_quiz = Quiz(id="demo-quiz", title="Second", questions=[QUESTION])
