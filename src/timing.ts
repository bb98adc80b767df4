// Where a build's time goes: consecutive named phases, each with its wall time and the CPU time
// (user + system) the whole process spent in it, worker threads included (getrusage counts every
// thread), and the process's peak memory by its end (which phase raised the peak). `npm run bench`
// prints them as the per-phase breakdown of a cold build.

/** One phase of a build: wall milliseconds, CPU milliseconds of every thread, and the peak RSS so far. */
export interface PhaseTime {
  name: string;
  ms: number;
  cpuMs: number;
  /** The process's peak resident memory (MB, every thread) at the end of the phase: monotonic. */
  peakRssMb: number;
}

/** The shape of report.ts's Progress (not imported: report.ts imports PhaseTime from here). */
export interface PhaseProgress {
  start(phase: string, total?: number): void;
  tick(count?: number): void;
  end(): void;
}

function cpuNow(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Times consecutive phases: `begin` closes the running phase and opens the next. */
export class PhaseClock {
  private readonly done: PhaseTime[] = [];
  private name: string;
  private wall = performance.now();
  private cpu = cpuNow();

  /** `first`: the phase running from now until the first `begin`. */
  constructor(first: string) {
    this.name = first;
  }

  /** Close the running phase and start `name` (a phase begun twice in a row adds up). */
  begin(name: string): void {
    const wall = performance.now();
    const cpu = cpuNow();
    // maxRSS: kilobytes on Linux.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const last = this.done.at(-1);
    if (last?.name === this.name) {
      last.ms += wall - this.wall;
      last.cpuMs += cpu - this.cpu;
      last.peakRssMb = peakRssMb;
    } else {
      this.done.push({ name: this.name, ms: wall - this.wall, cpuMs: cpu - this.cpu, peakRssMb });
    }
    this.name = name;
    this.wall = wall;
    this.cpu = cpu;
  }

  /** Every phase so far, the running one closed as of now. */
  phases(): PhaseTime[] {
    this.begin(this.name);
    return this.done.map((phase) => ({ ...phase }));
  }

  /** `progress` (a report.ts Progress), with each phase it starts ("Rendering articles") begun on this clock too. */
  follow<P extends PhaseProgress>(progress: P): PhaseProgress {
    return {
      start: (phase, total) => {
        this.begin(phase);
        progress.start(phase, total);
      },
      tick: (count) => progress.tick(count),
      end: () => progress.end(),
    };
  }
}
