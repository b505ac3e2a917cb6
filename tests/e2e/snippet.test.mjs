// End-to-end: the script embed `explainer snippet` prints, which carries the explainer already
// rendered in a declarative shadow root: complete before (and without) any script, and taken
// over by embed.js with nothing moving and what the reader did kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIRST_SEEN, harness, librarySnippet } from './support.mjs';

const snippet = librarySnippet();
const article = (body) => ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/demo.css"></head>
<body><main><h1>An article</h1><p>Before the explainer.</p>${body}<p>After the explainer.</p></main></body></html>`];
const stale = snippet.replace(/data-stamp="[^"]*"/, 'data-stamp="0000000000000000-0.0.0"');
assert.notEqual(stale, snippet, 'the snippet carries a stamp');

const env = harness({ '/t-snippet.html': article(snippet), '/t-stale.html': article(stale) });
const W = '#library-hours >> ';
const WASM = '/explainer-widget_bg.wasm';

/** Where what a reader sees first of the explainer is, and the paragraph after it. */
const layout = (tab) => tab.boxes([...FIRST_SEEN.map((sel) => `${W}${sel}`), 'main > p']);

test('without script, the snippet shows the whole explainer, styled and fenced off from the page', async () => {
  env.server.refuse('/embed.js');
  try {
    const tab = await env.browser.open(`${env.server.url}/t-snippet.html`);
    await tab.waitFor(`${W}.ex-question`);
    assert.equal(await tab.text(`${W}.ex-question`), 'Did the city library cut its weekend opening hours in 2026?');
    assert.match(await tab.text(`${W}.ex-verdict-label`), /\S/);
    assert.equal(await tab.count(`${W}.ex-section`), 3);
    assert.equal(await tab.count(`${W}.ex-source`), 2);
    assert.ok((await tab.count(`${W}.ex-src-place`)) > 0, 'sources link back to where they are cited');
    // Closed sections keep their text, for find in page to reach and open.
    assert.equal(await tab.attr(`${W}#library-hours-panel-the-branches`, 'hidden'), 'until-found');
    assert.ok((await tab.textContent(`${W}#library-hours-panel-the-branches`)).length > 40);
    // The widget's stylesheet applies inside, the article's does not.
    assert.match(await tab.evalOn(`${W}.ex-question`, (e) => getComputedStyle(e).fontFamily), /^system-ui/);
    assert.equal(await tab.evalOn(`${W}.ex-question`, (e) => getComputedStyle(e).backgroundColor), 'rgba(0, 0, 0, 0)');
    assert.equal(await tab.count(`${W}.ex-card`), 0);
    assert.equal(await tab.eval(() => document.querySelector('evidence-explainer').explainerStarted === true), false, 'no script of the widget ran');
    await tab.close();
  } finally {
    env.server.allow('/embed.js');
  }
});

/** Opens `path` with the widget's wasm held back, does what a reader might before it comes
 * (opens the second section as find in page would, focuses the third section's button), then
 * lets it come and waits until the widget has taken over. */
async function readerFirst(path) {
  const release = env.server.hold(WASM);
  const tab = await env.browser.open(`${env.server.url}${path}`);
  try {
    await tab.waitFor(`${W}.ex-question`);
    await tab.evalOn(`${W}#library-hours-panel-the-branches`, (panel) => panel.removeAttribute('hidden'));
    await tab.waitFor(`${W}#library-hours-panel-the-branches`);
    await tab.focus(`${W}#library-hours-button-bottom-line`);
    const before = { layout: await layout(tab), scroll: await tab.eval(() => scrollY) };
    // Shifts from here on are the handover's: the host page's own, while it loads (a scrollbar
    // appearing, say), are not.
    await tab.eval(() => {
      window.__cls = 0;
      if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__cls += entry.value;
      }).observe({ type: 'layout-shift' });
    });
    release();
    await tab.waitFor(`${W}.ex-prerendered`, { state: 'detached' });
    await tab.waitFor(`${W}.ex-toggle-all`);
    return { tab, before };
  } catch (error) {
    release();
    throw error;
  }
}

test('embed.js takes the snippet over: nothing moves, and what the reader opened and focused stays', async () => {
  const { tab, before } = await readerFirst('/t-snippet.html');
  await tab.untilInPage('the widget knows the section is open',
    (w) => queryAll({ sel: `${w}#library-hours-button-the-branches` })[0]?.getAttribute('aria-expanded') === 'true', W);
  assert.ok(await tab.isVisible(`${W}#library-hours-panel-the-branches`), 'the opened section is still open');
  assert.equal(await tab.eval(() => activeElement()?.id), 'library-hours-button-bottom-line', 'focus stayed');
  assert.deepEqual(await layout(tab), before.layout, 'every box is where it was');
  assert.equal(await tab.eval(() => scrollY), before.scroll, 'the page did not scroll');
  // Shifts are reported after the frame that made them: the next two frames are waited for.
  await tab.eval(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal(await tab.eval(() => window.__cls), 0, 'no layout shift in the handover (where the engine reports them)');
  assert.equal(await tab.count(`${W}.ex-root`), 1, 'one explainer, not two');
  // It is the widget now: the section closes from its button.
  await tab.click(`${W}#library-hours-button-the-branches`);
  await tab.waitFor(`${W}#library-hours-panel-the-branches`, { state: 'hidden' });
  const probe = await tab.probe();
  assert.deepEqual([probe.errors, probe.warnings], [[], []]);
  await tab.close();
});

test('a snippet made from another file or version is rendered afresh, once, with one warning', async () => {
  const { tab } = await readerFirst('/t-stale.html');
  assert.equal(await tab.count(`${W}.ex-root`), 1, 'one explainer, not two');
  assert.equal(await tab.attr(`${W}#library-hours-button-the-branches`, 'aria-expanded'), 'false', 'nothing carried over');
  const probe = await tab.probe();
  assert.deepEqual(probe.errors, []);
  assert.equal(probe.warnings.length, 1, probe.warnings.join('\n'));
  assert.match(probe.warnings[0], /rendered afresh/);
  await tab.close();
});
