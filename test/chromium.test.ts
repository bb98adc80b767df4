// Where the browser tests find chromium (scripts/chromium.ts): CHROME_PATH, else Debian's path;
// with none there, an error saying what to install.

import { describe, expect, it } from 'vitest';
import { chromiumPath, DEFAULT_CHROMIUM } from '../scripts/chromium.js';

describe('the browser the tests drive', () => {
  it('is the one CHROME_PATH names, else /usr/bin/chromium', () => {
    expect(chromiumPath({ CHROME_PATH: process.execPath })).toBe(process.execPath);
    expect(DEFAULT_CHROMIUM).toBe('/usr/bin/chromium');
  });

  it('when missing, is an error saying what to install and how to name another', () => {
    expect(() => chromiumPath({ CHROME_PATH: '/nowhere/chromium' })).toThrow(/^No chromium at \/nowhere\/chromium \(from CHROME_PATH\)\.[\s\S]*sudo apt-get install chromium[\s\S]*set CHROME_PATH to a Chromium or Chrome executable/);
  });
});
