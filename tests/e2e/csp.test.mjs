// End-to-end: the widget under a strict Content-Security-Policy with Trusted Types, in the
// stand-alone page, the script embed (with an iframe embed beside it) and the offline file.
// Every violation in every frame is collected and none is allowed; each test also proves the
// policy is really in force, so a page that merely lacks one cannot pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, harness, STRICT_CSP, watchViolations } from './support.mjs';

const html = (name) => readFileSync(join(DIST, name), 'utf8');
const host = (body) => ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">
<title>host</title><link rel="icon" href="data:,"><script type="module" src="embed.js"></script></head><body>${body}</body></html>`];
const pages = {
  // The stand-alone page as built, with the policy also sent as a header, as a host would.
  '/strict.html': ['text/html; charset=utf-8', html('index.html'), { 'content-security-policy': STRICT_CSP }],
  '/host.html': host(`<evidence-explainer></evidence-explainer>
<evidence-explainer src="evidence/library-hours.published.json" theme="dark"></evidence-explainer>`),
};

const env = harness(pages);

async function open(url, options = {}) {
  const context = await env.browser.newContext(options);
  const violations = await watchViolations(context);
  const tab = await context.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(String(error)));
  await tab.goto(url);
  return { context, tab, violations, errors };
}

/** What the policy forbids really is forbidden in the page: markup from strings and inline
 * handlers. Call it after checking for violations, since the blocked handler reports one. */
async function assertEnforced(tab) {
  const outcome = await tab.evaluate(() => {
    const tried = {};
    try {
      document.createElement('div').innerHTML = '<b>x</b>';
      tried.innerHTML = 'allowed';
    } catch {
      tried.innerHTML = 'blocked';
    }
    try {
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.__ran = true');
      document.body.append(button);
      button.click();
      button.remove();
      tried.handler = window.__ran ? 'allowed' : 'blocked';
    } catch {
      tried.handler = 'blocked';
    }
    const style = document.createElement('style');
    style.textContent = 'html { --probe: on }';
    document.head.append(style);
    tried.inlineStyle = getComputedStyle(document.documentElement).getPropertyValue('--probe').trim() ? 'allowed' : 'blocked';
    style.remove();
    return tried;
  });
  assert.deepEqual(outcome, { innerHTML: 'blocked', handler: 'blocked', inlineStyle: 'blocked' });
}

/** Uses the widget: opens a section, a card by hover and by keyboard. */
async function exercise(root) {
  await root.locator('.ex-question').first().waitFor();
  await root.locator('.ex-section-heading button').first().click();
  await root.locator('.ex-panel').first().waitFor({ state: 'visible' });
  await root.locator('.ex-verdict .ex-marker').first().hover();
  await root.locator('.ex-card').first().waitFor({ state: 'visible' });
}

test('the built pages carry the strict policy and nothing inline', () => {
  for (const name of ['index.html', 'demo.html']) {
    const page = html(name);
    const policy = page.match(/http-equiv="?Content-Security-Policy"?[^>]*|content="([^"]*)"[^>]*http-equiv="?Content-Security-Policy/i);
    assert.ok(policy, `${name} has a policy`);
    assert.ok(page.includes(STRICT_CSP), `${name} has the strict policy`);
    assert.doesNotMatch(page, /<script(?![^>]*\bsrc=)[^>]*>/i, `${name}: no inline script (Trunk injects none)`);
    assert.doesNotMatch(page, /<style|\sstyle=|\son[a-z]+=/i, `${name}: no inline style or handler`);
  }
  assert.doesNotMatch(STRICT_CSP, /'unsafe-inline'|'unsafe-eval'/);
});

test('stand-alone page: no violation under the strict policy and Trusted Types', async () => {
  const { context, tab, violations, errors } = await open(`${env.server.url}/strict.html?src=evidence/library-hours.published.json&theme=dark`);
  await exercise(tab);
  await tab.keyboard.press('Escape');
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await assertEnforced(tab);
  await context.close();
});

test('script embed: two widgets, no violation under the strict policy and Trusted Types', async () => {
  const { context, tab, violations, errors } = await open(`${env.server.url}/host.html`);
  const [first, second] = [tab.locator('evidence-explainer').nth(0), tab.locator('evidence-explainer').nth(1)];
  await exercise(first);
  await exercise(second);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await assertEnforced(tab);
  await context.close();
});

test('demo article: script embeds and a sandboxed iframe embed, no violation in any frame', async () => {
  const { context, tab, violations, errors } = await open(`${env.server.url}/demo.html`);
  await exercise(tab.locator('#ice'));
  const frame = tab.frameLocator('#frame');
  await frame.locator('.ex-question').waitFor();
  await frame.locator('.ex-verdict .ex-marker').first().focus();
  await frame.locator('.ex-card').waitFor({ state: 'visible' });
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await assertEnforced(tab);
  await context.close();
});

/** The offline file's own policy. */
function offlinePolicy(page) {
  return page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1];
}

test('offline file: its own hash-based policy, no violation, styles and script both allowed', async () => {
  const page = html('offline.html');
  const policy = offlinePolicy(page);
  assert.ok(policy, 'offline.html carries a policy');
  assert.match(policy, /script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'/);
  assert.match(policy, /style-src 'sha256-[^']+' 'sha256-[^']+'/);
  assert.match(policy, /require-trusted-types-for 'script'/);
  assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'self'|\*/);

  const url = pathToFileURL(join(DIST, 'offline.html')).href;
  const { context, tab, violations, errors } = await open(url, { offline: true });
  await exercise(tab);
  // The widget's stylesheet (a <style> in the shadow root, allowed by its hash) is applied.
  const position = await tab.locator('.ex-card').evaluate((card) => getComputedStyle(card).position);
  assert.match(position, /absolute|fixed/);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await assertEnforced(tab);
  await context.close();
});

test('offline file: the hashes are enforced, so a changed script or style is blocked', async () => {
  const page = html('offline.html');
  const dir = mkdtempSync(join(tmpdir(), 'explainer-csp-'));
  const cases = {
    script: [page.replace('// Offline: the wasm', '// Offline: the WASM'), /script-src-elem blocked inline/],
    style: [page.replace(/<style>/, '<style>html{}'), /style-src-elem blocked inline/],
  };
  for (const [name, [changed, expected]] of Object.entries(cases)) {
    assert.notEqual(changed, page, `${name} was changed`);
    const file = join(dir, `${name}.html`);
    writeFileSync(file, changed);
    const { context, tab, violations } = await open(pathToFileURL(file).href, { offline: true });
    await tab.waitForLoadState('load');
    if (name === 'script') {
      // Nothing of the widget runs: the element is never upgraded into a shadow root.
      assert.equal(await tab.evaluate(() => document.querySelector('evidence-explainer').shadowRoot), null);
    }
    // Reports cross from the page through a binding: wait for the one expected, not a fixed time.
    const deadline = Date.now() + 10_000;
    while (!violations.some((v) => expected.test(v)) && Date.now() < deadline) {
      await new Promise((done) => setImmediate(done));
    }
    assert.ok(violations.some((v) => expected.test(v)), `${name}: ${violations.join('; ')}`);
    await context.close();
  }
});
