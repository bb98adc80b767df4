// The authors an import names, added to content/authors.yaml (load/authors.ts reads it): one
// `- name:` entry for each author the file does not list yet (by slug, as the build matches
// them), with what the source says of them. Entries already there are never changed, and the
// file's own text (comments, order) is kept: new entries are appended.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { SiteConfig } from '../../config.js';
import { AUTHORS_FILE, parseAuthors } from '../../load/authors.js';
import { slugOrFallback } from '../../slugs.js';
import type { ImportedAuthor } from './imported.js';

/** The authors file after an import: its path, its new text (undefined when nothing is added), the names added. */
export interface MergedAuthors {
  file: string;
  text?: string;
  added: string[];
}

/** Add `names` (with what `known` says of them) to the site's authors file, unless it lists them already. */
export function mergeAuthors(config: Pick<SiteConfig, 'contentPath'>, names: readonly string[], known: readonly ImportedAuthor[]): MergedAuthors {
  const file = path.join(config.contentPath, AUTHORS_FILE);
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const listed = new Set(parseAuthors(current, AUTHORS_FILE).profiles.keys());
  const details = new Map(known.map((author) => [slugOrFallback(author.name, 'author'), author]));
  const entries: ImportedAuthor[] = [];
  for (const name of names) {
    const slug = slugOrFallback(name, 'author');
    if (listed.has(slug)) continue;
    listed.add(slug);
    const { bio, url } = details.get(slug) ?? {};
    entries.push({ name, ...(bio ? { bio } : {}), ...(url && /^https?:\/\//.test(url) ? { url } : {}) });
  }
  if (entries.length === 0) return { file, added: [] };
  const head = current === '' ? '# Authors of the site: one entry per byline (see docs/importing.md).\n' : current.endsWith('\n') ? current : `${current}\n`;
  return { file, text: head + stringify(entries, { lineWidth: 0 }), added: entries.map((entry) => entry.name) };
}
