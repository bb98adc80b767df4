// `broadsheet build` and `broadsheet check`: the build (src/build.ts) with the flags given, its
// progress, problems and closing summary printed in the format asked for, Ctrl-C and SIGTERM
// turned into a clean stop. `check` builds in memory without the cache: it writes nothing, and so
// takes no lock and runs beside `dev` or a build.

import { constants as osConstants } from 'node:os';
import { allLeftOut } from '../../src/model/languages.js';
import { localBaseUrlNote, checkSummaryLine, leftOutLines, noProgress, plainProgress, summaryLine, terminalProgress } from '../../src/report.js';
import { explainSystemError } from '../../src/write/os-errors.js';
import { reporterFor, type Format } from './formats.js';
import { paint, reportingFailures, type FailureWords, type Reporter } from './output.js';

/** The flags build, check and dev share, as commander gives them. */
export interface SiteFlags {
  root?: string;
  out?: string;
  baseUrl?: string;
  drafts?: boolean;
  future?: boolean;
  expired?: boolean;
  strict?: boolean;
  threads: number | 'auto';
}

/** The flags of build and check. */
export interface BuildFlags extends SiteFlags {
  cache: boolean;
  quiet?: boolean;
  stats?: string;
  format: Format;
}

/** The build options of the site flags. */
export function siteOptions(flags: SiteFlags) {
  return {
    root: flags.root,
    outDir: flags.out,
    baseUrl: flags.baseUrl,
    drafts: flags.drafts,
    future: flags.future,
    expired: flags.expired,
    strict: flags.strict,
    threads: flags.threads,
  };
}

const WORDS: Record<'build' | 'check', FailureWords> = {
  build: { failed: 'Build failed', unchanged: 'Nothing was written; the previous output is unchanged.' },
  check: { failed: 'Check failed', unchanged: 'Nothing is written by check.' },
};

/** Run build or check with `flags`; resolves to the exit code. */
export async function runBuild(command: 'build' | 'check', flags: BuildFlags): Promise<number> {
  const reporter = await reporterFor(flags.format, command, flags.root ?? '.');
  return reportingFailures(WORDS[command], reporter, () => buildAndReport(command, flags, reporter));
}

async function buildAndReport(command: 'build' | 'check', flags: BuildFlags, reporter: Reporter): Promise<number> {
  const checkOnly = command === 'check';
  const quiet = flags.quiet ?? false;
  // Loaded here, not at the top: `broadsheet --help` and a usage error need none of the pipeline.
  const { build, BuildInterrupted } = await import('../../src/build.js');
  const { MemoryWriter } = await import('../../src/write/memory-writer.js');
  const { endSearchProcesses } = await import('../../src/search/pagefind.js');
  const { checkStatsFile, writeStatsFile } = await import('../../src/write/stats-file.js');
  // Refused before building, not after the new site is in place.
  if (flags.stats) checkStatsFile(flags.stats);
  const interrupt = interruptOnSignals();
  const machine = flags.format === 'json';
  let result;
  try {
    result = await build({
      ...siteOptions(flags),
      // check reads and writes no cache: .cache/ may be another process's at this moment.
      cache: checkOnly ? false : flags.cache,
      writer: checkOnly ? new MemoryWriter({ keepContents: false }) : undefined,
      progress: quiet || machine ? noProgress : process.stderr.isTTY && !process.env.CI ? terminalProgress(process.stderr) : plainProgress((line) => console.log(line)),
      signal: interrupt.signal,
    });
  } catch (error) {
    if (!(error instanceof BuildInterrupted)) throw error;
    reporter.stopped(error.message);
    return interrupt.exitCode();
  } finally {
    interrupt.dispose();
    // Pagefind's processes end with the build, reaped: none is left for the system to adopt.
    await endSearchProcesses();
  }
  reporter.warnings(result.warnings);
  // Peak RSS of the whole process, worker threads included (they share it).
  if (flags.stats) {
    try {
      writeStatsFile(flags.stats, { ...result.stats, peakRssMb: process.resourceUsage().maxRSS / 1024 });
    } catch (error) {
      const system = explainSystemError(error, checkOnly ? '' : 'The new site is in place; only its figures were not written.');
      if (!system) throw error;
      reporter.stopped(`Build figures not written: ${system.message}`);
      return 1;
    }
  }
  if (!quiet) {
    if (result.cacheNotice) reporter.note(`Note: ${result.cacheNotice}.`);
    const baseUrlNote = checkOnly ? undefined : localBaseUrlNote(result.config.baseUrl);
    if (baseUrlNote) reporter.note(baseUrlNote);
    for (const line of leftOutLines(allLeftOut(result.site))) reporter.note(line);
  }
  if (!quiet || machine) reporter.finished(checkOnly ? checkSummaryLine(result.stats, result.warnings.length) : summaryLine(result.stats, 'Built'));
  if (interrupt.signal.aborted) {
    console.error(paint('red', 'Interrupted after the build finished: the new site is in place.'));
    return interrupt.exitCode();
  }
  return 0;
}

/**
 * SIGINT (Ctrl-C) and SIGTERM abort the returned signal, so the build ends its threads and child
 * processes and releases its lock; the exit code is then 128 + the signal's number (130, 143). A
 * second signal ends the process at once: the output folder is whole either way.
 */
function interruptOnSignals(): { signal: AbortSignal; exitCode(): number; dispose(): void } {
  const controller = new AbortController();
  let received: NodeJS.Signals | undefined;
  const exitCode = () => 128 + (received ? osConstants.signals[received] : 0);
  const onSignal = (name: NodeJS.Signals) => {
    if (received) {
      console.error(paint('red', `Interrupted again: stopping now. The output folder is one whole site; the next build finishes what this one started.`));
      process.exit(exitCode());
    }
    received = name;
    controller.abort(name);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    exitCode,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
