/**
 * The trainer: drives one engine run for one page, over any host's message port (a Web Worker, Electron's
 * utility process, a Node child process in tests). Commands are validated on arrival and handled in
 * order; every failure comes back as an `error` event and leaves the run as it was.
 *
 * Flow control is by credit: the page asks for a frame, and the trainer answers with one frame, built
 * at the moment it is sent. While playing, each request first advances `stepsPerFrame` steps, so the
 * descent moves at the page's own frame rate and nothing ever queues, however slow the page is.
 *
 * Work is bounded in time (issue 21, ./slices.ts): steps run in slices of ~25 ms with a yield to the
 * event loop between them, so a busy trainer still answers. While playing, the commands that arrive are
 * handled between slices (a pause stops the frame's steps where they are), and a frame whose steps take
 * longer than ~250 ms goes out with the steps done so far. A `step(n)` and a `seek` are long work
 * (./slices.ts, runLong): each keeps the order of commands (what is sent after it applies once it is done)
 * but reports `progress`; a `pause` received while one runs cancels it, and a `seek` received while a seek
 * runs (with nothing but pings between them) supersedes it.
 */
import { RaceDescent } from '../engine/experiments/race';
import { datasetOf } from '../engine/build';
import { hotSettingsOf, type Descent } from '../engine/descent';
import { bestIndex, Metrics } from '../engine/metrics';
import { History, historyBudgetFor, type ReplayHooks } from '../engine/snapshot';
import { axesPlane, projectParticles, randomPlane, sampleLoss, type Plane } from '../engine/sampler';
import { encodeParticles } from '../shared/frame-codec';
import { commandSchema, messageProblems, type ParsedCommand, type RunStatus, type TrainerEvent, type View } from '../shared/messages';
import type { Scenario } from '../shared/scenario';
import { validateScenario } from '../shared/validate';
import { isHot, withValueAt } from '../shared/paths';
import type { LandscapeJob } from '../engine/experiments/landscape';
import { landscapeBuffers, landscapeEvent, sharpnessReadout, startTrainerLandscape, type LandscapeCommandParsed } from './landscape';
import { microscopeEvent } from './microscope';
import { TrajectoryRecorder } from './trajectory';
import { hostTiming, runLong, runUntil, type SliceTiming } from './slices';
import type { PoolHost } from './pool/pool';
import { TrainerThreads } from './pool/trainer-threads';
import { cloudCentre, cloudRange, namedRange, rangeToShow, type Range, type ShownRange } from './view-place';

export interface TrainerPort {
  /** To the page; typed arrays in `transfer` are moved, not copied, where the host can. */
  post(event: TrainerEvent, transfer?: ArrayBuffer[]): void;
  /** To the supervisor, where there is one (checkpoints for a restart after a crash). */
  report?(event: TrainerEvent): void;
  /**
   * True where `post` copies the event before it returns (a process boundary: Node's IPC, Electron's
   * MessagePortMain). The trainer then reuses its frame arrays instead of making new ones for every frame.
   */
  readonly copies?: boolean;
}

/** The frame arrays' bytes per particle: shown positions (2 × 4), shown loss (4), full loss (8). */
const frameBytesPerParticle = 20;

/** A `step(n)`, a `seek` or a landscape under way, and what stopped it: a pause, or (a seek) a newer seek, seen on arrival. */
interface LongWorkState {
  kind: 'step' | 'seek' | 'landscape';
  stoppedBy: 'pause' | 'seek' | null;
}

/** A message's `type`, before it is validated. */
const typeOf = (message: unknown): unknown => (message as { type?: unknown } | null)?.type;

/** A run as the trainer holds it, kept aside by an undoable load: everything `undo` needs to resume it exactly. */
interface RunKept {
  descent: Descent;
  scenario: Scenario;
  history: History<Scenario>;
  playing: boolean;
  view: View;
  selected: number | null;
  shownPositions: Float32Array<ArrayBuffer>;
  shownLosses: Float32Array<ArrayBuffer>;
  losses: Float64Array<ArrayBuffer>;
  trajectory: TrajectoryRecorder | null;
}

