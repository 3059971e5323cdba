/**
 * The scene's capture controls: "Screenshot" and "Record…" over its bottom-right corner, and a small dialog
 * with the resolution (720p, 1080p, 4K, the scene's size), frame rate, length, steps per frame, clean mode
 * (panel and readouts hidden, an optional title and caption drawn into the picture), the loss chart and a
 * card of the settings beside the scene, and while recording a progress bar with Cancel. The choices are
 * kept between sessions (../preferences.ts). Where a file can be chosen first (main's dialog in the desktop app,
 * showSaveFilePicker in a browser: ../saving.ts), the video is written to it as it is recorded; elsewhere it is
 * downloaded at the end.
 */
import { button, element, option } from '../dom';
import type { Lab } from '../lab';
import type { Notices } from '../notices';
import type { PreferenceStore } from '../preferences';
import { recordingPreferencesSchema, type RecordingPreferences } from '../../shared/preferences';
import type { Capturer } from './capturer';
import { maxFrames, resolutionPresets, type RecordFormat, type RecordSettings } from './options';
import { Studio } from './studio';
import { chooseFrameFolder, type FrameFolder } from '../frame-folder';
import { chooseSaveTarget, download, saveBlob, type SaveTarget } from '../saving';

/** Where a recording goes (see CaptureControls.destination); `name` is the download's, when neither is set. */
interface Destination {
  file?: SaveTarget;
  folder?: FrameFolder;
  name: string;
}

export class CaptureControls {
  private readonly dialog: HTMLDivElement;
  private readonly resolution: HTMLSelectElement;
  private readonly fps: HTMLSelectElement;
  private readonly seconds: HTMLInputElement;
  private readonly steps: HTMLInputElement;
  private readonly clean: HTMLInputElement;
  private readonly title: HTMLInputElement;
  private readonly caption: HTMLInputElement;
  private readonly chart: HTMLInputElement;
  private readonly card: HTMLInputElement;
  private readonly texts: HTMLDivElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLParagraphElement;
  private readonly startButton: HTMLButtonElement;
  private readonly shotButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly titles: HTMLDivElement;
  private readonly openButton: HTMLButtonElement;
  private readonly studio: Studio;
  private abort: AbortController | null = null;

