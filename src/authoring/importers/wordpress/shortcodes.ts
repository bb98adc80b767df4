// WordPress shortcodes in post text: `[name attr="value"]`, and `[name ...]content[/name]` around
// content. Shortcodes are WordPress's own text syntax, not HTML, so they are read here, before the
// HTML is parsed, by a small scanner of that syntax (`[[name]]` is WordPress's escape for a literal).
// Those with a Markdown equivalent are replaced by HTML the converter turns into it:
// [caption] / [wp_caption] -> a figure (captioned image); [code], [sourcecode] -> a code block with its
// language; [embed]URL[/embed], [audio mp3=URL], [video src=URL] -> a link. Every other shortcode
// stays in the text as written and is returned, with the offset where it starts, for the import
// report. Inside a code sample (<pre>, <code>, found by parse5) a shortcode is the code's text: it
// is neither converted nor reported (a post about WordPress shows `[gallery]` as code). `[[name]]`
// is read as a literal `[name]` only for a shortcode's name, as WordPress reads it: `a[[0]]` in a
// code sample stays as written. Pure.

import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

/** A shortcode left in the text: as written (the opening tag), and where it starts in the text. */
export interface KeptShortcode {
  markup: string;
  offset: number;
}

/** Shortcodes WordPress and its common plugins register: text in brackets with another name is prose. */
const KNOWN = new Set([
  'caption', 'wp_caption', 'gallery', 'embed', 'audio', 'video', 'playlist', 'code', 'sourcecode', 'source', 'youtube', 'vimeo', 'twitter', 'tweet',
  'instagram', 'soundcloud', 'googlemaps', 'contact-form', 'contact-form-7', 'polldaddy', 'slideshare', 'dailymotion', 'spotify', 'ted', 'scribd',
  'archives', 'recipe', 'wpvideo', 'vr', 'issuu', 'flickr', 'bandcamp', 'gist', 'php', 'js', 'css', 'html', 'xml', 'python', 'ruby', 'bash',
]);
const CODE = new Set(['code', 'sourcecode', 'source']);
/** The attributes [audio] and [video] name a file by, besides src: one per format. */
const MEDIA_FORMATS = ['mp3', 'm4a', 'ogg', 'oga', 'wav', 'wma', 'flac', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv', 'mov'];

interface Tag {
  name: string;
  attributes: Record<string, string>;
  positional: string[];
  start: number;
  /** Just after the closing bracket of the opening tag. */
  end: number;
}

/** The post text with shortcodes replaced where Markdown can say the same, and the ones kept. */
export function convertShortcodes(text: string): { html: string; kept: KeptShortcode[] } {
  const kept: KeptShortcode[] = [];
  const code = codeRanges(text);
  let out = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('[', at);
    if (open === -1) break;
    const close = text[open + 1] === '[' ? text.indexOf(']]', open) : -1;
    if (close !== -1 && KNOWN.has(shortcodeName(text, open + 1)?.toLowerCase() ?? '')) {
      // [[name]]: a literal [name].
      out += text.slice(at, open) + text.slice(open + 1, close + 1);
      at = close + 2;
      continue;
    }
    const tag = code.some(([start, end]) => open >= start && open < end) ? undefined : readTag(text, open);
    if (!tag) {
      out += text.slice(at, open + 1);
      at = open + 1;
      continue;
    }
    const closing = `[/${tag.name}]`;
    const closeAt = text.indexOf(closing, tag.end);
    const enclosing = closeAt !== -1 && !text.slice(tag.end, closeAt).includes(`[${tag.name} `) && !text.slice(tag.end, closeAt).includes(`[${tag.name}]`);
    const inner = enclosing ? text.slice(tag.end, closeAt) : '';
    const after = enclosing ? closeAt + closing.length : tag.end;
    const replaced = replacement(tag, inner, enclosing);
    out += text.slice(at, open);
    if (replaced !== undefined) {
      out += replaced;
    } else {
      kept.push({ markup: text.slice(open, tag.end), offset: open });
      out += text.slice(open, after);
    }
    at = after;
  }
  return { html: out + text.slice(at), kept };
}

