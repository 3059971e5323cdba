// How `npm run dist` packages the desktop app (electron-builder): AppImage and deb on Linux, dmg on macOS,
// an NSIS installer on Windows. Only the built app (out/main, out/preload, out/renderer) and package.json go
// in: electron-vite bundles every library the app runs, so electron-builder's usual copy of the runtime
// `dependencies` (node_modules) is kept out. CI checks the archives (scripts/packaging/check-asar.mjs). Icons
// come from build/ (scripts/icons.mjs).
// The afterPack hook flips the Electron fuses (scripts/packaging/fuses.mjs) before anything is signed.

/**
 * `*.descent`: double-clicking one starts the lab with it (main reads it from argv or 'open-file'). One part
 * on purpose: Windows looks up only a name's last extension (`.json` for `x.descent.json`), so NSIS's key for
 * `.descent.json` would never be consulted, and macOS's document types and UTIs take one-part extensions too.
 * `*.descent.json` files still open from File › Open, the command line and drag and drop.
 */
const scenarioFiles = {
  ext: 'descent',
  name: 'Descent Lab scenario',
  description: 'Descent Lab scenario',
  mimeType: 'application/x-descent-lab-scenario+json',
  role: 'Editor',
};

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'io.github.descentlab.DescentLab',
  productName: 'Descent Lab',
  copyright: 'Copyright © 2026 the Descent Lab authors',
  directories: { output: 'dist', buildResources: 'build' },
  files: ['out/main/**', 'out/preload/**', 'out/renderer/**', '!**/*.map', 'package.json'],
  // False: "node_modules are handled outside electron-builder" (app-builder-lib's packager), so it copies none;
  // electron-vite has bundled every library into out/ (electron.vite.config.ts), and no module is native.
  beforeBuild: async () => false,
  asar: true,
  afterPack: './scripts/packaging/after-pack.mjs',
  fileAssociations: [scenarioFiles],
  // Installers are built for downloading from CI's artifacts, never published from a build.
  publish: null,
  linux: {
    target: ['AppImage', 'deb'],
    executableName: 'descent-lab',
    // build/icons/<size>x<size>.png, one per size the desktop environments look for.
    icon: 'build/icons',
    category: 'Education',
    synopsis: 'A visual lab for gradient descent',
    desktop: { entry: { Categories: 'Education;Science;Math;', Keywords: 'gradient;descent;optimizer;machine learning;' } },
  },
  deb: { maintainer: 'Descent Lab <descent-lab@users.noreply.github.com>' },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  mac: {
    target: ['dmg'],
    icon: 'build/icon.png',
    category: 'public.app-category.education',
    // The type behind `.descent`, declared by the app that owns it, so that macOS knows it is JSON (Quick Look,
    // text editors) rather than an unknown dynamic type; electron-builder adds the document type itself.
    extendInfo: {
      UTExportedTypeDeclarations: [
        {
          UTTypeIdentifier: 'io.github.descentlab.scenario',
          UTTypeDescription: scenarioFiles.description,
          UTTypeConformsTo: ['public.json'],
          UTTypeTagSpecification: { 'public.filename-extension': [scenarioFiles.ext], 'public.mime-type': [scenarioFiles.mimeType] },
        },
      ],
    },
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  win: {
    target: ['nsis'],
    icon: 'build/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
};
