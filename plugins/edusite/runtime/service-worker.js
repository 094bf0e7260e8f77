// The site's service worker (issue 9): returning readers get the quiz runtime from this
// browser's own cache, however short the cache lifetime the host sends (GitHub Pages: 10
// minutes), and an article they have opened, with its quizzes, still works offline.
//
// It is a classic script (Firefox has no module service workers) served from the site root,
// so its scope covers every page, also when the site lives under a sub-path (`/guide/`).
// The build replaces VERSION with a hash of every runtime file (`install.py`), so a deploy
// that changes any of them also changes this file's bytes: the browser then installs the new
// worker, which deletes this scope's caches of older versions when it activates.
//
// A new worker does not skip waiting: it takes over only once no open page uses the old
// one, so a page never changes workers (or loses the cache it reads) halfway through
// loading its quiz runtime. That costs nothing in freshness: pages come from the network
// first, and every runtime URL names its content, so the old worker serves a new deploy's
// pages and files correctly. Only the very first worker claims the open pages at once
// (they have no worker to change from), so a first visit's quiz is cached too.
//
// - Files under `_edusite/` (Pyodide's versioned folder, the hashed wheel, the standard
//   library, the hashed asset folder, their `.gz` copies) never change at a given URL:
//   cache-first. On a miss the HTTP cache's copy is taken however old it is ("force-cache":
//   an immutable URL needs no revalidation; a kept error is asked for again). A request that asks to bypass caches (the quiz
//   worker's Retry fetches with cache "reload") drops the cached copy and goes to the
//   network, so a damaged file is replaced and never served again.
// - Everything else of this site (pages, Material's assets, images, the search index):
//   network-first, the cached copy only when the network fails. Pages (a navigation, or a
//   URL ending in `/` or `.html`, which Material's instant navigation fetches) go to their
//   own cache, which keeps the PAGES_KEPT fetched last (a put moves its entry to the end
//   of the cache's order; older ones beyond that are dropped), so a reader who browses a
//   whole catalogue does not fill the device. Assets go to a cache without a limit: they
//   are few and shared by every page (bounded by the site itself), and a page read lately
//   must never lose its styles and scripts offline.
// - Nothing else is touched: requests other than GET, range requests, other origins and
//   paths outside the scope go to the browser's own handling and are never cached. The
//   worker sends nothing anywhere: it only answers this site's own requests.
//
// The quiz worker checks every runtime file's size and digest itself (`fetch-guard.js`)
// whether its bytes come from the network or from here, and the SW stores only complete
// 200 responses of this origin (a body that breaks off makes `cache.put` fail).
// The routing is pure functions, unit-tested in tests/runtime/service-worker.test.mjs.

const VERSION = "__EDUSITE_VERSION__";
const RUNTIME_DIR = "_edusite/";
const CACHE_PREFIX = "edusite";
const BYPASS = ["reload", "no-store", "no-cache"];
const PAGES_KEPT = 120;

/** This scope's cache names for one version: the runtime files, the pages and the assets. */
function cacheNames(scope, version) {
  const base = `${CACHE_PREFIX} ${scope} `;
  return {
    runtime: `${base}runtime ${version}`,
    pages: `${base}pages ${version}`,
    assets: `${base}assets ${version}`,
  };
}

/** Whether a network-first request is a page (kept up to PAGES_KEPT), not an asset. */
function isPage(request) {
  if (request.mode === "navigate") return true;
  const path = new URL(request.url).pathname;
  return path.endsWith("/") || path.endsWith(".html");
}

/** Caches of this scope other than the current version's (other sites on the same origin,
 * e.g. another project on the same github.io host, keep theirs). */
function staleCaches(keys, scope, version) {
  const current = Object.values(cacheNames(scope, version));
  return keys.filter((key) => key.startsWith(`${CACHE_PREFIX} ${scope} `) && !current.includes(key));
}

/** "runtime" (cache-first), "page" (network-first) or null (not handled) for a request. */
function route(request, scope) {
  if (request.method !== "GET" || request.headers.has("range")) return null;
  const url = new URL(request.url);
  const root = new URL(scope);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return null;
  if (request.mode === "navigate") return "page";
  return url.pathname.startsWith(root.pathname + RUNTIME_DIR) ? "runtime" : "page";
}

/** Whether a response may be kept: complete, 200, of this origin. */
function cacheable(response) {
  return response.status === 200 && response.type === "basic";
}

/** The runtime file: from the cache, else fetched (and kept, while it is being returned). */
async function runtimeResponse(request, { caches, fetch, names, waitUntil }) {
  const cache = await caches.open(names.runtime);
  const bypass = BYPASS.includes(request.cache);
  if (bypass) {
    await cache.delete(request);
  } else {
    const hit = await cache.match(request);
    if (hit) return hit;
  }
  let response = await fetch(request, bypass ? undefined : { cache: "force-cache" });
  // An error the HTTP cache kept (a 404 from a failed start) is not the file: ask the host.
  if (!bypass && response.status !== 200) response = await fetch(request);
  if (cacheable(response)) waitUntil(cache.put(request, response.clone()).catch(() => {}));
  return response;
}

/** Keep `response` for `request` as the newest entry of `cache`, then drop the oldest
 * entries beyond `limit`. A put replaces the URL's entry and appends the new one (the Cache
 * API's order), so the order of `cache.keys()` is the order of last fetch; a failed put
 * leaves the kept copy in place. */
async function keepNewest(cache, request, response, limit) {
  await cache.put(request, response);
  const keys = await cache.keys();
  await Promise.all(keys.slice(0, Math.max(0, keys.length - limit)).map((key) => cache.delete(key)));
}

/** The page or asset from the network (kept for later), else the kept copy. */
async function pageResponse(request, { caches, fetch, names, waitUntil, pagesKept = PAGES_KEPT }) {
  const page = isPage(request);
  const cache = await caches.open(page ? names.pages : names.assets);
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) return kept;
    throw error;
  }
  if (cacheable(response)) {
    const kept = page ? keepNewest(cache, request, response.clone(), pagesKept) : cache.put(request, response.clone());
    waitUntil(kept.catch(() => {}));
  }
  return response;
}

/** The response for a routed request, by its route. */
function respond(kind, request, context) {
  return kind === "runtime" ? runtimeResponse(request, context) : pageResponse(request, context);
}

/** Wire the worker's events to `scope` (the registration's) in `worker` (`self`). */
function serve(worker, version = VERSION) {
  const scope = () => worker.registration.scope;
  worker.addEventListener("activate", (event) => {
    event.waitUntil(
      worker.caches
        .keys()
        .then((keys) => Promise.all(staleCaches(keys, scope(), version).map((key) => worker.caches.delete(key))))
        .then(() => worker.clients.claim()),
    );
  });
  worker.addEventListener("fetch", (event) => {
    const kind = route(event.request, scope());
    if (!kind) return;
    const context = {
      caches: worker.caches,
      fetch: worker.fetch.bind(worker),
      names: cacheNames(scope(), version),
      waitUntil: (promise) => event.waitUntil(promise),
    };
    event.respondWith(respond(kind, event.request, context));
  });
}

if (typeof ServiceWorkerGlobalScope !== "undefined" && self instanceof ServiceWorkerGlobalScope) {
  serve(self);
}
