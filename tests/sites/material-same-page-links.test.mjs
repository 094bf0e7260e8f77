// Unit tests of material-same-page-links.js, run by `node --test` (see tests/test_js_units.py).
// It is a classic script, so it is evaluated here as the browser would, in its own context,
// with a fake page. The order of its listeners against Material's, which only a browser shows,
// is tested in tests/browser/test_article.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

const SOURCE = readFileSync(
  new URL("../../plugins/edusite/templates/theme/assets/javascripts/material-same-page-links.js", import.meta.url),
  "utf8",
);
const PAGE = "https://example.test/guide/runners-knee/";

class Element {
  closest() {
    return this;
  }
}
class HTMLAnchorElement extends Element {
  constructor(href, target = "") {
    super();
    this.attributes = { href };
    this.target = target;
  }
  get href() {
    return new URL(this.attributes.href, PAGE).href;
  }
  set href(value) {
    this.attributes.href = value;
  }
  get hash() {
    return new URL(this.href).hash;
  }
  getAttribute(name) {
    return this.attributes[name];
  }
  setAttribute(name, value) {
    this.attributes[name] = value;
  }
  removeAttribute(name) {
    if (name === "target") this.target = "";
  }
}

/** A toggle of Material's (`[data-md-toggle]`), a checkbox that the script may click. */
function toggle(checked) {
  return {
    checked,
    click() {
      this.checked = !this.checked;
    },
  };
}

/** Runs the script on a fake page; returns what a test needs to drive it. */
function load({ features = ["navigation.instant"] } = {}) {
  const listeners = { window: {}, document: {} };
  const on = (target) => (type, listener) => {
    listeners[target][type] = listener;
  };
  const timers = [];
  const subscribers = [];
  const toggles = { drawer: toggle(true), search: toggle(true) };
  const context = {
    URL,
    Element,
    HTMLAnchorElement,
    JSON,
    location: { href: PAGE },
    setTimeout: (callback) => timers.push(callback),
    window: { addEventListener: on("window") },
    document: {
      addEventListener: on("document"),
      getElementById: (id) => (id === "__config" ? { textContent: JSON.stringify({ features }) } : null),
      querySelector: (selector) => toggles[/data-md-toggle="(\w+)"/.exec(selector)?.[1]] ?? null,
    },
    location$: { subscribe: (next) => subscribers.push(next) },
  };
  vm.runInNewContext(SOURCE, context);
  return {
    toggles,
    listeners: listeners.window,
    contentLoaded: () => listeners.document.DOMContentLoaded?.(),
    navigateInstantly: () => {
      for (const next of subscribers) next(new URL("https://example.test/guide/about/"));
    },
    runTimers: () => {
      for (const callback of timers.splice(0)) callback();
    },
    go: (href) => {
      context.location.href = new URL(href, PAGE).href;
    },
  };
}

function click(target, options = {}) {
  return { target, button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, ...options };
}

function popstate() {
  const event = { stopped: false };
  event.stopImmediatePropagation = () => {
    event.stopped = true;
  };
  return event;
}

test("until Material navigates, the browser follows a link to a #hash on this page", () => {
  const page = load();
  page.contentLoaded();
  const citation = new HTMLAnchorElement("#source-aaos-pfps");
  page.listeners.click(click(citation));
  assert.equal(citation.target, "_self", "Material leaves a link with a target to the browser");
  assert.equal(citation.href, `${PAGE}#source-aaos-pfps`);
  page.runTimers();
  assert.equal(citation.target, "", "the link gets its target only for that click");
  assert.equal(citation.getAttribute("href"), "#source-aaos-pfps");

  page.go("#source-aaos-pfps");
  const event = popstate();
  page.listeners.popstate(event);
  assert.equal(event.stopped, true, "the move within the page does not reach Material");
});

test("a search result on this page loses its ?h= for that click, and the page stays", () => {
  const page = load();
  page.contentLoaded();
  const result = new HTMLAnchorElement("?h=kneecap#symptoms");
  page.listeners.click(click(result));
  assert.equal(result.href, `${PAGE}#symptoms`, "only the #hash differs: no page load");
  assert.equal(result.target, "_self");
  page.runTimers();
  assert.equal(result.getAttribute("href"), "?h=kneecap#symptoms");
});

test("a modifier key Material does not leave alone, the page's top and its own #hash", () => {
  const page = load();
  page.contentLoaded();
  for (const options of [{ shiftKey: true }, { altKey: true }]) {
    const link = new HTMLAnchorElement("#symptoms");
    page.listeners.click(click(link, options));
    assert.equal(link.target, "_self", JSON.stringify(options));
  }
  for (const href of ["#", PAGE, "?h=knee"]) {
    const top = new HTMLAnchorElement(href);
    page.listeners.click(click(top));
    assert.equal(top.href, `${PAGE}#`, `${href}: the top of this page, not a reload`);
  }
  assert.equal(page.toggles.drawer.checked, true, "a hashchange follows: Material closes them");

  page.go("#symptoms");
  page.listeners.click(click(new HTMLAnchorElement("#symptoms")));
  assert.equal(page.toggles.drawer.checked, false, "no hashchange follows: closed here");
  assert.equal(page.toggles.search.checked, false);
});

test("other clicks are Material's", () => {
  const page = load();
  page.contentLoaded();
  const cases = [
    [new HTMLAnchorElement("../about/"), {}],
    [new HTMLAnchorElement("../about/#team"), {}],
    [new HTMLAnchorElement("?print=1#top"), {}],
    [new HTMLAnchorElement("#symptoms", "_blank"), {}],
    [new HTMLAnchorElement("#symptoms"), { ctrlKey: true }],
    [new HTMLAnchorElement("#symptoms"), { metaKey: true }],
    [new HTMLAnchorElement("#symptoms"), { button: 1 }],
  ];
  for (const [link, options] of cases) {
    const before = link.target;
    page.listeners.click(click(link, options));
    assert.equal(link.target, before, `${link.href} ${JSON.stringify(options)}`);
  }
  page.listeners.click(click({ closest: () => null }));
});

test("once Material has navigated to another page, everything is Material's again", () => {
  const page = load();
  page.contentLoaded();
  page.navigateInstantly();
  const toc = new HTMLAnchorElement("#symptoms");
  page.listeners.click(click(toc));
  assert.equal(toc.target, "");
  page.go("#symptoms");
  const event = popstate();
  page.listeners.popstate(event);
  assert.equal(event.stopped, false);
});

test("a history move to another address is Material's even before it navigated", () => {
  const page = load();
  page.contentLoaded();
  page.go("https://example.test/guide/about/");
  const event = popstate();
  page.listeners.popstate(event);
  assert.equal(event.stopped, false);
});

test("without instant navigation the script does nothing", () => {
  const page = load({ features: ["navigation.top"] });
  assert.deepEqual(Object.keys(page.listeners), []);
});
