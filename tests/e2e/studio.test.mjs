// End-to-end: Explainer Studio, as an editor uses it. Open the studio, start from the sample,
// see the real widget as the preview, plant an error and find it listed with exactly the
// message `explainer check` gives, choose it and land on it, download the published file and
// get exactly what `explainer build` writes, reload and find the draft still there; nothing is
// fetched from anywhere but the studio's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainer, harness, ROOT } from './support.mjs';

const env = harness();
const scratch = mkdtempSync(join(tmpdir(), 'explainer-studio-'));
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

// (The page's policy lets it fetch nothing but its own files, so the file is read as a Blob.)
const downloaded = (tab) => tab.eval(async () => {
  const last = window.__downloads.at(-1);
  return last && { name: last.name, text: await last.blob.text() };
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
  await tab.eval(() => {
    window.__copied = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: (t) => { window.__copied.push(t); return Promise.resolve(); } } });
    return true;
  });
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
