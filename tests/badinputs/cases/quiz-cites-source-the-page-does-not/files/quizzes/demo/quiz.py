"""A quiz that cites a real source, embedded on a page that does not cite that source."""

from quizkit import Option, Quiz, SingleChoice

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        SingleChoice(
            "q1",
            "Where does runner's knee hurt?",
            explanation="Around or behind the kneecap [@crossley2015].",
            options=[Option("front", "At the front", correct=True), Option("back", "Back")],
        ),
    ],
)
