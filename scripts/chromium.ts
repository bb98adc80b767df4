// The browser every browser test and script drives: the `CHROME_PATH` environment variable if
// set, else Debian's chromium at /usr/bin/chromium. Never a browser downloaded by playwright: when
// none is installed, the error says what to install.

import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Where Debian (and Ubuntu's chromium package) installs chromium. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The flags every launch passes: no sandbox (containers, root), no GPU, no background requests. */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** The chromium executable to drive; throws, saying what to install, when there is none. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.CHROME_PATH || DEFAULT_CHROMIUM;
  if (existsSync(chosen)) return chosen;
  throw new Error(
    [
      `No chromium at ${chosen}${env.CHROME_PATH ? ' (from CHROME_PATH)' : ''}. The browser tests drive an installed Chromium or Chrome:`,
      '  Debian, Ubuntu:  sudo apt-get install chromium',
      '  Fedora:          sudo dnf install chromium',
      '  macOS:           brew install --cask chromium',
      'or set CHROME_PATH to a Chromium or Chrome executable, such as',
      '  CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test',
    ].join('\n'),
  );
}

/** Launch chromium (chromiumPath) headless with the usual flags and `extraArgs`. */
export function launchChromium(extraArgs: readonly string[] = [], options: Omit<LaunchOptions, 'executablePath' | 'args'> = {}): Promise<Browser> {
  return chromium.launch({ ...options, executablePath: chromiumPath(), args: [...FLAGS, ...extraArgs] });
}
