// The quiz page logic (main thread), loaded by quiz-client.js only on pages with a quiz: it
// wires every `form.edusite-quiz`, starts the one quiz engine lazily (a quiz near the
// viewport, or the reader's first interaction with it), draws its status on every quiz,
// sends answers and shows the result. The engine's states and words are in engine.js.
//
// Module state below lives as long as the document: with Material's instant navigation this
// module is evaluated once per visit, so `engine` (and its worker) serves every page.
//
// This file lives at `_edusite/assets/<hash>/`; the runtime JSON on each quiz form
// (`data-edusite-runtime`) holds paths relative to the site root, resolved against this
// file's own URL so the site works under any subpath. Its `quiz` part names the bundle that
// quiz needs: starting the engine for a page loads the bundles of the page's quizzes (after
// an instant navigation, in the worker that already runs), and a submit waits for its own.

import { QuizEngine } from "./engine.js";
import { WorkerHost } from "./worker-host.js";
import { renderResult } from "./render.js";
import { showRedFlagCare } from "./care.js";
import { printSummary } from "./summary.js";
import { readAnswers, showFieldErrors, writeAnswers } from "./form-state.js";
import {
  forgetAll, isRemembered, loadAnswers, saveIfRemembered, setRemembered,
} from "./answer-store.js";

const SITE_ROOT = new URL("../../../", import.meta.url);
const LOOKAHEAD = "600px 0px";

let observer = null;
let activeForm = null; // the form the reader last used: only its status line is announced
let runtime = null; // the runtime JSON of the first quiz form seen (the same on every form)

function runtimeConfig(form) {
  // A data attribute, not an inline <script>: Material's instant navigation re-creates
  // inline scripts without their attributes.
  try {
    return JSON.parse(form.dataset.edusiteRuntime || "null");
  } catch {
    return null;
  }
}

function absolute(path) {
  return path ? new URL(path, SITE_ROOT).href : null;
}

/** {site-relative URL: value} -> {absolute URL: value}, as the worker sees the URLs. */
function absoluteKeys(table) {
  return Object.fromEntries(Object.entries(table || {}).map(([url, value]) => [absolute(url), value]));
}

/** {site-relative URL: site-relative URL} -> the same with both absolute. */
function absoluteURLs(table) {
  return Object.fromEntries(Object.entries(table || {}).map(([url, other]) => [absolute(url), absolute(other)]));
}

const engine = new QuizEngine({
  createHost: (hooks) => new WorkerHost({
    workerURL: absolute(runtime.worker),
    config: {
      pyodide: absolute(runtime.pyodide),
      stdlib: absolute(runtime.stdlib),
      shared: absolute(runtime.shared),
      sizes: absoluteKeys(runtime.sizes),
      integrity: absoluteKeys(runtime.integrity),
      gzip: absoluteURLs(runtime.gzip),
      scriptGzip: absoluteURLs(runtime.scriptGzip),
      decoded: absoluteKeys(runtime.decoded),
    },
    ...hooks,
  }),
  onChange: () => currentForms().forEach(drawStatus),
  // A stuck check was stopped and the engine restarts: the quizzes waiting for it say so.
  onRestart: () => {
    const form = activeForm?.isConnected ? activeForm : currentForms()[0];
    if (form) start(form);
  },
});

/** The bundle `form`'s quiz needs ({bundle, module, size, integrity}), or null. */
function quizOf(form) {
  const quiz = runtimeConfig(form)?.quiz;
  return quiz ? { ...quiz, bundle: absolute(quiz.bundle) } : null;
}

/** The bundles of the page's quizzes, `form`'s first, each once. */
function pageQuizzes(form) {
  const byBundle = new Map();
  for (const quiz of [form, ...currentForms()].map(quizOf)) {
    if (quiz && !byBundle.has(quiz.bundle)) byBundle.set(quiz.bundle, quiz);
  }
  return [...byBundle.values()];
}

function currentForms() {
  return Array.from(document.querySelectorAll("form.edusite-quiz[data-quiz-id]"));
}

function statusParts(form) {
  const status = form.querySelector(".edusite-quiz__status");
  let text = status.querySelector(".edusite-quiz__status-text");
  let bar = status.querySelector("progress");
  if (!text) {
    text = document.createElement("span");
    text.className = "edusite-quiz__status-text";
    bar = document.createElement("progress");
    bar.className = "edusite-quiz__progress";
    bar.setAttribute("aria-label", "Loading the quiz");
    status.replaceChildren(text, bar);
  }
  return { status, text, bar };
}

/** The reader is using `form`: from now on only its status line speaks (at once, not at
 * the next progress message, which may never come once loading is done). */
function activate(form) {
  if (activeForm === form) return;
  activeForm = form;
  for (const other of currentForms()) {
    other.querySelector(".edusite-quiz__status")
      ?.setAttribute("aria-live", other === form ? "polite" : "off");
  }
}

/** Draw the engine's status line on one quiz (nothing while the engine is idle). */
function drawStatus(form) {
  const line = engine.statusLine();
  if (!line) return;
  const { status, text, bar } = statusParts(form);
  // Every quiz shows the status, but only the one in use speaks it (role=status is polite).
  status.setAttribute("aria-live", form === activeForm ? "polite" : "off");
  if (text.textContent !== line.text) text.textContent = line.text;
  bar.hidden = line.progress === null;
  if (line.progress) {
    if (line.progress.total > 0) {
      bar.max = line.progress.total;
      bar.value = Math.min(line.progress.loaded, line.progress.total);
    } else {
      bar.removeAttribute("value");
    }
  }
  if (line.fault) status.dataset.fault = line.fault;
  else delete status.dataset.fault;
  status.querySelector(".edusite-quiz__retry")?.remove();
  if (line.retry) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button edusite-quiz__retry";
    button.textContent = "Retry";
    button.addEventListener("click", () => {
      button.remove();
      start(form);
    });
    status.append(button);
  }
}

