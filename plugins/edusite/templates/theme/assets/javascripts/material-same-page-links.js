// Material's instant navigation (checked on 9.8.2) downloads and re-renders the whole page the
// first time the address changes within the page after a full load: its `location$` starts
// without a value, and its "is this another page?" check lets the first value through. So a
// reader's first click on a citation, a table-of-contents entry, the skip link or a search
// result on this page (or the Back that undoes it) fetched the page again over a slow link
// and replaced its content, losing the answers typed into a quiz or a calculator, the focus
// and the scroll position. Until Material has seen an address of its own (an instant
// navigation to another page, after which its check works), this keeps moves within the page
// away from it: the browser follows such a link itself, as it does without JavaScript, and
// the `popstate` that move fires does not reach Material.
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
  // Material's search results add `?h=<terms>` (search.highlight) to links to this very page.
  const withoutHighlight = (href) => {
    const url = new URL(href);
    url.searchParams.delete("h");
    return url;
  };
  const loaded = withoutHighlight(location.href);
  const onThisPage = (href) => {
    const url = withoutHighlight(href);
    return url.origin === loaded.origin && url.pathname === loaded.pathname && url.search === loaded.search;
  };
  /** What Material does when the address changes: close the drawer and the search. */
  const closeDrawerAndSearch = () => {
    for (const name of ["drawer", "search"]) {
      const toggle = document.querySelector(`[data-md-toggle="${name}"]`);
      if (toggle?.checked) toggle.click();
    }
  };

  // Material leaves a link with a `target` to the browser, so the link gets one, and an
  // address that differs from this one only in its #hash, for the length of this click.
  window.addEventListener(
    "click",
    (event) => {
      if (materialHasAnAddress || event.button !== 0 || event.metaKey || event.ctrlKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target || !onThisPage(link.href)) return;
      // A link to this page without a #hash (its own search result or nav entry) goes to its
      // top, as Material does once it has an address; a reload would lose the answers.
      const address = `${location.href.split("#")[0]}${link.hash || "#"}`;
      // No hashchange follows a move to the address the page is at: Material would miss it.
      if (address === location.href) closeDrawerAndSearch();
      const href = link.getAttribute("href");
      link.href = address;
      link.target = "_self";
      setTimeout(() => {
        link.setAttribute("href", href);
        link.removeAttribute("target");
      });
    },
    true,
  );
  window.addEventListener(
    "popstate",
    (event) => {
      if (!materialHasAnAddress && onThisPage(location.href)) {
        event.stopImmediatePropagation();
      }
    },
    true,
  );
})();
