/**
 * Saving a file from the page in the desktop app (exports, recordings, screenshots): the page asks, main shows
 * its save dialog, the page streams the bytes, and main writes them to a temporary file it renames over the
 * chosen name only once the page says the file is complete. The page never sees a path, and a cancelled or
 * failed save leaves nothing behind. The schemas below are what main accepts, checked on every message.
 */
import { z } from 'zod';

/** What is being saved: it picks the dialog's filter and the extension a typed name gets. */
export const saveKinds = {
  csv: { description: 'CSV', extension: 'csv' },
  json: { description: 'JSON', extension: 'json' },
  webm: { description: 'WebM video', extension: 'webm' },
  mp4: { description: 'MP4 video', extension: 'mp4' },
  gif: { description: 'GIF animation', extension: 'gif' },
  png: { description: 'PNG image', extension: 'png' },
} as const;
export type SaveKind = keyof typeof saveKinds;

export const saveLimits = {
  /** Bytes in one write message: an export chunk is at most 1 MiB, the muxer's at most 16 MiB. */
  maxChunkBytes: 32 * 1024 * 1024,
  /** The largest file the page may write (a long 4K recording stays well below). */
  maxFileBytes: 64 * 1024 * 1024 * 1024,
  /** Files open at once per window (a recording and an export may run together). */
  maxOpenFiles: 4,
  maxNameLength: 200,
} as const;

const saveId = z.int().gte(1).lte(Number.MAX_SAFE_INTEGER);

/** A file name the page suggests: a name, never a path (no separators, no NUL, not `.` or `..`). */
export const suggestedNameSchema = z
  .string()
  .min(1)
  .max(saveLimits.maxNameLength)
  .refine((name) => !/[/\\\0]/.test(name) && name !== '.' && name !== '..', 'a file name, not a path');

/** page → main (invoke): "ask where to save this". */
export const beginSaveSchema = z.strictObject({
  name: suggestedNameSchema,
  kind: z.enum(Object.keys(saveKinds) as [SaveKind, ...SaveKind[]]),
});
export type BeginSave = z.infer<typeof beginSaveSchema>;

/** page → main (invoke): bytes for an open file, at `position` or after the furthest byte written. */
export const writeSaveSchema = z
  .strictObject({
    id: saveId,
    bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= saveLimits.maxChunkBytes, `at most ${saveLimits.maxChunkBytes} bytes at once`),
    position: z.int().gte(0).lte(saveLimits.maxFileBytes).optional(),
  })
  .refine(({ bytes, position }) => (position ?? 0) + bytes.byteLength <= saveLimits.maxFileBytes, 'the file would be too large');
export type WriteSave = z.infer<typeof writeSaveSchema>;

/** page → main (invoke): finish (the file is complete) or abort (nothing is kept). */
export const endSaveSchema = z.strictObject({ id: saveId });

/** main → page: the answer to beginSave. */
export type BeginSaveResult = { ok: true; id: number; name: string } | { ok: false; cancelled: true } | { ok: false; cancelled: false; reason: string };
/** main → page: the answer to writeSave, finishSave and abortSave. */
export type SaveStepResult = { ok: true } | { ok: false; reason: string };
