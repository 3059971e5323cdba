/**
 * The three parts of the page around the lab, each mounted into its own element by its own module:
 * the scene (./scene), the panel (./panel) and the views below the scene (./views). main.ts wires them.
 */
import type { CameraPose, Point3 } from './capture/camera';
import type { Lab } from './lab';
import type { Notices } from './notices';
import type { PreferenceStore } from './preferences';

/** What every part is given. */
export interface MountContext {
  lab: Lab;
  notices: Notices;
  /** The page's preferences between sessions (the panel as left, the Record dialog's choices). */
  preferences: PreferenceStore;
}

export interface SceneHandle {
  /** Fit the camera to the surface and the cloud (F). */
  frameView(): void;
  /** The 3D view and the contour map side by side, or back to one (V). */
  toggleSplit(): void;
  /** The default camera (the panel's "reset view"). */
  resetView(): void;
  /** The element the scene is mounted into (screenshot and record put their buttons over it). */
  readonly container: HTMLElement;
  /** Whether the surface of the current scenario is drawn ('none' before any load or without WebGL). */
  surfaceState(): 'none' | 'pending' | 'ready';
  /**
   * Takes the canvas over for a screenshot or a recording: drawn only on `render`, at width × height device
   * pixels, on a frozen clock. Null without WebGL or with a capture already under way.
   */
  beginCapture(width: number, height: number): CaptureSurface | null;
  /** Where the 3D camera stands now, as a recording's camera keyframe would give it. */
  cameraPose(): CameraPose;
}

/** The scene's canvas while a capture has it (see SceneHandle.beginCapture). */
export interface CaptureSurface {
  readonly canvas: HTMLCanvasElement;
  /**
   * Sets the scene's clock to this many ms after the capture began: frames that arrive from now on, and
   * the diverged particles' rise and fade, follow it instead of the wall clock.
   */
  setTime(ms: number): void;
  /**
   * Puts the 3D camera at a recording's pose for the frames drawn from now on (null: leave it as it is),
   * around `target` (a point of the scene) or else around the view's own target.
   */
  setCamera(pose: CameraPose | null, target?: Point3 | null): void;
  /** The view's target (what the camera orbits), in scene units. */
  viewTarget(): Point3;
  /** Where the best particle (lowest loss) is drawn now, or null when none is on the surface. */
  bestPoint(): Point3 | null;
  /** Draws the scene now, into the canvas's drawing buffer (kept, so it can be read back). */
  render(): void;
  /** Back to the on-screen size and the wall clock (the scene clock goes on from where the capture left it). */
  end(): void;
}

export interface PanelHandle {
  /** Show or hide the panel (H). */
  toggle(): void;
  /** Play/pause, one step, reset: the same actions as the panel's buttons (Space, →, R). */
  playPause(): void;
  step(): void;
  reset(): void;
  /** The trainer is gone for good: nothing can act any more. */
  disable(): void;
}

export interface ViewsHandle {
  /** Nothing yet: the chart and data view follow the lab's events on their own. */
  readonly element: HTMLElement;
}
