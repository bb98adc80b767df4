// `npm run bench`: build a synthetic archive in the scenarios that matter to a newsroom and report
// wall time, CPU (user + sys) and peak memory, as medians of several runs. Each build is a fresh
// `broadsheet build` process, started as CI starts `npm run build` (start-up counts), timed by
// GNU time (timed.ts); the CLI's --stats file gives its page counts and time per phase. With Hugo
// installed, each cold build is paired with a clean Hugo build of the same corpus (hugo.ts), so
// the two compare within one run of this noisy machine.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.js';
import { measureDevLatency, type DevLatency } from './dev-latency.js';
import { buildHugo, hugoVersion, prepareHugo, type HugoSite } from './hugo.js';
import { median, timedRun } from './timed.js';
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
  /** Pair each cold build with a clean Hugo build of the corpus (when Hugo is installed). */
  hugo?: boolean;
  /** The Hugo site (config and layouts) the corpus is built with (default bench/anchors/hugo). */
  hugoSite?: string;
  /** A content folder to build instead of the generated corpus (copied into the work folder). */
  corpus?: string;
}

/** The bench scenarios, in the order runBench runs them. */
export type ScenarioName = 'cold' | 'warm' | 'edit10' | 'add1' | 'delete1';

/** One build: wall seconds, CPU seconds (user, sys) of every thread, peak RSS, counts and phases. */
export interface BuildRun {
  seconds: number;
  user: number;
  sys: number;
  rssMb: number;
  pages: number;
  feeds: number;
  pagesRendered: number;
  articlesRendered: number;
  phases: PhaseTime[];
}

/**
 * One scenario: each run in order, plus medians (`seconds` wall time, `cpu` user + sys, `rssMb`
 * peak RSS); `pagesPerSecond` uses the first run's page count.
 */
export interface ScenarioResult {
  name: ScenarioName;
  label: string;
  runs: BuildRun[];
  seconds: number;
  cpu: number;
  pagesPerSecond: number;
  rssMb: number;
}

/** Hugo's clean builds of the same corpus, paired with our cold ones. */
export interface HugoResult {
  version: string;
  runs: Array<{ seconds: number; user: number; sys: number; rssMb: number; pages: number }>;
}

/** What runBench measured: our scenarios, and Hugo when it is installed and wanted. */
export interface BenchResults {
  scenarios: ScenarioResult[];
  hugo?: HugoResult;
}

const LABELS: Record<ScenarioName, string> = {
  cold: 'cold build (no cache, empty dist/)',
  warm: 'warm build, nothing changed',
  edit10: 'warm build, 10 articles edited',
  add1: 'warm build, 1 article added',
  delete1: 'warm build, 1 article deleted',
};

interface StatsFile {
  pages: number;
  feeds: number;
  pagesRendered: number;
  rendered: number;
  phases: PhaseTime[];
}

/** One build of the site: `broadsheet build` in a child process, as `npm run build` runs it. */
function buildOnce(site: string): BuildRun {
  const folder = mkdtempSync(path.join(tmpdir(), 'broadsheet-stats-'));
  const statsFile = path.join(folder, 'stats.json');
  try {
    const run = timedRun(process.execPath, [CLI, 'build', '--root', site, '--quiet', '--stats', statsFile], REPO);
    const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as StatsFile;
    return {
      seconds: run.wall,
      user: run.user,
      sys: run.sys,
      rssMb: run.rssMb,
      pages: stats.pages,
      feeds: stats.feeds,
      pagesRendered: stats.pagesRendered,
      articlesRendered: stats.rendered,
      phases: stats.phases,
    };
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

/**
 * Delete `work`, write a fresh corpus and site there, and time each wanted scenario `runs` times in
 * order (an unmeasured build first when cold is skipped). Leaves the site edited; throws if a
 * build fails.
 */
export function runBench(options: BenchOptions): BenchResults {
  const { articles, runs, work, log } = options;
  const site = path.join(work, 'site');
  const content = path.join(site, 'content');
  // A fresh corpus every run: the edit, add and delete scenarios change it, and a corpus left
  // changed by an earlier run would make "1 article added" rewrite a file already there.
  rmSync(work, { recursive: true, force: true });
  if (options.corpus) {
    log(`Copying the corpus ${options.corpus} to ${content} ...`);
    cpSync(options.corpus, content, { recursive: true });
  } else {
    log(`Writing a corpus of ${articles.toLocaleString('en')} articles to ${content} ...`);
    writeCorpus(articles, content);
  }
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
      cpu: median(runsDone.map((run) => run.user + run.sys)),
      pagesPerSecond: runsDone[0]!.pages / seconds,
      rssMb: median(runsDone.map((run) => run.rssMb)),
    };
    results.push(result);
    log(`${result.label}: ${runsDone.map((run) => run.seconds.toFixed(2)).join(', ')} s (median ${seconds.toFixed(2)} s, CPU ${result.cpu.toFixed(1)} s), peak RSS ${result.rssMb.toFixed(0)} MB`);
  };

  let hugo: HugoResult | undefined;
  if (wanted.has('cold')) {
    const version = options.hugo ? hugoVersion() : undefined;
    if (options.hugo && !version) log('(hugo is not installed: `apt-get install -y hugo` to compare with Hugo)');
    const anchor = options.hugoSite ?? DEFAULT_HUGO_SITE;
    if (version && !existsSync(anchor)) log(`(no Hugo site at ${anchor}: skipping the comparison with Hugo)`);
    const hugoSite: HugoSite | undefined = version && existsSync(anchor) ? prepareHugo(anchor, content, path.join(work, 'hugo'), version) : undefined;
    if (hugoSite) hugo = { version: hugoSite.version, runs: [] };
    const cold: BuildRun[] = [];
    for (let run = 0; run < runs; run++) {
      if (hugoSite && hugo) {
        const { wall, user, sys, rssMb, pages } = buildHugo(hugoSite);
        hugo.runs.push({ seconds: wall, user, sys, rssMb, pages });
        log(`hugo clean build ${run + 1}: ${wall.toFixed(2)} s, CPU ${(user + sys).toFixed(1)} s, ${rssMb.toFixed(0)} MB`);
      }
      for (const folder of ['dist', '.dist.builds', '.cache']) rmSync(path.join(site, folder), { recursive: true, force: true });
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
  return { scenarios: results, hugo };
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
