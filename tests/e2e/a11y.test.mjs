// End-to-end accessibility: axe-core (from npm, run in the page by the driver) in every state
// the widget has, a keyboard-only walkthrough, WCAG 2.2 success criterion 1.4.13 (content on
// hover or focus) for the source card, reflow at 320 px and 400 % zoom, and reduced motion. Every
// page keeps its own strict policy: axe and the fake clock are run by the driver, which a page's
// policy does not govern, and the widget is never given a looser policy than a reader's page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickInFrame, degraded, DIST, ENGINE, explainer, harness, librarySnippet, live, noteFramedViewport, scratchDir, scriptlessOffline } from './support/harness.mjs';

const pages = {
  '/broken.json': ['application/json', '{ "version": 1, "form": "published", "question": 5 }'],
  '/t-snippet.html': ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,"></head><body><main><h1>An article</h1>${librarySnippet()}</main></body></html>`],
};

// The example sets in Spanish and in Arabic (written for the tests, not real reporting), which
// the build publishes with a page of their own each (example-es.html, example-ar.html); here
// also as a script embed in an English article and as an offline file.
const LANGUAGES = {
  es: { dir: null, words: { kicker: 'Verificación', sources: 'Fuentes', toggle: 'Desplegar todas las secciones', copy: 'Copiar enlace' } },
  ar: { dir: 'rtl', words: { kicker: 'تدقيق الحقائق', sources: 'المصادر', toggle: 'توسيع كل الأقسام', copy: 'نسخ الرابط' } },
};
/** English the widget would add, which a Spanish or Arabic explainer must not show. */
const ENGLISH = ['Fact check', 'Copy link', 'Verdict', 'How the evidence adds up', 'Expand all sections', 'Reporting limits',
  'What this evidence cannot show', 'Sources', 'Cited in', 'opens in a new tab', 'Corrections and updates', 'Archived copy', 'more passage'];
for (const tag of Object.keys(LANGUAGES)) {
  const published = join(DIST, `evidence/example-${tag}.published.json`);
  const snippet = explainer('snippet', published, '--src', `/evidence/example-${tag}.published.json`, '--base', '/');
  assert.equal(snippet.status, 0, snippet.stderr);
  pages[`/t-${tag}-embed.html`] = ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>An English article</title><link rel="icon" href="data:,"></head><body><main><h1>An article</h1><p>Before.</p>${snippet.stdout}<p>After.</p></main></body></html>`];
  const offline = join(scratchDir(tag), `example-${tag}.html`);
  const bundled = explainer('bundle', '--dist', DIST, '--evidence', published, '-o', offline);
  assert.equal(bundled.status, 0, bundled.stderr);
  LANGUAGES[tag].offline = pathToFileURL(offline).href;
  // The iframe embed as docs/embedding.md recommends it: the page on the widget's own origin.
  pages[`/t-${tag}-frame.html`] = ['text/html; charset=utf-8', () => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>An English article</title><link rel="icon" href="data:,"><script type="module" src="/embed-frame.js"></script></head>
<body><main><h1>An article</h1><iframe data-explainer id="frame" title="Fact check" src="${env.other.url}/example-${tag}.html"
sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe></main></body></html>`];
}
// The embed's language attribute over the set's: the English demo set in Spanish, prerendered
// the same way; and a file that cannot be had, on a page in Spanish.
const inSpanish = explainer('snippet', join(DIST, 'evidence/library-hours.published.json'),
  '--src', '/evidence/library-hours.published.json', '--base', '/', '--language', 'es');
assert.equal(inSpanish.status, 0, inSpanish.stderr);
assert.match(inSpanish.stdout, /<evidence-explainer id="library-hours" src="[^"]+" language="es">/);
pages['/t-language.html'] = ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,"></head><body><main><h1>An article</h1>${inSpanish.stdout}</main></body></html>`];
// The same for a page of its own (an iframe's), made with --language es.
const pageInSpanish = explainer('page', join(DIST, 'evidence/library-hours.published.json'),
  '--src', '/evidence/library-hours.published.json', '--dist', DIST, '--language', 'es');
assert.equal(pageInSpanish.status, 0, pageInSpanish.stderr);
pages['/t-language-page.html'] = ['text/html; charset=utf-8', pageInSpanish.stdout];
pages['/t-missing-es.html'] = ['text/html; charset=utf-8', `<!doctype html><html lang="es"><head><meta charset="utf-8">
<title>artículo</title><link rel="icon" href="data:,"><script type="module" src="/embed.js"></script></head><body><main><h1>Un artículo</h1>
<evidence-explainer id="missing" src="/no-such-file.json"></evidence-explainer></main></body></html>`];
// A sentence with a right-to-left override (U+202E) it never closes, followed by another.
const OVERRIDE = '\u202E';
const overridden = {
  version: 1, form: 'authored',
  question: 'Does an override leak?',
  verdict: { label: 'No', sentences: [`Before ${OVERRIDE}reversed words [1].`, 'Second sentence stays in order [1].'] },
  sections: [{ id: 'a', title: 'A section', sentences: ['Plain [1].'] }],
  limits: ['None [1].'],
  sources: [{ number: 1, title: 'A source' }],
};
const overriddenFile = join(scratchDir('bidi'), 'bidi.json');
writeFileSync(overriddenFile, JSON.stringify(overridden));
const overriddenBuilt = explainer('build', overriddenFile);
assert.equal(overriddenBuilt.status, 0, overriddenBuilt.stderr);
pages['/t-bidi.published.json'] = ['application/json', overriddenBuilt.stdout];

