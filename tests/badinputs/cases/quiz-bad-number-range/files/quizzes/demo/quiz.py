"""A number question whose minimum is above its maximum."""

from quizkit import Number, Tool, blocks

demo_tool = Tool(
    id="demo-tool",
    title="Demo",
    questions=[Number("km", "How far did you run?", min=100, max=10, samples=[50])],
    compute=lambda values: [blocks.paragraph(f"{values['km']:g} km")],
)
