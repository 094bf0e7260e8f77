// Runs quizkit and the quizzes inside real Pyodide (Node), printing each quiz's spec and its
// results for the CPython-computed samples as one JSON line. Used by test_quizkit_pyodide.py.
// argv: <pyodide dir> <repo root> <samples json file>
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, root, samplesFile] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/` });

function copyTree(dir, target) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === "__pycache__") continue;
    if (statSync(path).isDirectory()) {
      pyodide.FS.mkdirTree(join(target, name));
      copyTree(path, join(target, name));
    } else if (name.endsWith(".py")) {
      pyodide.FS.writeFile(join(target, name), readFileSync(path));
    }
  }
}
const site = "/home/pyodide/pkgs";
for (const [from, to] of [["plugins/quizkit", "quizkit"], ["quizzes", "quizzes"]]) {
  pyodide.FS.mkdirTree(join(site, to));
  copyTree(join(root, from), join(site, to));
}
pyodide.globals.set("SAMPLES_JSON", readFileSync(samplesFile, "utf8"));
const out = await pyodide.runPythonAsync(`
import sys, json, importlib, pkgutil
sys.path.insert(0, "${site}")
import quizkit, quizzes.runners_knee as rk
samples = json.loads(SAMPLES_JSON)
report = {"python": sys.version.split()[0], "platform": sys.platform, "quizzes": {}}
for info in pkgutil.iter_modules(rk.__path__, "quizzes.runners_knee."):
    for quiz in quizkit.collect(importlib.import_module(info.name)):
        report["quizzes"][quiz.id] = {
            "spec": quiz.spec(),
            "results": [quiz.evaluate(a) for a in samples[quiz.id]],
        }
json.dumps(report)
`);
console.log(out);