const env = harness(pages);

/** The stand-alone page, once the widget (or its error panel) shows. */
async function open(query = '', options = {}) {
  const tab = await env.browser.open(`${env.server.url}/index.html${query}`, options);
  await live(tab);
  return tab;
}

const RULES = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } };

/** WCAG contrast of each element `targets` names (axe's target paths through shadow roots),
 * between its text colour and the backgrounds of its ancestors composited, as the reader sees
 * it with nothing over it; and the ratio WCAG asks of its text size. */
function contrasts(tab, targets) {
  return tab.eval((paths) => {
    const rgba = (c) => {
      const [r, g, b, a = 1] = c.match(/[\d.]+/g).map(Number);
      return [r, g, b, a];
    };
    const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
    const luminance = (rgb) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    return paths.map((path) => {
      let el = document;
      for (const sel of path) el = (el.shadowRoot ?? el).querySelector(sel);
      const layers = [];
      for (let node = el; node; node = node.parentElement ?? node.getRootNode().host) {
        const bg = rgba(getComputedStyle(node).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] === 1) break;
      }
      const background = layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255]);
      const text = over(rgba(getComputedStyle(el).color), background);
      const [hi, lo] = [luminance(text), luminance(background)].sort((a, b) => b - a);
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      return { ratio: (hi + 0.05) / (lo + 0.05), needed: large ? 3 : 4.5 };
    });
  }, targets);
}

/** axe's findings on the whole page, shadow roots included, as readable lines: every violation,
 * and every check axe could not decide ("incomplete"), judged here instead. The one kind judged
 * rather than reported is text contrast that axe cannot decide because another element (the
 * open card) lies over or against it, or because the text runs past the box that paints its
 * background (the end of a card that scrolls, on a short screen or with larger fonts): its
 * contrast is computed as the reader sees it when nothing covers it, and it must meet WCAG's
 * ratio. */
