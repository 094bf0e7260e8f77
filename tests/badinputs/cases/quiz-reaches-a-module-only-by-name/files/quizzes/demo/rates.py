"""A helper module that no quiz module imports with an import statement."""

FACTOR = 2
