// The dev server's search index. An update brings pages in within milliseconds; Pagefind needs
// seconds for a large shard, so the index is not part of an update: once edits settle
// (the flush after an update), the periods whose articles changed are indexed again in the
// background, and only the short last step (writing the bundles into the served folder) waits
// its turn with the updates. If an update lands while Pagefind works, that work is dropped and
// the next flush starts again from the site as it is then. After it, the served index is the one
// a full build would write (test/dev.test.ts).

import { indexStaleShards, writeSearchBundles } from '../search/output.js';
import { isSearchCurrent, planSearch, SEARCH_FOLDER } from '../search/plan.js';
import { outputContext } from '../pipeline/context.js';
import { writeTransaction } from '../pipeline/transaction.js';
import { DirectWriter } from '../write/direct-writer.js';
import { noProgress } from '../report.js';
import type { DevState } from './state.js';

/**
 * Index again what `state`'s site changed since its bundles were written. `apply` runs the
 * writing step when no update is under way and returns whether the site is still the one indexed
 * (else nothing is written). Returns the output files that changed.
 */
export async function refreshSearch(state: DevState, now: number, apply: (write: () => Promise<string[]>) => Promise<string[] | undefined>): Promise<string[]> {
  const { good } = state;
  const { config } = good;
  if (!config.search) return [];
  const input = (writer: DirectWriter) => ({ ...good, index: good.metas, writer, now, progress: noProgress });
  const planned = outputContext(input(new DirectWriter(config.outPath)));
  const plan = planSearch(planned);
  if (isSearchCurrent(plan)) return [];
  const bundles = await indexStaleShards(planned, plan);
  const changed = await apply(async () => {
    // Still the site that was indexed: apply() checked. Its bundles go in, the old ones out.
    const before = good.manifest.currentUnder(SEARCH_FOLDER);
    const { stats } = await writeTransaction(input(new DirectWriter(config.outPath)), async (context) => {
      await writeSearchBundles(context, plan, bundles);
      return { removed: before.keys(), value: undefined };
    });
    return stats.changed;
  });
  return changed ?? [];
}
