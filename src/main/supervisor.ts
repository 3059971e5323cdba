/**
 * Supervision of the trainer process: a heartbeat catches a hang, an exit nobody asked for is a crash, and
 * either restarts the trainer with the last scenario it reported (its `checkpoint`). A trainer killed for a
 * hang is restarted paused: replaying `play` would only send it back into the work that hung it (the
 * trainer works in time-bounded slices, issue 21, so a hang is a fault, not a heavy run). The restart policy is
 * bounded: after `maxCrashes` crashes within `windowMs` it gives up and says so. Written against a small
 * process interface, so the same logic runs over Electron's utilityProcess in the app and over
 * child_process.fork in tests; nothing here imports Electron.
 */
import { eventSchema, type TrainerCommand, type TrainerEvent } from '../shared/messages';

/** One running trainer, whatever kind of process hosts it. */
export interface TrainerProcess {
  /** A message on the control channel. */
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called when the process is gone, with a reason for people ("exit code 3", "oom"). */
  onExit(listener: (reason: string) => void): void;
  /** Ends the process; safe to call before it has started and after it is gone. */
  kill(): void;
  /** Hands the process a port to the page (a MessagePortMain in the app), where the host supports it. */
  connect?(port: unknown): void;
}

export interface SupervisorClock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface SupervisorOptions {
  spawn: () => TrainerProcess;
  /** A process is up: connect the page to it; `notice` is null on the first start, else what to tell the user. */
  onStarted: (process: TrainerProcess, notice: string | null) => void;
  /** Too many crashes: no more restarts; `reason` is what to tell the user. */
  onGaveUp: (reason: string) => void;
  heartbeatMs?: number;
  /** No pong for this long is a hang. */
  hangMs?: number;
  /** Time allowed for the first pong: a process still loading its code is slow, not hung (default 10 s). */
  startupMs?: number;
  maxCrashes?: number;
  windowMs?: number;
  clock?: SupervisorClock;
}

type Checkpoint = Extract<TrainerEvent, { type: 'checkpoint' }>;

const systemClock: SupervisorClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => setInterval(callback, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
};

export class TrainerSupervisor {
  private readonly heartbeatMs: number;
  private readonly hangMs: number;
  private readonly startupMs: number;
  private readonly maxCrashes: number;
  private readonly windowMs: number;
  private readonly clock: SupervisorClock;
  private current: TrainerProcess | null = null;
  private heartbeat: unknown = null;
  private lastSignOfLife = 0;
  private answered = false;
  private pingId = 0;
  private checkpoint: Checkpoint | null = null;
  private crashTimes: number[] = [];
  private stopped = false;

  constructor(private readonly options: SupervisorOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 1000;
    this.hangMs = options.hangMs ?? 5000;
    this.startupMs = options.startupMs ?? 10_000;
    this.maxCrashes = options.maxCrashes ?? 3;
    this.windowMs = options.windowMs ?? 300_000;
    this.clock = options.clock ?? systemClock;
  }

  /** The process running now, or null once disposed or given up. */
  get process(): TrainerProcess | null {
    return this.current;
  }

  /** Starts the first trainer process. */
  start(): void {
    if (this.current || this.stopped) return;
    this.launch(null);
  }

  /** Stops supervising and ends the process; not a crash (closing the window ends the trainer). */
  dispose(): void {
    this.stopped = true;
    this.retire();
  }

  private launch(notice: string | null, hung = false): void {
    let child: TrainerProcess;
    try {
      child = this.options.spawn();
    } catch (error) {
      return this.crashed(`it could not start: ${(error as Error).message}`);
    }
    this.current = child;
    // Listeners stay attached to a retired process: every callback first checks it is still the current one,
    // which also makes an exit reported twice (or by both `exit` and `child-process-gone`) count once.
    child.onMessage((message) => {
      if (this.current === child) this.received(message);
    });
    child.onExit((reason) => {
      if (this.current === child) this.crashed(reason);
    });
    this.lastSignOfLife = this.clock.now();
    this.answered = false;
    this.heartbeat = this.clock.setInterval(() => this.beat(), this.heartbeatMs);
    if (notice !== null) this.replay(child, !hung);
    this.options.onStarted(child, notice);
  }

  /** Sends the last known scenario, speed and play state (unless `play` is false) to a fresh process. */
  private replay(child: TrainerProcess, play: boolean): void {
    const saved = this.checkpoint;
    if (!saved) return;
    const send = (command: TrainerCommand) => child.post(command);
    send({ type: 'load', scenario: saved.scenario });
    send({ type: 'speed', stepsPerFrame: saved.stepsPerFrame });
    if (saved.playing && play) send({ type: 'play' });
  }

  private beat(): void {
    if (!this.current) return;
    const limit = this.answered ? this.hangMs : this.startupMs;
    if (this.clock.now() - this.lastSignOfLife > limit) {
      return this.crashed(this.answered ? `no answer for ${limit / 1000} s` : `no answer within ${limit / 1000} s of starting`, true);
    }
    this.current.post({ type: 'ping', id: ++this.pingId } satisfies TrainerCommand);
  }

  private received(message: unknown): void {
    const type = (message as { type?: unknown } | null)?.type;
    // Frames and the like may share this channel (a forked host): only pongs and checkpoints are parsed.
    if (type !== 'pong' && type !== 'checkpoint') return;
    const parsed = eventSchema.safeParse(message);
    if (!parsed.success) return;
    if (parsed.data.type === 'checkpoint') {
      this.checkpoint = parsed.data;
    } else {
      this.lastSignOfLife = this.clock.now();
      this.answered = true;
    }
  }

  /** Any exit we did not ask for is a crash, whatever its exit code (a real crash may report code 0). */
  private crashed(reason: string, hung = false): void {
    this.retire();
    if (this.stopped) return;
    const now = this.clock.now();
    this.crashTimes = [...this.crashTimes.filter((time) => now - time < this.windowMs), now];
    if (this.crashTimes.length >= this.maxCrashes) {
      this.stopped = true;
      const minutes = this.windowMs / 60_000;
      this.options.onGaveUp(
        `The trainer crashed ${this.crashTimes.length} times in ${minutes} minute${minutes === 1 ? '' : 's'} (last: ${reason}); it will not be restarted. Save your work and reopen the lab.`,
      );
      return;
    }
    if (hung) return this.launch(`The trainer stopped answering (${reason}) and was restarted with your scenario, paused.`, true);
    this.launch(`The trainer stopped unexpectedly (${reason}) and was restarted with your scenario.`);
  }

  /** Forgets the current process (so its late events are ignored) and kills it. */
  private retire(): void {
    if (this.heartbeat !== null) this.clock.clearInterval(this.heartbeat);
    this.heartbeat = null;
    const child = this.current;
    this.current = null;
    child?.kill();
  }
}
