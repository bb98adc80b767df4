// `npm run bench`: build a synthetic archive in the scenarios that matter to a newsroom and report
// wall time, CPU and peak memory of every process each build starts (timed.ts: a cgroup per build
// where the machine allows, else GNU time), as medians of several runs. Each build is a fresh
// process of the compiled CLI (bin/broadsheet.js running lib/bundle/, compiled first: what users run,
// with the cache identity they get), started as CI starts `npm run build` (start-up counts); the
// CLI's --stats file gives its page counts, files written and time per phase. The warm scenarios
// also count the files that changed in dist/ (manifest.ts). With Hugo installed, each cold build is
// paired with a clean Hugo build of the same corpus and Pagefind's CLI over Hugo's pages (hugo.ts),
// so the three compare within one run of this noisy machine.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addOne, deleteOne, editTen } from './changes.js';
import { writeCorpus } from './corpus.js';
import { measureDevLatency, type DevLatency } from './dev-latency.js';
import { Graveyard } from './graveyard.js';
import { buildAnchors, hugoVersion, prepareAnchors, type HugoResult } from './hugo.js';
import { compareManifests, outputManifest, type Manifest, type OutputChanges } from './manifest.js';
import { countMethod, median, timedRun, type CountMethod, type TimedRun } from './timed.js';
import type { PhaseTime } from '../src/timing.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(REPO, 'bin/broadsheet.js');
/** The Hugo site the bench builds the corpus with unless told another (--hugo-site). */
export const DEFAULT_HUGO_SITE = path.join(REPO, 'bench/anchors/hugo');

/** Options for runBench and measureDev; `runs` is builds per scenario, `log` receives progress lines. */
export interface BenchOptions {
  articles: number;
  runs: number;
  /** Folder for the corpus and the site (default /tmp/broadsheet-bench-<articles>). */
  work: string;
  /** Scenarios to run (default all). */
  scenarios?: readonly ScenarioName[];
  log: (line: string) => void;
  /** Pair each cold build with a clean Hugo build of the corpus and Pagefind over it (when Hugo is installed). */
  hugo?: boolean;
  /** The Hugo site (config and layouts) the corpus is built with (default bench/anchors/hugo). */
  hugoSite?: string;
  /** A content folder to build instead of the generated corpus (copied into the work folder). */
  corpus?: string;
  /** Articles of the generated corpus with a lead photo (default none). */
  photos?: number;
  /** Of those photos, how many different pictures (default: as many as photos). */
  distinctPhotos?: number;
}

/** The bench scenarios, in the order runBench runs them. */
export type ScenarioName = 'cold' | 'warm' | 'edit10' | 'add1' | 'delete1';

/** One build: its cost (timed.ts), counts and phases from its --stats file, and what it changed in dist/. */
export interface BuildRun extends Omit<TimedRun, 'stdout' | 'wall'> {
  /** Wall time, s. */
  seconds: number;
  /** Peak RSS of the build's Node process alone, as it reports it. */
  nodeRssMb: number;
  pages: number;
  feeds: number;
  pagesRendered: number;
  articlesRendered: number;
  /** Files the build wrote ("files: N written"). */
  written: number;
  /** Files that differ in dist/ from before the build (warm scenarios). */
  changes?: OutputChanges;
  phases: PhaseTime[];
}

/** One scenario (one row): each run in order, and medians of wall seconds, CPU seconds and peak memory. */
export interface ScenarioResult {
  name: ScenarioName;
  label: string;
  runs: BuildRun[];
  seconds: number;
  cpu: number;
  peakMb: number;
}

/** What runBench measured: how, our scenarios, and the anchors when Hugo is installed and wanted. */
export interface BenchResults {
  method: CountMethod;
  scenarios: ScenarioResult[];
  hugo?: HugoResult;
}

const LABELS: Record<ScenarioName, string> = {
  cold: 'cold build (no cache, empty dist/)',
  warm: 'warm build, nothing changed',
  edit10: 'warm build, 10 articles edited',
  add1: 'warm build, 1 more article added today',
  delete1: 'warm build, 1 article deleted',
};

