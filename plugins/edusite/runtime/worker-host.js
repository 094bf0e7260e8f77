// The main thread's side of the quiz worker protocol (see quiz-worker.js): one module worker,
// requests matched to replies by id, a `ready` promise that requests wait for, and a timeout
// that terminates a worker stuck in Python and starts a fresh one on the next request.
// Running Python cannot be interrupted without SharedArrayBuffer (COOP/COEP headers static
// hosts cannot send), so terminate() is the only reliable stop.

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
   * @param {number} [options.callTimeout] ms allowed for one evaluation
   * @param {typeof Worker} [options.WorkerClass] injectable for tests
   */
  constructor({ workerURL, config, onProgress, bootTimeout = 180000, callTimeout = 8000, WorkerClass }) {
    this.workerURL = workerURL;
    this.config = config;
    this.onProgress = onProgress || (() => {});
    this.bootTimeout = bootTimeout;
    this.callTimeout = callTimeout;
    this.WorkerClass = WorkerClass || globalThis.Worker;
    this.worker = null;
    this.ready = null;
    this.pending = new Map();
    this.nextId = 1;
    this.workersStarted = 0;
  }

  /** Start the worker (once) and resolve when Python and the quizzes are loaded. */
  start() {
    if (!this.ready) {
      this.worker = new this.WorkerClass(this.workerURL, { type: "module" });
      this.workersStarted += 1;
      this.worker.addEventListener("message", (event) => this._onMessage(event.data));
      this.worker.addEventListener("error", (event) => {
        if (event.preventDefault) event.preventDefault();
        this._failAll(new WorkerError("load-failed", "the quiz worker could not start"));
      });
      const started = this._call({ type: "init", config: this.config }, this.bootTimeout);
      this.ready = started.catch((error) => {
        this.stop();
        throw error;
      });
    }
    return this.ready;
  }

  /** Evaluate answers; waits for start(), times out by replacing the worker. */
  async evaluate(quizId, answers) {
    await this.start();
    return this._call({ type: "evaluate", quizId, answers }, this.callTimeout);
  }

  /** Terminate the worker; the next start() or evaluate() begins afresh. */
  stop() {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.ready = null;
    this._failAll(new WorkerError("stopped", "the quiz worker was stopped"));
  }

  _call(message, timeout) {
    const id = this.nextId++;
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        if (this.worker === worker) this.stop();
        reject(new WorkerError("timeout", "the check took too long and was stopped"));
      }, timeout);
      this.pending.set(id, { resolve, reject, timer });
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
