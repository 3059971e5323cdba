/**
 * The loss chart and the settings card beside the scene in a screenshot or a recording: the picture keeps
 * the asked size, the right 30% holds them (colours from src/renderer/capture/sidebar.ts and
 * views/palette.ts), and a recording with them is still identical twice for the same start.
 */
import { readWebm } from '../src/renderer/capture/webm.testing';
import { presets } from '../src/shared/presets';
import { bytesOf, pixelsOf } from './blobs';
import { expect, openPreset, surfaceReady, test } from './shared-page';

test.beforeEach(async ({ page }) => {
  await openPreset(page, 'bowl-cloud');
});

// 640 × 360: the column starts at 640 − round(0.3 · 640) = 448; the card fills its top half (0–179), the chart
// the bottom (180–359); both keep a padding of 16 · 360/720 = 8 px, where only their background shows.
const cardBackground = [0x14, 0x18, 0x1e];
const chartBackground = [0x0b, 0x0e, 0x12];
const inCard: [number, number] = [448 + 5, 3];
const inChart: [number, number] = [448 + 5, 180 + 3];

test.describe('beside the scene', () => {
  test.describe.configure({ mode: 'default' }); // these tests in order, on one page (./shared-page.ts)

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
    const make =
      'window.descentLab.reset().then(() => window.descentLab.record({ frames: 8, fps: 30, width: 320, height: 180, stepsPerFrame: 2, chart: true, panel: true }))';
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
    await dialog.getByRole('button', { name: 'Close' }).click(); // the page is the next test's
    await expect(dialog).toBeHidden();
  });
});

// "A smooth 1080p clip of any preset", in two parts. What depends on the preset (its surface, cloud, chart and
// card) is drawn for every preset by the capture path's screenshot in offline.web.spec.ts, which walks every
// preset once for the whole suite; what depends on the size (1080p frames through the encoder and the
// container) is recorded here for one preset of each kind of model. A 1080p clip of every preset took
// ≈ 130 s of the end-to-end run, most of it SwiftShader drawing 2 Mpx frames.
const kindOf = ({ scenario }: (typeof presets)[number]) =>
  `${scenario.model.kind}${scenario.model.kind === 'surface' && scenario.model.expr ? ' formula' : ''}${scenario.groups ? ' race' : ''}`;
const oneOfEachKind = presets.filter((preset, k) => presets.findIndex((other) => kindOf(other) === kindOf(preset)) === k);
test(`a 1080p clip with the chart and the card for each kind of model (${oneOfEachKind.map((p) => p.name).join(', ')})`, async ({ page }) => {
  test.setTimeout(60_000 + 20_000 * oneOfEachKind.length);
  for (const preset of oneOfEachKind) {
    await page.evaluate((name) => window.descentLab.load(name), preset.name);
    await surfaceReady(page);
    const video = readWebm(
      await bytesOf(page, 'window.descentLab.record({ frames: 2, fps: 30, width: 1920, height: 1080, stepsPerFrame: 5, chart: true, panel: true })'),
    );
    expect([video.width, video.height], preset.name).toEqual([1920, 1080]);
    expect(video.frames, preset.name).toHaveLength(2);
  }
});
