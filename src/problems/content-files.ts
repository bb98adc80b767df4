// The catalogue's entries for what the content folder holds besides articles: a file nothing reads
// (an `.html` page copied from another generator, a `.txt` note), and a build that finds no article
// at all although the folder has files. Part of the one catalogue (catalogue.ts spreads these in).
// Nothing under content/ is skipped without a word.

import type { CatalogueEntry, NoArgs } from './entry.js';

/** The facts of a content-folder problem. */
export interface ContentFilesArgs {
  'content-not-article': NoArgs;
  /** `kinds`: the extensions found, with counts, most first ("12 .html, 3 .txt"). */
  'content-no-articles': { files: number; kinds: string };
}

/** One entry per content-folder code. */
export const contentFilesEntries: { readonly [C in keyof ContentFilesArgs]: CatalogueEntry<ContentFilesArgs[C]> } = {
  'content-not-article': {
    title: 'File in content/ that is not an article',
    help: 'Articles end in `.md`, `.markdown` or `.mdown`; images and `authors.yaml` are read too. Rename an article to `.md`, move files meant to be published as they are to `static/`, or move the file out of `content/`.',
    severity: 'warning',
    message: () => 'is neither an article (.md, .markdown, .mdown), an image nor a data file: nothing reads it',
    hint: () => 'rename it to .md if it is an article (it needs front-matter), or move it to static/ to publish it as it is',
  },
  'content-no-articles': {
    title: 'No articles in content/',
    help: 'The content folder has files but none ends in `.md`, `.markdown` or `.mdown`. Import another generator\'s site with `broadsheet import FOLDER` instead of copying it.',
    severity: 'warning',
    message: (a) => `no article found: the folder holds ${a.files} file${a.files === 1 ? '' : 's'} (${a.kinds}) but none ends in .md, .markdown or .mdown`,
    hint: () => 'articles are Markdown files with front-matter; `broadsheet import FOLDER` converts a Jekyll, Hugo, Zola or Eleventy site, `broadsheet import FILE` a WordPress export or a feed',
  },
};
