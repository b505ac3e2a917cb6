// End-to-end: Explainer Studio, as an editor uses it. Open the studio, start from the sample,
// see the real widget as the preview, plant an error and find it listed with exactly the
// message `explainer check` gives, choose it and land on it, download the published file and
// get exactly what `explainer build` writes, reload and find the draft still there, see the share
// image `explainer card` makes; nothing is fetched from anywhere but the studio's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, explainer, harness, live, ROOT, scratchDir } from './support/harness.mjs';
import { assertPageSaysWhatWasWritten, assertSaysWhatWasWritten } from './support/authored.mjs';

const env = harness();
const scratch = scratchDir('studio');
const SAMPLE = join(ROOT, 'www/evidence/ice-contracts.json');
const QUESTION = 'Did Microsoft or Amazon end contracts with ICE and when?';

/** What the tool says of `text`: `explainer check`'s lines, and `explainer build`'s output. */
function tool(text) {
  const file = join(scratch, 'draft.json');
  writeFileSync(file, text);
  const check = explainer('check', file);
  const build = explainer('build', file);
  const problems = check.stdout.split('\n')
    .filter((line) => line.startsWith(`${file}:`) && !line.includes(': warning: '))
    .map((line) => line.slice(file.length).match(/^:(\d+):(\d+): (.*)$/))
    .filter(Boolean)
    .map(([, l, c, rest]) => ({ line: Number(l), column: Number(c), text: rest }));
  return { problems, published: build.status === 0 ? build.stdout : null };
}

/** The published file of `text` as an editor would put it on the site, in a folder of its own
 * named `folder`, and the offline file `explainer bundle` makes of it. */
function publishedByTheTool(text, folder) {
  const dir = join(scratch, folder);
  mkdirSync(dir, { recursive: true });
  const publishedFile = join(dir, 'ice-contracts.published.json');
  writeFileSync(publishedFile, tool(text).published);
  const bundled = join(dir, 'by-the-tool.html');
  const bundle = explainer('bundle', '--evidence', publishedFile, '--dist', DIST, '-o', bundled);
  assert.equal(bundle.status, 0, bundle.stderr);
  return { dir, publishedFile, bundled };
}

/** The share image `explainer card` makes of `text`: its PNG's bytes and its alt text. */
function cardByTheTool(text, name = 'card') {
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, text);
  const png = join(scratch, `${name}.png`);
  const made = explainer('card', file, '-o', png);
  assert.equal(made.status, 0, made.stderr);
  return { png: readFileSync(png), alt: made.stdout.trimEnd() };
}

/** The share image the studio shows: its PNG's bytes, from the image's data: address. */
async function shownCard(tab) {
  const src = await tab.evalOn('#card-image', (img) => img.src);
  return Buffer.from(src.slice(src.indexOf(',') + 1), 'base64');
}

/** Waits for the studio to show the share image whose alt text is `alt`, then holds its bytes
 * to `expected`'s. */
async function assertShowsCard(tab, expected, what) {
  await tab.until(async () => (await tab.eval(() => document.getElementById('card-image')?.alt ?? null)) === expected.alt && (await tab.isVisible('#card-figure')), `the share image of ${what} is shown`);
  const shown = await shownCard(tab);
  assert.ok(shown.equals(expected.png), `${what}: the studio's image (${shown.length} bytes) is not explainer card's (${expected.png.length} bytes)`);
  assert.equal(await tab.text('#card-alt'), expected.alt);
}

/** Waits until the page has not scrolled over two frames. */
const stillScroll = (tab) => tab.until(() => tab.eval(() => new Promise((done) => {
  const y = window.scrollY;
  requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY === y)));
})), 'the page has stopped scrolling');

/** Runs `flow` on `tab`; if it fails, the failure also says what went wrong in the page (the
 * errors the probe recorded from the page's start) and the studio's status line. It fails as
 * the flow fails, in every engine. */
async function sayingWhy(tab, flow) {
  try {
    await flow();
  } catch (error) {
    const why = await Promise.all([tab.probe().then((seen) => seen.errors), tab.text('#status').then((status) => [`status: ${status}`])])
      .then((parts) => parts.flat(), (e) => [`(the page could not say: ${e.message})`]);
    error.message = `${error.message}\n${why.join('\n')}`;
    throw error;
  }
}

/** Fails unless `made` is `expected` exactly, saying where the two first differ (they are too
 * long for a diff): lengths and the text around the first difference. */
