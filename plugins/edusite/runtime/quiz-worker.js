// The quiz worker: a module worker that boots the self-hosted Pyodide, installs the quiz
// wheel and evaluates answers. It is the only place Python runs, off the main thread, so a
// slow or runaway quiz never freezes the page (the client terminates and replaces it).
//
// Protocol (messages are plain objects, replies matched by `id`):
//   in : {id, type: "init", config: {pyodide, stdlib, wheel, dist, sizes, integrity, stallMs,
//        bypassCache}} (absolute URLs; integrity maps each runtime file's URL to
//        "sha256-<base64>"; bypassCache after a failed start, whose bad bytes may be cached)
//   in : {id, type: "evaluate", quizId, answers: {name: string | string[]}}
//   out: {id, ok: true, result} | {id, ok: false, error: {code, message}}
//   out: {type: "progress", phase, loaded, total}   (bytes; total 0 when unknown)
// Error codes: "load-failed" (a runtime file did not download, or Python did not start),
// "integrity-failed" (a file's bytes are not the ones the build recorded), "stalled" (a
// download stopped sending bytes), "wasm-failed" (WebAssembly did not compile or
// instantiate), "unknown-quiz", "python-error" (the quiz raised), "bad-request".
//
// Every runtime file is fetched by this worker through `guardFetch` and checked before use:
// Pyodide's own downloads (lock file, wasm, standard library) because it calls the global
// `fetch`, which is replaced here; pyodide.mjs and pyodide.asm.js, which are loaded by
// `import()`, are fetched and checked first and then imported from the same URL (the HTTP
// cache answers the import; `blob:` modules would need a laxer Content-Security-Policy).

import { FetchFault, fetchBytes, guardFetch } from "./fetch-guard.js";

const PY_BOOT = `
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

let ready = null; // Promise of {pyodide, evaluate, quizzes}, created by the first "init".

/** Pyodide logs a failed wasm instantiation and then waits forever: report it instead.
 * Waits for the downloads in flight first, so a damaged file is named as such rather than
 * as the compile error it causes. */
function watchWasm(report, settled) {
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name].bind(WebAssembly);
    WebAssembly[name] = (...args) => original(...args).catch(async (error) => {
      await settled();
      report(new FetchFault("wasm-failed", `WebAssembly ${name} failed: ${error?.message || error}`));
      throw error;
    });
  }
}

async function boot(config) {
  const total = Object.values(config.sizes || {}).reduce((a, b) => a + b, 0);
  let loaded = 0;
  let phase = "runtime";
  const progress = () => postMessage({ type: "progress", phase, loaded, total });
  let failed;
  const fault = new Promise((_, reject) => { failed = reject; });
  fault.catch(() => {}); // handled by the race below; never an unhandled rejection
  const guard = guardFetch({
    integrity: config.integrity || {},
    sizes: config.sizes || {},
    stallMs: config.stallMs,
    onBytes: (bytes) => {
      loaded += bytes;
      progress();
    },
    onFault: (error) => failed(error), // the first fault wins; later ones change nothing
    cache: config.bypassCache ? "reload" : "default",
  });
  // Every download starts at once, in parallel: the boot is shorter, and a fault in any
  // file (a stall above all) is seen from the first second, not when Pyodide gets to it.
  // Pyodide's own requests are then answered with the responses already under way.
  const early = new Map();
  for (const url of [`${config.pyodide}pyodide.asm.wasm`, `${config.pyodide}pyodide-lock.json`,
    config.stdlib || `${config.pyodide}python_stdlib.zip`]) {
    const response = guard.fetch(url);
    response.catch(() => {});
    early.set(new URL(url).href, response);
  }
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
    const response = early.get(url);
    early.delete(url); // a body can be read once: a second request downloads again
    return response ?? guard.fetch(input, init);
  };
  watchWasm((error) => failed(error), guard.settled);

  async function load() {
    progress();
    const moduleURL = `${config.pyodide}pyodide.mjs`;
    const scripts = Promise.all([moduleURL, `${config.pyodide}pyodide.asm.js`]
      .map((url) => fetchBytes(guard.fetch, url)));
    const wheel = fetchBytes(guard.fetch, config.wheel); // downloads while Python starts
    wheel.catch(() => {});
    await scripts;
    const { loadPyodide } = await import(moduleURL);
    phase = "python";
    progress();
    const options = { indexURL: config.pyodide, fullStdLib: false };
    if (config.stdlib) options.stdLibURL = config.stdlib;
    const pyodide = await loadPyodide(options);
    phase = "quizzes";
    progress();
    pyodide.unpackArchive(await wheel, "wheel");
    phase = "starting";
    progress();
    pyodide.globals.set("EDUSITE_DIST", config.dist);
    const quizzes = JSON.parse(await pyodide.runPythonAsync(PY_BOOT));
    const evaluate = pyodide.globals.get("_edusite_evaluate");
    phase = "ready";
    loaded = Math.max(loaded, total);
    progress();
    return { pyodide, evaluate, quizzes };
  }

  return Promise.race([fault, load()]);
}

async function handle(message) {
  if (message.type === "init") {
    if (!ready) ready = boot(message.config);
    try {
      const { quizzes } = await ready;
      return { quizzes };
    } catch (error) {
      ready = null;
      const code = error instanceof FetchFault ? error.code : "load-failed";
      throw { code, message: String(error?.message ? error.message : error) };
    }
  }
  if (message.type === "evaluate") {
    if (!ready) throw { code: "bad-request", message: "init first" };
    const { evaluate } = await ready;
    let json;
    try {
      json = evaluate(String(message.quizId), JSON.stringify(message.answers || {}));
    } catch (error) {
      console.error(error); // the Python traceback, for the quiz's author in the console
      throw { code: "python-error", message: String(error?.message ? error.message : error) };
    }
    if (json === undefined || json === null) {
      throw { code: "unknown-quiz", message: `no quiz with id ${message.quizId}` };
    }
    return JSON.parse(json);
  }
  throw { code: "bad-request", message: `unknown message type ${message.type}` };
}

self.addEventListener("message", async (event) => {
  const message = event.data || {};
  try {
    const result = await handle(message);
    postMessage({ id: message.id, ok: true, result });
  } catch (error) {
    const reply = error?.code ? error : { code: "python-error", message: String(error) };
    postMessage({ id: message.id, ok: false, error: reply });
  }
});
