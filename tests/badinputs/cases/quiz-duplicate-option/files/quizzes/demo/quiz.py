"""A choice question with two options of the same value."""

from quizkit import Option, Quiz, SingleChoice

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        SingleChoice(
            "q1",
            "Where is the kneecap?",
            options=[Option("front", "At the front", correct=True), Option("front", "Back")],
        ),
    ],
)
