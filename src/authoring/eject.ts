// `broadsheet eject [TEMPLATE...]`: copies templates of Broadsheet's default theme into the site's
// templates/ folder, to be edited there. A template is looked up in the site's folder first, then
// in the default theme (pages/templates.ts), so a copy takes over from the default at the next build;
// the templates left alone keep following Broadsheet's updates. A file the site already has is
// never replaced unless `force` is given.

import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TEMPLATES, TEMPLATE_EXTENSION } from '../pages/templates.js';
import { nearestName } from '../problems/suggestions.js';
import { SystemFailure, shownPath } from '../write/os-errors.js';

/** Every file of the default theme, by its path in templates/ ("article.liquid", "partials/byline.liquid", "assets/style.css"), sorted. */
export function defaultTemplateFiles(): string[] {
  return readdirSync(DEFAULT_TEMPLATES, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(DEFAULT_TEMPLATES, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

/** A name given to eject that is no file or folder of the default theme, with the nearest one. */
export class UnknownTemplate extends Error {
  constructor(
    readonly template: string,
    readonly nearest: string | undefined,
  ) {
    super(`there is no default template "${template}"${nearest ? `: did you mean ${nearest}?` : ''} (broadsheet eject with no name lists them)`);
    this.name = 'UnknownTemplate';
  }
}

/**
 * The default theme's files that `names` stand for: a file ("partials/byline.liquid"), a
 * template without its extension ("article", "partials/byline"), or a folder ("partials",
 * "assets"). Throws UnknownTemplate for a name that is none of these.
 */
export function templateFilesNamed(names: readonly string[]): string[] {
  const all = defaultTemplateFiles();
  const chosen = new Set<string>();
  for (const given of names) {
    const name = given.replace(/\\/g, '/').replace(/^templates\//, '').replace(/\/+$/, '');
    const matches = all.filter((file) => file === name || file === `${name}${TEMPLATE_EXTENSION}` || file.startsWith(`${name}/`));
    if (matches.length === 0) {
      const names = [...new Set(all.flatMap((file) => [file, file.endsWith(TEMPLATE_EXTENSION) ? file.slice(0, -TEMPLATE_EXTENSION.length) : file]))];
      throw new UnknownTemplate(given, nearestName(name, names));
    }
    for (const file of matches) chosen.add(file);
  }
  return [...chosen].sort();
}

/**
 * Copy the default theme's `files` (as templateFilesNamed gives them) into `templatesPath`.
 * Refuses, having copied nothing, when the site already has any of them, unless `force`.
 * Returns the files copied, relative to the site's templates folder.
 */
export function ejectTemplates(templatesPath: string, files: readonly string[], options: { force?: boolean } = {}): string[] {
  const existing = files.filter((file) => existsSync(path.join(templatesPath, file)));
  if (existing.length > 0 && !options.force) {
    const shown = existing.map((file) => shownPath(path.join(templatesPath, file)));
    throw new SystemFailure(`The site already has ${shown.join(', ')}: nothing was copied. Add --force to replace ${existing.length === 1 ? 'it' : 'them'} with Broadsheet's default.`);
  }
  for (const file of files) {
    const target = path.join(templatesPath, file);
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(path.join(DEFAULT_TEMPLATES, file), target);
  }
  return [...files];
}
