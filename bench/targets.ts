// The publish-cost targets (issue 20) checked against one bench run. Time targets are ratios to the
// anchors built in the same run (Hugo's clean build; Hugo + Pagefind's CLI for a site with
// search), so a slow or busy machine moves both sides; they are reported met or missed, never
// failed on, as one run on a shared machine cannot prove a ratio. Two targets are invariants that
// hold on any machine, and fail the check: a build with nothing changed changes no file of dist/,
// and publishing one article changes no more files in a large archive than in a small one (beyond
// a few more articles whose related list shows it).

import { anchorMedians, medianChangesRun } from './format.js';
import type { BenchResults, ScenarioResult } from './measure.js';

/** One target: what it asks, what the run measured, and whether it was met. */
export interface TargetRow {
  target: string;
  measured: string;
  met: boolean;
  /** An invariant (fails the check when missed), not a ratio to an anchor. */
  invariant: boolean;
}

/**
 * How many more files publishing one article may change in the larger archive than in the smaller:
 * articles whose related list now shows the new one (test/publish.test.ts allows as many).
 */
export const RELATED_SLACK = 8;

/** A bench run and its corpus size. */
export interface SizedRun {
  articles: number;
  results: BenchResults;
}

/**
 * The targets `run` can speak to: the time ratios when Hugo ran in it, the nothing-changed
 * invariant when the warm scenario ran, and the files-changed bound when `smaller` (a run on a
 * smaller archive) and both ran the add1 scenario.
 */
export function checkTargets(run: SizedRun, smaller?: SizedRun): TargetRow[] {
  const rows: TargetRow[] = [];
  const { results } = run;
  const find = (name: ScenarioResult['name']) => results.scenarios.find((result) => result.name === name);
  const anchors = results.hugo && anchorMedians(results.hugo);
  const ratio = (value: number, anchor: number, most: number, target: string, what: string) => {
    const x = value / anchor;
    rows.push({ target, measured: `${x.toFixed(2)}x (${what})`, met: x <= most, invariant: false });
  };
  const cold = find('cold');
  if (cold && anchors?.both) {
    ratio(cold.seconds, anchors.both.seconds, 1, 'first build, wall time ≤ 1.0x Hugo + Pagefind', `${cold.seconds.toFixed(2)} s against ${anchors.both.seconds.toFixed(2)} s`);
    ratio(cold.cpu, anchors.both.cpu, 1, 'first build, CPU time ≤ 1.0x Hugo + Pagefind', `${cold.cpu.toFixed(1)} s against ${anchors.both.cpu.toFixed(1)} s`);
  }
  const edit = find('edit10');
  if (edit && anchors) ratio(edit.seconds, anchors.hugo.seconds, 0.1, "ten articles edited ≤ 0.1x Hugo's clean build", `${edit.seconds.toFixed(2)} s against ${anchors.hugo.seconds.toFixed(2)} s`);
  const add = steadyAdd(results);
  if (add && anchors) ratio(add.seconds, anchors.hugo.seconds, 0.05, "one article added ≤ 0.05x Hugo's clean build", `${add.seconds.toFixed(2)} s against ${anchors.hugo.seconds.toFixed(2)} s`);
  const warm = find('warm');
  if (warm) {
    const changed = warm.runs.map((build) => build.changes?.total ?? 0);
    rows.push({ target: 'nothing changed: no file of dist/ changes', measured: `${changed.join(', ')} files changed`, met: changed.every((count) => count === 0), invariant: true });
  }
  const smallAdd = smaller && steadyAdd(smaller.results);
  if (add && smallAdd && smaller) {
    const large = medianChangesRun(add).changes?.total ?? 0;
    const small = medianChangesRun(smallAdd).changes?.total ?? 0;
    rows.push({
      target: `one article added: as many files changed at ${count(run.articles)} articles as at ${count(smaller.articles)} (${RELATED_SLACK} more at most)`,
      measured: `${large} files at ${count(run.articles)}, ${small} at ${count(smaller.articles)}`,
      met: large <= small + RELATED_SLACK,
      invariant: true,
    });
  }
  return rows;
}

/** The targets as a Markdown table. */
export function formatTargets(rows: readonly TargetRow[]): string {
  if (rows.length === 0) return 'No target applies to this run (the time targets need Hugo installed and the cold scenario).';
  return [
    'Targets (issue 20): time ratios are reported; the invariants fail the check when missed.',
    '',
    '| target | measured | met? |',
    '|---|---|---|',
    ...rows.map((row) => `| ${row.target}${row.invariant ? ' (invariant)' : ''} | ${row.measured} | ${row.met ? 'yes' : 'no'} |`),
  ].join('\n');
}

/** The steady-state add1 scenario: the runs after the day's first article (runBench reports that one apart, first). */
function steadyAdd(results: BenchResults): ScenarioResult | undefined {
  return results.scenarios.filter((result) => result.name === 'add1').at(-1);
}

function count(articles: number): string {
  return articles.toLocaleString('en');
}
