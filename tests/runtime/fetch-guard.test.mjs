// Unit tests of the worker's guarded fetch (fetch-guard.js), run by `node --test` (see
// test_js_units.py): a fake network stands in for the server, so each fault is quick.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import {
  FetchFault, fetchBytes, guardFetch, gunzipped, hostDecoded, sriDigest,
} from "../../plugins/edusite/runtime/fetch-guard.js";

const URL_A = "https://site.test/_edusite/pyodide/a.wasm";
const BYTES = new Uint8Array(Array.from({ length: 5000 }, (_, i) => i % 251));
const SRI = `sha256-${createHash("sha256").update(BYTES).digest("base64")}`;

/** A fake fetch serving `chunks` (then closing, or hanging when `hang`) with `status`. */
function network({ chunks = [BYTES], status = 200, hang = false, gapMs = 0, headers = {} } = {}) {
  return async (_input, init) => {
    const body = new ReadableStream({
      async start(controller) {
        for (const chunk of chunks) {
          if (gapMs) await new Promise((resolve) => setTimeout(resolve, gapMs));
          controller.enqueue(chunk);
        }
        if (hang) {
          init.signal.addEventListener("abort", () => controller.error(new Error("aborted")));
          return;
        }
        controller.close();
      },
    });
    return new Response(body, { status, headers: { "content-type": "application/wasm", ...headers } });
  };
}

function guarded(options) {
  const faults = [];
  const guard = guardFetch({ integrity: { [URL_A]: SRI }, onFault: (f) => faults.push(f), ...options });
  return { guard, faults };
}

test("sriDigest matches the SHA-256 the build records (install.py's sri_sha256)", async () => {
  assert.equal(await sriDigest(BYTES), SRI);
});

test("the recorded bytes pass, in chunks, with every byte counted", async () => {
  let counted = 0;
  const chunks = [BYTES.slice(0, 1000), BYTES.slice(1000)];
  const { guard, faults } = guarded({ fetch: network({ chunks }), onBytes: (n) => { counted += n; } });
  const response = await guard.fetch(URL_A);
  assert.equal(response.headers.get("content-type"), "application/wasm"); // streaming compile
  assert.deepEqual(new Uint8Array(await response.arrayBuffer()), BYTES);
  assert.equal(counted, BYTES.length);
  assert.deepEqual(faults, []);
});

test("a truncated or changed file fails with integrity-failed, reported at once", async () => {
  const flipped = BYTES.slice();
  flipped[2500] ^= 0xff;
  for (const chunks of [[BYTES.slice(0, 4000)], [flipped]]) {
    const { guard, faults } = guarded({ fetch: network({ chunks }) });
    await assert.rejects(fetchBytes(guard.fetch, URL_A));
    assert.deepEqual(faults.map((f) => f.code), ["integrity-failed"]);
    await guard.settled();
  }
});

test("an HTTP error fails with load-failed", async () => {
  const { guard, faults } = guarded({ fetch: network({ status: 404 }) });
  await assert.rejects(guard.fetch(URL_A), (error) => error instanceof FetchFault && error.code === "load-failed"
    && error.url === URL_A);
  assert.match(faults[0].message, /HTTP 404/);
});

test("a download that stops sending bytes fails with stalled after stallMs", async () => {
  const { guard, faults } = guarded({ fetch: network({ chunks: [BYTES.slice(0, 10)], hang: true }), stallMs: 60 });
  const began = Date.now();
  await assert.rejects(fetchBytes(guard.fetch, URL_A));
  assert.deepEqual(faults.map((f) => f.code), ["stalled"]);
  assert.ok(Date.now() - began < 1000);
});

test("no response at all (headers never come) is a stall too", async () => {
  const silent = (_input, init) => new Promise((_, reject) => {
    init.signal.addEventListener("abort", () => reject(new Error("aborted")));
  });
  const { guard, faults } = guarded({ fetch: silent, stallMs: 40 });
  await assert.rejects(guard.fetch(URL_A), (error) => error.code === "stalled");
  assert.equal(faults.length, 1);
});

test("a slow but steady download is not a stall", async () => {
  const chunks = Array.from({ length: 5 }, (_, i) => BYTES.slice(i * 1000, (i + 1) * 1000));
  const { guard, faults } = guarded({ fetch: network({ chunks, gapMs: 30 }), stallMs: 80 });
  assert.deepEqual(await fetchBytes(guard.fetch, URL_A), BYTES); // 150 ms in all
  assert.deepEqual(faults, []);
});

