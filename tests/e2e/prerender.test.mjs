// End-to-end: the explainer arrives as HTML before any script, in the script embed that
// `explainer snippet` prints (a declarative shadow root) and on the stand-alone page that
// `explainer page` writes at build time (in the page itself); complete without script, and
// taken over by embed.js with nothing moving and what the reader did kept. The offline file's
// prerendering is in offline.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { built, ENGINE, FIRST_SEEN, harness, librarySnippet, live, scratchDir } from './support/harness.mjs';
import { differingRows, viewportImage } from './support/images.mjs';

const snippet = librarySnippet();
const article = (body) => ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/demo.css"></head>
<body><main><h1>An article</h1><p>Before the explainer.</p>${body}<p>After the explainer.</p></main></body></html>`];
const stale = snippet.replace(/data-stamp="[^"]*"/, 'data-stamp="0000000000000000-0.0.0"');
assert.notEqual(stale, snippet, 'the snippet carries a stamp');

// The same snippet, its evidence file now one the widget cannot use.
const broken = snippet.replace('src="/evidence/library-hours.published.json"', 'src="/t-broken.published.json"');
assert.notEqual(broken, snippet, 'the snippet names its evidence file');

const env = harness({
  '/t-snippet.html': article(snippet),
  '/t-stale.html': article(stale),
  '/t-broken.html': article(broken),
  '/t-broken.published.json': ['application/json', '{"version": 1, "form": "published"}'],
});
const WASM = built('explainer-widget_bg.wasm');
// The scripting-off test's screenshots: KEEP_SHOTS=DIR keeps them there to look at.
const shots = process.env.KEEP_SHOTS ?? scratchDir('scriptless');
const ICE = 'Did Microsoft or Amazon end contracts with ICE and when?';
const LIBRARY = 'Did the city library cut its weekend opening hours in 2026?';

/** Each prerendered mode: its page, the query prefix of its widget, the DOM id prefix, what it
 * holds, and the sections the reader-first test opens (the second) and focuses (the last). */
const MODES = {
  'prerendered snippet': {
    path: '/t-snippet.html', scope: '#library-hours >> ', ids: 'library-hours', question: LIBRARY,
    sections: 3, sources: 2, open: 'the-branches', focus: 'bottom-line', after: 'main > p',
  },
  'stand-alone page': {
    path: '/index.html', scope: '#explainer >> ', ids: 'explainer', question: ICE,
    sections: 7, sources: 10, open: 'microsoft', focus: 'bottom-line', after: null,
  },
  'iframe page of another set (explainer page)': {
    path: '/library-hours.html', scope: '#explainer >> ', ids: 'explainer', question: LIBRARY,
    sections: 3, sources: 2, open: 'the-branches', focus: 'bottom-line', after: null,
  },
};

/** What a reader sees first of the explainer, and what follows it on the page. */
const seen = (mode) => [...FIRST_SEEN.map((sel) => `${mode.scope}${sel}`), ...(mode.after ? [mode.after] : [])];

/** Where each of those is. */
const layout = (tab, mode) => tab.boxes(seen(mode));

for (const [name, mode] of Object.entries(MODES)) {
  const W = mode.scope;

  test(`${name}: without script, the whole explainer shows, styled`, async () => {
    env.server.refuse('/embed.js');
    try {
      const tab = await env.browser.open(`${env.server.url}${mode.path}`);
      await tab.waitFor(`${W}.ex-question`);
      assert.equal(await tab.text(`${W}.ex-question`), mode.question);
      assert.match(await tab.text(`${W}.ex-verdict-label`), /\S/);
      assert.equal(await tab.count(`${W}.ex-section`), mode.sections);
      assert.equal(await tab.count(`${W}.ex-source`), mode.sources);
      assert.ok((await tab.count(`${W}.ex-src-place`)) > 0, 'sources link back to where they are cited');
      // Closed sections keep their text, for find in page to reach and open.
      assert.equal(await tab.attr(`${W}#${mode.ids}-panel-${mode.open}`, 'hidden'), 'until-found');
      assert.ok((await tab.textContent(`${W}#${mode.ids}-panel-${mode.open}`)).length > 40);
      assert.match(await tab.evalOn(`${W}.ex-question`, (e) => getComputedStyle(e).fontFamily), /^system-ui/, 'the widget\'s stylesheet applies');
      assert.equal(await tab.count(`${W}.ex-card`), 0);
      if (mode.question === LIBRARY) {
        // The corrected verdict says so before any script, and its log is there to find.
        assert.match(await tab.text(`${W}.ex-changes-note`), /^Updated on April 9, 2026\. The verdict was \u201cYes, at every library\u201d until April 3, 2026\./);
        assert.ok((await tab.textContent(`${W}#${mode.ids}-changes-panel`)).includes('Added the library director'));
      }
      assert.equal(await tab.eval(() => document.querySelector('evidence-explainer').explainerStarted === true), false, 'no script of the widget ran');
      if (mode.after) {
        assert.equal(await tab.evalOn(`${W}.ex-question`, (e) => getComputedStyle(e).backgroundColor), 'rgba(0, 0, 0, 0)', 'the article\'s styles do not reach in');
      } else {
        assert.equal(await tab.title(), mode.question, 'the page is titled by its question');
        // In the page itself, a citation is a plain link to its source: it works with no script.
        await tab.click({ sel: `${W}.ex-verdict .ex-marker`, nth: 0 });
        await tab.until(async () => /^#explainer-source-\d+$/.test(await tab.eval(() => location.hash)), 'the marker goes to its source');
        const target = await tab.eval(() => location.hash);
        await tab.untilInPage('the source is scrolled into view', (id) => {
          const box = document.getElementById(id).getBoundingClientRect();
          return box.top >= 0 && box.top < innerHeight;
        }, target.slice(1));
      }
      await tab.close();
    } finally {
      env.server.allow('/embed.js');
    }
  });

  if (!mode.after) {
    test(`${name}: without script, a deep link opens its section, and one to a source reaches it`, async () => {
      env.server.refuse('/embed.js');
      try {
        const tab = await env.browser.open(`${env.server.url}${mode.path}#${mode.open}`);
        await tab.waitFor(`#${mode.ids}-panel-${mode.open}`);
        const inView = (id) => tab.untilInPage(`#${id} is in view`, (target) => {
          const box = document.getElementById(target)?.getBoundingClientRect();
          return box && box.top > -2 && box.bottom < innerHeight + 2;
        }, id);
        await inView(mode.open);
        assert.equal(await tab.count({ sel: '.ex-panel', visible: true }), 1, 'that section alone is open');
        await tab.eval(() => { location.hash = '#source-2'; });
        await inView('source-2');
        assert.match(await tab.evalOn('#source-2', (e) => e.closest('.ex-source').id), /-source-2$/);
        await tab.close();
      } finally {
        env.server.allow('/embed.js');
      }
    });
  }

  test(`${name}: embed.js takes it over: nothing moves, and what the reader opened and focused stays`, async () => {
    const { tab, before } = await readerFirst(mode.path, mode);
    await tab.untilInPage('the widget knows the section is open',
      (button) => queryAll({ sel: button })[0]?.getAttribute('aria-expanded') === 'true', `${W}#${mode.ids}-button-${mode.open}`);
    assert.ok(await tab.isVisible(`${W}#${mode.ids}-panel-${mode.open}`), 'the opened section is still open');
    assert.equal(await tab.eval(() => activeElement()?.id), `${mode.ids}-button-${mode.focus}`, 'focus stayed');
    await painted(tab);
    // Every frame from before the wasm came until now, as sampled in the page: nothing moved
    // even for a frame, in every engine (a box put in and taken out again is seen here).
    const frames = await tab.eval(() => {
      window.__sampling = false;
      return window.__frames;
    });
    assert.ok(frames.length >= 2, `frames were sampled through the handover (${frames.length})`);
    for (const [i, frame] of frames.entries()) {
      assert.deepEqual(frame.boxes, before.layout, `every box where it was in frame ${i + 1} of ${frames.length}, at ${frame.at} ms`);
      assert.equal(frame.scroll, before.scroll, `the page had not scrolled in frame ${i + 1}`);
    }
    assert.deepEqual(await layout(tab, mode), before.layout, 'every box is where it was');
    assert.equal(await tab.eval(() => scrollY), before.scroll, 'the page did not scroll');
    // Where the engine reports layout shifts (Chromium), it counted none either.
    const [shift, shifted] = await tab.eval(() => [window.__cls, window.__shifted]);
    assert.equal(shift, 0, `no layout shift in the handover; moved:\n${shifted.join('\n')}`);
    assert.equal(await tab.count(`${W}.ex-root`), 1, 'one explainer, not two');
    // It is the widget now: the section closes from its button.
    await tab.click(`${W}#${mode.ids}-button-${mode.open}`);
    await tab.waitFor(`${W}#${mode.ids}-panel-${mode.open}`, { state: 'hidden' });
    const probe = await tab.probe();
    assert.deepEqual([probe.errors, probe.warnings], [[], []]);
    await tab.close();
  });

  test(`${name}: a section button works before the wasm arrives, and what it opened stays open`, async () => {
    const release = env.server.hold(WASM);
    const tab = await env.browser.open(`${env.server.url}${mode.path}`);
    try {
      await tab.waitFor(`${W}.ex-prerendered`);
      await tab.untilInPage('embed.js has run', (sel) => queryAll({ sel })[0]?.explainerStarted === true, mode.scope.replace(/ >> $/, ''));
      await tab.click(`${W}#${mode.ids}-button-${mode.open}`);
      await tab.waitFor(`${W}#${mode.ids}-panel-${mode.open}`);
      assert.equal(await tab.attr(`${W}#${mode.ids}-button-${mode.open}`, 'aria-expanded'), 'true');
      assert.equal(await tab.count(`${W}.ex-prerendered`), 1, 'still before the takeover');
    } finally {
      release();
    }
    await live(tab, W);
    await tab.waitFor(`${W}.ex-toggle-all`);
    assert.equal(await tab.attr(`${W}#${mode.ids}-button-${mode.open}`, 'aria-expanded'), 'true');
    assert.ok(await tab.isVisible(`${W}#${mode.ids}-panel-${mode.open}`), 'open after the takeover');
    await tab.close();
  });

  test(`${name}: a widget that cannot start leaves the explainer with every section open`, async () => {
    env.server.refuse(WASM);
    try {
      const tab = await env.browser.open(`${env.server.url}${mode.path}`);
      await tab.waitFor(`${W}.ex-static`);
      assert.equal(await tab.count({ sel: `${W}.ex-panel`, visible: true }), await tab.count(`${W}.ex-panel`), 'every panel shows');
      assert.equal(await tab.count(`${W}button[aria-expanded="false"]`), 0, 'no button says its panel is closed');
      assert.equal(await tab.isVisible(`${W}.ex-toggle-all`), false, 'no control that cannot work');
      const probe = await tab.probe();
      assert.equal(probe.warnings.length, 1, probe.warnings.join('\n'));
      assert.match(probe.warnings[0], /stays as it is, without its cards/);
      await tab.close();
    } finally {
      env.server.allow(WASM);
    }
  });

  test(`${name}: with scripting off, every section shows open`, async () => {
    const viewport = { width: 1000, height: 1000 };
    const url = `${env.server.url}${mode.path}`;
    // What a reader with scripting off sees, looked at only: the page runs no script, and in
    // Firefox and WebKit the driver's scripts run in that same realm, so neither do the test's.
    const off = await env.browser.open(url, { viewport, script: false });
    const scriptless = await viewportImage(off, shots, `${mode.path.replace(/\W/g, "")}-off`);
    if (ENGINE === 'chromium') {
      // Chromium's DevTools protocol still evaluates apart from the page: its DOM says so too.
      await off.waitFor(`${W}.ex-question`);
      assert.equal(await off.count({ sel: `${W}.ex-panel`, visible: true }), await off.count(`${W}.ex-panel`), 'every panel shows');
      assert.equal(await off.isVisible(`${W}.ex-toggle-all`), false, 'no control that cannot work');
    }
    await off.close();
    // Two pictures of the same page with scripting on, to hold it against: every section open
    // and no control that needs script (its widget cannot start, so embed.js opens them all
    // and hides the section controls; the test hides the share buttons, which a static page
    // keeps), and every section closed (embed.js held back, as before any script runs).
    const look = async (refused, ready, name) => {
      env.server.refuse(refused);
      try {
        const tab = await env.browser.open(url, { viewport });
        await tab.waitFor(ready);
        await tab.eval(() => {
          // A constructed sheet: the page's policy allows no inline style.
          for (const root of [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)]) {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync('.ex-share { display: none !important; }');
            root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
          }
          return document.fonts.ready.then(() => true);
        });
        return await viewportImage(tab, shots, `${mode.path.replace(/\W/g, "")}-${name}`).finally(() => tab.close());
      } finally {
        env.server.allow(refused);
      }
    };
    const open = await look(WASM, `${W}.ex-static`, 'open');
    const closed = await look('/embed.js', `${W}.ex-question`, 'closed');
    const [fromOpen, fromClosed] = [differingRows(scriptless, open), differingRows(scriptless, closed)];
    const apart = differingRows(open, closed);
    assert.ok(apart > viewport.height / 20, `the two pictures are told apart: ${apart} rows differ between every section open and every section closed`);
    // (A row or two may differ where an engine paints its overlay scrollbar.)
    assert.ok(fromOpen <= viewport.height / 100, `with scripting off the page looks as it does with every section open: ${fromOpen} rows of ${viewport.height} differ (from every section closed: ${fromClosed})`);
  });
}

