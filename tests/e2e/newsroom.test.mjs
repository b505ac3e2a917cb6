// End-to-end: the explainer in a newsroom's stack. The page of its own in the frames newsrooms
// already use: NPR's pym.js (the real library, from npm, as the parent) resizes its frame to
// the explainer as it opens and closes. And the events a newsroom's own analytics counts, in
// every way of embedding: once per reader action, with the documented detail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickInFrame, DIST, fits, frameHeights, harness, librarySnippet, live, loadedFrame, ROOT } from './support/harness.mjs';

const PYM = readFileSync(join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js'), 'utf8');

// Records every explainer event that reaches the document, with its detail, in order.
// A file of the page's own origin, so that a page's strict policy allows it.
const RECORD = `window.__events = [];
for (const name of ['explainer:ready', 'explainer:open', 'explainer:close', 'explainer:share']) {
  document.addEventListener(name, (event) => window.__events.push({ name, target: event.target.localName, ...event.detail }));
}`;
const RECORDING = '<script src="/__record.js"></script>';
const article = (body) => ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,">${RECORDING}</head><body><main><h1>An article</h1>${body}</main></body></html>`];
// The page of its own the build made, recording too.
const ownPage = readFileSync(join(DIST, 'library-hours.html'), 'utf8').replace('<title>', `${RECORDING}<title>`);

const env = harness({
  // Two frames of a page of its own as WordPress makes them, one with WordPress's secret after
  // `#?secret=`, one with something else there; the host records what each posts.
  '/t-secrets.html': ['text/html; charset=utf-8', () => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,"></head><body>
<iframe id="good" src="${env.other.url}/library-hours.html#the-branches#?secret=AbC12xyz9Q"></iframe>
<iframe id="bad" src="${env.other.url}/library-hours.html#?secret=%3Cimg%20src%3Dx%3E"></iframe>
<script>window.__messages = [];
addEventListener('message', (event) => {
  const from = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === event.source)?.id;
  window.__messages.push({ from, data: event.data });
});</script></body></html>`],
  '/__record.js': ['text/javascript; charset=utf-8', RECORD],
  '/t-events-own.html': ['text/html; charset=utf-8', ownPage],
  '/t-events-snippet.html': article(librarySnippet()),
  '/t-events-element.html': article('<evidence-explainer id="library-hours" src="/evidence/library-hours.published.json"></evidence-explainer><script type="module" src="/embed.js"></script>'),
  '/t-events-frame.html': ['text/html; charset=utf-8', () => article(`<iframe data-explainer id="library-hours" title="Fact check: library weekend hours"
src="${env.other.url}/library-hours.html" sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>
<script type="module" src="/embed-frame.js"></script>`)[1]],
  '/__pym.js': ['text/javascript; charset=utf-8', PYM],
  // pym.js's own way: a container, and a pym.Parent that makes the frame in it, here of a page
  // of its own on the widget's host (another origin).
  '/t-pym.html': ['text/html; charset=utf-8', () => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,"></head>
<body><main><h1>An article</h1><p>Before the explainer.</p><div id="explainer-frame"></div><p>After it.</p></main>
<script src="/__pym.js"></script>
<script>window.pymParent = new pym.Parent('explainer-frame', '${env.other.url}/library-hours.html', { title: 'Fact check: library weekend hours' });</script>
</body></html>`],
});

const FRAME = '#explainer-frame iframe';


test('pym.js as the parent sizes the frame to the explainer as its sections open and close', async () => {
  const tab = await env.browser.open(`${env.server.url}/t-pym.html`);
  const frame = await loadedFrame(tab, FRAME);
  await live(frame);
  assert.match(await frame.eval(() => location.search), /childId=explainer-frame/, 'pym.js gave the frame its id');
  await tab.until(async () => fits(await frameHeights(tab, FRAME)), 'the frame fits the explainer');
  let before = (await frameHeights(tab, FRAME)).outer;
  assert.ok(before > 300, `a frame as tall as the explainer, not pym's default (${before})`);
  for (const step of ['Expand all sections', 'Collapse all sections']) {
    await clickInFrame(tab, FRAME, frame, { sel: 'button', text: step });
    await tab.until(async () => {
      const h = await frameHeights(tab, FRAME);
      return fits(h) && h.outer !== before;
    }, `the frame fits after "${step}"`);
    before = (await frameHeights(tab, FRAME)).outer;
  }
  await tab.close();
});

