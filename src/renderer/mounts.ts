/**
 * The three parts of the page around the lab, each mounted into its own element by its own module:
 * the scene (./scene), the panel (./panel) and the views below the scene (./views). main.ts wires them.
 */
import type { Lab } from './lab';
import type { Notices } from './notices';

/** What every part is given. */
export interface MountContext {
  lab: Lab;
  notices: Notices;
}

export interface SceneHandle {
  /** Fit the camera to the surface and the cloud (F). */
  frameView(): void;
  /** The default camera (the panel's "reset view"). */
  resetView(): void;
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
