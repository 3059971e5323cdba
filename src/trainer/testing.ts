/** For the trainer's tests: a Trainer in-process behind a recording port. */
import type { TrainerCommand, TrainerEvent } from '../shared/messages';
import { Trainer } from './trainer';

export function harness() {
  const events: TrainerEvent[] = [];
  const reports: TrainerEvent[] = [];
  const trainer = new Trainer({ post: (e) => events.push(e), report: (e) => reports.push(e) });
  /** Sends the commands in order (malformed ones too: the trainer must refuse them) and waits until it is idle. */
  const send = async (...commands: (TrainerCommand | Record<string, unknown>)[]) => {
    for (const c of commands) trainer.receive(c);
    await trainer.idle();
  };
  const last = <T extends TrainerEvent['type']>(type: T) => events.filter((e) => e.type === type).at(-1) as Extract<TrainerEvent, { type: T }> | undefined;
  const frames = () => events.filter((e) => e.type === 'frame') as Extract<TrainerEvent, { type: 'frame' }>[];
  return { trainer, events, reports, send, last, frames };
}