/** Start the engine for `form` if it is not running and load the page's quiz bundles;
 * resolves true when Python and they are ready. */
function start(form) {
  runtime ??= runtimeConfig(form);
  if (!runtime) return Promise.resolve(false);
  return engine.start(pageQuizzes(form));
}

function errorSummary(invalid) {
  const box = document.createElement("div");
  box.className = "admonition warning edusite-quiz__notice";
  const intro = document.createElement("p");
  intro.textContent = invalid.length === 1
    ? "Please check this answer:"
    : `Please check these ${invalid.length} answers:`;
  const list = document.createElement("ul");
  for (const { name, message, group } of invalid) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    const target = group?.querySelector("input");
    link.href = `#${target?.id || ""}`;
    link.textContent = message;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      target?.focus();
    });
    item.dataset.questionId = name;
    item.append(link);
    list.append(item);
  }
  box.append(intro, list);
  return box;
}

async function submit(form) {
  activate(form);
  const region = form.querySelector(".edusite-quiz__result");
  const button = form.querySelector('button[type="submit"]');
  const answers = readAnswers(form);
  saveIfRemembered(form.dataset.quizId, answers);
  button.setAttribute("aria-busy", "true");
  try {
    if (!(await start(form))) return;
    let result;
    try {
      result = await engine.host.evaluate(form.dataset.quizId, answers, { quiz: quizOf(form) });
    } catch (error) {
      const message = error.code === "timeout"
        ? "The check took too long and was stopped. Please try again."
        : "Sorry, this check failed to run. Please try again later.";
      const paragraph = document.createElement("p");
      paragraph.className = "edusite-quiz__failure";
      paragraph.textContent = message;
      region.replaceChildren(paragraph);
      region.focus();
      return;
    }
    const invalid = showFieldErrors(form, result.field_errors || {});
    const ids = Array.from(form.querySelectorAll("[data-question-id]"), (li) => li.dataset.questionId);
    const questionNumber = (id) => (ids.includes(id) ? ids.indexOf(id) + 1 : null);
    renderResult(region, result.blocks || [], questionNumber);
    if (invalid.length) region.prepend(errorSummary(invalid));
    region.focus();
  } finally {
    button.removeAttribute("aria-busy");
  }
}

/** Delete everything the site kept on this device, and show every form as never answered. */
function forget(form) {
  forgetAll();
  for (const each of currentForms()) {
    each.reset();
    showRedFlagCare(each);
    showFieldErrors(each, {});
    each.querySelector(".edusite-quiz__result").replaceChildren();
  }
  const note = document.createElement("p");
  note.textContent = "Everything this site kept on this device was deleted, for every quiz.";
  form.querySelector(".edusite-quiz__result").append(note);
}

function wire(form) {
  if (form.dataset.edusiteWired) return;
  form.dataset.edusiteWired = "true";
  const quizId = form.dataset.quizId;
  const remember = form.querySelector(".edusite-quiz__remember-box");
  const saved = loadAnswers(quizId);
  if (saved) writeAnswers(form, saved);
  if (remember) {
    remember.checked = isRemembered(quizId);
    remember.disabled = false;
    // Ticking is the consent (it stores the answers so far); unticking deletes them.
    remember.addEventListener("change", () => setRemembered(quizId, remember.checked, readAnswers(form)));
  }
  showRedFlagCare(form);
  for (const button of form.querySelectorAll(".edusite-quiz__actions button")) button.disabled = false;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit(form);
  });
  form.querySelector(".edusite-quiz__forget")?.addEventListener("click", () => forget(form));
  form.querySelector(".edusite-quiz__print")?.addEventListener("click", () => printSummary(form));
  // A warning sign's advice first, at once and without Python; then the answers are kept
  // (only if the reader asked for that).
  form.addEventListener("change", (event) => {
    if (event.target === remember) return;
    showRedFlagCare(form, event.target.closest?.("li[data-red-flag-tier]") ?? null);
    saveIfRemembered(quizId, readAnswers(form));
  });
  const startSoon = () => {
    activate(form);
    if (engine.state === "idle" || engine.state === "ready") start(form); // ready: its bundle
  };
  for (const type of ["focusin", "pointerdown", "input"]) form.addEventListener(type, startSoon);
  drawStatus(form);
}

/** Wire the forms of the current page (call again after each instant navigation). */
export function wirePage() {
  observer?.disconnect();
  observer = null;
  const forms = currentForms();
  if (!forms.length) return;
  forms.forEach(wire);
  if (engine.state === "failed") return; // each quiz shows the fault and a retry button
  // Also once the engine runs (a page reached by instant navigation): the page's bundles.
  if ("IntersectionObserver" in globalThis) {
    observer = new IntersectionObserver((entries) => {
      const near = entries.find((entry) => entry.isIntersecting);
      if (!near) return;
      observer?.disconnect();
      observer = null;
      if (engine.state !== "failed") start(near.target);
    }, { rootMargin: LOOKAHEAD });
    for (const form of forms) observer.observe(form);
  }
}

/** What the client is doing, for tests and the benchmark. */
export function status() {
  return engine.snapshot();
}
