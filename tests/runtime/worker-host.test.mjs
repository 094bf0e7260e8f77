// Unit tests of the worker protocol's main-thread side, run by `node --test` (see
// test_js_units.py). A fake Worker stands in for Pyodide so timeouts and failures are quick.
import assert from "node:assert/strict";
import { test } from "node:test";
import { WorkerHost } from "../../plugins/edusite/runtime/worker-host.js";

class FakeWorker {
  static made = [];
  constructor(url, options) {
    this.url = url;
    this.options = options;
    this.sent = [];
    this.listeners = { message: [], error: [] };
    this.terminated = false;
    FakeWorker.made.push(this);
  }
  addEventListener(type, fn) {
    this.listeners[type].push(fn);
  }
  postMessage(message) {
    this.sent.push(message);
    if (this.onPost) this.onPost(message);
  }
  reply(data) {
    for (const fn of this.listeners.message) fn({ data });
  }
  fail() {
    for (const fn of this.listeners.error) fn({ preventDefault() {} });
  }
  terminate() {
    this.terminated = true;
  }
}

/** A worker that boots at once and answers evaluate with `answer(message)`. */
function answering(answer) {
  return class extends FakeWorker {
    constructor(...args) {
      super(...args);
      this.onPost = (message) => {
        if (message.type === "init") {
          this.reply({ type: "progress", phase: "ready", loaded: 10, total: 10 });
          this.reply({ id: message.id, ok: true, result: { quizzes: ["q"] } });
        } else {
          const reply = answer(message);
          if (reply) queueMicrotask(() => this.reply({ id: message.id, ...reply }));
        }
      };
    }
  };
}

test("replies are matched to requests by id and progress is forwarded", async () => {
  const progress = [];
  const WorkerClass = answering((m) => ({ ok: true, result: { echo: m.answers.a } }));
  const host = new WorkerHost({ workerURL: "w.js", config: { shared: "x" }, WorkerClass,
    onProgress: (p) => progress.push(p.phase) });
  const [one, two] = await Promise.all([
    host.evaluate("q", { a: "1" }), host.evaluate("q", { a: "2" }),
  ]);
  assert.deepEqual([one.echo, two.echo], ["1", "2"]);
  assert.deepEqual(progress, ["ready"]);
  assert.equal(host.workersStarted, 1);
  assert.equal(host.worker.options.type, "module");
  assert.deepEqual(host.worker.sent[0].config, { shared: "x" });
});

test("a runaway evaluation is stopped by terminating the worker; the next call gets a fresh one", async () => {
  let hang = true;
  const WorkerClass = answering(() => (hang ? null : { ok: true, result: { fine: true } }));
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass, callTimeout: 30 });
  await host.start();
  const first = host.worker;
  await assert.rejects(host.evaluate("q", {}), (error) => error.code === "timeout");
  assert.equal(first.terminated, true);
  hang = false;
  assert.deepEqual(await host.evaluate("q", {}), { fine: true });
  assert.equal(host.workersStarted, 2);
  assert.notEqual(host.worker, first);
});

test("a worker that crashes (error event) rejects start(); start() again retries with a new worker", async () => {
  FakeWorker.made = [];
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass: FakeWorker });
  const started = host.start();
  FakeWorker.made[0].fail();
  await assert.rejects(started, (error) => error.code === "worker-error");
  assert.equal(FakeWorker.made[0].terminated, true);
  const again = host.start();
  const second = FakeWorker.made[1];
  second.reply({ id: second.sent[0].id, ok: true, result: { quizzes: [] } });
  await again;
  assert.equal(host.workersStarted, 2);
});

test("an error reply becomes a WorkerError with the worker's code", async () => {
  const WorkerClass = answering(() => ({ ok: false, error: { code: "unknown-quiz", message: "no" } }));
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass });
  await assert.rejects(host.evaluate("nope", {}), (error) => error.code === "unknown-quiz");
});

test("boot that never finishes times out instead of leaving the quiz waiting", async () => {
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass: FakeWorker,
    bootTimeout: 20 });
  await assert.rejects(host.start(), (error) => error.code === "timeout");
  assert.equal(host.ready, null);
});

test("a quiz queued behind a stuck one is re-sent to a fresh worker, not failed", async () => {
  FakeWorker.made = [];
  const restarts = [];
  // The first worker hangs on the "loop" quiz (and so never reaches what is queued behind
  // it); later workers answer everything.
  const WorkerClass = answering((m) => {
    const first = FakeWorker.made.length === 1;
    if (first && m.quizId !== "fine-first") return null;
    return { ok: true, result: { quiz: m.quizId } };
  });
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass, callTimeout: 40,
    onRestart: () => restarts.push(host.workersStarted) });
  await host.start();
  const began = Date.now();
  const stuck = host.evaluate("loop", {});
  await new Promise((resolve) => setTimeout(resolve, 10));
  const queued = host.evaluate("other", {});
  await assert.rejects(stuck, (error) => error.code === "timeout");
  assert.deepEqual(await queued, { quiz: "other" });
  assert.ok(Date.now() - began < 40 * 3, "the queued quiz waited for the fresh worker only");
  assert.equal(FakeWorker.made[0].terminated, true);
  assert.deepEqual(restarts, [2]);
  assert.equal(host.workersStarted, 2);
});