function assertSameText(made, expected, what) {
  if (made === expected) return;
  let at = 0;
  while (at < made.length && made[at] === expected[at]) at += 1;
  const around = (text) => JSON.stringify(text.slice(Math.max(0, at - 80), at + 80));
  if (process.env.KEEP_MISMATCH) writeFileSync(process.env.KEEP_MISMATCH, made);
  assert.fail(`${what}: ${made.length} characters against ${expected.length}, first different at ${at}:\n made: ${around(made)}\n tool: ${around(expected)}`);
}

/** Replaces the text of a field (the editor's, unless `field` says) as typing would: the field
 * changes and says so. */
const edit = (tab, value, field = '#text') => tab.evalOn(field, (input, v) => {
  input.value = v;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
  return true;
}, value);

/** Picks a control's new value as a reader would: it changes and says so. */
const choose = (tab, control, value) => tab.evalOn(control, (input, v) => {
  input.value = v;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}, value);

/** Records what the download button hands the browser instead of saving it to disk. */
const recordDownloads = (tab) => tab.eval(() => {
  window.__downloads = [];
  const blobs = new Map();
  const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => {
    const url = make.call(URL, blob);
    blobs.set(url, blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function click() {
    window.__downloads.push({ name: this.download, blob: blobs.get(this.href) });
  };
  return true;
});

/** Records what is put on the clipboard (in window.__copied) instead of putting it there. */
const recordCopies = (tab) => tab.eval(() => {
  window.__copied = [];
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (t) => { window.__copied.push(t); return Promise.resolve(); } } });
  return true;
});

// (The page's policy lets it fetch nothing but its own files, so the file is read as a Blob.)
const downloaded = (tab) => tab.eval(async () => {
  const last = window.__downloads.at(-1);
  return last && { name: last.name, text: await last.blob.text() };
});

