/**
 * The page's control surface over the trainer: what the buttons call, and what `window.descentLab`
 * (CONTRACTS §4) exposes. It keeps the lab's state as the trainer last reported it, checks every argument
 * like a scenario file before anything is sent, and turns the trainer's answers into settled promises
 * (see ./replies.ts for how answers are matched to commands). No DOM: tested in node against a real Trainer.
 */
import { FrameDecoder } from '../shared/frame-codec';
import type { FrameEvent, MicroscopeEvent, RunStatus, TrainerCommand, TrainerEvent, View } from '../shared/messages';
import { findPreset, presets } from '../shared/presets';
import type { Scenario } from '../shared/scenario';
import { noReasons, type ReasonCounts } from '../shared/stopping';
import { validateScenario } from '../shared/validate';
import { withValueAt } from '../shared/paths';
import { Emitter } from './emitter';
import { LabError, Replies, type LoadedEvent } from './replies';

export interface Summary {
  count: number;
  converged: number;
  diverged: number;
  running: number;
  bestLoss: number | null;
  meanLoss: number | null;
  /** Stopped particles by reason (CONTRACTS §5): they sum to converged + diverged. */
  reasons: ReasonCounts;
}

export interface LabState {
  /** Whether the trainer has a scenario loaded (false before the first `loaded`, and after a restart until the new trainer's). */
  loaded: boolean;
  /** A long `step(n)` under way: `done` of its `count` steps (the trainer reports it about every 250 ms); null otherwise. */
  stepping: { done: number; count: number } | null;
  name: string;
  epoch: number;
  step: number;
  status: RunStatus;
  summary: Summary;
  scenario: Scenario | null;
}

/** `window.descentLab`: the automation API of CONTRACTS §4 (screenshot, record, export come later). */
export interface DescentLab {
  load(scenario: unknown): Promise<void>;
  play(): void;
  pause(): void;
  step(n?: number): Promise<void>;
  reset(): Promise<void>;
  set(path: string, value: unknown): Promise<void>;
  state(): LabState;
}

/** Where commands go: a TrainerClient in the page, a Trainer in-process in tests. */
export interface TrainerLink {
  send(command: TrainerCommand): void;
}

export type SurfaceEvent = Extract<TrainerEvent, { type: 'surface' }>;

export interface LabEvents extends Record<string, unknown> {
  /** A scenario was loaded, or the view changed: names, count, axes and range. */
  loaded: LoadedEvent;
  surface: SurfaceEvent;
  /** The latest frame, decoded: valid until the next one (its arrays are reused), so read it, do not keep it. */
  frame: FrameEvent;
  /** A trainer error that answers no call of the page's (a call's own refusal rejects that call instead). */
  problem: LabError;
  /** The state as it now stands (not a copy: read it, do not keep or change it). */
  change: Readonly<LabState>;
  /** The trainer is gone for good (three crashes in five minutes): what to tell the user. */
  lost: string;
  /** The furthest step the trainer's history holds (what `seek` can reach), whenever it changes. */
  history: number;
  /** A long `step(n)` under way: the run's step, and `done` of its `count` steps. */
  progress: Extract<TrainerEvent, { type: 'progress' }>;
  /** A step taken apart by the microscope (experiments/microscope). */
  microscope: MicroscopeEvent;
  /** Arrows for the scene to draw at a particle (scene/Arrows.ts); null clears them. */
  arrows: SceneArrows | null;
}

/** Arrows at one point of the view's plane: each a vector in view coordinates, a colour and a name. */
export interface SceneArrows {
  origin: [number, number];
  /** The particle's loss: its height when it lies off the drawn surface. */
  loss?: number;
  arrows: { name: string; vector: [number, number]; colour: string }[];
}

export const maxStepsPerCall = 1_000_000;
export const maxStepsPerFrame = 100_000;

export class Lab implements DescentLab {
  readonly events = new Emitter<LabEvents>();
  private readonly replies = new Replies();
  /** Turns the frames' codes into coordinates and losses, into the same arrays every time. */
  private readonly decoder = new FrameDecoder();
  private current: LabState = {
    loaded: false,
    stepping: null,
    name: '',
    epoch: 0,
    step: 0,
    status: 'paused',
    summary: { count: 0, converged: 0, diverged: 0, running: 0, bestLoss: null, meanLoss: null, reasons: noReasons() },
    scenario: null,
  };
  /** Set once the trainer is gone for good: every call then rejects with it. */
  private gone: string | null = null;
  private surfaceId = 0;
  private readonly surfaces = new Map<number, (event: SurfaceEvent) => void>();
  private lastMicroscope: MicroscopeEvent | null = null;
  /** The last `loaded` event: what a view mounted later needs to catch up (the race's groups, the range). */
  private lastLoaded: LoadedEvent | null = null;
  private lastFrame: FrameEvent | null = null;

