// Content folders of other generators (Jekyll, Hugo, Zola, Eleventy) as imported articles: which
// generator made the folder, which of its files are posts, and each post read (post.ts) with its
// old URL (permalinks.ts), its template code made Markdown (markup.ts) and its images copied
// (images.ts). Front-matter is split and parsed as the build parses it (YAML, or TOML between
// `+++`), so a post the import cannot read is an error at its line and column, and nothing is written.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { isInside, isMarkdownName, linkPolicy, findFiles } from '../../../load/discover.js';
import { parseFrontMatter } from '../../../load/frontmatter.js';
import { BuildFailure, type Problem } from '../../../problems/index.js';
import { ImportReport, linkToImported, type ImportedArticle, type ImportedSource } from '../imported.js';
import { OldAddresses } from './old-urls.js';
import { oldUrl, type UrlSettings } from './permalinks.js';
import { postAliases, postArticle, postPlace, type PostFile } from './post.js';

/** The generators whose folders `broadsheet import` reads. */
export type Generator = 'jekyll' | 'hugo' | 'zola' | 'eleventy';

const exists = (file: string) => statSync(file, { throwIfNoEntry: false }) !== undefined;
// Hugo's own names first (hugo.*), then the config.* names it shares with Zola.
const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml'];

/** Which generator made a folder: its config files first, then the shape of its posts. */
export function detectGenerator(folder: string): Generator {
  const has = (name: string) => exists(path.join(folder, name));
  if (has('_config.yml') || has('_config.yaml') || has('_posts') || path.basename(folder) === '_posts') return 'jekyll';
  if (['.eleventy.js', 'eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', '.eleventy.cjs'].some(has)) return 'eleventy';
  // hugo.* is Hugo's alone, wherever its content is (contentDir, a module mount of src/content).
  if (HUGO_CONFIGS.slice(0, 4).some(has)) return 'hugo';
  if (HUGO_CONFIGS.some(has) && has('content')) {
    // Zola's config.toml has base_url; Hugo's baseURL (or none).
    const config = has('config.toml') ? readFileSync(path.join(folder, 'config.toml'), 'utf8') : '';
    return /^\s*base_url\s*=/m.test(config) ? 'zola' : 'hugo';
  }
  if (HUGO_CONFIGS.some(has) && hugoFolders(folder, generatorConfig(folder, 'hugo')).content !== undefined) return 'hugo';
  if (has('package.json') && readFileSync(path.join(folder, 'package.json'), 'utf8').includes('@11ty/eleventy')) return 'eleventy';
  // A bare content folder: TOML front-matter is Hugo's or Zola's (Zola's sections have [extra]), YAML with dated file names Jekyll's.
  const files = findFiles(linkPolicy({ root: folder, allowOutsidePaths: [] }), folder, { wanted: isMarkdownName }).files.slice(0, 50);
  const texts = files.map(([, absolute]) => readFileSync(absolute, 'utf8'));
  if (texts.some((text) => text.startsWith('+++'))) return texts.some((text) => /^\[extra\]|^\[taxonomies\]/m.test(text)) ? 'zola' : 'hugo';
  if (files.some(([relative]) => /(^|\/)\d{4}-\d{2}-\d{2}-[^/]+$/.test(relative))) return 'jekyll';
  return 'eleventy';
}

/** The folder posts are in, and where site paths (/images/x.png) are served from. */
function layout(folder: string, generator: Generator, config: Record<string, unknown>): { content: string; siteRoots: string[] } {
  const sub = (name: string) => path.join(folder, name);
  switch (generator) {
    case 'jekyll':
      return { content: folder, siteRoots: [folder] };
    case 'hugo': {
      const { content, siteRoots } = hugoFolders(folder, config);
      return content ? { content, siteRoots: [...siteRoots, content] } : { content: folder, siteRoots: [folder] };
    }
    case 'zola':
      return exists(sub('content')) ? { content: sub('content'), siteRoots: [sub('static'), sub('content')] } : { content: folder, siteRoots: [folder] };
    case 'eleventy': {
      const input = eleventyInput(folder);
      return { content: input, siteRoots: [input, folder] };
    }
  }
}

