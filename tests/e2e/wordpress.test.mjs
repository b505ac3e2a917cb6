// End-to-end: a real WordPress (Debian's 6.1, started for this file and stopped after it). An
// Author, who may post neither scripts nor frames, pastes the address of a page of its own on
// a line of its own: WordPress finds the page's oEmbed response through its discovery link
// and embeds the frame it describes, sandboxed, and the page tells WordPress its height.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, explainer, harness, live, loadedFrame, scratchDir } from './support/harness.mjs';
import { startWordPress, wordpressMissing } from './support/wordpress.mjs';

const made = {};
const env = harness({
  '/wp-check.html': ['text/html; charset=utf-8', () => made.page],
  '/wp-check.oembed.json': ['application/json', () => made.oembed],
  // An address that is not ours: a page with no discovery link.
  '/not-ours.html': ['text/html; charset=utf-8', '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not ours</title></head><body><p>A page.</p></body></html>'],
});

const missing = wordpressMissing();
let wordpress;

/** What is wrong between a page of its own and its oEmbed response, or null: the response's
 * frame and link name the page, and the page's discovery link names the response. */
function mismatch(page, pageUrl, response, responseUrl) {
  const discovery = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1];
  if (discovery !== responseUrl) return `the page's discovery link names ${discovery ?? 'nothing'}, not ${responseUrl}`;
  const frame = /<iframe src="([^"]+)"/.exec(response.html)?.[1];
  if (frame !== pageUrl) return `the oEmbed response's frame shows ${frame ?? 'nothing'}, not ${pageUrl}`;
  if (response.type !== 'rich' || response.version !== '1.0') return `the oEmbed response is ${response.type} ${response.version}, not rich 1.0`;
  return null;
}

/** Writes the page at its public address and starts WordPress with the two posts, once, for
 * the first test that needs them (the harness's server is up by then). */
let started;
const setUp = () => (started ??= (async () => {
  const page = `${env.server.url}/wp-check.html`;
  const out = join(scratchDir('wp-page'), 'wp-check.html');
  const run = explainer('page', join(DIST, 'evidence/library-hours.published.json'), '--src', 'evidence/library-hours.published.json',
    '--dist', DIST, '-o', out, '--url', page);
  assert.equal(run.status, 0, run.stderr);
  made.page = readFileSync(out, 'utf8');
  made.oembed = readFileSync(out.replace(/\.html$/, '.oembed.json'), 'utf8');
  assert.equal(mismatch(made.page, page, JSON.parse(made.oembed), `${env.server.url}/wp-check.oembed.json`), null);
  wordpress = await startWordPress({
    providerPort: Number(new URL(env.server.url).port),
    posts: {
      ours: `The library's hours changed.\n\n${page}\n\nMore reporting after the fact check.`,
      other: `A link that is not ours.\n\n${env.server.url}/not-ours.html\n\nThe end.`,
    },
  });
})());

after(() => wordpress?.stop(), { timeout: 60_000 });

const FRAME = 'iframe.wp-embedded-content';

test("an Author's post with the page's address on its own line shows the explainer, taken over, as tall as WordPress lets it be", async (t) => {
  if (missing) return t.skip(missing);
  await setUp();
  const tab = await env.browser.open(wordpress.posts.ours);
  await tab.waitFor({ sel: FRAME, state: 'attached' });
  assert.equal(await tab.attr(FRAME, 'sandbox'), 'allow-scripts', 'WordPress sandboxes the frame');
  assert.match(await tab.attr(FRAME, 'src'), /\/wp-check\.html#\?secret=[A-Za-z0-9]{1,10}$/);
  const frame = await loadedFrame(tab, FRAME);
  await live(frame);
  assert.equal(await frame.count('.ex-question'), 1);
  // WordPress keeps the frame out of sight, its link in view, until the page says its height;
  // then it shows the frame at that height, within its 200 to 1000 pixels.
  await tab.until(async () => {
    const style = await tab.attr(FRAME, 'style');
    const height = Number(await tab.attr(FRAME, 'height'));
    const inner = await frame.eval(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    return !style && height === Math.min(1000, Math.max(200, inner));
  }, "WordPress shows the frame at the explainer's height");
  assert.equal(await tab.evalOn('blockquote.wp-embedded-content', (b) => getComputedStyle(b).display), 'none', 'the fallback link gives way');
  await tab.close();
});

test('an address that is not ours is not embedded: the post keeps it as it was written', async (t) => {
  if (missing) return t.skip(missing);
  await setUp();
  const tab = await env.browser.open(wordpress.posts.other);
  await tab.untilInPage('the post shows the address', () => document.body.textContent.includes('not-ours.html') && document.body.textContent.includes('The end.'));
  assert.equal(await tab.count(FRAME), 0, 'no frame');
  await tab.close();
});

test('an oEmbed response that does not match its page is refused, saying which', async (t) => {
  if (missing) return t.skip(missing);
  await setUp();
  const page = `${env.server.url}/wp-check.html`;
  const response = JSON.parse(made.oembed);
  const other = { ...response, html: response.html.replaceAll('wp-check.html', 'another.html') };
  assert.match(mismatch(made.page, page, other, `${env.server.url}/wp-check.oembed.json`), /frame shows .*another\.html, not .*wp-check\.html/);
  assert.match(mismatch(made.page.replace('wp-check.oembed.json', 'x.oembed.json'), page, response, `${env.server.url}/wp-check.oembed.json`), /discovery link names .*x\.oembed\.json/);
});
