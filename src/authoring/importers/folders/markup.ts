// Template code in other generators' posts, made Markdown where it says something Markdown can:
// - Liquid (Jekyll, Eleventy), read with LiquidJS's own tokenizer: {% raw %} -> its text as written,
//   {% highlight lang %} -> a fenced code block, {% comment %} -> nothing, {% post_url %} and
//   {% link %} -> a link to that post's article (urlOf), {{ site.baseurl }}
//   and {{ site.url }} -> nothing (they prefix site paths);
// - Hugo shortcodes: highlight -> fenced code, figure -> a captioned image, param -> the page's or
//   site's param (its text), ref/relref -> a link to that post's article (`ref "#part"`: that
//   heading of the same page), youtube/vimeo/gist/tweet (and the simple, no-JavaScript
//   vimeo_simple, twitter_simple, x_simple) -> a link; {{</* x */>}} -> the literal {{< x >}};
// - Zola shortcodes: youtube/vimeo/gist -> a link; `@/path.md` links -> a link to that post's article.
// Everything else stays in the text as written and is returned with its offset, for the report.
// Pure.

import { Tokenizer } from 'liquidjs';

/** Which template language a body is written in. */
export type TemplateLanguage = 'liquid' | 'hugo' | 'zola';

/** Template code left in the text, and where it starts (offset in the original body). */
export interface KeptMarkup {
  markup: string;
  offset: number;
}

/** What conversion needs: the old URL of another post of the same source, by how posts name it. */
export interface MarkupContext {
  /** The address to link for a post named by file (a post_url name, a ref path, a Zola @/ path), if it is imported. */
  urlOf(reference: string): string | undefined;
  /** A text setting of the site's config, by its path after `site.` (Jekyll's `{{ site.repository }}`, Hugo's `params.main`). */
  siteValue?(path: string): string | undefined;
  /** A text value of the post's own front-matter (a Hugo page param: a field, or one of its `params`). */
  pageValue?(name: string): string | undefined;
}

/** A body with its template code converted (see the top of this file). */
export function convertMarkup(body: string, language: TemplateLanguage, context: MarkupContext): { text: string; kept: KeptMarkup[] } {
  if (language === 'liquid') return body.includes('{%') || body.includes('{{') ? convertLiquid(body, context) : { text: body, kept: [] };
  if (language === 'hugo') return body.includes('{{') ? convertHugo(body, context) : { text: body, kept: [] };
  return convertZola(body, context);
}

function fence(language: string | undefined, code: string, before: string): string {
  const trimmed = code.replace(/^\s*\n/, '').replace(/\n\s*$/, '');
  const ticks = trimmed.includes('```') ? '~~~' : '```';
  return `${before === '' || before.endsWith('\n') ? '' : '\n'}${ticks}${language ?? ''}\n${trimmed}\n${ticks}`;
}

