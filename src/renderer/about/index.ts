/**
 * The About dialog: the lab's name and version, where it runs, its threads, and every bundled library with its version and
 * licence text. The licence texts are a separate chunk, loaded the first time the dialog opens.
 */
import { element } from '../dom';
import { InfoDialog } from '../help/dialog';
import { appLicence, appName, appVersion, dependencyVersions } from './facts';
import iconUrl from './icon.svg';
import { threadsLine, type ThreadsInUse } from './threads';

export class AboutDialog {
  private readonly info = new InfoDialog(`About ${appName}`, 'about-dialog');
  private filled: Promise<void> | null = null;

  /** The threads line, written again at each opening: the threads in use change with the run. */
  private readonly threads = element('p', '', 'about-threads');

  /** `inUse`: what the trainer last said of its threads (null until it has). */
  constructor(
    private readonly runtime: () => string,
    private readonly inUse: () => ThreadsInUse | null = () => null,
  ) {}

  close(): void {
    this.info.close();
  }

  async open(): Promise<void> {
    this.threads.textContent = threadsLine(self.crossOriginIsolated, navigator.hardwareConcurrency || 1, this.inUse());
    this.info.open();
    this.filled ??= this.fill().catch((error: unknown) => {
      this.filled = null; // try again next time
      this.info.body.append(element('p', `The licence texts could not be loaded: ${error instanceof Error ? error.message : String(error)}`, 'about-error'));
    });
    await this.filled;
  }

  private async fill(): Promise<void> {
    const body = this.info.body;
    const icon = element('img', undefined, 'about-icon');
    icon.src = iconUrl;
    icon.alt = '';
    icon.width = icon.height = 72;
    body.replaceChildren(
      icon,
      element('p', `${appName} ${appVersion}`, 'about-version'),
      element('p', 'A visual lab for gradient descent: a cloud of particles descending a loss surface.'),
      element('p', this.runtime(), 'about-runtime'),
      this.threads,
      element('p', `${appName} is free software under the ${appLicence} licence. It runs entirely on this computer: it loads nothing from the network.`),
    );
    const { bundledLibraries } = await import('./licences');
    const heading = element('h3', 'Bundled libraries');
    const list = element('ul', undefined, 'about-libraries');
    list.dataset.testid = 'about-libraries';
    for (const library of bundledLibraries) {
      const item = element('li');
      item.dataset.library = library.name;
      const summary = element('summary');
      summary.append(element('strong', library.name), ` ${dependencyVersions[library.name] ?? ''} · ${library.licence} · ${library.purpose}`);
      const details = element('details');
      details.append(summary, element('pre', library.text, 'about-licence'));
      item.append(details);
      list.append(item);
    }
    body.append(heading, list);
    if ((window as Window & { descentDesktop?: unknown }).descentDesktop) {
      body.append(
        element(
          'p',
          'The desktop app is built on Electron (MIT), which includes Chromium and Node.js; their licences are installed with the app (LICENSE and LICENSES.chromium.html).',
        ),
      );
    }
  }
}
