// The editor: the evidence file's text, checked as the editor types by the authoring tool's own
// code, its problems listed with where they are, the real widget as the preview, and the
// drafts kept in this browser. Everything it keeps of the file open is inside createEditor.

import { drafts, freeName, keep } from './drafts.js';

// Typing never waits for checking: the check runs once the editor pauses.
export const PAUSE_MS = 300;

/** The offset in `value` of 1-based `line` and `column` (counted in characters, as the tool
 * counts them). */
function offsetOf(value, line, column) {
  const lines = value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i += 1) offset += lines[i].length + 1;
  const here = [...(lines[line - 1] ?? '')].slice(0, column - 1).join('');
  return offset + here.length;
}

/**
 * The editor on the page, checking with `check` (the checker's): what it holds is read with
 * `current()`, and `say` writes the status line.
 * @param {(text: string) => string} check
 */
export function createEditor(check) {
  const text = document.getElementById('text');
  const status = document.getElementById('status');
  const problems = document.getElementById('problems');
  const preview = document.getElementById('preview');
  const lines = document.getElementById('lines');
  const cursor = document.getElementById('cursor');
  const wrap = document.getElementById('wrap');
  const draftList = document.getElementById('drafts');
  const draftName = document.getElementById('draft-name');

  // The file open: its name, and what its last check made of it. `publishable` is the
  // published file's text for the snippet and the offline file: the one offered, or the text
  // itself when it is published already and has no problems.
  const file = { name: 'explainer', published: null, publishable: null, claimReview: null };
  /** Called after each check, with what it made of the file offered (the share image follows). */
  const checked = [];
  let timer;

  const say = (message) => {
    status.textContent = message;
  };

  /** Keeps `kept`, or says the browser would not. */
  function store(kept) {
    if (keep(kept)) return true;
    say('This browser would not keep the draft (storage full or off): download your work to keep it.');
    return false;
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
  function saveDraft(wanted = file.name) {
    const kept = drafts();
    if (!kept.current || !(kept.current in kept.drafts)) kept.current = freeName(wanted, kept);
    kept.drafts[kept.current] = { text: text.value };
    if (store(kept)) listDrafts();
  }

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
    // The preview is what the editor is looking at: it starts at once, wherever it is.
    widget.setAttribute('loading', 'eager');
    widget.evidence = json;
    preview.replaceChildren(widget);
  }

  /** Offers what a check made of the file (nothing, for a file with errors or none at all): the
   * published file and the ClaimReview markup, with what the markup lacks. */
  function offer({ published = null, claimReview = null, claimReviewMissing = [] } = {}, ready = null) {
    Object.assign(file, { published, publishable: ready, claimReview });
    for (const then of checked) then();
    for (const id of ['download', 'copy-published']) document.getElementById(id).disabled = published === null;
    for (const id of ['download-offline', 'copy-snippet', 'download-snippet']) document.getElementById(id).disabled = ready === null;
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
      say(count === 1 ? '1 problem: choose it to go to it.' : `${count} problems: choose one to go to it.`);
      return;
    }
    say(report.form === 'published'
      ? 'No problems. This file is already published: the preview shows it as readers will.'
      : 'No problems. The preview shows the explainer as readers will.');
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
    file.name = fileName.replace(/(\.published)?\.json$/i, '') || 'explainer';
    text.value = value;
    const kept = drafts();
    kept.current = null;
    store(kept);
    saveDraft(file.name);
    run();
  }

  /** Shows the draft kept as `key`. */
  function openDraft(key) {
    flush();
    const kept = drafts();
    if (!(key in kept.drafts)) return;
    kept.current = key;
    store(kept);
    file.name = key;
    text.value = kept.drafts[key].text;
    listDrafts();
    problems.replaceChildren();
    preview.replaceChildren();
    run();
  }

  text.addEventListener('input', changed);
  text.addEventListener('input', numberLines);
  text.addEventListener('scroll', () => {
    lines.scrollTop = text.scrollTop;
  });
  for (const event of ['input', 'keyup', 'click', 'select', 'focus']) text.addEventListener(event, showCursor);
  wrap.addEventListener('change', () => {
    text.parentElement.classList.toggle('studio-wrapped', wrap.checked);
    numberLines();
  });
  document.getElementById('delete').addEventListener('click', () => {
    flush();
    const kept = drafts();
    const gone = kept.current;
    if (gone) delete kept.drafts[gone];
    kept.current = Object.keys(kept.drafts).sort()[0] ?? null;
    store(kept);
    if (kept.current) {
      openDraft(kept.current);
    } else {
      text.value = '';
      numberLines();
      file.name = 'explainer';
      listDrafts();
      problems.replaceChildren();
      preview.replaceChildren();
      offer();
    }
    say(gone ? `Draft "${gone}" deleted.` : 'There was no draft to delete.');
  });
  document.getElementById('new').addEventListener('click', () => {
    flush();
    const kept = drafts();
    kept.current = freeName('Untitled', kept);
    kept.drafts[kept.current] = { text: '' };
    store(kept);
    openDraft(kept.current);
    say(`New draft "${kept.current}".`);
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
    store(kept);
    listDrafts();
    say(`Draft renamed "${renamed}".`);
  });

  /** Shows the draft this browser kept, if there is one, and says so. */
  function restore() {
    const kept = drafts();
    if (kept.current && kept.current in kept.drafts) {
      openDraft(kept.current);
      say(`Your draft "${kept.current}" is back. ${status.textContent}`);
    } else {
      listDrafts();
      say('Open a file or start from the sample.');
    }
  }

  return {
    load,
    restore,
    say,
    focus: () => text.focus(),
    /** The file open: its name, text, and what its last check made of it. */
    current: () => ({ ...file, text: text.value }),
    /** The text field, for dropping files on. */
    field: text,
    /** Calls `then` after each check of the file, once what it made is offered. */
    onChecked: (then) => checked.push(then),
  };
}
