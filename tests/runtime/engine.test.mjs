// Unit tests for the page's quiz engine state machine (engine.js), with a fake worker host.
import { test } from "node:test";
import assert from "node:assert/strict";

import { QuizEngine } from "../../plugins/edusite/runtime/engine.js";

/** A worker host whose start() the test settles by hand. */
class FakeHost {
  constructor(hooks) {
    this.hooks = hooks;
    this.workersStarted = 0;
    this.pending = null;
  }

  start() {
    if (!this.pending) {
      this.workersStarted += 1;
      let settle;
      const promise = new Promise((resolve, reject) => {
        settle = { resolve, reject };
      });
      this.pending = { promise, ...settle };
    }
    return this.pending.promise;
  }

  succeed() {
    this.pending.resolve();
  }

  /** A bundle loads when the test put it in `bundles` (true), else fails as damaged. */
  async load(quiz) {
    this.loads = [...(this.loads || []), quiz.bundle];
    if (this.bundles?.[quiz.bundle]) return [quiz.module];
    const error = new Error("damaged");
    error.code = "integrity-failed";
    throw error;
  }

  fail(code) {
    const error = new Error(code);
    error.code = code;
    const { reject } = this.pending;
    this.pending = null; // like WorkerHost.stop(): the next start() boots a fresh worker
    reject(error);
  }
}

function makeEngine() {
  const made = [];
  const changes = [];
  let restarts = 0;
  let clock = 100;
  const engine = new QuizEngine({
    createHost: (hooks) => {
      const host = new FakeHost(hooks);
      made.push(host);
      return host;
    },
    onChange: () => changes.push(engine.state),
    onRestart: () => {
      restarts += 1;
    },
    now: () => clock++,
  });
  return { engine, made, changes, restarts: () => restarts };
}

test("an idle engine has no status line and no worker", () => {
  const { engine, made } = makeEngine();
  assert.equal(engine.statusLine(), null);
  assert.equal(made.length, 0);
  assert.deepEqual(engine.snapshot(), {
    state: "idle", failure: null, workersStarted: 0, timings: { start: null, ready: null },
  });
});

test("start loads, reports progress in whole tens of percent, then says ready", async () => {
  const { engine, made, changes } = makeEngine();
  const started = engine.start();
  assert.equal(engine.state, "loading");
  assert.equal(engine.statusLine().text, "Loading the Python engine…");
  made[0].hooks.onProgress({ phase: "runtime", loaded: 2_990_000, total: 8_650_000 });
  assert.equal(engine.statusLine().text, "Loading the Python engine: 30% of 8.7 MB");
  assert.deepEqual(engine.statusLine().progress, { phase: "runtime", loaded: 2_990_000, total: 8_650_000 });
  made[0].hooks.onProgress({ phase: "quizzes", loaded: 10, total: 0 });
  assert.equal(engine.statusLine().text, "Loading the quiz…");
  made[0].succeed();
  assert.equal(await started, true);
  assert.equal(engine.state, "ready");
  assert.deepEqual(engine.statusLine(), {
    text: "Ready: your answers are checked on this device.", progress: null, retry: false,
  });
  assert.deepEqual(changes, ["loading", "loading", "loading", "ready"]);
  const { timings } = engine.snapshot();
  assert.ok(timings.ready > timings.start);
});

test("a loaded total above 100% is shown as 100%", () => {
  const { engine, made } = makeEngine();
  engine.start();
  made[0].hooks.onProgress({ phase: "runtime", loaded: 12, total: 10 });
  assert.match(engine.statusLine().text, /: 100% of /);
});

test("quizzes starting at once share one worker", async () => {
  const { engine, made } = makeEngine();
  const first = engine.start();
  const second = engine.start();
  made[0].succeed();
  assert.deepEqual(await Promise.all([first, second]), [true, true]);
  assert.equal(made.length, 1);
  assert.equal(engine.snapshot().workersStarted, 1);
  assert.equal(await engine.start(), true); // ready: nothing restarts
  assert.equal(engine.snapshot().workersStarted, 1);
});

test("a boot fault is named, offers a retry, and a retry boots a fresh worker", async () => {
  const { engine, made } = makeEngine();
  const started = engine.start();
  made[0].fail("integrity-failed");
  assert.equal(await started, false);
  const line = engine.statusLine();
  assert.equal(engine.state, "failed");
  assert.equal(line.retry, true);
  assert.equal(line.fault, "integrity-failed");
  assert.match(line.text, /arrived damaged\. Check your connection and try again\. The article itself is unaffected\./);
  const again = engine.start();
  assert.equal(engine.state, "loading");
  assert.equal(engine.failure, null);
  made[0].succeed();
  assert.equal(await again, true);
  assert.equal(made[0].workersStarted, 2);
});

test("an unknown fault still gets a plain message", async () => {
  const { engine, made } = makeEngine();
  const started = engine.start();
  made[0].fail(undefined);
  await started;
  assert.equal(engine.failure, "load-failed");
  assert.match(engine.statusLine().text, /the Python engine did not load\./);
});

test("a replaced stuck worker makes the engine idle and asks the page to restart it", async () => {
  const { engine, made, restarts } = makeEngine();
  const started = engine.start();
  made[0].succeed();
  await started;
  made[0].hooks.onRestart();
  assert.equal(engine.state, "idle");
  assert.equal(restarts(), 1);
});

test("a page's bundle that fails to load is named like a runtime file; a retry loads it", async () => {
  const { engine, made } = makeEngine();
  const quiz = { bundle: "b.zip", module: "quizzes.b" };
  const started = engine.start([quiz]);
  made[0].succeed();
  assert.equal(await started, false);
  assert.equal(engine.state, "failed");
  assert.equal(engine.statusLine().fault, "integrity-failed");
  assert.match(engine.statusLine().text, /arrived damaged/);
  made[0].bundles = { "b.zip": true };
  assert.equal(await engine.start([quiz]), true);
  assert.equal(engine.state, "ready");
  assert.deepEqual(made[0].loads, ["b.zip", "b.zip"]);
  assert.equal(made[0].workersStarted, 1); // Python itself was fine: the same worker
});
