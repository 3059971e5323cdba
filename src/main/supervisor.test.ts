/** The supervisor's restart policy against a fake process and a fake clock: every time here is simulated. */
import { describe, expect, it } from 'vitest';
import { TrainerSupervisor, type SupervisorClock, type TrainerProcess } from './supervisor';

class FakeProcess implements TrainerProcess {
  readonly posted: unknown[] = [];
  killed = 0;
  private messageListeners: ((message: unknown) => void)[] = [];
  private exitListeners: ((reason: string) => void)[] = [];
  post(message: unknown): void {
    this.posted.push(message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener);
  }
  onExit(listener: (reason: string) => void): void {
    this.exitListeners.push(listener);
  }
  kill(): void {
    this.killed++;
  }
  /** What the trainer would send. */
  emit(message: unknown): void {
    for (const listener of this.messageListeners) listener(message);
  }
  exit(reason: string): void {
    for (const listener of this.exitListeners) listener(reason);
  }
  /** Answers every ping posted so far. */
  answerPings(): void {
    for (const m of this.posted.splice(0)) if ((m as { type: string }).type === 'ping') this.emit({ type: 'pong', id: (m as { id: number }).id });
  }
}

/** A clock whose intervals run only when the test advances time. */
class FakeClock implements SupervisorClock {
  time = 0;
  private timers = new Map<number, { callback: () => void; ms: number; next: number }>();
  private ids = 0;
  now = () => this.time;
  setInterval = (callback: () => void, ms: number) => {
    this.timers.set(++this.ids, { callback, ms, next: this.time + ms });
    return this.ids;
  };
  clearInterval = (handle: unknown) => void this.timers.delete(handle as number);
  get active(): number {
    return this.timers.size;
  }
  advance(ms: number, eachTick: () => void = () => {}): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.next <= end).sort((a, b) => a[1].next - b[1].next)[0];
      if (!due) break;
      this.time = due[1].next;
      due[1].next += due[1].ms;
      due[1].callback();
      eachTick();
    }
    this.time = end;
  }
}

const scenario = { version: 1, name: 'bowl-cloud', model: { kind: 'surface', fn: 'bowl' } };
const checkpoint = (playing: boolean, stepsPerFrame = 4) => ({ type: 'checkpoint', scenario, playing, stepsPerFrame });

function harness(options: { maxCrashes?: number } = {}) {
  const clock = new FakeClock();
  const processes: FakeProcess[] = [];
  const started: { process: TrainerProcess; notice: string | null }[] = [];
  const gaveUp: string[] = [];
  const supervisor = new TrainerSupervisor({
    spawn: () => {
      processes.push(new FakeProcess());
      return processes.at(-1)!;
    },
    onStarted: (process, notice) => started.push({ process, notice }),
    onGaveUp: (reason) => gaveUp.push(reason),
    clock,
    ...options,
  });
  supervisor.start();
  return { clock, processes, started, gaveUp, supervisor, latest: () => processes.at(-1)! };
}

describe('starting and the heartbeat', () => {
  it('starts one process and reports it with no notice', () => {
    const h = harness();
    expect(h.processes).toHaveLength(1);
    expect(h.started).toEqual([{ process: h.processes[0], notice: null }]);
    expect(h.supervisor.process).toBe(h.processes[0]);
  });

  it('pings every heartbeatMs (1 s by default) and keeps a process that answers', () => {
    const h = harness();
    h.clock.advance(1000);
    expect(h.latest().posted).toEqual([{ type: 'ping', id: 1 }]);
    h.clock.advance(60_000, () => h.latest().answerPings());
    expect(h.processes).toHaveLength(1);
    expect(h.latest().killed).toBe(0);
  });

  it('treats no pong for more than hangMs (5 s) as a hang: kills and restarts', () => {
    const h = harness();
    h.clock.advance(2000, () => h.latest().answerPings());
    h.clock.advance(5000);
    expect(h.processes).toHaveLength(1); // exactly 5 s of silence is still within the limit
    h.clock.advance(1000);
    expect(h.processes).toHaveLength(2);
    expect(h.processes[0].killed).toBe(1);
    expect(h.started[1].notice).toBe('The trainer stopped answering (no answer for 5 s) and was restarted with your scenario, paused.');
    expect(h.clock.active).toBe(1); // the old heartbeat is gone, the new one runs
  });

  it('gives a starting process startupMs (10 s) for its first pong, then restarts it', () => {
    const h = harness();
    h.clock.advance(10_000);
    expect(h.processes).toHaveLength(1);
    h.clock.advance(1000);
    expect(h.processes).toHaveLength(2);
    expect(h.started[1].notice).toBe('The trainer stopped answering (no answer within 10 s of starting) and was restarted with your scenario, paused.');
  });

  it('ignores a malformed pong: it is no sign of life', () => {
    const h = harness();
    h.clock.advance(11_000, () => h.latest().emit({ type: 'pong', id: 'soon' }));
    expect(h.processes).toHaveLength(2);
  });
});

