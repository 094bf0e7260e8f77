"""A quiz whose only question has no right answer."""

from quizkit import Option, Quiz, SingleChoice

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        SingleChoice(
            "q1",
            "Where is the kneecap?",
            options=[Option("front", "At the front"), Option("back", "At the back")],
        ),
    ],
)
