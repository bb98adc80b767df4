// An HTML element's classes, as hast keeps them (properties.className: a list, or absent).

import type { Element } from 'hast';

/** Whether `element` has the class `name` (WordPress marks its blocks so: wp-block-verse, wp-caption). */
export function hasClass(element: Element, name: string): boolean {
  const classes = element.properties.className;
  return Array.isArray(classes) && classes.includes(name);
}
