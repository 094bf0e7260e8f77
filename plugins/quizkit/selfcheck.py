"""`SelfCheck`: questions whose answers lead to one of a few declared outcomes.

It is education, not triage: every result says so, names the answers that led there and links
to the article. The author's `decide` function maps the answers to a `Decision`.

>>> from quizkit import YesNo
>>> check = SelfCheck(
...     id="tiny-check", title="Tiny check",
...     questions=[YesNo("fever", "Do you have a fever?")],
...     outcomes=[Outcome("care", "Get medical care promptly", "A fever needs a doctor.",
...                       level="danger", links=[("See a doctor", "#when-to-see-a-doctor")]),
...               Outcome("ok", "No fever", "Read on.")],
...     decide=lambda a: Decision("care", ["You have a fever."]) if a["fever"] else Decision("ok"))
>>> result = check.evaluate({"fever": "yes"})
>>> result["outcome"], [b["type"] for b in result["blocks"]]
('care', ['heading', 'notice', 'paragraph', 'list', 'links', 'notice'])
>>> sorted(check.reachable_outcomes(check.combinations()))
['care', 'ok']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from quizkit import blocks
from quizkit.base import Answers, QuizBase, Values
from quizkit.blocks import LEVELS, Block

NOT_A_DIAGNOSIS = (
    "This check is not a diagnosis. It only helps you learn. Only a doctor or physical "
    "therapist who examines you can tell what is causing your pain."
)


@dataclass(frozen=True)
class Outcome:
    """One possible result, declared up front: `links` are (text, href) pairs."""

    id: str
    title: str
    text: str
    level: str = "info"
    links: Sequence[tuple[str, str]] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "links", tuple(self.links))


@dataclass(frozen=True)
class Decision:
    """What `decide` returns: the outcome id and the reasons, in the reader's words."""

    outcome: str
    reasons: Sequence[str] = field(default=())


@dataclass(frozen=True, kw_only=True)
class SelfCheck(QuizBase):
    """A self-check; `decide(values) -> Decision` gets each question's parsed value."""

    outcomes: Sequence[Outcome]
    decide: Callable[[Values], Decision]
    submit_label: str = "See my result"
    kind: ClassVar[str] = "selfcheck"

    def __post_init__(self) -> None:
        super().__post_init__()
        object.__setattr__(self, "outcomes", tuple(self.outcomes))

    def outcome(self, outcome_id: str) -> Outcome:
        """The declared outcome with this id (KeyError if there is none)."""
        for outcome in self.outcomes:
            if outcome.id == outcome_id:
                return outcome
        raise KeyError(outcome_id)

    def evaluate(self, answers: Answers) -> dict[str, Any]:
        """As `QuizBase.evaluate`, plus `"outcome"`: the outcome id, or None on bad input."""
        result = super().evaluate(answers)
        result["outcome"] = self.outcome_for(answers) if result["ok"] else None
        return result

    def result(self, values: Values) -> list[Block]:
        decision = self.decide(values)
        if not isinstance(decision, Decision):
            raise TypeError(f"{self.id}: decide() must return a Decision, not {decision!r}")
        try:
            outcome = self.outcome(decision.outcome)
        except KeyError:
            raise ValueError(
                f"{self.id}: decide() returned an undeclared outcome {decision.outcome!r}"
            ) from None
        out = [blocks.heading(outcome.title), blocks.notice(outcome.level, outcome.text)]
        if decision.reasons:
            out += [
                blocks.paragraph("Why you see this result:"),
                blocks.bullet_list(decision.reasons),
            ]
        if outcome.links:
            out.append(blocks.links(outcome.links))
        out.append(blocks.notice("info", NOT_A_DIAGNOSIS))
        return out

    def outcome_for(self, answers: Answers) -> str | None:
        """The outcome id these raw answers lead to (None when they cannot be read)."""
        values, errors = self.parse(answers)
        return None if errors else self.decide(values).outcome

    def reachable_outcomes(self, answer_sets: Iterable[Answers]) -> set[str]:
        """The outcome ids reached by some of `answer_sets` (e.g. `samples()`)."""
        return {o for o in map(self.outcome_for, answer_sets) if o is not None}

    def texts(self) -> Iterator[str]:
        yield from super().texts()
        for outcome in self.outcomes:
            yield from (outcome.title, outcome.text, *(text for text, _ in outcome.links))

    def problems(self) -> list[str]:
        problems = super().problems()
        ids = [o.id for o in self.outcomes]
        if not ids:
            problems.append("a self-check needs at least one outcome")
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            problems.append(f"outcome ids used more than once: {repeated}")
        for outcome in self.outcomes:
            if outcome.level not in LEVELS:
                problems.append(f"outcome {outcome.id!r}: level must be one of {', '.join(LEVELS)}")
        return problems