/** How each way of embedding is opened, and where its explainer's elements are. */
const MODES = {
  'prerendered snippet': { path: '/t-events-snippet.html', scope: '#library-hours >> ', target: 'evidence-explainer', instance: 'library-hours' },
  'script embed with no prerender': { path: '/t-events-element.html', scope: '#library-hours >> ', target: 'evidence-explainer', instance: 'library-hours' },
  'page of its own': { path: '/t-events-own.html', scope: '', target: 'evidence-explainer', instance: 'explainer' },
  'iframe embed (embed-frame.js)': { path: '/t-events-frame.html', frame: '#library-hours', target: 'iframe', instance: 'explainer' },
};

for (const [name, mode] of Object.entries(MODES)) {
  test(`events, ${name}: one for each reader action, with the documented detail`, async () => {
    const tab = await env.browser.open(`${env.server.url}${mode.path}`);
    const inside = mode.frame ? await loadedFrame(tab, mode.frame) : tab;
    const W = mode.scope ?? '';
    await live(inside, W);
    const events = () => tab.eval(() => window.__events);
    const { instance, target } = mode;
    const expected = [{ name: 'explainer:ready', target, instance }];
    await tab.until(async () => (await events()).length >= 1, 'the widget says it is ready');
    const act = async (what, ...more) => {
      await what();
      expected.push(...more.map((e) => ({ target, instance, ...e })));
      await tab.until(async () => (await events()).length >= expected.length, `${expected.length} events`);
    };
    const click = (sel) => () => (mode.frame ? clickInFrame(tab, mode.frame, inside, `${W}${sel}`) : inside.click(`${W}${sel}`));
    const button = `#${instance}-button-the-branches`;
    await act(click(button), { name: 'explainer:open', part: 'the-branches', kind: 'section' });
    await act(click(button), { name: 'explainer:close', part: 'the-branches', kind: 'section' });
    await act(click(`#${instance}-limits-button`), { name: 'explainer:open', part: 'limits', kind: 'limits' });
    await act(() => inside.focus(`${W}#${instance}-verdict-1-c1`), { name: 'explainer:open', part: 'source-1', kind: 'card' });
    await act(() => inside.press('Escape'), { name: 'explainer:close', part: 'source-1', kind: 'card' });
    // "Copy link" of the whole explainer: how it ends depends on the engine's share sheet and
    // clipboard here, so the outcome is checked to be one of the four, then set aside.
    await act(click('.ex-header .ex-share-button'), { name: 'explainer:share', part: '', kind: 'explainer' });
    await act(click(`#${instance}-changes-button`), { name: 'explainer:open', part: 'changes', kind: 'changes' });
    // Exactly one event for each action, in order: one twice would come before the last.
    const seen = await events();
    const shared = seen.find((e) => e.name === 'explainer:share');
    assert.ok(['shared', 'copied', 'cancelled', 'manual'].includes(shared?.outcome), `an outcome: ${shared?.outcome}`);
    delete shared.outcome;
    assert.deepEqual(seen, expected);
    await tab.close();
  });
}

test("WordPress's height message goes with WordPress's secret only, and a deep link beside it still opens its section", async () => {
  const tab = await env.browser.open(`${env.server.url}/t-secrets.html`);
  const messages = () => tab.eval(() => window.__messages);
  const heights = (from) => messages().then((all) => all.filter((m) => m.from === from && m.data?.type === 'explainer:height'));
  await tab.until(async () => (await heights('good')).length > 0 && (await heights('bad')).length > 0, 'both frames say their height');
  const good = await loadedFrame(tab, '#good');
  await live(good);
  await good.waitFor('#explainer-panel-the-branches');
  await tab.until(async () => (await messages()).some((m) => m.from === 'good' && m.data?.secret === 'AbC12xyz9Q' && m.data.message === 'height' && Number.isInteger(m.data.value)),
    "WordPress's height message, with its secret");
  const bad = (await messages()).filter((m) => m.from === 'bad' && (m.data?.secret !== undefined || m.data?.message !== undefined));
  assert.deepEqual(bad, [], "no WordPress message from the frame whose secret is not WordPress's");
  assert.ok(!JSON.stringify(await messages()).includes('img'), 'the address never echoed');
  await tab.close();
});
