"""Care tiers: the fixed, ordered scale of "what to do now" that every self-check ends on.

In the spirit of the NHS care cards, from most to least urgent: *emergency* (call the
emergency number now), *urgent* (get help today), *soon* (see a professional within a few
days) and *self-care* (look after it at home, and when to get help if it does not improve).
A self-check's outcomes and red flags each name one tier; the article's warning-sign boxes use
the same tiers. The wording is standard and lives only here; the emergency number and the
names of services are the site's settings (`mkdocs.yml`), filled in by `card()`.

>>> [tier.id for tier in TIERS]
['emergency', 'urgent', 'soon', 'self-care']
>>> highest(["soon", "emergency", "self-care"])
'emergency'
>>> card("emergency", CareSettings(emergency_number="911",
...      emergency_department="the emergency room")).title
'Call 911 or go to the emergency room now'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

EMERGENCY = "emergency"
URGENT = "urgent"
SOON = "soon"
SELF_CARE = "self-care"


@dataclass(frozen=True)
class Tier:
    """One step of the scale; `rank` orders them (higher is more urgent).

    `title` and `action` are templates over `CareSettings` fields, e.g. `{emergency_number}`.
    """

    id: str
    rank: int
    label: str
    title: str
    action: str


TIERS: tuple[Tier, ...] = (
    Tier(
        EMERGENCY,
        4,
        "Emergency",
        "Call {emergency_number} or go to {emergency_department} now",
        "Do not wait, and do not try to treat this at home.",
    ),
    Tier(
        URGENT,
        3,
        "Urgent",
        "Get medical help today",
        "Do not wait: {urgent_help} today.",
    ),
    Tier(
        SOON,
        2,
        "Soon",
        "See {routine_services} in the next few days",
        "Book an appointment with {routine_services} within a few days.",
    ),
    Tier(
        SELF_CARE,
        1,
        "Self-care",
        "Look after it at home",
        "You can usually look after this at home. See {routine_services} if it does not "
        "get better, or if it gets worse.",
    ),
)
TIER_IDS: tuple[str, ...] = tuple(tier.id for tier in TIERS)
_BY_ID = {tier.id: tier for tier in TIERS}
#: Tiers only a red flag may lead to: no ordinary answer may reach them.
RED_FLAG_ONLY: frozenset[str] = frozenset({EMERGENCY, URGENT})


def tier(tier_id: str) -> Tier:
    """The tier with this id (KeyError if there is none)."""
    return _BY_ID[tier_id]


def rank(tier_id: str) -> int:
    """How urgent a tier is (higher is more urgent); 0 for no tier."""
    return _BY_ID[tier_id].rank if tier_id in _BY_ID else 0


def highest(tier_ids: Iterable[str]) -> str | None:
    """The most urgent of `tier_ids` (None for none)."""
    return max(tier_ids, key=rank, default=None)


@dataclass(frozen=True)
class CareSettings:
    """The site's words for emergency help and services (defaults: the UK's NHS).

    `urgent_help` is what to do, as a phrase that follows "Do not wait:" and precedes "today";
    `routine_services` names who to see, after "See" and "an appointment with".
    """

    emergency_number: str = "999"
    emergency_department: str = "A&E"
    urgent_help: str = "ask your GP surgery for an urgent appointment, or contact NHS 111"
    routine_services: str = "a GP or physiotherapist"

    def problems(self) -> list[str]:
        """Settings that would print an empty gap in the advice."""
        return [f"{f.name} is empty" for f in fields(self) if not getattr(self, f.name).strip()]


@dataclass(frozen=True)
class CareCard:
    """A tier's wording with the site's settings filled in, ready to show."""

    tier: str
    label: str
    title: str
    action: str


def card(tier_id: str, settings: CareSettings) -> CareCard:
    """The standard wording of one tier for this site."""
    found = tier(tier_id)
    values = {f.name: getattr(settings, f.name) for f in fields(settings)}
    return CareCard(
        found.id, found.label, found.title.format(**values), found.action.format(**values)
    )


def cards(settings: CareSettings) -> dict[str, CareCard]:
    """Every tier's card for this site, most urgent first."""
    return {t.id: card(t.id, settings) for t in TIERS}
