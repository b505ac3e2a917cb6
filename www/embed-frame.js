// Explainer iframe helper for host pages: sizes each <iframe data-explainer> to its content,
// and makes the links its readers share point at the article.
//
//   <iframe data-explainer id="library-hours" src="https://example.org/explainer/library-hours.html"
//           title="Fact check: …" allow="clipboard-write; web-share"
//           sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>
//   <script type="module" src="https://example.org/explainer/embed-frame.js"></script>
//
// A height is applied only when the message comes from that iframe's own window, from exactly
// the origin its address names ("null" when it is sandboxed without allow-same-origin), and is
// a number between 1 and MAX_HEIGHT pixels. Anything else is ignored.
//
// Once a frame's widget is running, it is told the article's address and the frame's name (its
// id, or `explainer-frame-<n>` by its place on the page), so its "Copy link" gives
// `<article>#<name>/<part>`; opening such an address opens that part in the frame and scrolls
// the article to it.
const MAX_HEIGHT = 100000;

function expectedOrigin(frame) {
  const sandboxed = frame.hasAttribute('sandbox') && !frame.sandbox.contains('allow-same-origin');
  return sandboxed ? 'null' : new URL(frame.src, location.href).origin;
}

const frames = () => [...document.querySelectorAll('iframe[data-explainer]')];

/** The frame's name in the article's deep links. */
const nameOf = (frame) => frame.id || `explainer-frame-${frames().indexOf(frame) + 1}`;

const told = new WeakSet();
// The frame a deep link in the article's address names: scrolled to once it has its height.
let linked;

/** The part a deep link's `fragment` (without `#`) names in the frame `name`: '' for the whole
 * frame, null when it names something else. The article's side of src/widget/deep_link.rs:
 * tests/contracts/ holds it to tests/fixtures/deep-links.json, as the Rust is held. */
function partOf(fragment, name) {
  if (fragment === name) return '';
  return fragment.startsWith(`${name}/`) ? fragment.slice(name.length + 1) : null;
}

// `#<name>/<part>` opens the part in frame <name>; `#<name>` alone is the frame itself.
const link = decodeURIComponent(location.hash.slice(1));
for (const frame of frames()) {
  const part = partOf(link, nameOf(frame));
  if (part === null) continue;
  if (part) {
    const address = new URL(frame.src, location.href);
    address.hash = part;
    frame.src = address.href;
  }
  linked = frame;
}

/** The frame whose window sent `event`, from the origin its address names, if any. */
const sender = (event) => frames().find((frame) => frame.contentWindow === event.source && event.origin === expectedOrigin(frame));

// From a frame's own window and origin only: its height ({ type: 'explainer:height', height }),
// and what its widget says it did (frame.js sends { type: 'explainer:event', name, detail }),
// dispatched on its <iframe>, bubbling, with the detail's words only (instance, part, kind,
// outcome), so a newsroom's analytics counts framed explainers as it counts script embeds.
window.addEventListener('message', (event) => {
  const { type, name, height, detail = {} } = event.data ?? {};
  const frame = (type === 'explainer:event' || type === 'explainer:height') && sender(event);
  if (!frame) return;
  if (type === 'explainer:event') {
    if (!/^explainer:(ready|open|close|share)$/.test(name)) return;
    const words = Object.fromEntries(['instance', 'part', 'kind', 'outcome'].filter((key) => typeof detail?.[key] === 'string').map((key) => [key, detail[key]]));
    frame.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: words }));
    return;
  }
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 1 || height > MAX_HEIGHT) return;
  frame.style.height = `${Math.ceil(height)}px`;
  if (!told.has(frame)) {
    told.add(frame);
    // A frame with an opaque origin can only be addressed as '*'; the message holds
    // nothing but the article's public address.
    const origin = expectedOrigin(frame);
    frame.contentWindow.postMessage({ type: 'explainer:host', url: location.href.split('#')[0], id: nameOf(frame) }, origin === 'null' ? '*' : origin);
  }
  if (linked === frame) {
    linked = undefined;
    frame.scrollIntoView();
  }
});
