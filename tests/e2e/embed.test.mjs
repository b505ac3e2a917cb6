// End-to-end: the script embed, <evidence-explainer>, on the demo article with hostile global CSS,
// and on small test pages for each way of giving it evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, harness } from './support.mjs';

const published = readFileSync(join(DIST, 'evidence/library-hours.published.json'), 'utf8');
const page = (body) => ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>test</title><link rel="icon" href="data:,"><script type="module" src="embed.js"></script></head><body>${body}</body></html>`];
const pages = {
  '/t-404.html': page('<evidence-explainer src="evidence/missing.published.json"></evidence-explainer>'),
  '/t-invalid.html': page('<evidence-explainer src="broken.json"></evidence-explainer>'),
  '/broken.json': ['application/json', '{ "version": 1,'],
  '/t-authored.html': page('<evidence-explainer src="evidence/library-hours.json"></evidence-explainer>'),
  '/t-network.html': page('<evidence-explainer src="unreachable.json"></evidence-explainer>'),
  '/t-inline.html': page(`<evidence-explainer><script type="application/json">${published}</script></evidence-explainer>`),
};

const env = harness(pages);

async function open(path, options = {}) {
  const context = await env.browser.newContext(options);
  const tab = await context.newPage();
  const requests = [];
  const errors = [];
  tab.on('request', (request) => requests.push(request.url()));
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.route('**/unreachable.json', (route) => route.abort('connectionrefused'));
  await tab.goto(`${env.server.url}${path}`);
  return { tab, context, requests, errors };
}

const style = (locator, property) => locator.evaluate((e, p) => getComputedStyle(e)[p], property);

test('host styles do not reach into the widget', async () => {
  const { tab, context } = await open('/demo.html', { colorScheme: 'light' });
  const ice = tab.locator('#ice');
  await ice.locator('.ex-question').waitFor();
  assert.equal(await style(ice.locator('.ex-root'), 'fontSize'), '16px', ':root font size does not apply');
  assert.equal(await style(ice.locator('.ex-question'), 'color'), 'rgb(27, 27, 27)');
  assert.match(await style(ice.locator('.ex-question'), 'fontFamily'), /^system-ui/);
  assert.equal(await style(ice.locator('.ex-answer'), 'letterSpacing'), 'normal');
  assert.equal(await style(ice.locator('.ex-toggle-all'), 'backgroundColor'), 'rgba(0, 0, 0, 0)');
  assert.notEqual(await style(ice.locator('.ex-marker').first(), 'borderTopStyle'), 'solid');
  assert.equal(await ice.locator('.ex-panel').first().isVisible(), false, 'the page\'s [hidden] rule does not open panels');
  await context.close();
});

test('widget styles do not leak out to the page', async () => {
  const { tab, context } = await open('/demo.html');
  await tab.locator('#ice .ex-question').waitFor();
  const heading = tab.locator('main > h2.ex-question');
  assert.equal(await style(heading, 'backgroundColor'), 'rgb(255, 255, 0)');
  assert.equal(await style(heading, 'fontSize'), '40px');
  assert.equal(await style(tab.locator('main > p > button'), 'backgroundColor'), 'rgb(255, 105, 180)');
  assert.equal(await style(tab.locator('body'), 'backgroundColor'), 'rgb(251, 247, 239)');
  await context.close();
});

test('two widgets on a page keep their own state and ids', async () => {
  const { tab, context, requests } = await open('/demo.html');
  await tab.locator('#library .ex-question').waitFor();
  assert.equal(await tab.locator('#library .ex-question').innerText(), 'Did the city library cut its weekend opening hours in 2026?');
  await tab.locator('#ice-button-amazon').click();
  await tab.locator('#ice-panel-amazon').waitFor({ state: 'visible' });
  assert.equal(await tab.locator('#library .ex-panel:visible').count(), 0, 'the other widget is untouched');
  const ids = await tab.evaluate(() => [...document.querySelectorAll('evidence-explainer')]
    .flatMap((host) => [...host.shadowRoot.querySelectorAll('[id]')].map((e) => e.id)));
  assert.equal(new Set(ids).size, ids.length, 'no id repeats across the two widgets');
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(requests.filter((url) => new URL(url).origin !== origin), [], 'no request leaves the origin');
  await context.close();
});

test('the theme attribute overrides the reader preference', async () => {
  const { tab, context } = await open('/demo.html', { colorScheme: 'light' });
  await tab.locator('#library .ex-question').waitFor();
  assert.equal(await style(tab.locator('#library .ex-root'), 'backgroundColor'), 'rgb(23, 25, 29)', 'theme="dark"');
  assert.equal(await style(tab.locator('#ice .ex-root'), 'backgroundColor'), 'rgb(255, 255, 255)', 'follows light');
  await context.close();
});

test('inline JSON evidence renders', async () => {
  const { tab, context, errors } = await open('/t-inline.html');
  await tab.getByRole('heading', { name: 'Did the city library cut its weekend opening hours in 2026?' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [path, message] of [
  ['/t-404.html', /could not be loaded from evidence\/missing\.published\.json \(HTTP 404\)/],
  ['/t-network.html', /could not be loaded from unreachable\.json \(network error/],
  ['/t-invalid.html', /the JSON ends at line 1 before it is complete/],
  ['/t-authored.html', /this is an authored evidence file .* publish it first with `explainer build FILE`/],
]) {
  test(`a source that fails shows an error panel: ${path}`, async () => {
    const { tab, context } = await open(path);
    const alert = tab.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), message);
    assert.equal(await tab.getByRole('status').count(), 0, 'the loading text is gone');
    await context.close();
  });
}

/** Polls `check` once per animation frame of `tab` until it returns true, or fails after 5 s. */
async function eventually(tab, what, check) {
  const deadline = Date.now() + 5000;
  for (;;) {
    if (await check()) return;
    assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
    await tab.evaluate(() => new Promise((done) => requestAnimationFrame(done)));
  }
}

/** The iframe element's height and its document's content height, scroll and client heights. */
async function frameHeights(tab) {
  const outer = (await tab.locator('#frame').boundingBox()).height;
  const frame = tab.frames().find((f) => f.url().includes('index.html'));
  const inner = await frame.evaluate(() => ({
    content: document.documentElement.getBoundingClientRect().height,
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
  }));
  return { outer, ...inner };
}

const fits = (h) => Math.abs(h.outer - Math.ceil(h.content)) <= 1 && h.scroll <= h.client;

test('the iframe is as tall as its content after every expand and collapse', async () => {
  const { tab, context } = await open('/demo.html');
  const frame = tab.frameLocator('#frame');
  await frame.locator('.ex-question').waitFor();
  // Chrome does not lay out an off-screen cross-origin frame; a reader scrolls to it first.
  await tab.locator('#frame').scrollIntoViewIfNeeded();
  await eventually(tab, 'the frame fits its content', async () => fits(await frameHeights(tab)));
  let before = (await frameHeights(tab)).outer;
  for (const step of ['Expand all sections', 'Collapse all sections']) {
    await frame.getByRole('button', { name: step }).click();
    await eventually(tab, `the frame fits after "${step}"`, async () => {
      const h = await frameHeights(tab);
      return fits(h) && h.outer !== before;
    });
    before = (await frameHeights(tab)).outer;
  }
  await frame.getByRole('button', { name: /Reporting limits/ }).click();
  await eventually(tab, 'the frame fits with the limits open', async () => {
    const h = await frameHeights(tab);
    return fits(h) && h.outer > before;
  });
  await context.close();
});

test('the host script ignores heights from other windows and out-of-range heights', async () => {
  const { tab, context } = await open('/demo.html');
  await tab.frameLocator('#frame').locator('.ex-question').waitFor();
  await tab.locator('#frame').scrollIntoViewIfNeeded();
  await eventually(tab, 'the frame fits', async () => fits(await frameHeights(tab)));
  const height = (await frameHeights(tab)).outer;
  await tab.evaluate(() => window.postMessage({ type: 'explainer:height', height: 7 }, '*'));
  const frame = tab.frames().find((f) => f.url().includes('index.html'));
  for (const bad of [1e9, -5, '300', Number.NaN]) {
    await frame.evaluate((h) => parent.postMessage({ type: 'explainer:height', height: h }, '*'), bad);
  }
  // A message from the frame that is valid comes last; once it is applied, the others were seen.
  await frame.evaluate((h) => parent.postMessage({ type: 'explainer:height', height: h }, '*'), height + 3);
  await eventually(tab, 'the valid message is applied', async () => (await frameHeights(tab)).outer === height + 3);
  await context.close();
});

test('deep links open a section, in the iframe and on the page, and reach a source', async () => {
  const { tab, context } = await open('/demo.html');
  const frame = tab.frameLocator('#frame');
  await frame.locator('#explainer-panel-the-branches').waitFor({ state: 'visible' });
  assert.equal(await frame.locator('.ex-section .ex-panel:visible').count(), 1, 'only the linked section');
  assert.equal(await tab.evaluate(() => window.scrollY), 0, 'the frame did not scroll the article');
  await context.close();

  const page = await open('/index.html#amazon');
  await page.tab.locator('#explainer-panel-amazon').waitFor({ state: 'visible' });
  await page.tab.locator('#explainer-button-amazon:focus').waitFor();
  await page.tab.evaluate(() => { location.hash = 'source-4'; });
  await page.tab.locator('#explainer-source-4:focus').waitFor();
  await page.context.close();
});

test('a page address cannot show evidence from another site', async () => {
  const { tab, context, requests } = await open('/index.html?src=https://elsewhere.example/fake.json');
  const alert = tab.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /only evidence from this site is shown/);
  assert.ok(!requests.some((url) => new URL(url).hostname === 'elsewhere.example'), 'nothing was fetched from it');
  await context.close();
});

test('the page (and so the iframe) takes its theme from its address', async () => {
  const { tab, context } = await open('/index.html?theme=dark', { colorScheme: 'light' });
  await tab.locator('.ex-question').waitFor();
  assert.equal(await style(tab.locator('.ex-root'), 'backgroundColor'), 'rgb(23, 25, 29)');
  await context.close();
});

test('a widget whose code cannot load says so instead of loading forever', async () => {
  const context = await env.browser.newContext();
  const tab = await context.newPage();
  await tab.route('**/explainer-widget_bg.wasm', (route) => route.abort('connectionrefused'));
  await tab.goto(`${env.server.url}/t-inline.html`);
  const alert = tab.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^This explainer could not be shown: .+ Reload the page to try again\.$/);
  assert.equal(await tab.getByText('Loading the explainer…').count(), 0);
  await context.close();
});

test('a fetched file that is not UTF-8 is named as such, as explainer check names it', async () => {
  const context = await env.browser.newContext();
  const tab = await context.newPage();
  await tab.route('**/latin1.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: Buffer.concat([Buffer.from('{"question": "caf'), Buffer.from([0xe9]), Buffer.from('"}')]),
  }));
  await tab.goto(`${env.server.url}/index.html?src=latin1.json`);
  const alert = tab.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /\(document\): the file is not UTF-8 text \(first bad byte at line 1, column 18\): save it as UTF-8/);
  await context.close();
});
