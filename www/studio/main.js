// Explainer Studio: the text of an evidence file, checked as the editor types by the authoring
// tool's own code (explainer-studio.wasm), its problems listed with where they are, the real
// widget as the preview, and the published file to download. The draft is kept in this
// browser (localStorage) as the editor types; nothing is sent anywhere.
// In the studio's single file (explainer studio-file) the checker, the sample and the widget's
// files come from the page itself (EXPLAINER_STUDIO), and nothing is fetched.
//
// The modules, by role: wasm.js (the three wasm modules), drafts.js (what this browser keeps),
// editor.js (the text, its check and the preview), import.js (a report made into a file),
// publish.js (what the editor takes away), card.js (the share image). The build bundles them
// into studio.js.

import { answerCard } from './card.js';
import { createEditor } from './editor.js';
import { createImport } from './import.js';
import { answerPublishing } from './publish.js';
import { offline, onDemand, startChecker } from './wasm.js';

const checker = await startChecker();
const editor = createEditor(checker.check);
const importer = createImport({ importReport: checker.importReport, limits: checker.limits }, editor, offline);
/** Says in `where` that the `making` could not be made because its wasm failed. */
const sayFault = (where) => (making) => {
  document.getElementById(where).textContent = `The ${making} could not be made: this browser hit an internal error. Your draft is kept: try again.`;
};
answerPublishing(editor, onDemand('explainer-publisher', sayFault('copied')), offline);
answerCard(editor, onDemand('explainer-card', sayFault('card-status')));

/** Opens a file: an evidence file (JSON) into the editor, a report (text or markdown) into
 * the import, whose limits it then offers. */
async function openFile(file) {
  if (!file) return;
  const content = await file.text();
  if (/\.(txt|md|markdown)$/i.test(file.name) || /^text\/(plain|markdown)/.test(file.type)) {
    importer.take(content, file.name);
    return;
  }
  editor.load(content, file.name);
}

document.getElementById('open').addEventListener('change', (event) => openFile(event.target.files[0]));
editor.field.addEventListener('dragover', (event) => event.preventDefault());
editor.field.addEventListener('drop', (event) => {
  event.preventDefault();
  openFile(event.dataTransfer.files[0]);
});
document.getElementById('sample').addEventListener('click', async () => {
  const sample = offline ? offline.sample : await (await fetch(new URL('evidence/ice-contracts.json', import.meta.url))).text();
  editor.load(sample, 'ice-contracts.json');
});
editor.restore();