export class Trainer {
  private descent: Descent | null = null;
  private scenario: Scenario | null = null;
  private playing = false;
  private stepsPerFrame = 1;
  private credit = false;
  private dirty = false;
  private view: View = { axes: [0, 1] };
  private selected: number | null = null;
  private plane: Plane | null = null;
  /** The range the page's views draw on, and of which surface (./view-place.ts); set with the view's plane. */
  private viewRange: ShownRange = {
    surface: null,
    range: [
      [-1, 1],
      [-1, 1],
    ],
  };
  /** Last finite place and loss of each particle: what the page is shown once a particle diverges. */
  // What the page was last shown: float32 is plenty, the codes sent are 16 bits (shared/frame-codec.ts).
  private shownPositions = new Float32Array(0);
  private shownLosses = new Float32Array(0);
  private losses = new Float64Array(0);
  /** The last frame's code arrays, reused when the port copies (see TrainerPort.copies). */
  private codes: { positions: Uint16Array<ArrayBuffer>; losses: Uint16Array<ArrayBuffer> } | null = null;
  /** Projections onto a view's plane; allocated only when a view needs one (a surface's own axes do not). */
  private projected = new Float64Array(0);
  /** Messages received and not yet handled, in arrival order. */
  private readonly inbox: unknown[] = [];
  /** The loop that handles the inbox and runs the slices; null while there is nothing to do. */
  private running: Promise<void> | null = null;
  private looping = false;
  /** While playing: the steps left of the frame being made, and when its steps began (null: none). */
  private frameWork: { left: number; since: number } | null = null;
  private working: LongWorkState | null = null;
  private readonly timing: SliceTiming;
  /** Snapshots and hot changes of this run, for `seek` (64 MiB at most: engine/snapshot.ts). */
  private history = new History<Scenario>();
  /** The run an undoable load replaced, whole, for one `undo` (a click or a box on the surface); null: none. */
  private previous: RunKept | null = null;
  /** The cloud's thinned trajectory for the landscape's path (models of more than two parameters; ./trajectory.ts). */
  private trajectory: TrajectoryRecorder | null = null;
  /** The furthest step the page knows of (a load tells it the start; a `history` event each change). */
  private toldFurthest = -1;
  /** The held-out loss and accuracies of the run's best particle (engine/metrics.ts), made once per run. */
  private metrics: { descent: Descent; of: Metrics | null } | null = null;
  /** The threads that step a big cloud's blocks while it plays (./pool/), where the host has them. */
  private readonly threads: TrainerThreads;
  /** The statuses sent where the port copies, when the run's own are in shared memory (which a port cannot copy). */
  private statusCopy = new Uint8Array(0);

  /** `timing` is the real clock and event loop unless a test gives its own (./slices.ts); `pool`, the host's threads. */
  constructor(
    private readonly port: TrainerPort,
    timing: Partial<SliceTiming> = {},
    pool?: PoolHost,
  ) {
    this.timing = hostTiming(timing);
    this.threads = new TrainerThreads(pool);
  }

  /** Takes one message from a host; messages are handled strictly in arrival order, between slices of work. */
  receive(message: unknown): void {
    // A pause is seen on arrival, not in its turn: the long work it is queued behind stops at its next slice.
    // So does a seek right behind a seek (the newer one replays from a snapshot of its own: the older one is
    // moot), but not one behind other commands, which must apply where the older seek lands.
    const type = typeOf(message);
    if (this.working && type === 'pause') this.working.stoppedBy ??= 'pause';
    if (this.working?.kind === 'seek' && type === 'seek' && this.inbox.every((m) => typeOf(m) === 'ping') && commandSchema.safeParse(message).success)
      this.working.stoppedBy ??= 'seek';
    this.inbox.push(message);
    this.start();
  }

  /** Resolves once every message received so far has been handled and the work they asked for is done. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Starts the loop unless it runs. A flag, not `running`: a command handled in the loop's first turn (before
   * `running` is assigned) would otherwise start a second loop, and two loops would step the run at once.
   */
  private start(): void {
    if (this.looping) return;
    this.looping = true;
    const loop = this.loop();
    if (this.looping) this.running = loop; // else it ended in its first turn, and nothing runs
  }

