// Explainer Studio: the text of an evidence file, checked as the editor types by the authoring
// tool's own code (explainer-studio.wasm), its problems listed with where they are, the real
// widget as the preview, and the published file to download. The draft is kept in this
// browser (localStorage) as the editor types; nothing is sent anywhere.
// In the studio's single file (explainer studio-file) the checker, the sample and the widget's
// files come from the page itself (EXPLAINER_STUDIO), and nothing is fetched.
const offline = globalThis.EXPLAINER_STUDIO;

// Drafts, by name: { current, drafts: { [name]: { text } } }.
const DRAFTS_KEY = 'explainer-studio:drafts';
// Typing never waits for checking: the check runs once the editor pauses.
const PAUSE_MS = 300;

const text = document.getElementById('text');
const status = document.getElementById('status');
const problems = document.getElementById('problems');
const download = document.getElementById('download');
const preview = document.getElementById('preview');

let name = 'explainer';
let published = null;
// The published file's text for the snippet and the offline file: the one offered, or the text
// itself when it is published already and has no problems.
let publishable = null;
let claimReview = null;
let timer;

const draftList = document.getElementById('drafts');
const draftName = document.getElementById('draft-name');

/** The drafts kept in this browser. */
function drafts() {
  try {
    const kept = JSON.parse(localStorage.getItem(DRAFTS_KEY) ?? 'null');
    if (kept && typeof kept.drafts === 'object' && kept.drafts) return kept;
  } catch {
    // Unreadable storage is as good as none: the text on the page is kept.
  }
  return { current: null, drafts: {} };
}

function keep(kept) {
  try {
    localStorage.setItem(DRAFTS_KEY, JSON.stringify(kept));
    return true;
  } catch {
    status.textContent = 'This browser would not keep the draft (storage full or off): download your work to keep it.';
    return false;
  }
}

/** A name no draft has yet, from `wanted`. */
function freeName(wanted, kept = drafts()) {
  const base = wanted.trim() || 'Untitled';
  let candidate = base;
  for (let n = 2; candidate in kept.drafts; n += 1) candidate = `${base} ${n}`;
  return candidate;
}

/** Shows the drafts in the list, the current one chosen. */
function listDrafts() {
  const kept = drafts();
  const options = Object.keys(kept.drafts).sort().map((key) => {
    const option = document.createElement('option');
    option.value = key;
    option.textContent = key;
    option.selected = key === kept.current;
    return option;
  });
  draftList.replaceChildren(...options);
  draftName.value = kept.current ?? '';
}

/** Keeps the text as the current draft (a new one, named after `wanted`, if there is none). */
function saveDraft(wanted = name) {
  const kept = drafts();
  if (!kept.current || !(kept.current in kept.drafts)) kept.current = freeName(wanted, kept);
  kept.drafts[kept.current] = { text: text.value };
  if (keep(kept)) listDrafts();
}

/** The offset in the text of 1-based `line` and `column` (counted in characters, as the tool
 * counts them). */
function offsetOf(value, line, column) {
  const lines = value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i += 1) offset += lines[i].length + 1;
  const here = [...(lines[line - 1] ?? '')].slice(0, column - 1).join('');
  return offset + here.length;
}

/** Puts the cursor where a problem is, and scrolls the text to it. */
function goTo(line, column) {
  const at = offsetOf(text.value, line, column);
  text.focus();
  text.setSelectionRange(at, at);
  // Scrolls the cursor's line into view: the text's lines are all the same height.
  const lineHeight = text.scrollHeight / Math.max(1, text.value.split('\n').length);
  text.scrollTop = Math.max(0, (line - 3) * lineHeight);
  // Said here too: a text that had focus already gets no focus event (WebKit keeps it there
  // when a button is clicked).
  showCursor();
}

// --- line numbers and where the cursor is --------------------------------------------------
const lines = document.getElementById('lines');
const cursor = document.getElementById('cursor');
const wrap = document.getElementById('wrap');

/** Numbers as many lines as the text has, beside it. */
function numberLines() {
  const count = text.value.split('\n').length;
  if (Number(lines.dataset.count) !== count) {
    lines.textContent = Array.from({ length: count }, (_, i) => i + 1).join('\n');
    lines.dataset.count = count;
    lines.parentElement.style.setProperty('--digits', String(String(count).length));
  }
  lines.scrollTop = text.scrollTop;
}

