// The `card` filter: an article's card in a list, rendered once per build and reused on every list
// the article is on (see registerCardFilter). The engine that registers it is templates.ts.

import type { Liquid, Template } from 'liquidjs';
import type { FilterThis } from './ui-filters.js';

const CARD_MEMO_LIMIT = 20_000;

/** The template of one article in a list: see registerCardFilter. */
export const CARD_TEMPLATE = 'partials/article-card';

/**
 * {{ item | card | raw }}: the article's card (partials/article-card.liquid, which sees `item`,
 * `level` (its title's heading level: `{{ item | card: 3 }}`, else 2), `site` and `language` only) rendered
 * once per article and level per build and reused on every list the article is on, like Hugo's
 * partialCached: an article appears on the home, topic, tag, month and day lists. A render error
 * is thrown as `failed` makes it (a TemplateError naming the card's template).
 */
export function registerCardFilter(engine: Liquid, failed: (error: unknown) => Error): void {
  const cards = new Map<string, string>();
  let template: Template[] | undefined;
  engine.registerFilter('card', function (this: FilterThis, item: unknown, level: unknown = 2) {
    const articleKey = (item as { key?: unknown } | null)?.key;
    // The title's heading level: 2 in plain lists, 3 under a front page section's heading.
    const depth = typeof level === 'number' && Number.isInteger(level) && level >= 2 && level <= 6 ? level : 2;
    // A card with a photo (the front page's) differs from the same article's card without; the
    // photo's first file names its bytes (images/<hash of source and settings>/...).
    const photo = (item as { photo?: { files?: Array<{ url?: unknown }> } | null } | null)?.photo?.files?.[0]?.url;
    const variant = `${depth === 2 ? '' : `:h${depth}`}${typeof photo === 'string' ? `:photo:${photo}` : ''}`;
    // A card speaks its page's language (its texts and dates): one article's card may be on pages of two.
    const language = (this.context.environments as { language?: { code?: unknown } }).language ?? null;
    const key = typeof articleKey === 'string' && articleKey !== '' ? `${articleKey}${variant}:${String(language?.code ?? '')}` : undefined;
    const cached = key !== undefined ? cards.get(key) : undefined;
    if (cached !== undefined) return cached;
    try {
      template ??= engine.parseFileSync(CARD_TEMPLATE);
      const html = engine.renderSync(template, { item, level: depth, site: this.context.getSync(['site']), language }) as string;
      if (key !== undefined) {
        // Bounded: on a 100,000-article archive every card kept would be ~60 MB per thread.
        if (cards.size >= CARD_MEMO_LIMIT) cards.clear();
        cards.set(key, html);
      }
      return html;
    } catch (error) {
      throw failed(error);
    }
  });
}
