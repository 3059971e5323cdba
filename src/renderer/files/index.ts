/**
 * Scenario files in the page: open (button, Ctrl/Cmd+O, a file dropped on the window, or in Electron the
 * File menu and the command line through `descentDesktop`), save (a download in the browser, main's
 * atomic write in Electron) and share as a link. A bad file gets one notice naming each field and its
 * problem, and the run stays as it was: nothing reaches the lab before the file has validated.
 */
import type { DesktopBridge, OpenedFile } from '../../shared/desktop';
import type { Scenario } from '../../shared/scenario';
import { parseScenarioText } from '../../shared/validate';
import { button, element } from '../dom';
import type { MountContext } from '../mounts';
import { csvBaseName, csvScenario, csvSizeProblem, csvTable, isCsvName } from './csv-data';
import { CsvBeside } from './csv-beside';
import { showCsvDialog } from './csv-dialog';
import { fileActionFor, fileNameFor, linkTooLong, maxShareableLink, scenarioAltExtension, scenarioFileText, scenarioLink, sizeProblem } from './naming';

/** How long the experiment must stay unchanged before Electron is asked to remember it. */
const rememberDelay = 500;

export interface FilesHandle {
  open(): void;
  save(as: boolean): Promise<void>;
  copyLink(): Promise<void>;
}

