// Material's instant navigation (checked on 9.8.2) downloads and re-renders the whole page the
// first time the address changes within the page after a full load: its `location$` starts
// without a value, and its "is this another page?" check lets the first value through. So a
// reader's first click on a citation, a table-of-contents entry or the skip link (or the Back
// that undoes it) fetched the page again over a slow link and replaced its content, losing the
// answers typed into a quiz or a calculator and the keyboard focus. Until Material has seen an
// address of its own (an instant navigation to another page, after which its check works),
// this keeps moves within the page away from it: the browser follows such a link itself, as
// it does without JavaScript, and the `popstate` that move fires does not reach Material.
//
// A classic script just before Material's bundle: on window, listeners run in the order they
// were added (capturing or not, checked in Chromium), so this one's must come before Material's.
(() => {
  const config = JSON.parse(document.getElementById("__config")?.textContent ?? "{}");
  if (!config.features?.includes("navigation.instant")) return;

  let materialHasAnAddress = false;
  // Material's bundle, which makes `location$`, has run by DOMContentLoaded.
  document.addEventListener("DOMContentLoaded", () => {
    globalThis.location$?.subscribe(() => {
      materialHasAnAddress = true;
    });
  });
  const loaded = new URL(location.href);
  const onThisPage = (url) =>
    url.origin === loaded.origin && url.pathname === loaded.pathname && url.search === loaded.search;

  // Material leaves a link with a `target` to the browser, so the link gets one for the length
  // of this click.
  window.addEventListener(
    "click",
    (event) => {
      if (materialHasAnAddress || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target || !link.hash) return;
      if (!onThisPage(new URL(link.href))) return;
      link.target = "_self";
      setTimeout(() => link.removeAttribute("target"));
    },
    true,
  );
  window.addEventListener(
    "popstate",
    (event) => {
      if (!materialHasAnAddress && onThisPage(new URL(location.href))) {
        event.stopImmediatePropagation();
      }
    },
    true,
  );
})();