  /** Handles the inbox, then one slice of a playing frame's steps, then yields; ends when there is nothing to do. */
  private async loop(): Promise<void> {
    for (;;) {
      if (this.inbox.length > 0) {
        await this.handle(this.inbox.shift()).catch((error: unknown) => this.fail('internal error', [String((error as Error)?.stack ?? error)]));
      } else if (this.playing && this.credit && this.frameWork) {
        await this.playSlice();
        await this.timing.yield();
      } else {
        this.running = null; // in the same turn as the last check: a message arriving later starts a new loop
        this.looping = false;
        return;
      }
    }
  }

  private async handle(message: unknown): Promise<void> {
    const problems = messageProblems(commandSchema, message);
    if (problems) return this.fail('malformed message', problems);
    const command = commandSchema.parse(message);
    if (command.type === 'ping') return this.port.post({ type: 'pong', id: command.id });
    if (command.type === 'load') return this.load(command.scenario, false, command.undoable);
    if (command.type === 'threads') return this.allowThreads(command.count);
    if (!this.descent || !this.scenario) return this.fail(`nothing is loaded yet: "${command.type}" needs a scenario`, []);
    await this.apply(command);
  }

  private async apply(command: Exclude<ParsedCommand, { type: 'load' | 'ping' | 'threads' }>): Promise<void> {
    switch (command.type) {
      case 'set':
        return this.set(command.path, command.value);
      case 'reset':
        return this.load(this.scenario, true);
      case 'undo':
        return this.undo();
      case 'play':
        this.playing = !this.done;
        this.dirty = true;
        this.checkpoint();
        return this.pump();
      case 'pause':
        this.playing = false;
        this.dirty = true;
        this.checkpoint();
        return this.pump();
      case 'step':
        await this.stepMany(command.count);
        this.dirty = true;
        return this.pump();
      case 'speed':
        this.stepsPerFrame = command.stepsPerFrame;
        this.checkpoint();
        return;
      case 'request-frame':
        this.credit = true;
        return this.pump();
      case 'request-surface':
        return this.sendSurface(command.id, command.resolution, (command.range as Range | undefined) ?? this.viewRange.range);
      case 'seek':
        if (await this.seek(command.step)) this.dirty = true;
        return this.pump();
      case 'microscope':
        return this.microscope(command.index);
      case 'landscape':
        return this.landscape(command);
      case 'select':
        this.selected = command.index;
        this.dirty = true;
        return this.pump();
      case 'view':
        if ('axes' in command.view && Math.max(...command.view.axes) >= this.descent!.paramCount) {
          return this.fail('the view was refused', [`view.axes: must be parameter indices below ${this.descent!.paramCount}`]);
        }
        this.view = command.view;
        this.placeView();
        this.announce();
        this.dirty = true;
        return this.pump();
    }
  }

  /** The page's setting of threads: applies from the next steps, before a load too. */
  private allowThreads(count: number | null): void {
    this.threads.allow(count);
    this.port.post(this.threads.event(this.descent));
  }

