// End-to-end: the widget under a strict Content-Security-Policy with Trusted Types, in the
// stand-alone page, the script embed (with an iframe embed beside it) and the offline file.
// Every violation in every frame is collected and none is allowed; each test also proves the
// policy is really in force, so a page that merely lacks one cannot pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertPrerenderedOnly, DIST, explainer, harness, live, loadedFrame, OPAQUE_FRAMES_RUN, scratchDir, STRICT_CSP, WEBKIT_OPAQUE_SELF } from './support/harness.mjs';

const html = (name) => readFileSync(join(DIST, name), 'utf8');

/** The policy a page's own `<meta>` carries. */
const ownPolicy = (page) => page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];

/** The `'sha256-…'` of the text of each bare `<tag>` element in `page` (`style`, or `script`
 * with no src and no type: the inline ones). */
const inlineHashes = (page, tag) => [...page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
  .map(([, text]) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);
/** The demo's library-hours snippet with the widget's stylesheet inline, and the hash the tool
 * says a host's policy names it by. */
const inline = (() => {
  const made = explainer('snippet', join(DIST, 'evidence/library-hours.published.json'),
    '--src', '/evidence/library-hours.published.json', '--base', '/', '--inline-style', '--dist', DIST);
  assert.equal(made.status, 0, made.stderr);
  const hash = made.stderr.match(/adds ('sha256-[^']+') to its style-src/)?.[1];
  assert.ok(hash, `the tool says the hash: ${made.stderr}`);
  return { snippet: made.stdout, hash };
})();

const host = (body) => ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">
<title>host</title><link rel="icon" href="data:,"><script type="module" src="embed.js"></script></head><body>${body}</body></html>`];
const pages = {
  // An article under the strict policy, which names the widget's own origin as the one frames
  // may come from, framing it as docs/embedding.md recommends.
  '/framed.html': ['text/html; charset=utf-8', () => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}; frame-src ${env.other.url}">
<title>article</title><link rel="icon" href="data:,"><link rel="stylesheet" href="demo.css"><script type="module" src="embed-frame.js"></script></head>
<body><iframe data-explainer id="frame" title="Fact check" src="${env.other.url}/index.html"
sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe></body></html>`],
  // The page's own policy, sent as a header too, as docs/embedding.md asks of a host: the
  // strict policy, naming the page's inline stylesheets by their hashes.
  '/strict.html': ['text/html; charset=utf-8', html('index.html'), { 'content-security-policy': ownPolicy(html('index.html')) }],
  // An article with a snippet that carries the widget's stylesheet inline, under the strict
  // policy with the hash the tool printed for it.
  '/inline-style.html': ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP.replace("style-src 'self'", `style-src 'self' ${inline.hash}`)}">
<title>article</title><link rel="icon" href="data:,"></head><body><h1>An article</h1>${inline.snippet}</body></html>`],
  '/host.html': host(`<evidence-explainer id="first"></evidence-explainer>