function replacement(tag: Tag, inner: string, enclosing: boolean): string | undefined {
  if ((tag.name === 'caption' || tag.name === 'wp_caption') && enclosing) {
    const caption = tag.attributes.caption ? `<figcaption>${escapeHtml(tag.attributes.caption)}</figcaption>` : '';
    return `<figure>${inner}${caption}</figure>`;
  }
  if (CODE.has(tag.name) && enclosing) {
    const language = tag.attributes.language ?? tag.attributes.lang ?? tag.positional[0];
    const code = inner.replace(/^\n/, '').replace(/\n$/, '');
    return `<pre><code${language ? ` class="language-${escapeHtml(language)}"` : ''}>${escapeHtml(code)}</code></pre>`;
  }
  if (tag.name === 'audio' || tag.name === 'video') {
    // [audio mp3="..."][/audio], [video src="..."]: a link to the file, as an <audio> or <video> element becomes.
    const src = [tag.attributes.src, ...MEDIA_FORMATS.map((format) => tag.attributes[format])].find((value) => value !== undefined && /^https?:\/\/\S+$/.test(value));
    if (src) return `<p><a href="${escapeHtml(src)}">Embedded ${tag.name}: ${escapeHtml(src)}</a></p>`;
  }
  if (tag.name === 'embed' && enclosing && /^https?:\/\/\S+$/.test(inner.trim())) {
    const url = escapeHtml(inner.trim());
    return `<p><a href="${url}">${url}</a></p>`;
  }
  return undefined;
}

/** Where the code samples of the post are: the offsets of each outermost <pre> and <code> element, start and end. */
function codeRanges(text: string): Array<[number, number]> {
  // The cheap look first: most posts hold no code.
  if (!/<(pre|code)[\s>]/i.test(text)) return [];
  const ranges: Array<[number, number]> = [];
  const walk = (node: DefaultTreeAdapterMap['parentNode']) => {
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const place = child.sourceCodeLocation;
      if ((child.tagName === 'pre' || child.tagName === 'code') && place) ranges.push([place.startOffset, place.endTag?.endOffset ?? text.length]);
      else walk(child);
    }
  };
  walk(parseFragment(text, { sourceCodeLocationInfo: true }));
  return ranges;
}

/** The name of the shortcode whose "[" is at `start`, if the text there could be one. */
function shortcodeName(text: string, start: number): string | undefined {
  return /^[A-Za-z][\w-]*/.exec(text.slice(start + 1, start + 65))?.[0];
}

/** An opening tag at `start` ("[" there), or undefined when the text there is not a known shortcode. */
function readTag(text: string, start: number): Tag | undefined {
  const name = shortcodeName(text, start);
  if (!name || !KNOWN.has(name.toLowerCase())) return undefined;
  const attributes: Record<string, string> = {};
  const positional: string[] = [];
  let i = start + 1 + name.length;
  while (i < text.length) {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n') i++;
    const char = text[i];
    if (char === ']' || (char === '/' && text[i + 1] === ']')) {
      return { name: name.toLowerCase(), attributes, positional, start, end: i + (char === '/' ? 2 : 1) };
    }
    if (char === undefined || char === '[') return undefined;
    const key = /^[\w-]+/.exec(text.slice(i, i + 64))?.[0];
    if (key && text[i + key.length] === '=') {
      i += key.length + 1;
      const [value, next] = readValue(text, i);
      attributes[key.toLowerCase()] = value;
      i = next;
    } else {
      const [value, next] = readValue(text, i);
      if (next === i) return undefined;
      positional.push(value);
      i = next;
    }
  }
  return undefined;
}

/** A quoted ("..." or '...') or bare value at `i`, and the index after it. */
function readValue(text: string, i: number): [string, number] {
  const quote = text[i];
  if (quote === '"' || quote === "'" || quote === '\u201d' || quote === '\u2033') {
    const close = quote === '"' || quote === "'" ? quote : quote;
    const end = text.indexOf(close, i + 1);
    if (end === -1) return [text.slice(i + 1), text.length];
    return [text.slice(i + 1, end), end + 1];
  }
  let end = i;
  while (end < text.length && !/[\s\]]/.test(text[end]!) && !(text[end] === '/' && text[end + 1] === ']')) end++;
  return [text.slice(i, end), end];
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}
