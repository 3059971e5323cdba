/**
 * A recording as a PNG sequence in the desktop app (issue 19): a folder of numbered frames for editors that
 * take image sequences. The page asks, main shows its folder dialog, the page sends each frame's PNG bytes
 * with its number, and main writes them into a temporary folder beside the one they are for, renamed only
 * once the page says the sequence is complete. The page never names a file or a path: main names each frame
 * from its number. The schemas below are what main accepts, checked on every message.
 */
import { z } from 'zod';
import { saveLimits, suggestedNameSchema } from './saving';

export const frameFolderLimits = {
  /** The largest frame number, and a recording's limit on frames (src/renderer/capture/options.ts maxFrames). */
  maxFrame: 36_000,
  /** One PNG frame: 4K RGBA uncompressed is 33 MB; a PNG of it is less. */
  maxFrameBytes: saveLimits.maxChunkBytes,
  /** Sequences being written at once per window. */
  maxOpenFolders: 2,
} as const;

/** The eight bytes every PNG file starts with (PNG spec, section 5.2): main writes nothing else. */
export const pngSignature = [137, 80, 78, 71, 13, 10, 26, 10] as const;

/** `frame-00001.png` for frame 1: five digits hold every frame number up to maxFrame, and sort as numbers do. */
export function frameFileName(index: number): string {
  return `frame-${String(index).padStart(5, '0')}.png`;
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.byteLength > pngSignature.length && pngSignature.every((byte, i) => bytes[i] === byte);
}

const folderId = z.int().gte(1).lte(Number.MAX_SAFE_INTEGER);

/** page → main (invoke): "ask where this sequence goes"; `name` names the new folder when the one chosen has files. */
export const beginFramesSchema = z.strictObject({ name: suggestedNameSchema });
export type BeginFrames = z.infer<typeof beginFramesSchema>;

/** page → main (invoke): one frame's PNG bytes, numbered from 1. */
export const writeFrameSchema = z.strictObject({
  id: folderId,
  index: z.int().gte(1).lte(frameFolderLimits.maxFrame),
  bytes: z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.byteLength <= frameFolderLimits.maxFrameBytes, `at most ${frameFolderLimits.maxFrameBytes} bytes a frame`)
    .refine(isPng, 'a PNG file (its signature first)'),
});
export type WriteFrame = z.infer<typeof writeFrameSchema>;

/** page → main (invoke): finish (the folder takes its name) or abort (nothing is kept). */
export const endFramesSchema = z.strictObject({ id: folderId });

/** main → page: the answer to beginFrames; `name` is the folder's, for messages. */
export type BeginFramesResult = { ok: true; id: number; name: string } | { ok: false; cancelled: true } | { ok: false; cancelled: false; reason: string };
