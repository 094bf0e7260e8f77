// The quiz client's entry point, added to every page (extra_javascript, type=module).
// On pages without a quiz it does nothing else: the quiz code (quiz-page.js and its
// imports) and Pyodide are fetched only where a quiz form is. With Material's instant
// navigation this module runs once per visit and re-checks each new page via `document$`.

const QUIZ_FORM = "form.edusite-quiz[data-quiz-id]";
let quizPage = null; // Promise of the quiz-page.js module, once a quiz was seen
let statusOf = () => ({ state: "idle", failure: null, workersStarted: 0, timings: {} });

async function onPage() {
  if (!quizPage && !document.querySelector(QUIZ_FORM)) return;
  quizPage ??= import("./quiz-page.js");
  const module = await quizPage;
  statusOf = module.status;
  module.wirePage();
}

/** For tests and the benchmark: what the client is doing, without reaching into modules. */
globalThis.edusiteQuiz = Object.freeze({
  get state() {
    return statusOf().state;
  },
  get failure() {
    return statusOf().failure;
  },
  get workersStarted() {
    return statusOf().workersStarted;
  },
  get timings() {
    return statusOf().timings;
  },
});

if (globalThis.document$ && typeof globalThis.document$.subscribe === "function") {
  globalThis.document$.subscribe(() => onPage());
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", onPage, { once: true });
} else {
  onPage();
}
