// End-to-end accessibility: axe-core (from npm, injected into the page) in every state the
// widget has, a keyboard-only walkthrough, WCAG 2.2 success criterion 1.4.13 (content on hover
// or focus) for the source card, reflow at 320 px and 400 % zoom, and reduced motion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { harness } from './support.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const pages = {
  '/broken.json': ['application/json', '{ "version": 1, "form": "published", "question": 5 }'],
};

const env = harness(pages);

/** The stand-alone page in a fresh context. axe is injected as a script, which the page's own
 * strict policy would rightly refuse, so these contexts bypass it (csp.test.mjs covers it). */
async function open(query = '', options = {}) {
  const context = await env.browser.newContext({ bypassCSP: true, ...options });
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.goto(`${env.server.url}/index.html${query}`);
  await tab.locator('.ex-root').first().waitFor();
  return { context, tab, errors };
}

/** axe's violations on the whole page, shadow roots included, as readable lines. */
async function violations(tab) {
  await tab.addScriptTag({ path: AXE });
  const results = await tab.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  assert.ok(results.passes.length > 10, 'axe ran its checks');
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary}`));
}

const card = (tab) => tab.locator('.ex-card');

const states = {
  'default': async () => {},
  'every section expanded': async (tab) => {
    await tab.getByRole('button', { name: 'Expand all' }).click();
    await tab.locator('.ex-reasoning .ex-panel').last().waitFor({ state: 'visible' });
  },
  'card open by hover': async (tab) => {
    await tab.locator('.ex-verdict .ex-marker').first().hover();
    await card(tab).waitFor({ state: 'visible' });
  },
  'card open by keyboard': async (tab) => {
    await tab.locator('.ex-verdict .ex-marker').first().focus();
    await card(tab).waitFor({ state: 'visible' });
  },
  'reporting limits open': async (tab) => {
    await tab.locator('.ex-limits button[aria-expanded]').first().click();
    await tab.locator('.ex-limit-list').waitFor({ state: 'visible' });
  },
};

for (const [name, reach] of Object.entries(states)) {
  for (const scheme of ['light', 'dark']) {
    test(`axe: no violations, ${name}, ${scheme} mode`, async () => {
      const { context, tab, errors } = await open('', { colorScheme: scheme });
      await reach(tab);
      assert.deepEqual(await violations(tab), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

test('axe: no violations in the error panel, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const { context, tab } = await open('?src=broken.json', { colorScheme: scheme });
    await tab.getByRole('alert').waitFor();
    assert.deepEqual(await violations(tab), [], scheme);
    await context.close();
  }
});

// 320 CSS px is both a small phone and a 1280 px wide window at 400 % zoom (WCAG 1.4.10).
const narrow = {
  '320 px wide': { viewport: { width: 320, height: 640 } },
  '400 % zoom': { viewport: { width: 320, height: 256 }, deviceScaleFactor: 4 },
};
for (const [name, options] of Object.entries(narrow)) {
  test(`axe and reflow: ${name}, expanded and with a card open, nothing scrolls sideways`, async () => {
    const { context, tab } = await open('', options);
    await states['every section expanded'](tab);
    await tab.locator('.ex-verdict .ex-marker').first().focus();
    await card(tab).waitFor({ state: 'visible' });
    assert.deepEqual(await violations(tab), []);
    const widths = await tab.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.ok(widths[0] <= widths[1], `page ${widths[0]} px wide in a ${widths[1]} px window`);
    const box = await card(tab).boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 320, `card from ${box.x} to ${box.x + box.width}`);
    await context.close();
  });
}

test('axe: no violations in two script embeds inside an article, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const context = await env.browser.newContext({ bypassCSP: true, colorScheme: scheme });
    const tab = await context.newPage();
    await tab.goto(`${env.server.url}/demo.html`);
    await tab.locator('#ice .ex-question').waitFor();
    await tab.locator('#library .ex-question').waitFor();
    await tab.addScriptTag({ path: AXE });
    const found = await tab.evaluate(() => window.axe.run({ include: [['#ice'], ['#library']] }));
    assert.deepEqual(found.violations.map((v) => v.id), [], scheme);
    await context.close();
  }
});

test('axe sees into the widget: a fault planted in its shadow root is reported', async () => {
  const { context, tab } = await open();
  await tab.evaluate(() => {
    const root = document.querySelector('evidence-explainer').shadowRoot.querySelector('.ex-root');
    root.append(document.createElement('button'));
  });
  assert.ok((await violations(tab)).some((v) => v.startsWith('button-name')), 'an unnamed button is caught');
  await context.close();
});

/** The focused element, looking into shadow roots. */
function focused(tab) {
  return tab.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const root = el.getRootNode().querySelector?.('.ex-root');
    const stops = root ? [...root.querySelectorAll('a[href], button')].filter((e) => !e.closest('.ex-card')) : [];
    return {
      stop: stops.indexOf(el),
      tag: el.localName,
      className: typeof el.className === 'string' ? el.className : '',
      text: el.textContent.trim(),
      id: el.id,
      href: el.getAttribute('href'),
      expanded: el.getAttribute('aria-expanded'),
      inWidget: Boolean(root),
      scrolls: el.scrollHeight > el.clientHeight,
    };
  });
}

/** Every control a keyboard should reach, in document order: links and buttons that show,
 * apart from the card's (a preview, reached in full through the marker's own link). */
function stops(tab) {
  return tab.evaluate(() => {
    const root = document.querySelector('evidence-explainer').shadowRoot.querySelector('.ex-root');
    return [...root.querySelectorAll('a[href], button')]
      .filter((e) => !e.closest('.ex-card'))
      .map((e, i) => (e.checkVisibility() ? i : -1))
      .filter((i) => i >= 0);
  });
}

/** Presses Tab until `wanted` holds for the focused element; fails after `limit` presses. */
async function tabTo(tab, wanted, limit = 300) {
  for (let i = 0; i < limit; i += 1) {
    await tab.keyboard.press('Tab');
    const now = await focused(tab);
    if (wanted(now)) return now;
  }
  throw new Error('never reached by Tab');
}

/** Moves the point Tab starts from to the top of the page, as a click on empty page does. */
async function fromTop(tab) {
  await tab.mouse.click(1, 1);
  assert.equal((await focused(tab)).stop, -1, 'nothing focused');
}

/** The stops Tab visits from the top of the page until focus leaves the widget. */
async function walk(tab) {
  await fromTop(tab);
  const visited = [];
  for (let i = 0; i < 400; i += 1) {
    await tab.keyboard.press('Tab');
    const now = await focused(tab);
    if (!now.inWidget) {
      if (visited.length) break;
      continue;
    }
    if (now.className.includes('ex-card')) {
      // A card too tall for the window scrolls, and a scroller is a stop so the keyboard can
      // scroll it; it comes right after its marker. A card that fits is never one.
      assert.ok(now.scrolls, 'only a scrolling card takes focus');
      continue;
    }
    visited.push(now.stop);
  }
  return visited;
}

test('keyboard only: Tab reaches every control once, in reading order, collapsed and expanded', async () => {
  const { context, tab } = await open();
  assert.deepEqual(await walk(tab), await stops(tab), 'collapsed');
  const toggle = await tabTo(tab, (f) => f.text === 'Expand all sections');
  assert.equal(toggle.tag, 'button');
  await tab.keyboard.press('Enter');
  await tab.locator('.ex-reasoning .ex-panel').last().waitFor({ state: 'visible' });
  const expanded = await stops(tab);
  assert.ok(expanded.length > 40, `${expanded.length} stops with every section open`);
  assert.deepEqual(await walk(tab), expanded, 'expanded');
  await context.close();
});

test('keyboard only: every control works from the keyboard', async () => {
  const { context, tab } = await open();
  const card = tab.locator('.ex-card');

  // A marker: focus shows its card, Escape hides it and keeps focus, Enter goes to the source.
  const marker = await tabTo(tab, (f) => f.className.includes('ex-marker') && f.text === '[4]');
  await card.waitFor({ state: 'visible' });
  assert.match(await card.innerText(), /Amazon Employees Continue to Urge Company to Cut Ties With ICE/);
  await tab.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  assert.equal((await focused(tab)).stop, marker.stop, 'Escape leaves focus on the marker');
  await tab.keyboard.press('Enter');
  await tab.waitForFunction(() => {
    const el = document.querySelector('evidence-explainer').shadowRoot.activeElement;
    return el?.closest('.ex-source')?.id === 'explainer-source-4';
  });

  // From the source, a back-link returns to the citing sentence.
  const back = await tabTo(tab, (f) => f.className.includes('ex-src-place'));
  assert.match(back.href, /^#explainer-/);
  await tab.keyboard.press('Enter');
  await tab.waitForFunction((id) => {
    return document.querySelector('evidence-explainer').shadowRoot.activeElement?.id === id;
  }, back.href.slice(1));

  // Expand all and collapse all, with Enter and then Space.
  await fromTop(tab);
  await tabTo(tab, (f) => f.text === 'Expand all sections');
  await tab.keyboard.press('Enter');
  await tab.locator('.ex-reasoning .ex-panel').last().waitFor({ state: 'visible' });
  assert.equal((await focused(tab)).text, 'Collapse all sections');
  await tab.keyboard.press(' ');
  await tab.locator('.ex-reasoning .ex-panel').first().waitFor({ state: 'hidden' });

  // One section, opened with Space and closed with Enter.
  const section = await tabTo(tab, (f) => f.className.includes('ex-disclosure') && f.expanded === 'false' && !f.className.includes('limits'));
  await tab.keyboard.press(' ');
  assert.equal((await focused(tab)).expanded, 'true');
  await tab.locator('.ex-reasoning .ex-panel').first().waitFor({ state: 'visible' });
  await tab.keyboard.press('Enter');
  assert.equal((await focused(tab)).expanded, 'false');
  assert.equal((await focused(tab)).stop, section.stop);

  // The verdict's link to the reporting limits opens them and moves focus there.
  await fromTop(tab);
  await tabTo(tab, (f) => f.tag === 'a' && f.text === 'What this evidence cannot show');
  await tab.keyboard.press('Enter');
  await tab.locator('.ex-limit-list').waitFor({ state: 'visible' });
  const limits = await focused(tab);
  assert.equal(limits.expanded, 'true');
  assert.match(limits.className, /ex-limits-button/);
  await context.close();
});

/** The stand-alone page with a fake clock, so time can pass without waiting for it. */
async function timed() {
  const context = await env.browser.newContext({ bypassCSP: true });
  await context.clock.install();
  const tab = await context.newPage();
  await tab.goto(`${env.server.url}/index.html`);
  await tab.locator('.ex-question').waitFor();
  return { context, tab };
}

const center = (box) => [box.x + box.width / 2, box.y + box.height / 2];
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('WCAG 1.4.13: the card is hoverable, persistent and dismissible, and never covers its marker', async () => {
  const { context, tab } = await timed();
  const marker = tab.locator('.ex-verdict .ex-marker').first();
  const card = tab.locator('.ex-card');

  // Persistent: while the pointer rests on the marker the card stays, however long it is.
  await marker.hover();
  await tab.clock.runFor(400);
  await card.waitFor({ state: 'visible' });
  assert.ok(!overlap(await card.boundingBox(), await marker.boundingBox()), 'the card leaves its marker visible');
  const before = await tab.evaluate(() => Date.now());
  await tab.clock.runFor(120_000);
  // The page's clock (and so its timers) really moved on: the card outlived two minutes.
  assert.ok((await tab.evaluate(() => Date.now())) - before >= 120_000, 'page time advanced');
  assert.ok(await card.isVisible(), 'still there after two minutes of hovering');

  // Hoverable: the pointer can travel from the marker onto the card, and stay there.
  const [x, y] = center(await card.boundingBox());
  await tab.mouse.move(x, y, { steps: 8 });
  await tab.clock.runFor(120_000);
  assert.ok(await card.isVisible(), 'still there with the pointer on the card');
  const text = await card.innerText();
  assert.ok(text.length > 20, 'its text can be read and selected');

  // Dismissible: Escape hides it without moving the pointer or focus.
  await tab.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  await tab.clock.runFor(5_000);
  assert.equal(await card.count(), 0, 'it does not come back while the pointer stays');

  // Leaving hides it after the grace period, not before.
  await tab.mouse.move(1, 1);
  await marker.hover();
  await tab.clock.runFor(400);
  await card.waitFor({ state: 'visible' });
  await tab.mouse.move(1, 1);
  await tab.clock.runFor(100);
  assert.ok(await card.isVisible(), 'within the grace period');
  await tab.clock.runFor(1_000);
  await card.waitFor({ state: 'detached' });

  // Persistent and dismissible from the keyboard too.
  await marker.focus();
  await card.waitFor({ state: 'visible' });
  await tab.clock.runFor(120_000);
  assert.ok(await card.isVisible(), 'still there while the marker has focus');
  await tab.keyboard.press('Escape');
  await card.waitFor({ state: 'detached' });
  await context.close();
});

test('motion: transitions play normally and stop under prefers-reduced-motion', async () => {
  const durations = {};
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const { context, tab } = await open('', { reducedMotion });
    const chevron = tab.locator('.ex-chevron').first();
    durations[reducedMotion] = await chevron.evaluate((e) => getComputedStyle(e).transitionDuration);
    const animated = await tab.evaluate(() => {
      const root = document.querySelector('evidence-explainer').shadowRoot;
      return [...root.querySelectorAll('*')].filter((e) => {
        const style = getComputedStyle(e);
        const moving = (value) => value.split(',').some((d) => parseFloat(d) > 0);
        return moving(style.transitionDuration) || (style.animationName !== 'none' && moving(style.animationDuration));
      }).length;
    });
    durations[`${reducedMotion} elements`] = animated;
    await context.close();
  }
  assert.equal(durations['no-preference'], '0.15s', 'the chevron turns when motion is welcome');
  assert.ok(durations['no-preference elements'] > 0);
  assert.equal(durations['reduce elements'], 0, 'nothing moves under reduced motion');
});