  constructor(private readonly link: TrainerLink) {}

  /** Takes one (already validated) event from the trainer. */
  receive(event: TrainerEvent): void {
    if (event.type === 'loaded') {
      const scenario = event.scenario as unknown as Scenario;
      this.current = { ...this.current, loaded: true, name: scenario.name ?? '', scenario };
      this.lastLoaded = event;
      this.events.emit('loaded', event);
      this.events.emit('change', this.current);
    } else if (event.type === 'surface') {
      this.surfaces.get(event.id)?.(event);
      this.surfaces.delete(event.id);
      this.events.emit('surface', event);
    } else if (event.type === 'frame') {
      const frame = this.decoder.decode(event);
      frame.groups = event.groups; // an optimizer race's per-group summaries (the decoder keeps only the cloud)
      this.lastFrame = frame;
      this.current = { ...this.current, stepping: null, epoch: frame.epoch, step: frame.step, status: frame.status, summary: { ...frame.summary, reasons: { ...frame.summary.reasons } } };
      this.events.emit('frame', frame);
      this.events.emit('change', this.current);
      // State first, then the replies: a caller resumed by this frame already sees it.
      this.replies.accept(frame);
      return;
    } else if (event.type === 'progress') {
      this.current = { ...this.current, stepping: { done: event.done, count: event.count }, step: event.step };
      this.events.emit('progress', event);
      this.events.emit('change', this.current);
    } else if (event.type === 'history') {
      this.events.emit('history', event.furthest);
    } else if (event.type === 'microscope') {
      this.lastMicroscope = event;
      this.events.emit('microscope', event);
    }
    // State first, then the replies: a caller resumed by this event already sees its effect.
    const claimed = this.replies.accept(event);
    if (event.type === 'error' && !claimed) this.events.emit('problem', new LabError(event.message, event.problems));
  }

  /** Loads a scenario object or a preset by name; resolves once the trainer has loaded it and sent its frame. */
  async load(input: unknown): Promise<void> {
    const scenario = resolveScenario(input);
    await this.call({ type: 'load', scenario }, true);
  }

  play(): void {
    if (!this.gone) this.link.send({ type: 'play' });
  }

  pause(): void {
    if (!this.gone) this.link.send({ type: 'pause' });
  }

  /**
   * Takes n steps (fewer if the run ends); resolves when the frame after them has arrived. A long one reports
   * its progress in `state().stepping`; `pause()` while it runs cancels the rest (the promise then rejects,
   * saying how many steps were taken, and the steps taken stay).
   */
  async step(n = 1): Promise<void> {
    if (!Number.isInteger(n) || n < 1 || n > maxStepsPerCall) throw new LabError(`step: n must be an integer from 1 to ${maxStepsPerCall}, not ${String(n)}`);
    await this.call({ type: 'step', count: n }, true);
  }

  /** Replays the run to a recorded step exactly (clamped to the history), paused; resolves with its frame. */
  async seek(step: number): Promise<void> {
    if (!Number.isInteger(step) || step < 0) throw new LabError(`seek: step must be a whole number from 0, not ${String(step)}`);
    await this.call({ type: 'seek', step }, true);
  }

  /** Back to the scenario's start; a playing run goes on playing (the trainer's rule). */
  async reset(): Promise<void> {
    await this.call({ type: 'reset' }, true);
  }

