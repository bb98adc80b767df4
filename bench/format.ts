// The bench's figures as Markdown tables: our scenarios, Broadsheet against Hugo and against Hugo +
// Pagefind from the same run, the cold build's time per phase, and the dev server's save-to-reload time.

import { availableParallelism, cpus } from 'node:os';
import type { DevLatency } from './dev-latency.js';
import type { AnchorRun, HugoResult } from './hugo.js';
import type { BenchOptions, BenchResults, BuildRun, ScenarioResult } from './measure.js';
import { median, methodLine } from './timed.js';

const seconds = (value: number) => value.toFixed(2);
const whole = (value: number) => Math.round(value).toLocaleString('en');

/** The machine the figures come from: cores, CPU model, Node. */
export function machineLine(): string {
  return `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}`;
}

/** Our scenarios, one row each: medians of wall, CPU of every process, cores busy, peak memory, work done, files changed. */
export function formatScenarios(options: BenchOptions, results: BenchResults): string {
  const pages = results.scenarios[0]?.runs[0]?.pages ?? 0;
  const distinct = options.distinctPhotos !== undefined && options.distinctPhotos < (options.photos ?? 0) ? ` (${options.distinctPhotos.toLocaleString('en')} different pictures)` : '';
  const photos = options.photos ? `, ${options.photos.toLocaleString('en')} with a lead photo${distinct}` : '';
  const lines = [
    `Broadsheet, ${options.articles.toLocaleString('en')} articles${photos} (${pages.toLocaleString('en')} pages), search on, median of ${options.runs}, ${machineLine()}`,
    methodLine(results.method),
    '',
    '| scenario | wall (s) | CPU (s) | cores busy | peak memory (MB) | articles rendered | pages rendered | files written | files changed in dist/ (new + changed + removed) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.scenarios.map((result) => {
      const middle = medianChangesRun(result);
      const changes = middle.changes;
      const changed = changes ? `${whole(changes.total)} (${whole(changes.added)} + ${whole(changes.changed)} + ${whole(changes.removed)})` : '–';
      return `| ${result.label} | ${seconds(result.seconds)} | ${result.cpu.toFixed(1)} | ${(result.cpu / result.seconds).toFixed(2)} | ${whole(result.peakMb)} | ${whole(middle.articlesRendered)} | ${whole(middle.pagesRendered)} | ${whole(middle.written)} | ${changed} |`;
    }),
  ];
  const cold = results.scenarios.find((result) => result.name === 'cold');
  if (cold && results.method === 'cgroup') {
    const waited = cold.runs.map((run) => run.waitedCpu).filter((cpu) => cpu !== undefined);
    const nodeAlone = median(cold.runs.map((run) => run.nodeRssMb));
    const charged = median(cold.runs.map((run) => run.chargedMb ?? 0));
    lines.push('', `Cold build: peak memory of the Node process alone ${whole(nodeAlone)} MB (the tree's together: ${whole(cold.peakMb)} MB; charged to its cgroup, page cache of the files it read and wrote included: ${whole(charged)} MB).`);
    if (waited.length > 0) lines.push(`Of its ${cold.cpu.toFixed(1)} s of CPU, GNU time (the rusage of waited processes) sees ${median(waited).toFixed(1)} s.`);
  }
  return lines.join('\n');
}

/**
 * The run of a scenario with the median number of files changed in dist/ (the lower middle of an
 * even count): its counts are whole files, one run's.
 */
export function medianChangesRun(result: ScenarioResult): BuildRun {
  const runs = [...result.runs].sort((a, b) => (a.changes?.total ?? 0) - (b.changes?.total ?? 0));
  return runs[Math.floor((runs.length - 1) / 2)]!;
}

