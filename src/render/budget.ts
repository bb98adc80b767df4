// The render guard: a backstop that stops one article's rendering once it has used `budgetMs` of
// CPU time, whatever it is doing. What is refused is decided by deterministic limits on the text
// (size, nesting, inline delimiters: see docs/limits.md), which bound the work of every parser we
// run; the guard is there for what those limits cannot foresee, a runaway loop or backtracking
// regex in a dependency, and no article within the limits comes near it.
//
// It counts the rendering thread's CPU time (cpu-clock.ts), not wall time, so that the outcome
// does not depend on the machine's load: on a busy machine a thread gets a fraction of a core and
// the same work takes longer by the clock on the wall, not by this one.
//
// The stopping is V8's: node:vm's `timeout` runs a watchdog thread that terminates the JavaScript
// running under it (ours and every dependency's, called from the script) and throws
// ERR_SCRIPT_EXECUTION_TIMEOUT; the thread then carries on. It works the same on the main thread
// and on a worker, so small builds (rendered here) and large ones (on piscina workers) are bound
// alike. The watchdog only knows wall time, so it is the alarm, and the CPU clock the judge: when
// it fires, the job it stopped is over budget only if it had used `budgetMs` of CPU time. If not
// (the machine was busy, or the job started late in a run that others used up), it runs again
// from the start, alone, with as much wall time as the CPU share it got suggests it needs.
// Jobs must be pure (rendering is: no I/O, no shared state but memo tables): one may be stopped
// part-way and run again.
//
// Jobs share one watchdog, started for a run of jobs (a thread per job would cost ~0.1-0.3 ms,
// a tenth of a typical article's render); real articles never meet it, so a batch costs one.

import vm from 'node:vm';
import { threadCpuClock, type CpuClock } from './cpu-clock.js';

/** A job's outcome: its value, or `ok: false` when it used more than the budget and was stopped. */
export type Budgeted<T> = { ok: true; value: T } | { ok: false };

/** How the guard measures; tests pass a fake clock. */
export interface BudgetOptions {
  /** CPU time used by this thread, in ms (default: cpu-clock.ts). */
  clock?: CpuClock;
}

/**
 * A job is run at most this many times over: past that, a thread so starved that it cannot get
 * its budget of CPU time in that many budgets of wall time is taken to be over budget.
 */
const MOST_WALL_PER_BUDGET = 64;

const SLOT = Symbol.for('broadsheet.render-budget');
// All the script does is call back into the run below: the timeout applies to everything it calls.
const CALL_BACK = new vm.Script(`globalThis[Symbol.for('broadsheet.render-budget')]()`, { filename: 'broadsheet-render-budget.js' });

/** Run each job in order, each stopped once it has used `budgetMs` of CPU time. Other errors are thrown. */
export function runWithinBudget<T>(jobs: ReadonlyArray<() => T>, budgetMs: number, options: BudgetOptions = {}): Array<Budgeted<T>> {
  const clock = options.clock ?? threadCpuClock().clock;
  const results: Array<Budgeted<T>> = [];
  // Wall time for the next run: the budget, unless the job it starts with needs more on this machine.
  let allowance = budgetMs;
  let cpuStart = 0;
  let wallStart = 0;
  while (results.length < jobs.length) {
    const first = results.length;
    try {
      callWithTimeout(allowance, () => {
        while (results.length < jobs.length) {
          cpuStart = clock();
          wallStart = performance.now();
          const value = jobs[results.length]!();
          results.push({ ok: true, value });
        }
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
      const used = clock() - cpuStart;
      if (used >= budgetMs || allowance >= budgetMs * MOST_WALL_PER_BUDGET) {
        results.push({ ok: false });
        allowance = budgetMs;
      } else if (results.length === first) {
        // It ran alone and got less CPU time than its budget: give it more wall time.
        const share = Math.max(used / Math.max(performance.now() - wallStart, 1), 1 / MOST_WALL_PER_BUDGET);
        allowance = Math.min(Math.max(allowance * 2, Math.ceil((budgetMs / share) * 1.25)), budgetMs * MOST_WALL_PER_BUDGET);
      } else {
        allowance = budgetMs;
      }
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

/**
 * A test seam: BROADSHEET_RENDER_FAILPOINT=spin@PART makes the rendering of every article whose
 * file path contains PART loop forever, as a runaway dependency would, for the guard to stop;
 * hog@PART makes it hold ever more memory, for a worker's heap limit to stop (workers/pool.ts).
 * Costs one property read when unset.
 */
export function renderFailpoint(file: string): void {
  const match = /^(spin|hog)@(.+)$/.exec(process.env.BROADSHEET_RENDER_FAILPOINT ?? '');
  if (!match || !file.includes(match[2]!)) return;
  if (match[1] === 'spin') for (;;);
  const held: string[][] = [];
  for (;;) held.push(Array.from({ length: 1 << 16 }, (_, i) => `${held.length}:${i}`));
}
