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

/** How many rows of pixels differ between two screenshots of the same size. */
export function differingRows(a, b) {
  assert.deepEqual([a.width, a.height], [b.width, b.height], 'the screenshots are the same size');
  const row = a.width * 4;
  let rows = 0;
  for (let y = 0; y < a.height; y += 1) {
    if (!a.data.subarray(y * row, (y + 1) * row).equals(b.data.subarray(y * row, (y + 1) * row))) rows += 1;
  }
  return rows;
}