describe('restarting after a crash', () => {
  it('replays load, speed and play from the last checkpoint to the new process', () => {
    const h = harness();
    h.latest().emit(checkpoint(false, 1));
    h.latest().emit(checkpoint(true, 4));
    h.processes[0].exit('exit code 3');
    expect(h.processes).toHaveLength(2);
    expect(h.processes[1].posted).toEqual([{ type: 'load', scenario }, { type: 'speed', stepsPerFrame: 4 }, { type: 'play' }]);
    expect(h.started[1]).toEqual({ process: h.processes[1], notice: 'The trainer stopped unexpectedly (exit code 3) and was restarted with your scenario.' });
  });

  it('restarts a process killed for a hang paused: load and speed, never play, and says so', () => {
    const h = harness();
    h.latest().emit(checkpoint(true, 10_000));
    h.clock.advance(2000, () => h.latest().answerPings());
    h.clock.advance(6000); // no pong for more than 5 s
    expect(h.processes).toHaveLength(2);
    expect(h.processes[1].posted).toEqual([
      { type: 'load', scenario },
      { type: 'speed', stepsPerFrame: 10_000 },
    ]);
    expect(h.started[1].notice).toBe('The trainer stopped answering (no answer for 5 s) and was restarted with your scenario, paused.');
    // A crash of the new one (not a hang) replays the checkpoint as the run last reported it: still playing.
    h.latest().exit('exit code 3');
    expect(h.processes[2].posted).toEqual([{ type: 'load', scenario }, { type: 'speed', stepsPerFrame: 10_000 }, { type: 'play' }]);
  });

  it('does not send play when the run was paused, and nothing before any checkpoint', () => {
    const h = harness();
    h.processes[0].exit('exit code 3');
    expect(h.processes[1].posted).toEqual([]);
    h.latest().emit(checkpoint(false));
    h.processes[1].exit('oom');
    expect(h.processes[2].posted).toEqual([
      { type: 'load', scenario },
      { type: 'speed', stepsPerFrame: 4 },
    ]);
  });

  it('ignores a malformed checkpoint and keeps the last good one', () => {
    const h = harness();
    h.latest().emit(checkpoint(true, 2));
    h.latest().emit({ ...checkpoint(false, 9), stepsPerFrame: 'fast' });
    h.latest().emit({ ...checkpoint(false, 9), extra: 1 });
    h.latest().emit(null);
    h.latest().exit('crashed');
    expect(h.processes[1].posted).toEqual([{ type: 'load', scenario }, { type: 'speed', stepsPerFrame: 2 }, { type: 'play' }]);
  });

  it('treats a crash reported with exit code 0 as a crash', () => {
    const h = harness();
    h.latest().exit('exit code 0');
    expect(h.processes).toHaveLength(2);
  });

  it('counts an exit reported twice once, and ignores the old process afterwards', () => {
    const h = harness({ maxCrashes: 2 });
    const first = h.latest();
    first.exit('exit code 3');
    first.exit('crashed'); // `exit` then `child-process-gone` for the same process
    first.emit(checkpoint(true)); // a late message from the dead process
    expect(h.processes).toHaveLength(2);
    expect(h.gaveUp).toEqual([]);
    h.latest().exit('exit code 3');
    expect(h.processes[2]).toBeUndefined(); // only now is it the second crash
    expect(h.gaveUp).toHaveLength(1);
  });
});

describe('giving up', () => {
  it('stops restarting after 3 crashes within 5 minutes and says so', () => {
    const h = harness();
    h.latest().exit('exit code 3');
    h.clock.advance(60_000, () => h.latest().answerPings());
    h.latest().exit('exit code 3');
    h.clock.advance(60_000, () => h.latest().answerPings());
    h.latest().exit('oom');
    expect(h.processes).toHaveLength(3);
    expect(h.gaveUp).toEqual(['The trainer crashed 3 times in 5 minutes (last: oom); it will not be restarted. Save your work and reopen the lab.']);
    expect(h.supervisor.process).toBeNull();
    expect(h.clock.active).toBe(0);
  });

  it('keeps restarting when the crashes are spread over more than 5 minutes', () => {
    const h = harness();
    for (let k = 0; k < 10; k++) {
      h.latest().exit('exit code 3');
      h.clock.advance(150_001, () => h.latest().answerPings()); // at most 2 crashes in any 5 minutes
    }
    expect(h.processes).toHaveLength(11);
    expect(h.gaveUp).toEqual([]);
  });
});

describe('a process that cannot be started', () => {
  it('counts a failing spawn as a crash, so that it too ends in giving up', () => {
    const gaveUp: string[] = [];
    const supervisor = new TrainerSupervisor({
      spawn: () => {
        throw new Error('ENOENT trainer.js');
      },
      onStarted: () => {},
      onGaveUp: (reason) => gaveUp.push(reason),
      clock: new FakeClock(),
    });
    supervisor.start();
    expect(gaveUp).toEqual([
      'The trainer crashed 3 times in 5 minutes (last: it could not start: ENOENT trainer.js); it will not be restarted. Save your work and reopen the lab.',
    ]);
  });
});

describe('disposing', () => {
  it('stops the heartbeat and kills the process without counting a crash or restarting', () => {
    const h = harness();
    h.supervisor.dispose();
    expect(h.processes[0].killed).toBe(1);
    expect(h.clock.active).toBe(0);
    h.processes[0].exit('killed'); // the exit that the kill causes
    h.clock.advance(60_000);
    expect(h.processes).toHaveLength(1);
    expect(h.gaveUp).toEqual([]);
    expect(h.supervisor.process).toBeNull();
  });
});
