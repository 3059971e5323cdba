/**
 * The loss chart and the settings card beside the scene in a screenshot or a recording: the picture keeps
 * the asked size, the right 30% holds them (colours from src/renderer/capture/sidebar.ts and
 * views/palette.ts), and a recording with them is still identical twice for the same start.
 */
import { readWebm } from '../src/renderer/capture/webm';
import { presets } from '../src/shared/presets';
import { bytesOf, pixelsOf } from './blobs';
import { expect, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.goto('./?preset=bowl-cloud');
  await expect(page.getByTestId('scene')).toHaveAttribute('data-surface', 'ready', { timeout: 30_000 });
});

// 640 × 360: the column starts at 640 − round(0.3 · 640) = 448; the card fills its top half (0–179), the chart
// the bottom (180–359); both keep a padding of 16 · 360/720 = 8 px, where only their background shows.
const cardBackground = [0x14, 0x18, 0x1e];
const chartBackground = [0x0b, 0x0e, 0x12];
const inCard: [number, number] = [448 + 5, 3];
const inChart: [number, number] = [448 + 5, 180 + 3];

test('a screenshot with the chart and the card keeps its size and puts them in the right column', async ({ page }) => {
  await page.evaluate(() => window.descentLab.step(20));
  const png = await bytesOf(page, 'window.descentLab.screenshot({ width: 640, height: 360, chart: true, panel: true })');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 360]);
  const [card, chart] = await pixelsOf(page, 'window.descentLab.screenshot({ width: 640, height: 360, chart: true, panel: true })', [inCard, inChart]);
  expect(card).toEqual(cardBackground);
  expect(chart).toEqual(chartBackground);
  // Without them, the scene fills the picture there.
  const [plain] = await pixelsOf(page, 'window.descentLab.screenshot({ width: 640, height: 360 })', [inCard]);
  expect(plain).not.toEqual(cardBackground);
});

test('the card alone takes the whole column', async ({ page }) => {
  const [top, bottom] = await pixelsOf(page, 'window.descentLab.screenshot({ width: 640, height: 360, panel: true })', [inCard, [448 + 5, 356]]);
  expect(top).toEqual(cardBackground);
  expect(bottom).toEqual(cardBackground);
});

test('a recording with the chart and the card: the asked size and frames, identical twice', async ({ page }) => {
  test.setTimeout(180_000);
  const make = 'window.descentLab.reset().then(() => window.descentLab.record({ frames: 8, fps: 30, width: 320, height: 180, stepsPerFrame: 2, chart: true, panel: true }))';
  const [first, second] = [readWebm(await bytesOf(page, make)), readWebm(await bytesOf(page, make))];
  for (const video of [first, second]) {
    expect([video.width, video.height]).toEqual([320, 180]);
    expect(video.frames).toHaveLength(8);
  }
  for (let k = 0; k < 8; k++) expect(Buffer.from(first.frames[k].data).equals(Buffer.from(second.frames[k].data)), `frame ${k}`).toBe(true);
});

test('the Record dialog offers them', async ({ page }) => {
  await page.getByRole('button', { name: 'Record…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Record or screenshot' });
  await expect(dialog.getByLabel('Loss chart beside the scene')).not.toBeChecked();
  await expect(dialog.getByLabel('Settings card beside the scene')).not.toBeChecked();
});

// "A smooth 1080p clip of any preset": every preset, two frames at 1920 × 1080, in two halves that share a
// page each (a fresh page per preset cost ≈ 11 s apiece, most of it loading and drawing the page again).
const halves = [presets.filter((_, k) => k % 2 === 0), presets.filter((_, k) => k % 2 === 1)];
halves.forEach((half, k) => {
  test(`a 1080p clip of every preset, with the chart and the card (half ${k + 1}: ${half.length} presets)`, async ({ page }) => {
    test.setTimeout(60_000 + 20_000 * half.length);
    for (const { name: preset } of half) {
      await page.evaluate((name) => window.descentLab.load(name), preset);
      await expect(page.getByTestId('scene')).toHaveAttribute('data-surface', 'ready', { timeout: 30_000 });
      const video = readWebm(await bytesOf(page, 'window.descentLab.record({ frames: 2, fps: 30, width: 1920, height: 1080, stepsPerFrame: 5, chart: true, panel: true })'));
      expect([video.width, video.height], preset).toEqual([1920, 1080]);
      expect(video.frames, preset).toHaveLength(2);
    }
  });
});
