// The output manifest's files looked up in its whole file without parsing every line
// (src/write/manifest-files.ts): whatever is asked, they answer as a Map of every file would.

import { describe, expect, it } from 'vitest';
import { ManifestFiles, type ManifestEntry } from '../src/write/manifest-files.js';

/** A whole file's text of `files` (sorted by path, as the build writes it), after a header line. */
function wholeText(files: Map<string, ManifestEntry>): { text: string; from: number } {
  const header = `${JSON.stringify({ format: 2, outPath: '/site/dist', files: files.size })}\n`;
  const lines = [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([file, { fingerprint, size, mtimeMs }]) => `${JSON.stringify([file, fingerprint, size, mtimeMs])}\n`);
  return { text: header + lines.join(''), from: header.length };
}

/** A small deterministic random source (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FOLDERS = ['2025/12/01/', '2025/12/02/', 'pagefind/2025-12/', 'pagefind/2025-12-17/', 'pagefind/2026-01/', 'tags/almaty/', 'Ünicode/қала/'];

function someFiles(count: number, next: () => number): Map<string, ManifestEntry> {
  const files = new Map<string, ManifestEntry>();
  while (files.size < count) {
    const file = `${FOLDERS[Math.floor(next() * FOLDERS.length)]}f${Math.floor(next() * 1000)}.html`;
    files.set(file, { fingerprint: `p${Math.floor(next() * 1e6)}`, size: Math.floor(next() * 5000), mtimeMs: 1796643510624.1003 + files.size });
  }
  return files;
}

describe('the output manifest read from its whole file', () => {
  it('answers every get, has, size and folder listing as a Map of every file does, through any sequence of sets and deletes', () => {
    const next = random(20);
    const model = someFiles(400, next);
    const { text, from } = wholeText(model);
    const files = ManifestFiles.lines(text, from, model.size);
    const sorted = (entries: Iterable<[string, ManifestEntry]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
    const known = [...model.keys()];
    // Past the lookups after which every line is made into a Map (LOOKUPS_BEFORE_WHOLE): both ways are asked.
    for (let step = 0; step < 15000; step++) {
      const pick = next();
      const file = next() < 0.8 ? known[Math.floor(next() * known.length)]! : `${FOLDERS[Math.floor(next() * FOLDERS.length)]}new${step}.html`;
      if (pick < 0.3) {
        const entry = { fingerprint: `q${step}`, size: step, mtimeMs: step + 0.5 };
        files.set(file, entry);
        model.set(file, entry);
        known.push(file);
      } else if (pick < 0.5) {
        expect(files.delete(file)).toBe(model.delete(file));
      } else if (pick < 0.6) {
        const folder = FOLDERS[Math.floor(next() * FOLDERS.length)]!;
        expect(files.under(folder)).toEqual(sorted([...model].filter(([path]) => path.startsWith(folder))));
      } else {
        expect(files.get(file)).toEqual(model.get(file));
        expect(files.has(file)).toBe(model.has(file));
      }
      expect(files.size).toBe(model.size);
    }
    // Every file at once: the same set, made into a Map.
    expect(sorted(files.asMap())).toEqual(sorted(model));
    // A folder listed, then a file coming into it, then another going: each next listing has the change.
    const folder = FOLDERS[0]!;
    const listed = files.under(folder);
    const entry = { fingerprint: 'late', size: 1, mtimeMs: 2 };
    files.set(`${folder}zz-late.html`, entry);
    expect(files.under(folder)).toEqual([...listed, [`${folder}zz-late.html`, entry]]);
    files.delete(listed[0]![0]);
    expect(files.under(folder)).toEqual([...listed.slice(1), [`${folder}zz-late.html`, entry]]);
  });

  it('gives one entry object per file, as a Map does, before and after making them all into one', () => {
    const model = someFiles(50, random(7));
    const { text, from } = wholeText(model);
    const files = ManifestFiles.lines(text, from, model.size);
    const file = [...model.keys()][10]!;
    const looked = files.get(file);
    expect(files.get(file)).toBe(looked);
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    expect(files.under(folder).find(([path]) => path === file)?.[1]).toBe(looked);
    expect(files.asMap().get(file)).toBe(looked);
  });

  it('is not read when its file has fewer or more lines than the header counts (cut short, or not a manifest)', () => {
    const model = someFiles(20, random(3));
    const { text, from } = wholeText(model);
    expect(() => ManifestFiles.lines(text, from, model.size + 1)).toThrow(SyntaxError);
    expect(() => ManifestFiles.lines(text, from, model.size - 1)).toThrow(SyntaxError);
    expect(() => ManifestFiles.lines(text.slice(0, -10), from, model.size)).toThrow(SyntaxError);
  });

  it('hands the look at every file the whole file’s lines as they are, and the files changed since apart', () => {
    const model = someFiles(30, random(11));
    const { text, from } = wholeText(model);
    const files = ManifestFiles.lines(text, from, model.size);
    const [changed, gone] = [...model.keys()];
    files.set(changed!, { fingerprint: 'new', size: 1, mtimeMs: 2 });
    files.delete(gone!);
    files.set('new.html', { fingerprint: 'n', size: 3, mtimeMs: 4.5 });
    const list = files.checkList();
    expect(list.lines).toBe(text.slice(from));
    expect(list.replaced.sort()).toEqual([changed, gone, 'new.html'].sort());
    expect(list.others.split('\n').filter(Boolean).sort()).toEqual([`${changed}\u00001\u00002`, 'new.html\u00003\u00004.5'].sort());
  });
});
