// Unit tests of the service worker's routing and caching (service-worker.js), run by
// `node --test` (see test_js_units.py). The worker is a classic script, so it is evaluated
// here as the browser would, in its own context, with a fake cache storage and network.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const SOURCE = readFileSync(new URL("../../plugins/edusite/runtime/service-worker.js", import.meta.url), "utf8");
const sw = vm.runInNewContext(
  `${SOURCE}\n;({ cacheNames, staleCaches, route, runtimeResponse, pageResponse, serve })`,
  { URL, Response, Headers, Promise },
);

const SCOPE = "https://example.test/guide/";
const RUNTIME = `${SCOPE}_edusite/pyodide/0.29.5/pyodide.asm.js`;
const PAGE = `${SCOPE}heat-stroke/`;

function request(url, { method = "GET", mode = "cors", cache = "default", headers = {} } = {}) {
  return { url, method, mode, cache, headers: new Headers(headers) };
}

/** Map-backed CacheStorage: enough of the Cache API for the worker. */
function fakeCaches(entries = {}) {
  const stores = new Map(Object.entries(entries).map(([name, urls]) => [name, new Map(urls)]));
  const open = async (name) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name);
    return {
      match: async (req) => store.get(req.url)?.clone(),
      put: async (req, response) => {
        await response.clone().arrayBuffer(); // a body that breaks off rejects, as in browsers
        store.delete(req.url); // a put replaces the entry and appends it, as in browsers
        store.set(req.url, response);
      },
      delete: async (req) => store.delete(req.url),
      keys: async () => [...store.keys()].map((url) => ({ url })),
    };
  };
  return {
    stores,
    open,
    keys: async () => [...stores.keys()],
    delete: async (name) => stores.delete(name),
  };
}

/** A fake network: records each call; answers `body` with `status`, or fails when offline. */
function fakeNetwork({ body = "from the network", status = 200, offline = false } = {}) {
  const calls = [];
  const fetch = async (req, init) => {
    calls.push({ url: req.url, init });
    if (offline) throw new TypeError("Failed to fetch");
    const response = new Response(body, { status });
    Object.defineProperty(response, "type", { value: "basic" });
    return response;
  };
  return { calls, fetch };
}

function context(caches, network) {
  const pending = [];
  return {
    caches,
    fetch: network.fetch,
    names: sw.cacheNames(SCOPE, "v1"),
    waitUntil: (promise) => pending.push(promise),
    settled: () => Promise.all(pending),
  };
}

test("runtime files, pages and what is left alone", () => {
  assert.equal(sw.route(request(RUNTIME), SCOPE), "runtime");
  assert.equal(sw.route(request(`${SCOPE}_edusite/quiz/q.whl`), SCOPE), "runtime");
  assert.equal(sw.route(request(PAGE, { mode: "navigate" }), SCOPE), "page");
  assert.equal(sw.route(request(`${SCOPE}assets/javascripts/bundle.js`), SCOPE), "page");
  assert.equal(sw.route(request(RUNTIME, { mode: "navigate" }), SCOPE), "page");
  assert.equal(sw.route(request(PAGE, { method: "POST" }), SCOPE), null);
  assert.equal(sw.route(request(RUNTIME, { headers: { range: "bytes=0-9" } }), SCOPE), null);
  assert.equal(sw.route(request("https://cdn.test/guide/x.js"), SCOPE), null);
  assert.equal(sw.route(request("https://example.test/other-site/"), SCOPE), null);
});

test("activation deletes this scope's older caches only", () => {
  const current = sw.cacheNames(SCOPE, "v2");
  const old = sw.cacheNames(SCOPE, "v1");
  const other = sw.cacheNames("https://example.test/other-site/", "v1");
  const keys = [current.runtime, current.pages, current.assets, old.runtime, old.pages, old.assets,
    other.runtime, "someone-else"];
  assert.deepEqual(sw.staleCaches(keys, SCOPE, "v2"), [old.runtime, old.pages, old.assets]);
  assert.notEqual(current.runtime, old.runtime);
});

test("a runtime file is fetched once, then served from the cache", async () => {
  const caches = fakeCaches();
  const network = fakeNetwork({ body: "pyodide" });
  const first = context(caches, network);
  assert.equal(await (await sw.runtimeResponse(request(RUNTIME), first)).text(), "pyodide");
  await first.settled();
  assert.equal(network.calls.length, 1);
  assert.equal(network.calls[0].init.cache, "force-cache"); // an immutable URL: no revalidation
  const again = await sw.runtimeResponse(request(RUNTIME), context(caches, network));
  assert.equal(await again.text(), "pyodide");
  assert.equal(network.calls.length, 1);
});