async function violations(tab, context = null) {
  const results = await tab.axe(context, RULES);
  assert.ok(results.passes.length > 10, 'axe ran its checks');
  const covered = (n) => n.any.some((c) => ['bgOverlap', 'elmPartiallyObscured', 'elmPartiallyObscuring'].includes(c.data?.messageKey));
  const judged = results.incomplete.flatMap((v) => (v.id === 'color-contrast' ? v.nodes.filter(covered) : []));
  const measured = await contrasts(tab, judged.map((n) => n.target.flat()));
  const lowContrast = judged.flatMap((n, i) => (measured[i].ratio >= measured[i].needed ? []
    : [`color-contrast under the card: ${n.target.flat().join(' ')}: ${measured[i].ratio.toFixed(2)}, needs ${measured[i].needed}`]));
  const undecided = results.incomplete.flatMap((v) => v.nodes.filter((n) => !(v.id === 'color-contrast' && covered(n)))
    .map((n) => `incomplete ${v.id}: ${n.target.join(' ')}: ${n.failureSummary ?? n.any.map((c) => c.message).join('; ')}`));
  return [
    ...results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary}`)),
    ...lowContrast,
    ...undecided,
  ];
}

const states = {
  'default': async () => {},
  'every section expanded': async (tab) => {
    await tab.click({ sel: 'button', text: 'Expand all' });
    await tab.waitFor({ sel: '.ex-reasoning .ex-panel', nth: -1 });
  },
  'card open by hover': async (tab) => {
    await tab.hover('.ex-verdict .ex-marker');
    await tab.waitFor('.ex-card');
  },
  'card open by keyboard': async (tab) => {
    await tab.focus('.ex-verdict .ex-marker');
    await tab.waitFor('.ex-card');
  },
  'reporting limits open': async (tab) => {
    await tab.click('.ex-limits button[aria-expanded]');
    await tab.waitFor('.ex-limit-list');
  },
  'a link copied, and one to copy by hand': async (tab) => {
    // The clipboard takes the first link and refuses the second, which then shows in full.
    await tab.eval(() => {
      let calls = 0;
      const writeText = () => (calls++ === 0 ? Promise.resolve() : Promise.reject(new DOMException('denied', 'NotAllowedError')));
      Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
      Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
      return true;
    });
    await tab.click({ sel: '.ex-share-button', nth: 0 });
    await tab.waitFor({ sel: '.ex-share-status', text: 'Link copied' });
    await tab.click({ sel: '.ex-source .ex-share-button', nth: 0 });
    await tab.waitFor('.ex-share-address');
  },
};

for (const [name, reach] of Object.entries(states)) {
  for (const scheme of ['light', 'dark']) {
    test(`axe: no violations, ${name}, ${scheme} mode`, async () => {
      const tab = await open('', { colorScheme: scheme });
      await reach(tab);
      assert.deepEqual(await violations(tab), []);
      assert.deepEqual((await tab.probe()).errors, []);
      await tab.close();
    });
  }
}

test('axe: no violations with the corrections log open, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const tab = await env.browser.open(`${env.server.url}/library-hours.html`, { colorScheme: scheme });
    await live(tab);
    await tab.click('.ex-changes-button');
    await tab.waitFor('#explainer-changes-panel');
    assert.deepEqual(await violations(tab), [], scheme);
    await tab.close();
  }
});

test('axe: no violations in Explainer Studio, with the sample and with a problem listed, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const tab = await env.browser.open(`${env.server.url}/studio.html`, { colorScheme: scheme });
    await tab.until(async () => (await tab.text('#status')) !== 'Loading the studio…', 'the studio is ready');
    await tab.click('#sample');
    await tab.waitFor('#preview-explainer >> .ex-question');
    assert.deepEqual(await violations(tab), [], `${scheme}, the sample`);
    await tab.click('#show-card');
    await tab.waitFor('#card-image');
    assert.deepEqual(await violations(tab), [], `${scheme}, the share image shown`);
    await tab.evalOn('#text', (area) => {
      area.value = area.value.replace(/"label": "[^"]*"/, '"label": ""');
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      return true;
    });
    await tab.waitFor('#problems button');
    assert.deepEqual(await violations(tab), [], `${scheme}, a problem listed`);
    await tab.click('#delete');
    await tab.close();
  }
});

test('Explainer Studio at 320 px: nothing scrolls sideways, axe finds nothing, and the keyboard reaches every control', async () => {
  const tab = await env.browser.open(`${env.server.url}/studio.html`, { viewport: { width: 320, height: 640 } });
  await tab.until(async () => (await tab.text('#status')) !== 'Loading the studio…', 'the studio is ready');
  await tab.click('#sample');
  await tab.waitFor('#preview-explainer >> .ex-question');
  // The share image shown too: it fits the column.
  await tab.click('#show-card');
  await tab.waitFor('#card-image');
  const widths = await tab.eval(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(widths[0] <= widths[1], `page ${widths[0]} px wide in a ${widths[1]} px window`);
  assert.deepEqual(await violations(tab), []);
  // Every control of the studio has a name and can take focus from the keyboard.
  const controls = await tab.eval(() => [...document.querySelectorAll('main button, main input, main select, main textarea')]
    .filter((el) => !el.disabled)
    .map((el) => ({ id: el.id, focusable: el.tabIndex >= 0 || el.type === 'file', named: Boolean(el.labels?.length || el.textContent.trim() || el.getAttribute('aria-label')) })));
  assert.ok(controls.length >= 10, `${controls.length} controls`);
  assert.deepEqual(controls.filter((c) => !c.focusable || !c.named), [], 'unnamed or unreachable controls');
  await tab.click('#delete');
  await tab.close();
});

test('axe: no violations in the error panel, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const tab = await open('?src=broken.json', { colorScheme: scheme });
    await tab.waitFor('[role=alert]');
    assert.deepEqual(await violations(tab), [], scheme);
    await tab.close();
  }
});

// 320 CSS px is both a small phone and a 1280 px wide window at 400 % zoom (WCAG 1.4.10).
const narrow = {
  '320 px wide': { viewport: { width: 320, height: 640 } },
  '400 % zoom': { viewport: { width: 320, height: 256 }, scale: 4 },
};
for (const [name, options] of Object.entries(narrow)) {
  test(`axe and reflow: ${name}, expanded and with a card open, nothing scrolls sideways`, async (t) => {
    if (ENGINE === 'webkit' && options.scale) degraded(t, "WebKit's WebDriver cannot set the device pixel ratio: the layout at 320 by 256 CSS pixels is checked, not its rasterizing at 4x");
    const tab = await open('', options);
    noteFramedViewport(t, tab);
    await states['every section expanded'](tab);
    // The pointer leaves the button it clicked: the page moves under it as focus scrolls, and a
    // marker that comes to rest beneath it would open its own card in place of the focused one's.
    await tab.mouseMove(0, 0);
    await tab.focus('.ex-verdict .ex-marker');
    const marker = await tab.evalOn('.ex-verdict .ex-marker', (el) => el.id);
    await tab.waitFor(`#${marker}-card`);
    assert.deepEqual(await violations(tab), []);
    const widths = await tab.eval(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert.equal(widths[1], 320, 'the viewport is 320 CSS px wide');
    assert.ok(widths[0] <= widths[1], `page ${widths[0]} px wide in a ${widths[1]} px window`);
    const box = await tab.box('.ex-card');
    assert.ok(box.x >= 0 && box.x + box.width <= 320, `card from ${box.x} to ${box.x + box.width}`);
    await tab.close();
  });
}

