// The bench's figures as Markdown tables: our scenarios, Broadsheet against Hugo from the same
// run, the cold build's time per phase, and the dev server's save-to-reload time.

import { availableParallelism, cpus } from 'node:os';
import type { DevLatency } from './dev-latency.js';
import type { BenchOptions, BenchResults, BuildRun, HugoResult, ScenarioResult } from './measure.js';
import { median } from './timed.js';

const seconds = (value: number) => value.toFixed(2);
const whole = (value: number) => Math.round(value).toLocaleString('en');

/** The machine the figures come from: cores, CPU model, Node. */
export function machineLine(): string {
  return `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
}

/** Our scenarios, one row each: medians of wall, CPU (user + sys), pages/s, peak RSS, work done. */
export function formatScenarios(options: BenchOptions, results: BenchResults): string {
  const pages = results.scenarios[0]?.runs[0]?.pages ?? 0;
  return [
    `Broadsheet, ${options.articles.toLocaleString('en')} articles (${pages.toLocaleString('en')} pages), median of ${options.runs}, ${machineLine()}`,
    '',
    '| scenario | wall (s) | user + sys CPU (s) | pages/s | peak RSS (MB) | articles rendered | pages rendered |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...results.scenarios.map((result) => {
      const first = result.runs[0]!;
      return `| ${result.label} | ${seconds(result.seconds)} | ${result.cpu.toFixed(1)} | ${whole(result.pagesPerSecond)} | ${whole(result.rssMb)} | ${whole(first.articlesRendered)} | ${whole(first.pagesRendered)} |`;
    }),
  ].join('\n');
}

function cpuCell(user: number, sys: number): string {
  return `${user.toFixed(1)} + ${sys.toFixed(1)} = ${(user + sys).toFixed(1)}`;
}

/** Hugo's clean builds against our cold ones from the same run, with the ratios the targets use. */
export function formatHugo(hugo: HugoResult, results: BenchResults): string {
  const cold = results.scenarios.find((result) => result.name === 'cold');
  if (!cold || hugo.runs.length === 0) return '';
  const h = {
    seconds: median(hugo.runs.map((run) => run.seconds)),
    user: median(hugo.runs.map((run) => run.user)),
    sys: median(hugo.runs.map((run) => run.sys)),
    rssMb: median(hugo.runs.map((run) => run.rssMb)),
    pages: hugo.runs[0]!.pages,
  };
  const ours = { user: median(cold.runs.map((run) => run.user)), sys: median(cold.runs.map((run) => run.sys)), first: cold.runs[0]! };
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const lines = [
    `Against Hugo ${hugo.version}, clean builds of the same corpus in this run, median of ${hugo.runs.length} (wall: ${hugo.runs.map((run) => seconds(run.seconds)).join(', ')} s)`,
    '',
    '| | wall (s) | user + sys CPU (s) | peak RSS (MB) | pages |',
    '|---|---:|---:|---:|---:|',
    `| Hugo ${hugo.version} | ${seconds(h.seconds)} | ${cpuCell(h.user, h.sys)} | ${whole(h.rssMb)} | ${whole(h.pages)} |`,
    `| Broadsheet, cold | ${seconds(cold.seconds)} | ${cpuCell(ours.user, ours.sys)} | ${whole(cold.rssMb)} | ${whole(ours.first.pages)} + ${whole(ours.first.feeds)} feeds |`,
    `| Broadsheet / Hugo | ${ratio(cold.seconds, h.seconds)} | ${ratio(ours.user + ours.sys, h.user + h.sys)} | ${ratio(cold.rssMb, h.rssMb)} | |`,
  ];
  for (const name of ['warm', 'edit10'] as const) {
    const warm = results.scenarios.find((result) => result.name === name);
    if (warm) lines.push(`| ${warm.label} | ${seconds(warm.seconds)} (${ratio(warm.seconds, h.seconds)} of Hugo's clean build) | ${warm.cpu.toFixed(1)} | ${whole(warm.rssMb)} | |`);
  }
  return lines.join('\n');
}

/** The cold build phase by phase (medians over its runs), and what start-up cost outside build(). */
export function formatPhases(cold: ScenarioResult): string {
  const names = [...new Set(cold.runs.flatMap((run) => run.phases.map((phase) => phase.name)))];
  const phase = (run: BuildRun, name: string) => run.phases.find((entry) => entry.name === name);
  const rows = names.map((name) => {
    const wall = median(cold.runs.map((run) => phase(run, name)?.ms ?? 0)) / 1000;
    const cpu = median(cold.runs.map((run) => phase(run, name)?.cpuMs ?? 0)) / 1000;
    return `| ${name} | ${seconds(wall)} | ${seconds(cpu)} | ${wall > 0 ? (cpu / wall).toFixed(2) : '–'} |`;
  });
  const inBuild = median(cold.runs.map((run) => run.phases.reduce((sum, entry) => sum + entry.ms, 0))) / 1000;
  return [
    `The cold build by phase (median of ${cold.runs.length}; CPU counts every thread, so CPU / wall is the cores kept busy)`,
    '',
    '| phase | wall (s) | user + sys CPU (s) | cores busy |',
    '|---|---:|---:|---:|',
    `| process start-up and exit (outside build()) | ${seconds(Math.max(0, cold.seconds - inBuild))} | | |`,
    ...rows,
  ].join('\n');
}

/** The dev-server medians as text, with the speed-up over the cold and warm builds among `results`. */
export function formatDev(dev: DevLatency, results: BenchResults): string {
  const reload = median(dev.reloadMs);
  const lines = [
    `Dev server (npm run dev), save one article -> reload event at the browser's event stream, median of ${dev.reloadMs.length}:`,
    `  ${reload.toFixed(0)} ms (runs: ${dev.reloadMs.map((ms) => ms.toFixed(0)).join(', ')}); the update itself ${median(dev.updateMs).toFixed(0)} ms, ${dev.pagesRendered} pages rendered`,
  ];
  for (const name of ['cold', 'warm'] as const) {
    const build = results.scenarios.find((result) => result.name === name);
    if (build) lines.push(`  vs a ${name} full build (${seconds(build.seconds)} s): ${((build.seconds * 1000) / reload).toFixed(0)}x faster`);
  }
  return lines.join('\n');
}
