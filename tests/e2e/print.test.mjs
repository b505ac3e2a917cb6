// End-to-end: printing. Each mode is printed to PDF by the browser and read back with poppler's
// pdftotext: every sentence of the report (verdict, sections, limits, changes) is in it, each on one
// page (none cut by a page break), every section title and source address is written out, and
// no control or card is printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, ENGINE, explainer, harness, librarySnippet, live, ROOT, scratchDir } from './support/harness.mjs';
import { assertSaysWhatWasWritten, plainOf as plain } from './support/authored.mjs';
import { bigSet } from '../bench/big-set.mjs';

const scratch = scratchDir('print');

/** Each set as its authors wrote it, and as published (read as JSON, not through the
 * widget's code): the test's oracles, the second held to the first. */
const iceAuthored = JSON.parse(readFileSync(join(ROOT, 'www/evidence/ice-contracts.json'), 'utf8'));
const ice = JSON.parse(explainer('build', join(ROOT, 'www/evidence/ice-contracts.json')).stdout);
const libraryAuthored = JSON.parse(readFileSync(join(ROOT, 'www/evidence/library-hours.json'), 'utf8'));
const library = JSON.parse(readFileSync(join(DIST, 'evidence/library-hours.published.json'), 'utf8'));

const article = (body, head = '') => ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>article</title><link rel="icon" href="data:,">${head}</head>
<body><main><h1>An article</h1><p>Before the explainer.</p>${body}<p>After the explainer.</p></main></body></html>`];

// A set long enough that pages break inside its sections' paragraphs, with a long source list
// (over 50 entries), whose entries are laid out on screen only when seen: on paper, all are.
const longAuthored = join(scratch, 'long.json');
const longSet = bigSet({ sections: 6, sentences: 12, sources: 60 });
writeFileSync(longAuthored, JSON.stringify(longSet));
const longPublished = explainer('build', longAuthored).stdout;
writeFileSync(join(scratch, 'long.published.json'), longPublished);
const long = JSON.parse(longPublished);
const longPage = explainer('page', join(scratch, 'long.published.json'), '--src', '/t-long.published.json', '--dist', DIST).stdout;

const env = harness({
  '/t-long.published.json': ['application/json', longPublished],
  '/t-long.html': ['text/html; charset=utf-8', longPage],
  '/t-print-embed.html': article('<evidence-explainer id="library" src="evidence/library-hours.published.json"></evidence-explainer>', '<script type="module" src="embed.js"></script>'),
  '/t-print-snippet.html': article(librarySnippet()),
});

/** Text compared as printed: without white space (lines wrap anywhere) or citation markers,
 * and in compatibility form, since a PDF may set "fi" as one ligature glyph. */
const squeeze = (text) => text.normalize('NFKC').replace(/\[\d+\]/g, '').replace(/\s+/g, '');

/** The page's PDF as text, one string per printed page. */
async function printed(tab, name) {
  const file = join(scratch, `${name.replace(/\W+/g, '-')}-${ENGINE}.pdf`);
  writeFileSync(file, await tab.pdf());
  // -layout keeps each line as printed: otherwise a hyphen where an address wraps is dropped.
  const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\f').filter((page) => page.trim());
}

const MODES = {
  'stand-alone page': { open: () => env.browser.open(`${env.server.url}/index.html`), scope: '', set: ice, authored: iceAuthored },
  'script embed': { open: () => env.browser.open(`${env.server.url}/t-print-embed.html`), scope: '#library >> ', set: library, authored: libraryAuthored },
  'prerendered snippet': { open: () => env.browser.open(`${env.server.url}/t-print-snippet.html`), scope: '#library-hours >> ', set: library, authored: libraryAuthored },
  'offline file': { open: () => env.browser.open(pathToFileURL(join(DIST, 'offline.html')).href), scope: '', set: ice, authored: iceAuthored },
  'a long set on its page': { open: () => env.browser.open(`${env.server.url}/t-long.html`), scope: '', set: long, authored: longSet },
};

for (const [name, mode] of Object.entries(MODES)) {
  test(`print, ${name}: every sentence on one page, every section, every source address, no controls`, async (t) => {
    // The sentences to find are the published set's, which say what the authored file says.
    assertSaysWhatWasWritten(mode.set, mode.authored, name);
    if (ENGINE === 'webkit') {
      t.skip('WebKitGTK\'s WebDriver has no Print command, so the page cannot be printed to PDF here; the print styles are the shared stylesheet\'s, printed in Chromium and Firefox');
      return;
    }
    const tab = await mode.open();
    await live(tab, mode.scope);
    const pages = await printed(tab, name);
    const whole = squeeze(pages.join(''));
    const squeezedPages = pages.map(squeeze);
    const { set } = mode;
    const changes = set.changes ?? [];
    const sentences = [...set.verdict.sentences, ...set.sections.flatMap((s) => s.sentences), ...(set.limits ?? []), ...changes.map((c) => c.text)].map(plain);
    for (const sentence of sentences) {
      const wanted = squeeze(sentence);
      assert.ok(whole.includes(wanted), `printed: ${sentence}`);
      assert.ok(squeezedPages.some((page) => page.includes(wanted)), `on one page, not cut: ${sentence}`);
    }
    for (const section of set.sections) assert.ok(whole.includes(squeeze(section.title)), `section title: ${section.title}`);
    // The log prints whole: each entry's date and any verdict it replaced.
    for (const change of changes) {
      // Said as the set's language says a long date: the browser's own CLDR data is the oracle.
      const said = new Intl.DateTimeFormat(`${set.meta?.language ?? 'en'}-u-nu-latn`, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${change.date}T00:00:00Z`));
      assert.ok(whole.includes(squeeze(said)), `change date: ${said}`);
      // The <q> element's quotation marks are drawn by the stylesheet: either may be printed.
      if (change.replaces) assert.match(whole, new RegExp(`Verdictbeforethischange:\\W?${squeeze(change.replaces).replace(/\W/g, '\\$&')}`), `replaced: ${change.replaces}`);
    }
    for (const source of set.sources.filter((s) => s.url)) assert.ok(whole.includes(squeeze(source.url)), `address: ${source.url}`);
    for (const { archived } of set.sources.filter((s) => s.archived)) assert.ok(whole.includes(squeeze(archived.url)), `archived copy: ${archived.url}`);
    // The byline, as the widget words it: "By A. Edited by B. Published by C."
    for (const name of [...(set.meta.authors ?? []), ...(set.meta.editors ?? [])]) assert.ok(whole.includes(squeeze(name)), `byline: ${name}`);
    if (set === library) assert.ok(changes.length > 0 && set.meta.authors.length > 0 && set.sources.some((s) => s.archived), 'the library set exercises the log, the byline and an archived copy');
    for (const control of ['Expand all sections', 'Collapse all sections', 'Loading the explainer', 'See all corrections and updates']) {
      assert.ok(!whole.includes(squeeze(control)), `no "${control}"`);
    }
    await tab.close();
  });
}
