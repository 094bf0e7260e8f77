"""The question types a quiz, self-check or tool asks, and how each reads a raw form answer.

Each question turns the raw FormData value (a string, or a list of strings for checkboxes)
into a plain Python value, or raises `FieldError` with a message for the reader:
SingleChoice -> the option value (str), MultipleChoice -> a tuple of option values,
YesNo -> True/False, Number -> float. Empty, not required answers give None (or ()).

>>> q = SingleChoice("where", "Where does it hurt?", options=[
...     Option("front", "Around the kneecap", correct=True), Option("back", "Behind the knee")])
>>> q.parse("front"), q.grade("front"), q.grade("back")
('front', True, False)
>>> YesNo("fever", "Do you have a fever?").parse("no")
False
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import KW_ONLY, dataclass, field
from typing import Any, ClassVar

from quizkit import problem as kinds
from quizkit.numbers import FieldError, parse_number, show
from quizkit.problem import Problem, same_once_normalised

Raw = str | list[str] | None


@dataclass(frozen=True)
class Option:
    """One answer to choose; `feedback` is shown when it is chosen, `correct` marks a right one."""

    value: str
    label: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    """What every question has; subclasses say how to read and grade an answer."""

    id: str
    prompt: str
    _: KW_ONLY
    help: str = ""
    explanation: str = ""
    required: bool = True
    type: ClassVar[str] = ""

    def spec(self) -> dict[str, Any]:
        """The JSON-able description the server renders as a form field."""
        return {
            "id": self.id,
            "type": self.type,
            "prompt": self.prompt,
            "help": self.help,
            "options": [],
            "unit": None,
            "min": None,
            "max": None,
            "step": None,
            "required": self.required,
            "default": None,
        }

    def parse(self, raw: Raw) -> Any:
        """The answer as a Python value; raises `FieldError` with a reader's message."""
        raise NotImplementedError

    def grade(self, value: Any) -> bool | None:
        """Whether `value` is right; None when the question has no right answer."""
        return None

    def feedback_for(self, value: Any) -> list[str]:
        """Texts to show for this answer (per-option feedback)."""
        return []

    def raw_choices(self) -> list[Raw]:
        """Every raw answer worth trying (all of them for choice questions)."""
        raise NotImplementedError

    def correct_raw(self) -> Raw:
        """A raw answer that is right (or any valid one when nothing is marked right)."""
        return self.raw_choices()[0]

    def texts(self) -> Iterator[str]:
        """Every text an author wrote, for finding citations."""
        yield from (self.prompt, self.help, self.explanation)

    def problems(self, scored: bool) -> list[Problem]:
        """Authoring mistakes in this question (empty when it is well formed)."""
        problems = []
        if not self.prompt.strip():
            problems.append(Problem(f"question {self.id!r} has no prompt", kinds.FORM, self.id))
        return problems


def _single_raw(raw: Raw) -> str:
    if isinstance(raw, list):
        return raw[0] if raw else ""
    return (raw or "").strip()


@dataclass(frozen=True, kw_only=True)
class _Choice(Question):
    """Shared by the questions that offer a fixed list of options."""

    options: Sequence[Option] = ()
    default: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", tuple(self.options))

    def spec(self) -> dict[str, Any]:
        spec = super().spec()
        spec["options"] = [{"value": o.value, "label": o.label} for o in self.options]
        spec["default"] = self.default
        return spec

    def values(self) -> list[str]:
        """The option values, in order."""
        return [o.value for o in self.options]

    def texts(self) -> Iterator[str]:
        yield from super().texts()
        for option in self.options:
            yield option.label
            yield option.feedback

    def problems(self, scored: bool) -> list[Problem]:
        """As `Question.problems`, plus the options: at least two, each with its own value
        (also once spaces and case are ignored: the form trims what it sends, so "front " could
        never be chosen and a reader's "front" would be graded as the other one)."""
        problems = super().problems(scored)
        values = self.values()
        if len(values) < 2:
            message = f"question {self.id!r} needs at least two options"
            problems.append(Problem(message, kinds.OPTIONS, self.id))
        duplicates = sorted({v for v in values if v and values.count(v) > 1})
        if duplicates:
            message = f"question {self.id!r} repeats option values: {', '.join(duplicates)}"
            problems.append(Problem(message, kinds.OPTIONS, duplicates[0], 2))
        for first, second in same_once_normalised(values):
            message = (
                f"question {self.id!r}: option values {first!r} and {second!r} differ only in "
                "case or spaces"
            )
            problems.append(Problem(message, kinds.OPTIONS, second))
        if any(not v for v in values):
            message = f"question {self.id!r} has an option with an empty value"
            problems.append(Problem(message, kinds.OPTIONS, self.id))
        if self.default is not None and self.default not in values:
            message = f"question {self.id!r}: default {self.default!r} is not an option"
            problems.append(Problem(message, kinds.OTHER, self.default))
        return problems


