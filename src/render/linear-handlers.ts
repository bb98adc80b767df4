// Two of mdast-util-to-hast's handlers, made linear. Its list item handler works out whether the
// list is loose by looking at every item of the list, for each item; its table row handler finds
// the row's index among all rows, for each row: time that grows with the square of the items or
// rows (a list of 15,000 items took 1.2 s of a 3 s render). These wrappers call the library's own
// handlers with a stand-in parent that answers those questions at once: the list's looseness,
// worked out once per list by the library's rule, and the header row alone. The HTML is the same;
// test/render-limits.test.ts compares it with the library's handlers on lists and tables.

import type { List, Parents, Table } from 'mdast';
import { defaultHandlers, type Handlers, type State } from 'mdast-util-to-hast';

const looseness = new WeakMap<List, boolean>();

/** Is the list loose, by mdast-util-to-hast's rule: spread, or an item spread (or, where unsaid, holding more than one block). */
function listLoose(list: List): boolean {
  let loose = looseness.get(list);
  if (loose === undefined) {
    loose = Boolean(list.spread) || list.children.some((item) => (item.spread ?? item.children.length > 1) === true);
    looseness.set(list, loose);
  }
  return loose;
}

/** remark-rehype's `handlers` option: list items and table rows in linear time. */
export const linearHandlers: Partial<Handlers> = {
  listItem(state: State, node, parent: Parents | undefined) {
    if (parent?.type !== 'list') return defaultHandlers.listItem(state, node, parent);
    const standIn: List = { type: 'list', spread: listLoose(parent), children: [] };
    return defaultHandlers.listItem(state, node, standIn);
  },
  tableRow(state: State, node, parent: Parents | undefined) {
    if (parent?.type !== 'table') return defaultHandlers.tableRow(state, node, parent);
    // Only the header row is found at index 0: every other row is a body row, as in the table.
    const standIn: Table = { type: 'table', align: parent.align, children: parent.children.slice(0, 1) };
    return defaultHandlers.tableRow(state, node, standIn);
  },
};
