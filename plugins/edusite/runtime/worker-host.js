// The main thread's side of the quiz worker protocol (see quiz-worker.js): one module worker,
// requests matched to replies by id, a `ready` promise that requests wait for, and a timeout
// that terminates a worker stuck in Python.
// Running Python cannot be interrupted without SharedArrayBuffer (COOP/COEP headers static
// hosts cannot send), so terminate() is the only reliable stop. The worker runs one
// evaluation at a time, so the other quizzes' requests queued behind a stuck one are not
// failed with it: a fresh worker is started at once and they are sent to it (once; a
// request that also times out there fails with "timeout" itself). `onRestart` tells the
// page, which says that the engine is starting again while they wait.
//
// A page's quiz bundles are loaded with `load(quiz)`, sent right behind the start (each one
// once per worker, without a message once it is loaded: a page reached by instant navigation
// does not wait behind a running check; a replacement worker is sent them again, like the
// evaluations queued behind a stuck one); a bundle whose load failed is asked for again from
// the network, not the HTTP cache.
//
// Boot faults come from the worker within seconds (see fetch-guard.js); `bootTimeout` is
// only the last resort for a worker that says nothing at all. A worker that crashes (its
// `error` event: the script did not load, or an uncaught error) fails its requests with
// "worker-error" and is replaced on the next request.

export class WorkerError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export class WorkerHost {
  /**
   * @param {object} options
   * @param {string} options.workerURL absolute URL of quiz-worker.js
   * @param {object} options.config init config (absolute URLs) sent to the worker
   * @param {(p: {phase: string, loaded: number, total: number}) => void} [options.onProgress]
   * @param {number} [options.bootTimeout] ms allowed for downloading and starting Python
   * @param {number} [options.callTimeout] ms allowed for one evaluation (the quizzes answer
   *   in milliseconds; a stuck one is stopped well within 5 s)
   * @param {() => void} [options.onRestart] a stuck worker was replaced, requests wait for
   *   the new one
   * @param {typeof Worker} [options.WorkerClass] injectable for tests
   */
  constructor({ workerURL, config, onProgress, onRestart, bootTimeout = 180000, callTimeout = 3000,
    WorkerClass }) {
    this.workerURL = workerURL;
    this.config = config;
    this.onProgress = onProgress || (() => {});
    this.onRestart = onRestart || (() => {});
    this.bootTimeout = bootTimeout;
    this.callTimeout = callTimeout;
    this.WorkerClass = WorkerClass || globalThis.Worker;
    this.worker = null;
    this.ready = null;
    this.pending = new Map();
    this.nextId = 1;
    this.workersStarted = 0;
    this.failedBundles = new Set(); // bundle URLs whose last load failed
    this.loads = new Map(); // bundle URL -> Promise of its quiz ids, in the current worker
  }

  /** Start the worker (once) and resolve when Python and the quizzes are loaded. */
  start() {
    if (!this.ready) {
      const worker = new this.WorkerClass(this.workerURL, { type: "module" });
      this.worker = worker;
      this.workersStarted += 1;
      worker.addEventListener("message", (event) => this._onMessage(event.data));
      worker.addEventListener("error", (event) => {
        if (event.preventDefault) event.preventDefault();
        if (this.worker !== worker) return;
        this.stop(new WorkerError("worker-error", `the quiz worker stopped: ${event.message || "error"}`));
      });
      const started = this._call({ type: "init", config: this.config }, this.bootTimeout);
      this.ready = started.catch((error) => {
        if (this.worker === worker) this.stop();
        // A damaged file may sit in the HTTP cache: the next start downloads afresh.
        this.config = { ...this.config, bypassCache: true };
        throw error;
      });
    }
    return this.ready;
  }

  /** Start, then have the worker load one quiz's bundle ({bundle, module, size,
   * integrity}; null: nothing to load); resolves with the quiz ids it serves. */
  load(quiz) {
    const started = this.start();
    if (!quiz) return started.then(() => []);
    let loading = this.loads.get(quiz.bundle);
    if (loading) return loading;
    const bypassCache = this.failedBundles.has(quiz.bundle);
    // Sent right behind "init": the worker downloads the bundle while Python starts.
    const call = this._call({ type: "load", quiz: { ...quiz, bypassCache } }, this.bootTimeout);
    call.catch(() => {}); // a failed start is reported by `started` below
    loading = started.then(() => call).then(({ quizzes }) => {
      this.failedBundles.delete(quiz.bundle);
      return quizzes;
    }, (error) => {
      this.failedBundles.add(quiz.bundle);
      if (this.loads.get(quiz.bundle) === loading) this.loads.delete(quiz.bundle);
      throw error;
    });
    this.loads.set(quiz.bundle, loading);
    return loading;
  }

  /** Evaluate answers once `quiz`'s bundle is loaded; times out by replacing the worker. */
  async evaluate(quizId, answers, { requeued = false, quiz = null } = {}) {
    await this.load(quiz);
    return this._call({ type: "evaluate", quizId, answers, quiz }, this.callTimeout, requeued);
  }

  /** Terminate the worker, failing what waits for it; the next start() begins afresh. */
  stop(error = new WorkerError("stopped", "the quiz worker was stopped")) {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.ready = null;
    this.loads.clear(); // a new worker has loaded nothing
    this._failAll(error);
  }

  /** `id` is stuck: fail it, replace the worker, and resend the evaluations queued behind it. */
  _timedOut(id, worker) {
    const stuck = this.pending.get(id);
    this.pending.delete(id);
    stuck?.reject(new WorkerError("timeout", "the check took too long and was stopped"));
    if (this.worker !== worker) return;
    const waiting = [...this.pending.values()];
    this.pending.clear();
    this.stop();
    const isBoot = stuck?.message.type === "init";
    for (const { message, resolve, reject, timer, requeued } of waiting) {
      clearTimeout(timer);
      if (!isBoot && message.type === "load") {
        const { bypassCache, ...quiz } = message.quiz;
        this.load(quiz).then((quizzes) => resolve({ quizzes }), reject);
      } else if (isBoot || requeued || message.type !== "evaluate") {
        reject(new WorkerError("timeout", "the check took too long and was stopped"));
      } else {
        this.evaluate(message.quizId, message.answers, { requeued: true, quiz: message.quiz })
          .then(resolve, reject);
      }
    }
    if (!isBoot) {
      this.start().catch(() => {}); // at once: the reader will likely try again
      this.onRestart();
    }
  }

  _call(message, timeout, requeued = false) {
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this._timedOut(id, worker), timeout);
      this.pending.set(id, { message, resolve, reject, timer, requeued });
      worker.postMessage({ ...message, id });
    });
  }

  _onMessage(data) {
    if (!data) return;
    if (data.type === "progress") {
      this.onProgress(data);
      return;
    }
    const waiting = this.pending.get(data.id);
    if (!waiting) return;
    this.pending.delete(data.id);
    clearTimeout(waiting.timer);
    if (data.ok) waiting.resolve(data.result);
    else waiting.reject(new WorkerError(data.error?.code || "error", data.error?.message || ""));
  }

  _failAll(error) {
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.pending.clear();
  }
}
