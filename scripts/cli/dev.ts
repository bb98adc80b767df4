// `broadsheet dev`: the dev server (src/dev/) started with the flags given, each update printed
// with its time, what the site leaves out (drafts, scheduled and expired articles) said when it
// changes, and Ctrl-C or SIGTERM closing it cleanly (exit 0).

import path from 'node:path';
import { allLeftOut } from '../../src/model/languages.js';
import { draftsShownLine, leftOutLines, noProgress, summaryLine, terminalProgress } from '../../src/report.js';
import type { Site } from '../../src/types/index.js';
import { explainSystemError } from '../../src/write/os-errors.js';
import { siteOptions, type SiteFlags } from './build.js';
import { paint, printProblems, reportingFailures, textReporter } from './output.js';

/** The flags of dev. */
export interface DevFlags extends SiteFlags {
  port?: number;
  host?: string;
}

const time = () => new Date().toTimeString().slice(0, 8);

/**
 * The lines saying what the served site leaves out and which drafts it shows, printed when they
 * differ from the last ones printed (a new draft, a draft published), not at every update.
 */
function siteContents(): (served: Site | undefined) => void {
  let last = '';
  return (served) => {
    if (!served) return;
    const lines = [...leftOutLines(allLeftOut(served), 'dev'), draftsShownLine(served)].filter((line) => line !== undefined);
    const now = lines.join('\n');
    if (now === last) return;
    last = now;
    for (const line of lines) console.log(`${time()} ${line}`);
  };
}

/** Run the dev server until a signal; resolves to the exit code. */
export function runDev(flags: DevFlags): Promise<number> {
  return reportingFailures({ failed: 'Dev server failed', unchanged: 'The previous output is unchanged.' }, textReporter(flags.root ?? '.'), () => serve(flags));
}

async function serve(flags: DevFlags): Promise<number> {
  const { startDev, DEFAULT_PORT, DEFAULT_HOST, PortInUseError } = await import('../../src/dev/index.js');
  const tellContents = siteContents();
  let handle;
  try {
    handle = await startDev({
      ...siteOptions(flags),
      host: flags.host ?? DEFAULT_HOST,
      port: flags.port ?? DEFAULT_PORT,
      progress: process.stderr.isTTY && !process.env.CI ? terminalProgress(process.stderr) : noProgress,
      onUpdate(result, paths, served) {
        const cause = paths.length === 0 ? '' : ` (${paths.length === 1 ? path.relative(process.cwd(), paths[0]!) : `${paths.length} files`})`;
        if (!result.ok) {
          console.error(`${time()} ${paint('red', 'Not rebuilt')}${cause}: the last good pages are still served.`);
          printProblems(result.problems, flags.root ?? '.');
          return;
        }
        printProblems(result.warnings, flags.root ?? '.');
        if (result.build) console.log(`${time()} ${summaryLine(result.build.stats, 'Built')}`);
        else if (result.mode === 'content') console.log(`${time()} Updated ${result.changed.length} files (${result.pagesRendered} pages rendered) in ${Math.round(result.milliseconds)} ms${cause}`);
        tellContents(served);
      },
      onError(error) {
        // A full disk and the like in one line; anything else is a bug, with its stack.
        const system = explainSystemError(error);
        if (system) console.error(`${time()} ${paint('red', 'Not rebuilt')}: ${system.message}`);
        else console.error(`${time()} ${paint('red', 'Broadsheet failed')}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    });
  } catch (error) {
    if (error instanceof PortInUseError) {
      console.error(paint('red', error.message));
      return 1;
    }
    throw error;
  }
  console.log(`Serving ${paint('bold', handle.url)} (Ctrl-C to stop). Watching content/, templates/, static/ and the config.`);
  const opened = handle;
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      console.log('\nStopping.');
      void opened
        .close()
        .then(async () => (await import('../../src/search/pagefind.js')).endSearchProcesses())
        .then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