  /** Validates and builds a scenario; on any problem the current run stays as it was. */
  private async load(input: unknown, keepPlaying: boolean, undoable = false): Promise<void> {
    const validation = validateScenario(input);
    if (!validation.ok) return this.fail('the scenario has problems', validation.problems);
    let descent: Descent;
    try {
      descent = await this.threads.build(validation.scenario);
    } catch (error) {
      return this.fail('the scenario cannot be built', [(error as Error).message]);
    }
    const structural = this.scenario === null || JSON.stringify(this.scenario.model) !== JSON.stringify(validation.scenario.model);
    // An undoable load keeps the run it replaces whole (its arrays are not touched again); any other forgets it.
    this.previous = undoable ? this.kept() : null;
    if (this.previous) this.history = new History<Scenario>();
    this.descent = descent;
    this.scenario = validation.scenario;
    this.trajectory = descent.paramCount > 2 ? new TrajectoryRecorder(descent.n, descent.paramCount) : null;
    // The history gets what the run leaves of the run budget (engine/snapshot.ts), counting the frame arrays
    // below (20 bytes a particle, and 16 more for a projected view): so a million Adam particles keep no
    // copy and replay from step 0.
    this.history.budget = historyBudgetFor(descent.bytes + frameBytesPerParticle * descent.n);
    this.history.begin(descent, validation.scenario);
    this.toldFurthest = this.history.furthest; // a load says it: the history starts where the run does
    if (this.selected !== null && this.selected >= descent.n) this.selected = null;
    if (!keepPlaying) this.playing = false;
    this.frameWork = null; // a frame of the run before is no frame of this one
    if (structural || !this.fitsView(descent)) this.view = { axes: [0, 1] };
    const n = descent.n;
    this.shownPositions = new Float32Array(2 * n);
    this.shownLosses = new Float32Array(n);
    this.losses = new Float64Array(n);
    this.show();
  }

  /** The run as it stands, to keep aside; null before the first load. */
  private kept(): RunKept | null {
    const { descent, scenario, history, playing, view, selected, shownPositions, shownLosses, losses, trajectory } = this;
    return descent && scenario ? { descent, scenario, history, playing, view, selected, shownPositions, shownLosses, losses, trajectory } : null;
  }

  /** Back to the run the last undoable load replaced, as it was: cloud, optimizer state, history, playing. */
  private undo(): void {
    const previous = this.previous;
    if (!previous) return this.fail('nothing to undo', ['undo: only the run a click or a box on the surface replaced can be brought back, once']);
    this.previous = null;
    ({ descent: this.descent, scenario: this.scenario, history: this.history, playing: this.playing, view: this.view, selected: this.selected } = previous);
    ({ shownPositions: this.shownPositions, shownLosses: this.shownLosses, losses: this.losses, trajectory: this.trajectory } = previous);
    this.frameWork = null;
    this.toldFurthest = -1; // the next frame tells the page how far the restored history reaches
    this.show();
  }

  /** Shows a run just put in place (loaded, or restored by undo): its view, `loaded`, then a frame. */
  private show(): void {
    this.projected = new Float64Array(0);
    this.placeView();
    this.announce();
    this.port.post(this.threads.event(this.descent));
    this.dirty = true;
    this.checkpoint();
    this.pump();
  }

  /** Tells the page what is loaded and how it is viewed (after a load, a reset, or a change of view). */
  private announce(): void {
    const d = this.descent!;
    this.port.post({
      type: 'loaded',
      scenario: this.scenario as unknown as Record<string, unknown>,
      paramNames: [...d.model.paramNames],
      count: d.n,
      axes: this.axisNames(),
      range: this.viewRange.range,
      ...(d instanceof RaceDescent && { groups: { names: [...d.names], of: d.groupOf.slice() } }),
      undo: this.previous !== null,
    });
  }

  private fitsView(descent: Descent): boolean {
    return !('axes' in this.view) || Math.max(...this.view.axes) < descent.paramCount;
  }

  /** A hot field is handed to the running descent; any other field rebuilds the run from the new scenario. */
  private async set(path: string, value: unknown): Promise<void> {
    // A race steps each group with its own optimizer: a change to the top-level one would do nothing.
    if (this.scenario?.groups && path.split('.')[0] === 'optimizer') {
      return this.fail('the change was refused', [`${path}: a race steps each group with its own optimizer; change "groups" (the Race tab) instead`]);
    }
    const next = withValueAt(this.scenario, path, value);
    if (!next.ok) return this.fail('the change was refused', [next.problem]);
    if (!isHot(path)) return this.load(next.scenario, this.playing);
    const validation = validateScenario(next.scenario);
    if (!validation.ok) return this.fail('the change was refused', validation.problems);
    this.scenario = validation.scenario;
    this.descent!.configure(hotSettingsOf(validation.scenario));
    // A change after a seek records a new future: the old one is forgotten from here on.
    this.history.truncate(this.descent!.step);
    this.history.changed(this.descent!.step, validation.scenario);
    if (this.done) this.playing = false;
    this.dirty = true;
    this.checkpoint();
    this.pump();
  }

