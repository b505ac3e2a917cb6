// End-to-end: script injection. Every payload of tests/fixtures/xss/payloads.json goes into every
// text field of a published evidence set, and into every address of another, shown in the
// stand-alone page, the script embed and the offline file. No script may run (alert and friends
// are trapped, and a global canary watched), no dangerous address or element may reach the DOM,
// nothing may be fetched from anywhere but the widget's own files, and the text must show exactly
// as written. The Rust half (tests/xss.rs) runs the same corpus through the authoring path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, explainer, harness, ROOT, scratchDir } from './support/harness.mjs';

const payloads = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/xss/payloads.json'), 'utf8'));
// The one-line fields (question, label) hold every payload of their set joined; a text may have
// at most 10,000 characters, so the corpus is shown in two halves.
const half = Math.ceil(payloads.length / 2);
const halves = [payloads.slice(0, half), payloads.slice(half)];

/** A published set with every payload of `payloads` in every text field, each kind of markup
 * around it. */
function textSet(payloads) {
  const joined = payloads.join(' | ');
  const sentence = (p) => [{ text: p }, { cite: 1 }];
  return {
    version: 1,
    form: 'published',
    meta: { language: 'en', publisher: joined, published: '2026-01-01', authors: payloads, editors: payloads },
    question: joined,
    verdict: { label: joined, sentences: payloads.map(sentence) },
    sections: payloads.map((p, i) => ({
      id: `s${i}`,
      title: p,
      sentences: [
        sentence(p),
        [
          { em: [{ text: p }] }, { strong: [{ text: p }] }, { code: p },
          { link: { href: 'https://example.org/', children: [{ text: p }] } }, { cite: i + 1 },
        ],
      ],
    })),
    limits: payloads.map(sentence),
    changes: payloads.map((p) => ({ date: '2026-01-02', kind: 'correction', text: sentence(p), replaces: p })),
    sources: payloads.map((p, i) => ({
      number: i + 1, title: p, publisher: p, author: p, excerpts: [p], note: p,
    })),
  };
}

/** A published set with every payload as a link address and as a source address, and with
 * `archived`, as its archived copy's address too. (The refused set leaves the copies out, so the
 * error panel's first hundred problems still quote every kind of refused address; the copy's
 * address alone is refused in tests/xss.rs.) */
function addressSet(list, { archived = false } = {}) {
  return {
    version: 1,
    form: 'published',
    meta: { language: 'en' },
    question: 'Addresses',
    verdict: {
      label: 'Addresses',
      sentences: list.map((p, i) => [{ link: { href: p, children: [{ text: 'link' }] } }, { cite: i + 1 }]),
    },
    sections: [],
    limits: [],
    sources: list.map((p, i) => ({ number: i + 1, title: 'Source', url: p, ...(archived ? { archived: { url: p, date: '2026-01-01' } } : {}) })),
  };
}

// What the validator accepts as an address (http or https, nothing blank or invisible in it).
// If this ever disagrees with the widget, the "accepted" page shows an error panel and fails.
const webAddress = (p) => /^https?:\/\/[^\s\p{Cc}]+$/iu.test(p) && !/[\u200b\u2028\u2029\ufeff]/.test(p);
const sets = {
  text0: textSet(halves[0]),
  text1: textSet(halves[1]),
  accepted: addressSet(payloads.filter(webAddress), { archived: true }),
  refused: addressSet(payloads),
};

const scratch = scratchDir('xss');
const extra = {};
const bundled = {};
const snippets = {};
for (const [name, set] of Object.entries(sets)) {
  extra[`/xss/${name}.json`] = ['application/json', JSON.stringify(set)];
  extra[`/xss/${name}.html`] = ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
<script type="module" src="/embed.js"></script></head>
<body><article><h1>Host article</h1><evidence-explainer src="/xss/${name}.json"></evidence-explainer></article></body></html>`];
  // The offline file, made by the real bundler from the hostile set.
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(set));
  const out = join(scratch, `${name}.offline.html`);
  const made = explainer('bundle', '--dist', DIST, '--evidence', file, '-o', out);
  bundled[name] = made;
  if (name !== 'refused') assert.equal(made.status, 0, made.stderr);
  // The prerendered script embed, made by the real tool from the hostile set.
  const snippet = explainer('snippet', file, '--src', `/xss/${name}.json`, '--base', '/', '--id', 'xss');
  snippets[name] = snippet;
  if (name !== 'refused') {
    assert.equal(snippet.status, 0, snippet.stderr);
    extra[`/xss/${name}.snippet.html`] = ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head>
<body><article><h1>Host article</h1>${snippet.stdout}</article></body></html>`];
  }
}