  /** A change to one field by path, e.g. ('optimizer.alpha', 0.3); rejects with the trainer's problems if refused. */
  async set(path: string, value: unknown): Promise<void> {
    if (typeof path !== 'string' || path.length === 0 || path.length > 100) throw new LabError('set: path must be a field path such as "optimizer.alpha"');
    try {
      structuredClone(value);
    } catch {
      throw new LabError(`${path}: the value is not plain data (numbers, strings, booleans, null, arrays and objects)`);
    }
    const reply = await this.call({ type: 'set', path, value }, true);
    // A hot change is answered by a frame only: keep the page's copy of the scenario in step with the trainer's.
    if (!reply.loaded && this.current.scenario) {
      const next = withValueAt(this.current.scenario, path, value);
      const checked = next.ok ? validateScenario(next.scenario) : null;
      if (checked?.ok) this.current = { ...this.current, name: checked.scenario.name ?? '', scenario: checked.scenario };
      this.events.emit('change', this.current);
    }
  }

  /** Steps per frame while playing (the page's speed control; not a scenario field). */
  speed(stepsPerFrame: number): void {
    if (!Number.isInteger(stepsPerFrame) || stepsPerFrame < 1 || stepsPerFrame > maxStepsPerFrame) {
      throw new LabError(`speed: steps per frame must be an integer from 1 to ${maxStepsPerFrame}`);
    }
    if (!this.gone) this.link.send({ type: 'speed', stepsPerFrame });
  }

  /** The loss over a resolution × resolution grid of the view (its whole range unless one is given). */
  requestSurface(resolution: number, range?: [[number, number], [number, number]]): Promise<SurfaceEvent> {
    if (this.gone) return Promise.reject(new LabError(this.gone));
    const id = ++this.surfaceId;
    const reply = new Promise<SurfaceEvent>((resolve) => this.surfaces.set(id, resolve));
    this.link.send({ type: 'request-surface', id, resolution, ...(range && { range }) });
    return reply;
  }

  /** Shows two parameter axes, or two random directions (models of more than two parameters). */
  async setView(view: View): Promise<void> {
    await this.call({ type: 'view', view }, true);
  }

  /** Follows one particle (its parameters come with each frame as `selected`); null stops following. */
  async select(index: number | null): Promise<void> {
    await this.call({ type: 'select', index }, true);
  }

  /** One step of the run with particle `index`'s step taken apart; resolves with it once its frame has arrived. */
  async microscope(index: number): Promise<MicroscopeEvent> {
    if (!Number.isInteger(index) || index < 0) throw new LabError(`microscope: the particle must be a whole number from 0, not ${String(index)}`);
    this.lastMicroscope = null;
    await this.call({ type: 'microscope', index }, true);
    if (!this.lastMicroscope) throw new LabError('microscope: the trainer did not take the step apart');
    return this.lastMicroscope;
  }

  /** The latest frame (valid until the next one, like the `frame` event's), or null before the first. */
  get latestFrame(): FrameEvent | null {
    return this.lastFrame;
  }

  /** The trainer's last `loaded` event, or null before the first load. */
  get loaded(): LoadedEvent | null {
    return this.lastLoaded;
  }

  state(): LabState {
    const s = this.current;
    return { ...s, stepping: s.stepping && { ...s.stepping }, summary: { ...s.summary, reasons: { ...s.summary.reasons } }, scenario: s.scenario ? structuredClone(s.scenario) : null };
  }

  /** The trainer was replaced (a restart): calls in flight will never be answered. */
  restarted(notice: string): void {
    this.current = { ...this.current, loaded: false, stepping: null };
    this.replies.abandon(notice);
  }

  /** The trainer is gone for good. */
  lost(reason: string): void {
    this.gone = reason;
    this.replies.abandon(reason);
    this.events.emit('lost', reason);
  }

  private call(command: TrainerCommand, wantsFrame: boolean): Promise<{ loaded: LoadedEvent | null; frame: FrameEvent | null }> {
    if (this.gone) return Promise.reject(new LabError(this.gone));
    const { before, after, reply } = this.replies.open(wantsFrame);
    // Three posts back to back: nothing of the page's can slip between them into the trainer's queue.
    this.link.send({ type: 'ping', id: before });
    this.link.send(command);
    this.link.send({ type: 'ping', id: after });
    return reply;
  }
}

/** A scenario from a preset name or an object, checked like a scenario file. */
export function resolveScenario(input: unknown): unknown {
  if (typeof input === 'string') {
    const preset = findPreset(input);
    if (!preset) throw new LabError(`there is no preset named "${input}"`, [`presets: ${presets.map((p) => p.name).join(', ')}`]);
    return preset.scenario;
  }
  const validation = validateScenario(input);
  if (!validation.ok) throw new LabError('the scenario has problems', validation.problems);
  return input;
}
