// Importing a report: its sentences that may state its limits offered to pick, the sources file
// completed with the label and the limits picked, and the authored file the import makes opened
// in the editor.

import { PAUSE_MS } from './editor.js';

/**
 * The import on the page, with the checker's `importReport` and `limits`, opening what it makes
 * with `editor`.
 */
export function createImport({ importReport, limits }, editor, offline) {
  const report = document.getElementById('report');
  const sources = document.getElementById('sources');
  const label = document.getElementById('label');
  const limitsBox = document.getElementById('limits');
  const importProblems = document.getElementById('import-problems');
  let candidatesTimer;

  /** Offers the report's sentences that may state its limits, keeping what was picked. */
  function offerLimits() {
    const picked = new Set([...limitsBox.querySelectorAll('input:checked')].map((box) => box.value));
    const candidates = JSON.parse(limits(report.value));
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
      editor.say(result.problems.length === 1
        ? 'The report could not be imported: 1 problem, listed under the import.'
        : `The report could not be imported: ${result.problems.length} problems, listed under the import.`);
      return;
    }
    editor.load(result.authored, 'explainer.json');
    editor.focus();
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

  return {
    /** Takes the report `content` (from a file named `name`) into the import, and offers its
     * limits. */
    take(content, name) {
      report.value = content;
      offerLimits();
      editor.say(`The report "${name}" is under "Import a report": give its label, pick its limits, and import it.`);
      report.focus();
    },
  };
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
