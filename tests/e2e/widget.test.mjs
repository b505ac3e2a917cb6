// End-to-end: the built dist/ page, used as a reader would use it, in the engine of this run.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { degraded, ENGINE, harness, live, noteFramedViewport, RESULTS } from './support/harness.mjs';

const env = harness();
const SHOTS = join(RESULTS, ENGINE);

before(async () => {
  await mkdir(SHOTS, { recursive: true });
});

/** A fresh page on the widget, once its question shows. */
async function open(options = {}, query = '') {
  const page = await env.browser.open(`${env.server.url}/${query}`, options);
  await live(page);
  return page;
}

/** The errors the page met, and the requests it made to anywhere but the test server. */
async function trouble(page) {
  const origin = new URL(env.server.url).origin;
  return {
    errors: (await page.probe()).errors,
    foreign: page.requests().filter((url) => new URL(url).origin !== origin),
  };
}

/** The boxes of a marker and the card it opened, once the card is placed and shown. */
async function boxes(page, marker) {
  await page.waitFor('.ex-card');
  await page.untilInPage('the card is placed', () => getComputedStyle(queryAll({ sel: '.ex-card' })[0]).visibility === 'visible');
  return { marker: await page.box(marker), card: await page.box('.ex-card') };
}

function overlaps(a, b) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

const QUESTION = 'Did Microsoft or Amazon end contracts with ICE and when?';
const marker4 = { sel: '.ex-verdict .ex-marker', text: '[4]', nth: 0 };

test('the page shows the question, verdict, seven sections, the limits and ten sources', async () => {
  const page = await open();
  assert.equal(await page.text('h1.ex-question'), QUESTION);
  assert.match(await page.text('.ex-verdict-label'), /No documented end to either company’s ICE work/);
  assert.equal(await page.count('.ex-section'), 7);
  assert.equal(await page.count({ sel: 'button', text: /Reporting limits/ }), 1);
  assert.equal(await page.count('.ex-source'), 10);
  assert.equal(await page.count({ sel: '[role=status]', text: /Loading/ }), 0, 'the loading text is gone');
  assert.equal(await page.title(), QUESTION);
  assert.equal(await page.eval(() => document.compatMode), 'CSS1Compat', 'standards mode');
  await page.screenshot(join(SHOTS, 'page.png'), { full: true });
  assert.deepEqual(await trouble(page), { errors: [], foreign: [] });
  await page.close();
});

test('every section opens and closes from its button', async () => {
  const page = await open();
  for (let i = 0; i < 7; i += 1) {
    const button = { sel: '.ex-section .ex-disclosure', nth: i };
    const panel = `#${await page.attr(button, 'aria-controls')}`;
    await page.click(button);
    await page.waitFor(panel);
    assert.equal(await page.attr(button, 'aria-expanded'), 'true');
    await page.click(button);
    await page.waitFor(panel, { state: 'hidden' });
  }
  await page.click({ sel: 'button', text: 'Expand all sections' });
  await page.waitFor({ sel: '.ex-section .ex-panel:not([hidden])', nth: 6 });
  await page.click({ sel: 'button', text: 'Collapse all sections' });
  await page.waitFor('.ex-section .ex-panel:not([hidden])', { state: 'detached' });
  await page.close();
});

test('hovering a marker opens a card beside it that the pointer can enter, and Escape closes it', async () => {
  const page = await open();
  await page.installClock();
  await page.hover(marker4);
  await page.runFor(400);
  const { marker: m, card: c } = await boxes(page, marker4);
  assert.ok(!overlaps(m, c), 'the card does not cover its marker');
  const text = await page.text('.ex-card');
  assert.match(text, /Amazon Employees Continue to Urge Company to Cut Ties With ICE/);
  assert.match(text, /Also cited in/);
  assert.equal(await page.attr('.ex-card a.ex-src-title', 'target'), '_blank');
  assert.equal(await page.attr('.ex-card a.ex-src-title', 'rel'), 'noopener noreferrer');
  // Into the card, through the gap, and stay there well beyond the grace period.
  await page.mouseMove(c.x + c.width / 2, c.y + 10, { steps: 8 });
  await page.runFor(5_000);
  assert.ok(await page.isVisible('.ex-card'), 'the card stays while the pointer is on it');
  await page.press('Escape');
  await page.waitFor('.ex-card', { state: 'detached' });
  await page.close();
});

test('keyboard: focus opens the card, Enter follows the marker to its source', async () => {
  const page = await open();
  await page.focus('.ex-verdict .ex-marker');
  await page.waitFor('.ex-card');
  await page.press('Enter');
  await page.untilInPage('the source has focus', () => activeElement()?.id === 'explainer-source-1');
  await page.waitFor('.ex-card', { state: 'detached' });
  await page.close();
});

