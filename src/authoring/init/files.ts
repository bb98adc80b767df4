// The files `broadsheet init` writes, as text: site.config.ts, package.json (merged into one that
// is there), .gitignore, the site's README, the welcome article, and the GitHub workflow
// (workflow.ts). Each is written by a writer of its format: JSON.stringify, YAML through the
// front-matter's serializer, Markdown text escaped by remark; TypeScript string literals are JSON's.

import type { Root } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { buildTime, siteDateFromEpoch } from '../../dates.js';
import { serializeArticle } from '../../load/frontmatter.js';
import { slugOrFallback } from '../../slugs.js';
import { VERSION } from '../../version.js';
import type { InitSettings } from './settings.js';

/** The npm scripts a site gets: each runs the `broadsheet` command of the same name. */
export const SITE_SCRIPTS = ['build', 'dev', 'check', 'new', 'import'] as const;

/**
 * The lines of the site's .gitignore. `dist` has no trailing slash: it is a symbolic link to the
 * current build in .dist.builds/, and `dist/` matches only a folder.
 */
export const GITIGNORE_LINES = ['node_modules/', 'dist', '.dist.builds/', '.cache/'];

/** site.config.ts: the settings asked for, each with a line saying what it does. */
export function siteConfigText(settings: InitSettings): string {
  const literal = (value: string) => JSON.stringify(value);
  const baseUrl = settings.baseUrl
    ? `  baseUrl: ${literal(settings.baseUrl)},`
    : "  // Set this before the first deploy (GitHub Pages builds pass their own with --base-url):\n  // baseUrl: 'https://news.example.org/',";
  return [
    "import { defineConfig } from 'broadsheet';",
    '',
    '// The site\'s settings. Every option, its default and what it does: docs/configuration.md in Broadsheet.',
    'export default defineConfig({',
    `  title: ${literal(settings.title)},`,
    "  // The address the site is served from: feeds, sitemaps and canonical links are built on it.",
    baseUrl,
    '  // The language of the pages (a BCP 47 tag: en, kk, ru, en-GB).',
    `  language: ${literal(settings.language)},`,
    '  // Dates written without an offset are read in this time zone, and pages group by its days.',
    `  timeZone: ${literal(settings.timeZone)},`,
    '});',
    '',
  ].join('\n');
}

/** The npm package name of a folder: lowercase letters, digits and hyphens. */
function packageName(folderName: string): string {
  return slugOrFallback(folderName, 'news-site');
}

/**
 * package.json: `existing` (a folder where `npm install broadsheet` already ran) keeps every field
 * and script it has; the scripts, `"type": "module"` and the dependency on Broadsheet are added
 * where missing. The dependency is the one installed, else `dependency` (how the project around
 * the site installed Broadsheet: installSpec), else this version.
 */
export function packageJsonText(existing: Record<string, unknown> | undefined, folderName: string, dependency?: string): string {
  const manifest: Record<string, unknown> = { name: packageName(folderName), private: true, type: 'module', ...existing };
  const scripts = { ...(isRecord(existing?.scripts) ? existing.scripts : {}) };
  for (const name of SITE_SCRIPTS) scripts[name] ??= `broadsheet ${name}`;
  manifest.scripts = scripts;
  const dependencies = { ...(isRecord(existing?.dependencies) ? existing.dependencies : {}) };
  dependencies.broadsheet ??= dependency ?? `^${VERSION}`;
  manifest.dependencies = dependencies;
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** .gitignore: `existing` with the lines it lacks added at the end. */
export function gitignoreText(existing: string | undefined): string {
  const have = new Set((existing ?? '').split(/\r?\n/).map((line) => line.trim()));
  const missing = GITIGNORE_LINES.filter((line) => !have.has(line));
  if (existing !== undefined && missing.length === 0) return existing;
  const header = '# What Broadsheet makes: dist is a symbolic link to the current build in .dist.builds/\n# (a pattern ending in / would not match it), .cache/ speeds up the next build.';
  const start = existing === undefined ? '' : `${existing.replace(/\n*$/, '')}\n\n`;
  return `${start}${header}\n${missing.join('\n')}\n`;
}

/** A line of plain text as Markdown: characters Markdown would read as markup are escaped. */
function markdownText(text: string): string {
  const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] };
  return unified().use(remarkStringify).stringify(tree).trim();
}

/** The site's README: how to write, preview, check and publish, in a few lines. */
export function readmeText(settings: InitSettings): string {
  return `# ${markdownText(settings.title)}

A news site made with Broadsheet: articles are Markdown files in \`content/\`, and
\`npm run build\` turns them into the site in \`dist/\`.

## Writing

- \`npm run new -- "Headline" --topic Politics --tags Almaty,Astana\` writes a new article (a draft)
  in \`content/YYYY/MM/\`. Remove its \`draft: true\` line to publish it.
- \`npm run dev\` serves the site on http://127.0.0.1:4321/ and reloads the page on every save
  (\`npm run dev -- --drafts\` shows drafts too).
- \`npm run check\` checks every article, template and link without writing anything.

## Publishing

\`npm run build\` writes the site to \`dist/\`: copy what is in it to any static host (copy the files
\`dist\` points at, not the link: \`cp -rL dist/. /var/www/news/\`).

On GitHub, \`.github/workflows/pages.yml\` builds and publishes the site with GitHub Pages on every
push to \`main\` (set Settings > Pages > Source to "GitHub Actions"), and checks every pull request,
marking problems on the lines of the articles.

## More

Every command answers \`--help\` (\`npx broadsheet build --help\`). Broadsheet's guides come with it:
after \`npm install\` they are in \`node_modules/broadsheet/docs/\` (\`getting-started.md\`, \`cli.md\`
for every command and flag, \`ci.md\` for the checks on pull requests).
`;
}

/** The welcome article of the `sample` template: where it goes (content path) and its text. */
export function welcomeArticle(settings: InitSettings): { file: string; text: string } {
  const today = siteDateFromEpoch(buildTime(), settings.timeZone);
  const text = serializeArticle(
    { title: `Welcome to ${settings.title}`, date: `${today.year}-${today.month}-${today.day}`, topic: 'News', tags: ['Broadsheet'], summary: 'The first article of the site: how articles are written.' },
    [
      'This article is a Markdown file in `content/`. The lines between the two `---` at its top are',
      'its front-matter: the title, the date, the topic (one section per article) and the tags.',
      '',
      'To write the next one, run `npm run new -- "Headline" --topic Politics`, which writes a draft',
      'in `content/` with this front-matter filled in. Write the text under it in Markdown: a blank',
      'line between paragraphs, `## ` before a subheading, `[words](https://example.org/)` for a link.',
      '',
      '`npm run dev` shows the site as you write; `npm run build` makes it for publishing.',
      'Delete this article when you have your own.',
    ].join('\n'),
  );
  return { file: `${today.year}/${today.month}/welcome.md`, text };
}
