"""A self-check with a number question whose minimum is above its maximum."""

from quizkit import Decision, Number, Outcome, SelfCheck

demo_check = SelfCheck(
    id="demo-check",
    title="Demo",
    questions=[Number("km", "How far did you run?", min=10, max=5)],
    outcomes=[
        Outcome("far", "Far", "You ran far.", tier="self-care"),
        Outcome("near", "Near", "You ran a little.", tier="self-care"),
    ],
    decide=lambda values: Decision("far" if values["km"] > 7 else "near"),
)
