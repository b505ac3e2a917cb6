// End-to-end: dist/offline.html opened from disk with no network at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launch } from './support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('offline.html renders from file:// with every network request blocked, and its cards work', async () => {
  const file = join(DIST, 'offline.html');
  assert.ok(statSync(file).size > 0, 'the build wrote offline.html');
  const context = await browser.newContext({ offline: true });
  const requests = [];
  const errors = [];
  await context.route(/^(https?|wss?):/, (route) => route.abort('internetdisconnected'));
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  const url = pathToFileURL(file).href;
  await page.goto(url);
  await page.getByRole('heading', { name: 'Did Microsoft or Amazon end contracts with ICE and when?' }).waitFor();
  assert.equal(await page.title(), 'Did Microsoft or Amazon end contracts with ICE and when?');

  await page.locator('.ex-verdict .ex-marker').filter({ hasText: '[4]' }).first().hover();
  const card = page.locator('.ex-card');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), /Amazon Employees Continue to Urge Company to Cut Ties With ICE/);
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });

  await page.locator('.ex-verdict .ex-marker').first().focus();
  await card.waitFor({ state: 'visible' });
  await page.getByRole('button', { name: /What Amazon did/ }).click();
  await page.locator('#explainer-panel-amazon').waitFor({ state: 'visible' });

  assert.deepEqual(requests, [url], 'nothing but the file itself');
  assert.deepEqual(errors, []);
  await context.close();
});
