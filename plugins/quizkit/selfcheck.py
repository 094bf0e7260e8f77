"""`SelfCheck`: red flags first, then questions whose answers lead to a declared outcome.

It is education, not triage, but it must never under-triage. So the routing is quizkit's, not
the author's: a self-check declares its `RedFlag`s (yes-or-no questions, asked first, each
leading to a care tier, see `quizkit.care`). When any is answered "yes", the result is the
most urgent of their tiers, whatever else was answered (the other questions are optional
then), and the author's `decide` function is not consulted. Only with no red flag does
`decide` map the answers to one of the declared `Outcome`s, and an outcome may only name the
tiers *soon* or *self-care*. Every result starts with the tier's care card, names the answers
that led there and ends with the closing sentence (it is not a diagnosis): a `closing` block,
which the page fills with the self-check's own `closing`, else the site's sentence
(`selfcheck_closing` in `mkdocs.yml`, default `NOT_A_DIAGNOSIS`), like the care cards.

>>> from quizkit import YesNo
>>> check = SelfCheck(
...     id="tiny-check", title="Tiny check",
...     red_flags=[RedFlag("fever", "Do you have a fever?", "urgent", "You have a fever.")],
...     questions=[YesNo("sore", "Is it sore?")],
...     outcomes=[Outcome("rest", "Rest it", "Rest helps.", tier="self-care")],
...     decide=lambda values: Decision("rest"))
>>> result = check.evaluate({"fever": "yes"})
>>> result["outcome"], result["tier"], [b["type"] for b in result["blocks"]]
('red-flag', 'urgent', ['care', 'paragraph', 'list', 'closing'])
>>> check.evaluate({"fever": "no", "sore": "yes"})["tier"]
'self-care'
>>> sorted(check.reachable_outcomes(check.combinations()))
['red-flag', 'rest']
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from quizkit import blocks, care
from quizkit.base import Answers, QuizBase, Values
from quizkit.blocks import Block
from quizkit.problem import Problem
from quizkit.questions import YesNo

NOT_A_DIAGNOSIS = (
    "This check is not a diagnosis. It only helps you learn. Only a health professional who "
    "examines you can tell what is causing your symptoms."
)
"""The default closing sentence of every self-check result, for any topic; a site sets its
own (`selfcheck_closing`), a self-check may override both (`closing`)."""
CLOSING_END = (".", "!", "?")
RED_FLAG_OUTCOME = "red-flag"
"""The outcome id of every result decided by red flags (no declared outcome may use it)."""
WHY = "Why you see this result:"
ORDINARY_MAX = care.SOON
"""The most urgent tier an ordinary (non-red-flag) answer may lead to."""


@dataclass(frozen=True)
class RedFlag:
    """A warning sign, asked first as a yes-or-no question; "yes" leads at least to `tier`.

    `reason` is shown in the result when the answer is yes, in the reader's words.
    """

    id: str
    prompt: str
    tier: str
    reason: str
    help: str = ""

    def question(self) -> YesNo:
        """The yes-or-no question the form asks."""
        return YesNo(self.id, self.prompt, help=self.help)


@dataclass(frozen=True)
class Outcome:
    """One possible ordinary result, declared up front: `tier` is `soon` or `self-care`;
    `links` are (text, href) pairs."""

    id: str
    title: str
    text: str
    tier: str = ""
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
    """A self-check; `decide(values) -> Decision` gets each question's parsed value.

    `questions` are the ordinary questions: the red flags' questions are put before them.
    `red_flag_links` are shown with every red-flag result (e.g. the article's warning signs).
    `closing` replaces the site's closing sentence for this self-check only (leave it empty to
    use the site's); it may cite sources like any text.
    """

    outcomes: Sequence[Outcome]
    decide: Callable[[Values], Decision]
    red_flags: Sequence[RedFlag] = ()
    red_flag_links: Sequence[tuple[str, str]] = ()
    submit_label: str = "See my result"
    closing: str = ""
    kind: ClassVar[str] = "selfcheck"

    def __post_init__(self) -> None:
        flags = tuple(self.red_flags)
        object.__setattr__(self, "red_flags", flags)
        object.__setattr__(self, "red_flag_links", tuple(self.red_flag_links))
        object.__setattr__(self, "outcomes", tuple(self.outcomes))
        object.__setattr__(self, "questions", (*(f.question() for f in flags), *self.questions))
        super().__post_init__()

    # --- the contract ---

    def spec(self) -> dict[str, Any]:
        """As `QuizBase.spec`, plus `red_flags`: [{question, tier}] for the browser, which
        shows a red flag's care card as soon as it is answered "yes", before Python runs, and
        `closing`: this self-check's own closing sentence, or None for the site's."""
        spec = super().spec()
        spec["red_flags"] = [{"question": f.id, "tier": f.tier} for f in self.red_flags]
        own = self.closing.strip() if isinstance(self.closing, str) else ""
        spec["closing"] = own or None
        return spec

    def evaluate(self, answers: Answers) -> dict[str, Any]:
        """As `QuizBase.evaluate`, plus `"outcome"` (an outcome id, `red-flag`, or None on bad
        input) and `"tier"` (the care tier, or None). A red flag answered "yes" decides alone:
        the other answers may be missing or unreadable."""
        raised = self.raised_flags(answers)
        if raised:
            return {
                "ok": True,
                "field_errors": {},
                "blocks": self._red_flag_result(raised),
                "outcome": RED_FLAG_OUTCOME,
                "tier": care.highest(f.tier for f in raised),
            }
        return {"outcome": None, "tier": None, **super().evaluate(answers)}

    def answered(self, values: Values) -> dict[str, Any]:
        """An ordinary result (no red flag), with the outcome and tier `decide` chose."""
        decision, outcome = self.decision(values)
        return {
            "ok": True,
            "field_errors": {},
            "blocks": self._ordinary_blocks(outcome, decision),
            "outcome": outcome.id,
            "tier": outcome.tier,
        }

    def result(self, values: Values) -> list[Block]:
        """The blocks of an ordinary result (no red flag): care card, outcome, reasons."""
        decision, outcome = self.decision(values)
        return self._ordinary_blocks(outcome, decision)

    def _ordinary_blocks(self, outcome: Outcome, decision: Decision) -> list[Block]:
        out = [
            blocks.care(outcome.tier),
            blocks.heading(outcome.title),
            blocks.paragraph(outcome.text),
        ]
        if decision.reasons:
            out += [blocks.paragraph(WHY), blocks.bullet_list(decision.reasons)]
        if outcome.links:
            out.append(blocks.links(outcome.links))
        out.append(blocks.closing())
        return out

    def sample_base(self) -> dict[str, Any]:
        """No red flag, so that varying each ordinary question reaches `decide`."""
        return {**super().sample_base(), **{f.id: "no" for f in self.red_flags}}

    # --- red flags ---

    def raised_flags(self, answers: Answers) -> list[RedFlag]:
        """The red flags answered "yes", in question order (unreadable answers count as no)."""
        return [f for f in self.red_flags if _said_yes(answers.get(f.id))]

    def _red_flag_result(self, raised: Sequence[RedFlag]) -> list[Block]:
        out = [
            blocks.care(care.highest(f.tier for f in raised) or care.SOON),
            blocks.paragraph(WHY),
            blocks.bullet_list(f.reason for f in raised),
        ]
        if self.red_flag_links:
            out.append(blocks.links(self.red_flag_links))
        out.append(blocks.closing())
        return out

    # --- helpers for authors, the compiler and tests ---

    def outcome(self, outcome_id: str) -> Outcome:
        """The declared outcome with this id (KeyError if there is none)."""
        for outcome in self.outcomes:
            if outcome.id == outcome_id:
                return outcome
        raise KeyError(outcome_id)

    def decision(self, values: Values) -> tuple[Decision, Outcome]:
        """`decide(values)` and the declared outcome it names; raises TypeError or ValueError
        when `decide` returns something else (an author's bug the build reports)."""
        decision = self.decide(values)
        if not isinstance(decision, Decision):
            raise TypeError(f"{self.id}: decide() must return a Decision, not {decision!r}")
        try:
            return decision, self.outcome(decision.outcome)
        except KeyError:
            raise ValueError(
                f"{self.id}: decide() returned an undeclared outcome {decision.outcome!r}"
            ) from None

    def outcome_for(self, answers: Answers) -> str | None:
        """The outcome id these raw answers lead to (None when they cannot be read)."""
        if self.raised_flags(answers):
            return RED_FLAG_OUTCOME
        values, errors = self.parse(answers)
        return None if errors else self.decision(values)[1].id

    def reachable_outcomes(self, answer_sets: Iterable[Answers]) -> set[str]:
        """The outcome ids reached by some of `answer_sets` (e.g. `samples()`)."""
        return {o for o in map(self.outcome_for, answer_sets) if o is not None}

    def ordinary_questions(self) -> tuple[Any, ...]:
        """The questions that are not red flags."""
        flag_ids = {f.id for f in self.red_flags}
        return tuple(q for q in self.questions if q.id not in flag_ids)

    def flag_sets(self, pairs_above: int = 14) -> Iterator[tuple[RedFlag, ...]]:
        """Sets of red flags to answer "yes": every subset when there are at most
        `pairs_above`, else none, each one, every pair and all (a systematic cover)."""
        flags = self.red_flags
        if len(flags) <= pairs_above:
            for size in range(len(flags) + 1):
                yield from itertools.combinations(flags, size)
            return
        yield ()
        yield from ((f,) for f in flags)
        yield from itertools.combinations(flags, 2)
        yield flags

    def triage_problems(self, ordinary: Iterable[Answers] = ()) -> list[str]:
        """Breaches of the triage rules: a red flag without a valid tier or reason, an outcome
        whose tier only a red flag may reach, then the routing proof over `ordinary`."""
        problems: list[str] = []
        tiers = ", ".join(care.TIER_IDS)
        for flag in self.red_flags:
            if not flag.tier:
                problems.append(f"red flag {flag.id!r} has no tier: give it one of {tiers}")
            elif flag.tier not in care.TIER_IDS:
                problems.append(f"red flag {flag.id!r}: tier must be one of {tiers}")
            if not flag.reason.strip():
                problems.append(f"red flag {flag.id!r} has no reason to show")
        allowed = [t for t in care.TIER_IDS if care.rank(t) <= care.rank(ORDINARY_MAX)]
        for outcome in self.outcomes:
            if outcome.tier in care.RED_FLAG_ONLY:
                problems.append(
                    f"outcome {outcome.id!r} has the tier {outcome.tier!r}, which only a red "
                    "flag may lead to: declare the answer that leads there as a RedFlag"
                )
            elif outcome.tier not in allowed:
                problems.append(f"outcome {outcome.id!r}: tier must be one of {', '.join(allowed)}")
        return problems or self.routing_problems(ordinary)

    def routing_problems(self, ordinary: Iterable[Answers], pairs_above: int = 8) -> list[str]:
        """Proof of the triage rules over `flag_sets()` x `ordinary` answer sets: every red
        flag reaches at least its tier, the highest wins, no ordinary answer goes above
        *soon*, and every result shows its care card and ends with the closing sentence."""
        problems: list[str] = []
        bases = [dict(a) for a in ordinary] or [{}]
        for raised in self.flag_sets(pairs_above):
            want = care.highest(f.tier for f in raised)
            yes = {f.id: "yes" for f in raised}
            for base in bases:
                answers = {**base, **{f.id: "no" for f in self.red_flags}, **yes}
                found = _routing_problem(self.evaluate(answers), want, [f.id for f in raised])
                if found:
                    problems.append(f"{found} (answers: {answers})")
                    break
            if len(problems) >= 3:
                break
        return problems

    def texts(self) -> Iterator[str]:
        yield from super().texts()
        for flag in self.red_flags:
            yield flag.reason
        yield from (text for text, _ in self.red_flag_links)
        if isinstance(self.closing, str) and self.closing:
            yield self.closing
        for outcome in self.outcomes:
            yield from (outcome.title, outcome.text, *(text for text, _ in outcome.links))

    def problems(self) -> list[Problem]:
        problems = super().problems()
        ids = [o.id for o in self.outcomes]
        if not ids:
            problems.append(Problem("a self-check needs at least one outcome"))
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            message = f"outcome ids used more than once: {repeated}"
            problems.append(Problem(message, subject=repeated[0], nth=2))
        if RED_FLAG_OUTCOME in ids:
            message = f"the outcome id {RED_FLAG_OUTCOME!r} is kept for red-flag results"
            problems.append(Problem(message, subject=RED_FLAG_OUTCOME))
        return problems + closing_problems(self.closing)


def closing_problems(closing: object) -> list[Problem]:
    """What is wrong with a self-check's own `closing` sentence ("" means the site's).

    >>> closing_problems("")
    []
    >>> [str(p) for p in closing_problems("  ")]
    ["closing is only spaces: leave it out to use the site's closing sentence"]
    >>> [str(p) for p in closing_problems("Not a diagnosis")]
    ['closing must end with . ! or ? (it is printed as a sentence)']
    """
    if not isinstance(closing, str):
        return [Problem(f"closing must be text, not {type(closing).__name__}")]
    if closing and not closing.strip():
        return [Problem("closing is only spaces: leave it out to use the site's closing sentence")]
    if closing.strip() and not closing.strip().endswith(CLOSING_END):
        message = "closing must end with . ! or ? (it is printed as a sentence)"
        return [Problem(message, subject=closing)]
    return []


def _said_yes(raw: object) -> bool:
    """A raw yes-or-no answer is "yes" (a list from a form counts by its first value)."""
    if isinstance(raw, list | tuple):
        raw = raw[0] if raw else None
    return isinstance(raw, str) and raw.strip().lower() == "yes"


def _routing_problem(result: Mapping[str, Any], want: str | None, raised: list[str]) -> str:
    """What breaks the triage rules in one result ("" when nothing does)."""
    tier = result.get("tier")
    first = (result.get("blocks") or [{}])[0]
    if not result.get("ok"):
        return "" if want is None else f"red flags {raised} gave no result"
    if want is not None and care.rank(tier or "") < care.rank(want):
        return f"red flags {raised} led to the tier {tier!r}, below {want!r}"
    if want is None and care.rank(tier or "") > care.rank(ORDINARY_MAX):
        return f"answers with no red flag led to the tier {tier!r}, above {ORDINARY_MAX!r}"
    if first.get("type") != "care" or first.get("tier") != tier:
        return "the result does not start with the care card of its tier"
    if (result.get("blocks") or [{}])[-1].get("type") != "closing":
        return "the result does not end with the closing sentence (it is not a diagnosis)"
    return ""
