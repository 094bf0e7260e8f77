"""The compiler's version: part of every cache key, bump it when the output format changes."""

COMPILER_VERSION = "1"