  private get done(): boolean {
    const d = this.descent;
    return !d || d.running === 0 || d.epoch >= this.scenario!.epochs;
  }

  /** One step, unless the run is done; a step from an earlier point of the history forgets what came after. */
  private advance(): boolean {
    if (this.done) return false;
    const d = this.descent!;
    if (d.step < this.history.furthest) this.history.truncate(d.step);
    this.trajectory?.record(d.step, d.params);
    d.advance();
    this.history.stepped(d, this.scenario!);
    return true;
  }

  /**
   * Replays the run to `step` exactly (History.replay), paused, in slices with `progress`; the history beyond
   * stays. A pause meanwhile stops it at the step reached (a recorded step, exactly), and says so. Resolves
   * false when a newer seek superseded it: that one shows its own step, so this one shows nothing.
   */
  private async seek(step: number): Promise<boolean> {
    this.playing = false;
    const hooks: ReplayHooks<Scenario> = {
      restored: (scenario) => {
        this.scenario = scenario;
      },
      changed: (scenario) => {
        this.scenario = scenario;
        this.descent!.configure(hotSettingsOf(scenario));
      },
    };
    const replay = this.history.replay(this.descent!, step, hooks);
    const { stoppedBy } = await this.longWork('seek', replay.count, () => replay.step());
    this.checkpoint();
    if (stoppedBy === 'seek') return false;
    if (stoppedBy === 'pause') this.fail('the seek was cancelled by a pause', [`seek: replayed to step ${this.descent!.step} of the ${replay.target} sought`]);
    return true;
  }

  /**
   * `count` steps in slices, yielding between them; `progress` goes out every `frameMs` while it lasts.
   * A pause received meanwhile cancels the rest, and the step is answered with an error saying so.
   */
  private async stepMany(count: number): Promise<void> {
    const onThreads = this.threads.usedFor(this.descent) > 1;
    const { done, stoppedBy } = onThreads ? await this.stepsOnThreads(count) : await this.longWork('step', count, () => this.advance());
    if (stoppedBy) this.fail('the steps were cancelled by a pause', [`step: ${done} of ${count} steps were taken`]);
  }

  /**
   * The slice around one particle (the best unless the command names one) with its recorded path, as long
   * work, a row of the grid at a time, with `landscape-progress`. A pause received meanwhile cancels it, and
   * the command is answered with an error saying so; the run itself is not touched.
   */
  private async landscape(command: LandscapeCommandParsed): Promise<void> {
    const d = this.descent!;
    const losses = d.fullLoss(this.losses);
    const started = startTrainerLandscape(d, this.trajectory, command, bestIndex(losses), losses);
    if ('problems' in started) return this.fail('the landscape was refused', started.problems);
    const { job } = started;
    const total = job.rows;
    const progress = (done: number) => this.port.post({ type: 'landscape-progress', done, total });
    const threaded = await this.landscapeOnThreads(job, progress);
    if (threaded?.stopped) return this.fail('the landscape was cancelled by a pause', [`landscape: ${threaded.rows} of ${total} rows were computed`]);
    // The rest on this thread: the path's rows after a grid from the threads, else every row.
    const from = job.rowsDone;
    const { stoppedBy } = await this.longWork(
      'landscape',
      total - from,
      () => (job.advance(1), true),
      (done) => progress(from + done),
    );
    if (stoppedBy) return this.fail('the landscape was cancelled by a pause', [`landscape: ${job.rowsDone} of ${total} rows were computed`]);
    const event = landscapeEvent(job.result(), started, command, d.model, sharpnessReadout(d, started.particle));
    this.port.post(event, landscapeBuffers(event));
  }

