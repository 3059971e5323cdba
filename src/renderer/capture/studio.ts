/**
 * The Record dialog's studio fields (./ui.ts places them): the format, with the codec an MP4 will use or a
 * GIF's size estimate, or where a PNG sequence goes; the camera path (as the view stands, one orbit, a zoom
 * in, a zoom to the best particle, or keyframes taken from the current view with "Add keyframe"); and a
 * preview of the first frame as it will be recorded.
 */
import { frameFileName } from '../../shared/frame-folders';
import { button, element, option } from '../dom';
import { canWriteFolders } from '../frame-folder';
import { cameraPath, type CameraKey, type CameraPose } from './camera';
import type { Capturer } from './capturer';
import { gifEstimate } from './gif-size';
import { recordFormats, type RecordFormat, type RecordSettings } from './options';
import { codecNames, pickCodec } from './video';

type CameraChoice = 'none' | 'orbit' | 'zoom' | 'zoom-best' | 'keys';

const formatLabels: Record<RecordFormat, string> = { webm: 'WebM video', mp4: 'MP4 video', gif: 'GIF animation', png: 'PNG sequence' };

export class Studio {
  readonly format: HTMLSelectElement;
  readonly camera: HTMLSelectElement;
  readonly keyAt: HTMLInputElement;
  /** The fields, in the dialog's order. */
  readonly element: HTMLDivElement;
  private readonly info: HTMLParagraphElement;
  private readonly keysRow: HTMLDivElement;
  private readonly keyList: HTMLSpanElement;
  private readonly preview: HTMLImageElement;
  /** Keyframes the user took, at seconds into the recording. */
  private keys: { seconds: number; pose: CameraPose }[] = [];
  private infoCall = 0;

  constructor(
    private readonly capturer: Capturer,
    /** The dialog's settings as they stand, null while one is out of range. */
    private readonly settings: () => RecordSettings | null,
  ) {
    this.format = element('select');
    for (const format of recordFormats) this.format.append(option(format, formatLabels[format]));
    this.camera = element('select');
    this.camera.append(
      option('none', 'As the view stands'),
      option('orbit', 'Orbit once around'),
      option('zoom', 'Zoom in to a third'),
      option('zoom-best', 'Zoom to the best particle'),
      option('keys', 'Keyframes from the view'),
    );
    this.keyAt = element('input');
    Object.assign(this.keyAt, { type: 'number', min: '0', max: '1200', step: '0.5', value: '0' });
    this.keyAt.setAttribute('aria-label', 'Keyframe at second');
    const add = button('Add keyframe', 'Keep the camera as it stands now, reached at this second of the recording');
    add.addEventListener('click', () => this.addKey());
    const clear = button('Clear', 'Forget the keyframes');
    clear.addEventListener('click', () => {
      this.keys = [];
      this.showKeys();
    });
    this.keyList = element('span', 'No keyframes yet.', 'capture-keys');
    this.keysRow = element('div', undefined, 'capture-keyframes');
    this.keysRow.append(element('span', 'At second'), this.keyAt, add, clear, this.keyList);
    this.keysRow.hidden = true;
    this.camera.addEventListener('change', () => (this.keysRow.hidden = this.camera.value !== 'keys'));

    this.info = element('p', '', 'capture-format-info');
    this.info.dataset.testid = 'capture-format-info';
    this.preview = element('img', undefined, 'capture-preview');
    this.preview.alt = 'The first frame, as it will be recorded';
    this.preview.hidden = true;
    const previewButton = button('Preview', 'Show the first frame as it will be recorded, camera included');
    previewButton.addEventListener('click', () => void this.showPreview());

    this.element = element('div', undefined, 'capture-studio');
    this.element.append(this.keysRow, this.info, previewButton, this.preview);
  }

