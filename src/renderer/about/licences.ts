/**
 * The licences of the libraries bundled into the page: the runtime `dependencies` of package.json, each with
 * its licence text, read from node_modules when the page is built (Vite's ?raw imports). Loaded only when the
 * About dialog opens. about.test.ts checks this list against package.json and node_modules.
 */
import gifencLicence from '../../../node_modules/gifenc/LICENSE.md?raw';
import lilGuiLicence from '../../../node_modules/lil-gui/LICENSE.md?raw';
import mathjsLicence from '../../../node_modules/mathjs/LICENSE?raw';
import mathjsNotice from '../../../node_modules/mathjs/NOTICE?raw';
import mediabunnyLicence from '../../../node_modules/mediabunny/LICENSE?raw';
import threeLicence from '../../../node_modules/three/LICENSE?raw';
import uplotLicence from '../../../node_modules/uplot/LICENSE?raw';
import zodLicence from '../../../node_modules/zod/LICENSE?raw';

export interface BundledLibrary {
  readonly name: string;
  /** The SPDX identifier the package declares. */
  readonly licence: string;
  /** What the page uses it for. */
  readonly purpose: string;
  /** The licence text, and any NOTICE the licence requires to travel with it (Apache-2.0 §4d). */
  readonly text: string;
}

export const bundledLibraries: readonly BundledLibrary[] = [
  { name: 'gifenc', licence: 'MIT', purpose: 'GIF recordings', text: gifencLicence },
  { name: 'lil-gui', licence: 'MIT', purpose: 'the settings panel', text: lilGuiLicence },
  { name: 'mathjs', licence: 'Apache-2.0', purpose: 'formulas typed by the user, differentiated exactly', text: `${mathjsNotice.trim()}\n\n${mathjsLicence}` },
  { name: 'mediabunny', licence: 'MPL-2.0', purpose: 'WebM and MP4 recordings (unmodified; source: github.com/Vanilagy/mediabunny)', text: mediabunnyLicence },
  { name: 'three', licence: 'MIT', purpose: 'the 3D scene', text: threeLicence },
  { name: 'uplot', licence: 'MIT', purpose: 'the loss chart', text: uplotLicence },
  { name: 'zod', licence: 'MIT', purpose: 'validation of scenarios and messages', text: zodLicence },
];
