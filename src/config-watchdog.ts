// A config whose own code never yields (`while (true) {}` at its top level, a loop whose end never
// comes) keeps the main thread busy: no timer of it fires, so the time limit of config-import.ts
// cannot, and no signal handler runs either, so the build ignored SIGTERM and Ctrl-C and ran until
// killed. This watchdog is a worker thread, which a busy main thread does not hold up: if the
// config has not settled within the time limit and a grace after it, the main thread's timer has
// not been able to fire, and the watchdog asks V8, through the main thread's inspector, to
// terminate the JavaScript running there (Runtime.terminateExecution). The config's evaluation
// ends, the main thread carries on, and config-import.ts reports the config as too slow.
//
// A main thread that is only waiting (a top-level await) fires its own timer at the limit and
// tells the watchdog, which then does nothing. Only on the main thread: a worker's config (a test
// runner's thread) is left alone, as the inspector would reach the process's main thread instead.

import { isMainThread, Worker } from 'node:worker_threads';

/** The watchdog of one config load. */
export interface ConfigWatchdog {
  /** The config settled (or was reported): the watchdog ends without acting. */
  settle(): void;
  /** Whether the watchdog stopped the config's code. */
  fired(): boolean;
}

/** The one slot of the shared state, claimed once: by the main thread when the config settled, or by the watchdog when it acts. */
const WATCHING = 0;
const SETTLED = 1;
const FIRED = 2;

const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.state);
if (Atomics.wait(state, 0, ${WATCHING}, workerData.waitMs) === 'timed-out' && Atomics.compareExchange(state, 0, ${WATCHING}, ${FIRED}) === ${WATCHING}) {
  try {
    const { Session } = require('node:inspector');
    const session = new Session();
    session.connectToMainThread();
    session.post('Runtime.terminateExecution', () => session.disconnect());
  } catch {
    // A Node.js without the inspector: the config runs on, as before.
  }
}
`;

/**
 * Watch the main thread while a config loads for `limitMs` (config-import.ts's limit): past it and
 * a grace (half the limit, at least a second), the JavaScript running there is terminated.
 */
export function watchConfig(limitMs: number): ConfigWatchdog {
  if (!isMainThread) return { settle: () => undefined, fired: () => false };
  const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const state = new Int32Array(shared);
  const waitMs = limitMs + Math.max(1000, limitMs / 2);
  const worker = new Worker(WATCHDOG, { eval: true, workerData: { state: shared, waitMs } });
  worker.unref();
  return {
    settle() {
      Atomics.compareExchange(state, 0, WATCHING, SETTLED);
      Atomics.notify(state, 0);
    },
    fired: () => Atomics.load(state, 0) === FIRED,
  };
}