/** Waits out the next two frames: a layout shift is counted when the frame that made it is painted. */
function painted(tab) {
  return tab.eval(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Opens `path` with the widget's wasm held back, does what a reader might before it comes
 * (opens a section as find in page would, focuses another section's button), then lets it
 * come and waits until the widget has taken over. */
async function readerFirst(path, mode) {
  const W = mode.scope;
  const release = env.server.hold(WASM);
  const tab = await env.browser.open(`${env.server.url}${path}`);
  try {
    await tab.waitFor(`${W}.ex-question`);
    await tab.evalOn(`${W}#${mode.ids}-panel-${mode.open}`, (panel) => panel.removeAttribute('hidden'));
    await tab.waitFor(`${W}#${mode.ids}-panel-${mode.open}`);
    await tab.focus(`${W}#${mode.ids}-button-${mode.focus}`);
    const before = { layout: await layout(tab, mode), scroll: await tab.eval(() => scrollY) };
    // Shifts from here on are the handover's: the host page's own, while it loads (a scrollbar
    // appearing, say), are not, nor is the section the reader opened, whose shift is counted in
    // the frame that paints it.
    await painted(tab);
    // Each frame's boxes, from now until the test stops it: what a reader sees, frame by frame.
    await tab.eval((selectors) => {
      window.__frames = [];
      window.__sampling = true;
      const sample = () => {
        if (!window.__sampling) return;
        window.__frames.push({ boxes: boxesOf(selectors), scroll: scrollY, at: Math.round(performance.now()) });
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
      return true;
    }, seen(mode));
    await tab.eval(() => {
      window.__cls = 0;
      window.__shifted = [];
      if (!PerformanceObserver.supportedEntryTypes.includes('layout-shift')) return;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.__cls += entry.value;
          // What moved, and from where to where, so that a failure says which box it was.
          const rect = ({ x, y, width, height }) => [x, y, width, height].join(',');
          for (const { node, previousRect, currentRect } of entry.sources ?? []) {
            const name = node ? [node.nodeName.toLowerCase(), node.id && `#${node.id}`, ...[...(node.classList ?? [])].map((c) => `.${c}`)].join('') : '(gone)';
            window.__shifted.push(`${name}: ${rect(previousRect)} -> ${rect(currentRect)} at ${Math.round(entry.startTime)} ms`);
          }
        }
      }).observe({ type: 'layout-shift' });
    });
    release();
    await live(tab, W);
    await tab.waitFor(`${W}.ex-toggle-all`);
    return { tab, before };
  } catch (error) {
    release();
    throw error;
  }
}

test('a snippet made from another file or version is rendered afresh, once, with one warning', async () => {
  const { tab } = await readerFirst('/t-stale.html', MODES['prerendered snippet']);
  const W = MODES['prerendered snippet'].scope;
  assert.equal(await tab.count(`${W}.ex-root`), 1, 'one explainer, not two');
  assert.equal(await tab.attr(`${W}#library-hours-button-the-branches`, 'aria-expanded'), 'false', 'nothing carried over');
  const probe = await tab.probe();
  assert.deepEqual(probe.errors, []);
  assert.equal(probe.warnings.length, 1, probe.warnings.join('\n'));
  assert.match(probe.warnings[0], /rendered afresh/);
  await tab.close();
});

test('a snippet whose evidence file has become unusable gives its place to the error panel', async () => {
  const tab = await env.browser.open(`${env.server.url}/t-broken.html`);
  const W = MODES['prerendered snippet'].scope;
  await tab.waitFor(`${W}[role=alert]`);
  assert.match(await tab.text(`${W}[role=alert]`), /cannot be shown/);
  assert.equal(await tab.count(`${W}.ex-prerendered`), 0, 'the prerendered explainer is gone');
  assert.equal(await tab.count(`${W}.ex-root`), 1, 'one panel, in its place');
  await tab.close();
});

test('stand-alone page asked for another file: the set rendered into it never shows', async () => {
  const address = `${env.server.url}/index.html?src=evidence/library-hours.published.json&theme=dark`;
  // Without embed.js, which would remove it, what shows of the rendered set is the page's doing.
  env.server.refuse('/embed.js');
  try {
    const bare = await env.browser.open(address);
    await bare.waitFor('.ex-prerendered .ex-source-list', { state: 'attached' });
    assert.equal(await bare.count({ sel: '.ex-question', visible: true }), 0, 'the rendered set does not show');
    await bare.close();
  } finally {
    env.server.allow('/embed.js');
  }
  const tab = await env.browser.open(address);
  await tab.waitFor({ sel: '.ex-question', text: LIBRARY });
  assert.equal(await tab.count('.ex-question'), 1);
  assert.equal(await tab.evalOn('.ex-root', (e) => getComputedStyle(e).colorScheme), 'dark');
  assert.deepEqual((await tab.probe()).warnings, []);
  await tab.close();
});

test('stand-alone page asked for a theme: the rendered explainer wears it from the first paint', async () => {
  const release = env.server.hold(WASM);
  try {
    const tab = await env.browser.open(`${env.server.url}/index.html?theme=dark#amazon`);
    await tab.waitFor('.ex-prerendered .ex-question');
    const colour = (t) => t.evalOn('.ex-question', (e) => [getComputedStyle(e.closest('.ex-root')).colorScheme, getComputedStyle(e).color]);
    const first = await colour(tab);
    assert.equal(first[0], 'dark');
    release();
    await live(tab);
    assert.deepEqual(await colour(tab), first, 'the same colours after the takeover');
    await tab.close();
  } finally {
    release();
  }
});
