// Registers the site's service worker (service-worker.js at the site root: see that file),
// added to every page as a module when the edusite option `service_worker` is on. It runs
// after the page has loaded, only on http(s) in a browser with service workers, and fails
// silently: the site works the same without it, only returning readers download more.

/** The worker's URL: the site root, three folders above this module's
 * (`_edusite/assets/<hash>/offline.js`), so it works under any sub-path. */
export function workerURL(moduleURL) {
  return new URL("../../../service-worker.js", moduleURL).href;
}

/** Whether this page may register a service worker at all. */
export function canRegister(location, navigator) {
  return /^https?:$/.test(location.protocol) && Boolean(navigator?.serviceWorker);
}

/** Register the worker for the whole site; resolves to the registration, or null. */
export async function register({ location, navigator, moduleURL }) {
  if (!canRegister(location, navigator)) return null;
  const script = workerURL(moduleURL);
  try {
    return await navigator.serviceWorker.register(script, { scope: new URL("./", script).href });
  } catch {
    return null;
  }
}

if (globalThis.document && globalThis.location) {
  const start = () => register({ location: globalThis.location, navigator: globalThis.navigator, moduleURL: import.meta.url });
  if (document.readyState === "complete") start();
  else globalThis.addEventListener("load", start, { once: true });
}