  constructor(
    container: HTMLElement,
    private readonly capturer: Capturer,
    private readonly lab: Lab,
    private readonly notices: Notices,
    private readonly preferences: PreferenceStore,
  ) {
    const tools = element('div', undefined, 'capture-tools');
    tools.setAttribute('role', 'toolbar');
    tools.setAttribute('aria-label', 'Capture');
    const quickShot = button('Screenshot', 'Save a PNG of the scene at the size chosen in the Record dialog (the scene’s own size unless changed)');
    quickShot.addEventListener('click', () => void this.screenshot());
    this.openButton = button('Record…', 'Record the scene to a WebM or MP4 video, a GIF or a PNG sequence, or take a screenshot at a chosen resolution');
    this.openButton.setAttribute('aria-expanded', 'false');
    this.openButton.addEventListener('click', () => this.toggle());
    tools.append(quickShot, this.openButton);

    this.dialog = element('div', undefined, 'capture-dialog');
    this.dialog.setAttribute('role', 'dialog');
    this.dialog.setAttribute('aria-label', 'Record or screenshot');
    this.dialog.hidden = true;

    this.resolution = element('select');
    for (const preset of resolutionPresets)
      this.resolution.append(option(`${preset.width}x${preset.height}`, `${preset.name} (${preset.width} × ${preset.height})`));
    this.resolution.append(option('scene', 'The scene’s size'));
    this.resolution.value = 'scene';
    this.fps = element('select');
    for (const fps of [24, 30, 60]) this.fps.append(option(String(fps), `${fps} fps`));
    this.fps.value = '30';
    this.seconds = numberInput(5, 1, 1200, 1);
    this.steps = numberInput(1, 1, 100_000, 1);
    this.clean = element('input');
    this.clean.type = 'checkbox';
    this.clean.checked = true;
    this.title = textInput('Title (optional)');
    this.caption = textInput('Caption (optional)');
    this.texts = element('div', undefined, 'capture-texts');
    this.texts.append(this.title, this.caption);
    this.clean.addEventListener('change', () => (this.texts.hidden = !this.clean.checked));

    this.studio = new Studio(capturer, () => this.settings());
    const grid = element('div', undefined, 'capture-fields');
    grid.append(
      label('Resolution', this.resolution),
      label('Format', this.studio.format),
      label('Camera', this.studio.camera),
      label('Frame rate', this.fps),
      label('Length (s)', this.seconds),
      label('Steps per video frame', this.steps),
    );
    const cleanLabel = element('label', undefined, 'capture-clean');
    cleanLabel.append(this.clean, document.createTextNode(' Clean mode: hide the panel and readouts, title and caption over the video'));
    this.chart = checkbox('capture-chart');
    this.card = checkbox('capture-card');
    const beside = element('div', undefined, 'capture-beside');
    const chartLabel = element('label', undefined, 'capture-clean');
    chartLabel.append(this.chart, document.createTextNode(' Loss chart beside the scene'));
    const cardLabel = element('label', undefined, 'capture-clean');
    cardLabel.append(this.card, document.createTextNode(' Settings card beside the scene'));
    beside.append(chartLabel, cardLabel);

    this.progress = element('progress');
    this.progress.max = 1;
    this.progress.value = 0;
    this.progress.hidden = true;
    this.status = element('p', '', 'capture-status');
    this.status.setAttribute('role', 'status');

    this.startButton = button('Record', 'Start recording: one step batch per frame, on a fixed clock');
    this.startButton.classList.add('capture-primary');
    this.startButton.addEventListener('click', () => void this.record());
    this.shotButton = button('Screenshot', 'Save a PNG at the chosen resolution');
    this.shotButton.addEventListener('click', () => void this.screenshot());
    this.cancelButton = button('Cancel', 'Stop the recording; nothing is saved');
    this.cancelButton.hidden = true;
    this.cancelButton.addEventListener('click', () => this.abort?.abort());
    const close = button('Close', 'Close this dialog');
    close.addEventListener('click', () => this.toggle(false));
    const actions = element('div', undefined, 'capture-actions');
    actions.append(this.startButton, this.shotButton, this.cancelButton, close);

    this.dialog.append(element('h2', 'Record the scene'), grid, this.studio.element, cleanLabel, this.texts, beside, this.progress, this.status, actions);
    // The choices as the user left them last time; each change is kept.
    if (preferences.ready) this.apply(preferences.get().recording);
    preferences.events.on('ready', ({ recording }) => this.apply(recording));
    for (const input of this.inputs()) input.addEventListener('change', () => this.remember());
    // The codec or the GIF's size estimate follows the choices.
    for (const input of [this.studio.format, this.resolution, this.fps, this.seconds])
      input.addEventListener('change', () => void this.studio.describe(this.settings()));
    this.dialog.addEventListener('keydown', (event) => {
      event.stopPropagation(); // the page's keys (Space, R, H…) must not act while typing here
      if (event.key === 'Escape' && !this.abort) this.toggle(false);
    });

    this.titles = element('div', undefined, 'capture-titles');
    this.titles.hidden = true;
    // Placed out of the canvas's way even before capture.css is linked (the page's CSP allows element.style).
    for (const node of [tools, this.dialog, this.titles]) node.style.position = 'absolute';
    container.append(tools, this.dialog, this.titles);
  }

  private inputs(): (HTMLInputElement | HTMLSelectElement)[] {
    return [this.resolution, this.fps, this.seconds, this.steps, this.clean, this.title, this.caption, this.chart, this.card];
  }

  /** The studio's fields too: all are disabled while recording. */
  private controls(): (HTMLInputElement | HTMLSelectElement)[] {
    return [...this.inputs(), this.studio.format, this.studio.camera, this.studio.keyAt];
  }

