// How feed text goes into XML. Feeds are written as string templates, not through an XML library,
// so every value passes through one of these on its way into an element or an attribute.

import { escapeMarkup, XML_FORBIDDEN } from '../../escape.js';

/** Text as XML character data or a double-quoted attribute value. */
export const xml = escapeMarkup;

/** HTML as a CDATA section; a "]]>" inside is split across two sections. */
export function cdata(html: string): string {
  return `<![CDATA[${html.replace(XML_FORBIDDEN, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
