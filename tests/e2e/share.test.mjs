// End-to-end: "Copy link". The explainer, each section and each source can be shared: on a page
// of its own with the page's address and a deep link; in a script embed or an iframe with the
// article's address and a fragment that opens that part when the article loads. The browser's
// share sheet where there is one, the clipboard otherwise, and the address to copy by hand when
// both refuse; each says what happened in a status line that screen readers announce.
//
// The browser's own share sheet and clipboard are replaced in the page by recorders, so the test
// reads exactly what the widget handed them; then it opens that address as a reader would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { built, clickInFrame, harness, live } from './support/harness.mjs';

const env = harness({
  '/t-share-embed.html': ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,"><script type="module" src="embed.js"></script></head>
<body><main><h1>An article</h1><p style="height: 150vh">Before the explainer.</p>
<evidence-explainer id="hours" src="evidence/library-hours.published.json"></evidence-explainer>
<evidence-explainer src="evidence/library-hours.published.json"></evidence-explainer></main></body></html>`],
  // The iframe embed as docs/embedding.md recommends it, the widget on its own origin.
  '/t-share-frame.html': ['text/html; charset=utf-8', () => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,"><script type="module" src="embed-frame.js"></script></head>
<body><main><h1>An article</h1><p style="height: 150vh">Before the explainer.</p>
<iframe data-explainer id="hours" title="Fact check: library weekend hours" style="width: 100%; border: 0"
allow="clipboard-write; web-share" src="${env.other.url}/library-hours.html"
sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe></main></body></html>`],
});

const open = (path) => env.browser.open(`${env.server.url}${path}`);

/** Replaces the share sheet and the clipboard in `tab`'s page with recorders: `share` true
 * gives the page a share sheet, `clipboard` false makes the clipboard refuse. */
function record(tab, { share = false, clipboard = true } = {}) {
  return tab.eval((share, clipboard) => {
    window.__shared = [];
    window.__copied = [];
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: share ? (data) => { window.__shared.push({ title: data.title, url: data.url }); return Promise.resolve(); } : undefined,
    });
    const writeText = clipboard
      ? (text) => { window.__copied.push(text); return Promise.resolve(); }
      : () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    return true;
  }, share, clipboard);
}

const copied = (tab) => tab.eval(() => window.__copied);

/** Presses the "Copy link" button whose accessible name ends with `name`, under `scope`, and
 * waits for its status line to say `status`. */
async function copyLink(tab, scope, name, status) {
  const button = { sel: `${scope}.ex-share-button`, text: new RegExp(`^Copy link${name}$`) };
  await tab.click(button);
  await tab.until(async () => (await tab.evalOn(button, (b) => b.nextElementSibling.textContent)) === status, `the status says "${status}"`);
}

test('on a page of its own, the links are the page\'s address with the deep link, and open that part', async () => {
  const tab = await open('/library-hours.html');
  await live(tab);
  await record(tab);
  const page = `${env.server.url}/library-hours.html`;
  await copyLink(tab, '', ' to this fact check', 'Link copied');
  await tab.click('#explainer-button-the-branches');
  await copyLink(tab, '', ' to section 2: The branches — unchanged, for now', 'Link copied');
  await copyLink(tab, '', ' to source 2', 'Link copied');
  assert.deepEqual(await copied(tab), [page, `${page}#the-branches`, `${page}#source-2`]);
  // The status line is a live region, so screen readers hear it too.
  assert.equal(await tab.attr({ sel: '.ex-share-status', nth: 0 }, 'role'), 'status');
  await tab.close();
  // Opened as a reader would: the section is open and has focus.
  const reader = await open('/library-hours.html#the-branches');
  await live(reader);
  await reader.untilInPage('the section has focus', () => activeElement()?.id === 'explainer-button-the-branches');
  assert.equal(await reader.attr('#explainer-button-the-branches', 'aria-expanded'), 'true');
  await reader.close();
});

test('where the browser has a share sheet, the link goes to it, with the part named', async () => {
  const tab = await open('/library-hours.html');
  await live(tab);
  await record(tab, { share: true });
  await copyLink(tab, '', ' to source 1', 'Link shared');
  assert.deepEqual(await tab.eval(() => window.__shared), [{
    title: 'Did the city library cut its weekend opening hours in 2026?: Source 1',
    url: `${env.server.url}/library-hours.html#source-1`,
  }]);
  assert.deepEqual(await copied(tab), [], 'not also copied');
  await tab.close();
});

