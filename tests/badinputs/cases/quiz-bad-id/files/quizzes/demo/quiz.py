"""A quiz id that is not lowercase words joined by hyphens."""

from quizkit import Option, Quiz, SingleChoice

demo_quiz = Quiz(
    id="Demo Quiz",
    title="Demo",
    questions=[
        SingleChoice(
            "q1",
            "Where is the kneecap?",
            options=[Option("front", "At the front", correct=True), Option("back", "Back")],
        ),
    ],
)
