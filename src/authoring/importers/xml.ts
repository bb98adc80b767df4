// XML as the importers read it (WordPress exports, RSS, Atom): checked and parsed by fast-xml-parser
// (one decoding of entities, CDATA kept as text, HTML entities such as &nbsp; read), then made a
// small tree of elements whose names carry a canonical prefix for the namespaces importers use,
// whatever prefix the document chose: `content:encoded`, `dc:creator`, `wp:post_id`, `atom:entry`.
// Elements keep their offset in the text, so a problem can name its line and column. Pure.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { BuildFailure, problem, type Position } from '../../problems/index.js';

/** An element: its canonical name, attributes as written, children in order, offset in the text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  offset: number;
}

/** A child of an element: an element or a run of text. */
export type XmlNode = XmlElement | string;

/** Namespaces by URI (or URI start) -> the prefix element names get; no namespace is no prefix. */
const PREFIXES: ReadonlyArray<[test: (uri: string) => boolean, prefix: string]> = [
  [(uri) => uri === 'http://purl.org/rss/1.0/modules/content/', 'content'],
  [(uri) => uri === 'http://purl.org/dc/elements/1.1/', 'dc'],
  [(uri) => uri === 'http://purl.org/dc/terms/', 'dcterms'],
  [(uri) => /^https?:\/\/wordpress\.org\/export\/[^/]+\/excerpt\/$/.test(uri), 'excerpt'],
  [(uri) => /^https?:\/\/wordpress\.org\/export\//.test(uri), 'wp'],
  [(uri) => uri === 'http://www.w3.org/2005/Atom', 'atom'],
  [(uri) => uri === 'http://search.yahoo.com/mrss/', 'media'],
  [(uri) => uri === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'rdf'],
  // RSS 1.0 items are RSS items, and XHTML inside Atom content is plain HTML.
  [(uri) => uri === 'http://purl.org/rss/1.0/' || uri === 'http://www.w3.org/1999/xhtml', ''],
];

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  captureMetaData: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});
// Typed as Symbol (the interface) by fast-xml-parser; it is a symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/**
 * The root element of an XML text. A text that is not well-formed XML throws a BuildFailure with
 * one `import-source` error at the parser's line and column; white space before the declaration,
 * which feed readers take, is not an error.
 */
export function readXml(written: string, file: string): XmlElement {
  const text = withoutLateDeclaration(written);
  const checked = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (checked !== true) {
    const { line, col, msg } = checked.err;
    throw new BuildFailure([problem('import-source', file, { line, column: col }, { kind: 'syntax', language: 'XML', message: msg })]);
  }
  let raw: RawNode[];
  try {
    raw = parser.parse(text) as RawNode[];
  } catch (error) {
    // Well-formed, but with a DOCTYPE the parser refuses to act on (an external entity, SYSTEM
    // "file:///etc/passwd", which it never reads): an error at the DOCTYPE, not a crash.
    const before = text.slice(0, Math.max(0, text.indexOf('<!DOCTYPE')));
    const at = { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
    throw new BuildFailure([problem('import-source', file, at, { kind: 'syntax', language: 'XML', message: error instanceof Error ? error.message : String(error) })]);
  }
  const root = convert(raw, new Map()).find((node): node is XmlElement => typeof node !== 'string');
  if (!root) throw new BuildFailure([problem('import-source', file, { line: 1, column: 1 }, { kind: 'syntax', language: 'XML', message: 'no root element' })]);
  return root;
}

/**
 * `text` with its XML declaration blanked when white space comes before it (blank lines at the top
 * of a feed): the XML rules refuse that, and the parser uses nothing the declaration says (the
 * text is decoded already: source-text.ts). Blanked, not cut, so every line and column stays.
 */
function withoutLateDeclaration(text: string): string {
  const start = text.trimStart();
  if (start === text || !start.startsWith('<?xml')) return text;
  const end = start.indexOf('?>') + 2;
  return end < 2 ? text : text.slice(0, text.length - start.length) + ' '.repeat(end) + start.slice(end);
}

const declarationParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

/**
 * The encoding an XML text's declaration names (`<?xml version="1.0" encoding="ISO-8859-1"?>`),
 * if it starts with one that does: `text` may be bytes read as Latin-1 (the declaration is ASCII).
 */
export function declaredEncoding(text: string): string | undefined {
  if (!text.startsWith('<?xml')) return undefined;
  const end = text.indexOf('?>');
  if (end === -1) return undefined;
  try {
    const declaration = (declarationParser.parse(text.slice(0, end + 2)) as { '?xml'?: { encoding?: unknown } })['?xml'];
    return typeof declaration?.encoding === 'string' ? declaration.encoding : undefined;
  } catch {
    return undefined;
  }
}

function convert(nodes: readonly RawNode[], scope: ReadonlyMap<string, string>): XmlNode[] {
  const result: XmlNode[] = [];
  for (const node of nodes) {
    if ('#text' in node) {
      result.push(String(node['#text']));
      continue;
    }
    const tag = Object.keys(node).find((key) => key !== ':@');
    if (tag === undefined) continue;
    const attributes = node[':@'] ?? {};
    let names = scope;
    for (const [key, value] of Object.entries(attributes)) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        if (names === scope) names = new Map(scope);
        (names as Map<string, string>).set(key === 'xmlns' ? '' : key.slice(6), value);
      }
    }
    const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
    result.push({ name: canonicalName(tag, names), attributes: { ...attributes }, children: convert((node[tag] as RawNode[]) ?? [], names), offset: meta?.startIndex ?? 0 });
  }
  return result;
}