/** Says where the cursor is, in the problems' terms: line and column, counted in characters. */
function showCursor() {
  const before = text.value.slice(0, text.selectionStart).split('\n');
  cursor.textContent = `Line ${before.length}, column ${[...before[before.length - 1]].length + 1}`;
}

function listProblems(report) {
  const items = [...report.errors.map((p) => [p, false]), ...report.warnings.map((p) => [p, true])].map(([p, warning]) => {
    const item = document.createElement('li');
    if (warning) item.className = 'studio-warning';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `Line ${p.line}, column ${p.column}: ${p.path}: ${warning ? 'warning: ' : ''}${p.message}`;
    button.addEventListener('click', () => goTo(p.line, p.column));
    item.append(button);
    return item;
  });
  problems.replaceChildren(...items);
}

/** Shows `json` (a published evidence set) in the real widget, as a page would embed it. */
function showPreview(json) {
  const widget = document.createElement('evidence-explainer');
  widget.id = 'preview-explainer';
  widget.evidence = json;
  preview.replaceChildren(widget);
}

/** Offers what a check made of the file (nothing, for a file with errors or none at all): the
 * published file and the ClaimReview markup, with what the markup lacks. */
function offer({ published: file = null, claimReview: markup = null, claimReviewMissing = [] } = {}, ready = null) {
  published = file;
  publishable = ready;
  claimReview = markup;
  for (const id of ['download', 'copy-published']) document.getElementById(id).disabled = published === null;
  for (const id of ['download-offline', 'copy-snippet', 'download-snippet']) document.getElementById(id).disabled = publishable === null;
  for (const id of ['download-authored', 'copy-authored']) document.getElementById(id).disabled = !text.value.trim();
  for (const id of ['download-claimreview', 'copy-claimreview']) document.getElementById(id).disabled = claimReview === null;
  document.getElementById('claimreview-missing').replaceChildren(...claimReviewMissing.map((advice) => {
    const item = document.createElement('li');
    item.textContent = `ClaimReview: ${advice}`;
    return item;
  }));
}

function run() {
  numberLines();
  const report = JSON.parse(check(text.value));
  listProblems(report);
  const clean = report.errors.length === 0;
  offer(report, clean ? (report.published ?? (report.form === 'published' ? text.value : null)) : null);
  const count = report.errors.length;
  if (count > 0) {
    status.textContent = count === 1 ? '1 problem: choose it to go to it.' : `${count} problems: choose one to go to it.`;
    return;
  }
  status.textContent = report.form === 'published'
    ? 'No problems. This file is already published: the preview shows it as readers will.'
    : 'No problems. The preview shows the explainer as readers will.';
  showPreview(report.published ?? text.value);
}

function changed() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    saveDraft();
    run();
  }, PAUSE_MS);
}

/** Keeps what was typed in the last pause now, before the page shows another draft: typing
 * and then switching at once must lose nothing. */
function flush() {
  if (timer === undefined) return;
  clearTimeout(timer);
  timer = undefined;
  saveDraft();
}

/** Opens `value` as a new draft named after `fileName`. */
function load(value, fileName) {
  flush();
  name = fileName.replace(/(\.published)?\.json$/i, '') || 'explainer';
  text.value = value;
  const kept = drafts();
  kept.current = null;
  keep(kept);
  saveDraft(name);
  run();
}

/** Shows the draft kept as `key`. */
function openDraft(key) {
  flush();
  const kept = drafts();
  if (!(key in kept.drafts)) return;
  kept.current = key;
  keep(kept);
  name = key;
  text.value = kept.drafts[key].text;
  listDrafts();
  problems.replaceChildren();
  preview.replaceChildren();
  run();
}

/** Opens a file: an evidence file (JSON) into the editor, a report (text or markdown) into
 * the import, whose limits it then offers. */
async function openFile(file) {
  if (!file) return;
  const content = await file.text();
  if (/\.(txt|md|markdown)$/i.test(file.name) || /^text\/(plain|markdown)/.test(file.type)) {
    report.value = content;
    offerLimits();
    status.textContent = `The report "${file.name}" is under "Import a report": give its label, pick its limits, and import it.`;
    report.focus();
    return;
  }
  load(content, file.name);
}