  private apply(recording: RecordingPreferences): void {
    this.resolution.value = recording.resolution;
    this.fps.value = String(recording.fps);
    this.seconds.value = String(recording.seconds);
    this.steps.value = String(recording.stepsPerFrame);
    this.clean.checked = recording.clean;
    this.texts.hidden = !recording.clean;
    this.title.value = recording.title;
    this.caption.value = recording.caption;
    this.chart.checked = recording.chart;
    this.card.checked = recording.panel;
  }

  /** Keeps the dialog's choices; a value out of range (being typed) is not kept, and the record button says why. */
  private remember(): void {
    const choices = recordingPreferencesSchema.safeParse({
      resolution: this.resolution.value,
      fps: Number(this.fps.value),
      seconds: Number(this.seconds.value),
      stepsPerFrame: Number(this.steps.value),
      clean: this.clean.checked,
      title: this.title.value,
      caption: this.caption.value,
      chart: this.chart.checked,
      panel: this.card.checked,
    });
    if (choices.success) this.preferences.update('recording', choices.data);
  }

  private toggle(open = this.dialog.hidden): void {
    this.dialog.hidden = !open;
    this.openButton.setAttribute('aria-expanded', String(open));
    if (open) void this.studio.describe(this.settings());
    if (open) this.resolution.focus();
    // Focus goes back where the dialog came from, so the page's keys work again at once.
    else if (this.dialog.contains(document.activeElement)) this.openButton.focus();
  }

  private size(): { width: number; height: number } | undefined {
    const value = this.resolution.value;
    if (value === 'scene') return undefined;
    const [width, height] = value.split('x').map(Number);
    return { width, height };
  }

  private async screenshot(): Promise<void> {
    try {
      const texts = this.clean.checked ? { title: this.title.value, caption: this.caption.value } : {};
      const blob = await this.capturer.screenshot({ ...this.size(), ...texts, chart: this.chart.checked, panel: this.card.checked });
      await saveBlob(blob, `${this.baseName()}.png`, 'png');
    } catch (error) {
      this.notices.showError(error);
    }
  }

  /** The recording's options as the dialog stands. */
  private options(): Record<string, unknown> {
    const fps = Number(this.fps.value);
    const frames = Math.min(maxFrames, Math.max(1, Math.round(Number(this.seconds.value) * fps)));
    return {
      ...this.size(),
      fps,
      frames,
      stepsPerFrame: Number(this.steps.value),
      ...(this.clean.checked ? { title: this.title.value, caption: this.caption.value } : {}),
      chart: this.chart.checked,
      panel: this.card.checked,
      format: this.studio.format.value,
      camera: this.studio.cameraKeys(frames, fps),
    };
  }

  /** The settings as the dialog stands, null while a field is out of range. */
  private settings(): RecordSettings | null {
    try {
      return this.capturer.recordSettings(this.options());
    } catch {
      return null;
    }
  }

  private async record(): Promise<void> {
    const options = this.options();
    let settings;
    try {
      settings = this.capturer.recordSettings(options);
    } catch (error) {
      this.status.textContent = error instanceof Error ? error.message : String(error);
      return;
    }
    // Recording waits on the save picker, which may open behind the window or be slow to come: say so.
    this.status.textContent = settings.format === 'png' ? 'Choose a folder for the frames…' : 'Choose where to save the recording…';
    this.startButton.disabled = true;
    let destination: Destination | null;
    try {
      destination = await this.destination(settings.format);
      if (!destination) {
        this.status.textContent = `Not recorded: no ${settings.format === 'png' ? 'folder' : 'file'} was chosen.`;
        return;
      }
    } catch (error) {
      this.status.textContent = '';
      this.notices.showError(error);
      return;
    } finally {
      this.startButton.disabled = false;
    }
    const { file, folder, name } = destination;
    const abort = new AbortController();
    this.abort = abort;
    const restore = this.clean.checked ? this.enterCleanMode(settings.title, settings.caption) : () => {};
    this.setRunning(true);
    const started = performance.now();
    try {
      const blob = await this.capturer.record(options, {
        file,
        folder,
        signal: abort.signal,
        onProgress: (done, total) => {
          this.progress.value = done / total;
          const rate = done / Math.max(1e-3, (performance.now() - started) / 1000);
          this.status.textContent = `Frame ${done} of ${total} · ${rate.toFixed(1)} frames/s · ${Math.ceil((total - done) / rate)} s left`;
        },
      });
      if (file) await file.close();
      if (folder) await folder.close();
      if (blob) download(blob, name);
      const saved = folder ? `, saved in ${folder.name}` : file ? ', saved' : '';
      this.status.textContent = `Recorded ${settings.frames} frames at ${settings.width} × ${settings.height}, ${settings.fps} fps${saved}.`;
    } catch (error) {
      await file?.abort().catch(() => {});
      await folder?.abort().catch(() => {});
      if (error instanceof DOMException && error.name === 'AbortError') this.status.textContent = 'Recording cancelled; nothing was saved.';
      else {
        this.status.textContent = 'The recording failed.';
        this.notices.showError(error);
      }
    } finally {
      restore();
      this.setRunning(false);
      this.abort = null;
    }
  }

