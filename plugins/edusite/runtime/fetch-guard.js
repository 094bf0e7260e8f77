// A fetch for the quiz worker that turns every way a runtime download can go wrong into one
// prompt, named fault, instead of a frozen progress bar: an HTTP error or a network failure
// ("load-failed"), bytes that differ from the ones the build recorded ("integrity-failed"),
// or a download that stops sending bytes ("stalled"). Pyodide swallows some of these errors
// (a failed wasm instantiation only logs a warning and never settles), so each fault is also
// handed to `onFault`, which the worker races against Pyodide's start-up.
//
// Bodies are read eagerly, as fast as the network delivers them, so the stall timer measures
// the network and not a slow consumer (the wasm compiler). A response with a recorded digest
// is passed on chunk by chunk while it downloads (streaming wasm compilation keeps working),
// but its stream closes only once the digest of all its bytes matched: a consumer never sees
// a complete file that was not verified, and a mismatch errors the stream instead.

const LATE_MS = 250;
const GRACE_MS = 300;

export class FetchFault extends Error {
  constructor(code, message, url = null) {
    super(message);
    this.code = code;
    this.url = url; // the download's absolute URL (null for faults of no one file)
  }
}

/** True when the browser already decoded a gzip copy because the host sent it with
 * `Content-Encoding: gzip`: the body is then the plain file, not the `.gz` bytes. */
export function hostDecoded(response) {
  return /\bgzip\b/i.test(response.headers?.get("content-encoding") || "");
}

/** The gunzipped `body` (a gzip copy the worker decodes itself). Damaged bytes usually
 * break the gzip stream before the download ends: that error waits for `settled()` (every
 * download checked), so the guard's fault, which names the damaged file, is reported first.
 * Nothing is decoded before the consumer reads (high-water mark 0, the pipe made on the
 * first read): decoding ahead of Pyodide kept the worker's thread busy while the scripts it
 * needs first waited to be read and checked (a second visit, where every file arrives at
 * once: tens of ms inflating the wasm before the scripts' check). */
export function gunzipped(body, settled) {
  let reader = null;
  return new ReadableStream({
    async pull(controller) {
      reader ??= body.pipeThrough(new DecompressionStream("gzip")).getReader();
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        await settled();
        controller.error(error);
      }
    },
    cancel: (reason) => (reader ? reader.cancel(reason) : body.cancel(reason)),
  }, { highWaterMark: 0 });
}

/** "sha256-<base64>" (Subresource Integrity style) of `bytes`, with WebCrypto. */
export async function sriDigest(bytes, algorithm = "SHA-256") {
  const digest = new Uint8Array(await crypto.subtle.digest(algorithm, bytes));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `${algorithm.toLowerCase().replace("-", "")}-${btoa(binary)}`;
}

function concat(chunks, length) {
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return all;
}

/**
 * @param {object} options
 * @param {Record<string, string>} [options.integrity] absolute URL -> "sha256-<base64>"
 * @param {Record<string, number>} [options.sizes] absolute URL -> bytes; checked always, so
 *   a truncated file is caught even where WebCrypto is missing (`crypto.subtle` exists only
 *   in secure contexts: a site served over plain HTTP gets the size check alone)
 * @param {Record<string, {size: number, integrity: string}>} [options.decoded] gzip copy's
 *   absolute URL -> the plain file's size and digest, checked instead when the host had the
 *   browser decode it (`hostDecoded`)
 * @param {number} [options.stallMs] no bytes (or no response) for this long is a fault
 * @param {(bytes: number) => void} [options.onBytes] body bytes as they arrive
 * @param {(fault: FetchFault) => void} [options.onFault] every fault, once it happens
 * @param {RequestCache} [options.cache] "reload" fetches from the network (and refreshes the
 *   HTTP cache, which the worker's later `import()` of a checked script then reads)
 * @param {typeof fetch} [options.fetch] the real fetch (injectable for tests)
 * @returns {{fetch: typeof fetch, settled: () => Promise<void>}} the guarded fetch, and a
 *   promise for "every body started so far has been read and checked"
 */
