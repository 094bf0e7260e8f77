"""A quiz whose explanation cites a source that is not in the bibliography."""

from quizkit import Option, Quiz, SingleChoice

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        SingleChoice(
            "q1",
            "Where is the kneecap?",
            explanation="It sits at the front of the knee [@smith1999].",
            options=[Option("front", "At the front", correct=True), Option("back", "Back")],
        ),
    ],
)
