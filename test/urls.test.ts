// absoluteUrl joins a plain site path onto a base in normal form without the URL parser (a
// sitemap makes one per page): whatever the path and the base, the result is the parser's.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, isSitePath } from '../src/urls.js';

const BASES = [
  'https://news.example/',
  'https://news.example/kk/sub/',
  'http://localhost:4321/',
  // Not in normal form: the parser's result, however it differs.
  'https://News.Example/news',
  'https://news.example:443/a%7ez/',
  'https://news.example/a b/',
];

/** What the URL parser makes of a site path under `base`: its href, or that it throws. */
const parsed = (base: string, path: string) => outcome(() => new URL(path.replace(/^\//, ''), base).href);

function outcome(make: () => string): string {
  try {
    return make();
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
}

describe('the absolute URL of a site path', () => {
  it('is the URL parser’s, for plain paths and for any other', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_.~%é -]{0,6}$/);
    const paths = fc.array(segment, { maxLength: 4 }).map((parts) => `/${parts.join('/')}${parts.length > 0 ? '/' : ''}`);
    const files = fc.tuple(paths, fc.stringMatching(/^[A-Za-z0-9_-]{1,5}\.[A-Za-z0-9]{1,4}$/)).map(([folder, file]) => `${folder}${file}`);
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.oneof(paths, files, fc.string()), (base, path) => {
        const url = path.startsWith('/') ? path : `/${path}`;
        // A protocol-relative URL ("//host/x") is another host's: not a site path.
        fc.pre(isSitePath(url));
        expect(outcome(() => absoluteUrl(base, url))).toBe(parsed(base, url));
      }),
      { numRuns: 2000 },
    );
  });

  it('for the paths a site makes, under a base with a path', () => {
    for (const path of ['/', '/2025/12/18/new-direct-flight/', '/feed.xml', '/tags/almaty/page/2/', '/Upper_Case/x.json']) {
      expect(absoluteUrl('https://news.example/kk/', path)).toBe(`https://news.example/kk/${path.slice(1)}`);
    }
  });
});
