// Screenshots read back, for what a test can only know by looking: a page whose scripting is
// off runs no script of the test's either, so what it shows is compared as pixels.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pngjs from 'pngjs';

/** The screenshot of `tab`'s viewport, written to `dir` as `name`.png and decoded. */
export async function viewportImage(tab, dir, name) {
  const file = join(dir, `${name}.png`);
  await tab.screenshot(file);
  return pngjs.PNG.sync.read(readFileSync(file));
}

/** Columns at the right edge left out of a comparison: where an engine draws its scrollbar,
 * whose thumb is as long as the page is short, and so tells of what lies below the viewport. */
const SCROLLBAR = 24;

/** How much a colour channel may differ and still count as the same: WebKit paints a tile of
 * the same page a level or two apart from one load to the next. */
const NOISE = 16;

/** How many rows of pixels differ between two screenshots of the same size, the scrollbar's
 * columns left out and a painting's noise forgiven. */
export function differingRows(a, b) {
  assert.deepEqual([a.width, a.height], [b.width, b.height], 'the screenshots are the same size');
  let rows = 0;
  for (let y = 0; y < a.height; y += 1) {
    for (let x = 0; x < a.width - SCROLLBAR; x += 1) {
      const at = (y * a.width + x) * 4;
      if ([0, 1, 2].some((c) => Math.abs(a.data[at + c] - b.data[at + c]) > NOISE)) {
        rows += 1;
        break;
      }
    }
  }
  return rows;
}