const env = harness(extra);

/** Opens `url` with every way a payload could act watched: the probe traps alert and its
 * friends, watches a global canary and records errors; the driver records requests and dialogs. */
const open = (url) => env.browser.open(url);

/** Every element of the page, shadow roots included, as [tag, attributes, in a widget]. On its
 * own page the widget is in the page itself, in its element; the evidence JSON an element may
 * carry is the page's data, not the widget's markup. */
function inventory(tab) {
  return tab.eval(() => {
    const out = [];
    const walk = (root, inWidget) => {
      for (const el of root.querySelectorAll('*')) {
        const attrs = Object.fromEntries([...el.attributes].map((a) => [a.name, a.value]));
        const data = el.matches('evidence-explainer > script[type="application/json"]');
        out.push([el.localName, attrs, inWidget || (!data && Boolean(el.parentElement?.closest('evidence-explainer')))]);
        if (el.shadowRoot) walk(el.shadowRoot, true);
      }
    };
    walk(document, false);
    return out;
  });
}

// Elements the widget never makes: any of them inside it would be injected markup.
const FOREIGN = new Set(['script', 'img', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math',
  'base', 'meta', 'form', 'input', 'textarea', 'select', 'video', 'audio', 'source', 'template',
  'noscript', 'marquee', 'body', 'html', 'head', 'title', 'table', 'xss', 'x', 'isindex', 'keygen', 'portal', 'bgsound', 'br']);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'srcset', 'background', 'lowsrc', 'dynsrc', 'poster'];

