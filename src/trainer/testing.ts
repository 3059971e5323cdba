/** For the trainer's tests: a Trainer in-process behind a recording port. */
import type { TrainerCommand, TrainerEvent } from '../shared/messages';
import type { SliceTiming } from './slices';
import { Trainer } from './trainer';

/** `timing`: a fake clock and event loop for the slicing tests (./slices.ts); the real ones otherwise. */
export function harness(timing: Partial<SliceTiming> = {}) {
  const events: TrainerEvent[] = [];
  const reports: TrainerEvent[] = [];
  const trainer = new Trainer({ post: (e) => events.push(e), report: (e) => reports.push(e) }, timing);
  /** Sends the commands in order (malformed ones too: the trainer must refuse them) and waits until it is idle. */
  const send = async (...commands: (TrainerCommand | Record<string, unknown>)[]) => {
    for (const c of commands) trainer.receive(c);
    await trainer.idle();
  };
  const last = <T extends TrainerEvent['type']>(type: T) => events.filter((e) => e.type === type).at(-1) as Extract<TrainerEvent, { type: T }> | undefined;
  const frames = () => events.filter((e) => e.type === 'frame') as Extract<TrainerEvent, { type: 'frame' }>[];
  return { trainer, events, reports, send, last, frames };
}
