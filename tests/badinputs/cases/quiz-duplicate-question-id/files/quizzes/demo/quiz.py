"""Two questions of one quiz with the same id."""

from quizkit import Option, Quiz, SingleChoice

OPTIONS = [Option("front", "At the front", correct=True), Option("back", "At the back")]

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        SingleChoice("where", "Where is the kneecap?", options=OPTIONS),
        SingleChoice("where", "Where does runner's knee hurt?", options=OPTIONS),
    ],
)
