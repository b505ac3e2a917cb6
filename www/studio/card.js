// The share image: the picture messaging apps and social sites show when the explainer's page
// is shared, made by the card maker's wasm exactly as `explainer card` makes it. The wasm is
// started only when the editor first asks for the image; once shown, the image is made again
// after each check, as the editor types.

import { save } from './publish.js';

/** `bytes` as base64 text, a slice at a time (an argument list has a limit). */
function base64(bytes) {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary);
}

/** Shows and offers the share image of what `editor` holds, made with `maker` (wasm.js). */
export function answerCard(editor, maker) {
  const byId = (id) => document.getElementById(id);
  const [show, download, figure, alt, status] = ['show-card', 'download-card', 'card-figure', 'card-alt', 'card-status'].map(byId);
  // Made here, not in the page: an image has a source from the start.
  const image = document.createElement('img');
  image.id = 'card-image';
  image.width = 1200;
  image.height = 630;
  let shown = false;
  // The image of the text last checked, and which making is the latest: a making that a newer
  // text overtook while it ran is dropped, so the image never goes back to an older text.
  let made = null;
  let latest = 0;

  /** Makes the image of the file as last checked; the image made, or null. */
  async function make() {
    const { publishable } = editor.current();
    const turn = ++latest;
    made = null;
    if (publishable === null) {
      figure.hidden = true;
      status.textContent = shown ? 'The share image is made once the file has no problems.' : '';
      return null;
    }
    if (shown) status.textContent = 'Making the share image…';
    try {
      const card = await maker.making('share image', (module) => module.then((exports) => exports.card(publishable)));
      const result = { png: card.png, alt: card.alt };
      card.free();
      if (turn !== latest) return null;
      made = result;
      image.src = `data:image/png;base64,${base64(result.png)}`;
      image.alt = result.alt;
      if (!image.isConnected) figure.prepend(image);
      alt.textContent = result.alt;
      figure.hidden = !shown;
      status.textContent = '';
      return result;
    } catch (error) {
      if (turn !== latest) return null;
      figure.hidden = true;
      status.textContent = `The share image could not be made: ${error.message ?? error}.`;
      return null;
    }
  }

  show.addEventListener('click', () => {
    shown = !shown;
    show.setAttribute('aria-expanded', String(shown));
    show.textContent = shown ? 'Hide the share image' : 'Show the share image';
    figure.hidden = !(shown && made);
    if (shown && !made) make();
  });
  editor.onChecked(() => {
    download.disabled = editor.current().publishable === null;
    made = null;
    latest += 1;
    if (shown) make();
  });
  download.addEventListener('click', async () => {
    const card = made ?? await make();
    if (card) save(card.png, `${editor.current().name}.png`, 'image/png');
  });
}