@dataclass(frozen=True, kw_only=True)
class SingleChoice(_Choice):
    """Choose exactly one option (radio buttons)."""

    type: ClassVar[str] = "single"

    def parse(self, raw: Raw) -> str | None:
        value = _single_raw(raw)
        if not value:
            if self.required:
                raise FieldError("Choose one answer.")
            return None
        if value not in self.values():
            raise FieldError("That answer is not one of the choices. Choose one from the list.")
        return value

    def grade(self, value: Any) -> bool | None:
        if not any(o.correct for o in self.options):
            return None
        return any(o.correct and o.value == value for o in self.options)

    def feedback_for(self, value: Any) -> list[str]:
        return [o.feedback for o in self.options if o.value == value and o.feedback]

    def raw_choices(self) -> list[Raw]:
        return [*self.values(), *([] if self.required else [""])]

    def correct_raw(self) -> Raw:
        right = [o.value for o in self.options if o.correct]
        return right[0] if right else self.raw_choices()[0]

    def problems(self, scored: bool) -> list[Problem]:
        problems = super().problems(scored)
        right = sum(o.correct for o in self.options)
        if scored and right != 1 and len(self.options) >= 2:  # else: too few options
            message = f"question {self.id!r} must mark exactly one option correct"
            problems.append(Problem(message, kinds.CORRECT_ANSWER, self.id))
        return problems


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(_Choice):
    """Tick any number of options (checkboxes); right when exactly the correct ones are ticked."""

    required: bool = False
    type: ClassVar[str] = "multiple"

    def parse(self, raw: Raw) -> tuple[str, ...]:
        chosen = raw if isinstance(raw, list) else ([raw] if raw else [])
        chosen = [c.strip() for c in chosen if c and c.strip()]
        unknown = [c for c in chosen if c not in self.values()]
        if unknown:
            raise FieldError("One of the ticked answers is not one of the choices.")
        if self.required and not chosen:
            raise FieldError("Tick at least one answer.")
        return tuple(v for v in self.values() if v in chosen)

    def grade(self, value: Any) -> bool | None:
        right = {o.value for o in self.options if o.correct}
        return set(value) == right if right else None

    def feedback_for(self, value: Any) -> list[str]:
        return [o.feedback for o in self.options if o.value in value and o.feedback]

    def raw_choices(self) -> list[Raw]:
        values = self.values()
        subsets = itertools.chain.from_iterable(
            itertools.combinations(values, n) for n in range(len(values) + 1)
        )
        return [list(s) for s in subsets if s or not self.required]

    def correct_raw(self) -> Raw:
        right = [o.value for o in self.options if o.correct]
        return right or self.raw_choices()[0]

    def problems(self, scored: bool) -> list[Problem]:
        problems = super().problems(scored)
        if scored and not any(o.correct for o in self.options):
            message = f"question {self.id!r} must mark at least one option correct"
            problems.append(Problem(message, kinds.CORRECT_ANSWER, self.id))
        return problems


