"""Distance units shared by the runner's knee calculators."""

from __future__ import annotations

from quizkit import Option

KM_PER_MILE = 1.609344

DISTANCE_UNITS = [Option("km", "Kilometres (km)"), Option("miles", "Miles")]


def miles_to(unit: str, miles: float) -> float:
    """A distance in miles expressed in `unit` ("km" or "miles").

    >>> round(miles_to("km", 300), 1), miles_to("miles", 300)
    (482.8, 300)
    """
    return miles * KM_PER_MILE if unit == "km" else miles


def to_miles(unit: str, distance: float) -> float:
    """A distance in `unit` ("km" or "miles") expressed in miles.

    >>> round(to_miles("km", 640), 1)
    397.7
    """
    return distance / KM_PER_MILE if unit == "km" else distance
