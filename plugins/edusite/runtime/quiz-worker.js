// The quiz worker: a module worker that boots the self-hosted Pyodide, unpacks the shared
// quiz bundle (quizkit and the start-up module `edusite_boot`), then each page's quiz bundles
// as the page asks for them, and evaluates answers. It is the only place Python runs, off the
// main thread, so a slow or runaway quiz never freezes the page (the client terminates and
// replaces it). One worker serves every page of a visit (Material's instant navigation):
// each bundle is downloaded once, and exactly the module it names is imported.
//
// Protocol (messages are plain objects, replies matched by `id`):
//   in : {id, type: "init", config: {pyodide, stdlib, shared, sizes, integrity, gzip,
//        scriptGzip, decoded, stallMs, bypassCache}} (absolute URLs; integrity maps each
//        downloaded file's URL to "sha256-<base64>"; gzip maps a file's URL to the URL of its
//        gzip copy, which is downloaded and checked instead, then decoded here; scriptGzip
//        the same for a script that may be imported decoded or plain; decoded gives a gzip
//        copy's plain size and digest, checked when the host sent it with Content-Encoding:
//        gzip and the browser decoded it already; bypassCache after a failed start, whose bad
//        bytes may be cached)
//   in : {id, type: "load", quiz: {bundle, module, size, integrity, bypassCache}} (after
//        init: the bundle's absolute URL, the module to import from it, the size and digest
//        it is checked against; replies {quizzes} once its quizzes can be evaluated)
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
// `import()`, are fetched and checked first and then imported: pyodide.mjs from the same URL
// (the HTTP cache answers), pyodide.asm.js from its decoded gzip copy as a `blob:` module
// where the host sends no Content-Security-Policy header (see pyodideScript), else from the
// same URL.

import { FetchFault, fetchBytes, guardFetch, gunzipped, hostDecoded } from "./fetch-guard.js";


const CONTENT_TYPES = { wasm: "application/wasm", json: "application/json", zip: "application/zip" };

function contentType(url) {
  const extension = new URL(url).pathname.split(".").pop();
  return CONTENT_TYPES[extension] || "application/octet-stream";
}

let ready = null; // Promise of {pyodide, booted}, created by the first "init".
let downloads = null; // {guard, tables, faults} of that start, set at once: bundles download early
const bundles = new Map(); // bundle URL -> Promise of its unpacking and import (once each)

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
  const sizes = config.sizes || {};
  const scriptGzip = config.scriptGzip || {};
  // The progress total counts each script's gzip copy, not the script: the copy is what a
  // host without a policy header sends (see pyodideScript); the other case corrects it.
  const plainScripts = new Set(Object.keys(scriptGzip));
  let total = Object.entries(sizes).reduce((sum, [url, size]) => sum + (plainScripts.has(url) ? 0 : size), 0);
  let loaded = 0;
  let phase = "runtime";
  const progress = () => postMessage({ type: "progress", phase, loaded, total });
  // Each phase also leaves a User Timing mark in this worker (`edusite:<phase>`), which
  // `make bench` reads to split the start-up into its parts; a mark costs microseconds.
  const enter = (next) => {
    phase = next;
    performance.mark(`edusite:${next}`);
    progress();
  };
  let failed;
  const fault = new Promise((_, reject) => { failed = reject; });
  fault.catch(() => {}); // handled by the race below; never an unhandled rejection
  // The guard's tables, kept: each quiz bundle's digest and size are added when it is asked for.
  const tables = { integrity: { ...config.integrity }, sizes: { ...config.sizes } };
  // A body that errors reaches `arrayBuffer()` as the browser's own TypeError, not the
  // guard's fault: each file's fault is kept here, to report its code for a quiz bundle.
  const faults = new Map();
  const guard = guardFetch({
    integrity: tables.integrity,
    sizes: tables.sizes,
    decoded: config.decoded || {},
    stallMs: config.stallMs,
    onBytes: (bytes) => {
      loaded += bytes;
      progress();
    },
    onFault: (error) => { // the first fault wins the start; later ones change nothing there
      if (error.url) faults.set(error.url, error);
      failed(error);
    },
    cache: config.bypassCache ? "reload" : "default",
  });
  downloads = { guard, tables, faults };
  // The large files come gzipped (config.gzip: plain URL -> .gz URL), whatever the host
  // compresses: the guard checks the bytes that arrive, and the worker decodes them here, as
  // a stream with the plain file's content type, so the wasm still compiles while it
  // downloads (instantiateStreaming needs application/wasm).
  const gzip = config.gzip || {};
  /** A gzip copy's plain bytes: the worker decodes them, unless the browser already did. */
  const plainBody = (response) => (hostDecoded(response) ? response.body : gunzipped(response.body, guard.settled));
  const answers = []; // the host's first responses: their headers tell whether it sends a policy
  const download = (url, init) => {
    const answer = guard.fetch(gzip[url] || url, init);
    if (!gzip[url]) return answer;
    answers.push(answer);
    return answer.then((response) => new Response(
      plainBody(response),
      { status: 200, headers: { "content-type": contentType(url) } },
    ));
  };
  // Every download starts at once, in parallel: the boot is shorter, and a fault in any
  // file (a stall above all) is seen from the first second, not when Pyodide gets to it.
  // Pyodide's own requests are then answered with the responses already under way.
  const early = new Map();
  for (const url of [`${config.pyodide}pyodide.asm.wasm`, `${config.pyodide}pyodide-lock.json`,
    config.stdlib || `${config.pyodide}python_stdlib.zip`]) {
    const href = new URL(url).href;
    const response = download(href);
    response.catch(() => {});
    early.set(href, response);
  }
  // A policy header the host sends, in force or only reported: it binds this worker too.
  const hostSendsPolicy = Promise.any(answers).then(({ headers }) => (
    headers.has("content-security-policy") || headers.has("content-security-policy-report-only")), () => true);
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href).href;
    const response = early.get(url);
    early.delete(url); // a body can be read once: a second request downloads again
    return response ?? (gzip[url] ? download(url, init) : guard.fetch(input, init));
  };
  watchWasm((error) => failed(error), guard.settled);

  /** pyodide.asm.js (1.07 MB; its gzip copy 0.22 MB, config.scriptGzip). Pyodide
   * `import()`s it by URL, which cannot take bytes decoded here, unless its
   * `_createPyodideModule` is defined already: so the worker downloads the gzip copy and
   * imports the decoded, checked bytes itself as a `blob:` module, and a host that
   * compresses nothing sends the small bytes. A Content-Security-Policy header (Netlify or
   * Cloudflare Pages reading the site's `_headers`) binds this worker, and the site's policy
   * allows no `blob:` script: there the plain script is checked and Pyodide imports it from
   * the same URL (the HTTP cache answers), and such hosts compress scripts themselves.
   * Without the header (GitHub Pages) nothing binds the worker: a page's `<meta>` policy
   * does not reach it. The header is read from the first of the large runtime files the host
   * answers with (the site's `_headers` gives every file the same ones), so this script's
   * request starts one response later than the others; a stall in it is still named 2.5 s
   * after its own request. A header that would allow `blob:` is not parsed: such a host
   * gets the plain script. */
  async function pyodideScript() {
    const url = `${config.pyodide}pyodide.asm.js`;
    const copy = scriptGzip[url];
    const plain = () => fetchBytes(guard.fetch, url);
    if (!copy) return plain();
    if (await hostSendsPolicy) {
      total += (sizes[url] || 0) - (sizes[copy] || 0); // the progress total counted the copy
      return plain();
    }
    const response = await guard.fetch(copy);
    const source = new Blob([await new Response(plainBody(response)).arrayBuffer()], { type: "text/javascript" });
    const module = URL.createObjectURL(source);
    try {
      await import(module);
    } catch {
      total += sizes[url] || 0; // the checked bytes were refused: the plain script comes on top
      return plain();
    } finally {
      URL.revokeObjectURL(module);
    }
  }

  async function load() {
    enter("runtime");
    const moduleURL = `${config.pyodide}pyodide.mjs`;
    const scripts = Promise.all([fetchBytes(guard.fetch, moduleURL), pyodideScript()]);
    const shared = fetchBytes(guard.fetch, config.shared); // downloads while Python starts
    shared.catch(() => {});
    await scripts;
    performance.mark("edusite:scripts-checked");
    const { loadPyodide } = await import(moduleURL);
    enter("python");
    const options = { indexURL: config.pyodide, fullStdLib: false };
    if (config.stdlib) options.stdLibURL = config.stdlib;
    const pyodide = await loadPyodide(options);
    enter("quizzes");
    pyodide.unpackArchive(await shared, "zip");
    enter("starting");
    // The start-up module (runtime/boot.py) with no quiz module yet: bundles add them.
    const booted = pyodide.pyimport("edusite_boot").start_json("[]");
    loaded = Math.max(loaded, total);
    enter("ready");
    return { pyodide, booted };
  }

  return Promise.race([fault, load()]);
}

