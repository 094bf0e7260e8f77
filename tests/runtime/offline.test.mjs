// Unit tests of the service worker's registration (offline.js), run by `node --test`.
import assert from "node:assert/strict";
import { test } from "node:test";
import { canRegister, register, workerURL } from "../../plugins/edusite/runtime/offline.js";

const MODULE = "https://example.test/guide/_edusite/assets/0123abcd/offline.js";

test("the worker lives at the site root, also under a sub-path", () => {
  assert.equal(workerURL(MODULE), "https://example.test/guide/service-worker.js");
  assert.equal(workerURL("http://127.0.0.1:8000/_edusite/assets/x/offline.js"), "http://127.0.0.1:8000/service-worker.js");
});

test("registered for the whole site, only on http(s)", async () => {
  const calls = [];
  const navigator = { serviceWorker: { register: async (url, options) => { calls.push([url, options]); return "registration"; } } };
  assert.equal(await register({ location: { protocol: "https:" }, navigator, moduleURL: MODULE }), "registration");
  assert.deepEqual(calls, [["https://example.test/guide/service-worker.js", { scope: "https://example.test/guide/" }]]);
  assert.equal(await register({ location: { protocol: "file:" }, navigator, moduleURL: MODULE }), null);
  assert.equal(calls.length, 1);
  assert.equal(canRegister({ protocol: "https:" }, {}), false);
});

test("a failed registration is silent", async () => {
  const navigator = { serviceWorker: { register: async () => { throw new Error("SecurityError"); } } };
  assert.equal(await register({ location: { protocol: "http:" }, navigator, moduleURL: MODULE }), null);
});
