/**
 * The page's control surface over the trainer: what the buttons call, and what `window.descentLab`
 * (CONTRACTS §4) exposes. It keeps the lab's state as the trainer last reported it, checks every argument
 * like a scenario file before anything is sent, and turns the trainer's answers into settled promises
 * (see ./replies.ts for how answers are matched to commands). No DOM: tested in node against a real Trainer.
 */
import { FrameDecoder } from '../shared/frame-codec';
import type { LandscapeCommand, LandscapeEvent } from '../shared/landscape-messages';
import type { FrameEvent, MicroscopeEvent, RunStatus, TrainerCommand, TrainerEvent, View } from '../shared/messages';
import { findPreset, presets } from '../shared/presets';
import type { Scenario } from '../shared/scenario';
import { noReasons, type ReasonCounts } from '../shared/stopping';
import { validateScenario } from '../shared/validate';
import { withValueAt } from '../shared/paths';
import { limits } from '../shared/limits';
import { Emitter } from './emitter';
import { nameGroupProblems } from './race-problems';
import { LabError, Replies, type LoadedEvent } from './replies';
import type { ParticleCurve } from './scene/trail-losses';

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

/** The run's part of `window.descentLab` (CONTRACTS §4); main.ts adds screenshot and record (capture/) and exportTrajectories (export/). */
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
/** The trainer's word on its threads (CONTRACTS §7). */
export type ThreadsEvent = Extract<TrainerEvent, { type: 'threads' }>;

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
  /** A `set(path, …)` the trainer accepted: its path (a notice about that field is fixed; run-end.ts). */
  accepted: string;
  /** The trainer is gone for good (three crashes in five minutes): what to tell the user. */
  lost: string;
  /** The furthest step the trainer's history holds (what `seek` can reach), whenever it changes. */
  history: number;
  /** A long `step(n)` under way: the run's step, and `done` of its `count` steps. */
  progress: Extract<TrainerEvent, { type: 'progress' }>;
  /** How many threads step the cloud (the trainer says so after each load and each change of the setting). */
  threads: ThreadsEvent;
  /** A step taken apart by the microscope (experiments/microscope). */
  microscope: MicroscopeEvent;
  /** A landscape under way: rows of its grid done of `total` (experiments/landscape). */
  'landscape-progress': { done: number; total: number };
  /** Arrows for the scene to draw at a particle (scene/Arrows.ts); null clears them. */
  arrows: SceneArrows | null;
  /** The particle under the pointer in the scene (issue 18, part 6), or null once none is: the loss chart draws its curve. */
  hover: HoveredParticle | null;
}

/** Arrows at one point of the view's plane: each a vector in view coordinates, a colour and a name. */
export interface SceneArrows {
  origin: [number, number];
  /** The particle's loss: its height when it lies off the drawn surface. */
  loss?: number;
  arrows: { name: string; vector: [number, number]; colour: string }[];
}

