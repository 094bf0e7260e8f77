"""A quiz whose explanation uses an article-only citation form (a prefix and a page)."""

from quizkit import Option, Quiz, SingleChoice

demo_quiz = Quiz(
    id="demo-quiz",
    title="Demo",
    questions=[
        SingleChoice(
            "q1",
            "Where is the kneecap?",
            explanation="It sits at the front of the knee [see @aaos-pfps, p. 2].",
            options=[Option("front", "At the front", correct=True), Option("back", "Back")],
        ),
    ],
)
