// Runs the site's quizzes in the pinned Pyodide under Node, as the quiz worker would, to find
// (and then to confirm) the standard-library modules a reader's browser needs. Started by
// trim.py: `node pyodide_probe.mjs REQUEST.json`, REQUEST being {indexURL, stdLibURL, wheel,
// imports}. It boots Pyodide with that standard library, unpacks the wheel, runs the
// worker's own start-up code (the wheel's `edusite_boot`, runtime/boot.py), imports the modules the quiz sources name
// (`imports`, even those only imported inside a function), evaluates every sample of every
// quiz the way the worker does, and prints one JSON line: {results: {quiz id: [result or
// {raised}]}, modules: [modules loaded from the standard-library zip]}, or {failed} when
// the quizzes do not start.
import { readFileSync } from "node:fs";

const PROBE = `
import importlib, json, sys
import edusite_boot

_edusite_booted = edusite_boot.start()

def _edusite_probe(names):
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # a name imported from a module, not a module: nothing to load
            pass
    results = {}
    for quiz_id in sorted(_edusite_booted.by_id):
        out = []
        for answers in _edusite_booted.by_id[quiz_id].samples():
            try:
                out.append(json.loads(_edusite_booted.evaluate(quiz_id, json.dumps(answers))))
            except Exception as error:
                out.append({"raised": f"{type(error).__name__}: {error}"})
        results[quiz_id] = out
    zips = tuple(entry + "/" for entry in sys.path if entry.endswith(".zip"))
    modules = []
    for name, module in list(sys.modules.items()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        if isinstance(origin, str) and origin.startswith(zips):
            modules.append(name)
    return json.dumps({"results": results, "modules": sorted(modules)})
`;

const request = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(`${request.indexURL}pyodide.mjs`);
const pyodide = await loadPyodide({ indexURL: request.indexURL, stdLibURL: request.stdLibURL });
pyodide.unpackArchive(new Uint8Array(readFileSync(request.wheel)), "wheel");
let reply;
try {
  pyodide.runPython(PROBE);
  reply = pyodide.globals.get("_edusite_probe")(pyodide.toPy(request.imports));
} catch (error) { // the quizzes do not even start: the last line of the Python traceback
  const lines = String(error?.message || error).trim().split("\n");
  reply = JSON.stringify({ failed: lines[lines.length - 1] });
}
process.stdout.write(`\n${reply}\n`);