function convertLiquid(body: string, context: MarkupContext): { text: string; kept: KeptMarkup[] } {
  let tokens;
  try {
    tokens = new Tokenizer(body).readTopLevelTokens();
  } catch {
    // An unclosed {% or {{: Jekyll would fail on it too; keep the text and report its start.
    const offset = Math.min(...['{%', '{{'].map((mark) => body.indexOf(mark)).filter((at) => at !== -1));
    return { text: body, kept: [{ markup: body.slice(offset, offset + 60).split('\n')[0]!, offset }] };
  }
  const kept: KeptMarkup[] = [];
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const text = body.slice(token.begin, token.end);
    const kind = token.constructor.name;
    if (kind === 'HTMLToken') {
      out += text;
      continue;
    }
    if (kind === 'OutputToken') {
      const expression = text.replace(/^\{\{-?\s*|\s*-?\}\}$/g, '');
      if (/^site\.(baseurl|url|github\.url)$/.test(expression)) continue;
      // A site path through Jekyll's URL filters: the path itself (the new site serves it from its root).
      const literal = /^(["'])([^"']*)\1\s*\|\s*(?:relative_url|absolute_url)$/.exec(expression)?.[2];
      if (literal !== undefined) {
        out += literal;
        continue;
      }
      const setting = /^site\.([\w.]+)$/.exec(expression)?.[1];
      const value = setting === undefined ? undefined : context.siteValue?.(setting);
      if (value !== undefined) {
        out += value;
        continue;
      }
      kept.push({ markup: text, offset: token.begin });
      out += text;
      continue;
    }
    const tag = token as unknown as { name: string; args: string };
    const block = (end: string) => {
      const close = tokens.findIndex((candidate, at) => at > i && candidate.constructor.name === 'TagToken' && (candidate as unknown as { name: string }).name === end);
      if (close === -1) return undefined;
      const inner = body.slice(token.end, tokens[close]!.begin);
      i = close;
      return inner;
    };
    if (tag.name === 'raw') {
      const inner = block('endraw');
      out += inner ?? text;
    } else if (tag.name === 'highlight') {
      const inner = block('endhighlight');
      out += inner === undefined ? text : fence(tag.args.trim().split(/\s+/)[0] || undefined, inner, out);
    } else if (tag.name === 'comment') {
      if (block('endcomment') === undefined) out += text;
    } else if ((tag.name === 'post_url' || tag.name === 'link') && context.urlOf(tag.args.trim())) {
      out += context.urlOf(tag.args.trim());
    } else {
      kept.push({ markup: text, offset: token.begin });
      out += text;
    }
  }
  return { text: out, kept };
}

interface Shortcode {
  name: string;
  closing: boolean;
  /** Named and positional arguments. */
  named: Record<string, string>;
  positional: string[];
  start: number;
  end: number;
}

/** Hugo shortcodes `{{< name args >}}` / `{{% name args %}}`, read by their own small syntax. */
function convertHugo(body: string, context: MarkupContext): { text: string; kept: KeptMarkup[] } {
  const kept: KeptMarkup[] = [];
  let out = '';
  let at = 0;
  while (at < body.length) {
    const open = body.indexOf('{{', at);
    if (open === -1) break;
    const delimiter = body[open + 2];
    if (delimiter !== '<' && delimiter !== '%') {
      out += body.slice(at, open + 2);
      at = open + 2;
      continue;
    }
    const closeMark = `${delimiter === '<' ? '>' : '%'}}}`;
    const close = body.indexOf(closeMark, open + 3);
    if (close === -1) break;
    const inside = body.slice(open + 3, close).trim();
    const end = close + closeMark.length;
    out += body.slice(at, open);
    at = end;
    if (inside.startsWith('/*') && inside.endsWith('*/')) {
      // {{</* x */>}}: Hugo's way of writing a shortcode as text.
      out += `{{${delimiter} ${inside.slice(2, -2).trim()} ${delimiter === '<' ? '>' : '%'}}}`;
      continue;
    }
    const code = parseShortcode(inside, open, end);
    if (code.name === 'highlight' && !code.closing) {
      const endTag = findClosing(body, 'highlight', end);
      if (endTag) {
        out += fence(code.positional[0], body.slice(end, endTag.start), out);
        at = endTag.end;
        continue;
      }
    }
    const replaced = hugoReplacement(code, context);
    if (replaced !== undefined) {
      out += replaced;
      continue;
    }
    kept.push({ markup: body.slice(open, end), offset: open });
    out += body.slice(open, end);
  }
  return { text: out + body.slice(at), kept };
}

function hugoReplacement(code: Shortcode, context: MarkupContext): string | undefined {
  const arg = (name: string, index = 0) => code.named[name] ?? code.positional[index];
  switch (code.closing ? '' : code.name) {
    case 'figure': {
      const src = arg('src');
      if (!src) return undefined;
      const caption = code.named.caption ?? code.named.title;
      return `![${code.named.alt ?? caption ?? ''}](${src}${caption ? ` "${caption.replaceAll('"', '\\"')}"` : ''})`;
    }
    case 'param': {
      // A page param first, then the site's (Hugo lowercases the keys of its config).
      const name = arg('name') ?? '';
      return name ? (context.pageValue?.(name) ?? context.siteValue?.(`params.${name}`) ?? context.siteValue?.(`params.${name.toLowerCase()}`)) : undefined;
    }
    case 'ref':
    case 'relref': {
      // "#part" alone is a heading of the same page: Hugo writes the page's own URL before it.
      const target = arg('path') ?? '';
      return target.startsWith('#') && target.length > 1 ? target : context.urlOf(target);
    }
    case 'youtube':
      return arg('id') ? link(`https://www.youtube.com/watch?v=${arg('id')}`, code.named.title ?? 'Video on YouTube') : undefined;
    case 'vimeo':
    case 'vimeo_simple':
      return arg('id') ? link(`https://vimeo.com/${arg('id')}`, code.named.title ?? 'Video on Vimeo') : undefined;
    case 'gist':
      return arg('user') && arg('id', 1) ? link(`https://gist.github.com/${arg('user')}/${arg('id', 1)}`, 'Code on GitHub Gist') : undefined;
    case 'tweet':
    case 'x':
    case 'twitter':
    case 'x_simple':
    case 'twitter_simple':
      return code.named.user && code.named.id ? link(`https://x.com/${code.named.user}/status/${code.named.id}`, 'Post on X') : undefined;
    default:
      return undefined;
  }
}

function link(url: string, label: string): string {
  return `[${label}](${url})`;
}

function findClosing(body: string, name: string, from: number): { start: number; end: number } | undefined {
  for (const [open, close] of [['{{<', '>}}'], ['{{%', '%}}']] as const) {
    let at = body.indexOf(open, from);
    while (at !== -1) {
      const end = body.indexOf(close, at);
      if (end === -1) break;
      if (body.slice(at + 3, end).trim() === `/${name}`) return { start: at, end: end + 3 };
      at = body.indexOf(open, end);
    }
  }
  return undefined;
}

/** `name arg "quoted arg" key="value"` -> its parts. */
function parseShortcode(inside: string, start: number, end: number): Shortcode {
  const closing = inside.startsWith('/');
  const words: string[] = [];
  const named: Record<string, string> = {};
  const pattern = /([\w-]+)=(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+))|"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g;
  for (const match of (closing ? inside.slice(1) : inside).matchAll(pattern)) {
    if (match[1]) named[match[1]] = (match[2] ?? match[3] ?? match[4] ?? '').replace(/\\"/g, '"');
    else words.push((match[5] ?? match[6] ?? match[7] ?? '').replace(/\\"/g, '"'));
  }
  const [name = '', ...positional] = words;
  return { name, closing, named, positional, start, end };
}

/** Zola: `{{ name(args) }}` and `{% name(args) %}...{% end %}` shortcodes, `@/path.md` internal links. */
function convertZola(body: string, context: MarkupContext): { text: string; kept: KeptMarkup[] } {
  const kept: KeptMarkup[] = [];
  const withLinks = body.replace(/\]\(@\/([^)\s#]+)(#[^)\s]*)?\)/g, (whole, target: string, anchor?: string) => {
    const url = context.urlOf(target);
    return url ? `](${url}${anchor ?? ''})` : whole;
  });
  const text = withLinks.replace(/\{\{\s*([A-Za-z_]\w*)\(([^)]*)\)\s*\}\}|\{%\s*([A-Za-z_]\w*)\(([^)]*)\)\s*%\}/g, (whole, inlineName?: string, inlineArgs?: string, blockName?: string, blockArgs?: string, offset?: number) => {
    const name = inlineName ?? blockName ?? '';
    const args = Object.fromEntries([...(inlineArgs ?? blockArgs ?? '').matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^,\s]+))/g)].map((match) => [match[1]!, match[2] ?? match[3] ?? match[4] ?? '']));
    if (name === 'youtube' && args.id) return link(`https://www.youtube.com/watch?v=${args.id}`, 'Video on YouTube');
    if (name === 'vimeo' && args.id) return link(`https://vimeo.com/${args.id}`, 'Video on Vimeo');
    if (name === 'gist' && args.url) return link(args.url, 'Code on GitHub Gist');
    kept.push({ markup: whole, offset: offset ?? 0 });
    return whole;
  });
  return { text, kept };
}
