"""A number question whose pre-filled default is above its maximum."""

from quizkit import Number, Tool, blocks

demo_tool = Tool(
    id="demo-tool",
    title="Demo",
    questions=[Number("km", "How far did you run?", min=0, max=100, default=150)],
    compute=lambda values: [blocks.paragraph(f"{values['km']:g} km")],
)
