/**
 * A recording as a PNG sequence (issue 19): each frame the canvas's own PNG encoding (lossless, as a
 * screenshot is), numbered frame-00001.png … from the first. Into a folder as they are made (../frame-folder.ts),
 * or, with no folder to write to (the automation API, a browser without a folder picker), into a stored .zip
 * returned at the end (./zip.ts).
 */
import { frameFileName } from '../../shared/frame-folders';
import type { FrameFolder } from '../frame-folder';
import type { RecordSettings } from './options';
import type { FrameSink } from './video';
import { StoredZip } from './zip';

/** The PNG of the canvas as it is now (toBlob reads the bitmap at the call: the next frame may be drawn at once). */
export async function pngOf(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('record: the browser could not encode a PNG frame'))), 'image/png'),
  );
  return new Uint8Array(await blob.arrayBuffer());
}

export function pngSink(settings: RecordSettings, folder?: FrameFolder): FrameSink {
  const zip = folder ? null : new StoredZip();
  return {
    async add(picture, k) {
      const bytes = await pngOf(picture);
      if (folder) return folder.writeFrame(k + 1, bytes);
      try {
        zip!.add(frameFileName(k + 1), bytes);
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        throw new Error(
          `record: frames: ${settings.frames} PNG frames at ${settings.width} × ${settings.height} do not fit in one .zip (${why}): fewer frames, a smaller size, or a folder (the desktop app, or Chromium's Record dialog)`,
          { cause: error },
        );
      }
    },
    async finish() {
      return zip ? zip.finish() : null;
    },
    async cancel() {},
  };
}
