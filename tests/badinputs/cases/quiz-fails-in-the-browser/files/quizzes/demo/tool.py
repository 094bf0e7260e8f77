"""A tool that works in CPython but not in the reader's browser: Pyodide starts no threads."""

import threading

from quizkit import Number, Tool, Values, blocks


def double(values: Values) -> list:
    worker = threading.Thread(target=lambda: None)
    worker.start()
    worker.join()
    return [blocks.paragraph(f"Twice that is {values['n'] * 2:g}.")]


doubler = Tool(
    id="doubler",
    title="Doubler",
    questions=[Number("n", "A number", min=0, max=10, samples=[1, 2])],
    compute=double,
)
