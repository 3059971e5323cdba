/**
 * Help and About: two buttons in the page's header, the Help dialog (the controls, the keys, what each preset
 * teaches; also on ? and F1) and the About dialog (../about). In the desktop app the menu's Help and About
 * items open the same dialogs (main sends a menu command, which the preload hands to `onMenuCommand`).
 */
import { element } from '../dom';
import { AboutDialog } from '../about';
import { controls, groupTitles, presetHelp, shortcuts } from './content';
import { InfoDialog } from './dialog';
import type { DesktopBridge } from '../../shared/desktop';
import type { ThreadsInUse } from '../about/threads';

export interface HelpHandle {
  openHelp(): void;
  openAbout(): void;
}

/** `runtime` describes where the lab runs (the footer's line), and `threads` the trainer's threads, for the About dialog. */
export function mountHelp(header: HTMLElement, runtime: () => string, threads: () => ThreadsInUse | null = () => null): HelpHandle {
  const help = new InfoDialog('Descent Lab help', 'help-dialog');
  help.body.append(...helpSections());
  const about = new AboutDialog(runtime, threads);

  const openHelp = (): void => {
    about.close();
    help.open();
  };
  const openAbout = (): void => {
    help.close();
    void about.open();
  };

  const actions = element('div', undefined, 'bar-actions');
  const helpButton = element('button', 'Help');
  helpButton.type = 'button';
  helpButton.title = 'The controls, the keys and what each preset teaches (? or F1)';
  helpButton.addEventListener('click', openHelp);
  const aboutButton = element('button', 'About');
  aboutButton.type = 'button';
  aboutButton.title = 'Version and licences';
  aboutButton.addEventListener('click', openAbout);
  actions.append(helpButton, aboutButton);
  header.append(actions);

  const desktop = (window as Window & { descentDesktop?: Partial<DesktopBridge> }).descentDesktop;
  desktop?.onMenuCommand?.((command) => (command === 'help' ? openHelp() : openAbout()));
  return { openHelp, openAbout };
}

function helpSections(): HTMLElement[] {
  const intro = element(
    'p',
    'Each particle is a full training run on the surface; thousands descend at once. Change a setting in the panel and watch the cloud respond. A link with ?preset=NAME opens a preset, and ?scenario= a whole scenario.',
  );

  const controlsSection = section('Controls');
  const list = element('dl', undefined, 'help-controls');
  for (const entry of controls) list.append(element('dt', entry.term), element('dd', entry.text));
  controlsSection.append(list);

  const keysSection = section('Keys');
  const table = element('table', undefined, 'help-keys');
  const body = element('tbody');
  for (const shortcut of shortcuts) {
    const row = element('tr');
    const keys = element('td');
    shortcut.keys.forEach((key, index) => {
      if (index > 0) keys.append(' or ');
      keys.append(element('kbd', key));
    });
    row.append(keys, element('td', shortcut.text));
    body.append(row);
  }
  table.append(body);
  keysSection.append(table);

  const presetsSection = section('What each preset teaches');
  presetsSection.dataset.testid = 'help-presets';
  let group: string | null = null;
  for (const preset of presetHelp()) {
    if (preset.group !== group) {
      group = preset.group;
      presetsSection.append(element('h4', groupTitles[preset.group]));
    }
    const paragraph = element('p', undefined, 'help-preset');
    paragraph.dataset.preset = preset.name;
    paragraph.append(element('strong', preset.title), ' ', element('code', preset.name), ' — ', preset.text);
    presetsSection.append(paragraph);
  }
  return [intro, controlsSection, keysSection, presetsSection];
}

function section(title: string): HTMLElement {
  const node = element('section');
  node.append(element('h3', title));
  return node;
}
