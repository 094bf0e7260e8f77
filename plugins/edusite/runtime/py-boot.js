// The Python the quiz worker runs once Pyodide has started and the quiz wheel is unpacked:
// it imports every quiz module of the wheel (distribution name in EDUSITE_DIST), indexes the
// quiz objects by id and defines `_edusite_evaluate(quiz_id, answers_json)`. Its last
// expression is the JSON list of quiz ids. One definition, also run at build time under Node
// (quizc/pyodide_probe.mjs), where it decides which standard-library modules the site ships.

export const PY_BOOT = `
import importlib, importlib.metadata, json
import quizkit

def _edusite_modules(dist):
    names = []
    for path in importlib.metadata.files(dist) or []:
        parts = path.parts
        if path.suffix not in (".py", ".pyc") or parts[0].endswith(".dist-info"):
            continue
        if parts[0] == "quizkit":
            continue
        parts = parts[:-1] if path.stem == "__init__" else (*parts[:-1], path.stem)
        name = ".".join(parts)
        if name and name not in names:
            names.append(name)
    return names

_edusite_quizzes = {}
for _name in _edusite_modules(EDUSITE_DIST):
    for _quiz in quizkit.collect(importlib.import_module(_name)):
        _edusite_quizzes[_quiz.id] = _quiz

def _edusite_evaluate(quiz_id, answers_json):
    quiz = _edusite_quizzes.get(quiz_id)
    if quiz is None:
        return None
    return json.dumps(quiz.evaluate(json.loads(answers_json)))

json.dumps(sorted(_edusite_quizzes))
`;
