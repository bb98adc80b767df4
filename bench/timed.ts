// One timed child process for the bench: wall time, user and system CPU of the process and its
// threads and children, and peak RSS, as /usr/bin/time (GNU time, Debian's `time` package)
// reports them. The same measure for Broadsheet and Hugo, so their figures compare.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** What one run cost: seconds of wall time, user and system CPU, and peak RSS in MB. */
export interface TimedRun {
  wall: number;
  user: number;
  sys: number;
  rssMb: number;
  stdout: string;
}

/** GNU time, which reports a child's CPU and peak memory; undefined when it is not installed. */
export const TIME_BINARY = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Run `command args` in `cwd` under GNU time; throws with its stderr when it fails. */
export function timedRun(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): TimedRun {
  if (!TIME_BINARY) throw new Error('the bench needs GNU time: apt-get install -y time');
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-time-'));
  const report = path.join(folder, 'time.txt');
  try {
    const child = spawnSync(TIME_BINARY, ['-f', '%e %U %S %M', '-o', report, command, ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${child.status}):\n${child.stderr}`);
    const [wall = 0, user = 0, sys = 0, rssKb = 0] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { wall, user, sys, rssMb: rssKb / 1024, stdout: child.stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