  /**
   * The landscape's grid rows on the trainer's threads, where it has them (./pool/landscape-rows.ts), with
   * `progress` every `frameMs` and a pause seen on arrival to stop handing out rows. Resolves null when the
   * rows are this thread's to compute: no threads, or one failed (said, and the threads are given up as
   * for steps); else whether it was stopped, and the rows done.
   */
  private async landscapeOnThreads(job: LandscapeJob, progress: (done: number) => void): Promise<{ stopped: boolean; rows: number } | null> {
    const plane = job.plane();
    const threads = this.threads.forLandscape(plane.grid);
    if (threads <= 1) return null;
    const working: LongWorkState = { kind: 'landscape', stoppedBy: null };
    this.working = working;
    const { now, frameMs } = this.timing;
    let reported = now();
    try {
      const watch = {
        stopped: () => working.stoppedBy !== null,
        progress: (rows: number) => (now() - reported >= frameMs ? ((reported = now()), progress(rows)) : undefined),
      };
      const { loss, rows } = await this.threads.landscapeGrid(threads, this.scenario!, plane, watch);
      if (!loss || working.stoppedBy) return { stopped: true, rows };
      job.adoptGrid(loss);
      return { stopped: false, rows };
    } catch (error) {
      this.fail('a thread of the trainer failed: the landscape is computed on one thread', [(error as Error).message]);
      this.port.post(this.threads.event(this.descent));
      return null;
    } finally {
      if (this.working === working) this.working = null;
    }
  }

  /** Runs long work (./slices.ts): a step(n) or a seek's replay reports `progress` with its `kind`, anything else its own. */
  private async longWork(
    kind: LongWorkState['kind'],
    count: number,
    step: () => boolean,
    progress = (done: number) => this.port.post({ type: 'progress', kind: kind as 'step' | 'seek', step: this.descent!.step, done, count }),
  ): Promise<{ done: number; stoppedBy: LongWorkState['stoppedBy'] }> {
    const working: LongWorkState = { kind, stoppedBy: null };
    this.working = working;
    try {
      const { done, stopped } = await runLong(this.timing, {
        count,
        step,
        progress,
        stopped: () => working.stoppedBy !== null,
      });
      return { done, stoppedBy: stopped ? working.stoppedBy : null };
    } finally {
      this.working = null;
    }
  }

  /** While playing: one slice of the frame's steps (on the threads, for a cloud they step); the frame goes out when they are done, or late. */
  private async playSlice(): Promise<void> {
    const work = this.frameWork!;
    const { now, sliceMs, frameMs } = this.timing;
    const onThreads = this.threads.usedFor(this.descent) > 1;
    const taken = onThreads
      ? await this.advanceOnThreads(Math.min(work.left, this.threads.chunk(sliceMs)))
      : runUntil(work.left, now() + sliceMs, now, () => this.advance());
    if (this.frameWork !== work) return; // the threads failed, and the run was taken back: the frame starts again
    work.left -= taken;
    this.dirty = true;
    if (this.done) this.playing = false;
    // Late: the page gets the steps done so far, and its next request starts the next frame's steps.
    if (work.left > 0 && this.playing && now() - work.since < frameMs) return;
    this.frameWork = null;
    this.send();
  }

  /**
   * A `step(n)` on the threads, as `longWork` runs one here: orders of about a slice each, `progress` every
   * `frameMs`, and a pause seen on arrival stops it after the order under way. A thread that fails ends it
   * where the run was taken back (`advanceOnThreads` says so).
   */
  private async stepsOnThreads(count: number): Promise<{ done: number; stoppedBy: LongWorkState['stoppedBy'] }> {
    const working: LongWorkState = { kind: 'step', stoppedBy: null };
    this.working = working;
    const { now, sliceMs, frameMs } = this.timing;
    let done = 0;
    let reported = now();
    try {
      while (done < count) {
        const taken = await this.advanceOnThreads(Math.min(count - done, this.threads.chunk(sliceMs)));
        done += taken;
        if (taken === 0 || this.done || done >= count) break;
        if (now() - reported >= frameMs) {
          reported = now();
          this.port.post({ type: 'progress', kind: 'step', step: this.descent!.step, done, count });
        }
        await this.timing.yield();
        if (working.stoppedBy) return { done, stoppedBy: working.stoppedBy };
      }
      return { done, stoppedBy: null };
    } finally {
      if (this.working === working) this.working = null;
    }
  }

