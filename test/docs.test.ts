// The documentation as a reader meets it: every relative link of README.md, CONTRIBUTING.md,
// CHANGELOG.md and docs/ leads to a file of this repository and, with a #fragment, to a heading
// or anchor that exists there (read with the unified stack: remark parses the Markdown, rehype
// gives headings GitHub's ids); no page names a file a user's clone lacks; each problem code has
// its section in docs/errors.md; and the configuration reference lists every option the schema
// has, with what it means.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { configOptions, optionComments, withConfigTable } from '../scripts/config-options.js';
import { resolveConfig } from '../src/config.js';
import { catalogue } from '../src/problems/catalogue.js';
import { REPO } from './helpers/site.js';

const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');

/** The Markdown files a reader of the repository meets, relative to it. */
const PAGES = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', ...readdirSync(path.join(REPO, 'docs')).filter((file) => file.endsWith('.md')).sort().map((file) => `docs/${file}`)];

const html = new Map<string, Root>();

/** A Markdown file as HTML, as GitHub shows it: raw HTML parsed, headings with their ids. Read once. */
function htmlOf(file: string): Root {
  let tree = html.get(file);
  if (!tree) {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw).use(rehypeSlug);
    tree = processor.runSync(processor.parse(read(file))) as Root;
    html.set(file, tree);
  }
  return tree;
}

/** Every link and image address of a page. */
function linksOf(file: string): string[] {
  const links: string[] = [];
  visit(htmlOf(file), 'element', (node: Element) => {
    const target = node.tagName === 'a' ? node.properties.href : node.tagName === 'img' ? node.properties.src : undefined;
    if (typeof target === 'string') links.push(target);
  });
  return links;
}

/** Every anchor of a page a #fragment can lead to: element ids (headings') and names. */
function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  visit(htmlOf(file), 'element', (node: Element) => {
    for (const key of ['id', 'name'] as const) {
      const value = node.properties[key];
      if (typeof value === 'string') anchors.add(value);
    }
  });
  return anchors;
}

/** What is wrong with a relative link of `file`, or undefined when it leads somewhere real. */
function brokenLink(file: string, link: string): string | undefined {
  // Another site's address (https:, mailto:, //host): not this repository's to check.
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(link)) return undefined;
  const hash = link.indexOf('#');
  const target = decodeURIComponent(hash === -1 ? link : link.slice(0, hash));
  const fragment = hash === -1 ? undefined : decodeURIComponent(link.slice(hash + 1));
  const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
  if (resolved.startsWith('../') || path.posix.isAbsolute(resolved)) return 'leads outside the repository';
  if (/^(dist|node_modules|lib|\.cache|\.dist\.builds)(\/|$)/.test(resolved)) return 'leads to a file a clone does not have';
  if (!existsSync(path.join(REPO, resolved))) return `${resolved} does not exist`;
  if (fragment === undefined) return undefined;
  if (statSync(path.join(REPO, resolved)).isDirectory() || !resolved.endsWith('.md')) return `${resolved} is not a page with anchors`;
  return anchorsOf(resolved).has(fragment) ? undefined : `${resolved} has no heading or anchor "${fragment}"`;
}

describe('the documentation', () => {
  it('has a README that leads to writing, changing the look and publishing in one click', () => {
    const links = linksOf('README.md');
    for (const page of ['docs/writing.md', 'docs/theme.md', 'docs/deploying.md', 'docs/getting-started.md', 'docs/configuration.md', 'docs/cli.md', 'docs/errors.md', 'CONTRIBUTING.md', 'LICENSE']) {
      expect(links, page).toContain(page);
    }
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(200);
  });

  it.each(PAGES)('%s: every relative link leads to a file, and every #fragment to a heading there', (file) => {
    const broken = linksOf(file)
      .map((link) => [link, brokenLink(file, link)])
      .filter(([, problem]) => problem !== undefined);
    expect(broken).toEqual([]);
  });

  it.each(PAGES)('%s names no file a clone lacks and no internal issue', (file) => {
    expect(read(file)).not.toMatch(/DESIGN\.md|STYLE\.md|\.\.\/shared|\bissue \d+/i);
  });

  it('links each problem code, as the see: line under a problem does, to its section of docs/errors.md', () => {
    const anchors = anchorsOf('docs/errors.md');
    expect(Object.keys(catalogue).filter((code) => !anchors.has(code))).toEqual([]);
  });

  it('finds a broken link and a missing heading (the check itself)', () => {
    expect(brokenLink('docs/README.md', 'nowhere.md')).toBe('docs/nowhere.md does not exist');
    expect(brokenLink('docs/README.md', 'errors.md#no-such-code')).toBe('docs/errors.md has no heading or anchor "no-such-code"');
    expect(brokenLink('README.md', '../elsewhere/notes.md')).toBe('leads outside the repository');
    expect(brokenLink('docs/README.md', 'errors.md#date-invalid')).toBeUndefined();
    expect(brokenLink('docs/writing.md', '#photos')).toBeUndefined();
  });
});

describe('docs/configuration.md', () => {
  it('has the table the schema and its doc comments make (run `node --import tsx scripts/config-reference.ts --write` after changing an option)', () => {
    const doc = read('docs/configuration.md');
    expect(doc).toBe(withConfigTable(doc));
  });

  it("lists every option with the schema's default and the meaning written on it", () => {
    const options = new Map(configOptions().map((option) => [option.name, option]));
    const defaults = resolveConfig({}, REPO);
    for (const key of ['title', 'baseUrl', 'timeZone', 'pageSize', 'outDir', 'search'] as const) {
      expect(options.get(key)?.default, key).toBe(`\`${JSON.stringify(defaults[key])}\``);
    }
    expect(options.get('frontPage.secondary')).toEqual({ name: 'frontPage.secondary', type: 'whole number, 0 to 4', default: '`3`', meaning: 'Secondary stories after the lead.' });
    expect(options.get('images.widths')?.default).toBe('`[480, 800, 1200, 1600]`');
    expect(options.get('languages.<code>.direction')?.type).toBe('`"ltr"` or `"rtl"`');
    expect(options.get('feedContent')?.type).toBe('`"full"` or `"summary"`');
  });

  it('refuses an option without a doc comment, naming it', () => {
    const comments = optionComments();
    comments.delete('related.tagWeight');
    expect(() => configOptions(comments)).toThrow('the option related.tagWeight has no doc comment in src/config-schema.ts');
  });

  it('refuses a doc comment with raw HTML, which would be markup on the page', () => {
    const comments = optionComments();
    comments.set('language', 'the <html lang> of every page');
    expect(() => configOptions(comments)).toThrow(/the doc comment of language in src\/config-schema\.ts has HTML \(<html lang>\)/);
  });
});