/** Lets a file be dropped on `field`, which then holds its text (`then` runs after). */
function dropInto(field, then = () => {}) {
  field.addEventListener('dragover', (event) => event.preventDefault());
  field.addEventListener('drop', async (event) => {
    const [file] = event.dataTransfer.files;
    if (!file) return;
    event.preventDefault();
    field.value = await file.text();
    then();
  });
}

// --- importing a report ---------------------------------------------------------------------
const report = document.getElementById('report');
const sources = document.getElementById('sources');
const label = document.getElementById('label');
const limitsBox = document.getElementById('limits');
const importProblems = document.getElementById('import-problems');
let candidatesTimer;

/** Offers the report's sentences that may state its limits, keeping what was picked. */
function offerLimits() {
  const picked = new Set([...limitsBox.querySelectorAll('input:checked')].map((box) => box.value));
  const candidates = JSON.parse(limitCandidates(report.value));
  const choices = candidates.map((sentence, i) => {
    const choice = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.id = `limit-${i + 1}`;
    box.value = sentence;
    box.checked = picked.has(sentence);
    const words = document.createElement('span');
    words.textContent = sentence;
    choice.append(box, words);
    return choice;
  });
  const none = document.createElement('p');
  none.textContent = report.value.trim()
    ? 'No section of this report names its limits: write them in the evidence file after importing, under "limits".'
    : 'Paste a report to see its sentences here.';
  limitsBox.replaceChildren(limitsBox.querySelector('legend'), ...(choices.length ? choices : [none]));
}

/** The sources file with what the page asked for: the label and the picked limits. A sources
 * file that is not a JSON object goes to the tool as it is, which says what is wrong with it. */
function supplement() {
  const given = sources.value.trim();
  let object = {};
  if (given) {
    try {
      object = JSON.parse(given);
    } catch {
      return given;
    }
    if (!object || typeof object !== 'object' || Array.isArray(object)) return given;
  }
  if (label.value.trim()) object.label = label.value.trim();
  const picked = [...limitsBox.querySelectorAll('input:checked')].map((box) => box.value);
  if (picked.length) object.limits = picked;
  return JSON.stringify(object);
}

function importNow() {
  const result = JSON.parse(importReport(report.value, supplement()));
  importProblems.replaceChildren(...result.problems.map((p) => {
    const item = document.createElement('li');
    item.textContent = p.line ? `Report, line ${p.line}: ${p.message}` : p.message;
    return item;
  }));
  if (result.authored === null) {
    status.textContent = result.problems.length === 1
      ? 'The report could not be imported: 1 problem, listed under the import.'
      : `The report could not be imported: ${result.problems.length} problems, listed under the import.`;
    return;
  }
  load(result.authored, 'explainer.json');
  text.focus();
}

/** A wasm module of the studio's, started: from the page in the single file, else from beside
 * this script. */
function started(name) {
  if (offline) return offline.load(name);
  return import(new URL(`${name}.js`, import.meta.url).href).then(async (module) => {
    await module.default({ module_or_path: new URL(`${name}_bg.wasm`, import.meta.url) });
    return module;
  });
}

const { check, importReport, limits: limitCandidates } = await started('explainer-studio');
// The snippet and the offline file need the widget's server renderer, in a wasm of its own
// that loads only when an editor first asks for one.
let publisher;
const publish = () => {
  publisher ??= started('explainer-publisher');
  return publisher;
};
// What is being made, while it is: an error the page did not catch (a fault inside the
// publisher's wasm, which then never answers) is told to the editor rather than left silent.
let making = null;
window.addEventListener('error', () => {
  if (making === null) return;
  document.getElementById('copied').textContent = `The ${making} could not be made: this browser hit an internal error. Your draft is kept: try again.`;
  making = null;
  // A wasm instance that trapped is left in an unknown state (a borrow never released, say):
  // the next making starts a fresh one.
  publisher = undefined;
});

/** Runs `make` as the making of `what`, for the error above; after any failure the publisher
 * is started afresh the next time, for the same reason. */
async function makingOf(what, make) {
  making = what;
  try {
    return await make();
  } catch (error) {
    publisher = undefined;
    throw error;
  } finally {
    making = null;
  }
}