async function assertInert(tab, own) {
  const seen = await tab.probe();
  assert.equal(await tab.eval(() => window.__xss), 0, 'the canary is untouched');
  assert.deepEqual(seen.trapped, [], 'no alert, confirm, prompt or print');
  assert.deepEqual(tab.dialogs(), []);
  assert.deepEqual(seen.errors, []);
  const foreign = tab.requests().filter((url) => !own(url));
  assert.deepEqual(foreign, [], 'nothing fetched but the widget\'s own files');
  const elements = await inventory(tab);
  assert.ok(elements.filter(([, , inWidget]) => inWidget).length > 10, 'the walk reaches into the widget');
  for (const [tag, attrs, inWidget] of elements) {
    if (!inWidget) continue;
    const style = tag === 'style' || (tag === 'link' && attrs.rel === 'stylesheet');
    assert.ok(!FOREIGN.has(tag) && (tag !== 'style' && tag !== 'link' || style), `<${tag}> in the widget`);
    for (const [name, value] of Object.entries(attrs)) {
      assert.ok(!name.startsWith('on'), `<${tag} ${name}> in the widget`);
      if (name === 'style') assert.doesNotMatch(value, /url\(|expression|javascript/i, `<${tag} style=${value}>`);
      if (URL_ATTRS.includes(name) && !(style && name === 'href')) {
        assert.match(value, /^(#[\w-]+|https?:\/\/\S+|mailto:\S+)$/i, `<${tag} ${name}=${value}>`);
      }
    }
  }
}

/** The text of every element matching `selector` in the widget. */
const texts = (tab, selector) => tab.evalAll(selector, (els) => els.map((e) => e.textContent));

/** Asserts `shown[i]` is `expected[i]` (or holds it, with `contains`), naming the first that is not. */
function sameTexts(shown, expected, what, contains = false) {
  assert.equal(shown.length, expected.length, `${what}: ${shown.length} shown, ${expected.length} expected`);
  shown.forEach((text, i) => {
    const ok = contains ? text.includes(expected[i]) : text === expected[i];
    assert.ok(ok, `${what} ${i}: shown ${JSON.stringify(text).slice(0, 300)}, expected ${JSON.stringify(expected[i])}`);
  });
}

/** What HTML's parser makes of any text it reads (the prerendered markup, before script): NUL
 * characters dropped, and CR and CRLF line ends made LF. */
const asParsed = (text) => text.replace(/\r\n?/g, '\n').replace(/\0/g, '');

async function assertLiteral(tab, shown, { cards = true, parsed = false } = {}) {
  const payloads = parsed ? shown.map(asParsed) : shown;
  const joined = payloads.join(' | ');
  await tab.waitFor('.ex-question', { timeout: 30_000 });
  sameTexts(await texts(tab, '.ex-question'), [joined], 'question');
  sameTexts(await texts(tab, '.ex-verdict-label strong'), [joined], 'verdict label');
  sameTexts(await texts(tab, '.ex-reasoning .ex-section-title'), payloads, 'section title');
  const uncited = (list) => list.map((text) => text.replace(/\[\d+\]$/, ''));
  sameTexts(uncited(await texts(tab, '.ex-verdict .ex-sentence')), payloads, 'verdict sentence');
  sameTexts(uncited(await texts(tab, '.ex-limits .ex-sentence')), payloads, 'limit');
  // The log, newest first: each change's text and the label it replaced; the note beside the
  // verdict quotes the latest; the byline names every author and editor.
  const newest = [...payloads].reverse();
  sameTexts(uncited(await texts(tab, '.ex-changes .ex-sentence')), newest, 'change');
  sameTexts(await texts(tab, '.ex-change-replaced q'), newest, 'replaced label');
  sameTexts(await texts(tab, '.ex-changes-note'), [`The verdict was \u201c${newest[0]}\u201d until`], 'changes note', true);
  const [credits] = await texts(tab, '.ex-credits');
  for (const p of payloads) assert.ok(credits.includes(p), `the byline holds ${JSON.stringify(p)}`);
  // The marked-up sentences: emphasis, strong, code and link text each hold the payload.
  for (const selector of ['.ex-section em', '.ex-section strong', '.ex-section code']) {
    sameTexts(await texts(tab, selector), payloads, selector);
  }
  // Link text is followed by a hidden "(opens in a new tab)".
  const links = '.ex-section a[href="https://example.org/"]';
  sameTexts(await texts(tab, links), payloads.map((p) => `${p} (opens in a new tab)`), links);
  for (const selector of ['.ex-src-title', '.ex-src-byline', '.ex-src-excerpt', '.ex-src-note']) {
    sameTexts(await texts(tab, `.ex-source-list ${selector}`), payloads, selector, true);
  }
  if (!cards) return;
  // A card shows the same text, and opening it runs nothing either.
  await tab.focus({ sel: '.ex-verdict .ex-marker', nth: 9 });
  await tab.waitFor('.ex-card');
  assert.ok((await tab.textContent('.ex-card')).includes(payloads[0]), 'the card of source 1');
}

async function assertAddresses(tab, accepted) {
  await tab.waitFor('.ex-question', { timeout: 30_000 });
  const links = await tab.evalAll('.ex-verdict a[target="_blank"]', (els) => els.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, accepted);
  const titles = await tab.evalAll('.ex-source-list a.ex-src-title', (els) => els.map((a) => a.getAttribute('href')));
  assert.deepEqual(titles, accepted);
  const archived = await tab.evalAll('.ex-source-list .ex-src-archived a', (els) => els.map((a) => a.getAttribute('href')));
  assert.deepEqual(archived, accepted, 'archived copies');
}

async function assertRefused(tab) {
  await tab.waitFor('.ex-error', { timeout: 30_000 });
  const text = await tab.textContent('.ex-error');
  assert.match(text, /verdict\.sentences\[0\]: link address `javascript:alert\('XSS'\)|sources\[\d+\]\.url/);
  assert.ok(text.includes('javascript:alert(1)'), 'the refused address is quoted as text');
}

const modes = {
  'stand-alone page': (name) => `${env.server.url}/index.html?src=/xss/${name}.json`,
  'script embed': (name) => `${env.server.url}/xss/${name}.html`,
};

for (const [mode, address] of Object.entries(modes)) {
  const own = (url) => url.startsWith(env.server.url) || url.startsWith('data:');

  test(`${mode}: ${payloads.length} payloads in every text field show as text and run nothing`, async () => {
    for (const [i, list] of halves.entries()) {
      const tab = await open(address(`text${i}`));
      await assertLiteral(tab, list);
      await assertInert(tab, own);
      await tab.close();
    }
  });

  test(`${mode}: payload addresses are refused with the panel, or kept only as web addresses`, async () => {
    const accepted = await open(address('accepted'));
    await assertAddresses(accepted, sets.accepted.sources.map((s) => s.url));
    await assertInert(accepted, own);
    await accepted.close();
    const refused = await open(address('refused'));
    await assertRefused(refused);
    await assertInert(refused, own);
    await refused.close();
  });
}

test('offline file: the payloads show as text, safe addresses stay, and nothing runs or loads', async () => {
  for (const name of ['text0', 'text1', 'accepted']) {
    const url = pathToFileURL(join(scratch, `${name}.offline.html`)).href;
    const tab = await open(url);
    // The file shows its prerendered explainer first; the widget's own text comes with it.
    await tab.waitFor('.ex-prerendered', { state: 'detached', timeout: 30_000 });
    if (name === 'accepted') await assertAddresses(tab, sets.accepted.sources.map((s) => s.url));
    else await assertLiteral(tab, halves[Number(name.slice(-1))]);
    await assertInert(tab, (u) => u === url || u.startsWith('data:'));
    await tab.close();
  }
});

test('offline file: the bundler refuses a set with unsafe addresses', () => {
  const made = bundled.refused;
  assert.equal(made.status, 1);
  assert.match(made.stdout + made.stderr, /link address `javascript:alert\(1\)` is not allowed/);
});

const snippetPage = (name) => `${env.server.url}/xss/${name}.snippet.html`;
const ownFiles = (url) => url.startsWith(env.server.url) || url.startsWith('data:');

test('prerendered snippet, taken over by the widget: the payloads show as text and run nothing', async () => {
  for (const [i, list] of halves.entries()) {
    const tab = await open(snippetPage(`text${i}`));
    await tab.waitFor('.ex-prerendered', { state: 'detached', timeout: 30_000 });
    await assertLiteral(tab, list);
    await assertInert(tab, ownFiles);
    await tab.close();
  }
  const accepted = await open(snippetPage('accepted'));
  await accepted.waitFor('.ex-prerendered', { state: 'detached', timeout: 30_000 });
  await assertAddresses(accepted, sets.accepted.sources.map((s) => s.url));
  await assertInert(accepted, ownFiles);
  await accepted.close();
});

test('prerendered snippet with no script: the markup the tool wrote shows the payloads as text', async () => {
  env.server.refuse('/embed.js');
  try {
    for (const [i, list] of halves.entries()) {
      const tab = await open(snippetPage(`text${i}`));
      await assertLiteral(tab, list, { cards: false, parsed: true });
      await assertInert(tab, ownFiles);
      assert.equal(await tab.count('.ex-prerendered'), 1, 'still the markup the tool wrote');
      await tab.close();
    }
    const accepted = await open(snippetPage('accepted'));
    await assertAddresses(accepted, sets.accepted.sources.map((s) => s.url));
    await assertInert(accepted, ownFiles);
    await accepted.close();
  } finally {
    env.server.allow('/embed.js');
  }
});

test('the snippet tool refuses a set with unsafe addresses', () => {
  const made = snippets.refused;
  assert.equal(made.status, 1);
  assert.match(made.stdout + made.stderr, /link address `javascript:alert\(1\)` is not allowed/);
});
