// The content folder scanned on a thread of its own while the cache opens (src/render/content-scan.ts):
// the thread finds what the main thread finds, and a warm build that takes its answer writes what
// a clean build writes. The thread runs compiled code only, so these use lib/ (compiled by `tsc -b`
// before the tests run) and the installed command.

import { createHash } from 'node:crypto';
import { readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as ContentScanModule from '../src/render/content-scan.js';
import { cleanBuildOf, differences } from './helpers/dev.js';
import { article, makeSite, REPO, runCli } from './helpers/site.js';

const compiled = (await import(path.join(REPO, 'lib/src/render/content-scan.js'))) as typeof ContentScanModule;
const NOW = Date.parse('2026-01-01T00:00:00Z');
// A site this small scans on the main thread unless told a thread pays from any cache index.
const ENV = { SOURCE_DATE_EPOCH: String(NOW / 1000), BROADSHEET_SCAN_THREAD_FROM_BYTES: '1' };

/** A site of two articles and a note; `link`: also a link to an article outside the site (an error). */
function site({ link = true } = {}): string {
  const outside = makeSite({ 'stolen.md': article({ title: 'Not ours', date: '2025-11-01' }) });
  const root = makeSite({
    'site.config.mjs': "export default { title: 'Scan Times' };\n",
    // Not ASCII: a hash of the bytes read as anything but UTF-8 would differ.
    'content/2025/11/a.md': article({ title: 'First', date: '2025-11-02 10:00', topic: 'Politics', tags: '[Almaty]' }, 'Алматы — «жаңалықтар».'),
    'content/2025/11/b.md': article({ title: 'Second', date: '2025-11-03 10:00', topic: 'Culture' }),
    'content/2025/11/notes.txt': 'an editor note',
  });
  if (link) symlinkSync(path.join(outside, 'stolen.md'), path.join(root, 'content/2025/11/stolen.md'));
  return root;
}

describe('the content folder scanned on a thread', () => {
  it('finds the same files, links refused, files nothing reads and stamps as a scan on the main thread', async () => {
    const root = site();
    const paths = { root, contentPath: path.join(root, 'content'), allowOutsidePaths: [] };
    // A cache index of 10 MB (~10,000 articles) opens meanwhile: worth a thread. The cache was
    // saved before a.md was last written and after b.md was: the thread reads and hashes a.md only.
    const bWritten = statSync(path.join(root, 'content/2025/11/b.md')).mtimeMs;
    utimesSync(path.join(root, 'content/2025/11/a.md'), new Date(bWritten + 60_000), new Date(bWritten + 60_000));
    const threaded = compiled.startContentScan(paths, { indexBytes: 10_000_000, savedAtMs: bWritten + 30_000 });
    const onThread = await threaded.result;
    const { hashes, ...scanned } = onThread;
    expect(scanned).toEqual(compiled.scanContent(paths));
    expect(hashes).toEqual([createHash('sha1').update(readFileSync(path.join(root, 'content/2025/11/a.md'), 'utf8')).digest('hex'), undefined]);
    expect(onThread.files).toEqual(['2025/11/a.md', '2025/11/b.md']);
    expect(onThread.problems.map((problem) => problem.file)).toEqual(['content/2025/11/stolen.md']);
    expect(onThread.others).toEqual(['2025/11/notes.txt']);
    expect(onThread.stamps.every((stamp) => stamp !== undefined && stamp.size > 0)).toBe(true);
    expect(threaded.startedMs).toBeLessThanOrEqual(Date.now());
  });

  it('gives a warm build of the installed command what it needs: after a checkout, an edit and a publish, the output equals a clean build', async () => {
    const root = site({ link: false });
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of ['content/2025/11/a.md', 'content/2025/11/b.md']) utimesSync(path.join(root, file), hourAgo, hourAgo);
    const first = await runCli(['build'], root, ENV);
    expect(first.code, first.stderr).toBe(0);
    // As a checkout leaves it: a.md's bytes as they were, its time after the cache's (the thread reads and hashes it).
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'content/2025/11/a.md'), later, later);
    writeFileSync(path.join(root, 'content/2025/11/b.md'), article({ title: 'Second, corrected', date: '2025-11-03 10:00', topic: 'Culture' }));
    writeFileSync(path.join(root, 'content/2025/11/c.md'), article({ title: 'Third', date: '2025-11-04 10:00', topic: 'Politics', tags: '[Almaty]' }));
    const warm = await runCli(['build'], root, ENV);
    expect(warm.code, warm.stderr).toBe(0);
    // The note nothing reads is still reported, from the thread's scan.
    expect(warm.stderr).toContain('content/2025/11/notes.txt');
    expect(warm.stdout).toMatch(/\(updated: 2 articles changed since the last build\).*articles: 1 from cache, 2 rendered/);
    expect(differences(path.join(root, 'dist'), await cleanBuildOf(root, NOW), { search: true })).toEqual([]);
  });
});
