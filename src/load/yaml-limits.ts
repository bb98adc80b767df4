// What a front-matter document may not do, so that no file can make parsing it slow, deep, huge
// or circular: be longer than FRONT_MATTER_LIMIT, nest deeper than YAML_DEPTH_LIMIT, repeat a key,
// use an alias with no anchor or inside its own anchor's value, or expand aliases beyond the
// `yaml` package's maxAliasCount. Limits only: frontmatter.ts turns findings into problems.
//
// Why these numbers. The seed's largest front-matter is 286 characters; a generous real one (long
// summary, corrections, image credits) stays under 5 KB. Parsing time grows with size: a 64 KiB
// list of 32,000 entries parses in ~0.3 s (0.8 s on a loaded 2-core machine), far inside the
// default render budget. Real front-matter nests three levels at most (corrections: a list of
// maps); the parser's own stack gives out near 1,000 levels, at a depth that differs between the
// main thread and a worker, so a limit of our own keeps the result the same on both.
//
// Duplicate keys are found here, not by the parser: its check (`uniqueKeys`) compares each key
// with every earlier one, and a 64 KiB map of 12,000 keys took 4 s that way; a Set takes
// milliseconds. Same keys count as duplicates as before: scalar keys with equal values.

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';

/** Longest front-matter read, in characters (UTF-16 units) between the two --- lines. */
export const FRONT_MATTER_LIMIT = 65_536;

/** Deepest nesting of lists and maps in front-matter (a top-level field's list is level 2). */
export const YAML_DEPTH_LIMIT = 32;

/** Alias expansion allowed by the `yaml` package's toJS (its default); beyond it, an alias bomb. */
export const YAML_MAX_ALIAS_COUNT = 100;

/** An error the parser would have reported, in its shape (offset range in the YAML text). */
export interface TreeError {
  code: 'DUPLICATE_KEY' | 'UNRESOLVED_ALIAS';
  pos: [number, number];
  message: string;
}

/** What one walk of the parsed front-matter found. Offsets are in the YAML text. */
export interface TreeFindings {
  /** Start of the first list or map nested deeper than YAML_DEPTH_LIMIT. */
  tooDeep?: number;
  /** The earliest duplicate key or alias without an anchor. */
  error?: TreeError;
  /** Start of the first alias: where an alias bomb is reported. */
  firstAlias?: number;
  /** Start of the first alias inside the list or map its anchor names: a value containing itself. */
  circular?: number;
}

/**
 * Walk the document once, in document order (as the parser resolves aliases), without
 * recursion: a document that exhausted the parser's stack is walked too (its partial tree), so
 * that it is reported by depth like any other deep document. Stops below the depth limit.
 */
export function inspectYamlTree(doc: Document.Parsed): TreeFindings {
  const findings: TreeFindings = {};
  // The latest node with each anchor (an alias names the last one before it), and the lists and
  // maps the walk is inside: an alias to one of those would make a value that contains itself.
  const anchors = new Map<string, Node>();
  const open = new Set<Node>();
  const stack: Array<{ node: unknown; depth: number; close?: Node }> = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth, close } = stack.pop()!;
    if (close) {
      open.delete(close);
      continue;
    }
    if (isPair(node)) {
      stack.push({ node: node.value, depth }, { node: node.key, depth });
      continue;
    }
    if (!isNode(node)) continue;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isAlias(node)) {
      findings.firstAlias ??= node.range?.[0];
      const target = anchors.get(node.source);
      if (!target) findings.error = earlier(findings.error, treeError('UNRESOLVED_ALIAS', node, `alias *${node.source} has no anchor &${node.source} before it`));
      else if (open.has(target)) findings.circular ??= node.range?.[0] ?? 0;
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth + 1 > YAML_DEPTH_LIMIT) {
      findings.tooDeep = node.range?.[0] ?? 0;
      return findings;
    }
    if (isMap(node)) {
      const keys = new Set<unknown>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        if (keys.has(pair.key.value)) findings.error = earlier(findings.error, treeError('DUPLICATE_KEY', pair.key, 'Map keys must be unique'));
        keys.add(pair.key.value);
      }
    }
    open.add(node);
    stack.push({ node: undefined, depth, close: node });
    const items: readonly unknown[] = node.items;
    for (let i = items.length - 1; i >= 0; i--) stack.push({ node: items[i], depth: depth + 1 });
  }
  return findings;
}

function isNode(value: unknown): value is Node {
  return isScalar(value) || isAlias(value) || isMap(value) || isSeq(value);
}

function earlier(a: TreeError | undefined, b: TreeError): TreeError {
  return a && a.pos[0] <= b.pos[0] ? a : b;
}

function treeError(code: TreeError['code'], node: Node, message: string): TreeError {
  const start = node.range?.[0] ?? 0;
  return { code, pos: [start, node.range?.[1] ?? start], message };
}

/** Is this error thrown by toJS the parser's alias-bomb guard? */
export function isAliasBomb(error: unknown): boolean {
  return error instanceof ReferenceError && error.message.startsWith('Excessive alias count');
}