/**
 * Hugo's content folder and the folders its site paths are served from, as its config places them:
 * the mounts of its `module` section (`source: src/content, target: content`), else `contentDir`,
 * `staticDir` and `assetDir`, else content/, static/ and assets/. Only folders inside `folder` count.
 */
function hugoFolders(folder: string, config: Record<string, unknown>): { content?: string; siteRoots: string[] } {
  const folderOf = (relative: unknown) => {
    const resolved = typeof relative === 'string' ? path.resolve(folder, relative) : undefined;
    return resolved && isInside(resolved, folder) && statSync(resolved, { throwIfNoEntry: false })?.isDirectory() ? [resolved] : [];
  };
  const mounts = (config.module as { mounts?: unknown } | undefined)?.mounts;
  const mounted = (target: string) => (Array.isArray(mounts) ? mounts : []).flatMap((mount: { source?: unknown; target?: unknown }) => (mount?.target === target ? folderOf(mount.source) : []));
  const [content] = [...mounted('content'), ...folderOf(config.contentDir ?? 'content')];
  const statics = [config.staticDir ?? 'static'].flat().flatMap(folderOf);
  return { content, siteRoots: [...mounted('static'), ...statics, ...mounted('assets'), ...folderOf(config.assetDir ?? 'assets')] };
}

/**
 * Eleventy's input folder: `dir.input` as its config file writes it (read as text: the config is a
 * program, never run), else src/ when there is one, else the folder itself.
 */
