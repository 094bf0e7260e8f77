"""A choice question whose option values differ only by a trailing space and a capital."""

from quizkit import Option, Quiz, SingleChoice

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        SingleChoice(
            "q1",
            "Where is the kneecap?",
            options=[
                Option("front", "At the front", correct=True),
                Option("Front ", "At the back"),
            ],
        ),
    ],
)