/** Download, check, unpack and import one quiz bundle. The download starts at once, also
 * while Python starts (the page asks for its bundles right after "init"), and a fault in it
 * fails that start like any runtime file's. A failed bundle is tried again (from the
 * network, not the HTTP cache that may hold its bad bytes) the next time it is asked for. */
function loadBundle(quiz) {
  const url = new URL(String(quiz.bundle), location.href).href;
  let loading = bundles.get(url);
  if (!loading) {
    const { guard, tables, faults } = downloads;
    faults.delete(url);
    if (quiz.integrity) tables.integrity[url] = String(quiz.integrity);
    if (Number.isFinite(quiz.size)) tables.sizes[url] = quiz.size;
    const init = quiz.bypassCache ? { cache: "reload" } : {};
    const bytes = fetchBytes(guard.fetch, url, init).catch((error) => {
      throw faults.get(url) ?? error;
    });
    bytes.catch(() => {});
    loading = (async () => {
      const { pyodide, booted } = await ready;
      pyodide.unpackArchive(await bytes, "zip");
      const quizzes = JSON.parse(booted.add_json(JSON.stringify([String(quiz.module)])));
      performance.mark(`edusite:bundle ${quiz.module}`);
      return quizzes;
    })();
    bundles.set(url, loading);
    loading.catch(() => bundles.delete(url));
  }
  return loading;
}

/** A failure as the reply's {code, message}: a download fault keeps its code. */
function failure(error) {
  const code = error instanceof FetchFault ? error.code : "load-failed";
  return { code, message: String(error?.message ? error.message : error) };
}

async function handle(message) {
  if (message.type === "init") {
    if (!ready) ready = boot(message.config);
    try {
      await ready;
      return { quizzes: [] };
    } catch (error) {
      ready = null;
      throw failure(error);
    }
  }
  if (!ready) throw { code: "bad-request", message: "init first" };
  if (message.type === "load") {
    try {
      return { quizzes: await loadBundle(message.quiz || {}) };
    } catch (error) {
      throw failure(error);
    }
  }
  if (message.type === "evaluate") {
    const { booted } = await ready;
    let json;
    try {
      json = booted.evaluate(String(message.quizId), JSON.stringify(message.answers || {}));
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