test("a request re-sent once and stuck again fails with timeout instead of looping", async () => {
  const WorkerClass = answering(() => null);
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass, callTimeout: 20 });
  await host.start();
  const first = host.evaluate("loop", {});
  const second = host.evaluate("loop-too", {});
  await assert.rejects(first, (error) => error.code === "timeout");
  await assert.rejects(second, (error) => error.code === "timeout");
  assert.equal(host.workersStarted, 3); // the restart after each stuck call, no more
});

test("the default evaluation timeout stops a stuck check well within 5 s", () => {
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass: FakeWorker });
  assert.ok(host.callTimeout <= 4000);
});

const QUIZ = { bundle: "https://site/_edusite/quiz/quizzes.a-1.zip", module: "quizzes.a", size: 5, integrity: "sha256-x" };

test("a quiz's bundle is loaded before its evaluation, in the same worker as the others", async () => {
  const WorkerClass = answering((m) => (m.type === "load"
    ? { ok: true, result: { quizzes: [m.quiz.module] } }
    : { ok: true, result: { quiz: m.quizId } }));
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass });
  assert.deepEqual(await host.evaluate("a-quiz", {}, { quiz: QUIZ }), { quiz: "a-quiz" });
  const other = { ...QUIZ, bundle: "https://site/_edusite/quiz/quizzes.b-2.zip", module: "quizzes.b" };
  assert.deepEqual(await host.load(other), ["quizzes.b"]);
  const sent = host.worker.sent.map((m) => [m.type, m.quiz?.module ?? null]);
  assert.deepEqual(sent, [["init", null], ["load", "quizzes.a"], ["evaluate", "quizzes.a"], ["load", "quizzes.b"]]);
  assert.equal(host.workersStarted, 1);
  assert.equal(host.worker.sent[1].quiz.bypassCache, false);
});

test("a bundle whose load failed is asked for again from the network, the worker kept", async () => {
  let damaged = true;
  const WorkerClass = answering((m) => (damaged
    ? { ok: false, error: { code: "integrity-failed", message: `${m.quiz.bundle} is damaged` } }
    : { ok: true, result: { quizzes: ["a-quiz"] } }));
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass });
  await assert.rejects(host.load(QUIZ), (error) => error.code === "integrity-failed");
  damaged = false;
  assert.deepEqual(await host.load(QUIZ), ["a-quiz"]);
  const loads = host.worker.sent.filter((m) => m.type === "load").map((m) => m.quiz.bypassCache);
  assert.deepEqual(loads, [false, true]);
  assert.equal(host.workersStarted, 1);
});

test("an evaluation requeued after a runaway one gets its bundle loaded in the new worker", async () => {
  let hang = true;
  const WorkerClass = answering((m) => {
    if (m.type === "load") return { ok: true, result: { quizzes: [] } };
    return hang ? null : { ok: true, result: { quiz: m.quizId } }; // one at a time, as Python

  });
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass, callTimeout: 30 });
  await host.load(QUIZ);
  const stuck = host.evaluate("stuck", {}, { quiz: QUIZ });
  const waiting = host.evaluate("a-quiz", {}, { quiz: QUIZ });
  await new Promise((resolve) => setTimeout(resolve, 10));
  hang = false; // the first evaluation runs away alone; the one queued behind it is sent again
  await assert.rejects(stuck, (error) => error.code === "timeout");
  assert.deepEqual(await waiting, { quiz: "a-quiz" });
  assert.equal(host.workersStarted, 2);
  const types = host.worker.sent.map((m) => m.type);
  assert.deepEqual(types, ["init", "load", "evaluate"]);
});

test("a loaded bundle needs no message; a load queued behind a runaway check goes to the new worker", async () => {
  let hang = false;
  const WorkerClass = answering((m) => {
    if (hang) return null; // Python is stuck: nothing answers, as in the worker
    return m.type === "load" ? { ok: true, result: { quizzes: [m.quiz.module] } } : { ok: true, result: {} };
  });
  const host = new WorkerHost({ workerURL: "w.js", config: {}, WorkerClass, callTimeout: 30 });
  await host.load(QUIZ);
  assert.deepEqual(await host.load(QUIZ), ["quizzes.a"]);
  assert.deepEqual(host.worker.sent.map((m) => m.type), ["init", "load"]); // once
  hang = true;
  const stuck = host.evaluate("stuck", {}, { quiz: QUIZ });
  await new Promise((resolve) => setTimeout(resolve, 5));
  const other = { ...QUIZ, bundle: "https://site/_edusite/quiz/quizzes.b-2.zip", module: "quizzes.b" };
  const queued = host.load(other); // the next page's bundle, behind the stuck check
  hang = false;
  await assert.rejects(stuck, (error) => error.code === "timeout");
  assert.deepEqual(await queued, ["quizzes.b"]);
  assert.equal(host.workersStarted, 2);
  assert.deepEqual(host.worker.sent.map((m) => [m.type, m.quiz?.module ?? null]), [["init", null], ["load", "quizzes.b"]]);
});