export function mountFiles({ lab, notices }: MountContext): FilesHandle {
  const desktop = (window as Window & { descentDesktop?: DesktopBridge }).descentDesktop;
  /** The file the run came from (or was last saved to), with the scenario name it had then. */
  let file: { name: string; scenarioName: string } | null = null;

  const bar = element('div', undefined, 'file-bar');
  bar.setAttribute('role', 'group');
  bar.setAttribute('aria-label', 'Scenario file');
  const input = element('input');
  input.type = 'file';
  input.accept = `.json,${scenarioAltExtension},application/json`;
  input.hidden = true;
  input.dataset.testid = 'scenario-file-input';
  const csvInput = element('input');
  csvInput.type = 'file';
  csvInput.accept = '.csv,text/csv';
  csvInput.hidden = true;
  csvInput.dataset.testid = 'csv-file-input';
  const csvButton = button('Open data (CSV)…', 'Fit a linear model to the columns of a CSV file, or drop one on the window');
  const openButton = button('Open…', 'Open a scenario file (Ctrl+O), or drop one on the window');
  const saveButton = button('Save', 'Save the scenario as a file (Ctrl+S; Ctrl+Shift+S: save as)');
  const linkButton = button('Copy link', 'Copy a link that opens this scenario');
  // The desktop's page lives at app://lab, which nothing else can open: there, the scenario itself is copied
  // (by main: the page's own clipboard write needs a permission the app never grants).
  const copyButton = button('Copy scenario', 'Copy this scenario as JSON, to paste into a file, a message or the browser version');
  const linkField = element('input', undefined, 'file-link');
  linkField.readOnly = true;
  linkField.hidden = true;
  linkField.setAttribute('aria-label', 'Link to this scenario');
  linkField.dataset.testid = 'scenario-link';
  bar.append(input, csvInput, openButton, csvButton, saveButton);
  const csvBeside = new CsvBeside(notices, openScenario, bar);
  // A link needs the page at an address others can reach: the browser build's, not the desktop app's.
  if (desktop) bar.append(copyButton);
  else bar.append(linkButton, linkField);
  placeBar(bar);

  /** The single path for every file: a dropped one, a chosen one, one main read from disk. */
  async function openText(name: string, text: string): Promise<void> {
    const validation = parseScenarioText(text);
    if (!validation.ok) {
      notices.show(`${name} has problems; the current run is unchanged`, validation.problems, 'error');
      return;
    }
    if (!csvBeside.ask(name, validation.scenario)) await openScenario(name, validation.scenario);
  }

  /** A valid scenario with its rows in: loaded, or the lab's refusal shown with the run unchanged. */
  async function openScenario(name: string, scenario: Scenario): Promise<void> {
    try {
      await lab.load(scenario);
    } catch (error) {
      const problems = (error as { problems?: unknown }).problems;
      const message = error instanceof Error ? error.message : String(error);
      notices.show(
        `${name} could not be opened; the current run is unchanged`,
        Array.isArray(problems) && problems.length ? (problems as string[]) : [message],
        'error',
      );
      return;
    }
    setFile(name, scenario.name);
  }

  async function openFile(picked: File): Promise<void> {
    const tooBig = sizeProblem(picked.size); // before reading: a huge file is never loaded into memory
    if (tooBig) {
      notices.show(`${picked.name} is too large to open; the current run is unchanged`, [tooBig], 'error');
      return;
    }
    let text: string;
    try {
      text = await picked.text();
    } catch (error) {
      notices.show(`${picked.name} could not be read`, [error instanceof Error ? error.message : String(error)], 'error');
      return;
    }
    await openText(picked.name, text);
  }

  /** A CSV file: size-checked before it is read, its columns chosen in the dialog, then fitted. */
  async function openCsv(picked: File): Promise<void> {
    const tooBig = csvSizeProblem(picked.size);
    if (tooBig) {
      notices.show(`${picked.name} is too large to open; the current run is unchanged`, [tooBig], 'error');
      return;
    }
    let text: string;
    try {
      text = await picked.text();
    } catch (error) {
      notices.show(`${picked.name} could not be read`, [error instanceof Error ? error.message : String(error)], 'error');
      return;
    }
    const table = csvTable(text, picked.name);
    if (!table.ok) {
      notices.show(`${picked.name} has problems; the current run is unchanged`, table.problems, 'error');
      return;
    }
    showCsvDialog(picked.name, table.table, async ({ x, y, alpha, scale }) => {
      const built = csvScenario(text, picked.name, x, y, alpha, scale);
      if (!built.ok) return built.problems;
      try {
        await lab.load(built.scenario);
      } catch (error) {
        const problems = (error as { problems?: unknown }).problems;
        return Array.isArray(problems) && problems.length ? (problems as string[]) : [error instanceof Error ? error.message : String(error)];
      }
      file = null; // not a scenario file: Save names the download after the scenario
      document.title = `${csvBaseName(picked.name)} · Descent Lab`;
      return [];
    });
  }

  function setFile(name: string, scenarioName: string): void {
    file = { name, scenarioName };
    document.title = `${name} · Descent Lab`;
  }

  function current(): Scenario | null {
    const scenario = lab.state().scenario;
    if (!scenario) notices.show('There is no scenario to save yet', [], 'error');
    return scenario;
  }

  async function save(as: boolean): Promise<void> {
    const scenario = current();
    if (!scenario) return;
    const text = scenarioFileText(scenario);
    if (desktop) {
      let result;
      try {
        result = await desktop.saveScenario({ text, as });
      } catch (error) {
        notices.show('The scenario could not be saved', [error instanceof Error ? error.message : String(error)], 'error');
        return;
      }
      if (result.ok) {
        setFile(result.name, scenario.name);
        notices.show(`Saved ${result.name}`);
      } else if (!/cancel/i.test(result.reason)) notices.show('The scenario could not be saved', [result.reason], 'error');
      return;
    }
    // The browser decides where a download goes; Save As differs only in taking the scenario's own name.
    const name = !as && file && file.scenarioName === scenario.name ? file.name : fileNameFor(scenario.name);
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const anchor = element('a');
    anchor.href = url;
    anchor.download = name;
    anchor.hidden = true;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setFile(name, scenario.name);
  }

  async function copyLink(): Promise<void> {
    const scenario = lab.state().scenario;
    if (!scenario) return;
    const link = scenarioLink(location, scenario);
    linkField.value = link;
    const long = linkTooLong(link)
      ? [`The link is ${link.length} characters, too long to share reliably (over ${maxShareableLink}); save a file instead.`]
      : [];
    try {
      await navigator.clipboard.writeText(link);
      linkField.hidden = true;
      notices.show('Copied a link to this scenario', long, long.length ? 'error' : 'info');
    } catch {
      // No clipboard (permission refused, or not a secure context): show the link selected, to copy by hand.
      linkField.hidden = false;
      linkField.focus();
      linkField.select();
      notices.show('Copy the link from the field below the scene', long, long.length ? 'error' : 'info');
    }
  }

  async function copyScenario(bridge: DesktopBridge): Promise<void> {
    const scenario = lab.state().scenario;
    if (!scenario) return;
    const copied = await bridge.copyScenario(scenarioFileText(scenario)).catch(() => false);
    if (copied) notices.show('Copied the scenario; paste it into a file to open it later');
    else notices.show('The scenario could not be copied', [], 'error');
  }

  function open(): void {
    input.click();
  }

  openButton.addEventListener('click', open);
  saveButton.addEventListener('click', () => void save(false));
  linkButton.addEventListener('click', () => void copyLink());
  if (desktop) copyButton.addEventListener('click', () => void copyScenario(desktop));
  csvButton.addEventListener('click', () => csvInput.click());
  csvInput.addEventListener('change', () => {
    const picked = csvInput.files?.[0];
    csvInput.value = '';
    if (picked) void openCsv(picked);
  });
  input.addEventListener('change', () => {
    const picked = input.files?.[0];
    input.value = ''; // the same file chosen again must fire "change" again
    if (picked) void openFile(picked);
  });

  installDrop((picked) => void (csvBeside.wants(picked) ? csvBeside.take(picked) : isCsvName(picked.name) ? openCsv(picked) : openFile(picked)));

  if (desktop) {
    // The File menu owns Ctrl/Cmd+O and S there (its accelerators): answering the keys too would save twice.
    desktop.onOpenScenario((opened: OpenedFile) => void openText(opened.name, opened.text));
    desktop.onSaveRequest((as) => void save(as));
    rememberChanges(desktop);
  } else {
    document.addEventListener('keydown', (event) => {
      const action = fileActionFor(event);
      if (!action || event.defaultPrevented) return;
      event.preventDefault(); // the browser's own Open and Save Page
      if (action === 'open') open();
      else void save(action === 'save-as');
    });
  }

  /** Tells main the experiment as it stands, once it has settled, and only when it changed. */
  function rememberChanges(bridge: DesktopBridge): void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = '';
    const flush = () => {
      timer = null;
      const scenario = lab.state().scenario;
      if (!scenario) return;
      const text = JSON.stringify(scenario);
      if (text === last) return;
      last = text;
      bridge.rememberExperiment(text);
    };
    // A throttle rather than a debounce: frames arrive continuously while playing, and each is a "change".
    const schedule = () => {
      if (timer === null) timer = setTimeout(flush, rememberDelay);
    };
    lab.events.on('loaded', schedule);
    lab.events.on('change', schedule);
  }

  return { open, save, copyLink };
}

/** In the scene's caption when there is one, else at the end of the page. */
function placeBar(bar: HTMLElement): void {
  const caption = document.querySelector('.scene figcaption');
  if (caption) caption.append(bar);
  else (document.querySelector('footer') ?? document.body).before(bar);
}

/** A file dragged anywhere over the window: a hint while it hovers, and the first file on drop. */
function installDrop(onFile: (file: File) => void): void {
  const hasFiles = (event: DragEvent) => !!event.dataTransfer && Array.from(event.dataTransfer.types).includes('Files');
  let depth = 0; // dragenter/dragleave fire for every child element crossed
  const hint = (on: boolean) => document.body.classList.toggle('files-dropping', on);
  document.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    depth++;
    hint(true);
  });
  document.addEventListener('dragleave', (event) => {
    if (!hasFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) hint(false);
  });
  document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault(); // else the browser would navigate to the file
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (event) => {
    depth = 0;
    hint(false);
    if (!hasFiles(event)) return;
    event.preventDefault();
    const dropped = event.dataTransfer?.files[0];
    if (dropped) onFile(dropped);
  });
}
