// A measured command's whole process tree in a cgroup of its own (cgroup v1: the cpuacct and
// memory controllers), so the CPU and memory of every process it starts count, waited for or not:
// Pagefind's processes, worker threads, anything a build spawns. Each group is made inside the
// group the bench itself runs in, so whatever limits hold the bench hold the build too, and is
// removed after the run. Only this module touches /sys/fs/cgroup.

import { mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import path from 'node:path';

/** Where cgroup v1 controllers are mounted. */
const MOUNTS = '/sys/fs/cgroup';

/** The controllers a measured run needs, by their names in /proc/<pid>/cgroup. */
const CONTROLLERS = ['cpuacct', 'memory'] as const;

/** A controller's hierarchy: where a process of ours is, as a folder of /sys/fs/cgroup. */
export type GroupFolders = Record<(typeof CONTROLLERS)[number], string>;

/**
 * The group of each v1 controller in /proc/<pid>/cgroup text ("4:memory:/a/b" -> memory: "/a/b").
 * A line may name several controllers ("2:cpu,cpuacct:/"); the v2 line ("0::/") names none.
 */
export function parseProcCgroup(text: string): Map<string, string> {
  const groups = new Map<string, string>();
  for (const line of text.split('\n')) {
    const first = line.indexOf(':');
    const second = line.indexOf(':', first + 1);
    if (first < 0 || second < 0) continue;
    for (const controller of line.slice(first + 1, second).split(',')) {
      if (controller) groups.set(controller, line.slice(second + 1));
    }
  }
  return groups;
}

/**
 * The folders of this process's own cpuacct and memory groups, from /proc/self/cgroup, when both
 * controllers are v1 hierarchies mounted under /sys/fs/cgroup; undefined otherwise.
 */
export function ownGroupFolders(procCgroup: string, mounts = MOUNTS): GroupFolders | undefined {
  const groups = parseProcCgroup(procCgroup);
  const folders: Partial<GroupFolders> = {};
  for (const controller of CONTROLLERS) {
    const group = groups.get(controller);
    if (group === undefined) return undefined;
    // A controller mounted together with another ("cpu,cpuacct") has the joined name as its folder.
    const mount = [controller, `cpu,${controller}`, `${controller},cpu`].map((name) => path.join(mounts, name)).find(readable);
    if (!mount) return undefined;
    folders[controller] = path.join(mount, ...group.split('/').filter(Boolean));
  }
  return folders as GroupFolders;
}

function readable(folder: string): boolean {
  try {
    readFileSync(path.join(folder, 'cgroup.procs'), 'utf8');
    return true;
  } catch {
    return false;
  }
}

/** Lines of "key value" (cpuacct.stat, memory.stat) as numbers by key. */
export function parseFlatKeyed(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && value !== undefined && /^\d+$/.test(value)) values.set(key, Number(value));
  }
  return values;
}

/** VmRSS of a /proc/<pid>/status text, in bytes (0 when it has none: a process that is ending). */
export function vmRssBytes(status: string): number {
  for (const line of status.split('\n')) {
    const [key, value, unit] = line.split(/\s+/);
    if (key === 'VmRSS:' && value !== undefined) return Number(value) * (unit === 'kB' ? 1024 : 1);
  }
  return 0;
}

/** What a group counted over a run. */
export interface GroupUsage {
  /** CPU seconds of every task that was in the group (cpuacct.usage), with user and system parts (cpuacct.stat). */
  cpu: number;
  user: number;
  sys: number;
  /** The memory group's peak charge (memory.max_usage_in_bytes), MB: resident memory plus the page cache of files the run read or wrote. */
  chargedMb: number;
}

/**
 * A pair of fresh groups (cpuacct and memory) for one run. Put a process in with `procsFiles`
 * (write its pid to each before it starts the work: its children inherit the groups), read
 * `usage()` after it exits, then `remove()`.
 */
export class MeasuredGroup {
  private constructor(private readonly folders: GroupFolders) {}

  /** Make the groups `name` inside `parents`; throws when they cannot be made. */
  static create(parents: GroupFolders, name: string): MeasuredGroup {
    const folders = { cpuacct: path.join(parents.cpuacct, name), memory: path.join(parents.memory, name) };
    mkdirSync(folders.cpuacct);
    try {
      mkdirSync(folders.memory);
    } catch (error) {
      rmdirSync(folders.cpuacct);
      throw error;
    }
    return new MeasuredGroup(folders);
  }

  /** The cgroup.procs files a process writes its pid to, to join both groups. */
  get procsFiles(): string[] {
    return [path.join(this.folders.cpuacct, 'cgroup.procs'), path.join(this.folders.memory, 'cgroup.procs')];
  }

  /**
   * Resident memory of the group's processes now, in bytes: the sum of their VmRSS, so RSS as each
   * process's own figure counts it (the executable and libraries it has mapped included).
   */
  residentBytes(): number {
    let bytes = 0;
    for (const pid of this.members()) {
      try {
        bytes += vmRssBytes(readFileSync(`/proc/${pid}/status`, 'utf8'));
      } catch {
        // Exited between the listing and the read.
      }
    }
    return bytes;
  }

  /** Pids still in the group (a process the run left running). */
  members(): number[] {
    return readFileSync(path.join(this.folders.cpuacct, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
  }

  /** What the group counted so far. */
  usage(): GroupUsage {
    const read = (controller: keyof GroupFolders, file: string) => readFileSync(path.join(this.folders[controller], file), 'utf8');
    const stat = parseFlatKeyed(read('cpuacct', 'cpuacct.stat'));
    // cpuacct.stat counts in USER_HZ ticks (100 a second on Linux); only its user/system split is used.
    const userTicks = stat.get('user') ?? 0;
    const sysTicks = stat.get('system') ?? 0;
    const cpu = Number(read('cpuacct', 'cpuacct.usage').trim()) / 1e9;
    const share = userTicks + sysTicks > 0 ? userTicks / (userTicks + sysTicks) : 1;
    return { cpu, user: cpu * share, sys: cpu * (1 - share), chargedMb: Number(read('memory', 'memory.max_usage_in_bytes').trim()) / 1048576 };
  }

  /** Remove both groups (every process in them must have exited). */
  remove(): void {
    for (const folder of Object.values(this.folders)) rmdirSync(folder);
  }
}

let probed: GroupFolders | undefined | null = null;

/**
 * The parents to make measured groups in, when this machine lets the bench make them (cgroup v1
 * cpuacct and memory, writable: tried once by making and removing a group); undefined otherwise.
 */
export function measuredGroupParents(): GroupFolders | undefined {
  if (probed !== null) return probed;
  probed = undefined;
  let procCgroup: string;
  try {
    procCgroup = readFileSync('/proc/self/cgroup', 'utf8');
  } catch {
    return probed;
  }
  const parents = ownGroupFolders(procCgroup);
  if (!parents) return probed;
  try {
    MeasuredGroup.create(parents, `broadsheet-bench-probe-${process.pid}`).remove();
    probed = parents;
  } catch {
    // Not writable (no privilege, a read-only mount): the bench falls back to waited rusage.
  }
  return probed;
}
