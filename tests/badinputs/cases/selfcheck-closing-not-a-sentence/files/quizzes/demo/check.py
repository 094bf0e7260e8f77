"""A self-check whose own closing sentence has no full stop."""

from quizkit import Decision, Outcome, SelfCheck, YesNo

demo_check = SelfCheck(
    id="demo-check",
    title="Demo",
    questions=[YesNo("stairs", "Do stairs hurt?")],
    outcomes=[
        Outcome("rest", "Rest", "Rest helps.", tier="self-care"),
        Outcome("see", "See someone", "Get it checked.", tier="soon"),
    ],
    decide=lambda values: Decision("see" if values["stairs"] else "rest"),
    closing="Only a pharmacist or a doctor can tell you more",
)
