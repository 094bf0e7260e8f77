"""The quiz compiler: quiz modules in, validated, byte-compiled, content-hashed files out:
the per-page bundles a site ships (`bundles.py`) and one wheel of everything.

A plain library (no MkDocs import) used by the plugin and by `edusite quizc`:

- `compile_quizzes(quizzes_dir, cache_dir=..., bibliography_keys=...) -> CompiledQuizzes`
- `compile_stdlib(pyodide_dir, cache_dir=...) -> Path | None`: a byte-compiled
  `python_stdlib.zip` for Pyodide's `stdLibURL` option.
"""

from edusite.quizc.compiler import compile_quizzes
from edusite.quizc.model import CompiledQuizzes
from edusite.quizc.stdlib import compile_stdlib
from edusite.quizc.version import COMPILER_VERSION

__all__ = ["COMPILER_VERSION", "CompiledQuizzes", "compile_quizzes", "compile_stdlib"]