report.addEventListener('input', () => {
  clearTimeout(candidatesTimer);
  candidatesTimer = setTimeout(offerLimits, PAUSE_MS);
});
document.getElementById('import').addEventListener('click', importNow);
dropInto(report, offerLimits);
dropInto(sources);
document.getElementById('sample-report').addEventListener('click', async () => {
  const [reportText, sourcesText] = offline
    ? [offline.report, offline.sources]
    : await Promise.all(['ice-contracts.report.txt', 'ice-contracts.sources.json']
      .map(async (file) => (await fetch(new URL(`evidence/${file}`, import.meta.url))).text()));
  // As a new user would have it: a report has no label and no limits, so the page asks.
  const { label: _label, limits: _limits, ...sourcesOnly } = JSON.parse(sourcesText);
  report.value = reportText;
  sources.value = `${JSON.stringify(sourcesOnly, null, 2)}\n`;
  label.value = '';
  offerLimits();
  label.focus();
});

text.addEventListener('input', changed);
text.addEventListener('input', numberLines);
text.addEventListener('scroll', () => {
  lines.scrollTop = text.scrollTop;
});
for (const event of ['input', 'keyup', 'click', 'select', 'focus']) text.addEventListener(event, showCursor);
wrap.addEventListener('change', () => {
  text.wrap = wrap.checked ? 'soft' : 'off';
  text.parentElement.classList.toggle('studio-wrapped', wrap.checked);
  numberLines();
});
document.getElementById('open').addEventListener('change', (event) => openFile(event.target.files[0]));
text.addEventListener('dragover', (event) => event.preventDefault());
text.addEventListener('drop', (event) => {
  event.preventDefault();
  openFile(event.dataTransfer.files[0]);
});
document.getElementById('sample').addEventListener('click', async () => {
  const sample = offline ? offline.sample : await (await fetch(new URL('evidence/ice-contracts.json', import.meta.url))).text();
  load(sample, 'ice-contracts.json');
});
document.getElementById('delete').addEventListener('click', () => {
  flush();
  const kept = drafts();
  const gone = kept.current;
  if (gone) delete kept.drafts[gone];
  kept.current = Object.keys(kept.drafts).sort()[0] ?? null;
  keep(kept);
  if (kept.current) {
    openDraft(kept.current);
  } else {
    text.value = '';
    numberLines();
    name = 'explainer';
    listDrafts();
    problems.replaceChildren();
    preview.replaceChildren();
    offer();
  }
  status.textContent = gone ? `Draft "${gone}" deleted.` : 'There was no draft to delete.';
});
document.getElementById('new').addEventListener('click', () => {
  flush();
  const kept = drafts();
  kept.current = freeName('Untitled', kept);
  kept.drafts[kept.current] = { text: '' };
  keep(kept);
  openDraft(kept.current);
  status.textContent = `New draft "${kept.current}".`;
  text.focus();
});
draftList.addEventListener('change', () => openDraft(draftList.value));
draftName.addEventListener('change', () => {
  // Read first: keeping the last words typed shows the drafts again, old name and all.
  const wanted = draftName.value.trim();
  flush();
  const kept = drafts();
  const old = kept.current;
  if (!old || !wanted || wanted === old) return listDrafts();
  const renamed = freeName(wanted, kept);
  kept.drafts[renamed] = kept.drafts[old];
  delete kept.drafts[old];
  kept.current = renamed;
  keep(kept);
  listDrafts();
  status.textContent = `Draft renamed "${renamed}".`;
});
/** Offers `content` as a file named `fileName` to save. */
function save(content, fileName, type) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

/** Puts `content` on the clipboard and says so (or that the browser refused). */
async function copy(content, what) {
  const said = document.getElementById('copied');
  try {
    await navigator.clipboard.writeText(content);
    said.textContent = `${what} copied.`;
  } catch {
    said.textContent = `This browser would not copy the ${what.toLowerCase()}: download it instead.`;
  }
}

document.getElementById('download-authored').addEventListener('click', () => {
  save(text.value, `${name}.json`, 'application/json');
});
document.getElementById('copy-authored').addEventListener('click', () => copy(text.value, 'The evidence file'));

