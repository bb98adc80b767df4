// The web manifest, /site.webmanifest: what a browser shows of the site saved to a home screen
// (its name, colours and icons). A template of the theme (templates/webmanifest.liquid), since
// the colours and icons are the theme's; written through the output manifest like every file,
// so it is rendered again only when the config or that template changes.

import type { Problem } from '../problems/index.js';
import { fingerprint } from '../write/fingerprint.js';
import { writeUnlessCurrent, type OutputManifest } from '../write/manifest.js';
import type { OutputWriter } from '../write/output-writer.js';
import type { SiteGlobals } from './render-page.js';
import { TemplateError, type Templates } from './templates.js';

/** The manifest's template name (templates/webmanifest.liquid). */
export const WEB_MANIFEST_TEMPLATE = 'webmanifest';

/** Where the manifest is written, in the output folder (the site's root): pages link it. */
export const WEB_MANIFEST_FILE = 'site.webmanifest';

/** What writing the manifest needs of the build. */
export interface WebManifestContext {
  templates: Templates;
  globals: SiteGlobals;
  siteFingerprint: string;
  writer: OutputWriter;
  manifest: OutputManifest;
}

/** Write /site.webmanifest unless it is current; a broken template is a problem, not a throw. */
export async function writeWebManifest(context: WebManifestContext): Promise<Problem[]> {
  const { templates } = context;
  const print = fingerprint(context.siteFingerprint, templates.fingerprintOf(WEB_MANIFEST_TEMPLATE));
  try {
    await writeUnlessCurrent(context.writer, context.manifest, WEB_MANIFEST_FILE, print, () => templates.render(WEB_MANIFEST_TEMPLATE, { site: context.globals }));
    return [];
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    return [error.problem];
  }
}
