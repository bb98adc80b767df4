// The image process: a child Node process that runs sharp for a build's image stage (process.ts
// starts it and ends it with the stage). Each message from the parent is one job, answered by a
// message with the same id. It ends when its parent disconnects, which also happens when the parent
// dies. libvips keeps what it decoded in the C allocator's arenas, which do not shrink: ~400 MB with
// two photos in flight, that a build's later phases would carry if sharp ran in the build's process.

import type { Variant } from './plan.js';
import { probeWithSharp, variantWithSharp, type MadeVariant } from './sharp-ops.js';
import type { SourceInfo } from './store.js';
import { killPoint } from '../write/failpoints.js';

/** A job for the image process. */
export type ImageJob = { id: number; op: 'probe'; bytes: Uint8Array } | { id: number; op: 'variant'; bytes: Uint8Array; variant: Variant };

/** Its answer: the value, or the error's message and system code. */
export type ImageAnswer = { id: number; value: SourceInfo | MadeVariant } | { id: number; error: { message: string; code?: string } };

/** Do one job; never throws. */
export async function runImageJob(job: ImageJob): Promise<ImageAnswer> {
  try {
    const value = job.op === 'probe' ? await probeWithSharp(job.bytes) : await variantWithSharp(job.bytes, job.variant);
    return { id: job.id, value };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return { id: job.id, error: { message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) } };
  }
}

if (process.send && process.env.BROADSHEET_IMAGE_PROCESS === '1') {
  process.on('message', (job: ImageJob) => {
    killPoint('image-job');
    void runImageJob(job).then((answer) => process.send?.(answer));
  });
  process.on('disconnect', () => process.exit(0));
  // Ctrl-C reaches the whole process group: the interrupt is the build's to handle, and it ends
  // this process by disconnecting (or by exiting), never by failing the photos under way first.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);
}
