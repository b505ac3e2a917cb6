// Explainer embed. A page adds this script and one element per widget:
//
//   <script type="module" src="https://example.org/explainer/embed.js"></script>
//   <evidence-explainer src="evidence.published.json" theme="dark"></evidence-explainer>
//
// Each element renders in its own shadow root with the widget's stylesheet, so host styles do
// not reach in and widget styles do not leak out. The evidence comes from `src` (a published
// evidence file), from a child <script type="application/json">, or else the set bundled with
// the widget. Everything is loaded from beside this script, never from a third party.
const base = new URL('.', import.meta.url);
let widget; // the wasm module, initialised once for every element on the page
let instances = 0;

function loadWidget() {
  widget ??= import(new URL('explainer-widget.js', base).href).then(async (module) => {
    await module.default({ module_or_path: new URL('explainer-widget_bg.wasm', base) });
    return module;
  });
  return widget;
}

/** Resolves once `link` has loaded (or failed: the widget still renders, unstyled). */
function loaded(link) {
  return new Promise((done) => {
    link.addEventListener('load', done, { once: true });
    link.addEventListener('error', done, { once: true });
  });
}

/** The evidence text for `element`, or `{ failure }` saying why it could not be had. */
async function evidenceOf(element) {
  const src = element.getAttribute('src');
  if (src) {
    try {
      const response = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
      if (!response.ok) return { failure: `HTTP ${response.status}` };
      return { json: await response.text() };
    } catch (error) {
      return { failure: `network error: ${error.message}` };
    }
  }
  const inline = element.querySelector('script[type="application/json"]');
  return inline ? { json: inline.textContent } : {};
}

class EvidenceExplainer extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('explainer.css', base).href;
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.textContent = 'Loading the explainer…';
    const root = document.createElement('div');
    shadow.append(style, status, root);
    instances += 1;
    const instance = this.id || `explainer-${instances}`;
    const [evidence, module] = await Promise.all([evidenceOf(this), loadWidget(), loaded(style)]);
    status.remove();
    module.mount(
      root,
      instance,
      evidence.json ?? null,
      this.getAttribute('src'),
      evidence.failure ?? null,
      this.getAttribute('theme'),
      this.hasAttribute('title-page'),
    );
  }
}

if (!customElements.get('evidence-explainer')) {
  customElements.define('evidence-explainer', EvidenceExplainer);
}