test("a request that bypasses caches replaces the cached copy (the worker's Retry)", async () => {
  const name = sw.cacheNames(SCOPE, "v1").runtime;
  const damaged = new Response("damaged");
  const caches = fakeCaches({ [name]: [[RUNTIME, damaged]] });
  const network = fakeNetwork({ body: "good" });
  const retry = context(caches, network);
  const response = await sw.runtimeResponse(request(RUNTIME, { cache: "reload" }), retry);
  assert.equal(await response.text(), "good");
  assert.equal(network.calls[0].init, undefined); // the request's own "reload" applies
  await retry.settled();
  const later = await sw.runtimeResponse(request(RUNTIME), context(caches, network));
  assert.equal(await later.text(), "good");
});

test("an HTTP error is passed on and never kept", async () => {
  const caches = fakeCaches();
  const network = fakeNetwork({ body: "missing", status: 404 });
  const ctx = context(caches, network);
  assert.equal((await sw.runtimeResponse(request(RUNTIME), ctx)).status, 404);
  await ctx.settled();
  assert.equal(caches.stores.get(sw.cacheNames(SCOPE, "v1").runtime).size, 0);
});

test("an error the HTTP cache kept is asked for again, not served", async () => {
  const calls = [];
  const fetch = async (_req, init) => {
    calls.push(init?.cache);
    const response = init?.cache === "force-cache" ? new Response("old 404", { status: 404 }) : new Response("worker");
    Object.defineProperty(response, "type", { value: "basic" });
    return response;
  };
  const ctx = context(fakeCaches(), { fetch });
  assert.equal(await (await sw.runtimeResponse(request(RUNTIME), ctx)).text(), "worker");
  assert.deepEqual(calls, ["force-cache", undefined]);
});

test("pages come from the network first, and from the cache when it fails", async () => {
  const caches = fakeCaches();
  const online = context(caches, fakeNetwork({ body: "article v1" }));
  assert.equal(await (await sw.pageResponse(request(PAGE), online)).text(), "article v1");
  await online.settled();
  const newer = context(caches, fakeNetwork({ body: "article v2" }));
  assert.equal(await (await sw.pageResponse(request(PAGE), newer)).text(), "article v2");
  await newer.settled();
  const offline = context(caches, fakeNetwork({ offline: true }));
  assert.equal(await (await sw.pageResponse(request(PAGE), offline)).text(), "article v2");
  await assert.rejects(sw.pageResponse(request(`${SCOPE}never-seen/`), offline), /Failed to fetch/);
});

test("the pages cache keeps only the responses fetched last", async () => {
  const caches = fakeCaches();
  const visit = async (path) => {
    const online = { ...context(caches, fakeNetwork({ body: path })), pagesKept: 3 };
    await sw.pageResponse(request(`${SCOPE}${path}`), online);
    await online.settled();
  };
  // Material's assets are fetched once, when the tab opens; instant navigation then fetches
  // only pages: the assets must outlive any number of pages, or offline pages lose styles.
  for (const path of ["assets/main.css", "a/", "b/", "c/", "a/", "d/", "e.html"]) await visit(path);
  const names = sw.cacheNames(SCOPE, "v1");
  const pages = [...caches.stores.get(names.pages).keys()];
  assert.deepEqual(pages, ["a/", "d/", "e.html"].map((path) => `${SCOPE}${path}`));
  assert.deepEqual([...caches.stores.get(names.assets).keys()], [`${SCOPE}assets/main.css`]);
  const offline = context(caches, fakeNetwork({ offline: true }));
  assert.equal(await (await sw.pageResponse(request(`${SCOPE}assets/main.css`), offline)).text(), "assets/main.css");
});

test("the wired worker waits its turn, cleans up, claims, and answers only its own GETs", async () => {
  const listeners = {};
  const old = sw.cacheNames(SCOPE, "v1").runtime;
  const caches = fakeCaches({ [old]: [] });
  const done = [];
  const worker = {
    registration: { scope: SCOPE },
    caches,
    fetch: fakeNetwork().fetch,
    clients: { claim: async () => done.push("claimed") },
    skipWaiting: () => done.push("skipped"),
    addEventListener: (type, listener) => {
      listeners[type] = listener;
    },
  };
  sw.serve(worker, "v2");
  assert.equal(listeners.install, undefined); // no skipWaiting: it activates once no page uses the old one
  let activated;
  listeners.activate({ waitUntil: (promise) => { activated = promise; } });
  await activated;
  assert.deepEqual(done, ["claimed"]);
  assert.equal(caches.stores.has(old), false);
  let answered = null;
  const event = (req) => ({ request: req, respondWith: (r) => { answered = r; }, waitUntil: () => {} });
  listeners.fetch(event(request(PAGE, { method: "POST" })));
  listeners.fetch(event(request("https://tracker.test/collect")));
  assert.equal(answered, null);
  listeners.fetch(event(request(RUNTIME)));
  assert.equal(await (await answered).text(), "from the network");
});