/** A hovered particle: its index, and its loss over the frames the scene keeps for it (read it at each draw: it grows). */
export interface HoveredParticle {
  index: number;
  curve(): ParticleCurve;
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
  private lastLandscape: LandscapeEvent | null = null;
  /** The last `loaded` event: what a view mounted later needs to catch up (the race's groups, the range). */
  private lastLoaded: LoadedEvent | null = null;
  private lastFrame: FrameEvent | null = null;
  /** The trainer's last word on its threads (null until it has said), and the page's setting to send again after a restart. */
  private lastThreads: ThreadsEvent | null = null;
  private threadSetting: number | null | undefined = undefined;

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
      this.current = {
        ...this.current,
        stepping: null,
        epoch: frame.epoch,
        step: frame.step,
        status: frame.status,
        summary: { ...frame.summary, reasons: { ...frame.summary.reasons } },
      };
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
    } else if (event.type === 'landscape-progress') {
      this.events.emit('landscape-progress', { done: event.done, total: event.total });
    } else if (event.type === 'landscape') {
      this.lastLandscape = event;
    } else if (event.type === 'threads') {
      this.lastThreads = event;
      this.events.emit('threads', event);
    }
    // State first, then the replies: a caller resumed by this event already sees its effect.
    const claimed = this.replies.accept(event);
    if (event.type === 'error' && !claimed) this.events.emit('problem', new LabError(event.message, event.problems));
  }

  /**
   * Loads a scenario object or a preset by name; resolves once the trainer has loaded it and sent its frame.
   * `undoable`: the trainer keeps the run it replaces for one `undo` (a new start from the scene).
   */
  async load(input: unknown, options: { undoable?: boolean } = {}): Promise<void> {
    try {
      const scenario = resolveScenario(input);
      await this.call({ type: 'load', scenario, ...(options.undoable && { undoable: true }) }, true);
    } catch (error) {
      throw namedForRace(error, input);
    }
  }

  /** Whether `undo` would bring back a run an undoable load replaced (the trainer says so with each `loaded`). */
  get canUndo(): boolean {
    return this.lastLoaded?.undo === true;
  }

  /** Back to the run the last undoable load replaced, exactly as it was; rejects when there is none. */
  async undo(): Promise<void> {
    await this.call({ type: 'undo' }, true);
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
    const reply = await this.call({ type: 'set', path, value }, true).catch((error: unknown) => {
      const next = this.current.scenario && withValueAt(this.current.scenario, path, value);
      throw namedForRace(error, next?.ok ? next.scenario : this.current.scenario);
    });
    // A hot change is answered by a frame only: keep the page's copy of the scenario in step with the trainer's.
    if (!reply.loaded && this.current.scenario) {
      const next = withValueAt(this.current.scenario, path, value);
      const checked = next.ok ? validateScenario(next.scenario) : null;
      if (checked?.ok) this.current = { ...this.current, name: checked.scenario.name ?? '', scenario: checked.scenario };
      this.events.emit('change', this.current);
    }
    this.events.emit('accepted', path);
  }

  /** Whether the run is done with particles still moving and room for more epochs (what Continue needs). */
  canContinue(): boolean {
    const { status, scenario, epoch, summary } = this.current;
    return status === 'done' && scenario !== null && summary.running > 0 && moreEpochs(scenario.epochs, epoch) > 0;
  }

  /**
   * At "done" with particles still moving: raises the epochs by as many again (moreEpochs) and plays on, or,
   * with `play` false, only raises them (→ then takes one step). Does nothing when the run cannot go on.
   */
  async continueRun(play = true): Promise<void> {
    if (!this.canContinue()) return;
    const { scenario, epoch } = this.current;
    await this.set('epochs', epoch + moreEpochs(scenario!.epochs, epoch));
    if (play) this.play();
  }

  /** The most threads the trainer may step a cloud on (null: every core); a page setting, kept across a restart of the trainer. */
  threads(count: number | null): void {
    if (count !== null && (!Number.isInteger(count) || count < 1 || count > 256))
      throw new LabError('threads: must be an integer from 1 to 256, or every core');
    this.threadSetting = count;
    if (!this.gone) this.link.send({ type: 'threads', count });
  }

  /** How many threads step the cloud now, of how many allowed and cores (null until the trainer has said). */
  get threadsInUse(): Readonly<ThreadsEvent> | null {
    return this.lastThreads;
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

  /**
   * The loss on a slice around one particle (the best unless `particle` is given) with its recorded path,
   * computed by the trainer in slices; `landscape-progress` events follow it. `pause()` meanwhile cancels it
   * (the promise rejects saying so). The run is not stepped.
   */
  async landscape(options: Omit<LandscapeCommand, 'type'>): Promise<LandscapeEvent> {
    this.lastLandscape = null;
    await this.call({ type: 'landscape', ...options }, false);
    const result = this.lastLandscape as LandscapeEvent | null;
    if (!result) throw new LabError('landscape: the trainer sent no slice');
    this.lastLandscape = null;
    return result;
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
    return {
      ...s,
      stepping: s.stepping && { ...s.stepping },
      summary: { ...s.summary, reasons: { ...s.summary.reasons } },
      scenario: s.scenario ? structuredClone(s.scenario) : null,
    };
  }

  /** The trainer was replaced (a restart): calls in flight will never be answered. */
  restarted(notice: string): void {
    this.current = { ...this.current, loaded: false, stepping: null };
    this.replies.abandon(notice);
    if (this.threadSetting !== undefined && !this.gone) this.link.send({ type: 'threads', count: this.threadSetting });
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

/** A refusal of a race's scenario with each group named as the page shows it (./race-problems.ts). */
function namedForRace(error: unknown, scenario: unknown): unknown {
  if (!(error instanceof LabError) || typeof scenario !== 'object' || scenario === null || !('groups' in scenario)) return error;
  return new LabError(error.heading, nameGroupProblems(error.problems, scenario));
}

/** Epochs a Continue adds at "done": as many again as the run had, within the limit; 0 when none can be added. */
export function moreEpochs(epochs: number, epoch: number): number {
  return Math.max(0, Math.min(epochs, limits.maxEpochs - Math.max(epoch, epochs)));
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