test('axe: no violations in two script embeds inside an article, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    const tab = await env.browser.open(`${env.server.url}/demo.html`, { colorScheme: scheme });
    await tab.waitFor('#ice >> .ex-question');
    await tab.waitFor('#library >> .ex-question');
    assert.deepEqual(await violations(tab, { include: [['#ice'], ['#library']] }), [], scheme);
    await tab.close();
  }
});

test('axe sees into the widget: a fault planted in its shadow root is reported', async () => {
  const tab = await env.browser.open(`${env.server.url}/demo.html`);
  await live(tab, '#ice >> ');
  await tab.eval(() => {
    const root = document.querySelector('#ice').shadowRoot.querySelector('.ex-root');
    root.append(document.createElement('button'));
  });
  assert.ok((await violations(tab, { include: [['#ice']] })).some((v) => v.startsWith('button-name')), 'an unnamed button is caught');
  await tab.close();
});

test('contrast beside an open card is judged: a faded marker is reported', async () => {
  const tab = await open();
  await tab.focus('.ex-verdict .ex-marker');
  await tab.waitFor('.ex-card');
  await tab.evalOn('.ex-verdict .ex-marker', (marker) => marker.style.setProperty('color', 'rgb(235, 235, 235)', 'important'));
  const found = await violations(tab);
  assert.ok(found.some((v) => v.includes('color-contrast') && v.includes('explainer-verdict-1-c1')), found.join('\n'));
  await tab.close();
});

test('a card longer than the screen allows scrolls, is a Tab stop so the keyboard can scroll it, and axe finds nothing in it', async () => {
  const tab = await open('', { viewport: { width: 320, height: 640 } });
  // Text at twice its size on a phone, the marker at the top of the screen: the card has room
  // below it, but its content outgrows the height the stylesheet allows a card.
  await tab.evalOn('.ex-root', (root) => root.style.setProperty('--ex-font-size', '32px'));
  await tab.evalOn('.ex-verdict .ex-marker', (marker) => marker.scrollIntoView({ block: 'start' }));
  await tab.focus('.ex-verdict .ex-marker');
  await tab.waitFor('.ex-card');
  const card = await tab.evalOn('.ex-card', (el) => ({ scrolls: el.scrollHeight > el.clientHeight, tabIndex: el.tabIndex }));
  assert.ok(card.scrolls, 'the card scrolls');
  assert.equal(card.tabIndex, 0, 'the card is a Tab stop');
  assert.deepEqual(await violations(tab), []);
  await tab.close();
});

test('right to left: an Arabic set is laid out from the right, its card opens from its marker\'s right edge, and axe finds nothing', async () => {
  for (const scheme of ['light', 'dark']) {
    const tab = await env.browser.open(`${env.server.url}/example-ar.html`, { colorScheme: scheme, viewport: { width: 800, height: 700 } });
    await live(tab);
    assert.deepEqual(await tab.evalOn('.ex-root', (root) => [root.lang, root.dir, getComputedStyle(root).direction]), ['ar', 'rtl', 'rtl']);
    // The verdict's bar is on its start side, the right.
    const bar = await tab.evalOn('.ex-verdict', (el) => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]);
    assert.deepEqual(bar, ['5px', '0px']);
    // Latin text from a source keeps its own order inside Arabic words: the byline's publisher
    // comes first (rightmost), its date after it, and a Latin passage reads left to right.
    const [publisher, date] = await tab.evalOn('#explainer-source-1 .ex-src-byline', (el) => [...el.querySelectorAll('bdi')].map((b) => {
      const box = b.getBoundingClientRect();
      return { text: b.textContent, left: box.left, right: box.right };
    }));
    assert.equal(publisher.text, 'Example City Library');
    assert.ok(publisher.left >= date.right - 0.5, `publisher ${publisher.left}–${publisher.right} is right of the date ${date.left}–${date.right}`);
    assert.equal(await tab.evalOn('#explainer-source-1 .ex-src-excerpt q', (q) => getComputedStyle(q).direction), 'ltr');
    // Its quotation marks are a left-to-right language's: “ opens, ” closes (not Arabic's ” and “).
    const quotes = await tab.evalOn('#explainer-source-1 .ex-src-excerpt q', (q) => getComputedStyle(q).quotes);
    assert.ok(quotes.indexOf('“') >= 0 && quotes.indexOf('“') < quotes.indexOf('”'), quotes);
    await tab.focus('.ex-verdict .ex-marker');
    const marker = await tab.evalOn('.ex-verdict .ex-marker', (el) => el.id);
    await tab.waitFor(`#${marker}-card`);
    const [card, at] = [await tab.box(`#${marker}-card`), await tab.box('.ex-verdict .ex-marker')];
    assert.ok(Math.abs(card.x + card.width - (at.x + at.width)) < 1 || card.x <= 8.5, `card ${card.x}–${card.x + card.width}, marker ${at.x}–${at.x + at.width}`);
    assert.ok(card.x >= 0 && card.x + card.width <= 800, 'the card stays on screen');
    assert.deepEqual(await violations(tab), [], scheme);
    await tab.close();
  }
});

