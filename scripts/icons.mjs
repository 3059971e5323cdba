// `npm run icons`: renders build/icon.svg into the PNG sizes the installers use, in headless Chromium (the one
// the end-to-end specs use), so that every size is drawn from the vector source rather than scaled from a bitmap.
//   build/icons/<n>x<n>.png  Linux (AppImage, deb): one per size desktop environments look for
//   build/icon.png           macOS and Windows: electron-builder makes the .icns and .ico from this 1024 px one
//   src/renderer/about/icon.svg  the page's favicon and the About dialog's picture: a copy inside the page's root
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

const buildDir = path.resolve(import.meta.dirname, '..', 'build');
export const PAGE_ICON = path.resolve(import.meta.dirname, '..', 'src', 'renderer', 'about', 'icon.svg');

async function main() {
  await copyFile(path.join(buildDir, 'icon.svg'), PAGE_ICON);
  const { chromium } = await import('playwright'); // only when drawing: the sizes are imported by a test
  const svg = await readFile(path.join(buildDir, 'icon.svg'));
  const source = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    await mkdir(path.join(buildDir, 'icons'), { recursive: true });
    for (const size of ICON_SIZES) {
      await page.setViewportSize({ width: size, height: size });
      // A transparent page with the SVG drawn at exactly this size: Chromium rasterises the vector, no scaling.
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}img{display:block}</style><img width="${size}" height="${size}" src="${source}">`,
      );
      await page.locator('img').evaluate((img) => /** @type {HTMLImageElement} */ (img).decode());
      const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await writeFile(path.join(buildDir, 'icons', `${size}x${size}.png`), png);
      if (size === 1024) await writeFile(path.join(buildDir, 'icon.png'), png);
      console.log(`build/icons/${size}x${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((error) => {
    console.error(`icons: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
