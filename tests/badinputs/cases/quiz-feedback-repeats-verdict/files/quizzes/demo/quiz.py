"""A quiz whose feedback repeats the verdict the result already prints ("Correct. Correct!")."""

from quizkit import Option, Quiz, SingleChoice

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        SingleChoice(
            "q1",
            "Where is the kneecap?",
            options=[
                Option("front", "At the front", correct=True, feedback="Correct! It is in front."),
                Option("back", "Back"),
            ],
        ),
    ],
)
