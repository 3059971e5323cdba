/** The About dialog's facts, against package.json and the licence files in node_modules. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLicence, appName, appVersion, dependencyVersions } from './facts';
import { bundledLibraries } from './licences';

const projectDir = path.resolve(import.meta.dirname, '../../..');
const packageJson = JSON.parse(readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
const installed = (name: string) => JSON.parse(readFileSync(path.join(projectDir, 'node_modules', name, 'package.json'), 'utf8'));

describe('About', () => {
  it('states the name, version and licence package.json gives', () => {
    expect(appName).toBe(packageJson.productName);
    expect(appVersion).toBe(packageJson.version);
    expect(appLicence).toBe(packageJson.license);
  });

  it('lists exactly the runtime dependencies, at the pinned versions, which are the installed ones', () => {
    expect(bundledLibraries.map((library) => library.name).sort()).toEqual(Object.keys(packageJson.dependencies).sort());
    for (const library of bundledLibraries) expect(installed(library.name).version, library.name).toBe(dependencyVersions[library.name]);
  });

  it('gives each library the licence its package declares, with the full text of its licence file', () => {
    for (const library of bundledLibraries) {
      expect(library.licence, library.name).toBe(installed(library.name).license);
      const folder = path.join(projectDir, 'node_modules', library.name);
      const licenceFile = readdirSync(folder).find((file) => /^licen[cs]e(\.md|\.txt)?$/i.test(file));
      expect(licenceFile, library.name).toBeDefined();
      expect(library.text, library.name).toContain(readFileSync(path.join(folder, licenceFile!), 'utf8').trim());
    }
  });

  it('carries the NOTICE an Apache-2.0 library ships with', () => {
    for (const library of bundledLibraries.filter((entry) => entry.licence === 'Apache-2.0')) {
      const notice = readFileSync(path.join(projectDir, 'node_modules', library.name, 'NOTICE'), 'utf8').trim();
      expect(library.text, library.name).toContain(notice);
    }
  });
});
