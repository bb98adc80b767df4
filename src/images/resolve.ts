// Where an image reference points: a file of the site, or a remote URL. A reference is what an
// article writes (front-matter `image`, a body image's src) and resolves as editors and GitHub show
// it: relative to the article file; failing that, relative to the content folder, then the static
// folder. A site path (/images/a.jpg) is a file of static/ (as it is served), else of content/.
// No reference can make Broadsheet read outside the site: a path that leads out of it, a symbolic
// link whose real path is outside it (and outside allowOutside), and a URL scheme other than
// http(s) are problems, decided here before any file is opened.

import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SiteConfig } from '../config.js';
import { isInside, linkPolicy, type LinkPolicy } from '../load/discover.js';
import type { ImageArgs } from '../problems/images.js';
import { decodedPath, hasScheme, isWebAddress } from '../urls.js';

/** Where a reference leads: a local file (absolute real path, and as the user knows it), a remote URL, or why neither. */
export type Resolved =
  | { kind: 'file'; real: string; shown: string }
  | { kind: 'remote'; url: string }
  | { kind: 'missing'; tried: string[] }
  | { kind: 'outside'; why: ImageArgs['image-outside-site']['why'] };

/** What resolving needs of the config, with the link policy computed once per build. */
export interface ResolveContext {
  config: Pick<SiteConfig, 'root' | 'contentPath' | 'staticPath' | 'allowOutsidePaths'>;
  policy: LinkPolicy;
}

/** The resolve context of a site. */
export function resolveContext(config: ResolveContext['config']): ResolveContext {
  return { config, policy: linkPolicy(config) };
}

/** Resolve `reference` as written in `articleFile` (relative to the site root). Never reads a file outside the site. */
export function resolveImage(reference: string, articleFile: string, context: ResolveContext): Resolved {
  if (isWebAddress(reference)) return { kind: 'remote', url: reference };
  if (hasScheme(reference)) return { kind: 'outside', why: 'scheme' };
  const written = decodedPath(reference.split(/[?#]/, 1)[0] ?? '');
  if (written === '' || written.includes('\0')) return { kind: 'missing', tried: [] };
  const { root, contentPath, staticPath } = context.config;
  const folders = written.startsWith('/') ? [staticPath, contentPath] : [path.dirname(path.resolve(root, articleFile)), contentPath, staticPath];
  // Decided on the path as written, before looking at the disk: ../../etc/passwd.jpg is refused
  // whether or not it exists. The fallback folders are only tried where they stay inside the site.
  const candidates = folders.map((folder) => path.join(folder, written)).filter((candidate) => isInside(candidate, root));
  if (candidates.length === 0 || !isInside(path.join(folders[0]!, written), root)) return { kind: 'outside', why: 'path' };
  const tried: string[] = [];
  for (const candidate of candidates) {
    const shown = path.relative(root, candidate).split(path.sep).join('/');
    if (tried.includes(shown)) continue;
    tried.push(shown);
    const info = statSync(candidate, { throwIfNoEntry: false });
    if (!info) continue;
    let real: string;
    try {
      real = realpathSync.native(candidate);
    } catch {
      continue;
    }
    if (!context.policy.inside.some((folder) => isInside(real, folder))) return { kind: 'outside', why: 'symlink' };
    return { kind: 'file', real, shown };
  }
  return { kind: 'missing', tried };
}
