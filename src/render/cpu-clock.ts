// How much CPU time the calling thread has used: what the render guard (budget.ts) counts, so that
// a busy machine, where a thread gets a fraction of a core, does not stop an article sooner.
//
// Node 20 has no per-thread CPU clock of its own (process.cpuUsage() counts every thread of the
// process, so on a worker it grows with the other workers' work; process.threadCpuUsage() came in
// later versions and is used where present). On Linux, /proc/thread-self/schedstat holds the
// nanoseconds the calling thread has run: the file is opened once per thread (a worker loads this
// module afresh, so it opens its own) and read again at offset 0 for each reading, so a build that
// runs out of file descriptors still has its clock. Elsewhere the clock is wall time, which a busy
// machine inflates.

import { openSync, readSync } from 'node:fs';

/** Milliseconds of CPU time this thread has used since some fixed point; only differences count. */
export type CpuClock = () => number;

/** Which clock threadCpuClock chose: a real per-thread CPU clock, or wall time where there is none. */
export type CpuClockKind = 'thread' | 'wall';

type ThreadCpuUsage = () => { user: number; system: number };

/** The calling thread's CPU clock, and what it really measures. */
export function threadCpuClock(): { clock: CpuClock; kind: CpuClockKind } {
  // Typed by @types/node only from version 23: feature-tested here.
  const threadCpuUsage = (process as unknown as { threadCpuUsage?: ThreadCpuUsage }).threadCpuUsage;
  if (typeof threadCpuUsage === 'function') {
    return {
      clock: () => {
        const { user, system } = threadCpuUsage.call(process);
        return (user + system) / 1000;
      },
      kind: 'thread',
    };
  }
  if (schedstatMs() !== undefined) return { clock: () => schedstatMs() ?? 0, kind: 'thread' };
  return { clock: () => performance.now(), kind: 'wall' };
}

/** This thread's /proc/thread-self/schedstat, opened on first use; null where there is none. */
let schedstat: number | null | undefined;
const reading = Buffer.alloc(64);

/** The first field of this thread's schedstat (nanoseconds on a CPU), in ms; undefined where absent. */
function schedstatMs(): number | undefined {
  try {
    schedstat ??= openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    schedstat = null;
  }
  if (schedstat === null) return undefined;
  try {
    const ns = Number(reading.toString('latin1', 0, readSync(schedstat, reading, 0, reading.length, 0)).split(' ', 1)[0]);
    return Number.isFinite(ns) ? ns / 1e6 : undefined;
  } catch {
    return undefined;
  }
}
