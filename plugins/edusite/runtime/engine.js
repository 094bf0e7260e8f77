// The page's view of the one quiz engine: a small state machine with no DOM, so it can be
// unit-tested (tests/runtime/engine.test.mjs) and the page code only draws what it says.
//
//   idle ──start()──> loading ──worker ready──> ready
//                        │                        │
//                        └──boot fault──> failed ─┘ (start() again: loading)
//   any state ──a stuck check replaced the worker──> idle, then start() at once
//
// The engine lives as long as the document: with Material's instant navigation the page
// module is evaluated once per visit, so one engine (and one worker) serves every page.
// `start(quizzes)` also has the worker load those quizzes' bundles (a page's own, small and
// fetched once each); a bundle that fails to load fails the start like any runtime file.

/** Words for each loading phase the worker reports (see quiz-worker.js). */
export const PHASE_TEXT = {
  runtime: "Loading the Python engine",
  python: "Loading the Python engine",
  quizzes: "Loading the quiz",
  starting: "Starting Python",
  ready: "Ready",
};

/** Why the engine did not start, by the fault code the worker host reports. */
export const FAULT_TEXT = {
  "integrity-failed": "a file of the Python engine arrived damaged.",
  stalled: "the download of the Python engine stopped.",
  "wasm-failed": "your browser could not start the Python engine.",
  "worker-error": "the Python engine stopped unexpectedly.",
  timeout: "the Python engine took too long to load.",
};

const READY_TEXT = "Ready: your answers are checked on this device.";

export class QuizEngine {
  /**
   * @param {object} options
   * @param {(hooks: {onProgress: Function, onRestart: Function}) => object} options.createHost
   *   makes the WorkerHost (called once, at the first start); the engine passes its hooks
   * @param {() => void} [options.onChange] called after every change of state or progress
   * @param {() => void} [options.onRestart] called after a stuck worker was replaced, once
   *   the engine is idle again (the page restarts it for the quiz in use)
   * @param {() => number} [options.now] clock, injectable for tests
   */
  constructor({ createHost, onChange, onRestart, now }) {
    this.createHost = createHost;
    this.onChange = onChange || (() => {});
    this.onRestart = onRestart || (() => {});
    this.now = now || (() => performance.now());
    this.host = null;
    this.state = "idle"; // idle | loading | ready | failed
    this.failure = null; // the fault code of the last failed start
    this.progress = { phase: "runtime", loaded: 0, total: 0 };
    this.timings = { start: null, ready: null };
  }

  /** Start the worker unless it runs, and load the bundles of `quizzes` (each {bundle,
   * module, size, integrity}); resolves true once Python and those quizzes are ready. */
  async start(quizzes = []) {
    if (!this.host) {
      this.host = this.createHost({
        onProgress: (progress) => {
          this.progress = progress;
          this.onChange();
        },
        onRestart: () => {
          this.state = "idle";
          this.onChange();
          this.onRestart();
        },
      });
    }
    if (this.state !== "loading" && this.state !== "ready") {
      this.state = "loading";
      this.timings = { start: this.now(), ready: null };
      this.progress = { phase: "runtime", loaded: 0, total: 0 };
      this.failure = null;
      this.onChange();
    }
    try {
      // Together: the bundles download while Python starts, and a fault in one fails the
      // start at once instead of once Python is up.
      await Promise.all([this.host.start(), ...quizzes.map((quiz) => this.host.load(quiz))]);
    } catch (error) {
      this.state = "failed";
      this.failure = error?.code || "load-failed";
      this.onChange();
      return false;
    }
    if (this.state !== "ready") {
      this.timings.ready = this.now();
      this.state = "ready";
      this.onChange();
    }
    return true;
  }

  /** What a quiz's status line says now: the text, the progress bar (or null), a retry button. */
  statusLine() {
    if (this.state === "ready") return { text: READY_TEXT, progress: null, retry: false };
    if (this.state === "failed") {
      const reason = FAULT_TEXT[this.failure] || "the Python engine did not load.";
      return {
        text: `This quiz could not start: ${reason} `
          + "Check your connection and try again. The article itself is unaffected.",
        progress: null,
        retry: true,
        fault: this.failure || "load-failed",
      };
    }
    if (this.state !== "loading") return null;
    const { phase, loaded, total } = this.progress;
    const words = PHASE_TEXT[phase] || "Loading";
    if (!(total > 0) || phase === "ready") return { text: `${words}…`, progress: this.progress, retry: false };
    // Whole tens of percent only, so the status line is not re-announced for every chunk.
    const tens = Math.min(100, Math.floor((loaded / total) * 10) * 10);
    const megabytes = (total / 1e6).toFixed(1);
    return { text: `${words}: ${tens}% of ${megabytes} MB`, progress: this.progress, retry: false };
  }

  /** What the engine is doing, for tests and the benchmark. */
  snapshot() {
    return {
      state: this.state,
      failure: this.failure,
      workersStarted: this.host ? this.host.workersStarted : 0,
      timings: { ...this.timings },
    };
  }
}