  /** The camera keyframes of the chosen path, for a recording of `frames` frames at `fps`. */
  cameraKeys(frames: number, fps: number): CameraKey[] {
    const choice = this.camera.value as CameraChoice;
    if (choice === 'none') return [];
    if (choice === 'orbit' || choice === 'zoom' || choice === 'zoom-best') return cameraPath(choice, this.capturer.cameraPose(), frames);
    // Each taken keyframe at its second, within the recording; a later one at the same frame replaces it.
    const byFrame = new Map<number, CameraPose>();
    for (const { seconds, pose } of this.keys) byFrame.set(Math.min(frames - 1, Math.round(seconds * fps)), pose);
    return [...byFrame.entries()].sort(([a], [b]) => a - b).map(([frame, pose]) => ({ frame, ...pose }));
  }

  /** Says what the chosen format will make: the codec, or a GIF's size before it starts. */
  async describe(settings: RecordSettings | null): Promise<void> {
    const call = ++this.infoCall;
    if (!settings) return;
    let text: string;
    if (settings.format === 'png') {
      text = canWriteFolders()
        ? `PNG sequence: ${settings.frames} frames, frame-00001.png to ${frameFileName(settings.frames)}, into a folder you choose.`
        : `PNG sequence: ${settings.frames} frames as a .zip download (writing to a folder needs the desktop app or Chromium).`;
    } else if (settings.format === 'gif') {
      const { bytes, memory } = gifEstimate(settings.width, settings.height, settings.frames);
      text = `GIF of ${settings.frames} frames: about ${megabytes(bytes)} (${megabytes(memory)} of memory while recording).`;
    } else {
      const codec = await pickCodec(settings.format, settings.width, settings.height, settings.fps);
      text = codec
        ? `${settings.format === 'mp4' ? 'MP4' : 'WebM'} with ${codecNames[codec]} at ${settings.width} × ${settings.height}.`
        : `This browser has no ${settings.format === 'mp4' ? 'H.264, VP9 or AV1' : 'VP9 or VP8'} encoder at ${settings.width} × ${settings.height}.`;
    }
    if (call === this.infoCall) this.info.textContent = text;
  }

  private addKey(): void {
    const seconds = Math.max(0, Number(this.keyAt.value) || 0);
    this.keys = [...this.keys.filter((key) => key.seconds !== seconds), { seconds, pose: this.capturer.cameraPose() }].sort((a, b) => a.seconds - b.seconds);
    this.keyAt.value = String(seconds + 1);
    this.showKeys();
  }

  private showKeys(): void {
    this.keyList.textContent = this.keys.length
      ? this.keys
          .map(({ seconds, pose }) => `${seconds} s: ${Math.round(pose.azimuth)}°, ${Math.round(pose.elevation)}° up, ${pose.distance.toFixed(1)} away`)
          .join(' · ')
      : 'No keyframes yet.';
  }

  /** The first frame as it will be recorded (camera, title, chart and card), made as a one-frame GIF 320 pixels wide. */
  private async showPreview(): Promise<void> {
    const settings = this.settings();
    if (!settings) return;
    const first = this.cameraKeys(2, 1)[0];
    const scale = Math.min(1, 320 / settings.width);
    const { title, caption, chart, panel } = settings;
    try {
      const blob = await this.capturer.record({
        format: 'gif',
        frames: 1,
        width: Math.max(16, Math.round(settings.width * scale)),
        height: Math.max(16, Math.round(settings.height * scale)),
        title,
        caption,
        chart,
        panel,
        camera: first ? [{ ...first, frame: 0 }] : undefined,
      });
      if (!blob) return;
      if (this.preview.src) URL.revokeObjectURL(this.preview.src);
      this.preview.src = URL.createObjectURL(blob);
      this.preview.hidden = false;
    } catch (error) {
      this.info.textContent = error instanceof Error ? error.message : String(error);
    }
  }
}

function megabytes(bytes: number): string {
  return bytes < 2 ** 20 ? `${Math.ceil(bytes / 1024)} kB` : `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
