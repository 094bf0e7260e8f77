"""A quiz that is fine; the page embeds it wrongly."""

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
    links=[("Read about the symptoms", "#symptoms")],
)