function canonicalName(tag: string, names: ReadonlyMap<string, string>): string {
  const colon = tag.indexOf(':');
  const prefix = colon === -1 ? '' : tag.slice(0, colon);
  const local = colon === -1 ? tag : tag.slice(colon + 1);
  const uri = names.get(prefix);
  if (uri === undefined) return tag;
  const known = PREFIXES.find(([test]) => test(uri));
  if (!known) return tag;
  return known[1] ? `${known[1]}:${local}` : local;
}

/** The first child element named `name`. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((node): node is XmlElement => typeof node !== 'string' && node.name === name);
}

/** Every child element named `name`, in order. */
export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return (element?.children ?? []).filter((node): node is XmlElement => typeof node !== 'string' && node.name === name);
}

/** The text of an element and everything in it, as written (not trimmed); '' for none. */
export function textOf(element: XmlElement | undefined): string {
  if (!element) return '';
  return element.children.map((node) => (typeof node === 'string' ? node : textOf(node))).join('');
}

/** The trimmed text of the first child named `name`, or undefined when it is absent or empty. */
export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const text = textOf(child(element, name)).trim();
  return text === '' ? undefined : text;
}

/** An element's children as HTML text (Atom's type="xhtml" content): elements by local name, text escaped. */
export function innerMarkup(element: XmlElement): string {
  return element.children
    .map((node) => {
      if (typeof node === 'string') return escapeText(node);
      const attributes = Object.entries(node.attributes)
        .filter(([key]) => key !== 'xmlns' && !key.startsWith('xmlns:'))
        .map(([key, value]) => ` ${key}="${escapeText(value).replaceAll('"', '&quot;')}"`)
        .join('');
      const local = node.name.slice(node.name.indexOf(':') + 1);
      if (VOID_ELEMENTS.has(local) && node.children.length === 0) return `<${local}${attributes}>`;
      return `<${local}${attributes}>${innerMarkup(node)}</${local}>`;
    })
    .join('');
}

/** HTML elements that have no end tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/**
 * Where elements of a text are: a function from an element to its 1-based line and column. Line
 * starts are found once, so placing thousands of items of a large export stays linear.
 */
export function placer(text: string): (element: XmlElement) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (element) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= element.offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: element.offset - starts[low]! + 1 };
  };
}
