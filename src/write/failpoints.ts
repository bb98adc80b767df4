// Test seams for what cannot be staged on demand: a full disk, a read-only file system, a build
// killed or interrupted at an exact point. All are off unless their environment variable is set,
// and cost one property read when off. Tests set them for a spawned `broadsheet build`.
//
//   BROADSHEET_FAILPOINT=CODE[@part][#n]
//       Every atomic write (fs-helpers.ts) whose path contains `part`, from the n-th such write of
//       a thread on (default the first), fails with the operating-system error CODE (ENOSPC,
//       EACCES, EROFS, EMFILE, ...) after its aside file was opened: as a full disk would fail it.
//   BROADSHEET_KILL_AT=POINT[#n]
//       The n-th time (default the first) a thread passes POINT, the build SIGKILLs its process
//       group (itself, if it does not lead one), as `kill -9 -PGID` from outside would: no cleanup
//       runs. Points: `output-write` (a file of the new site written), `commit` (before the
//       commit's first change), `commit-step` (each deletion, hard link and step of the swap),
//       `swapping`, `swapped`, `index-write` (an index saved after the swap: the output manifest,
//       the article cache's, the image store's; before its rename), `image-job` (the image process
//       takes a job; it kills only itself, as a crash of libvips would).
//   BROADSHEET_HOLD_AT=POINT
//       At POINT the build writes "broadsheet: holding at POINT" to stderr and waits until a line
//       arrives on its stdin or it gets SIGINT or SIGTERM: a test can act while it waits. Points:
//       `commit` (the new site is made, the output not yet changed), `search` (Pagefind's process
//       is running), `swapped` (the new site is in place, the cache not yet saved), `images` (the
//       photos are read and probed by the image process, their sizes not yet made).
//   BROADSHEET_STEP_COMMIT=1
//       A build stops after each step of its commit (each deletion and hard link in the new tree,
//       each step of the swap): it writes "broadsheet: commit step" to stderr and goes on when a
//       byte arrives on its stdin (or stdin ends). It marks where the commit is on stderr too
//       ("broadsheet: commit started", "... commit swapping", "... commit swapped"). A test reads
//       the output at every step of a commit, whatever the machine's speed.

import { readSync } from 'node:fs';
import { constants } from 'node:os';

const pauser = new Int32Array(new SharedArrayBuffer(4));
let matchingWrites = 0;

/** Throw the injected error if BROADSHEET_FAILPOINT says this write fails. */
export function failpoint(operation: 'write', file: string): void {
  const spec = process.env.BROADSHEET_FAILPOINT;
  if (!spec) return;
  const match = /^([A-Z]+)(?:@([^#]*))?(?:#(\d+))?$/.exec(spec);
  if (!match) return;
  const [, code = '', part, from] = match;
  if (part && !file.includes(part)) return;
  matchingWrites++;
  if (matchingWrites < Number(from ?? 1)) return;
  const errno = (constants.errno as Record<string, number>)[code];
  const error = new Error(`${code}: injected by BROADSHEET_FAILPOINT, ${operation} '${file}'`) as NodeJS.ErrnoException;
  Object.assign(error, { code, errno: errno === undefined ? undefined : -errno, syscall: operation, path: file });
  throw error;
}

/** Where BROADSHEET_KILL_AT can aim. */
export type KillPoint = 'output-write' | 'index-write' | 'commit' | 'commit-step' | 'swapping' | 'swapped' | 'image-job';

const passes = new Map<string, number>();

/** A point a build passes: SIGKILL the process group here if BROADSHEET_KILL_AT says so. */
export function killPoint(point: KillPoint): void {
  const spec = process.env.BROADSHEET_KILL_AT;
  if (!spec) return;
  const [name, nth = '1'] = spec.split('#');
  if (name !== point) return;
  const count = (passes.get(point) ?? 0) + 1;
  passes.set(point, count);
  if (count !== Number(nth)) return;
  if (point !== 'image-job') {
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      // Not a process group's leader: this process alone.
    }
  }
  process.kill(process.pid, 'SIGKILL');
}

/** Where BROADSHEET_HOLD_AT can hold a build. */
export type HoldPoint = 'commit' | 'search' | 'swapped' | 'images';

/** Wait here, if BROADSHEET_HOLD_AT says so, for a line on stdin or an interrupt (SIGINT, SIGTERM). */
export async function holdPoint(point: HoldPoint): Promise<void> {
  if (process.env.BROADSHEET_HOLD_AT !== point) return;
  process.stderr.write(`broadsheet: holding at ${point}\n`);
  await new Promise<void>((resolve) => {
    const done = () => {
      process.stdin.off('data', done).off('end', done).pause();
      process.off('SIGINT', done).off('SIGTERM', done);
      resolve();
    };
    process.stdin.on('data', done).on('end', done).resume();
    process.on('SIGINT', done).on('SIGTERM', done);
  });
}

/** Mark where a commit is, for a test reading the output during it. */
export function commitMark(where: 'started' | 'swapping' | 'swapped'): void {
  killPoint(where === 'started' ? 'commit' : where);
  if (process.env.BROADSHEET_STEP_COMMIT) process.stderr.write(`broadsheet: commit ${where}\n`);
}

/** One step of a commit is done: a kill may be aimed here; stop until told to go on, if a test asked for it. */
export function commitStep(): void {
  killPoint('commit-step');
  if (!process.env.BROADSHEET_STEP_COMMIT) return;
  // Writes to a pipe are synchronous on Linux and macOS: the line is out before the wait.
  process.stderr.write('broadsheet: commit step\n');
  waitForByte();
}

/** Block until a byte arrives on stdin or it ends (the commit is synchronous, so the wait is too). */
function waitForByte(): void {
  const byte = new Uint8Array(1);
  for (;;) {
    try {
      readSync(0, byte, 0, 1, null);
      return;
    } catch (error) {
      // A non-blocking stdin with nothing in it yet: look again shortly.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
      Atomics.wait(pauser, 0, 0, 5);
    }
  }
}
