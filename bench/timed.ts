// One measured child process for the bench: wall time, the CPU of every process it starts, and
// the peak memory of them all together. The same measure for Broadsheet, Hugo and Pagefind's CLI,
// so their figures compare.
//
// Two ways to count, the best this machine allows (countMethod says which; the bench prints it):
// - 'cgroup': the command runs in cgroups of its own (cgroup.ts). CPU is cpuacct.usage: every
//   process and thread that ever ran in the group, whether its parent waited for it or not. Peak
//   memory is the largest sum of the group's processes' RSS at one moment, sampled every
//   SAMPLE_MS (never below the largest single process's peak, which GNU time reports). GNU time
//   runs inside the group too, to report what waited rusage alone would have counted
//   (`waitedCpu`): the difference is CPU of processes nobody waited for.
// - 'rusage': GNU time alone (/usr/bin/time, Debian's `time` package). CPU is the command's and
//   its waited-for descendants' (a process never waited for is missed); peak memory is the largest
//   single process's peak RSS, not the tree's.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measuredGroupParents, MeasuredGroup } from './cgroup.js';

/** How a run's CPU and memory were counted (see the top of this file). */
export type CountMethod = 'cgroup' | 'rusage';

/** What one run cost. */
export interface TimedRun {
  /** Seconds of wall time. */
  wall: number;
  /** CPU seconds, user + system, of what `method` counts; and its two parts. */
  cpu: number;
  user: number;
  sys: number;
  /** Peak RSS, MB: of the whole tree at once ('cgroup'), of the largest single process ('rusage'). */
  peakMb: number;
  /** 'cgroup': the memory group's peak charge, page cache of files read and written included, MB. */
  chargedMb?: number;
  /** 'cgroup' with GNU time installed: CPU seconds waited rusage alone reports. */
  waitedCpu?: number;
  method: CountMethod;
  stdout: string;
}

/** GNU time, which reports a child's CPU and peak memory; undefined when it is not installed. */
export const TIME_BINARY = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** How often the tree's resident memory is read, ms. */
const SAMPLE_MS = 50;

let cgroupsAllowed = true;

/** Count with GNU time alone from now on, even where cgroups are writable (`--no-cgroup`: to compare the two). */
export function countWithoutCgroups(): void {
  cgroupsAllowed = false;
}

function groupParents() {
  return cgroupsAllowed ? measuredGroupParents() : undefined;
}

/** How runs are counted on this machine: 'cgroup' when the bench may make cgroups, else 'rusage'. */
export function countMethod(): CountMethod {
  return groupParents() ? 'cgroup' : 'rusage';
}

/** One line saying what the figures count, for the bench's tables. */
export function methodLine(method: CountMethod): string {
  return method === 'cgroup'
    ? `CPU and memory: every process of each build, counted in a cgroup of its own (CPU: cpuacct.usage; peak memory: the RSS of all its processes together, sampled every ${SAMPLE_MS} ms)`
    : 'CPU and memory: GNU time, without a cgroup: CPU of the build and of the processes it waited for; peak memory of its largest single process, not of the tree';
}

/** GNU time's report: "%e %U %S %M" (wall, user, sys, peak RSS of the largest process in KB). */
export function parseTimeReport(text: string): { wall: number; user: number; sys: number; rssKb: number } {
  const [wall = 0, user = 0, sys = 0, rssKb = 0] = text.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, user, sys, rssKb };
}

/** How long processes left by a command may take to end after it exited, ms. */
const LEFTOVER_MS = 10_000;

let runs = 0;

/** Run `command args` in `cwd`, measured (see the top of this file); throws with its stderr when it fails. */
export async function timedRun(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<TimedRun> {
  const parents = groupParents();
  if (!parents && !TIME_BINARY) throw new Error('the bench needs a writable cgroup v1 (cpuacct, memory) or GNU time: apt-get install -y time');
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-time-'));
  const report = path.join(folder, 'time.txt');
  const timed = TIME_BINARY ? [TIME_BINARY, '-f', '%e %U %S %M', '-o', report, command, ...args] : [command, ...args];
  let group: MeasuredGroup | undefined;
  try {
    if (parents) group = MeasuredGroup.create(parents, `broadsheet-bench-${process.pid}-${++runs}`);
    // The shell joins the groups, then becomes the command: every process it starts is counted.
    const argv = group ? ['/bin/sh', '-c', 'for procs in "$1" "$2"; do echo $$ > "$procs"; done; shift 2; exec "$@"', 'sh', ...group.procsFiles, ...timed] : timed;
    let peakBytes = 0;
    const sample = () => {
      if (group) peakBytes = Math.max(peakBytes, group.residentBytes());
    };
    const started = performance.now();
    const sampler = setInterval(sample, SAMPLE_MS);
    let child: { code: number | null; stdout: string; stderr: string };
    try {
      child = await run(argv, cwd, env);
    } finally {
      clearInterval(sampler);
    }
    const wall = (performance.now() - started) / 1000;
    if (child.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${child.code}):\n${child.stderr}`);
    const waited = TIME_BINARY ? parseTimeReport(readFileSync(report, 'utf8')) : undefined;
    if (!group) {
      const { wall: timedWall, user, sys, rssKb } = waited!;
      return { wall: timedWall, cpu: user + sys, user, sys, peakMb: rssKb / 1024, method: 'rusage', stdout: child.stdout };
    }
    // A process the command started and did not wait for may still be ending: its CPU counts too.
    const leftover = await settled(group);
    if (leftover.length > 0) throw new Error(`${command} ${args.join(' ')} exited leaving processes running (pids ${leftover.join(', ')}): they are not counted, and its cgroup cannot be removed until they exit`);
    const usage = group.usage();
    return {
      wall,
      cpu: usage.cpu,
      user: usage.user,
      sys: usage.sys,
      peakMb: Math.max(peakBytes / 1048576, (waited?.rssKb ?? 0) / 1024),
      chargedMb: usage.chargedMb,
      waitedCpu: waited ? waited.user + waited.sys : undefined,
      method: 'cgroup',
      stdout: child.stdout,
    };
  } finally {
    try {
      group?.remove();
    } catch {
      // A process of the run still in it (reported above); the empty group is left for the system.
    }
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The group's members once it is empty, or after LEFTOVER_MS those still in it. */
async function settled(group: MeasuredGroup): Promise<number[]> {
  const until = performance.now() + LEFTOVER_MS;
  let members = group.members();
  while (members.length > 0 && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    members = group.members();
  }
  return members;
}

function run(argv: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
