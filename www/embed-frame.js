// Explainer iframe helper for host pages: sizes each <iframe data-explainer> to its content.
//
//   <iframe data-explainer src="https://example.org/explainer/index.html?src=evidence.published.json"
//           title="Fact check: …" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>
//   <script type="module" src="https://example.org/explainer/embed-frame.js"></script>
//
// A height is applied only when the message comes from that iframe's own window, from exactly
// the origin its address names ("null" when it is sandboxed without allow-same-origin), and is
// a number between 1 and MAX_HEIGHT pixels. Anything else is ignored.
const MAX_HEIGHT = 100000;

function expectedOrigin(frame) {
  const sandboxed = frame.hasAttribute('sandbox') && !frame.sandbox.contains('allow-same-origin');
  return sandboxed ? 'null' : new URL(frame.src, location.href).origin;
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object' || data.type !== 'explainer:height') return;
  const height = data.height;
  if (typeof height !== 'number' || !Number.isFinite(height) || height < 1 || height > MAX_HEIGHT) return;
  for (const frame of document.querySelectorAll('iframe[data-explainer]')) {
    if (frame.contentWindow === event.source && event.origin === expectedOrigin(frame)) {
      frame.style.height = `${Math.ceil(height)}px`;
      return;
    }
  }
});
