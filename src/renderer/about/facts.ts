/** The facts the About dialog states, fixed when the page is built: the version and the pinned library versions. */
import { dependencies, license, productName, version } from '../../../package.json';

export const appName: string = productName;
export const appVersion: string = version;
export const appLicence: string = license;
/** Each runtime dependency and the exact version package.json pins. */
export const dependencyVersions: Readonly<Record<string, string>> = dependencies;
