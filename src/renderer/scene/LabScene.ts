/**
 * The scene's conductor: owns the renderer, the three.js objects and the cameras, and follows the lab.
 * A `loaded` event asks the trainer for the loss over the view's range; the surface, its contours and the
 * axes are rebuilt once that grid arrives (and only then). Frames move the particles in place. Drawing is
 * on demand: one requestAnimationFrame per change, going on only while the camera glides or a diverged
 * particle fades; the loop allocates nothing. A capture (beginCapture) takes the canvas over: it is drawn only
 * when the capture asks, at the capture's size, on a clock the capture sets (see `now`).
 */
import { AmbientLight, DirectionalLight, HemisphereLight, Scene, Vector3, type WebGLRenderer } from 'three';
import type { FrameEvent } from '../../shared/messages';
import type { Lab } from '../lab';
import type { CameraPose } from '../capture/camera';
import type { CaptureSurface } from '../mounts';
import type { Notices } from '../notices';
import type { LoadedEvent } from '../replies';
import { Arrows } from './Arrows';
import { Axes } from './Axes';
import { BestMarker } from './BestMarker';
import { ContourLines } from './ContourLines';
import { fillHeights, fitHeightScale } from './heights';
import { Layout } from './layout';
import { Overlay } from './Overlay';
import { fadeSeconds, ParticleCloud, type ColourBy } from './ParticleCloud';
import { Placement } from './placement';
import { Seeding } from './Seeding';
import { SurfaceMesh } from './SurfaceMesh';
import { Toolbar } from './Toolbar';
import { Trails } from './Trails';
import { Hover, pickParticle } from './Hover';
import { View, type ViewMode } from './View';

/** Grid points per side of the sampled surface: fine for analytic surfaces, coarser for models with data. */
const surfaceResolution = 128;
const modelResolution = 96;
/** performance.mark'ed once, when particles are first drawn: the bench's measure of start-up. */
export const firstFrameMark = 'descent:first-frame';
/** The scene's background: the page's .scene-view colour (style.css). */
const background = 0x0b0e12;

export class LabScene {
  private readonly scene = new Scene();
  private readonly view: View;
  private readonly surface = new SurfaceMesh();
  private readonly contours = new ContourLines();
  private readonly cloud = new ParticleCloud();
  private readonly best = new BestMarker();
  private readonly trails = new Trails();
  private readonly axes = new Axes();
  /** The microscope's arrows at one particle (lab event 'arrows'); their count is the canvas's data-arrows. */
  private readonly arrows = new Arrows();
  private readonly overlay: Overlay;
  private readonly toolbar: Toolbar;
  private readonly seeding: Seeding;
  private readonly resizer: ResizeObserver;
  private loaded: LoadedEvent | null = null;
  private layout: Layout | null = null;
  private placement: Placement | null = null;
  /** What the surface on show was built from (see surfaceKey). */
  private shownKey: string | null = null;
  private lastFrame: FrameEvent | null = null;
  /** The particle the best marker rings (lowest loss, on the surface), −1 for none: a recording may aim at it. */
  private bestIndex = -1;
  /** Counts loads, so that a grid asked for by an earlier one is dropped. */
  private generation = 0;
  private scheduled = false;
  private surfaceBuilds = 0;
  /** Whether particles have been drawn yet (for the first-frame mark). */
  private particlesDrawn = false;
  private disposed = false;
  private contextLost = false;
  private randomSeed = 0;
  private readonly tick = (): void => this.draw();
  /** The scene clock is performance.now() plus this: it goes on from where a capture's fixed clock left it. */
  private clockOffset = 0;
  /** The capture under way: its size and its fixed clock (ms on the scene clock). */
  private capture: { width: number; height: number; base: number; time: number } | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly hover: Hover;

