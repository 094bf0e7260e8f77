"""A tool whose logic fails on one of its sample answers."""

from quizkit import Number, Tool, blocks


def per_week(values):
    """Kilometres a week from kilometres a month (fails for 0 weeks)."""
    return [blocks.paragraph(f"{values['km'] / values['weeks']:g} km a week")]


demo_tool = Tool(
    id="demo-tool",
    title="Demo",
    questions=[
        Number("km", "How far a month?", min=0, max=1000, samples=[100]),
        Number("weeks", "Over how many weeks?", min=0, max=5, samples=[0, 4]),
    ],
    compute=per_week,
)
