// Escaping text for markup Broadsheet writes itself (feeds, meta tags, rewritten links), where no
// template engine escapes for us. One function for HTML and XML alike: text and attribute values.

/**
 * Characters XML 1.0 forbids anywhere, even escaped; a stray one would make a whole feed unreadable.
 * Global: for replace(); with test() or exec() its lastIndex carries over between calls.
 */
export const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text or an attribute value (in double quotes), escaped for HTML and XML. */
export function escapeMarkup(text: string): string {
  return text
    .replace(XML_FORBIDDEN, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