  constructor(
    private readonly container: HTMLElement,
    private readonly canvas: HTMLCanvasElement,
    private readonly renderer: WebGLRenderer,
    private readonly lab: Lab,
    private readonly notices: Notices,
    overlay: Overlay,
  ) {
    this.overlay = overlay;
    renderer.setClearColor(background, 1);
    this.scene.add(this.surface.group, this.contours.lines, this.axes.group, this.trails.lines, this.cloud.points, this.best.points);
    this.scene.add(this.arrows.group);
    this.light();
    this.view = new View(canvas, () => this.invalidate());
    this.toolbar = new Toolbar({
      resetView: () => this.resetView(),
      setMode: (mode) => this.setMode(mode),
      colourBy: (mode) => this.colourBy(mode),
      trails: (on) => {
        this.trails.setVisible(on);
        this.invalidate();
      },
      axes: (i, j) => this.pickAxes(i, j),
      split: () => this.toggleSplit(),
    });
    container.append(this.toolbar.element);
    this.seeding = new Seeding(canvas, container, lab, {
      camera: () => this.view.camera,
      surface: () => (this.surface.visible ? this.surface.mesh : null),
      layout: () => this.layout,
      seedable: () => this.seedable(),
      setControls: (on) => (this.view.enabled = on),
      hint: (text) => this.overlay.hint(text),
      error: (error) => this.notices.showError(error),
    });
    // Capture phase on the container: the half is chosen before the camera controls see the event.
    container.addEventListener('pointerdown', this.routePointer, true);
    container.addEventListener('wheel', this.routePointer, { capture: true, passive: true });
    this.hover = new Hover(canvas, {
      pick: (x, y) => pickParticle(this.cloud, this.view, Math.max(1, container.clientWidth), Math.max(1, container.clientHeight), x, y),
      trails: this.trails,
      hint: (text) => this.overlay.hint(text),
      redraw: () => this.invalidate(),
      hovered: (i) => lab.events.emit('hover', i < 0 ? null : { index: i, curve: () => this.trails.highlightedCurve() }),
    });
    this.resizer = new ResizeObserver(() => this.resize());
    this.resizer.observe(container);
    this.resize();
    this.watchPixelRatio();
    canvas.addEventListener('webglcontextlost', this.onContextLost);
    canvas.addEventListener('webglcontextrestored', this.onContextRestored);
    this.unsubscribe.push(
      lab.events.on('loaded', (event) => this.onLoaded(event)),
      lab.events.on('frame', (frame) => this.onFrame(frame)),
      lab.events.on('lost', (reason) => this.overlay.show('trainer-lost', reason)),
      lab.events.on('arrows', (set) => {
        this.canvas.dataset.arrows = String(this.arrows.show(set, this.placement));
        this.invalidate();
      }),
    );
    this.overlay.show('empty');
    canvas.dataset.surface = 'none';
    canvas.dataset.split = 'false';
  }

  resetView(): void {
    this.view.reset();
    this.invalidate();
  }

  /** Fits the view to the surface and the particles still on it (the F key). */
  frameView(): void {
    const extra: Vector3[] = [];
    const p = this.cloud.base;
    let [x0, y0, z0, x1, y1, z1] = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
    for (let i = 0; i < this.cloud.size; i++) {
      if (!this.cloud.onSurface(i)) continue;
      x0 = Math.min(x0, p[3 * i]);
      x1 = Math.max(x1, p[3 * i]);
      y0 = Math.min(y0, p[3 * i + 1]);
      y1 = Math.max(y1, p[3 * i + 1]);
      z0 = Math.min(z0, p[3 * i + 2]);
      z1 = Math.max(z1, p[3 * i + 2]);
    }
    if (x0 <= x1) for (const x of [x0, x1]) for (const y of [y0, y1]) for (const z of [z0, z1]) extra.push(new Vector3(x, y, z));
    this.view.frame(extra);
    this.invalidate();
  }

  /** Asks for a redraw at the next animation frame (once, however often it is asked). */
  invalidate(): void {
    if (this.scheduled || this.contextLost) return;
    this.scheduled = true;
    requestAnimationFrame(this.tick);
  }

