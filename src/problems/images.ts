// The catalogue's entries for images: lead images (front-matter `image`) and images in article
// bodies (`![alt](photo.jpg)`), as src/images/ resolves, reads and processes them. Part of the one
// catalogue (catalogue.ts spreads these in). Every problem sits at the reference in the article:
// the `image` field's value, or the image's place in the body.

import type { CatalogueEntry } from './entry.js';

/**
 * The facts of an image problem. `reference`: the path or URL as the article writes it; `lead`:
 * whether it is the front-matter `image` (else a body image); `file`: the image file, relative to
 * the site root.
 */
export interface ImageArgs {
  /** `tried`: the files looked for, relative to the site root. */
  'image-missing': { reference: string; lead: boolean; tried: readonly string[] };
  /** `cause`: what the image decoder or the system said, first line; `denied`: the system refused this user read access. */
  'image-unreadable': { reference: string; lead: boolean; file: string; cause: string; denied?: boolean };
  /** `why`: a path leading out of the site, a symbolic link whose target is outside, or a URL scheme that is no web address. */
  'image-outside-site': { reference: string; lead: boolean; why: 'path' | 'symlink' | 'scheme' };
  'image-too-large': { reference: string; lead: boolean; file: string; width: number; height: number; limit: number };
  'image-alt-missing': { reference: string };
  'image-remote': { reference: string; lead: boolean };
}

const count = (n: number) => n.toLocaleString('en');
const fieldOf = (a: { lead: boolean }) => (a.lead ? 'image' : undefined);
const what = (a: { lead: boolean; reference: string }) => `${a.lead ? 'the lead image' : 'the image'} ${JSON.stringify(a.reference)}`;

/** One entry per image code. */
export const imageEntries: { readonly [C in keyof ImageArgs]: CatalogueEntry<ImageArgs[C]> } = {
  'image-missing': {
    title: 'Image not found',
    help: 'Put the image next to the article (or in `content/images/` or `static/`) and write its path relative to the article file, as an editor or GitHub shows it.',
    field: fieldOf,
    message: (a) => (a.reference.trim() === '' ? `${a.lead ? 'the lead image' : 'an image'} has no path or URL` : `${what(a)} does not exist`),
    expected: (a) => (a.tried.length > 0 ? `an image file at ${a.tried.join(' or ')}` : 'the path of an image file, or an http(s) URL'),
    hint: () => 'write the path relative to the article file (photo.jpg beside it, ../images/photo.jpg), or a site path such as /images/photo.jpg for a file of static/',
  },
  'image-unreadable': {
    title: 'Image cannot be read',
    help: 'Export the photo again as JPEG, PNG, WebP or AVIF: the file is damaged, empty or not an image. When the message says this user may not read it, give the user read access instead.',
    field: fieldOf,
    message: (a) =>
      a.denied ? `${what(a)} (${a.file}) may not be read by this user (${a.cause})` : `${what(a)} (${a.file}) is not an image Broadsheet can read: ${a.cause}`,
    expected: (a) => (a.denied ? 'read access to the file for the user running Broadsheet' : 'a JPEG, PNG, WebP, AVIF, GIF or TIFF file'),
    hint: (a) => (a.denied ? 'give this user read access (check with ls -l)' : 'open the file in an image editor and export it again as JPEG, PNG, WebP or AVIF'),
  },
  'image-outside-site': {
    title: 'Image outside the site',
    help: 'Copy the image into the site folder (next to the article, `content/images/` or `static/`); Broadsheet reads no file outside it because of what an article says.',
    field: fieldOf,
    message: (a) =>
      a.why === 'scheme'
        ? `${what(a)} is neither a file of the site nor an http(s) URL`
        : a.why === 'symlink'
          ? `${what(a)} is a symbolic link to a file outside the site folder`
          : `${what(a)} leads outside the site folder`,
    expected: () => 'a path to an image inside the site folder, or an http(s) URL',
    hint: () => 'copy the image into the site (next to the article or into content/images/) and refer to it there',
  },
  'image-too-large': {
    title: 'Image too large',
    help: 'Scale the photo down to at most 50 megapixels (8,660 × 5,773 or smaller) before adding it; the web variants are at most 1,600 pixels wide.',
    field: fieldOf,
    message: (a) => `${what(a)} (${a.file}) is ${count(a.width)} × ${count(a.height)} pixels, more than Broadsheet processes`,
    expected: (a) => `at most ${count(a.limit)} pixels (${count(a.limit / 1e6)} megapixels)`,
    hint: () => 'scale the photo down (to 4,000 pixels wide, say) before adding it; readers get at most 1,600 pixels',
  },
  'image-alt-missing': {
    title: 'Image without alt text',
    help: 'Describe the image for readers who cannot see it between the brackets: `![Crowds at the Medeu rink](medeu.jpg)`.',
    severity: 'warning',
    message: (a) => `the image ${JSON.stringify(a.reference)} has no alt text`,
    expected: () => 'a description between the brackets, such as ![Crowds at the Medeu rink](medeu.jpg)',
  },
  'image-remote': {
    title: 'Remote image',
    help: 'Remote images are used as they are: they cannot be sized (the page may shift as they load) or given smaller variants. Copy the image into the site to have it processed.',
    severity: 'warning',
    field: fieldOf,
    message: (a) => `${what(a)} is on another site: it is used as it is and cannot be sized or made smaller`,
    hint: () => 'copy the image into the site (next to the article) to get sized, responsive variants',
  },
};
