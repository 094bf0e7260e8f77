"""Two questions whose ids differ only in case: answers to one would be read as the other's."""

from quizkit import Quiz, YesNo

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        YesNo("stairs", "Do stairs hurt?", correct=True),
        YesNo("Stairs", "Do stairs hurt going down?", correct=True),
    ],
)
