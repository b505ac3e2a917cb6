// End-to-end: the built dist/ page in headless Chromium, used as a reader would use it.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { harness, ROOT } from './support.mjs';

const env = harness();
const RESULTS = join(ROOT, 'tests/e2e/results');

before(async () => {
  await mkdir(RESULTS, { recursive: true });
});

/** A fresh page on the widget, with every request and console error recorded. */
async function open(options = {}) {
  const context = await env.browser.newContext(options);
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`${env.server.url}/`);
  await page.locator('.ex-question').waitFor();
  return { page, context, requests, errors };
}

/** The id of the focused element, looking through shadow roots. */
function focusedId(page) {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.id;
  });
}

/** The bounding boxes of a marker and the card it opened. */
async function boxes(page, marker) {
  const card = page.locator('.ex-card');
  await card.waitFor({ state: 'visible' });
  await card.evaluate((e) => new Promise((done) => {
    const check = () => (getComputedStyle(e).visibility === 'visible' ? done() : requestAnimationFrame(check));
    check();
  }));
  return { marker: await marker.boundingBox(), card: await card.boundingBox() };
}

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test('the page shows the question, verdict, seven sections, the limits and ten sources', async () => {
  const { page, context, requests, errors } = await open();
  await assert.doesNotReject(page.getByRole('heading', { name: 'Did Microsoft or Amazon end contracts with ICE and when?' }).waitFor());
  assert.match(await page.locator('.ex-verdict-label').innerText(), /No documented end to either company’s ICE work/);
  assert.equal(await page.locator('.ex-section').count(), 7);
  assert.equal(await page.getByRole('button', { name: /Reporting limits/ }).count(), 1);
  assert.equal(await page.locator('.ex-source').count(), 10);
  assert.equal(await page.getByRole('status').count(), 0, 'the loading text is gone');
  assert.equal(await page.title(), 'Did Microsoft or Amazon end contracts with ICE and when?');
  await page.screenshot({ path: join(RESULTS, 'page.png'), fullPage: true });
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((url) => new URL(url).origin !== origin), [], 'no request leaves the origin');
  assert.deepEqual(errors, []);
  await context.close();
});

test('every section opens and closes from its button', async () => {
  const { page, context } = await open();
  const buttons = page.locator('.ex-section .ex-disclosure');
  for (let i = 0; i < 7; i += 1) {
    const button = buttons.nth(i);
    const panel = page.locator(`#${await button.getAttribute('aria-controls')}`);
    await button.click();
    await panel.waitFor({ state: 'visible' });
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    await button.click();
    await panel.waitFor({ state: 'hidden' });
  }
  await page.getByRole('button', { name: 'Expand all sections' }).click();
  await page.locator('.ex-section .ex-panel:not([hidden])').nth(6).waitFor();
  await page.getByRole('button', { name: 'Collapse all sections' }).click();
  await page.locator('.ex-section .ex-panel:not([hidden])').first().waitFor({ state: 'detached' });
  await context.close();
});

test('hovering a marker opens a card beside it that the pointer can enter, and Escape closes it', async () => {
  const { page, context } = await open();
  const marker = page.locator('.ex-verdict .ex-marker').filter({ hasText: '[4]' }).first();
  await marker.hover();
  const { marker: m, card: c } = await boxes(page, marker);
  assert.ok(!overlaps(m, c), 'the card does not cover its marker');
  const card = page.locator('.ex-card');
  assert.match(await card.innerText(), /Amazon Employees Continue to Urge Company to Cut Ties With ICE/);
  assert.match(await card.innerText(), /Also cited in/);
  const link = card.locator('a.ex-src-title');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  // Into the card, through the gap, and stay there beyond the grace period: it must persist.
  await page.mouse.move(c.x + c.width / 2, c.y + 10, { steps: 8 });
  const grace = Date.now() + 700;
  await page.waitForFunction((until) => Date.now() > until, grace);
  assert.ok(await card.isVisible(), 'the card stays while the pointer is on it');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  await context.close();
});

test('keyboard: focus opens the card, Enter follows the marker to its source', async () => {
  const { page, context } = await open();
  const marker = page.locator('.ex-verdict .ex-marker').first();
  await marker.focus();
  await page.locator('.ex-card').waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  await page.locator('#explainer-source-1:focus').waitFor();
  assert.equal(await focusedId(page), 'explainer-source-1');
  assert.equal(await page.locator('.ex-card').count(), 0, 'the card closed when focus left');
  await context.close();
});

test('at 320 px on a touch screen, a tap shows a card inside the viewport and a tap elsewhere closes it', async () => {
  const { page, context } = await open({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `no horizontal scrolling at 320 px (page is ${width} px wide)`);
  await page.getByRole('button', { name: /What Amazon did/ }).tap();
  const markers = page.locator('#explainer-panel-amazon .ex-marker');
  const count = await markers.count();
  assert.equal(count, 3);
  for (let i = 0; i < count; i += 1) {
    const marker = markers.nth(i);
    await marker.tap();
    const { marker: m, card: c } = await boxes(page, marker);
    assert.ok(!overlaps(m, c), `card ${i} does not cover its marker`);
    assert.ok(c.x >= 0 && c.x + c.width <= 320, `card ${i} fits the width: ${JSON.stringify(c)}`);
    assert.ok(c.y >= 0 && c.y + c.height <= 640, `card ${i} fits the height: ${JSON.stringify(c)}`);
    await page.locator('.ex-question').tap();
    await page.locator('.ex-card').waitFor({ state: 'detached' });
  }
  await page.screenshot({ path: join(RESULTS, 'mobile.png') });
  await context.close();
});

test('dark mode follows prefers-color-scheme', async () => {
  const light = await open({ colorScheme: 'light' });
  const dark = await open({ colorScheme: 'dark' });
  const background = (page) => page.locator('.ex-root').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(await background(light.page), 'rgb(255, 255, 255)');
  assert.equal(await background(dark.page), 'rgb(23, 25, 29)');
  await dark.page.screenshot({ path: join(RESULTS, 'dark.png'), fullPage: true });
  await light.context.close();
  await dark.context.close();
});