interface StatsFile {
  pages: number;
  feeds: number;
  pagesRendered: number;
  rendered: number;
  written: number;
  peakRssMb: number;
  phases: PhaseTime[];
}

/** Compile src/ to lib/ (`npm run compile`; nothing to do when lib/ is current), so every build runs what users run. */
export function compileLib(log: (line: string) => void): void {
  log('Compiling lib/ (tsc -b tsconfig.build.json, then the bundle) so the builds run the compiled CLI ...');
  execFileSync(process.execPath, [path.join(REPO, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit' });
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bundle.ts'], { cwd: REPO, stdio: 'inherit' });
}

/** One build of the site (`broadsheet build` in a child process, as `npm run build` runs it); with `before`, what it changed in dist/. */
async function buildOnce(site: string, before?: Manifest): Promise<{ run: BuildRun; after?: Manifest }> {
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-stats-'));
  const statsFile = path.join(folder, 'stats.json');
  try {
    const { stdout: _, wall, ...cost } = await timedRun(process.execPath, [CLI, 'build', '--root', site, '--quiet', '--stats', statsFile], REPO);
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as StatsFile;
    const after = before ? outputManifest(path.join(site, 'dist')) : undefined;
    const run: BuildRun = {
      ...cost,
      seconds: wall,
      nodeRssMb: stats.peakRssMb,
      pages: stats.pages,
      feeds: stats.feeds,
      pagesRendered: stats.pagesRendered,
      articlesRendered: stats.rendered,
      written: stats.written,
      changes: before && after ? compareManifests(before, after) : undefined,
      phases: stats.phases,
    };
    return { run, after };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function articleFiles(content: string): string[] {
  return readdirSync(content, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.md'))
    .sort();
}

function scenario(name: ScenarioName, runs: BuildRun[], label = LABELS[name]): ScenarioResult {
  return {
    name,
    label,
    runs,
    seconds: median(runs.map((run) => run.seconds)),
    cpu: median(runs.map((run) => run.cpu)),
    peakMb: median(runs.map((run) => run.peakMb)),
  };
}

/** A log line for a scenario's runs. */
function runsLine(result: ScenarioResult): string {
  const changed = result.runs[0]?.changes ? `; files written ${result.runs.map((run) => run.written).join(', ')}, changed in dist/ ${result.runs.map((run) => run.changes!.total).join(', ')}` : '';
  return `${result.label}: ${result.runs.map((run) => run.seconds.toFixed(2)).join(', ')} s (median ${result.seconds.toFixed(2)} s, CPU ${result.cpu.toFixed(1)} s, peak ${result.peakMb.toFixed(0)} MB${changed})`;
}

/**
 * Delete `work`, write a fresh corpus and site there, and time each wanted scenario `runs` times in
 * order (an unmeasured build first when cold is skipped). Leaves the site edited; throws if a
 * build fails.
 */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const { articles, runs, work, log } = options;
  const site = path.join(work, 'site');
  const content = path.join(site, 'content');
  // A fresh corpus every run: the edit, add and delete scenarios change it, and a corpus left
  // changed by an earlier run would make "1 article added" rewrite a file already there. The old
  // one is set aside, not deleted, until every build is measured (graveyard.ts).
  const graveyard = new Graveyard(`${work}.removed`);
  graveyard.bury(work);
  if (options.corpus) {
    log(`Copying the corpus ${options.corpus} to ${content} ...`);
    cpSync(options.corpus, content, { recursive: true });
  } else {
    log(`Writing a corpus of ${articles.toLocaleString('en')} articles${options.photos ? `, ${options.photos.toLocaleString('en')} with a lead photo,` : ''} to ${content} ...`);
    await writeCorpus(articles, content, options.photos ?? 0, options.distinctPhotos ?? options.photos ?? 0);
  }
  writeFileSync(path.join(site, 'site.config.ts'), `export default { title: 'Bench', baseUrl: 'https://bench.example/' };\n`);
  const files = articleFiles(content);
  const wanted = new Set<string>(options.scenarios ?? (Object.keys(LABELS) as ScenarioName[]));
  const method = countMethod();
  const results: ScenarioResult[] = [];
  const record = (result: ScenarioResult) => {
    results.push(result);
    log(runsLine(result));
  };

  let hugo: HugoResult | undefined;
  if (wanted.has('cold')) {
    const anchors = options.hugo ? prepareAnchors(options.hugoSite ?? DEFAULT_HUGO_SITE, content, path.join(work, 'hugo'), graveyard, log) : undefined;
    if (anchors) hugo = { version: anchors.site.version, pagefind: anchors.pagefind?.version, runs: [] };
    const cold: BuildRun[] = [];
    for (let run = 0; run < runs; run++) {
      if (anchors && hugo) hugo.runs.push(await buildAnchors(anchors, run, log));
      for (const folder of ['dist', '.dist.builds', '.cache']) graveyard.bury(path.join(site, folder));
      cold.push((await buildOnce(site)).run);
    }
    record(scenario('cold', cold));
  } else {
    log('An unmeasured first build ...');
    await buildOnce(site);
  }

  // Each warm build's "before" is the last build's output (hashed only when a warm scenario runs).
  let manifest: Manifest = [...wanted].some((name) => name !== 'cold') ? outputManifest(path.join(site, 'dist')) : new Map();
  const warmRuns = async (change: (run: number) => void): Promise<BuildRun[]> => {
    const done: BuildRun[] = [];
    for (let run = 0; run < runs; run++) {
      change(run);
      const { run: measured, after } = await buildOnce(site, manifest);
      manifest = after!;
      done.push(measured);
    }
    return done;
  };

  if (wanted.has('warm')) record(scenario('warm', await warmRuns(() => {})));
  if (wanted.has('edit10')) record(scenario('edit10', await warmRuns((run) => editTen(content, files, run))));
  if (wanted.has('add1')) {
    // The generated corpus ends in 2025: the first article dated today opens a new month (and
    // year) in the archive, its lists and its search shards, as only the day's first article
    // does. Reported apart, once; the runs after it are the steady state of a day's news.
    addOne(content, 'first', Date.now());
    const first = await buildOnce(site, manifest);
    manifest = first.after!;
    record(scenario('add1', [first.run], 'warm build, 1 article added: the first dated today (one run)'));
    record(scenario('add1', await warmRuns((run) => addOne(content, `run-${run}`, Date.now()))));
  }
  if (wanted.has('delete1')) record(scenario('delete1', await warmRuns((run) => deleteOne(content, files, run))));
  log(`Deleting what the bench set aside (${graveyard.dir}) ...`);
  graveyard.clear();
  return { method, scenarios: results, hugo };
}

/** Save-to-reload times of the dev server on the bench site (after runBench has built it), running the compiled lib/. */
export async function measureDev(options: BenchOptions): Promise<DevLatency> {
  const site = path.join(options.work, 'site');
  const files = articleFiles(path.join(site, 'content'));
  // Articles spread over the archive, each saved once per run: at least 5 saves.
  const runs = Math.max(5, options.runs * 3);
  const picks = Array.from({ length: runs + 1 }, (_, i) => files[Math.floor((i * files.length) / (runs + 1))]!);
  options.log(`dev server: saving ${runs} articles one at a time ...`);
  // The dev server runs in this process, loaded from lib/ (what `broadsheet dev` runs), not through
  // tsx from src/: the cache it saves then has the compiled CLI's identity, and the next build of
  // the site finds it current.
  return measureDevLatency(site, picks, runs, path.join(REPO, 'lib/src/dev/index.js'));
}

/** A comparison script (`--compare SCRIPT`, run as `bash SCRIPT ARTICLES RUNS` in the repository), when Hugo is installed. */
export function runCompare(script: string, articles: number, runs: number, log: (line: string) => void): void {
  if (!existsSync(script)) {
    log(`(no ${script}: skipping the comparison with Hugo and Eleventy)`);
    return;
  }
  if (!hugoVersion()) {
    log('(hugo is not installed: `apt-get install -y hugo` to compare with Hugo and Eleventy)');
    return;
  }
  log(`Comparing with Hugo and Eleventy (${script} ${articles} ${runs}) ...`);
  log(execFileSync('bash', [script, String(articles), String(runs)], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26 }).trimEnd());
}
