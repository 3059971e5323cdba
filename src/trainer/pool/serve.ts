/**
 * One of the trainer's threads (a nested Web Worker, or a worker thread of the utility process): it holds a
 * descent over its block of the shared cloud and steps it on order. Messages are handled one at a time, in
 * order, each answered once; a failure is answered as such (the trainer then gives up its threads).
 */
import { createDescent } from '../../engine/build';
import type { Descent } from '../../engine/descent';
import { stepBlock } from '../../engine/parallel/block-steps';
import { AttachedMemory, type SharedBuffers } from '../../engine/parallel/memory';
import { isLandscapeMessage } from './landscape-messages';
import type { FromThread, ToThread } from './messages';
import { landscapeServer } from './serve-landscape';

/** A thread's side of its channel to the trainer. */
export interface ThreadSide {
  post(message: FromThread): void;
  listen(handler: (message: ToThread) => void): void;
}

export function serveBlocks(side: ThreadSide): void {
  // One block descent per part of the run (a race's groups; a plain run has part 0 only).
  const blocks = new Map<number, { descent: Descent; memory: SharedBuffers }>();
  let queue = Promise.resolve();
  const landscape = landscapeServer();
  const handle = async (message: ToThread): Promise<FromThread> => {
    if (isLandscapeMessage(message)) return landscape(message);
    const part = message.part ?? 0;
    if (message.type === 'build') {
      if (part === 0) blocks.clear();
      const memory = { ...message.buffers };
      blocks.set(part, { memory, descent: await createDescent(message.scenario, { memory: new AttachedMemory(memory), ...message.block }) });
      return { type: 'built' };
    }
    const block = blocks.get(part);
    if (!block) throw new Error('steps ordered before a block was built');
    return { type: 'done', end: stepBlock(block.descent, block.memory, message.order) };
  };
  side.listen((message) => {
    queue = queue
      .then(() => handle(message))
      .then(
        (reply) => side.post(reply),
        (error: unknown) => side.post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
  });
}