  /**
   * A capture's view of the canvas. Its clock starts one fade later than the scene clock, so that a particle
   * that diverged before the capture is shown fully faded: every fade seen in the capture then depends only on
   * the capture's own times, and two captures of the same run are drawn alike.
   */
  beginCapture(width: number, height: number): CaptureSurface | null {
    if (this.capture || this.disposed) return null;
    const capture = { width, height, base: this.now() + fadeSeconds * 1000, time: 0 };
    this.capture = capture;
    // Particles scale with the picture (6 px at 720 lines), not with the screen it happens to be made on.
    const ratio = Math.max(1, height / 720);
    this.renderer.setPixelRatio(1);
    this.renderer.setSize(width, height, false);
    this.view.resize(this.view.split ? width / 2 : width, height);
    this.cloud.setPixelRatio(ratio);
    this.best.setPixelRatio(ratio);
    let ended = false;
    // A recording's camera keyframes move the 3D camera; its own position comes back at the end.
    let kept: Vector3 | null = null;
    return {
      canvas: this.canvas,
      setTime: (ms) => {
        capture.time = ms;
      },
      setCamera: (pose, target) => {
        if (!pose) return;
        kept ??= this.view.perspective.position.clone();
        this.view.setPose(pose, target ?? undefined);
      },
      viewTarget: () => this.view.target(),
      bestPoint: () => {
        const i = this.bestIndex;
        if (i < 0) return null;
        const p = this.cloud.base;
        return { x: p[3 * i], y: p[3 * i + 1], z: p[3 * i + 2] };
      },
      render: () => {
        if (ended) throw new Error('This capture has ended');
        if (this.contextLost) throw new Error('The graphics context was lost');
        if (!kept) this.view.update();
        this.cloud.animate(this.now());
        // A camera path films the 3D view alone; otherwise the picture is the view as it stands (split or not).
        if (kept) this.renderer.render(this.scene, this.view.perspective);
        else this.render(width, height);
      },
      end: () => {
        if (ended) return;
        ended = true;
        if (kept) this.view.restorePosition(kept);
        this.clockOffset = Math.max(this.clockOffset, capture.base + capture.time - performance.now());
        this.capture = null;
        this.resize();
      },
    };
  }

  /** Where the 3D camera stands (the Record dialog's "add keyframe" and ready-made paths). */
  cameraPose(): CameraPose {
    return this.view.pose();
  }

  dispose(): void {
    this.disposed = true;
    for (const off of this.unsubscribe) off();
    this.resizer.disconnect();
    this.canvas.removeEventListener('webglcontextlost', this.onContextLost);
    this.canvas.removeEventListener('webglcontextrestored', this.onContextRestored);
    this.container.removeEventListener('pointerdown', this.routePointer, true);
    this.container.removeEventListener('wheel', this.routePointer, true);
    this.hover.dispose();
    this.seeding.dispose();
    this.view.dispose();
    for (const part of [this.surface, this.contours, this.cloud, this.best, this.trails, this.axes]) part.dispose();
    this.renderer.dispose();
  }

  private light(): void {
    // A cool sky and a dark floor, one key light from the front right, a faint rim from behind.
    this.scene.add(new HemisphereLight(0xe8eeff, 0x20242c, 1.4));
    this.scene.add(new AmbientLight(0xffffff, 0.25));
    const key = new DirectionalLight(0xffffff, 1.9);
    key.position.set(6, 11, 8);
    const rim = new DirectionalLight(0xb8c8ff, 0.5);
    rim.position.set(-8, 5, -7);
    this.scene.add(key, rim);
  }

  /** The scene clock (ms): the capture's fixed clock while one is under way, else the wall clock. */
  private now(): number {
    const capture = this.capture;
    return capture ? capture.base + capture.time : performance.now() + this.clockOffset;
  }