  /**
   * Up to `count` steps on the threads, as `advance` would take them one at a time: the order stops where the
   * history keeps a snapshot or the trajectory a point, which are then taken as before. A thread that fails:
   * the run is replayed on this thread to where the order began (the threads may have left it half stepped),
   * it goes on here from then on, and the page is told. Resolves with the steps taken.
   */
  private async advanceOnThreads(count: number): Promise<number> {
    if (this.done) return 0;
    const d = this.descent!;
    const before = d.step;
    if (before < this.history.furthest) this.history.truncate(before);
    this.trajectory?.record(before, d.params);
    const until = Math.min(this.history.nextKeep(d), this.trajectory?.nextRecord(before) ?? Infinity);
    try {
      await this.threads.steps(d, Math.max(1, Math.min(count, until - before)), this.scenario!.epochs, this.timing.now);
    } catch (error) {
      const playing = this.playing;
      this.fail('a thread of the trainer failed: the run was taken back and goes on on one thread', [(error as Error).message]);
      await this.seek(before);
      this.playing = playing && !this.done;
      this.frameWork = null;
      this.dirty = true;
      this.port.post(this.threads.event(d));
      this.pump();
      return 0;
    }
    this.history.stepped(d, this.scenario!);
    return d.step - before;
  }

  /**
   * Sends a frame if the page has asked for one and there is something new to show. While playing, a
   * request first sets the frame's steps going (the loop runs them in slices, then sends the frame).
   */
  private pump(): void {
    if (!this.credit || !this.descent) return;
    if (this.playing && !this.done) {
      this.frameWork ??= { left: this.stepsPerFrame, since: this.timing.now() };
      this.start();
      return;
    }
    this.frameWork = null;
    if (this.dirty) this.send();
  }

  private send(): void {
    this.credit = false;
    this.dirty = false;
    this.sendFrame();
  }

  private status(): RunStatus {
    return this.done ? 'done' : this.playing ? 'running' : 'paused';
  }

  private sendFrame(): void {
    const d = this.descent!;
    const n = d.n;
    const losses = d.fullLoss(this.losses);
    // A surface's own axes are read from the parameters; anything else is projected first.
    const projected = this.ownAxes(d) ? null : this.projection();
    const params = d.params;
    const shown = this.shownPositions;
    const shownLoss = this.shownLosses;
    for (let i = 0; i < n; i++) {
      const x = projected ? projected[2 * i] : params[i];
      const y = projected ? projected[2 * i + 1] : params[n + i];
      if (Number.isFinite(x) && Number.isFinite(y) && Math.abs(x) < 3e38 && Math.abs(y) < 3e38) {
        shown[2 * i] = x;
        shown[2 * i + 1] = y;
      }
      if (Number.isFinite(losses[i]) && losses[i] < 3e38) shownLoss[i] = losses[i];
    }
    // New arrays (codes, statuses) where the page takes ownership of what it is sent; where the host copies,
    // the same ones every frame (a million particles would otherwise leave 8 MB of garbage a frame).
    const copies = this.port.copies === true;
    const encoded = encodeParticles(shown, shownLoss, n, copies ? (this.codes ?? undefined) : undefined);
    if (copies) this.codes = encoded;
    const statuses = copies ? this.ownStatuses(d.status) : d.status.slice();
    const best = this.particle(bestIndex(losses));
    const selected = this.particle(this.selected);
    const transfer = copies
      ? []
      : [encoded.positions.buffer, encoded.losses.buffer, statuses.buffer, ...[best, selected].flatMap((p) => (p ? [p.params.buffer as ArrayBuffer] : []))];
    this.port.post(
      {
        type: 'frame',
        epoch: d.epoch,
        step: d.step,
        status: this.status(),
        ...encoded,
        statuses,
        summary: { ...d.summary(losses), ...this.metricsOf(d).measure(best?.params ?? null) },
        best,
        selected,
        ...(d instanceof RaceDescent && { groups: d.groupSummaries(losses) }),
      },
      transfer,
    );
    if (this.history.furthest !== this.toldFurthest) {
      this.toldFurthest = this.history.furthest;
      this.port.post({ type: 'history', furthest: this.toldFurthest });
    }
  }

