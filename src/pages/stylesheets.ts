// The stylesheets every page links: the theme's, then the site's own templates/assets/site.css
// when it has one, so a site adjusts the theme (its custom properties, any rule) without
// replacing it. Which ones there are is known from the template folders' files, found once per
// build (pages/templates.ts), and is part of every page's fingerprint.

import type { FoundFile } from '../load/discover.js';

/** The default theme's stylesheet, as the site serves it. */
export const THEME_STYLESHEET = '/assets/style.css';

/** A site's own stylesheet: templates/assets/site.css, served after the theme's so its rules win. */
export const SITE_STYLESHEET = '/assets/site.css';

/**
 * The stylesheets every page links (site paths), given the files of the site's own template
 * folder: the theme's style.css (the site's own when it replaces it), then site.css when the site
 * has templates/assets/site.css. The default theme has no site.css: a site's is only ever the site's.
 */
export function stylesheetsOf(siteFiles: readonly FoundFile[]): string[] {
  const hasSiteSheet = siteFiles.some(([relative]) => relative.replaceAll('\\', '/') === 'assets/site.css');
  return hasSiteSheet ? [THEME_STYLESHEET, SITE_STYLESHEET] : [THEME_STYLESHEET];
}