  private draw(): void {
    this.scheduled = false;
    // A capture draws when it asks to; its end() resizes, which asks for a frame again.
    if (this.contextLost || this.capture) return;
    const moving = this.view.update();
    const fading = this.cloud.animate(this.now());
    this.render(Math.max(1, this.container.clientWidth), Math.max(1, this.container.clientHeight));
    if (!this.particlesDrawn && this.cloud.points.visible) {
      this.particlesDrawn = true;
      // The first picture with particles in it: the bench times page load to this mark (src/bench/page).
      performance.mark(firstFrameMark);
    }
    if (moving || fading) this.invalidate();
  }

  /**
   * One picture of width × height (the renderer's units): the one view, or in a split the 3D view on the
   * left half and the top view on the right, the same scene objects in both (one cloud, one selection).
   */
  private render(width: number, height: number): void {
    if (!this.view.split) {
      this.renderer.render(this.scene, this.view.camera);
      return;
    }
    const left = Math.floor(width / 2);
    const halves: [number, number, 'perspective' | 'top'][] = [
      [0, left, 'perspective'],
      [left, width - left, 'top'],
    ];
    this.renderer.setScissorTest(true);
    for (const [x, w, camera] of halves) {
      this.renderer.setViewport(x, 0, w, height);
      this.renderer.setScissor(x, 0, w, height);
      this.axes.setTopView(camera === 'top');
      this.renderer.render(this.scene, this.view[camera]);
    }
    this.axes.setTopView(false);
    this.renderer.setScissorTest(false);
    this.renderer.setViewport(0, 0, width, height);
  }

  /** Side by side (the toolbar's Split, the V key) or back to the one view. */
  toggleSplit(): void {
    const on = !this.view.split;
    this.view.setSplit(on);
    this.toolbar.setSplit(on);
    this.canvas.dataset.split = String(on);
    this.axes.setTopView(!on && this.view.mode === 'top');
    this.resize();
  }

  /** In a split, a drag or a wheel goes to the half it starts over. */
  private readonly routePointer = (event: PointerEvent | WheelEvent): void => {
    if (!this.view.split || event.target !== this.canvas) return;
    const box = this.canvas.getBoundingClientRect();
    this.view.focus(event.clientX - box.left < box.width / 2 ? '3d' : 'top');
  };

  private resize(): void {
    if (this.capture) return; // the capture's size holds until it ends, which resizes
    const width = Math.max(1, this.container.clientWidth);
    const height = Math.max(1, this.container.clientHeight);
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    this.renderer.setPixelRatio(ratio);
    // The canvas's CSS size comes from style.css (100 % of .scene-view): only the bitmap is set here.
    this.renderer.setSize(width, height, false);
    this.view.resize(this.view.split ? width / 2 : width, height);
    this.cloud.setPixelRatio(ratio);
    this.best.setPixelRatio(ratio);
    this.invalidate();
  }

  /** A window moved to a screen of another pixel ratio resizes nothing: this query notices it. */
  private watchPixelRatio(): void {
    const query = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    const changed = (): void => {
      query.removeEventListener('change', changed);
      if (this.disposed) return;
      this.resize();
      this.watchPixelRatio();
    };
    query.addEventListener('change', changed);
    this.unsubscribe.push(() => query.removeEventListener('change', changed));
  }

