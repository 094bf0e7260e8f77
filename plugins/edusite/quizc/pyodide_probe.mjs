// Runs the site's quizzes in the pinned Pyodide under Node, as the quiz worker would, to find
// (and then to confirm) the standard-library modules a reader's browser needs, and to check
// each page's quiz bundle alone. Started by trim.py: `node pyodide_probe.mjs REQUEST.json`,
// REQUEST being {indexURL, stdLibURL, wheel, imports, bundles?}. It boots Pyodide with that
// standard library, unpacks the wheel, runs the worker's own start-up code (the wheel's
// `edusite_boot`, runtime/boot.py), imports the modules the quiz sources name (`imports`,
// even those only imported inside a function), evaluates every sample of every quiz the way
// the worker does, and prints one JSON line: {results: {quiz id: [result or {raised}]},
// modules: [modules loaded from the standard-library zip]}, or {failed} when the quizzes do
// not start.
//
// With `bundles` ({shared, bundles: [{path, module, quizzes}]}, bundlecheck.py), the same
// run then forgets the wheel and loads each quiz bundle as a reader's page does (the shared
// bundle, then that bundle alone: `start_json("[]")`, `add_json([module])`), each unpacked
// into its own folder with only [shared folder, its folder] before the standard library on
// sys.path and the modules of the previous bundle forgotten, and adds {alone: {module:
// {results} or {failed}}} to the reply, or {shared_failed} when the shared bundle does not
// start on its own. One Pyodide for all bundles: no boot per page.
import { readFileSync } from "node:fs";

const ROOT = "/edusite_probe";
const WHEEL = `${ROOT}/wheel`;
const SHARED = `${ROOT}/shared`;
const BUNDLES = `${ROOT}/bundles`;

const PROBE = `
import importlib, json, sys
sys.path.insert(0, ${JSON.stringify(WHEEL)})
import edusite_boot

_edusite_booted = edusite_boot.start()

def _edusite_samples(booted, quiz_ids):
    results = {}
    for quiz_id in quiz_ids:
        quiz = booted.by_id.get(quiz_id)
        if quiz is None:
            results[quiz_id] = [{"raised": "the quiz is not defined when its module is imported"}]
            continue
        out = []
        for answers in quiz.samples():
            try:
                out.append(json.loads(booted.evaluate(quiz_id, json.dumps(answers))))
            except Exception as error:
                out.append({"raised": f"{type(error).__name__}: {error}"})
        results[quiz_id] = out
    return results

def _edusite_probe(names):
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # a name imported from a module, not a module: nothing to load
            pass
    results = _edusite_samples(_edusite_booted, sorted(_edusite_booted.by_id))
    zips = tuple(entry + "/" for entry in sys.path if entry.endswith(".zip"))
    modules = []
    for name, module in list(sys.modules.items()):
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        if isinstance(origin, str) and origin.startswith(zips):
            modules.append(name)
    return json.dumps({"results": results, "modules": sorted(modules)})

def _edusite_forget(folder):
    """Drop every module loaded from under folder, so the next import reads its own copy."""
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None) or ""
        if path.startswith(folder + "/"):
            del sys.modules[name]

def _edusite_alone(bundles):
    """Each bundle as a page loads it: shared first (once per worker, as in the browser),
    then that bundle alone, its module imported by the worker's own call."""
    _edusite_forget(${JSON.stringify(WHEEL)})
    base = [entry for entry in sys.path if entry not in ("", ${JSON.stringify(WHEEL)})]
    sys.path[:] = [${JSON.stringify(SHARED)}, *base]
    sys.path_importer_cache.clear()  # every folder is new: no finder of the wheel's run is kept
    booted = importlib.import_module("edusite_boot")
    reply = {}
    for index, bundle in enumerate(bundles):
        _edusite_forget(${JSON.stringify(BUNDLES)})
        folder = f"${BUNDLES}/{index}"
        sys.path[:] = [${JSON.stringify(SHARED)}, folder, *base]
        try:
            quizzes = booted.start_json("[]")
            quizzes.add_json(json.dumps([bundle["module"]]))
            done = {"results": _edusite_samples(quizzes, bundle["quizzes"])}
        except Exception as error:
            done = {"failed": f"{type(error).__name__}: {error}"}
        reply[bundle["module"]] = done
    return json.dumps(reply)
`;

/** The last line of a Python traceback that reached JavaScript: what went wrong. */
const lastLine = (error) => String(error?.message || error).trim().split("\n").pop();

const request = JSON.parse(readFileSync(process.argv[2], "utf8"));
const { loadPyodide } = await import(`${request.indexURL}pyodide.mjs`);
const pyodide = await loadPyodide({ indexURL: request.indexURL, stdLibURL: request.stdLibURL });
const unpack = (path, format, extractDir) =>
  pyodide.unpackArchive(new Uint8Array(readFileSync(path)), format, { extractDir });
unpack(request.wheel, "wheel", WHEEL);
let reply;
try {
  pyodide.runPython(PROBE);
  reply = JSON.parse(pyodide.globals.get("_edusite_probe")(pyodide.toPy(request.imports)));
} catch (error) { // the quizzes do not even start
  reply = { failed: lastLine(error) };
}
if (request.bundles && !reply.failed) {
  const { shared, bundles } = request.bundles;
  unpack(shared, "zip", SHARED);
  for (const [index, bundle] of bundles.entries()) unpack(bundle.path, "zip", `${BUNDLES}/${index}`);
  try {
    reply.alone = JSON.parse(pyodide.globals.get("_edusite_alone")(pyodide.toPy(bundles)));
  } catch (error) { // the shared bundle does not start: no page's worker would either
    reply.shared_failed = lastLine(error);
  }
}
process.stdout.write(`\n${JSON.stringify(reply)}\n`);