<evidence-explainer id="second" src="evidence/library-hours.published.json" theme="dark"></evidence-explainer>`),
};

const env = harness(pages);

const open = (url, options = {}) => env.browser.open(url, options);

/** The violations and errors the probe saw in the page and in each of its iframes: every
 * frame is read, and each must have the probe, so a frame cannot go unwatched (`frames: false`
 * reads the page alone). */
async function watched(tab, { frames: all = true } = {}) {
  const seen = { violations: [], errors: [] };
  const frames = all ? await tab.count('iframe') : 0;
  for (const frame of [tab, ...await Promise.all([...Array(frames).keys()].map((nth) => tab.frame({ sel: 'iframe', nth })))]) {
    const probe = await frame.probe();
    seen.violations.push(...probe.violations);
    seen.errors.push(...probe.errors);
  }
  return seen;
}

/** What the policy forbids really is forbidden in the page: markup from strings and inline
 * handlers. Call it after checking for violations, since the blocked handler reports one. */
async function assertEnforced(tab) {
  const outcome = await tab.eval(() => {
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

/** Uses the widget: opens a section, a card by hover and by keyboard. `scope` is a selector
 * prefix for one widget on a page with several. */
async function exercise(tab, scope = '') {
  await live(tab, scope);
  await tab.click(`${scope}.ex-section-heading button`);
  await tab.waitFor(`${scope}.ex-panel`);
  await tab.hover(`${scope}.ex-verdict .ex-marker`);
  await tab.waitFor(`${scope}.ex-card`);
}

test('the built pages carry the strict policy, and nothing inline it does not name by hash', () => {
  for (const name of ['index.html', 'library-hours.html', 'demo.html']) {
    const page = html(name);
    const policy = ownPolicy(page);
    // Pages of their own carry their stylesheets inline (no round trip before the first
    // paint), each named by its hash in style-src, and index.html, which serves ?src=, its
    // page.js the same way in script-src; the demo article links its own.
    const hashes = inlineHashes(page, 'style');
    const scripts = inlineHashes(page, 'script');
    const expected = STRICT_CSP
      .replace("style-src 'self'", ["style-src 'self'", ...hashes].join(' '))
      .replace("script-src 'self'", ["script-src 'self'", ...scripts].join(' '));
    assert.equal(policy, expected, `${name}: the strict policy, with the hash of each inline stylesheet and script`);
    assert.equal(hashes.length, name === 'demo.html' ? 0 : 2, `${name}: its stylesheets`);
    assert.equal(scripts.length, name === 'index.html' ? 1 : 0, `${name}: its inline scripts`);
    const others = [...page.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => tag)
      .filter((tag) => tag !== '<script>' && !/\bsrc=/.test(tag) && !/type="application\/json"/.test(tag));
    assert.deepEqual(others, [], `${name}: no other inline script`);
    assert.doesNotMatch(page, /page\.js/, `${name}: page.js is never fetched`);
    assert.doesNotMatch(page, /\sstyle=|\son[a-z]+=/i, `${name}: no inline style attribute or handler`);
    assert.doesNotMatch(page, /data-trunk|rel="?rust/i, `${name}: no build directive left in the page`);
  }
  assert.doesNotMatch(STRICT_CSP, /'unsafe-inline'|'unsafe-eval'/);
});

test('stand-alone page: no violation under the strict policy and Trusted Types', async () => {
  const tab = await open(`${env.server.url}/strict.html?src=evidence/library-hours.published.json&theme=dark`);
  await exercise(tab);
  await tab.press('Escape');
  assert.deepEqual(await watched(tab), { violations: [], errors: [] });
  await assertEnforced(tab);
  await tab.close();
});

test('a snippet with its stylesheet inline is styled from the first paint, fetches no stylesheet, and breaks no policy', async () => {
  const from = env.server.log.length;
  const tab = await open(`${env.server.url}/inline-style.html`);
  await tab.waitFor('#library-hours >> .ex-question');
  assert.match(await tab.evalOn('#library-hours >> .ex-question', (e) => getComputedStyle(e).fontFamily), /^system-ui/, 'styled by the inline stylesheet');
  await exercise(tab, '#library-hours >> ');
  assert.deepEqual(env.server.log.slice(from).filter((url) => /\.css$/.test(new URL(url).pathname)), [], 'no stylesheet fetched');
  assert.deepEqual(await watched(tab), { violations: [], errors: [] });
  await tab.close();
});

test('script embed: two widgets, no violation under the strict policy and Trusted Types', async () => {
  const tab = await open(`${env.server.url}/host.html`);
  await exercise(tab, '#first >> ');
  await exercise(tab, '#second >> ');
  assert.deepEqual(await watched(tab), { violations: [], errors: [] });
  await assertEnforced(tab);
  await tab.close();
});

test('demo article: script embeds and a sandboxed iframe embed, no violation in any frame', async (t) => {
  const tab = await open(`${env.server.url}/demo.html`);
  await exercise(tab, '#ice >> ');
  // The demo's frame is lazy (loading="lazy"): the reader scrolls to it.
  const frame = await loadedFrame(tab, '#frame');
  if (OPAQUE_FRAMES_RUN) {
    await live(frame);
    await frame.focus('.ex-verdict .ex-marker');
    await frame.waitFor('.ex-card');
    assert.deepEqual(await watched(tab), { violations: [], errors: [] });
    await assertEnforced(frame);
  } else {
    await assertPrerenderedOnly(frame);
    assert.deepEqual(await watched(tab, { frames: false }), { violations: [], errors: [] });
  }
  await assertEnforced(tab);
  if (!OPAQUE_FRAMES_RUN) t.skip(`the widget in the sandboxed frame: ${WEBKIT_OPAQUE_SELF}`);
  await tab.close();
});

test('iframe embed on its own origin, in an article under the strict policy: no violation in either', async () => {
  const tab = await open(`${env.server.url}/framed.html`);
  const frame = await tab.frame('#frame');
  await exercise(frame);
  assert.deepEqual(await watched(tab), { violations: [], errors: [] });
  await assertEnforced(tab);
  await assertEnforced(frame);
  await tab.close();
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
  const tab = await open(url);
  await exercise(tab);
  // The widget's stylesheet (a <style> in the shadow root, allowed by its hash) is applied.
  const position = await tab.evalOn('.ex-card', (card) => getComputedStyle(card).position);
  assert.match(position, /absolute|fixed/);
  assert.deepEqual(await watched(tab), { violations: [], errors: [] });
  await assertEnforced(tab);
  await tab.close();
});

test('offline file: the hashes are enforced, so a changed script or style is blocked', async () => {
  const page = html('offline.html');
  const dir = scratchDir('csp');
  const cases = {
    script: [page.replace('// Offline: the wasm', '// Offline: the WASM'), /script-src-elem blocked inline/],
    style: [page.replace(/<style>/, '<style>html{}'), /style-src-elem blocked inline/],
  };
  for (const [name, [changed, expected]] of Object.entries(cases)) {
    assert.notEqual(changed, page, `${name} was changed`);
    const file = join(dir, `${name}.html`);
    writeFileSync(file, changed);
    const tab = await open(pathToFileURL(file).href);
    if (name === 'script') {
      // Nothing of the widget runs: the element is never upgraded, and the reader keeps the
      // prerendered explainer.
      await tab.waitFor('.ex-prerendered .ex-question');
      assert.equal(await tab.eval(() => document.querySelector('evidence-explainer').explainerStarted === true), false);
    } else {
      // The widget runs, but the page's changed stylesheet is not applied.
      await tab.waitFor('.ex-question');
      assert.equal(await tab.eval(() => getComputedStyle(document.body).margin), '8px', 'the page keeps the default margin');
    }
    await tab.untilInPage(`a ${name} violation is reported`, (re) => window.__probe.violations.some((v) => new RegExp(re).test(v)), expected.source);
    await tab.close();
  }
});