test('when the clipboard refuses, the address shows for the reader to copy by hand', async () => {
  const tab = await open('/library-hours.html');
  await live(tab);
  await record(tab, { clipboard: false });
  const address = `${env.server.url}/library-hours.html#source-2`;
  await copyLink(tab, '', ' to source 2', `Copy this link: ${address}`);
  assert.equal(await tab.text({ sel: '.ex-share-address' }), address);
  await tab.close();
});

test('in a script embed, the links are the article\'s address with the widget\'s name, and open that part in the article', async () => {
  const tab = await open('/t-share-embed.html');
  await live(tab, '#hours >> ');
  await record(tab);
  const article = `${env.server.url}/t-share-embed.html`;
  await tab.click('#hours >> #hours-button-the-branches');
  await copyLink(tab, '#hours >> ', ' to section 2: The branches — unchanged, for now', 'Link copied');
  await copyLink(tab, '#hours >> ', ' to source 2', 'Link copied');
  await copyLink(tab, '#hours >> ', ' to this fact check', 'Link copied');
  // The second widget has no id: it is named by its place on the page.
  await live(tab, 'evidence-explainer:not([id]) >> ');
  await copyLink(tab, 'evidence-explainer:not([id]) >> ', ' to source 1', 'Link copied');
  assert.deepEqual(await copied(tab), [
    `${article}#hours/the-branches`, `${article}#hours/source-2`, `${article}#hours`, `${article}#explainer-2/source-1`,
  ]);
  await tab.close();
  // Opened as a reader would: that widget opens the section and moves focus to it, and the
  // other widget on the page is left alone.
  const reader = await open('/t-share-embed.html#hours/the-branches');
  await live(reader, '#hours >> ');
  await reader.untilInPage('the section has focus', () => activeElement()?.id === 'hours-button-the-branches');
  assert.equal(await reader.attr('#hours >> #hours-button-the-branches', 'aria-expanded'), 'true');
  await live(reader, 'evidence-explainer:not([id]) >> ');
  assert.equal(await reader.count('evidence-explainer:not([id]) >> button[aria-expanded="true"]'), 0);
  // A link to the unnamed widget's source goes there.
  await reader.eval(() => { location.hash = '#explainer-2/source-1'; });
  await reader.untilInPage('the source has focus', () => activeElement()?.id === 'explainer-2-source-1');
  await reader.close();
});

test('in an iframe, the links are the article\'s address with the frame\'s name, and open that part in the frame', async () => {
  const tab = await open('/t-share-frame.html');
  // Chrome does not lay out an off-screen cross-origin frame; a reader scrolls to it first.
  await tab.evalOn('#hours', (e) => e.scrollIntoView());
  const frame = await tab.frame('#hours');
  await live(frame);
  // The article has told the frame where it is once the frame reports its height.
  await tab.until(async () => (await tab.box('#hours')).height > 300, 'the frame has its height');
  await record(frame);
  await clickInFrame(tab, '#hours', frame, '#explainer-button-the-branches');
  const article = `${env.server.url}/t-share-frame.html`;
  await clickInFrame(tab, '#hours', frame, { sel: '.ex-share-button', text: /^Copy link to section 2/ });
  await frame.until(async () => (await copied(frame)).length === 1, 'the link is copied');
  assert.deepEqual(await copied(frame), [`${article}#hours/the-branches`], 'the link names the article and the frame');
  await tab.close();
  // Opened as a reader would: the article scrolls to the frame, which opens the section.
  const reader = await open('/t-share-frame.html#hours/the-branches');
  const inner = await reader.frame('#hours');
  await live(inner);
  await inner.until(async () => (await inner.attr('#explainer-button-the-branches', 'aria-expanded')) === 'true', 'the section opens');
  await reader.until(async () => {
    const box = await reader.box('#hours');
    return box.y < (await reader.eval(() => innerHeight)) && box.y + box.height > 0;
  }, 'the frame is scrolled into view');
  await reader.close();
});

test('"Copy link" works as soon as embed.js runs, before the wasm arrives', async () => {
  const release = env.server.hold(built('explainer-widget_bg.wasm'));
  const tab = await open('/library-hours.html');
  try {
    await tab.waitFor('.ex-prerendered .ex-share-button');
    await tab.until(() => tab.eval(() => document.querySelector('evidence-explainer').explainerStarted === true), 'embed.js has run');
    await record(tab);
    await copyLink(tab, '.ex-prerendered ', ' to source 2', 'Link copied');
    assert.deepEqual(await copied(tab), [`${env.server.url}/library-hours.html#source-2`]);
    assert.equal(await tab.count('.ex-prerendered'), 1, 'still the rendered page: the wasm is held back');
  } finally {
    release();
  }
  await live(tab);
  await tab.close();
});