/** What the widget under `scope` says, as text and in the names screen readers read. */
function saidIn(tab, scope) {
  return tab.evalOn(`${scope}.ex-root`, (root) => [root.textContent,
    ...[...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')),
    ...[...root.querySelectorAll('.ex-share-status')].flatMap((e) => [e.dataset.copied, e.dataset.shared, e.dataset.manual])].join('\n'));
}

for (const [tag, language] of Object.entries(LANGUAGES)) {
  const modes = {
    'its own page': { address: () => `${env.server.url}/example-${tag}.html`, scope: '', schemes: ['light', 'dark'] },
    'a script embed in an English article': { address: () => `${env.server.url}/t-${tag}-embed.html`, scope: `#example-${tag} >> `, schemes: ['light', 'dark'] },
    'the offline file': { address: () => language.offline, scope: '', schemes: ['light'] },
    'an iframe in an English article': { address: () => `${env.server.url}/t-${tag}-frame.html`, scope: '', schemes: ['light'], framed: true },
  };
  for (const [mode, { address, scope, schemes, framed }] of Object.entries(modes)) {
    test(`in ${tag}, in ${mode}: every word the widget adds is in the set's language, with lang and dir, and axe finds nothing`, async () => {
      for (const colorScheme of schemes) {
        const article = await env.browser.open(address(), { colorScheme });
        const tab = framed ? await article.frame('#frame') : article;
        await live(tab, scope);
        assert.deepEqual(await tab.evalOn(`${scope}.ex-root`, (root) => [root.lang, root.getAttribute('dir'), getComputedStyle(root).direction]),
          [tag, language.dir, language.dir ?? 'ltr']);
        // A page of the explainer's own is in its language too, and right to left for Arabic.
        if (!scope) assert.deepEqual(await tab.eval(() => [document.documentElement.lang, document.documentElement.dir]), [tag, language.dir ?? '']);
        assert.equal(await tab.textContent(`${scope}.ex-kicker`), language.words.kicker);
        assert.equal(await tab.textContent(`${scope}.ex-sources .ex-h3`), language.words.sources);
        // Dates as the browser's own CLDR data says them in the language's long format (Latin
        // digits): an oracle the widget's Rust never asks.
        const dates = await tab.evalAll(`${scope}.ex-change-head time`, (times, tag) => times.map((t) => [t.textContent,
          new Intl.DateTimeFormat(`${tag}-u-nu-latn`, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${t.dateTime}T00:00:00Z`))]), tag);
        assert.ok(dates.length > 0, 'the log has dates');
        for (const [shown, cldr] of dates) assert.equal(shown, cldr);
        const said = await saidIn(tab, scope);
        assert.deepEqual(ENGLISH.filter((words) => said.includes(words)), [], 'no English');
        // A card opened from the keyboard speaks the language too. In a frame, the reader has
        // first clicked into it (WebKit gives a frame's document no focus events before).
        if (framed) await clickInFrame(article, '#frame', tab, `${scope}.ex-question`);
        await tab.mouseMove(0, 0);
        await tab.focus(`${scope}.ex-verdict .ex-marker`);
        const marker = await tab.evalOn(`${scope}.ex-verdict .ex-marker`, (el) => el.id);
        await tab.waitFor(`${scope}#${marker}-card`);
        const card = await tab.evalOn(`${scope}#${marker}-card`, (el) => [el.getAttribute('aria-label'), el.textContent]);
        assert.ok(!ENGLISH.some((words) => card.join(' ').includes(words)), card.join(' '));
        assert.deepEqual(await violations(tab), [], `${colorScheme}, card open`);
        await article.close();
      }
    });
  }

  test(`keyboard only, in ${tag}: Tab reaches every control once, in reading order, collapsed and expanded`, async () => {
    const tab = await env.browser.open(`${env.server.url}/example-${tag}.html`);
    await live(tab);
    assert.deepEqual(await walk(tab), await stops(tab), 'collapsed');
    await fromTop(tab);
    const toggle = await tabTo(tab, (f) => f.className.includes('ex-toggle-all'));
    assert.equal(toggle.text, language.words.toggle);
    await tab.press('Enter');
    await tab.waitFor({ sel: '.ex-reasoning .ex-panel', nth: -1 });
    assert.deepEqual(await walk(tab), await stops(tab), 'expanded');
    // A marker's card: shown on focus, hidden by Escape with focus kept, Enter goes to the source.
    await fromTop(tab);
    const marker = await tabTo(tab, (f) => f.className.includes('ex-marker'));
    await tab.waitFor('.ex-card');
    await tab.press('Escape');
    await tab.waitFor('.ex-card', { state: 'detached' });
    assert.equal((await focused(tab)).stop, marker.stop, 'Escape leaves focus on the marker');
    await tab.press('Enter');
    await tab.untilInPage('a source has focus', () => Boolean(activeElement()?.closest('.ex-source')));
    await tab.close();
  });
}

/** Asserts that the English demo set's widget under `scope` says its own words in Spanish
 * around the set's English text. */
async function spanishWordsAroundEnglish(tab, scope = '') {
  assert.equal(await tab.textContent(`${scope}.ex-kicker`), 'Verificación');
  assert.equal(await tab.textContent(`${scope}.ex-sources .ex-h3`), 'Fuentes');
  assert.equal(await tab.evalOn(`${scope}.ex-root`, (root) => root.lang), 'en', 'the set\'s text is still English');
}

/** Asserts that `tab`'s widget took over what was prerendered (no error, not rendered afresh)
 * and that axe finds nothing. */
async function takenOverCleanly(tab) {
  const { warnings, errors } = await tab.probe();
  assert.deepEqual(errors, []);
  assert.deepEqual(warnings.filter((w) => w.includes('prerendered')), [], 'taken over, not rendered afresh');
  assert.deepEqual(await violations(tab), []);
}

test('the language attribute: a snippet made with --language es is taken over in Spanish as it was, around the set\'s English', async () => {
  const tab = await env.browser.open(`${env.server.url}/t-language.html`);
  const scope = '#library-hours >> ';
  await live(tab, scope);
  await spanishWordsAroundEnglish(tab, scope);
  await takenOverCleanly(tab);
  await tab.close();
});

test('a page of its own made with --language es is taken over in Spanish as it was; ?language=es in the address says the words in Spanish once the widget starts', async () => {
  const tab = await env.browser.open(`${env.server.url}/t-language-page.html`);
  await live(tab);
  await spanishWordsAroundEnglish(tab);
  assert.equal(await tab.eval(() => document.documentElement.lang), 'es');
  await takenOverCleanly(tab);
  await tab.close();
  const asked = await env.browser.open(`${env.server.url}/library-hours.html?language=es`);
  await live(asked);
  await spanishWordsAroundEnglish(asked);
  await asked.close();
});

test('with no evidence to say its language, the error panel speaks the page\'s', async () => {
  const tab = await env.browser.open(`${env.server.url}/t-missing-es.html`);
  await tab.waitFor('#missing >> .ex-error-title');
  assert.equal(await tab.textContent('#missing >> .ex-error-title'), 'No se puede mostrar esta verificación');
  assert.match(await tab.textContent('#missing >> .ex-error p'), /^El conjunto de evidencia tiene 1 problema:$/);
  assert.equal(await tab.evalOn('#missing >> .ex-root', (root) => root.lang), 'es');
  assert.deepEqual(await violations(tab), []);
  await tab.close();
});

test('an override character in a sentence (U+202E) reorders nothing outside it: the next sentence, its own citation marker', async () => {
  const tab = await open('?src=/t-bidi.published.json');
  await tab.waitFor('.ex-question');
  // Where each of two words of a text node starts on screen, by a range over each.
  const order = (selector, first, last) => tab.evalOn(selector, (el, [a, b]) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const at = (word) => {
      for (let node = walker.currentNode; node; node = walker.nextNode()) {
        const i = node.nodeType === Node.TEXT_NODE ? node.data.indexOf(word) : -1;
        if (i >= 0) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          return range.getBoundingClientRect().x;
        }
      }
      return NaN;
    };
    const x = at(a);
    walker.currentNode = el;
    return [x, at(b)];
  }, [first, last]);
  const [second, stays] = await order('#explainer-verdict-2', 'Second', 'stays');
  assert.ok(second < stays, `the next sentence reads left to right: "Second" at ${second}, "stays" at ${stays}`);
  const [open1, close1] = await order('#explainer-verdict-1-c1', '[', ']');
  assert.ok(open1 < close1, `the marker reads [1]: "[" at ${open1}, "]" at ${close1}`);
  await tab.close();
});

/** The focused element, looking into shadow roots. */
function focused(tab) {
  return tab.eval(() => {
    const el = activeElement();
    // The widget's root: in its shadow root, or on its own page around it in the page.
    const root = el.closest('.ex-root') ?? el.getRootNode().querySelector?.('.ex-root');
    const stops = root ? [...root.querySelectorAll('a[href], button')].filter((e) => !e.closest('.ex-card')) : [];
    return {
      stop: stops.indexOf(el),
      tag: el.localName,
      className: typeof el.className === 'string' ? el.className : '',
      text: el.textContent.trim(),
      id: el.id,
      href: el.getAttribute('href'),
      expanded: el.getAttribute('aria-expanded'),
      inWidget: Boolean(root?.contains(el)),
      scrolls: el.scrollHeight > el.clientHeight,
    };
  });
}

/** Every control a keyboard should reach, in document order: links and buttons that show,
 * apart from the card's (a preview, reached in full through the marker's own link). */
function stops(tab) {
  return tab.eval(() => {
    const root = document.querySelector('#explainer .ex-root');
    return [...root.querySelectorAll('a[href], button')]
      .filter((e) => !e.closest('.ex-card'))
      .map((e, i) => (e.checkVisibility() ? i : -1))
      .filter((i) => i >= 0);
  });
}

/** Presses Tab until `wanted` holds for the focused element; fails after `limit` presses. */
async function tabTo(tab, wanted, limit = 300) {
  for (let i = 0; i < limit; i += 1) {
    await tab.press('Tab');
    const now = await focused(tab);
    if (wanted(now)) return now;
  }
  throw new Error('never reached by Tab');
}

/** Moves the point Tab starts from to the top of the page. A click on empty page does that in
 * Chromium and WebKit, but Firefox goes on from the last focused element, so focus is also put
 * on a mark at the start of the page that Tab itself skips, as a skip link's target would be.
 * A Tab stop after the widget stands for the rest of an article: leaving the widget lands
 * there, not in the browser's own controls (which headless Firefox does not give back). */
async function fromTop(tab) {
  await tab.mouseClick(1, 1);
  await tab.eval(() => {
    if (!document.getElementById('tab-start')) {
      const start = Object.assign(document.createElement('span'), { id: 'tab-start', tabIndex: -1 });
      const end = Object.assign(document.createElement('span'), { id: 'tab-end', tabIndex: 0, textContent: 'after' });
      document.body.prepend(start);
      document.body.append(end);
    }
    document.getElementById('tab-start').focus();
  });
  assert.equal((await focused(tab)).stop, -1, 'nothing in the widget focused');
  assert.ok(await tab.eval(() => document.hasFocus()), 'the page has focus');
}

/** The stops Tab visits from the top of the page until focus leaves the widget. */
async function walk(tab) {
  await fromTop(tab);
  const visited = [];
  for (let i = 0; i < 400; i += 1) {
    await tab.press('Tab');
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
  const tab = await open();
  assert.deepEqual(await walk(tab), await stops(tab), 'collapsed');
  await fromTop(tab);
  const toggle = await tabTo(tab, (f) => f.text === 'Expand all sections');
  assert.equal(toggle.tag, 'button');
  await tab.press('Enter');
  await tab.waitFor({ sel: '.ex-reasoning .ex-panel', nth: -1 });
  const expanded = await stops(tab);
  assert.ok(expanded.length > 40, `${expanded.length} stops with every section open`);
  assert.deepEqual(await walk(tab), expanded, 'expanded');
  await tab.close();
});

test('keyboard only: every control works from the keyboard', async () => {
  const tab = await open();

  // A marker: focus shows its card, Escape hides it and keeps focus, Enter goes to the source.
  const marker = await tabTo(tab, (f) => f.className.includes('ex-marker') && f.text === '[4]');
  await tab.waitFor('.ex-card');
  assert.match(await tab.text('.ex-card'), /Amazon Employees Continue to Urge Company to Cut Ties With ICE/);
  await tab.press('Escape');
  await tab.waitFor('.ex-card', { state: 'detached' });
  assert.equal((await focused(tab)).stop, marker.stop, 'Escape leaves focus on the marker');
  await tab.press('Enter');
  await tab.untilInPage('source 4 has focus', () => activeElement()?.closest('.ex-source')?.id === 'explainer-source-4');

  // From the source, a back-link returns to the citing sentence.
  const back = await tabTo(tab, (f) => f.className.includes('ex-src-place'));
  assert.match(back.href, /^#explainer-/);
  await tab.press('Enter');
  await tab.untilInPage('the citing sentence has focus', (id) => activeElement()?.id === id, back.href.slice(1));

  // Expand all and collapse all, with Enter and then Space.
  await fromTop(tab);
  await tabTo(tab, (f) => f.text === 'Expand all sections');
  await tab.press('Enter');
  await tab.waitFor({ sel: '.ex-reasoning .ex-panel', nth: -1 });
  assert.equal((await focused(tab)).text, 'Collapse all sections');
  await tab.press(' ');
  await tab.waitFor('.ex-reasoning .ex-panel', { state: 'hidden' });

  // One section, opened with Space and closed with Enter.
  const section = await tabTo(tab, (f) => f.className.includes('ex-disclosure') && f.expanded === 'false' && !f.className.includes('limits'));
  await tab.press(' ');
  await tab.untilInPage('the section is expanded', () => activeElement()?.getAttribute('aria-expanded') === 'true');
  await tab.waitFor('.ex-reasoning .ex-panel');
  await tab.press('Enter');
  await tab.untilInPage('the section is collapsed', () => activeElement()?.getAttribute('aria-expanded') === 'false');
  assert.equal((await focused(tab)).stop, section.stop);

  // The verdict's link to the reporting limits opens them and moves focus there.
  await fromTop(tab);
  await tabTo(tab, (f) => f.tag === 'a' && f.text === 'What this evidence cannot show');
  await tab.press('Enter');
  await tab.waitFor('.ex-limit-list');
  const limits = await focused(tab);
  assert.equal(limits.expanded, 'true');
  assert.match(limits.className, /ex-limits-button/);
  await tab.close();
});

/** The stand-alone page, under its own strict policy, with a fake clock, so that time can pass
 * without waiting for it. */
async function timed() {
  const tab = await open();
  await tab.waitFor('.ex-question');
  await tab.installClock();
  return tab;
}

const center = (box) => [box.x + box.width / 2, box.y + box.height / 2];
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('WCAG 1.4.13: the card is hoverable, persistent and dismissible, and never covers its marker', async () => {
  const tab = await timed();
  const marker = '.ex-verdict .ex-marker';
  const card = '.ex-card';

  // Persistent: while the pointer rests on the marker the card stays, however long it is.
  await tab.hover(marker);
  await tab.runFor(400);
  await tab.waitFor(card);
  assert.ok(!overlap(await tab.box(card), await tab.box(marker)), 'the card leaves its marker visible');
  const before = await tab.eval(() => Date.now());
  await tab.runFor(120_000);
  // The page's clock (and so its timers) really moved on: the card outlived two minutes.
  assert.ok((await tab.eval(() => Date.now())) - before >= 120_000, 'page time advanced');
  assert.ok(await tab.isVisible(card), 'still there after two minutes of hovering');

  // Hoverable: the pointer can travel from the marker onto the card, and stay there.
  const [x, y] = center(await tab.box(card));
  await tab.mouseMove(x, y, { steps: 8 });
  await tab.runFor(120_000);
  assert.ok(await tab.isVisible(card), 'still there with the pointer on the card');
  const text = await tab.text(card);
  assert.ok(text.length > 20, 'its text can be read and selected');

  // Dismissible: Escape hides it without moving the pointer or focus.
  await tab.press('Escape');
  await tab.waitFor(card, { state: 'detached' });
  await tab.runFor(5_000);
  assert.equal(await tab.count(card), 0, 'it does not come back while the pointer stays');

  // The pointer leaves a card it opened: for the grace period the card stays.
  const leaveBriefly = async () => {
    await tab.mouseMove(1, 1);
    await tab.hover(marker);
    await tab.runFor(400);
    await tab.waitFor(card);
    await tab.mouseMove(1, 1);
    await tab.runFor(100);
    assert.ok(await tab.isVisible(card), 'within the grace period');
  };

  // Coming back within the grace period keeps it, however long the pointer then stays.
  await leaveBriefly();
  await tab.hover(marker);
  await tab.runFor(5_000);
  assert.ok(await tab.isVisible(card), 'still there after the pointer came back within the grace period');

  // Leaving hides it after the grace period, not before.
  await leaveBriefly();
  await tab.runFor(1_000);
  await tab.waitFor(card, { state: 'detached' });

  // Persistent and dismissible from the keyboard too.
  await tab.focus(marker);
  await tab.waitFor(card);
  await tab.runFor(120_000);
  assert.ok(await tab.isVisible(card), 'still there while the marker has focus');
  await tab.press('Escape');
  await tab.waitFor(card, { state: 'detached' });
  await tab.close();
});

test('motion: transitions play normally and stop under prefers-reduced-motion', async () => {
  const durations = {};
  for (const reducedMotion of ['no-preference', 'reduce']) {
    const tab = await open('', { reducedMotion });
    durations[reducedMotion] = await tab.evalOn('.ex-chevron', (e) => getComputedStyle(e).transitionDuration);
    const animated = await tab.eval(() => {
      const root = document.querySelector('#explainer');
      return [...root.querySelectorAll('*')].filter((e) => {
        const style = getComputedStyle(e);
        const moving = (value) => value.split(',').some((d) => parseFloat(d) > 0);
        return moving(style.transitionDuration) || (style.animationName !== 'none' && moving(style.animationDuration));
      }).length;
    });
    durations[`${reducedMotion} elements`] = animated;
    await tab.close();
  }
  assert.equal(durations['no-preference'], '0.15s', 'the chevron turns when motion is welcome');
  assert.ok(durations['no-preference elements'] > 0);
  assert.equal(durations['reduce elements'], 0, 'nothing moves under reduced motion');
});

test('axe: no violations before any script, in the prerendered snippet and the offline file', async () => {
  env.server.refuse('/embed.js');
  try {
    const tab = await env.browser.open(`${env.server.url}/t-snippet.html`);
    await tab.waitFor('#library-hours >> .ex-question');
    assert.deepEqual(await violations(tab), []);
    await tab.close();
  } finally {
    env.server.allow('/embed.js');
  }
  const offline = await env.browser.open(pathToFileURL(scriptlessOffline()).href);
  await offline.waitFor('.ex-question');
  assert.deepEqual(await violations(offline), []);
  await offline.close();
});
