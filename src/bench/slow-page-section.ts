/**
 * The frame path at 1M particles when the page is slower than the trainer (issue 17): frames must not queue.
 * The trainer's Node host (the stand-in for Electron's utility process, as in ./frames-section.ts) plays a
 * bowl cloud; a client in this process plays the page: it asks for a frame, decodes it with the page's own
 * decoder, then "draws" it, holding its thread (as the page's main thread is held while it draws) for twice
 * the time a frame takes when the page keeps up. It counts every frame the trainer sends, the frames drawn,
 * the frames that arrived unasked, the most frames ever waiting to be drawn, and the trainer's memory.
 * The page asks for the next frame only once one has arrived (src/renderer/trainer-client.ts), so a frame
 * waits for no other: latest wins, whatever steps the trainer (one thread today, a pool once it has one).
 */
import { readFileSync } from 'node:fs';
import { FrameDecoder } from '../shared/frame-codec';
import type { FrameMessage } from '../shared/messages';
import { cloud, forkTrainer } from './frames-section';
import type { ModuleSection } from './section';

const n = 1_000_000;
const keepUpSeconds = 3;
const slowSeconds = 6;
const warmupFrames = 3;

/** The trainer's resident memory in MB (Linux's /proc), or NaN elsewhere. */
function residentMb(pid: number | undefined): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 102.4) / 10 : NaN;
  } catch {
    return NaN;
  }
}

/** Holds this thread for `ms` milliseconds: a draw that takes that long. */
function hold(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

export const slowPageSection: ModuleSection = {
  id: 'slow-page',
  title: 'Frames at 1M particles when the page is slower than the trainer',
  async run({ log, nodeTrainer }) {
    const trainer = forkTrainer(await nodeTrainer());
    // Every frame the channel delivers, asked for or not.
    let sent = 0;
    let unasked = 0;
    let asked = false;
    trainer.child.on('message', (message: { type?: string }) => {
      if (message.type !== 'frame') return;
      sent++;
      if (!asked) unasked++;
      asked = false;
    });
    const next = () => {
      asked = true;
      return trainer.frame();
    };
    const decoder = new FrameDecoder();
    const rows: (string | number)[][] = [];
    try {
      trainer.post({ type: 'load', scenario: cloud(n) });
      trainer.post({ type: 'play' });
      for (let k = 0; k < warmupFrames; k++) await next();
      /** Draws frames for `seconds` with a draw of `drawMs`; the figures of that window. */
      const window = async (label: string, seconds: number, drawMs: number) => {
        const [sent0, unasked0] = [sent, unasked];
        const memory0 = residentMb(trainer.child.pid);
        let drawn = 0;
        let mostWaiting = 0;
        const steps: number[] = [];
        const began = performance.now();
        while (performance.now() - began < seconds * 1000) {
          const frame: FrameMessage = await next();
          // Every frame sent and not yet drawn (this one included) waits for the page: the queue it would have.
          mostWaiting = Math.max(mostWaiting, sent - sent0 - drawn);
          const drawStart = performance.now();
          decoder.decode(frame);
          hold(drawMs - (performance.now() - drawStart));
          drawn++;
          steps.push(frame.step);
        }
        const elapsed = (performance.now() - began) / 1000;
        const perFrame = (elapsed * 1000) / drawn;
        const stepsPerFrame = drawn > 1 ? (steps.at(-1)! - steps[0]) / (drawn - 1) : NaN;
        rows.push([label, drawMs, perFrame, sent - sent0, drawn, unasked - unasked0, mostWaiting, stepsPerFrame, memory0, residentMb(trainer.child.pid)]);
        log(`  ${label}: ${drawn} drawn of ${sent - sent0} sent, ${perFrame.toFixed(0)} ms a frame, at most ${mostWaiting} waiting`);
        return perFrame;
      };
      const keepUp = await window('page keeps up (decode only)', keepUpSeconds, 0);
      await window('page slower (draw 2× a frame)', slowSeconds, 2 * keepUp);
    } finally {
      trainer.child.kill();
    }
    const [fast, slow] = rows;
    return {
      columns: [
        'page',
        'draw ms',
        'ms a frame',
        'frames sent',
        'frames drawn',
        'arrived unasked',
        'most waiting',
        'steps a frame',
        'trainer MB start',
        'trainer MB end',
      ],
      rows: [
        ...rows,
        // Frames a second is 1000 / (ms a frame): the ratio of the two rows' rates.
        ['frames a second, slower : keeps up', '', (fast[2] as number) / (slow[2] as number), '', '', '', '', '', '', ''],
      ],
      notes: [
        `A bowl cloud of ${n.toLocaleString('en')} particles playing one step a frame in the trainer's Node host; the client decodes each frame with the page's FrameDecoder.`,
        'Slower: each frame held for twice the keep-up time a frame (decode included) before the next is asked for. No queue: frames sent = frames drawn, none unasked, at most 1 waiting, the trainer’s memory flat.',
        'The host steps a cloud this big on its pool of threads, every core (src/trainer/pool/); the figures are of the frame path.',
      ],
    };
  },
};
