// `npm run bench`: build a synthetic archive in the scenarios that matter to a newsroom and report
// wall time, pages per second and peak memory, as medians of several runs. Each build is a fresh
// process (scripts/bench-build.ts) started the way CI starts `npm run build`, so start-up counts;
// it reports its own peak RSS (worker threads included: they share the process).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.js';
import { measureDevLatency, type DevLatency } from './dev-latency.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BUILD_SCRIPT = path.join(REPO, 'scripts/bench-build.ts');

/** Options for runBench and measureDev; `runs` is builds per scenario, `log` receives progress lines. */
export interface BenchOptions {
  articles: number;
  runs: number;
  /** Folder for the corpus and the site (default /tmp/broadsheet-bench-<articles>). */
  work: string;
  /** Scenarios to run (default all). */
  scenarios?: readonly ScenarioName[];
  log: (line: string) => void;
}

/** The bench scenarios, in the order runBench runs them. */
export type ScenarioName = 'cold' | 'warm' | 'edit10' | 'add1' | 'delete1';

interface BuildRun {
  seconds: number;
  rssMb: number;
  pages: number;
  pagesRendered: number;
  articlesRendered: number;
}

/**
 * One scenario: each run in order, plus medians (`seconds` wall time, `rssMb` peak RSS);
 * `pagesPerSecond` uses the first run's page count.
 */
export interface ScenarioResult {
  name: ScenarioName;
  label: string;
  runs: BuildRun[];
  seconds: number;
  pagesPerSecond: number;
  rssMb: number;
}

const LABELS: Record<ScenarioName, string> = {
  cold: 'cold build (no cache, empty dist/)',
  warm: 'warm build, nothing changed',
  edit10: 'warm build, 10 articles edited',
  add1: 'warm build, 1 article added',
  delete1: 'warm build, 1 article deleted',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One build of the site, in a child process, as `npm run build` would run it. */
function buildOnce(site: string): BuildRun {
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', BUILD_SCRIPT, site], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`build failed:\n${child.stderr}`);
  const report = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Omit<BuildRun, 'seconds'>;
  return { ...report, seconds };
}

function articleFiles(content: string): string[] {
  return readdirSync(content, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .sort();
}

/**
 * Delete `work`, write a fresh corpus and site there, and time each wanted scenario `runs` times in
 * order (an unmeasured build first when cold is skipped). Leaves the site edited; throws if a
 * build fails.
 */
export function runBench(options: BenchOptions): ScenarioResult[] {
  const { articles, runs, work, log } = options;
  const site = path.join(work, 'site');
  const content = path.join(site, 'content');
  // A fresh corpus every run: the edit, add and delete scenarios change it, and a corpus left
  // changed by an earlier run would make "1 article added" rewrite a file already there.
  log(`Writing a corpus of ${articles.toLocaleString('en')} articles to ${content} ...`);
  rmSync(work, { recursive: true, force: true });
  writeCorpus(articles, content);
  writeFileSync(path.join(site, 'site.config.ts'), `export default { title: 'Bench', baseUrl: 'https://bench.example/' };\n`);
  const files = articleFiles(content);
  const wanted = new Set<string>(options.scenarios ?? (Object.keys(LABELS) as ScenarioName[]));
  const results: ScenarioResult[] = [];
  const record = (name: ScenarioName, runsDone: BuildRun[]) => {
    const seconds = median(runsDone.map((run) => run.seconds));
    const result: ScenarioResult = {
      name,
      label: LABELS[name],
      runs: runsDone,
      seconds,
      pagesPerSecond: runsDone[0]!.pages / seconds,
      rssMb: median(runsDone.map((run) => run.rssMb)),
    };
    results.push(result);
    log(`${result.label}: ${runsDone.map((run) => run.seconds.toFixed(2)).join(', ')} s (median ${seconds.toFixed(2)} s), peak RSS ${result.rssMb.toFixed(0)} MB`);
  };

  if (wanted.has('cold')) {
    const cold: BuildRun[] = [];
    for (let run = 0; run < runs; run++) {
      rmSync(path.join(site, 'dist'), { recursive: true, force: true });
      rmSync(path.join(site, '.cache'), { recursive: true, force: true });
      cold.push(buildOnce(site));
    }
    record('cold', cold);
  } else {
    buildOnce(site);
  }

  if (wanted.has('warm')) record('warm', Array.from({ length: runs }, () => buildOnce(site)));

  if (wanted.has('edit10')) {
    const edits: BuildRun[] = [];
    for (let run = 0; run < runs; run++) {
      const step = Math.max(1, Math.floor(files.length / 10));
      for (let i = 0; i < 10 && i * step < files.length; i++) {
        const file = path.join(content, files[i * step]!);
        writeFileSync(file, `${readFileSync(file, 'utf8')}\nEdited in bench run ${run}.\n`);
      }
      edits.push(buildOnce(site));
    }
    record('edit10', edits);
  }

  if (wanted.has('add1')) {
    const adds: BuildRun[] = [];
    for (let run = 0; run < runs; run++) {
      const folder = path.join(content, '2026', '01');
      mkdirSync(folder, { recursive: true });
      writeFileSync(
        path.join(folder, `bench-added-${run}.md`),
        `---\ntitle: "Added in bench run ${run}"\ndate: 2026-01-0${1 + (run % 9)}T10:00:00+05:00\ntopic: Culture\ntags: ["Tag 1"]\n---\n\nA new article.\n`,
      );
      adds.push(buildOnce(site));
    }
    record('add1', adds);
  }

  if (wanted.has('delete1')) {
    const deletes: BuildRun[] = [];
    for (let run = 0; run < runs; run++) {
      unlinkSync(path.join(content, files[files.length - 1 - run]!));
      deletes.push(buildOnce(site));
    }
    record('delete1', deletes);
  }
  return results;
}

/** The results as a Markdown table under a line naming the corpus, cores and Node version. */
export function formatTable(options: BenchOptions, results: readonly ScenarioResult[]): string {
  const pages = results[0]?.runs[0]?.pages ?? 0;
  const lines = [
    `Broadsheet ${options.articles.toLocaleString('en')} articles (${pages.toLocaleString('en')} pages), median of ${options.runs}, ` +
      `${availableParallelism()} cores, Node ${process.version}`,
    '',
    '| scenario | wall (s) | pages/s | peak RSS (MB) | articles rendered | pages rendered |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.map((result) => {
      const first = result.runs[0]!;
      return `| ${result.label} | ${result.seconds.toFixed(2)} | ${Math.round(result.pagesPerSecond).toLocaleString('en')} | ${result.rssMb.toFixed(0)} | ${first.articlesRendered.toLocaleString('en')} | ${first.pagesRendered.toLocaleString('en')} |`;
    }),
  ];
  return lines.join('\n');
}

