// A language's names for the site's topics and tags on a multilingual site: content/<code>/terms.yaml,
// two maps from the name a topic or tag has in the default language to its name in this one:
//
//   topics:
//     Politics: Саясат
//   tags:
//     Almaty: Алматы
//
// A term keeps one slug in every language (the default language's name's), so /ru/tags/almaty/ is
// /tags/almaty/'s counterpart and shows "Алматы". Read under the site's symlink policy, its YAML
// held to the front-matter limits; a problem names the file and the line.

import { lstatSync } from 'node:fs';
import path from 'node:path';
import { isMap, isNode, isScalar, parseDocument } from 'yaml';
import type { SiteConfig } from '../config.js';
import { positionAt, problem, type Problem } from '../problems/index.js';
import { visibleText } from '../visible-text.js';
import { displayPath, readInputText } from './discover.js';
import { inspectYamlTree } from './yaml-limits.js';

/** The term file's name, in a language's folder under content/. */
export const TERMS_FILE = 'terms.yaml';

/** One language's names for topics and tags: the default language's name -> this language's. */
export interface TermNames {
  topics: ReadonlyMap<string, string>;
  tags: ReadonlyMap<string, string>;
}

/** No names: every term is shown as written. */
export const NO_TERM_NAMES: TermNames = { topics: new Map(), tags: new Map() };

/**
 * The term names of each language code in `codes` (the default language's need none), from their
 * term files; a language without one has none.
 */
export function loadTermNames(config: Pick<SiteConfig, 'root' | 'contentPath'>, codes: readonly string[]): { names: Map<string, TermNames>; problems: Problem[] } {
  const names = new Map<string, TermNames>();
  const problems: Problem[] = [];
  for (const code of codes) {
    const absolute = path.join(config.contentPath, code, TERMS_FILE);
    if (!lstatSync(absolute, { throwIfNoEntry: false })?.isFile()) continue;
    const file = displayPath(config, absolute);
    const text = readInputText(absolute);
    const document = parseDocument(text, { schema: 'core', uniqueKeys: true });
    const at = (offset: number | undefined) => positionAt(text, offset ?? 0);
    const fail = (detail: string, offset?: number) => problems.push(problem('terms-invalid', file, at(offset), { lang: code, detail }));
    if (document.errors.length > 0) {
      fail(document.errors[0]!.message.split('\n')[0]!, document.errors[0]!.pos[0]);
      continue;
    }
    const tree = inspectYamlTree(document);
    if (tree.error || tree.firstAlias !== undefined) {
      fail('expected plain maps of names, without anchors or deep nesting', tree.error?.pos[0] ?? tree.firstAlias);
      continue;
    }
    const root = document.contents;
    if (root !== null && !isMap(root)) {
      fail('expected topics: and tags: maps');
      continue;
    }
    const read: { topics: Map<string, string>; tags: Map<string, string> } = { topics: new Map(), tags: new Map() };
    for (const pair of root?.items ?? []) {
      const kind = isScalar(pair.key) ? String(pair.key.value) : '';
      if (kind !== 'topics' && kind !== 'tags') {
        fail(`unknown section ${JSON.stringify(kind)}: expected topics or tags`, isScalar(pair.key) ? pair.key.range?.[0] : undefined);
        continue;
      }
      if (pair.value === null) continue;
      if (!isMap(pair.value)) {
        fail(`${kind} must map each name in the default language to its name in ${code}`, isNode(pair.value) ? pair.value.range?.[0] : undefined);
        continue;
      }
      for (const entry of pair.value.items) {
        const from = isScalar(entry.key) ? visibleText(String(entry.key.value)) : '';
        const to = isScalar(entry.value) ? visibleText(String(entry.value.value)) : '';
        if (from === '' || to === '') {
          fail(`each ${kind.slice(0, -1)} needs a name in both languages`, isScalar(entry.key) ? entry.key.range?.[0] : undefined);
          continue;
        }
        read[kind].set(from, to);
      }
    }
    names.set(code, read);
  }
  return { names, problems };
}