/** The anchors' clean builds (Hugo; Hugo + Pagefind's CLI) against our cold and warm ones from the same run, with the ratios the targets use. */
export function formatAnchors(hugo: HugoResult, results: BenchResults): string {
  const cold = results.scenarios.find((result) => result.name === 'cold');
  const medians = anchorMedians(hugo);
  if (!cold || !medians) return '';
  const { hugo: h, pagefind: p, both } = medians;
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
  const row = (name: string, run: AnchorRun, pages: string) => `| ${name} | ${seconds(run.seconds)} | ${run.cpu.toFixed(1)} | ${(run.cpu / run.seconds).toFixed(2)} | ${whole(run.peakMb)} | ${pages} |`;
  const ratios = (name: string, anchor: AnchorRun) => `| ${name} | ${ratio(cold.seconds, anchor.seconds)} | ${ratio(cold.cpu, anchor.cpu)} | | ${ratio(cold.peakMb, anchor.peakMb)} | |`;
  const lines = [
    `Anchors: clean builds of the same corpus in this run, median of ${hugo.runs.length} (Hugo's wall: ${hugo.runs.map((run) => seconds(run.hugo.seconds)).join(', ')} s). ${methodLine(results.method)}`,
    '',
    '| | wall (s) | CPU (s) | cores busy | peak memory (MB) | pages |',
    '|---|---:|---:|---:|---:|---:|',
    row(`Hugo ${hugo.version}`, h, `${whole(h.pages)} HTML`),
    ...(p && both ? [row(`Pagefind ${hugo.pagefind} CLI over Hugo's public/`, p, `${whole(p.pages)} indexed`), row('Hugo + Pagefind (a site with search)', both, '')] : []),
    row('Broadsheet, cold (search on)', { ...cold, pages: 0 }, `${whole(cold.runs[0]!.pages)} + ${whole(cold.runs[0]!.feeds)} feeds`),
    ...(both ? [ratios('Broadsheet / (Hugo + Pagefind)', both)] : []),
    ratios('Broadsheet / Hugo', h),
  ];
  const warm = results.scenarios.filter((result) => result.name !== 'cold');
  if (warm.length > 0) {
    lines.push('', `| warm scenario | wall (s) | of Hugo's clean build | ${both ? 'of Hugo + Pagefind |' : ''}`, `|---|---:|---:|${both ? '---:|' : ''}`);
    for (const result of warm) lines.push(`| ${result.label} | ${seconds(result.seconds)} | ${ratio(result.seconds, h.seconds)} | ${both ? `${ratio(result.seconds, both.seconds)} |` : ''}`);
  }
  return lines.join('\n');
}

/**
 * The anchors' medians over their runs: Hugo's clean build, Pagefind's CLI over its pages, and the
 * two one after the other (times added, the larger peak): the anchor for a site with search.
 * Undefined when Hugo never ran.
 */
export function anchorMedians(hugo: HugoResult): { hugo: AnchorRun; pagefind?: AnchorRun; both?: AnchorRun } | undefined {
  const of = (pick: (run: HugoResult['runs'][number]) => AnchorRun | undefined): AnchorRun | undefined => {
    const runs = hugo.runs.map(pick).filter((run) => run !== undefined);
    if (runs.length === 0) return undefined;
    return { seconds: median(runs.map((run) => run.seconds)), cpu: median(runs.map((run) => run.cpu)), peakMb: median(runs.map((run) => run.peakMb)), pages: runs[0]!.pages };
  };
  const h = of((run) => run.hugo);
  if (!h) return undefined;
  const both = of((run) => run.pagefind && { seconds: run.hugo.seconds + run.pagefind.seconds, cpu: run.hugo.cpu + run.pagefind.cpu, peakMb: Math.max(run.hugo.peakMb, run.pagefind.peakMb), pages: run.hugo.pages });
  return { hugo: h, pagefind: of((run) => run.pagefind), both };
}

/** The cold build phase by phase (medians over its runs), and what start-up cost outside build(). */
export function formatPhases(cold: ScenarioResult): string {
  const names = [...new Set(cold.runs.flatMap((run) => run.phases.map((phase) => phase.name)))];
  const phase = (run: BuildRun, name: string) => run.phases.find((entry) => entry.name === name);
  const rows = names.map((name) => {
    const wall = median(cold.runs.map((run) => phase(run, name)?.ms ?? 0)) / 1000;
    const cpu = median(cold.runs.map((run) => phase(run, name)?.cpuMs ?? 0)) / 1000;
    const peak = median(cold.runs.map((run) => phase(run, name)?.peakRssMb ?? 0));
    return `| ${name} | ${seconds(wall)} | ${seconds(cpu)} | ${wall > 0 ? (cpu / wall).toFixed(2) : '–'} | ${peak > 0 ? peak.toFixed(0) : '–'} |`;
  });
  const inBuild = median(cold.runs.map((run) => run.phases.reduce((sum, entry) => sum + entry.ms, 0))) / 1000;
  return [
    `The cold build by phase (median of ${cold.runs.length}; CPU and peak memory of the Node process, every thread, as it reports them: Pagefind's processes are not in these rows; the peak is the highest so far when the phase ends, so the phase where it rises is where memory peaks)`,
    '',
    '| phase | wall (s) | CPU (s) | cores busy | peak memory by its end (MB) |',
    '|---|---:|---:|---:|---:|',
    `| process start-up and exit (outside build()) | ${seconds(Math.max(0, cold.seconds - inBuild))} | | | |`,
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