/** Save-to-reload times of the dev server on the bench site (after runBench has built it). */
export async function measureDev(options: BenchOptions): Promise<DevLatency> {
  const site = path.join(options.work, 'site');
  const files = articleFiles(path.join(site, 'content'));
  // Articles spread over the archive, each saved once per run: at least 5 saves.
  const runs = Math.max(5, options.runs * 3);
  const picks = Array.from({ length: runs + 1 }, (_, i) => files[Math.floor((i * files.length) / (runs + 1))]!);
  options.log(`dev server: saving ${runs} articles one at a time ...`);
  return measureDevLatency(site, picks, runs);
}

/** The dev-server medians as text, with the speed-up over the cold and warm builds among `results`. */
export function formatDev(dev: DevLatency, results: readonly ScenarioResult[]): string {
  const reload = median(dev.reloadMs);
  const lines = [
    `Dev server (npm run dev), save one article -> reload event at the browser's event stream, median of ${dev.reloadMs.length}:`,
    `  ${reload.toFixed(0)} ms (runs: ${dev.reloadMs.map((ms) => ms.toFixed(0)).join(', ')}); the update itself ${median(dev.updateMs).toFixed(0)} ms, ${dev.pagesRendered} pages rendered`,
  ];
  for (const name of ['cold', 'warm'] as const) {
    const build = results.find((result) => result.name === name);
    if (build) lines.push(`  vs a ${name} full build (${build.seconds.toFixed(2)} s): ${((build.seconds * 1000) / reload).toFixed(0)}x faster`);
  }
  return lines.join('\n');
}

/** ../shared/bench/compare.sh, when it is there and Hugo is installed: Hugo, Eleventy and us, one run. */
export function runCompare(articles: number, runs: number, log: (line: string) => void): void {
  const script = path.resolve(REPO, '../shared/bench/compare.sh');
  if (!existsSync(script)) {
    log(`(no ${script}: skipping the comparison with Hugo and Eleventy)`);
    return;
  }
  if (spawnSync('hugo', ['version']).status !== 0) {
    log('(hugo is not installed: `apt-get install -y hugo` to compare with Hugo and Eleventy)');
    return;
  }
  log(`Comparing with Hugo and Eleventy (${script} ${articles} ${runs}) ...`);
  log(execFileSync('bash', [script, String(articles), String(runs)], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26 }).trimEnd());
}
