// The render budget: each job (one article's rendering) may run for at most `budgetMs`, and one
// that runs longer is stopped, whatever it is doing, so that no input and no hang in a dependency
// (a runaway loop in a parser, a regex backtracking forever) can stall a build.
//
// The stopping is V8's: node:vm's `timeout` runs a watchdog thread that terminates the JavaScript
// running under it (ours and every dependency's, called from the script) and throws
// ERR_SCRIPT_EXECUTION_TIMEOUT; the thread then carries on. It works the same on the main thread
// and on a worker, so small builds (rendered here) and large ones (on piscina workers) are bound
// alike, and needs no extra thread per build: a worker just for the watchdog would cost ~0.8 s
// to start on a build of ten articles, and a main-thread render cannot be interrupted otherwise.
//
// A watchdog thread per job costs ~0.1-0.3 ms (more on a busy machine), a tenth of a typical
// article's render. So jobs share one watchdog, started for a run of jobs: when it fires, the job
// it stopped had the whole budget only if it was the run's first; if not, it is run again first
// in a fresh run. Runs of real articles never reach the budget, so a batch of 64 costs one thread.
// Jobs must be pure (rendering is: no I/O, no shared state but memo tables): one may be stopped
// part-way and run again.

import vm from 'node:vm';

/** A job's outcome: its value, or `ok: false` when it ran past the budget and was stopped. */
export type Budgeted<T> = { ok: true; value: T } | { ok: false };

const SLOT = Symbol.for('broadsheet.render-budget');
// All the script does is call back into the run below: the timeout applies to everything it calls.
const CALL_BACK = new vm.Script(`globalThis[Symbol.for('broadsheet.render-budget')]()`, { filename: 'broadsheet-render-budget.js' });

/** Run each job in order, each stopped if it takes longer than `budgetMs`. Other errors are thrown. */
export function runWithinBudget<T>(jobs: ReadonlyArray<() => T>, budgetMs: number): Array<Budgeted<T>> {
  const results: Array<Budgeted<T>> = [];
  while (results.length < jobs.length) {
    const first = results.length;
    try {
      callWithTimeout(budgetMs, () => {
        while (results.length < jobs.length) {
          const value = jobs[results.length]!();
          results.push({ ok: true, value });
        }
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      if (results.length === first) results.push({ ok: false });
    }
  }
  return results;
}

function callWithTimeout(ms: number, run: () => void): void {
  const global = globalThis as typeof globalThis & { [SLOT]?: () => void };
  const outer = global[SLOT];
  global[SLOT] = run;
  try {
    CALL_BACK.runInThisContext({ timeout: ms });
  } finally {
    global[SLOT] = outer;
  }
}
