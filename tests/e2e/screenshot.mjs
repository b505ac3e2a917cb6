// Makes docs/screenshot.png for the README: the built page with a source card open.
//   node tests/e2e/screenshot.mjs      (after trunk build --release)
import { join } from 'node:path';
import { ROOT, launch, serve } from './support/harness.mjs';

const server = await serve();
const browser = await launch('chromium');
const page = await browser.open(`${server.url}/`, { viewport: { width: 860, height: 760 } });
const marker = { sel: '.ex-verdict .ex-marker', text: '[4]' };
await page.hover(marker);
await page.untilInPage('the card is placed', () => getComputedStyle(queryAll({ sel: '.ex-card' })[0] ?? document.body).visibility === 'visible' && queryAll({ sel: '.ex-card' }).length > 0);
await page.screenshot(join(ROOT, 'docs/screenshot.png'));
await browser.close();
await server.close();