/** The snippet for the published file, named as the studio saves it. */
function makeSnippet() {
  const src = document.getElementById('snippet-src').value.trim();
  const base = document.getElementById('snippet-base').value.trim();
  return makingOf('snippet', () => publish().then(({ snippet }) => snippet(publishable, `${name}.published.json`, src, base, '')));
}
document.getElementById('copy-snippet').addEventListener('click', async () => {
  if (publishable !== null) copy(await makeSnippet(), 'The snippet');
});
document.getElementById('download-snippet').addEventListener('click', async () => {
  if (publishable !== null) save(await makeSnippet(), `${name}.snippet.html`, 'text/html');
});

/** The widget's built files an offline file carries, in the order the publisher takes them
 * (glue, wasm, widget stylesheet, page stylesheet, embed.js): their names are written in by the
 * build from the Rust's one list (explainer script-data), then given their content-hashed
 * names (explainer fingerprint). */
const BUILT_FILES = /*@built-files*/[]/*@end*/;

/** The widget's built files, fetched from beside the studio (the wasm as bytes, the rest as
 * text). */
async function builtFiles() {
  if (offline) return offline.files();
  return Promise.all(BUILT_FILES.map(async (file) => {
    const response = await fetch(new URL(file, import.meta.url));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return file.endsWith('.wasm') ? new Uint8Array(await response.arrayBuffer()) : response.text();
  }));
}
/** Whether every inline script and style of the offline file `page` is allowed by a hash in
 * its own Content-Security-Policy, computed again here by the browser's own SHA-256: an
 * offline file whose hashes are wrong opens to a blank page, so it is never offered. (Seen in
 * WebKit 2.50, which miscompiled the publisher's SHA-256 before every wasm was built without
 * StackIR: docs/webkit-wasm-osr.md.) Where the
 * browser gives no SHA-256 to pages (not a secure context), there is nothing to check against,
 * and the file is taken as made. */
async function hashesHold(page) {
  if (!globalThis.crypto?.subtle) return true;
  const policy = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.[1] ?? '';
  // From the start, each element whole, so the evidence's JSON (whose text may say "<style>")
  // is passed over, not searched.
  const inline = [...page.matchAll(/<script type="application\/json">[\s\S]*?<\/script>|<script type="module">([\s\S]*?)<\/script>|<style>([\s\S]*?)<\/style>/g)]
    .filter((m) => m[1] !== undefined || m[2] !== undefined)
    .map((m) => m[1] ?? m[2]);
  const hashes = await Promise.all(inline.map(async (text) => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
  }));
  return inline.length > 0 && hashes.every((hash) => policy.includes(hash));
}

document.getElementById('download-offline').addEventListener('click', async () => {
  if (publishable === null) return;
  const said = document.getElementById('copied');
  try {
    const page = await makingOf('offline file', async () => {
      const [files, { offlineFile }] = await Promise.all([builtFiles(), publish()]);
      const made = await offlineFile(publishable, ...files);
      if (await hashesHold(made)) return made;
      console.error('Explainer Studio: the offline file\'s security hashes do not match its own scripts and styles');
      throw new Error('its security hashes came out wrong in this browser, so it would open blank. Your draft is kept: try again, or make it with explainer bundle');
    });
    save(page, `${name}.html`, 'text/html');
    said.textContent = 'The offline file is made: it opens from disk, with no network.';
  } catch (error) {
    said.textContent = `The offline file could not be made: ${error.message ?? error}.`;
  }
});

download.addEventListener('click', () => {
  if (published !== null) save(published, `${name}.published.json`, 'application/json');
});
document.getElementById('copy-published').addEventListener('click', () => {
  if (published !== null) copy(published, 'The published file');
});
document.getElementById('download-claimreview').addEventListener('click', () => {
  if (claimReview !== null) save(claimReview, `${name}.claimreview.html`, 'text/html');
});
document.getElementById('copy-claimreview').addEventListener('click', () => {
  if (claimReview !== null) copy(claimReview, 'The ClaimReview markup');
});

const kept = drafts();
if (kept.current && kept.current in kept.drafts) {
  openDraft(kept.current);
  status.textContent = `Your draft "${kept.current}" is back. ${status.textContent}`;
} else {
  listDrafts();
  status.textContent = 'Open a file or start from the sample.';
}