test('at 320 px on a touch screen, a tap shows a card inside the viewport and a tap elsewhere closes it', async (t) => {
  if (ENGINE === 'webkit') degraded(t, "WebKitGTK's WebDriver has no touch input: each tap is the pointer events of a touch, dispatched on the element, then its click");
  const page = await open({ viewport: { width: 320, height: 640 }, touch: true });
  noteFramedViewport(t, page);
  const width = await page.eval(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `no horizontal scrolling at 320 px (page is ${width} px wide)`);
  await page.tap({ sel: 'button', text: /What Amazon did/ });
  const markers = '#explainer-panel-amazon .ex-marker';
  await page.waitFor(markers);
  const count = await page.count(markers);
  assert.equal(count, 3);
  for (let i = 0; i < count; i += 1) {
    const marker = { sel: markers, nth: i };
    await page.tap(marker);
    const { marker: m, card: c } = await boxes(page, marker);
    assert.ok(!overlaps(m, c), `card ${i} does not cover its marker`);
    assert.ok(c.x >= 0 && c.x + c.width <= 320, `card ${i} fits the width: ${JSON.stringify(c)}`);
    assert.ok(c.y >= 0 && c.y + c.height <= 640, `card ${i} fits the height: ${JSON.stringify(c)}`);
    if (i === 0) await page.screenshot(join(SHOTS, 'mobile-card.png'));
    await page.tap('.ex-question');
    await page.waitFor('.ex-card', { state: 'detached' });
  }
  await page.close();
});

test('dark mode follows prefers-color-scheme', async () => {
  const light = await open({ colorScheme: 'light' });
  const dark = await open({ colorScheme: 'dark' });
  const background = (page) => page.evalOn('.ex-root', (e) => getComputedStyle(e).backgroundColor);
  assert.equal(await background(light), 'rgb(255, 255, 255)');
  assert.equal(await background(dark), 'rgb(23, 25, 29)');
  await light.close();
  await dark.close();
});

test('screenshots: light and dark, wide and 320 px, each with a card open', async (t) => {
  for (const colorScheme of ['light', 'dark']) {
    for (const [size, viewport] of [['wide', { width: 900, height: 760 }], ['320', { width: 320, height: 640 }]]) {
      const page = await open({ colorScheme, viewport });
      if (colorScheme === 'light') noteFramedViewport(t, page);
      await page.focus(marker4);
      await boxes(page, marker4);
      const file = join(SHOTS, `card-${colorScheme}-${size}.png`);
      await page.screenshot(file);
      await page.close();
    }
  }
});

test('screenshots in Spanish and in Arabic: wide and 320 px, expanded, each with a card open on screen', async () => {
  for (const tag of ['es', 'ar']) {
    for (const [size, viewport] of [['wide', { width: 900, height: 760 }], ['320', { width: 320, height: 640 }]]) {
      const page = await open({ viewport }, `example-${tag}.html`);
      await page.click('.ex-toggle-all');
      await page.waitFor({ sel: '.ex-reasoning .ex-panel', nth: -1 });
      await page.mouseMove(0, 0);
      const marker = { sel: '.ex-verdict .ex-marker', nth: 0 };
      await page.focus(marker);
      const { card } = await boxes(page, marker);
      assert.ok(card.x >= 0 && card.x + card.width <= viewport.width, `${tag} ${size}: the card is on screen, ${card.x}–${card.x + card.width}`);
      assert.deepEqual(await trouble(page), { errors: [], foreign: [] });
      await page.screenshot(join(SHOTS, `card-${tag}-${size}.png`));
      await page.close();
    }
  }
});

test('find in page reaches the text of a closed section, opens it, and the section can close again', async () => {
  const panel = '#explainer-panel-amazon';
  const button = '#explainer-button-amazon';
  const words = 'Investigative Case Management';
  const closed = await open();
  assert.equal(await closed.attr(panel, 'hidden'), 'until-found', 'a closed panel stays findable');
  assert.equal((await closed.box(panel)).height, 0, 'and takes no room');
  assert.ok((await closed.textContent(panel)).includes(words), 'the words are in the closed panel');
  let page = closed;
  if (ENGINE === 'firefox') {
    // Firefox's window.find is its find in page: it reveals the match as Ctrl+F does.
    assert.ok(await page.eval((w) => window.find(w), words), 'find in page finds the words');
  } else {
    // Chromium's and WebKit's window.find match text without revealing it, and a test cannot
    // open their find bar; their own search that does reveal is a text fragment's
    // (#:~:text=…), which runs the same reveal (beforematch, then the attribute removed).
    await closed.close();
    page = await open({}, `#:~:text=${encodeURIComponent(words)}`);
  }
  await page.waitFor(panel);
  await page.untilInPage('the section says it is open', (b) => queryAll({ sel: b })[0].getAttribute('aria-expanded') === 'true', button);
  await page.untilInPage('the match is in view', (p) => {
    const box = queryAll({ sel: p })[0].getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  }, panel);
  await page.click(button);
  await page.waitFor(panel, { state: 'hidden' });
  assert.equal(await page.attr(panel, 'hidden'), 'until-found', 'closed again, and findable again');
  await page.close();
});
