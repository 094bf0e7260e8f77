"""A module that never finishes importing: the loop forgets to move on."""

distances = []
km = 1
while km <= 42:
    distances.append(km)