test("files without a recorded digest pass unchecked", async () => {
  const { guard, faults } = guarded({ fetch: network({ chunks: [new Uint8Array([1, 2, 3])] }) });
  assert.deepEqual(await fetchBytes(guard.fetch, "https://site.test/other.json"), new Uint8Array([1, 2, 3]));
  assert.deepEqual(faults, []);
});

test("without WebCrypto (plain HTTP) the recorded size still catches a truncated file", async () => {
  const sizes = { [URL_A]: BYTES.length };
  const short = guarded({ fetch: network({ chunks: [BYTES.slice(0, 4000)] }), sizes, canDigest: false });
  await assert.rejects(fetchBytes(short.guard.fetch, URL_A));
  assert.deepEqual(short.faults.map((f) => f.code), ["integrity-failed"]);
  const flipped = BYTES.slice();
  flipped[10] ^= 1; // same size: only a digest could tell, and there is none to compute
  const same = guarded({ fetch: network({ chunks: [flipped] }), sizes, canDigest: false });
  assert.deepEqual(await fetchBytes(same.guard.fetch, URL_A), flipped);
});

test("a gzip copy the host had the browser decode is checked as the plain file", async () => {
  // The host sent a.wasm.gz with Content-Encoding: gzip, so the body is already the plain
  // file: its own size and digest apply, not the .gz ones (which would fail every reader).
  const gzURL = `${URL_A}.gz`;
  const packed = gzipSync(BYTES);
  const gzSRI = `sha256-${createHash("sha256").update(packed).digest("base64")}`;
  const options = {
    integrity: { [gzURL]: gzSRI },
    sizes: { [gzURL]: packed.length },
    decoded: { [gzURL]: { size: BYTES.length, integrity: SRI } },
  };
  const encoded = network({ chunks: [BYTES], headers: { "content-encoding": "gzip" } });
  const { guard, faults } = guarded({ fetch: encoded, ...options });
  const response = await guard.fetch(gzURL);
  assert.equal(hostDecoded(response), true);
  assert.deepEqual(new Uint8Array(await response.arrayBuffer()), BYTES);
  assert.deepEqual(faults, []);
  // The .gz bytes as sent (no Content-Encoding) are checked as the .gz file.
  const plain = guarded({ fetch: network({ chunks: [packed] }), ...options });
  const asSent = await plain.guard.fetch(gzURL);
  assert.equal(hostDecoded(asSent), false);
  assert.deepEqual(new Uint8Array(await asSent.arrayBuffer()), new Uint8Array(packed));
  // Decoded bytes that are not the plain file still fail.
  const flipped = BYTES.slice();
  flipped[10] ^= 0xff;
  const bad = network({ chunks: [flipped], headers: { "content-encoding": "gzip" } });
  const broken = guarded({ fetch: bad, ...options });
  await assert.rejects(fetchBytes(broken.guard.fetch, gzURL));
  assert.deepEqual(broken.faults.map((f) => f.code), ["integrity-failed"]);
});

/** A body of `bytes` in `size`-byte chunks that counts how many chunks were pulled from it. */
function countedBody(bytes, size = 1000) {
  const source = { pulled: 0 };
  let offset = 0;
  source.body = new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      source.pulled += 1;
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  }, { highWaterMark: 0 });
  return source;
}

test("gunzipped decodes a gzip copy, and reads none of it before its consumer does", async () => {
  const source = countedBody(new Uint8Array(gzipSync(BYTES)), 100);
  const stream = gunzipped(source.body, async () => {});
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(source.pulled, 0, "decoded ahead of the consumer");
  const plain = new Uint8Array(await new Response(stream).arrayBuffer());
  assert.deepEqual(plain, BYTES);
  assert.ok(source.pulled > 1);
});

test("gunzipped reports a broken gzip stream only once the downloads are checked", async () => {
  const damaged = new Uint8Array(gzipSync(BYTES));
  damaged.fill(7, 10, 60);
  let release;
  const checked = new Promise((resolve) => { release = resolve; });
  let settledCalls = 0;
  const stream = gunzipped(countedBody(damaged).body, () => {
    settledCalls += 1;
    return checked;
  });
  let failed = false;
  const reading = new Response(stream).arrayBuffer().catch(() => { failed = true; });
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(settledCalls, 1);
  assert.equal(failed, false, "errored before the downloads were checked");
  release();
  await reading;
  assert.equal(failed, true);
});