test('the offline file, the embed snippet and the evidence file as written are what the tool makes, and the offline file opens from disk', async () => {
  const tab = await env.browser.open(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')) === 'Open a file or start from the sample.', 'the studio is ready');
  await tab.click('#sample');
  await tab.until(async () => /^No problems\./.test(await tab.text('#status')), 'the sample checks');
  const sample = readFileSync(SAMPLE, 'utf8');
  // The published file as the editor would put it on the site, and what the tool makes of it.
  const { dir, publishedFile, bundled } = publishedByTheTool(sample, 'outputs');
  const [src, base] = ['facts/ice-contracts.published.json', 'https://news.example/explainer/'];
  const snippet = explainer('snippet', publishedFile, '--src', src, '--base', base);
  assert.equal(snippet.status, 0, snippet.stderr);

  await recordDownloads(tab);
  await tab.click('#download-authored');
  assert.deepEqual(await downloaded(tab), { name: 'ice-contracts.json', text: sample });
  let offline;
  await sayingWhy(tab, async () => {
    await tab.click('#download-offline');
    await tab.until(async () => (await tab.eval(() => window.__downloads.length)) === 2, 'the offline file is offered');
    offline = await downloaded(tab);
    assert.equal(offline.name, 'ice-contracts.html');
    assertSameText(offline.text, readFileSync(bundled, 'utf8'), 'byte for byte what explainer bundle writes');
    // And, apart from the tool: it says what the sample file says.
    assertPageSaysWhatWasWritten(offline.text, JSON.parse(sample), 'the studio\'s offline file');
    assert.match(await tab.text('#copied'), /^The offline file is made/);

    await edit(tab, src, '#snippet-src');
    await edit(tab, base, '#snippet-base');
    await recordCopies(tab);
    await tab.click('#copy-snippet');
    await tab.until(async () => (await tab.text('#copied')) === 'The snippet copied.', 'the copy is confirmed');
    assert.ok((await tab.eval(() => window.__copied[0])) === snippet.stdout, 'byte for byte what explainer snippet prints');
    await tab.click('#copy-authored');
    await tab.until(async () => (await tab.text('#copied')) === 'The evidence file copied.', 'the copy is confirmed');
    assert.ok((await tab.eval(() => window.__copied[1])) === sample, 'the evidence file as written');
    await tab.click('#download-snippet');
    await tab.until(async () => (await tab.eval(() => window.__downloads.length)) === 3, 'the snippet is offered');
    assert.deepEqual(await downloaded(tab), { name: 'ice-contracts.snippet.html', text: snippet.stdout });
  });
  await tab.click('#delete');
  await tab.close();

  // The studio's offline file opens from disk and the widget takes it over, with no network.
  const fromStudio = join(dir, 'from-the-studio.html');
  writeFileSync(fromStudio, offline.text);
  const page = await env.browser.open(pathToFileURL(fromStudio).href);
  await live(page);
  assert.equal(await page.text('.ex-question'), QUESTION);
  assert.deepEqual(page.requests().filter((url) => !url.startsWith('file:') && !url.startsWith('data:') && !url.startsWith('blob:')), []);
  await page.close();
});

test('an offline file whose own hashes would not let its script run is not offered: the studio checks them with the browser\'s SHA-256, and says so', async () => {
  const tab = await env.browser.open(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')) === 'Open a file or start from the sample.', 'the studio is ready');
  await tab.click('#sample');
  await tab.until(async () => /^No problems\./.test(await tab.text('#status')), 'the sample checks');
  await recordDownloads(tab);
  // The fault as WebKitGTK's wasm engine made it, from the other side: the hashes the file
  // carries and the ones the browser computes disagree.
  await tab.eval(() => {
    const digest = crypto.subtle.digest.bind(crypto.subtle);
    crypto.subtle.digest = async (algorithm, data) => {
      const bytes = new Uint8Array(await digest(algorithm, data));
      bytes[0] ^= 1;
      return bytes.buffer;
    };
    return true;
  });
  await sayingWhy(tab, async () => {
    await tab.click('#download-offline');
    await tab.until(async () => /^The offline file could not be made: its security hashes came out wrong in this browser/.test(await tab.text('#copied')), 'the studio says why');
  });
  assert.equal(await tab.eval(() => window.__downloads.length), 0, 'no blank file offered');
  // Once the browser's SHA-256 agrees again, the next try makes the file, with a fresh publisher.
  await tab.eval(() => {
    delete crypto.subtle.digest;
    return true;
  });
  await tab.click('#download-offline');
  await tab.until(async () => (await tab.eval(() => window.__downloads.length)) === 1, 'the offline file is offered on the next try');
  assert.match(await tab.text('#copied'), /^The offline file is made/);
  await tab.click('#delete');
  await tab.close();
});

test('as an editor would: the seed report from "Start here", a label, the preview, a planted error fixed by choosing it, the published file as build writes it, and the draft after a reload, with nothing fetched from elsewhere', async () => {
  const reportText = readFileSync(join(ROOT, 'www/evidence/ice-contracts.report.txt'), 'utf8');
  const { label } = JSON.parse(readFileSync(join(ROOT, 'www/evidence/ice-contracts.sources.json'), 'utf8'));
  const tab = await env.browser.open(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')) === 'Open a file or start from the sample.', 'the studio is ready');
  await tab.click('#sample-report');
  await tab.until(async () => (await tab.evalOn('#report', (a) => a.value)) === reportText, 'the seed report is filled in');
  const sourcesText = await tab.evalOn('#sources', (a) => a.value);
  assert.ok(!('label' in JSON.parse(sourcesText)) && !('limits' in JSON.parse(sourcesText)), 'as a new user has it: no label, no limits');
  await tab.waitFor('#limits input[type=checkbox]');
  await edit(tab, label, '#label');
  await tab.click('#limit-1');
  await tab.click('#import');
  await tab.waitFor('#preview-explainer >> .ex-question');
  assert.equal(await tab.text('#preview-explainer >> .ex-question'), QUESTION);
  assert.equal(await tab.count('#preview-explainer >> .ex-limit-list li'), 1, 'the picked limit is the explainer\'s');
  const imported = await tab.evalOn('#text', (a) => a.value);

  // A planted error, found in the tool's words, chosen, and fixed where the cursor lands.
  const broken = imported.replace(`"label": ${JSON.stringify(label)}`, '"label": ""');
  assert.notEqual(broken, imported);
  const [problem] = tool(broken).problems;
  await edit(tab, broken);
  const listed = `Line ${problem.line}, column ${problem.column}: ${problem.text}`;
  await tab.until(async () => (await tab.evalAll('#problems button', (els) => els.map((b) => b.textContent))).includes(listed), `the problem is listed as "${listed}"`);
  await tab.click({ sel: '#problems button', text: listed });
  const at = await tab.evalOn('#text', (area) => area.selectionStart);
  const fixed = `${broken.slice(0, at)}${broken.slice(at).replace('""', JSON.stringify(label))}`;
  assert.equal(fixed, imported, 'the label goes back where the cursor was put');
  await edit(tab, fixed);
  await tab.until(async () => /^No problems\./.test(await tab.text('#status')), 'the problem is gone');

  await recordDownloads(tab);
  await tab.click('#download');
  const file = await downloaded(tab);
  assert.equal(file.text, tool(imported).published, 'byte for byte what explainer build writes');
  await tab.goto(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')).startsWith('Your draft "explainer" is back.'), 'the draft comes back');
  assert.equal(await tab.evalOn('#text', (a) => a.value), imported);
  await tab.click('#delete');
  const origin = new URL(env.server.url).origin;
  assert.deepEqual(tab.requests().filter((url) => new URL(url).origin !== origin && !url.startsWith('blob:')), [], 'nothing fetched from elsewhere');
  await tab.close();
});

test('a report and its sources file come in by the file picker or dropped on their boxes', async () => {
  const reportText = readFileSync(join(ROOT, 'www/evidence/ice-contracts.report.txt'), 'utf8');
  const sourcesText = readFileSync(join(ROOT, 'www/evidence/ice-contracts.sources.json'), 'utf8');
  const tab = await env.browser.open(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')) !== 'Loading the studio…', 'the studio is ready');
  // The file picker, given a report, puts it under "Import a report" and offers its limits.
  await tab.evalOn('#open', (input, text) => {
    const files = new DataTransfer();
    files.items.add(new File([text], 'seed.report.txt', { type: 'text/plain' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }, reportText);
  await tab.until(async () => (await tab.evalOn('#report', (a) => a.value)) === reportText, 'the picked report is under the import');
  await tab.waitFor('#limits input[type=checkbox]');
  assert.equal(await tab.evalOn('#text', (a) => a.value), '', 'the evidence file is left as it was');
  // Dropped on their boxes, each file fills its own.
  const drop = (field, text, fileName) => tab.evalOn(field, (area, [t, n]) => {
    const files = new DataTransfer();
    files.items.add(new File([t], n));
    area.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
    return true;
  }, [text, fileName]);
  await edit(tab, '', '#report');
  await drop('#sources', sourcesText, 'seed.sources.json');
  await tab.until(async () => (await tab.evalOn('#sources', (a) => a.value)) === sourcesText, 'the dropped sources file fills its box');
  await drop('#report', reportText, 'seed.report.txt');
  await tab.until(async () => (await tab.evalOn('#report', (a) => a.value)) === reportText, 'the dropped report fills its box');
  await tab.waitFor('#limits input[type=checkbox]');
  await tab.close();
});

test('the studio\'s single file works from disk with no network: the sample, its preview, a problem, and an offline file as the tool makes it', async () => {
  const tab = await env.browser.open(pathToFileURL(join(DIST, 'studio-offline.html')).href);
  await tab.until(async () => /^(Open a file or start from the sample\.|Your draft)/.test(await tab.text('#status')), 'the studio is ready');
  await sayingWhy(tab, () => singleFileFlow(tab));
  await tab.click('#delete');
  await tab.close();
});

/** The single file's flow, as an editor goes through it. */
async function singleFileFlow(tab) {
  // The seed report, for "Start here", is in the file too.
  await tab.click('#sample-report');
  const reportText = readFileSync(join(ROOT, 'www/evidence/ice-contracts.report.txt'), 'utf8');
  await tab.until(async () => (await tab.evalOn('#report', (a) => a.value)) === reportText, 'the seed report is filled in');
  // The studio puts focus on the label's field, which scrolls the page to it; the next click
  // waits for that scroll to end (WebKit's driver clicks at a point, and a click while the
  // page still moves can land where the button was).
  await tab.until(async () => (await tab.eval(() => document.activeElement?.id)) === 'label', 'the label\'s field has focus');
  await stillScroll(tab);
  await tab.click('#sample');
  await tab.waitFor('#preview-explainer >> .ex-question');
  assert.equal(await tab.text('#preview-explainer >> .ex-question'), QUESTION);
  const sample = readFileSync(SAMPLE, 'utf8');
  assert.equal(await tab.evalOn('#text', (a) => a.value), sample);
  // The checker is there: a planted error is listed in the tool's words.
  const broken = sample.replace(/"label": "[^"]*"/, '"label": ""');
  const [problem] = tool(broken).problems;
  await edit(tab, broken);
  const listed = `Line ${problem.line}, column ${problem.column}: ${problem.text}`;
  await tab.until(async () => (await tab.evalAll('#problems button', (els) => els.map((b) => b.textContent))).includes(listed), `the problem is listed as "${listed}"`);
  await edit(tab, sample);
  await tab.until(async () => /^No problems\./.test(await tab.text('#status')), 'the sample checks again');
  // The offline file it makes is the tool's, from the widget inside the studio's file.
  const { bundled } = publishedByTheTool(sample, 'from-disk');
  await recordDownloads(tab);
  await tab.click('#download-offline');
  await tab.until(async () => (await tab.eval(() => window.__downloads.length)) === 1, 'the offline file is offered');
  const offline = await downloaded(tab);
  assertSameText(offline.text, readFileSync(bundled, 'utf8'), 'byte for byte what explainer bundle writes');
  // The share image, from the publisher inside the studio's file: the tool's, byte for byte.
  await tab.click('#show-card');
  await assertShowsCard(tab, cardByTheTool(sample, 'from-disk-card'), 'the sample, from disk');
  assert.deepEqual(tab.requests().filter((url) => !/^(file|data|blob):/.test(url)), [], 'nothing fetched from any network');
  assert.deepEqual((await tab.probe()).errors, []);
}

test('the share image beside the preview is explainer card\'s, byte for byte, follows the text as the editor types, in Arabic too, downloads as a PNG, and says what it cannot draw', async () => {
  const tab = await env.browser.open(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')) === 'Open a file or start from the sample.', 'the studio is ready');
  await tab.click('#sample');
  await tab.until(async () => /^No problems\./.test(await tab.text('#status')), 'the sample checks');
  // The preview above the button is whole before the editor reaches for the button (a click
  // while the preview grows lands where the button was: WebKit's driver clicks at a point).
  await tab.waitFor('#preview-explainer >> .ex-question');
  await sayingWhy(tab, async () => {
    assert.equal(await tab.isVisible('#card-figure'), false, 'no image until asked for');
    assert.ok(!tab.requests().some((url) => url.includes('explainer-card')), 'the card maker is not loaded until asked for');
    await tab.click('#show-card');
    await tab.until(async () => (await tab.evalOn('#show-card', (b) => b.getAttribute('aria-expanded'))) === 'true', 'the button says the image is shown');
    const sample = readFileSync(SAMPLE, 'utf8');
    await assertShowsCard(tab, cardByTheTool(sample, 'sample-card'), 'the sample');
    // As the editor types: another set altogether, in Arabic, right to left.
    const arabic = readFileSync(join(ROOT, 'www/evidence/example-ar.json'), 'utf8');
    await edit(tab, arabic);
    const arabicCard = cardByTheTool(arabic, 'arabic-card');
    await assertShowsCard(tab, arabicCard, 'the Arabic example');
    await recordDownloads(tab);
    await tab.click('#download-card');
    await tab.until(async () => (await tab.eval(() => window.__downloads.length)) === 1, 'the image is offered');
    const saved = await tab.eval(async () => {
      const last = window.__downloads.at(-1);
      return { name: last.name, type: last.blob.type, bytes: Array.from(new Uint8Array(await last.blob.arrayBuffer())) };
    });
    assert.equal(saved.name, 'ice-contracts.png');
    assert.equal(saved.type, 'image/png');
    assert.ok(Buffer.from(saved.bytes).equals(arabicCard.png), 'the file saved is the image shown');
    // A label the card's fonts cannot draw: said, naming the field, and no stale image shown.
    await edit(tab, arabic.replace(/"label": "[^"]*"/, '"label": "Нет"'));
    await tab.until(async () => /^The share image could not be made: verdict\.label: the share image's fonts cannot draw “Н” \(U\+041D\)/.test(await tab.text('#card-status')), 'the problem is said');
    assert.equal(await tab.isVisible('#card-figure'), false);
    await tab.click('#show-card');
    await tab.until(async () => (await tab.evalOn('#show-card', (b) => b.getAttribute('aria-expanded'))) === 'false', 'the button says the image is hidden');
  });
  await tab.click('#delete');
  await tab.close();
});

test('the text has its line numbers beside it, scrolled with it, and the cursor\'s line and column are shown', async () => {
  const tab = await env.browser.open(`${env.server.url}/studio.html`, { viewport: { width: 900, height: 700 } });
  await tab.until(async () => (await tab.text('#status')) === 'Open a file or start from the sample.', 'the studio is ready');
  await tab.click('#sample');
  await tab.until(async () => /^No problems\./.test(await tab.text('#status')), 'the sample checks');
  const sample = readFileSync(SAMPLE, 'utf8');
  const count = sample.split('\n').length;
  assert.equal(await tab.text('#lines'), Array.from({ length: count }, (_, i) => i + 1).join('\n'));
  assert.equal(await tab.attr('#lines', 'aria-hidden'), 'true', 'screen readers hear the cursor line, not a column of numbers');
  // Each number sits level with its line: as many numbers as lines, in a column as tall as the
  // text, from the same top.
  const [numbers, text] = await tab.eval(() => ['lines', 'text'].map((id) => {
    const el = document.getElementById(id);
    const style = getComputedStyle(el);
    return { height: el.scrollHeight, top: el.getBoundingClientRect().top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop) };
  }));
  assert.ok(Math.abs(numbers.height - text.height) < 1, `numbers ${numbers.height} px tall, text ${text.height} px`);
  assert.ok(Math.abs(numbers.top - text.top) < 1, `numbers from ${numbers.top} px, text from ${text.top} px`);
  // A planted error on line 3, chosen: the cursor goes there and says so; the numbers follow the scroll.
  const lines = sample.split('\n');
  const planted = [...lines.slice(0, 40), '  oops', ...lines.slice(40)].join('\n');
  await edit(tab, planted);
  // The planted error, once listed (the sample's warnings are listed until the check runs).
  const [{ line, column, text: message }] = tool(planted).problems;
  const listed = `Line ${line}, column ${column}: ${message}`;
  await tab.until(async () => (await tab.evalAll('#problems button', (els) => els.map((b) => b.textContent))).includes(listed), `the problem is listed as "${listed}"`);
  await tab.click({ sel: '#problems button', text: listed });
  await tab.until(async () => (await tab.text('#cursor')) === `Line ${line}, column ${column}`, `the cursor is shown at line ${line}, column ${column}`);
  await tab.until(async () => tab.eval(() => {
    const [numbers, area] = [document.getElementById('lines'), document.getElementById('text')];
    return area.scrollTop > 0 && numbers.scrollTop === area.scrollTop;
  }), 'the numbers scroll with the text');
  assert.equal(await tab.text('#lines'), Array.from({ length: count + 1 }, (_, i) => i + 1).join('\n'), 'a line added, a number added');
  // Wrapping long lines hides the numbers, which would no longer be level with their lines.
  const wraps = () => tab.evalOn('#text', (area) => getComputedStyle(area).whiteSpace);
  assert.equal(await wraps(), 'pre', 'long lines scroll sideways');
  await tab.click('#wrap');
  assert.equal(await wraps(), 'pre-wrap');
  assert.equal(await tab.isVisible('#lines'), false);
  await tab.click('#delete');
  await tab.close();
});

test('an editor starts from the sample, fixes a planted error by choosing it, downloads what build writes, and finds the draft after a reload', async () => {
  const tab = await env.browser.open(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')) === 'Open a file or start from the sample.', 'the studio is ready');
  await tab.click('#sample');
  // The preview is the real widget, with the sample's explainer.
  await tab.waitFor('#preview-explainer >> .ex-question');
  assert.equal(await tab.text('#preview-explainer >> .ex-question'), QUESTION);
  assert.match(await tab.text('#status'), /^No problems\./);
  const sample = readFileSync(SAMPLE, 'utf8');
  assert.equal(await tab.evalOn('#text', (a) => a.value), sample);

  // A planted error: the verdict's label emptied.
  const broken = sample.replace(/"label": "[^"]*"/, '"label": ""');
  assert.notEqual(broken, sample);
  const expected = tool(broken);
  assert.equal(expected.problems.length, 1, 'the tool finds the planted error');
  await edit(tab, broken);
  const [problem] = expected.problems;
  const listed = `Line ${problem.line}, column ${problem.column}: ${problem.text}`;
  await tab.until(async () => (await tab.evalAll('#problems button', (els) => els.map((b) => b.textContent))).includes(listed), `the problem is listed as "${listed}"`);
  assert.equal(await tab.count('#problems li:not(.studio-warning)'), 1);
  assert.equal(await tab.attr('#download', 'disabled'), '', 'nothing to download while there are errors');
  // Choosing it puts the cursor there.
  await tab.click({ sel: '#problems button', text: listed });
  const at = await tab.evalOn('#text', (area) => [document.activeElement === area, area.selectionStart]);
  const lines = broken.split('\n');
  const offset = lines.slice(0, problem.line - 1).reduce((n, l) => n + l.length + 1, 0) + [...lines[problem.line - 1]].slice(0, problem.column - 1).join('').length;
  assert.deepEqual(at, [true, offset], 'the cursor is on the problem');

  // Fixed, the preview comes back and the published file is exactly build's.
  await edit(tab, sample);
  await tab.until(async () => /^No problems\./.test(await tab.text('#status')), 'the problem is gone');
  await tab.waitFor('#preview-explainer >> .ex-question');
  await recordDownloads(tab);
  await tab.click('#download');
  const file = await downloaded(tab);
  assert.equal(file.name, 'ice-contracts.published.json');
  assert.equal(file.text, tool(sample).published, 'byte for byte what explainer build writes');
  assertSaysWhatWasWritten(JSON.parse(file.text), JSON.parse(sample), 'the studio\'s published file');
  // The ClaimReview markup, downloaded and copied: what explainer claimreview prints, with its
  // warnings listed.
  const sampleFile = join(scratch, 'sample.json');
  writeFileSync(sampleFile, sample);
  const claimreview = explainer('claimreview', sampleFile);
  assert.equal(claimreview.status, 0, claimreview.stderr);
  await tab.click('#download-claimreview');
  const markup = await downloaded(tab);
  assert.equal(markup.name, 'ice-contracts.claimreview.html');
  assert.equal(markup.text, claimreview.stdout, 'byte for byte what explainer claimreview prints');
  const warned = claimreview.stderr.split('\n').filter(Boolean).map((line) => `ClaimReview: ${line.slice(`${sampleFile}: warning: `.length)}`);
  assert.deepEqual(await tab.evalAll('#claimreview-missing li', (items) => items.map((i) => i.textContent)), warned);
  await recordCopies(tab);
  await tab.click('#copy-published');
  await tab.click('#copy-claimreview');
  await tab.until(async () => (await tab.text('#copied')) === 'The ClaimReview markup copied.', 'the copy is confirmed');
  assert.deepEqual(await tab.eval(() => window.__copied), [tool(sample).published, claimreview.stdout]);

  // An edit, then a reload: the draft is still there.
  const edited = sample.replace(QUESTION, 'Did Microsoft or Amazon end their ICE contracts?');
  await edit(tab, edited);
  await tab.until(async () => (await tab.eval(() => localStorage.getItem('explainer-studio:drafts')))?.includes('end their ICE contracts'), 'the draft is kept');
  await tab.goto(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')).startsWith('Your draft "ice-contracts" is back.'), 'the draft comes back');
  assert.equal(await tab.evalOn('#text', (a) => a.value), edited);
  await tab.waitFor('#preview-explainer >> .ex-question');
  assert.equal(await tab.text('#preview-explainer >> .ex-question'), 'Did Microsoft or Amazon end their ICE contracts?');

  // Deleting it leaves nothing behind.
  await tab.click('#delete');
  assert.deepEqual(await tab.eval(() => JSON.parse(localStorage.getItem('explainer-studio:drafts')).drafts), {});
  assert.equal(await tab.evalOn('#text', (a) => a.value), '');
  assert.equal(await tab.text('#status'), 'Draft "ice-contracts" deleted.');

  const origin = new URL(env.server.url).origin;
  assert.deepEqual(tab.requests().filter((url) => new URL(url).origin !== origin && !url.startsWith('blob:')), [], 'nothing fetched from elsewhere');
  assert.deepEqual((await tab.probe()).errors, []);
  await tab.close();
});

test('a file that is not JSON keeps its text, with its problem', async () => {
  const tab = await env.browser.open(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')) !== 'Loading the studio…', 'the studio is ready');
  const text = '{ "version": 1, "form": "authored",\n  "question": "Q?" ';
  await edit(tab, text);
  const [problem] = tool(text).problems;
  await tab.until(async () => (await tab.count('#problems button')) === 1, 'the problem is listed');
  assert.equal(await tab.text('#problems button'), `Line ${problem.line}, column ${problem.column}: ${problem.text}`);
  assert.equal(await tab.evalOn('#text', (a) => a.value), text, 'the text is kept as written');
  await tab.goto(`${env.server.url}/studio.html`);
  await tab.until(async () => /^Your draft ".*" is back\./.test(await tab.text('#status')), 'the draft comes back');
  assert.equal(await tab.evalOn('#text', (a) => a.value), text, 'and so is a broken file');
  await tab.click('#delete');
  await tab.close();
});

test('an editor imports the seed report: the page asks for the label and offers the limits, and the file is what explainer import makes', async () => {
  const reportText = readFileSync(join(ROOT, 'www/evidence/ice-contracts.report.txt'), 'utf8');
  // The sources file as a new user would have it: no label, no limits (a report has neither).
  const { label, limits, ...rest } = JSON.parse(readFileSync(join(ROOT, 'www/evidence/ice-contracts.sources.json'), 'utf8'));
  assert.ok(label && limits.length, 'the seed supplement had both');
  const sourcesText = JSON.stringify(rest, null, 2);
  const tab = await env.browser.open(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')) !== 'Loading the studio…', 'the studio is ready');
  await edit(tab, '');
  await edit(tab, reportText, '#report');
  await edit(tab, sourcesText, '#sources');
  // The sentences of "Bottom line and reporting limits" are offered.
  await tab.waitFor('#limits input[type=checkbox]');
  const offered = await tab.evalAll('#limits input[type=checkbox]', (boxes) => boxes.map((b) => b.value));
  assert.ok(offered.length >= 2, `${offered.length} sentences offered`);
  // Without a label, the import says what is missing, in the tool's words.
  await tab.click('#import');
  await tab.waitFor('#import-problems li');
  const unlabelled = join(scratch, 'unlabelled.sources.json');
  writeFileSync(unlabelled, sourcesText);
  const report = join(scratch, 'seed.report.txt');
  writeFileSync(report, reportText);
  const refused = explainer('import', report, '--sources', unlabelled);
  assert.notEqual(refused.status, 0);
  const toolSays = refused.stderr.split('\n').filter((l) => l.startsWith(`${report}: `) && !/problems?; nothing written$/.test(l)).map((l) => l.slice(report.length + 2));
  assert.deepEqual(await tab.evalAll('#import-problems li', (items) => items.map((i) => i.textContent)), toolSays);
  // With the label typed and two limits picked, it imports exactly as the tool does.
  await edit(tab, label, '#label');
  await tab.click('#limit-1');
  await tab.click('#limit-2');
  await tab.click('#import');
  await tab.waitFor('#preview-explainer >> .ex-question');
  assert.equal(await tab.text('#preview-explainer >> .ex-question'), QUESTION);
  const supplement = join(scratch, 'labelled.sources.json');
  writeFileSync(supplement, JSON.stringify({ ...rest, label, limits: offered.slice(0, 2) }));
  const imported = explainer('import', report, '--sources', supplement);
  assert.equal(imported.status, 0, imported.stderr);
  assert.equal(await tab.evalOn('#text', (a) => a.value), imported.stdout, 'byte for byte what explainer import writes');
  assert.equal(await tab.count('#preview-explainer >> .ex-limit-list li'), 2, 'the picked limits are the explainer\'s');
  await tab.click('#delete');
  await tab.close();
});

test('several drafts are kept by name: switched between, renamed, and each comes back as it was', async () => {
  const tab = await env.browser.open(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')) !== 'Loading the studio…', 'the studio is ready');
  await tab.click('#sample');
  await tab.waitFor('#preview-explainer >> .ex-question');
  const sample = readFileSync(SAMPLE, 'utf8');
  assert.equal(await tab.evalOn('#draft-name', (i) => i.value), 'ice-contracts', 'named after the file');
  // A second draft, written from nothing.
  await tab.click('#new');
  assert.equal(await tab.evalOn('#draft-name', (i) => i.value), 'Untitled');
  const second = '{ "version": 1, "form": "authored" }';
  await edit(tab, second);
  await tab.until(async () => (await tab.count('#problems button')) > 0, 'the second draft is checked');
  // Renamed, then both listed, and switching shows each as it was.
  await choose(tab, '#draft-name', 'library hours');
  await tab.until(async () => (await tab.evalAll('#drafts option', (os) => os.map((o) => o.value))).join('|') === 'ice-contracts|library hours', 'both drafts are listed');
  await choose(tab, '#drafts', 'ice-contracts');
  await tab.until(async () => (await tab.evalOn('#text', (a) => a.value)) === sample, 'the first draft is back');
  await tab.waitFor('#preview-explainer >> .ex-question');
  // After a reload, the draft last open comes back, and the other is still listed.
  await tab.goto(`${env.server.url}/studio.html`);
  await tab.until(async () => (await tab.text('#status')).startsWith('Your draft "ice-contracts" is back.'), 'the current draft comes back');
  assert.deepEqual(await tab.evalAll('#drafts option', (os) => os.map((o) => o.value)), ['ice-contracts', 'library hours']);
  await choose(tab, '#drafts', 'library hours');
  await tab.until(async () => (await tab.evalOn('#text', (a) => a.value)) === second, 'the renamed draft, as it was');
  // Deleting one leaves the other.
  await tab.click('#delete');
  await tab.until(async () => (await tab.evalOn('#text', (a) => a.value)) === sample, 'the other draft opens');
  assert.deepEqual(await tab.evalAll('#drafts option', (os) => os.map((o) => o.value)), ['ice-contracts']);
  await tab.click('#delete');
  await tab.close();
});
