"""A module that never finishes importing: it keeps counting, looking for numbers up to 42."""

import itertools

distances = [km for km in itertools.count(1) if km <= 42]