  /**
   * Where the recording goes: a file (a video, a GIF), a folder (a PNG sequence), or a download at the end
   * (no picker: the file itself, or a PNG sequence's frames as a .zip). Null when the user cancelled.
   */
  private async destination(format: RecordFormat): Promise<Destination | null> {
    if (format === 'png') {
      const choice = await chooseFrameFolder(`${this.baseName()}-frames`);
      if (choice.kind === 'cancelled') return null;
      return { folder: choice.kind === 'folder' ? choice.target : undefined, name: `${this.baseName()}-frames.zip` };
    }
    const name = `${this.baseName()}.${format}`;
    const choice = await chooseSaveTarget(name, format);
    if (choice.kind === 'cancelled') return null;
    return { file: choice.kind === 'file' ? choice.target : undefined, name };
  }

  private setRunning(on: boolean): void {
    this.progress.hidden = !on;
    this.progress.value = 0;
    this.cancelButton.hidden = !on;
    this.startButton.disabled = on;
    this.shotButton.disabled = on;
    for (const input of this.controls()) input.disabled = on;
    if (on) this.status.textContent = 'Starting…';
  }

  /** Hides the panel and the header's readouts, shows the title and caption over the scene; returns the undo. */
  private enterCleanMode(title: string, caption: string): () => void {
    const hidden = [document.getElementById('panel'), document.querySelector<HTMLElement>('header .readouts')].filter((node): node is HTMLElement => !!node);
    const before = hidden.map((node) => node.style.display);
    for (const node of hidden) node.style.display = 'none';
    this.titles.replaceChildren(...(title ? [element('p', title, 'capture-title')] : []), ...(caption ? [element('p', caption, 'capture-caption')] : []));
    this.titles.hidden = !title && !caption;
    return () => {
      hidden.forEach((node, i) => (node.style.display = before[i]));
      this.titles.hidden = true;
    };
  }

  private baseName(): string {
    const state = this.lab.state();
    const name = (state.name || 'scene').replace(/[^\w.-]+/g, '-').slice(0, 60);
    return `descent-lab-${name}-step-${state.step}`;
  }
}

function numberInput(value: number, min: number, max: number, step: number): HTMLInputElement {
  const node = element('input');
  node.type = 'number';
  Object.assign(node, { min: String(min), max: String(max), step: String(step), value: String(value) });
  return node;
}

function checkbox(testid: string): HTMLInputElement {
  const node = element('input');
  node.type = 'checkbox';
  node.dataset.testid = testid;
  return node;
}

function textInput(placeholder: string): HTMLInputElement {
  const node = element('input');
  node.type = 'text';
  node.maxLength = 200;
  node.placeholder = placeholder;
  node.setAttribute('aria-label', placeholder);
  return node;
}

function label(text: string, control: HTMLElement): HTMLLabelElement {
  const node = element('label', undefined, 'capture-field');
  node.append(element('span', text), control);
  return node;
}

/** Hands a file to the browser's downloads. */