export function guardFetch({ integrity = {}, sizes = {}, decoded = {}, stallMs = 2500, onBytes = () => {},
  onFault = () => {}, cache = "default", canDigest = Boolean(globalThis.crypto?.subtle),
  fetch: realFetch = globalThis.fetch.bind(globalThis) } = {}) {
  const inFlight = new Set();

  function fail(code, message, url) {
    const fault = new FetchFault(code, message, url);
    onFault(fault);
    return fault;
  }

  async function guarded(input, init = {}) {
    const url = new URL(input instanceof Request ? input.url : String(input), globalThis.location?.href).href;
    let expected = canDigest ? integrity[url] : undefined;
    let size = sizes[url];
    const abort = new AbortController();
    let stalled = false;
    let timer = null;
    // A timer that fires late means this thread was busy (Python starting, another file
    // being checked), not that the network was silent: bytes may be waiting to be read, so
    // such a timer only grants a short grace period instead of declaring a stall.
    const arm = (delay = stallMs) => {
      clearTimeout(timer);
      const due = performance.now() + delay;
      timer = setTimeout(() => {
        if (performance.now() - due > LATE_MS) {
          arm(GRACE_MS);
          return;
        }
        stalled = true;
        abort.abort();
      }, delay);
    };
    const stallFault = () => fail("stalled", `no data for ${stallMs / 1000} s from ${url}`, url);

    arm();
    let response;
    try {
      response = await realFetch(input, { cache, ...init, signal: abort.signal });
    } catch (error) {
      clearTimeout(timer);
      throw stalled ? stallFault() : fail("load-failed", `${url}: ${error?.message || error}`, url);
    }
    if (!response.ok) {
      clearTimeout(timer);
      abort.abort();
      throw fail("load-failed", `HTTP ${response.status} for ${url}`, url);
    }
    if (decoded[url] && hostDecoded(response)) {
      expected = canDigest ? decoded[url].integrity : undefined;
      size = decoded[url].size;
    }
    if (!response.body) {
      clearTimeout(timer);
      return response;
    }

    const reader = response.body.getReader();
    let done;
    const finished = new Promise((resolve) => { done = resolve; });
    inFlight.add(finished);
    const body = new ReadableStream({
      async start(controller) {
        const chunks = [];
        let length = 0;
        try {
          for (;;) {
            arm();
            const { done: end, value } = await reader.read();
            if (end) break;
            onBytes(value.byteLength);
            if (expected) chunks.push(value.slice());
            length += value.byteLength;
            controller.enqueue(value);
          }
          clearTimeout(timer);
          if (size !== undefined && length !== size) {
            throw fail("integrity-failed", `${url} has ${length} bytes, not the ${size} this site was built with`, url);
          }
          if (expected) {
            const actual = await sriDigest(concat(chunks, length), expected.startsWith("sha384-") ? "SHA-384" : "SHA-256");
            if (actual !== expected) {
              throw fail("integrity-failed", `${url} is not the file this site was built with (${length} bytes, ${actual})`, url);
            }
          }
          controller.close();
        } catch (error) {
          clearTimeout(timer);
          const fault = error instanceof FetchFault ? error
            : stalled ? stallFault() : fail("load-failed", `${url}: ${error?.message || error}`, url);
          controller.error(fault);
        } finally {
          inFlight.delete(finished);
          done();
        }
      },
      cancel(reason) {
        clearTimeout(timer);
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  return {
    fetch: guarded,
    settled: () => Promise.all([...inFlight]).then(() => undefined),
  };
}

/** The whole body of `url` through `guardedFetch`, verified (for files used as bytes). */
export async function fetchBytes(guardedFetch, url, init) {
  const response = await guardedFetch(url, init);
  return new Uint8Array(await response.arrayBuffer());
}
