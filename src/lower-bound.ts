// The one binary search: the model's sorted article lists (newest first) and the related index's
// ascending id lists, and the output manifest's sorted file names, are all searched through it.

/**
 * The first index in [0, length) at which `reached(index)` holds, or `length` if it never does.
 * `reached` must be false up to some index and true from there on (a sorted list's order).
 */
export function lowerBound(length: number, reached: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}
