// Makes docs/screenshot.png for the README: the built page with a source card open.
//   node tests/e2e/screenshot.mjs      (after trunk build --release)
import { join } from 'node:path';
import { ROOT, launch, serve } from './support.mjs';

const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 860, height: 760 }, deviceScaleFactor: 1 });
await page.goto(`${server.url}/`);
await page.locator('.ex-question').waitFor();
await page.locator('.ex-verdict .ex-marker').filter({ hasText: '[4]' }).first().hover();
await page.waitForFunction(() => {
  const card = document.querySelector('.ex-card');
  return card && getComputedStyle(card).visibility === 'visible';
});
await page.screenshot({ path: join(ROOT, 'docs/screenshot.png') });
await browser.close();
await server.close();