  private onLoaded(event: LoadedEvent): void {
    this.loaded = event;
    const generation = ++this.generation;
    this.overlay.clear('empty');
    this.overlay.clear('trainer-lost');
    this.lastFrame = null;
    this.cloud.reset(event.count);
    this.trails.reset(event.count);
    this.hover.clear();
    this.best.show(this.cloud.base, -1);
    this.bestIndex = -1;
    this.overlay.setDiverged(0);
    this.toolbar.setParameters(event.paramNames, event.axes);
    // A race: its groups in the Race tab's colours (experiments/race).
    this.cloud.setGroups(event.groups?.of ?? null);
    this.toolbar.setRace(event.groups !== undefined);
    const key = this.surfaceKey(event);
    if (key !== null && key === this.shownKey && this.placement) {
      // The same surface over the same range (a new start, a new optimizer: the trainer keeps the range on
      // show while it holds the cloud, ../../trainer/view-place.ts): nothing to rebuild, nothing moves.
      this.invalidate();
      return;
    }
    this.shownKey = null;
    this.placement = null;
    this.canvas.dataset.surface = 'pending';
    const model = (event.scenario as { model?: { kind?: string } }).model;
    const resolution = model?.kind === 'surface' ? surfaceResolution : modelResolution;
    this.lab.requestSurface(resolution, event.range).then(
      (grid) => {
        if (generation !== this.generation) return;
        const scale = fitHeightScale(grid.values);
        const heights = fillHeights(scale, grid.values, new Float32Array(grid.values.length));
        const layout = new Layout(grid.range, grid.resolution);
        this.layout = layout;
        this.surface.show(layout, heights);
        this.contours.show(layout, heights);
        this.axes.show(layout, event.axes, scale);
        this.placement = new Placement(layout, scale, heights);
        this.shownKey = key;
        this.canvas.dataset.surface = 'ready';
        // How many times the surface was built: the bench checks that playing never rebuilds it.
        this.canvas.dataset.surfaceBuilds = String(++this.surfaceBuilds);
        if (this.lastFrame) this.showFrame(this.lastFrame);
        this.invalidate();
      },
      // The trainer is gone or was replaced: its 'lost' or the next 'loaded' says what happens next.
      () => {},
    );
    this.invalidate();
  }

  /**
   * What the surface depends on, when that can be told from the scenario: a model of two parameters on its
   * own axes is the same surface for the same model, data and range. A slice of a larger model passes
   * through the cloud's centre, which moves with every start: null, always rebuilt.
   */
  private surfaceKey(event: LoadedEvent): string | null {
    const { paramNames, axes, range, scenario } = event;
    if (paramNames.length !== 2 || axes[0] !== paramNames[0] || axes[1] !== paramNames[1]) return null;
    return JSON.stringify([scenario.model, scenario.data ?? null, range]);
  }

  private onFrame(frame: FrameEvent): void {
    this.lastFrame = frame;
    if (this.placement) this.showFrame(frame);
  }

  private showFrame(frame: FrameEvent): void {
    const placement = this.placement!;
    this.cloud.update(frame, placement, this.now());
    const best = frame.best && this.cloud.onSurface(frame.best.index) ? frame.best.index : -1;
    this.bestIndex = best;
    this.trails.record(frame.step, this.cloud.base, best, frame);
    this.best.show(this.cloud.base, best);
    this.overlay.setDiverged(frame.summary.diverged);
    this.invalidate();
  }

  private setMode(mode: ViewMode): void {
    this.view.setMode(mode);
    this.axes.setTopView(mode === 'top');
    this.toolbar.setMode(mode);
    this.invalidate();
  }

  private colourBy(mode: ColourBy): void {
    this.cloud.setColourBy(mode, this.placement);
    this.overlay.showRamp(mode === 'loss');
    this.invalidate();
  }

  private pickAxes(i: number | null, j?: number): void {
    const view = i === null ? { random: ++this.randomSeed } : { axes: [i, j ?? 0] as [number, number] };
    this.lab.setView(view).catch((error: unknown) => this.notices.showError(error));
  }

  /** Seeding by pointer applies to two-parameter models shown on their own axes, in one view (not split). */
  private seedable(): boolean {
    const loaded = this.loaded;
    return !!loaded && !this.view.split && loaded.paramNames.length === 2 && loaded.axes[0] === loaded.paramNames[0] && loaded.axes[1] === loaded.paramNames[1];
  }

  private readonly onContextLost = (event: Event): void => {
    // Default prevented: the browser may then restore the context, and three.js rebuilds its resources.
    event.preventDefault();
    this.contextLost = true;
    this.overlay.show('context-lost');
  };

  private readonly onContextRestored = (): void => {
    this.contextLost = false;
    // three.js rebuilds its GL state from defaults, the clear colour among them.
    this.renderer.setClearColor(background, 1);
    this.overlay.clear('context-lost');
    this.invalidate();
  };
}
