/**
 * Frames on the wire, through the trainer's Node host (child_process.fork, the stand-in for Electron's
 * utility process): at 100k and 1M particles, the bytes of one frame as the IPC channel carries it (V8's
 * serializer, the channel's own format with `serialization: 'advanced'`), bytes per particle, and frames per
 * second for a client that asks for the next frame as soon as one arrives. Beside them, in this process,
 * the processor time of one step of the cloud, of encoding its frame and of decoding it (the page's share):
 * what a frame costs against the step it shows.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { serialize } from 'node:v8';
import { bytesPerParticle, encodeParticles, FrameDecoder } from '../shared/frame-codec';
import type { FrameMessage, TrainerCommand } from '../shared/messages';
import type { ScenarioInput } from '../shared/scenario';
import type { ModuleSection } from './section';
import { benchDescent, fastest, sizeLabel, stepper } from './timing';

const sizes = [100_000, 1_000_000];
/** Wall-clock seconds of frames counted at each size, after a warm-up of a few frames. */
const windowSeconds = 5;
const warmupFrames = 5;
const repeats = 5;
/** The float32 frames this format replaced: two coordinates, a loss, a status byte. */
const previousBytesPerParticle = 13;

/** A bowl cloud of n particles that plays for ever (./slow-page-section.ts uses it too). */
export const cloud = (n: number): ScenarioInput => ({
  version: 1,
  name: 'bench-frames',
  model: { kind: 'surface', fn: 'bowl' },
  init: { dist: 'uniform', min: [-3, -2], max: [5, 6], count: n },
  optimizer: { kind: 'gd', alpha: 0.001 },
  epochs: 10_000_000,
  tolerance: null,
  seed: 1,
});

/** A forked trainer whose frames are handed to one waiting reader at a time. */
export function forkTrainer(entry: string) {
  const child: ChildProcess = fork(entry, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let waiting: ((frame: FrameMessage) => void) | null = null;
  let failure: string | null = null;
  child.on('message', (message: { type?: string; message?: string; problems?: string[] }) => {
    if (message.type === 'frame') waiting?.(message as FrameMessage);
    if (message.type === 'error') failure = `${message.message}: ${(message.problems ?? []).join('; ')}`;
  });
  const post = (command: TrainerCommand) => child.send(command);
  const frame = () =>
    new Promise<FrameMessage>((resolve, reject) => {
      if (failure) return reject(new Error(failure));
      const timer = setTimeout(() => reject(new Error(failure ?? 'no frame within 60 s')), 60_000);
      waiting = (f) => {
        clearTimeout(timer);
        waiting = null;
        resolve(f);
      };
      post({ type: 'request-frame' });
    });
  return { child, post, frame };
}

export const framesSection: ModuleSection = {
  id: 'frames',
  title: 'Frames through the Node host',
  async run({ log, nodeTrainer }) {
    const entry = await nodeTrainer();
    const rows: (string | number)[][] = [];
    for (const n of sizes) {
      const trainer = forkTrainer(entry);
      try {
        trainer.post({ type: 'load', scenario: cloud(n) });
        trainer.post({ type: 'play' });
        let frame = await trainer.frame();
        for (let k = 0; k < warmupFrames; k++) frame = await trainer.frame();
        const bytes = serialize(frame).byteLength;
        const began = performance.now();
        let frames = 0;
        while (performance.now() - began < windowSeconds * 1000) {
          frame = await trainer.frame();
          frames++;
        }
        const perSecond = frames / ((performance.now() - began) / 1000);

        // The same cloud in this process: one step, one frame's encoding, one frame's decoding.
        const d = await benchDescent(cloud(n));
        const positions = new Float64Array(2 * n);
        const losses = d.fullLoss(new Float64Array(n));
        for (let i = 0; i < n; i++) {
          positions[2 * i] = d.params[i];
          positions[2 * i + 1] = d.params[n + i];
        }
        const decoder = new FrameDecoder();
        const [step, encode, decode] = fastest(repeats, [stepper(d, 1), () => encodeParticles(positions, losses, n), () => decoder.decode(frame)]);
        rows.push([
          sizeLabel(n),
          bytes,
          bytes / n,
          Math.round((bytes / (previousBytesPerParticle * n)) * 100) / 100,
          perSecond,
          step * 1000,
          encode * 1000,
          decode * 1000,
        ]);
        log(`  ${sizeLabel(n)}: ${bytes} B/frame, ${perSecond.toFixed(1)} frames/s`);
      } finally {
        trainer.child.kill();
      }
    }
    return {
      columns: ['particles', 'bytes/frame', 'bytes/particle', 'vs 13 B/particle', 'frames/s', 'step ms', 'encode ms', 'decode ms'],
      rows,
      notes: [
        `Bytes: one frame as V8 serializes it for the IPC channel (payload ${bytesPerParticle} B a particle, plus the summary, scales and best particle).`,
        `Frames/s: a bowl cloud playing one step a frame, the client asking for the next frame as each arrives, over ${windowSeconds} s.`,
        `Step, encode, decode: processor ms in this process, the fastest of ${repeats} interleaved runs; decode is the page's share.`,
      ],
    };
  },
};
