// Test helper: the processes a test file started (the CLI, a build held at a point, stand-ins for
// other processes), so that none outlives the file. test/setup.ts ends them, and waits until they
// have exited, before it removes the file's temp folders: a process still writing into a folder
// while it is removed fails the removal (ENOTEMPTY), and one left running would write into the
// next file's time.

import type { ChildProcess } from 'node:child_process';
import { groupEnded } from './process-groups.js';

/** Started and not yet exited, each with whether it leads a process group of its own. */
const running = new Map<ChildProcess, { group: boolean }>();

/**
 * Note `child` as started by this test file (`group`: it leads a process group, spawned with
 * `detached: true`, whose other members end with it). Returns `child`.
 */
export function tracked<T extends ChildProcess>(child: T, { group = false } = {}): T {
  if (child.exitCode !== null || child.signalCode !== null) return child;
  running.set(child, { group });
  child.once('exit', () => running.delete(child));
  return child;
}

/**
 * SIGKILL every tracked process still running (a whole group for a group leader), and resolve once
 * each has exited and, for a group, every process of it has ended. Normally there is none: a test
 * waits for what it starts. One left means a test failed or timed out before it could.
 */
export async function endChildren(): Promise<void> {
  const left = [...running];
  running.clear();
  await Promise.all(
    left.map(async ([child, { group }]) => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.exitCode === null && child.signalCode === null) {
        try {
          if (group && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
          else child.kill('SIGKILL');
        } catch {
          // Gone meanwhile.
        }
        await exited;
      }
      if (group && child.pid !== undefined) await groupEnded(child.pid);
    }),
  );
}