@dataclass(frozen=True, kw_only=True)
class YesNo(Question):
    """A yes-or-no question; `correct` is True (yes is right), False (no is right) or None."""

    correct: bool | None = None
    yes_feedback: str = ""
    no_feedback: str = ""
    yes_label: str = "Yes"
    no_label: str = "No"
    type: ClassVar[str] = "yesno"

    def spec(self) -> dict[str, Any]:
        spec = super().spec()
        spec["options"] = [
            {"value": "yes", "label": self.yes_label},
            {"value": "no", "label": self.no_label},
        ]
        return spec

    def parse(self, raw: Raw) -> bool | None:
        value = _single_raw(raw).lower()
        if not value:
            if self.required:
                raise FieldError("Answer yes or no.")
            return None
        if value not in ("yes", "no"):
            raise FieldError("Answer yes or no.")
        return value == "yes"

    def grade(self, value: Any) -> bool | None:
        return None if self.correct is None else value is self.correct

    def feedback_for(self, value: Any) -> list[str]:
        text = self.yes_feedback if value else self.no_feedback
        return [text] if text and value is not None else []

    def raw_choices(self) -> list[Raw]:
        return ["yes", "no", *([] if self.required else [""])]

    def correct_raw(self) -> Raw:
        return "no" if self.correct is False else "yes"

    def texts(self) -> Iterator[str]:
        yield from super().texts()
        yield from (self.yes_feedback, self.no_feedback, self.yes_label, self.no_label)

    def problems(self, scored: bool) -> list[Problem]:
        problems = super().problems(scored)
        if scored and self.correct is None:
            message = f"question {self.id!r} must say which answer is correct"
            problems.append(Problem(message, kinds.CORRECT_ANSWER, self.id))
        return problems


@dataclass(frozen=True, kw_only=True)
class Number(Question):
    """A number field with a unit and a range; `samples` are values the build tries.

    In a scored quiz, `answer` is the right value, within `tolerance`.
    """

    unit: str = ""
    min: float | None = None
    max: float | None = None
    step: float | None = None
    default: float | None = None
    answer: float | None = None
    tolerance: float = 0.0
    samples: Sequence[float] = field(default=())
    type: ClassVar[str] = "number"

    def spec(self) -> dict[str, Any]:
        spec = super().spec()
        spec.update(unit=self.unit or None, min=self.min, max=self.max, step=self.step)
        spec["default"] = None if self.default is None else show(self.default)
        return spec

    def parse(self, raw: Raw) -> float | None:
        value = parse_number(
            _single_raw(raw), unit=self.unit, minimum=self.min, maximum=self.max, step=self.step
        )
        if value is None and self.required:
            raise FieldError("Enter a number.")
        return value

    def grade(self, value: Any) -> bool | None:
        if self.answer is None or value is None:
            return None
        return abs(value - self.answer) <= self.tolerance

    def raw_choices(self) -> list[Raw]:
        values = list(self.samples) or [
            v for v in (self.default, self.min, self.max) if v is not None
        ]
        return [show(v) for v in (values or [1.0])]

    def correct_raw(self) -> Raw:
        return show(self.answer) if self.answer is not None else self.raw_choices()[0]

    def problems(self, scored: bool) -> list[Problem]:
        """As `Question.problems`, plus the range: only its first mistake (min not below max
        makes every other check meaningless), then a default or right answer outside it."""
        problems = super().problems(scored)
        mistake = self.range_mistake()
        if mistake:
            problems.append(
                Problem(f"question {self.id!r}: {mistake}", kinds.NUMBER_RANGE, self.id)
            )
        for what, value in (("default", self.default), ("the right answer", self.answer)):
            outside = None if mistake or value is None else self.outside(value)
            if outside:
                message = f"question {self.id!r}: {what} {show(value)} is {outside}"
                problems.append(Problem(message, kinds.NUMBER_RANGE, self.id))
        if scored and self.answer is None:
            message = f"question {self.id!r} must give the right answer (answer=...)"
            problems.append(Problem(message, kinds.CORRECT_ANSWER, self.id))
        return problems

    def range_mistake(self) -> str:
        """What is wrong with min, max and step together ("" when nothing is)."""
        low, high, step = self.min, self.max, self.step
        if low is not None and high is not None and low >= high:
            return f"min {show(low)} is not below max {show(high)}"
        if step is not None and step <= 0:
            return f"step {show(step)} must be above zero"
        if step is not None and low is not None and high is not None and step > high - low:
            return f"step {show(step)} is larger than the range {show(low)}-{show(high)}"
        return ""

    def outside(self, value: float) -> str:
        """Why `value` is outside min and max ("" when it is inside)."""
        if self.min is not None and value < self.min:
            return f"below min {show(self.min)}"
        if self.max is not None and value > self.max:
            return f"above max {show(self.max)}"
        return ""
