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
await page.locator('.ex-card').evaluate((card) => new Promise((done) => {
  const check = () => (getComputedStyle(card).visibility === 'visible' ? done() : requestAnimationFrame(check));
  check();
}));
await page.screenshot({ path: join(ROOT, 'docs/screenshot.png') });
await browser.close();
await server.close();
