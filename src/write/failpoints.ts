// Test seams for what cannot be staged on demand: a full disk, a read-only file system, a build
// killed halfway through its commit. Both are off unless their environment variable is set, and
// cost one property read when off. Tests set them for a spawned `broadsheet build` (or in-process).
//
//   BROADSHEET_FAILPOINT=CODE[@part][#n]
//       Every atomic write (fs-helpers.ts) whose path contains `part`, from the n-th such write of
//       a thread on (default the first), fails with the operating-system error CODE (ENOSPC,
//       EACCES, EROFS, EMFILE, ...) after its aside file was opened: as a full disk would fail it.
//   BROADSHEET_COMMIT_PAUSE_MS=N
//       A build sleeps N ms after each step of its commit and marks on stderr where it is
//       ("broadsheet: commit started", "... commit swapping", "... commit swapped"): a test can
//       aim a kill at any point of it.

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

/** Mark where a commit is, for a test aiming a kill at it. */
export function commitMark(where: 'started' | 'swapping' | 'swapped'): void {
  if (process.env.BROADSHEET_COMMIT_PAUSE_MS) process.stderr.write(`broadsheet: commit ${where}\n`);
}

/** One step of a commit is done: pause, if a test asked for it. */
export function commitStep(): void {
  const ms = Number(process.env.BROADSHEET_COMMIT_PAUSE_MS ?? 0);
  if (ms > 0) Atomics.wait(pauser, 0, 0, ms);
}
