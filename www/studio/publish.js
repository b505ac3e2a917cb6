// What the editor takes away: the authored and the published file, the ClaimReview markup, the
// paste-in snippet and the offline file (the last two made by the publisher's wasm), saved as
// files or copied.

/** The widget's built files an offline file carries, in the order the publisher takes them
 * (glue, wasm, widget stylesheet, page stylesheet, embed.js): their names are written in by the
 * build from the Rust's one list (explainer script-data), then given their content-hashed
 * names (explainer fingerprint). */
const BUILT_FILES = /*@built-files*/[]/*@end*/;

/** Offers `content` as a file named `fileName` to save. */
export function save(content, fileName, type) {
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

/** The widget's built files: from the page in the studio's single file, else fetched from
 * beside the studio (the wasm as bytes, the rest as text). */
async function builtFiles(offline) {
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

/** Answers the page's save and copy buttons for what `editor` holds, making the snippet and
 * the offline file with `publisher` (see wasm.js). */
export function answerPublishing(editor, publisher, offline) {
  const on = (id, action) => document.getElementById(id).addEventListener('click', action);
  const said = document.getElementById('copied');

  /** The snippet for the published file, named as the studio saves it. */
  function makeSnippet() {
    const { name, publishable } = editor.current();
    const src = document.getElementById('snippet-src').value.trim();
    const base = document.getElementById('snippet-base').value.trim();
    return publisher.making('snippet', (module) => module.then(({ snippet }) => snippet(publishable, `${name}.published.json`, src, base, '')));
  }

  on('copy-snippet', async () => {
    if (editor.current().publishable !== null) copy(await makeSnippet(), 'The snippet');
  });
  on('download-snippet', async () => {
    const { name, publishable } = editor.current();
    if (publishable !== null) save(await makeSnippet(), `${name}.snippet.html`, 'text/html');
  });
  on('download-offline', async () => {
    const { name, publishable } = editor.current();
    if (publishable === null) return;
    try {
      const page = await publisher.making('offline file', async (module) => {
        const [files, { offlineFile }] = await Promise.all([builtFiles(offline), module]);
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
  // What the editor saves or copies as it holds it: the file as written, the published file
  // and the ClaimReview markup (null until a check makes them).
  const kept = [
    { key: 'text', saveId: 'download-authored', copyId: 'copy-authored', what: 'The evidence file', ending: '.json', type: 'application/json' },
    { key: 'published', saveId: 'download', copyId: 'copy-published', what: 'The published file', ending: '.published.json', type: 'application/json' },
    { key: 'claimReview', saveId: 'download-claimreview', copyId: 'copy-claimreview', what: 'The ClaimReview markup', ending: '.claimreview.html', type: 'text/html' },
  ];
  for (const { key, saveId, copyId, what, ending, type } of kept) {
    on(saveId, () => {
      const file = editor.current();
      if (file[key] !== null) save(file[key], `${file.name}${ending}`, type);
    });
    on(copyId, () => {
      const content = editor.current()[key];
      if (content !== null) copy(content, what);
    });
  }
}