  /** The statuses as an array of the trainer's own: a port that copies cannot copy shared memory. */
  private ownStatuses(status: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
    if (!(status.buffer instanceof SharedArrayBuffer)) return status;
    if (this.statusCopy.length !== status.length) this.statusCopy = new Uint8Array(status.length);
    this.statusCopy.set(status);
    return this.statusCopy;
  }

  /** The run's metrics beyond the training loss, made on its first frame (an undo brings back a run: made again then). */
  private metricsOf(d: Descent): Pick<Metrics, 'measure'> {
    if (this.metrics?.descent !== d) this.metrics = { descent: d, of: Metrics.of(d.scenario, datasetOf(d.scenario)) };
    return this.metrics.of ?? { measure: () => ({}) };
  }

  /** A particle's parameters as sent to the page; null for no particle. */
  private particle(index: number | null): { index: number; params: Float64Array<ArrayBuffer> } | null {
    return index === null || index < 0 ? null : { index, params: Float64Array.from(this.descent!.particle(index)) };
  }

  /** One step of the run, particle `index`'s taken apart first (./microscope.ts); then its frame. */
  private microscope(index: number): void {
    const d = this.descent!;
    if (index >= d.n) return this.fail('the microscope was refused', [`index: particle ${index} does not exist (the cloud has ${d.n})`]);
    if (this.done) return this.fail('the run is done: reset it, or raise the epochs, to step again', []);
    const event = microscopeEvent(d, index, this.plane, this.ownAxes(d), this.viewRange.range);
    this.advance();
    this.port.post(event);
    this.dirty = true;
    this.pump();
  }

  /** Whether the view shows a 2-parameter model's own parameters (then nothing needs projecting). */
  private ownAxes(d: Descent): boolean {
    return d.paramCount === 2 && 'axes' in this.view && this.view.axes[0] === 0 && this.view.axes[1] === 1;
  }

  /** Each particle's projection onto the view's plane, as (x, y) pairs. */
  private projection(): Float64Array {
    const d = this.descent!;
    if (this.projected.length !== 2 * d.n) this.projected = new Float64Array(2 * d.n);
    return projectParticles(this.plane!, d.params, d.n, this.projected);
  }

  /** The plane of the view through the cloud's mean, and a range that holds the cloud (./view-place.ts). */
  private placeView(): void {
    const d = this.descent!;
    const centre = cloudCentre(d);
    this.plane = 'axes' in this.view ? axesPlane(centre, this.view.axes[0], this.view.axes[1]) : randomPlane(d.model, centre, this.view.random);
    const own = this.ownAxes(d);
    // A model of two parameters on its own axes is the same surface for the same model and data.
    const surface = own ? JSON.stringify([this.scenario!.model, this.scenario!.data ?? null]) : null;
    const range = cloudRange(d.n, d.params, own ? null : this.projection(), namedRange(this.scenario!.model, this.view));
    this.viewRange = { surface, range: rangeToShow(this.viewRange, { surface, range }) };
  }

  private axisNames(): [string, string] {
    if ('random' in this.view) return ['direction 1', 'direction 2'];
    const names = this.descent!.model.paramNames;
    return [names[this.view.axes[0]], names[this.view.axes[1]]];
  }

  private sendSurface(id: number, resolution: number, range: Range): void {
    const values = Float32Array.from(sampleLoss(this.descent!.model, this.plane!, { range, resolution: [resolution, resolution] }));
    this.port.post({ type: 'surface', id, range, resolution, values }, [values.buffer]);
  }

  private checkpoint(): void {
    if (!this.port.report || !this.scenario) return;
    this.port.report({
      type: 'checkpoint',
      scenario: this.scenario as unknown as Record<string, unknown>,
      playing: this.playing,
      stepsPerFrame: this.stepsPerFrame,
    });
  }

  private fail(message: string, problems: string[]): void {
    this.port.post({ type: 'error', message, problems });
  }
}