function eleventyInput(folder: string): string {
  for (const name of ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', '.eleventy.js', '.eleventy.cjs']) {
    const file = path.join(folder, name);
    if (!exists(file)) continue;
    const input = /\binput\s*:\s*["'`]([^"'`]+)["'`]/.exec(readFileSync(file, 'utf8'))?.[1];
    const resolved = input === undefined ? undefined : path.resolve(folder, input);
    if (resolved && resolved.startsWith(folder) && exists(resolved)) return resolved;
  }
  return exists(path.join(folder, 'src')) ? path.join(folder, 'src') : folder;
}

/** Folders that hold no posts: output, dependencies, templates, data. */
const NOT_POSTS = /(^|\/)(node_modules|_site|public|dist|_includes|_layouts|_data|_sass|layouts|themes|templates|static|assets|archetypes|resources)(\/|$)/;

/** Is this file (relative to the content folder) a post of the generator? */
function isPost(relative: string, generator: Generator, postsFolder: boolean): boolean {
  const name = relative.slice(relative.lastIndexOf('/') + 1);
  if (!isMarkdownName(name) && !(generator === 'jekyll' && /\.html?$/i.test(name))) return false;
  if (NOT_POSTS.test(relative)) return false;
  // Jekyll publishes as posts only the files of _posts (and, as drafts, _drafts) folders.
  if (generator === 'jekyll') return postsFolder || /(^|\/)(_posts|_drafts)\//.test(relative);
  if (name.startsWith('_')) return false; // Hugo's and Zola's _index.md are section pages.
  return !(generator === 'eleventy' && /^readme\.md$/i.test(relative));
}

/** Read the posts of a generator's folder (see the top of this file). */
export function readFolder(folder: string, generator: Generator, timeZone: string): ImportedSource {
  const source = path.resolve(folder);
  const report = new ImportReport(folder);
  const config = generatorConfig(source, generator);
  const { content, siteRoots } = layout(source, generator, config);
  const settings = urlSettings(generator, config);
  // The values posts may print ({{ site.x }}, Hugo's param): Jekyll's and Hugo's configs.
  const siteConfig = generator === 'jekyll' || generator === 'hugo' ? config : {};
  const siteValue = (setting: string) => {
    let value: unknown = siteConfig;
    for (const part of setting.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  };
  const found = findFiles(linkPolicy({ root: source, allowOutsidePaths: [] }), content);
  const errors: Problem[] = [...found.problems];
  const posts: PostFile[] = [];
  for (const [relative, absolute] of found.files) {
    const shown = path.relative(process.cwd(), absolute).split(path.sep).join('/') || relative;
    if (!isPost(relative, generator, /^_(posts|drafts)$/.test(path.basename(source)))) {
      // Markdown that is not a post (a page, a section's index) is named, never skipped without a word.
      if (isMarkdownName(relative) && !NOT_POSTS.test(relative) && !/(^|\/)readme\.md$/i.test(relative)) {
        report.leftOut({ line: 1, column: 1 }, { what: 'page', title: relative, why: generator === 'jekyll' ? 'only the files of _posts are posts' : 'section and index pages are not articles' }, shown);
      }
      continue;
    }
    const text = readFileSync(absolute, 'utf8');
    const program = /^---\s*(js|javascript)\s*\n/.test(text) ? 'JavaScript, which an import does not run' : /^\{\s*\n/.test(text) ? 'JSON' : undefined;
    if (program) {
      report.leftOut({ line: 1, column: 1 }, { what: 'post', title: relative, why: `its front-matter is ${program}: rewrite it as YAML or TOML` }, shown);
      continue;
    }
    // Read as the generators' YAML parsers read it: a quoted value's next lines may be unindented.
    const split = parseFrontMatter({ file: shown, contentPath: relative, text }, { unindentedQuotedLines: true });
    if (!split.ok) {
      const missing = split.problems.every((p) => p.code === 'frontmatter-missing' || p.code === 'file-empty');
      // Jekyll reads a post only when it has front-matter; other generators allow none.
      if (missing && generator !== 'jekyll') posts.push({ relative, absolute, shown, data: {}, body: text, bodyLine: 1, locate: () => ({ line: 1, column: 1 }) });
      else if (missing) report.leftOut({ line: 1, column: 1 }, { what: 'file', title: relative, why: 'it has no front-matter, so Jekyll does not publish it' }, shown);
      else errors.push(...split.problems);
      continue;
    }
    posts.push({ relative, absolute, shown, ...split.value });
  }
  if (errors.length > 0) throw new BuildFailure(errors);

  // Every post's old URL and article first: links between posts ({% post_url %}, ref, @/, a link
  // to the file) lead to the article, when the post is one (it has a date).
  const places = posts.map((post) => postPlace(post, generator, timeZone));
  const sourceId = (post: PostFile) => `${generator}:${post.relative}`;
  const byReference = new Map<string, number>();
  const articleOf = new Map<string, string>();
  posts.forEach((post, index) => {
    if (places[index]!.date !== undefined) articleOf.set(post.absolute, sourceId(post));
    const withoutExt = post.relative.replace(/\.[^./]+$/, '');
    for (const key of [post.relative, withoutExt, path.posix.basename(withoutExt), path.posix.basename(post.relative), post.relative.replace(/^(content\/)?/, '')]) byReference.set(key, index);
  });
  const urlOf = (written: string) => {
    // Hugo's ref and Zola's @/ may name a heading after the file: "post.md#part".
    const [reference = '', fragment] = written.replace(/^["']|["']$/g, '').split('#', 2);
    const index = byReference.get(reference.replace(/^\/+/, '').replace(/^_posts\//, '')) ?? byReference.get(path.posix.basename(reference.replace(/\.[^./]+$/, '')));
    const post = index === undefined ? undefined : posts[index]!;
    if (!post || !articleOf.has(post.absolute)) return undefined;
    return `${linkToImported(sourceId(post), oldUrl(places[index!]!, settings) ?? reference)}${fragment ? `#${fragment}` : ''}`;
  };
  // A link to a post's old URL or alias leads to its article too: its own URLs first, then aliases.
  const oldUrls = places.map((place) => oldUrl(place, settings));
  const oldAddresses = new OldAddresses(settings.siteUrl);
  const imported = posts.flatMap((post, index) => (articleOf.has(post.absolute) ? [{ post, index, id: sourceId(post) }] : []));
  for (const { index, id } of imported) if (oldUrls[index] !== undefined) oldAddresses.add(oldUrls[index]!, id);
  for (const { post, index, id } of imported) for (const alias of postAliases(post, generator, oldUrls[index])) if (alias !== undefined) oldAddresses.add(alias, id);
  const links = { folders: { source, siteRoots: [content, ...siteRoots] }, articleOf: (file: string) => articleOf.get(file), articleAt: (address: string, own: string | undefined) => oldAddresses.articleAt(address, own) };

  const articles: ImportedArticle[] = [];
  posts.forEach((post, index) => {
    const article = postArticle(post, { generator, place: places[index]!, oldUrl: oldUrls[index], urlOf, siteValue, report, folders: { source, siteRoots, oldSite: settings.siteUrl }, links, timeZone });
    if (article) articles.push(article);
  });
  return { format: generator, articles, authors: [], report };
}

/** A config file of the generator (TOML, JSON or YAML), or undefined when it is absent or cannot be read (defaults apply). */
function readConfig(folder: string, name: string): Record<string, unknown> | undefined {
  const file = path.join(folder, name);
  if (!exists(file)) return undefined;
  try {
    const text = readFileSync(file, 'utf8');
    const data: unknown = name.endsWith('.toml') ? parseToml(text) : name.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The generator's config file, read once (none for Eleventy, whose config is a program): the first of its names that parses. */
function generatorConfig(folder: string, generator: Generator): Record<string, unknown> {
  const names = generator === 'jekyll' ? ['_config.yml', '_config.yaml'] : generator === 'hugo' ? HUGO_CONFIGS : generator === 'zola' ? ['config.toml'] : [];
  for (const name of names) {
    const config = readConfig(folder, name);
    if (config) return config;
  }
  return {};
}

/** The generator's URL settings, from its config (generatorConfig; what permalinks.ts needs). */
function urlSettings(generator: Generator, config: Record<string, unknown>): UrlSettings {
  if (generator === 'jekyll') {
    const collections = config.collections as Record<string, { permalink?: string }> | undefined;
    const url = typeof config.url === 'string' ? `${config.url.replace(/\/+$/, '')}${typeof config.baseurl === 'string' ? config.baseurl : ''}` : undefined;
    return { permalink: collections?.posts?.permalink ?? (typeof config.permalink === 'string' ? config.permalink : undefined), timeZone: typeof config.timezone === 'string' ? config.timezone : undefined, siteUrl: siteAddress(url) };
  }
  if (generator === 'hugo') {
    const permalinks = (config.permalinks ?? {}) as Record<string, unknown>;
    const flat: Record<string, string> = {};
    for (const [key, value] of Object.entries(permalinks)) {
      if (typeof value === 'string') flat[key] = value;
      else if (key === 'page' && value && typeof value === 'object') for (const [section, template] of Object.entries(value)) if (typeof template === 'string') flat[section] = template;
    }
    return { permalinks: flat, timeZone: typeof config.timeZone === 'string' ? config.timeZone : undefined, siteUrl: siteAddress(config.baseURL ?? config.baseurl) };
  }
  if (generator === 'zola') return { siteUrl: siteAddress(config.base_url) };
  return {};
}

/** An old site's address as its config gives it, if it is a web address: with a closing slash. */
function siteAddress(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^https?:\/\/[^/]/i.test(value) || !URL.canParse(value)) return undefined;
  return value.endsWith('/') ? value : `${value}/`;
}
