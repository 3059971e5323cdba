/**
 * Which trainer events answer which command. The trainer handles messages strictly in arrival order and
 * answers some commands with nothing at all (a hot `set`), so each awaited command is bracketed by two
 * pings: `ping(before)`, the command, `ping(after)`. Every event between the two pongs was caused by that
 * command: an `error` there is its refusal, a `loaded` its load. A call that wants the frame showing its
 * effect also takes the first frame after `pong(before)`, which may only arrive after `pong(after)` when
 * the trainer had no frame request pending at the time (flow control). No DOM here: tested in node.
 */
import type { FrameEvent, TrainerEvent } from '../shared/messages';

export type LoadedEvent = Extract<TrainerEvent, { type: 'loaded' }>;
/** What the page receives from the trainer: every event as sent, except frames, which it reads decoded. */
export type PageEvent = Exclude<TrainerEvent, { type: 'frame' }> | FrameEvent;

/** What the trainer answered to one command. */
export interface Reply {
  loaded: LoadedEvent | null;
  frame: FrameEvent | null;
}

/** A refusal, from the trainer or from the page's own checks: a heading and one line per problem. */
export class LabError extends Error {
  constructor(
    readonly heading: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length ? `${heading}:\n${problems.map((p) => `  ${p}`).join('\n')}` : heading);
    this.name = 'LabError';
  }
}

/** Any error as a heading and problem lines: a LabError's own (also across a worker, as a plain object), else its message. */
export function problemOf(error: unknown): { heading: string; problems: readonly string[] } {
  const { heading, problems } = (error ?? {}) as { heading?: unknown; problems?: unknown };
  if (typeof heading === 'string' && Array.isArray(problems)) return { heading, problems: problems.map(String) };
  return { heading: error instanceof Error ? error.message : String(error), problems: [] };
}

interface Call {
  readonly before: number;
  readonly after: number;
  readonly wantsFrame: boolean;
  /** queued: pong(before) not seen yet; inside: between the pongs; frame: done but for its frame. */
  phase: 'queued' | 'inside' | 'frame';
  loaded: LoadedEvent | null;
  frame: FrameEvent | null;
  error: Extract<TrainerEvent, { type: 'error' }> | null;
  resolve(reply: Reply): void;
  reject(error: Error): void;
}

export class Replies {
  private calls: Call[] = [];

  /** Ping ids count down from -1: the page's own calls never collide with a caller's positive ids. */
  constructor(private nextId = -1) {}

  /** Calls still waiting for their answer. */
  get pending(): number {
    return this.calls.length;
  }

  /** Opens a call: send `ping(before)`, the command, then `ping(after)`, with nothing in between. */
  open(wantsFrame: boolean): { before: number; after: number; reply: Promise<Reply> } {
    const before = this.nextId--;
    const after = this.nextId--;
    const reply = new Promise<Reply>((resolve, reject) => {
      this.calls.push({ before, after, wantsFrame, phase: 'queued', loaded: null, frame: null, error: null, resolve, reject });
    });
    return { before, after, reply };
  }

  /**
   * Takes every event from the trainer. Returns true when the event belongs to a call alone (its pongs, its
   * refusal), so that the page need not show it again; frames and `loaded` are everyone's.
   */
  accept(event: PageEvent): boolean {
    let claimed = false;
    for (const call of [...this.calls]) {
      if (event.type === 'pong') {
        if (event.id === call.before) {
          call.phase = 'inside';
          claimed = true;
        } else if (event.id === call.after) {
          this.close(call);
          claimed = true;
        }
      } else if (event.type === 'frame' && call.phase !== 'queued') {
        call.frame ??= event;
        if (call.phase === 'frame') this.settle(call);
      } else if (call.phase === 'inside') {
        if (event.type === 'loaded') call.loaded = event;
        if (event.type === 'error') {
          call.error ??= event;
          claimed = true;
        }
      }
    }
    return claimed;
  }

  /** Rejects every call in flight: their trainer is gone, and its answers with it. */
  abandon(reason: string): void {
    const calls = this.calls;
    this.calls = [];
    for (const call of calls) call.reject(new LabError(reason));
  }

  private close(call: Call): void {
    if (call.error) return this.settle(call);
    if (call.wantsFrame && !call.frame) call.phase = 'frame';
    else this.settle(call);
  }

  private settle(call: Call): void {
    this.calls = this.calls.filter((c) => c !== call);
    if (call.error) call.reject(new LabError(call.error.message, call.error.problems));
    else call.resolve({ loaded: call.loaded, frame: call.frame });
  }
}
