/**
 * What an entry of the panel's parameter table is (the table itself is ./params.ts): the control it
 * shows, how it reads a scenario, and the change it asks of the lab. No DOM.
 */
import type { Scenario } from '../../shared/scenario';
import { isHot } from '../../shared/paths';
import type { FolderId } from '../../shared/settings';
import type { LogScale } from './numbers';

/** What the panel knows besides the scenario. */
export interface PanelContext {
  /** The loaded model's parameter names (the `loaded` event's), in parameter order. */
  paramNames: readonly string[];
  /** Steps per frame while playing: a setting of the page, not of the scenario. */
  speed: number;
  /** The most threads the trainer may step a cloud on (null: every core): a preference of the page. */
  threads: number | null;
  /** The cores the page sees, and whether its workers can share memory (a cross-origin isolated page). */
  cores: number;
  isolated: boolean;
}

/** What a control asks for when its value changes. */
export type Change =
  | { kind: 'set'; path: string; value: unknown }
  | { kind: 'load'; preset: string }
  | { kind: 'speed'; stepsPerFrame: number }
  /** The page's setting of threads (null: every core). */
  | { kind: 'threads'; count: number | null }
  /** Nothing to do (the value is what the scenario already has). */
  | { kind: 'none' }
  /** The typed value cannot be read: shown as a notice, and the control goes back to the lab's value. */
  | { kind: 'problem'; problem: string };

export type Value = string | number | boolean | null;

export type Control =
  /** A drop-down of label → value. */
  | { kind: 'select'; options(scenario: Scenario, context: PanelContext): Record<string, string> }
  /** A number field (lil-gui adds a linear slider when both min and max are given). */
  | { kind: 'number'; min?: number; max?: number; step: number }
  /** A slider over log10 of the value with a field that shows (and takes) the value itself; `off` names null. */
  | { kind: 'log-slider'; scale: LogScale; off?: string }
  /** Free text, for vectors ("1, 2"). */
  | { kind: 'text' }
  | { kind: 'toggle' };

/** The panel's folders (the settings table's). */
export type GroupId = FolderId;

export interface Param<V extends Value = Value> {
  /** The property of the panel's value object that the control is bound to. */
  readonly key: string;
  readonly label: string;
  readonly group: GroupId;
  /** The scenario field written ('' for the page's own settings): isHot(path) tells a hot change from a rebuild. */
  readonly path: string;
  readonly control: Control;
  /** A tooltip: what the control does, in one line. */
  readonly hint?: string;
  /** Shown only when this holds (e.g. Batch size only for models with data). */
  visible?(scenario: Scenario, context: PanelContext): boolean;
  /** Enabled only when this holds. */
  enabled?(scenario: Scenario, context: PanelContext): boolean;
  read(scenario: Scenario, context: PanelContext): V;
  write(value: V, scenario: Scenario, context: PanelContext): Change;
}

/** A button of the panel: what it does is the panel's (the PanelHandle's playPause, step, reset). */
export interface Action {
  readonly key: 'playPause' | 'step' | 'reset';
  readonly label: string;
  readonly hint: string;
}

/** The panel's values for a scenario: what each control shows. */
export function readValues(table: readonly Param[], scenario: Scenario, context: PanelContext): Record<string, Value> {
  return Object.fromEntries(table.map((p) => [p.key, p.read(scenario, context)]));
}

/**
 * Whether a control follows the pointer (lil-gui's onChange: a hot field, cheap for the trainer) or waits
 * for the end of the gesture (onFinishChange: a rebuild of the run, or a new scenario).
 */
export function isLive(entry: Param): boolean {
  if (entry.path === '') return entry.key === 'speed';
  return isHot(entry.path);
}
