// What the dev server keeps between updates: the last good site (pipeline/state.ts: model,
// articles, page lists in plan order, feed and sitemap files, the open stores) and the state of
// the sources since (each file's latest read, the files whose problems stop the build, the files
// changed since the last good update).

import type { BuildOptions, BuildResult } from '../build.js';
import type { SiteState } from '../pipeline/state.js';
import type { Problem } from '../problems/index.js';
import type { Progress } from '../report.js';
import type { ArticleMeta } from '../types/index.js';

/** How the dev server builds: the build's site options, and the clock of each update. */
export type DevOptions = Pick<BuildOptions, 'root' | 'outDir' | 'baseUrl' | 'drafts' | 'future' | 'expired' | 'strict' | 'threads'> & {
  /** The build time of each update (default: the clock). Tests fix it to compare with a full build. */
  now?: () => number;
  progress?: Progress;
};

/** What changed on disk, as the watcher saw it: absolute paths. */
export interface Changes {
  paths: readonly string[];
}

/** What one update did: written files and warnings, or the problems that stopped it (nothing written). */
export type UpdateResult =
  | {
      ok: true;
      /** 'content': the incremental path; 'full': the whole build ran; 'none': nothing the site shows changed. */
      mode: 'content' | 'full' | 'none';
      /** Output files written or deleted, relative to the output folder. */
      changed: string[];
      pagesRendered: number;
      warnings: Problem[];
      milliseconds: number;
      /** The full build's result, when one ran. */
      build?: BuildResult;
    }
  | { ok: false; problems: readonly Problem[]; milliseconds: number };

/**
 * The dev server's state between updates: the site as the last good build or update wrote it
 * (pipeline/state.ts), and the state of the sources since.
 */
export interface DevState {
  /** The last good site, with its stores. */
  good: SiteState;
  /** The latest read of each article file: its metadata (if it rendered) and its problems. */
  sources: Map<string, { meta?: ArticleMeta; problems: Problem[] }>;
  /** Files whose problems stop the build, with those problems. */
  stopping: Map<string, Problem[]>;
  /** Files changed since the last good update. */
  dirty: Set<string>;
}

