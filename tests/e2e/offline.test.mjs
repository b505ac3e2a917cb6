// End-to-end: dist/offline.html opened from disk with no network at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, FIRST_SEEN, harness, live, scriptlessOffline } from './support/harness.mjs';

const env = harness();

test('offline.html renders from file:// with no network request, and its cards work', async () => {
  const file = join(DIST, 'offline.html');
  assert.ok(statSync(file).size > 0, 'the build wrote offline.html');
  const url = pathToFileURL(file).href;
  const page = await env.browser.open(url);
  await page.waitFor({ sel: 'h1', text: 'Did Microsoft or Amazon end contracts with ICE and when?' });
  await live(page);
  assert.equal(await page.title(), 'Did Microsoft or Amazon end contracts with ICE and when?');

  await page.hover({ sel: '.ex-verdict .ex-marker', text: '[4]' });
  await page.waitFor('.ex-card');
  assert.match(await page.text('.ex-card'), /Amazon Employees Continue to Urge Company to Cut Ties With ICE/);
  await page.press('Escape');
  await page.waitFor('.ex-card', { state: 'detached' });

  await page.focus('.ex-verdict .ex-marker');
  await page.waitFor('.ex-card');
  await page.click({ sel: 'button', text: /What Amazon did/ });
  await page.waitFor('#explainer-panel-amazon');

  // Any request to a web address, in any engine, would reach the network or the test server.
  assert.deepEqual(page.requests().filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], 'nothing but the file itself');
  assert.deepEqual(env.server.log, [], 'nothing reached the test server');
  assert.deepEqual((await page.probe()).errors, []);
  await page.close();
});

test('offline.html shows the whole explainer without its script, laid out as the widget lays it out', async () => {
  const file = scriptlessOffline();
  const bare = await env.browser.open(pathToFileURL(file).href);
  await bare.waitFor('.ex-question');
  assert.equal(await bare.count('.ex-prerendered'), 1, 'what shows is the prerendered explainer');
  assert.equal(await bare.count('.ex-section'), 7);
  assert.equal(await bare.count('.ex-source'), 10);
  assert.equal(await bare.attr('#explainer-panel-amazon', 'hidden'), 'until-found', 'closed sections stay findable');
  assert.match(await bare.evalOn('.ex-question', (e) => getComputedStyle(e).fontFamily), /^system-ui/, 'styled');
  const before = await bare.boxes(FIRST_SEEN);
  await bare.close();

  const live = await env.browser.open(pathToFileURL(join(DIST, 'offline.html')).href);
  await live.waitFor('.ex-prerendered', { state: 'detached' });
  await live.waitFor('.ex-toggle-all');
  assert.deepEqual(await live.boxes(FIRST_SEEN), before, 'the widget takes over without moving anything');
  assert.deepEqual((await live.probe()).warnings, [], 'the stamp matched');
  await live.close();
});

test('offline.html tells its page what the reader opens and closes, as every embedding does', async () => {
  const page = await env.browser.open(pathToFileURL(join(DIST, 'offline.html')).href);
  await live(page);
  // Listening from here on (the file's own page has no listener of its own): no `ready`, which
  // came before; tests/e2e/newsroom.test.mjs holds it in the other modes.
  await page.eval(() => {
    window.__events = [];
    for (const name of ['explainer:open', 'explainer:close']) {
      document.addEventListener(name, (event) => window.__events.push({ name, ...event.detail }));
    }
    return true;
  });
  await page.click('#explainer-button-amazon');
  await page.click('#explainer-button-amazon');
  await page.untilInPage('two events', () => window.__events.length >= 2);
  assert.deepEqual(await page.eval(() => window.__events), [
    { name: 'explainer:open', instance: 'explainer', part: 'amazon', kind: 'section' },
    { name: 'explainer:close', instance: 'explainer', part: 'amazon', kind: 'section' },
  ]);
  await page.close();
});
