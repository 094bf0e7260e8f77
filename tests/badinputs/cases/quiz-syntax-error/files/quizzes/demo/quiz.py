"""A quiz module with a syntax error."""

from quizkit import Option, Quiz, SingleChoice

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        SingleChoice("q1", "Where is the kneecap?" options=[Option("front", "Front")]),
    ],
)
