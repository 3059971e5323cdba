/**
 * The page's own preferences, kept between sessions: the panel as the user left it (hidden or shown, which
 * folders are closed), the choices of the Record dialog and the trainer's threads. The desktop keeps them in its settings file
 * (src/main/settings.ts); the browser build in localStorage. Both sides check them with these schemas.
 */
import { z } from 'zod';

/** The Record dialog's resolutions: the scene's own size, or one of the video presets. */
export const recordingResolutions = ['scene', '1280x720', '1920x1080', '3840x2160'] as const;
export const recordingFrameRates = [24, 30, 60] as const;

export const panelPreferencesSchema = z.strictObject({
  hidden: z.boolean(),
  /** Titles of the folders the user closed ("Optimizer", "Batches"…). */
  closedFolders: z.array(z.string().max(100)).max(50),
});

export const recordingPreferencesSchema = z.strictObject({
  resolution: z.enum(recordingResolutions),
  fps: z.union(recordingFrameRates.map((fps) => z.literal(fps))),
  seconds: z.number().int().min(1).max(1200),
  stepsPerFrame: z.number().int().min(1).max(100_000),
  clean: z.boolean(),
  title: z.string().max(200),
  caption: z.string().max(200),
  /** Draw the loss chart beside the scene in the picture. */
  chart: z.boolean(),
  /** Draw a card of the settings and readouts beside the scene in the picture. */
  panel: z.boolean(),
});

/** The trainer's own settings: the most threads it steps a cloud on (null: every core). */
export const trainerPreferencesSchema = z.strictObject({
  threads: z.int().min(1).max(256).nullable(),
});

export const preferencesSchema = z.strictObject({
  panel: panelPreferencesSchema,
  recording: recordingPreferencesSchema,
  // Optional: preferences kept by an older version have none (readPreferences fills in the default).
  trainer: trainerPreferencesSchema.optional(),
});

export type PanelPreferences = z.infer<typeof panelPreferencesSchema>;
export type RecordingPreferences = z.infer<typeof recordingPreferencesSchema>;
export type TrainerPreferences = z.infer<typeof trainerPreferencesSchema>;
export type Preferences = z.infer<typeof preferencesSchema>;

export function defaultPreferences(): Preferences {
  return {
    panel: { hidden: false, closedFolders: [] },
    recording: { resolution: 'scene', fps: 30, seconds: 5, stepsPerFrame: 1, clean: true, title: '', caption: '', chart: false, panel: false },
    trainer: { threads: null },
  };
}

/**
 * Stored preferences made whole: each part that is missing or invalid (written by another version, or
 * damaged) falls back to its defaults on its own, so a bad recording choice never costs the panel's state.
 * `damaged` says whether anything present had to be dropped.
 */
export function readPreferences(stored: unknown): { preferences: Preferences; damaged: boolean } {
  const defaults = defaultPreferences();
  if (stored === null || stored === undefined) return { preferences: defaults, damaged: false };
  if (typeof stored !== 'object' || Array.isArray(stored)) return { preferences: defaults, damaged: true };
  const record = stored as Record<string, unknown>;
  const panel = panelPreferencesSchema.safeParse(record.panel);
  const recording = recordingPreferencesSchema.safeParse(record.recording);
  const trainer = trainerPreferencesSchema.safeParse(record.trainer);
  const unknownKeys = Object.keys(record).some((key) => key !== 'panel' && key !== 'recording' && key !== 'trainer');
  return {
    preferences: {
      panel: panel.success ? panel.data : defaults.panel,
      recording: recording.success ? recording.data : defaults.recording,
      trainer: trainer.success ? trainer.data : defaults.trainer,
    },
    damaged:
      unknownKeys ||
      (record.panel !== undefined && !panel.success) ||
      (record.recording !== undefined && !recording.success) ||
      (record.trainer !== undefined && !trainer.success),
  };
}
