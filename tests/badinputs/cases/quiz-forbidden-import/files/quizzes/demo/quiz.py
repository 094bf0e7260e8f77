"""A quiz module importing a package the reader's browser does not have."""

import requests

from quizkit import Option, Quiz, SingleChoice

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        SingleChoice(
            "q1",
            "Where is the kneecap?",
            options=[Option("front", "At the front", correct=True), Option("back", "Back")],
        ),
    ],
)
