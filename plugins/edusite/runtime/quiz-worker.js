// The quiz worker: a module worker that boots the self-hosted Pyodide, installs the quiz
// wheel and evaluates answers. It is the only place Python runs, off the main thread, so a
// slow or runaway quiz never freezes the page (the client terminates and replaces it).
//
// Protocol (messages are plain objects, replies matched by `id`):
//   in : {id, type: "init", config: {pyodide, stdlib, wheel, dist, sizes}}  (absolute URLs)
//   in : {id, type: "evaluate", quizId, answers: {name: string | string[]}}
//   out: {id, ok: true, result} | {id, ok: false, error: {code, message}}
//   out: {type: "progress", phase, loaded, total}   (bytes; total 0 when unknown)
// Error codes: "load-failed" (Pyodide or the wheel did not download or start),
// "unknown-quiz", "python-error" (the quiz raised), "bad-request".

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

/** Fetch that reports body bytes as they arrive, so the reader sees real progress. */
function countingFetch(counter) {
  const plainFetch = globalThis.fetch.bind(globalThis);
  return async (input, init) => {
    const response = await plainFetch(input, init);
    if (!response.ok) {
      throw new Error(`HTTP ${response.status} for ${response.url}`);
    }
    if (!response.body) return response;
    const reader = response.body.getReader();
    const stream = new ReadableStream({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        counter(value.byteLength);
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    return new Response(stream, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

async function boot(config) {
  const total = Object.values(config.sizes || {}).reduce((a, b) => a + b, 0);
  let loaded = 0;
  let phase = "runtime";
  const progress = () => postMessage({ type: "progress", phase, loaded, total });
  globalThis.fetch = countingFetch((bytes) => {
    loaded += bytes;
    progress();
  });
  progress();
  const { loadPyodide } = await import(config.pyodide + "pyodide.mjs");
  phase = "python";
  progress();
  const options = { indexURL: config.pyodide, fullStdLib: false };
  if (config.stdlib) options.stdLibURL = config.stdlib;
  const pyodide = await loadPyodide(options);
  phase = "quizzes";
  progress();
  const wheel = await (await fetch(config.wheel)).arrayBuffer();
  pyodide.unpackArchive(wheel, "wheel");
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

async function handle(message) {
  if (message.type === "init") {
    if (!ready) ready = boot(message.config);
    try {
      const { quizzes } = await ready;
      return { quizzes };
    } catch (error) {
      ready = null;
      throw { code: "load-failed", message: String(error && error.message ? error.message : error) };
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
      throw { code: "python-error", message: String(error && error.message ? error.message : error) };
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
    const reply = error && error.code ? error : { code: "python-error", message: String(error) };
    postMessage({ id: message.id, ok: false, error: reply });
  }
});
