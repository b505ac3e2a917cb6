// Explainer embed. A page adds this script and one element per widget:
//
//   <script type="module" src="https://example.org/explainer/embed.js"></script>
//   <evidence-explainer src="evidence.published.json" theme="dark" heading="2"></evidence-explainer>
//
// `heading` is the level of the question's heading (1–4, default 2), so the widget's headings
// fit the outline of the article around it. `language` (a tag such as `es`) makes the words the
// widget adds (headings, buttons, dates) that language's, instead of the evidence set's
// `meta.language`; with neither, the widget speaks English.
// Each element renders in its own shadow root with the widget's stylesheet, so host styles do
// not reach in and widget styles do not leak out. The evidence comes from `src` (a published
// evidence file), from a child <script type="application/json">, from the element's `evidence`
// property (text, set by a page's script before the element is added), or else the set
// bundled with the widget. Everything is loaded from beside this script, never from a third party.
//
// The stand-alone page (index.html) uses the same element with `own-page`: the widget then
// renders in the page itself, not in a shadow root, and takes `src`, `theme` and `language` from
// its own address (index.html?src=…&theme=dark&language=es), follows `#section-id` deep
// links, titles the page, and, inside an iframe, reports its height to the parent page (in
// embed-frame.js's, WordPress's and pym.js's words) and sends it the widget's events.
//
// In an article a widget is lazy, as `loading="lazy"` images are: nothing of it but this script
// is fetched until it comes within one and a half screens of the viewport, the reader points
// at, focuses or taps something in it, or the page's address deep-links into it
// (`#<id>/<part>`); `loading="eager"` starts it at once. Until then a prerendered explainer is
// complete, its sections open and close, and a bare element shows its loading line.
//
// An element from `explainer snippet` already holds the explainer, rendered into a declarative
// shadow root that the page paints before any script runs, and so does the stand-alone page
// from `explainer page` (in the element itself); this script then takes it over.
//
// The offline single file (explainer bundle) inlines this script after the widget's own code,
// which sets EXPLAINER_OFFLINE = { load, css }: the wasm then comes from the page itself and
// the stylesheet from text, so nothing is fetched at all.
const base = new URL('.', import.meta.url);
const offline = globalThis.EXPLAINER_OFFLINE;
let widget; // the wasm module, initialised once for every element on the page
let instances = 0;

function loadWidget() {
  widget ??= offline
    ? offline.load()
    : import(new URL('explainer-widget.js', base).href).then(async (module) => {
      await module.default({ module_or_path: new URL('explainer-widget_bg.wasm', base) });
      return module;
    });
  return widget;
}

/** What this script says itself, before the widget's code is there to say it: `loading` and
 * `could_not_load` of each language table (src/locales/*.toml), by language tag. The build
 * writes them in between the two markers (`explainer script-data`), so the tables are the one
 * place they are defined. */
const WORDS = /*@words*/{}/*@end*/;

/** The words for a widget with `options` (optionsOf's): its `language`, or else the page's
 * around it, or English; a regional tag (es-MX) takes its language's table. */
function wordsOf({ language, pageLanguage }) {
  const tag = (language || pageLanguage || '').toLowerCase();
  const lang = [tag, tag.split('-')[0]].find((t) => Object.hasOwn(WORDS, t)) ?? 'en';
  return { lang, ...WORDS[lang] };
}

let checker; // the checker module, loaded once, and only for evidence the widget cannot use

/** What is wrong with `evidence` (what evidenceOf gave, from `src`), as a JSON list of
 * [path, message] in the words of `explainer check`. The widget carries neither those words nor
 * the reader that knows where a problem is, so they come from the checker, Explainer Studio's
 * wasm beside this script, loaded the first time a widget on the page needs it. The offline
 * file has none (its bundled set is always valid): the widget then says the file cannot be
 * used and how to check it. */
function diagnose({ bytes, json, failure }, src) {
  if (offline) return Promise.reject(new Error('no checker in the offline file'));
  checker ??= import(new URL('explainer-studio.js', base).href).then(async (module) => {
    await module.default({ module_or_path: new URL('explainer-studio_bg.wasm', base) });
    return module;
  });
  return checker.then((module) => module.diagnose(bytes, json, src ?? '', failure));
}

/** The widget's stylesheet for a shadow root, and a promise that it has loaded. */
function stylesheet() {
  if (offline) {
    const style = document.createElement('style');
    style.textContent = offline.css;
    return [style, Promise.resolve()];
  }
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('explainer.css', base).href;
  return [link, loaded(link)];
}

/** Resolves once `link` has loaded (or failed: the widget still renders, unstyled). */
function loaded(link) {
  return new Promise((done) => {
    link.addEventListener('load', done, { once: true });
    link.addEventListener('error', done, { once: true });
  });
}

/** What the page's address asks for, on a page the widget owns: only evidence from this site,
 * so a crafted link cannot show another site's "fact check" under this site's name. */
function addressOptions() {
  const params = new URLSearchParams(location.search);
  const options = { src: params.get('src'), theme: params.get('theme'), language: params.get('language') };
  // In a sandboxed frame location.origin is "null"; the address's own origin is what counts.
  const here = new URL(location.href).origin;
  if (options.src && new URL(options.src, location.href).origin !== here) {
    options.refused = 'only evidence from this site is shown';
  }
  return options;
}

/** The evidence text for `element`, or `{ failure }` saying why it could not be had. */
async function evidenceOf(element, src, refused) {
  if (refused) return { failure: refused };
  if (src) {
    try {
      const response = await fetch(new URL(src, document.baseURI), { credentials: 'same-origin' });
      if (!response.ok) return { failure: `HTTP ${response.status}` };
      // Bytes, not text: the widget decodes them itself, so a file that is not UTF-8 is named
      // as such instead of being shown with replacement characters.
      return { bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      return { failure: `network error: ${error.message}` };
    }
  }
  // A page's script may hand the element its evidence as text (Explainer Studio's preview does):
  // a policy with Trusted Types forbids writing it into a script element.
  if (typeof element.evidence === 'string') return { json: element.evidence };
  const inline = element.querySelector('script[type="application/json"]');
  return inline ? { json: inline.textContent } : {};
}

/** Where this page sits in a host's article, when the host's embed-frame.js says so:
 * { url, id }, the article's address and the iframe's name in its deep links. */
let host;
if (window.parent !== window) {
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== window.parent || !data || data.type !== 'explainer:host') return;
    if (typeof data.url !== 'string' || typeof data.id !== 'string') return;
    // Only an address for people to open: never a script's.
    if (!/^https?:/i.test(data.url)) return;
    host = { url: data.url, id: data.id };
  });
}

/** The fragment (without `#`) of the deep link to `part` (a section id, `source-4`, or '' for
 * the whole) of the widget `instance`: `part` on a page of its own, `<instance>/<part>` in an
 * article. The format of src/widget/deep_link.rs: tests/contracts/ holds this function and
 * partOf to tests/fixtures/deep-links.json, as the Rust is held. */
function fragmentOf(instance, ownPage, part) {
  if (ownPage) return part;
  return part ? `${instance}/${part}` : instance;
}

/** The part `fragment` (without `#`) names in the widget `instance`: '' for the whole, null
 * when it is not a link into that widget. */
function partOf(fragment, instance, ownPage) {
  // What WordPress adds to the address of a page it embeds (`#?secret=…`) is no part.
  if (ownPage) return fragment.split('#?')[0].replace(/^\?.*/, '');
  if (fragment === instance) return '';
  return fragment.startsWith(`${instance}/`) ? fragment.slice(instance.length + 1) : null;
}

/** The address of a part of the explainer, as a reader would share it: on a page of its own,
 * the page's address with the deep link; in an article, the article's, which the widget
 * follows when the article loads; in an article's iframe, the article's with the iframe's
 * name as the instance. */
function addressOf(part, { instance, ownPage }) {
  if (ownPage && host) return `${host.url}#${fragmentOf(host.id, false, part)}`;
  const here = location.href.split('#')[0];
  const fragment = fragmentOf(instance, ownPage, part);
  return fragment ? `${here}#${fragment}` : here;
}

/** Hands `url` to the browser's share sheet where it has one, else the clipboard. Resolves to
 * what happened: `shared`, `copied`, `cancelled`, or `manual` (neither worked, so the reader
 * must copy it by hand). */
async function share(url, title) {
  if (navigator.share) {
    try {
      await navigator.share({ title, url });
      return 'shared';
    } catch (error) {
      if (error?.name === 'AbortError') return 'cancelled';
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'manual';
  }
}

/** How long "Link copied" stays, in milliseconds: long enough to read, then out of the way. */
const CONFIRMATION_MS = 6000;

/** Answers the widget's "Copy link" buttons in `container` (the element's shadow root, or on a
 * page of its own the element itself), from the moment this script runs: the button names its
 * part and title, and the status line beside it the words to say what happened (text only,
 * the address as text too). Called in the click itself, since the share sheet and the
 * clipboard need the reader's gesture. */
function answerShareButtons(container, options, tell) {
  const timers = new WeakMap();
  container.addEventListener('click', async (event) => {
    const button = event.target.closest?.('.ex-share-button');
    const status = button?.parentElement.querySelector('.ex-share-status');
    if (!status) return;
    const url = addressOf(button.dataset.part ?? '', options);
    const question = button.closest('.ex-root')?.querySelector('.ex-question')?.textContent ?? document.title;
    const outcome = await share(url, button.dataset.title ? `${question}: ${button.dataset.title}` : question);
    const part = button.dataset.part ?? '';
    tell('share', { part, kind: part ? (part.startsWith('source-') ? 'sources' : 'section') : 'explainer', outcome });
    clearTimeout(timers.get(status));
    if (outcome === 'manual') {
      const address = document.createElement('span');
      address.className = 'ex-share-address';
      address.textContent = url;
      status.replaceChildren(status.dataset.manual ?? '', address);
    } else if (outcome === 'cancelled') {
      status.replaceChildren();
    } else {
      status.textContent = status.dataset[outcome] ?? '';
      timers.set(status, setTimeout(() => status.replaceChildren(), CONFIRMATION_MS));
    }
  });
}

/**
 * What the widget's `mount(root, options, diagnose, putInPlace)` reads: src/widget/mount.rs's
 * `MountOptions`, field for field (tests/contracts.rs holds the two lists equal; a field the
 * widget does not know stops the mount, naming it).
 * @typedef {object} MountOptions
 * @property {string} [instance] names the instance's DOM ids and its deep links
 * @property {Uint8Array} [bytes] a fetched published evidence file
 * @property {string} [json] a published evidence file from the page, as text
 * @property {string} [src] the address the evidence was asked from
 * @property {string} [failure] why fetching `src` failed
 * @property {string} [theme] `light` or `dark`
 * @property {number} [heading] the question's heading level, 1–4
 * @property {boolean} [ownPage] the widget owns the page
 * @property {boolean} [framed] the page is inside another page's iframe
 * @property {string} [language] the language of the words the widget adds
 * @property {string} [pageLanguage] the page's language
 * @property {string} [stamp] the prerendered root's stamp (the widget then takes it over)
 */

/** What `element` asks of its widget: from its attributes, and on a page the widget owns
 * also from the page's address. The mount options, and `refused` (why the address's `src` is
 * not fetched) and `elsewhere` (the address asks for another file than the one rendered into
 * the page), which stay on this side. */
function optionsOf(element) {
  instances += 1;
  const ownPage = element.hasAttribute('own-page');
  const asked = ownPage ? addressOptions() : {};
  return {
    instance: element.id || `explainer-${instances}`,
    ownPage,
    framed: window.parent !== window,
    src: asked.src || element.getAttribute('src'),
    // The page's address asks for another file than the one rendered into the page.
    elsewhere: Boolean(asked.src),
    refused: asked.refused,
    theme: asked.theme || element.getAttribute('theme'),
    heading: Number(element.getAttribute('heading')) || undefined,
    // The words the widget adds: in this language rather than the evidence set's.
    language: asked.language || element.getAttribute('language') || undefined,
    // The page's language, for the words said before (or without) an evidence set.
    pageLanguage: element.closest('[lang]')?.lang || undefined,
  };
}

/** Until the widget takes it over, the prerendered explainer's section buttons work in plain
 * script, so a reader's click before or while the wasm loads is not lost: the takeover carries
 * over what is open. */
function answerSectionButtons(prerendered) {
  prerendered.addEventListener('click', (event) => {
    const button = event.target.closest('button[aria-controls]');
    const panel = button && prerendered.querySelector(`#${CSS.escape(button.getAttribute('aria-controls'))}`);
    if (!panel) return;
    const opening = panel.hasAttribute('hidden');
    if (opening) panel.removeAttribute('hidden');
    else panel.setAttribute('hidden', 'until-found');
    button.setAttribute('aria-expanded', String(opening));
  });
}

/** Tells the page around `element` what its reader does, for the newsroom's own analytics
 * (the widget itself sends nothing anywhere): events on the element, bubbling out of its
 * shadow root, with `detail` { instance, part, kind }: `explainer:open` and `explainer:close`
 * when a section, the limits, the log of changes or a source's card opens or closes (kind
 * section, limits, changes or card; part the deep link's: a section's id, `limits`,
 * `changes`, `source-4`), `explainer:ready` when the widget is live, and `explainer:share`
 * with the `outcome` of a "Copy link" (kind section, sources or explainer). Read off the explainer's own markup as it changes, so
 * the prerendered explainer's buttons count before the widget runs. */
function announce(element, container, instance) {
  const tell = (type, detail) => element.dispatchEvent(new CustomEvent(`explainer:${type}`, { bubbles: true, composed: true, detail: { instance, ...detail } }));
  const prefix = `${instance}-`;
  new MutationObserver((records) => {
    for (const { target, attributeName, oldValue, addedNodes, removedNodes } of records) {
      const open = target.getAttribute?.('aria-expanded');
      if (attributeName && open !== oldValue && target.id.startsWith(prefix)) {
        // `<instance>-button-<section>`, `<instance>-limits-button`, `<instance>-changes-button`.
        const id = target.id.slice(prefix.length);
        const part = id.replace(/^button-|-button$/, '');
        tell(open === 'true' ? 'open' : 'close', { part, kind: id.startsWith('button-') ? 'section' : part });
      }
      // A card comes and goes beside its marker, which links to its source.
      for (const [nodes, type] of [[addedNodes, 'open'], [removedNodes, 'close']]) {
        for (const node of nodes) {
          const source = node.classList?.contains('ex-card') && /source-\d+$/.exec(target.querySelector('.ex-marker')?.hash);
          if (source) tell(type, { part: source[0], kind: 'card' });
        }
      }
    }
  }).observe(container, { subtree: true, childList: true, attributeFilter: ['aria-expanded'], attributeOldValue: true });
  return tell;
}

/** Resolves in a task of its own (after the wasm's instantiation, say). */
const nextTask = () => new Promise((next) => setTimeout(next));

/** Says the widget is live, once the call that puts it in place has returned. */
function ready(tell) {
  queueMicrotask(() => tell('ready', {}));
}

/** Takes over the explainer that `explainer snippet` (or `explainer page`) rendered into the
 * element. Once the evidence and the widget are there, the widget is built off the page, a
 * part a task, so that no task of it is long on the article's main thread (what costs is the
 * first run of its code); with the last part, in the same task, it is put in place of the
 * prerendered root (`putInPlace`), so no frame is painted in between, and what the reader
 * did there meanwhile (panels opened, by find in page say, and focus) carries over. The
 * widget checks the stamp and renders afresh, with one warning, if the markup came from
 * another file or version. If the widget cannot start, the prerendered explainer stays,
 * complete but for its cards, with every section open since nothing else could open them. */
async function takeOver(element, prerendered, { refused, elsewhere, tell, ...options }) {
  try {
    const [evidence, module] = await Promise.all([evidenceOf(element, options.src, refused), loadWidget()]);
    if (evidence.failure) throw new Error(`the evidence could not be loaded from ${options.src} (${evidence.failure})`);
    // The wasm's instantiation is a task of its own, before the first part.
    await nextTask();
    const root = document.createElement('div');
    const stamp = prerendered.dataset.stamp ?? '';
    module.mount(root, { ...options, json: evidence.json, bytes: evidence.bytes, stamp }, () => diagnose(evidence, options.src), (swap) => {
      if (swap) ready(tell);
      return putInPlace(prerendered, root, swap);
    });
  } catch (error) {
    console.warn(`Explainer: the prerendered explainer stays as it is, without its cards: ${error?.message ?? error}`);
    for (const panel of prerendered.querySelectorAll('.ex-panel[hidden]')) panel.removeAttribute('hidden');
    for (const button of prerendered.querySelectorAll('button[aria-expanded]')) button.setAttribute('aria-expanded', 'true');
    prerendered.classList.add('ex-static');
  }
}

/** What the reader left in the `prerendered` explainer, a line each: the id of the element
 * that had focus (or an empty line), then those of the panels open (src/widget/takeover.rs
 * reads it); with `swap`, the widget's `root` then takes its place. */
function putInPlace(prerendered, root, swap) {
  const open = [...prerendered.querySelectorAll('.ex-panel:not([hidden])')].map((panel) => panel.id);
  const active = prerendered.getRootNode().activeElement;
  const focus = (prerendered.contains(active) && active.id) || '';
  if (swap) prerendered.replaceWith(root);
  return [focus, ...open].join('\n');
}

/** The line a widget with nothing rendered before it shows until it mounts. */
function loadingLine(options) {
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const words = wordsOf(options);
  status.lang = words.lang;
  status.textContent = words.loading;
  return status;
}

/** Starts a widget with nothing rendered before it, in `container` (the element's shadow root,
 * or on its own page the element itself), with its loading line (`status`, in `container`
 * already or added here) until it mounts: the widget is built off the page, a part a task,
 * and takes the loading line's place whole. */
async function start(element, container, { refused, elsewhere, tell, ...options }, styled, status = loadingLine(options)) {
  const words = wordsOf(options);
  const root = document.createElement('div');
  if (!status.isConnected) container.append(status);
  try {
    const [evidence, module] = await Promise.all([evidenceOf(element, options.src, refused), loadWidget(), styled]);
    // The wasm's instantiation is a task of its own, before the first part.
    await nextTask();
    module.mount(root, { ...options, json: evidence.json, bytes: evidence.bytes, failure: evidence.failure }, () => diagnose(evidence, options.src), (swap) => {
      if (swap) {
        ready(tell);
        status.replaceWith(root);
      }
      return '';
    });
  } catch (error) {
    // The widget's code could not load or start (no WebAssembly, a blocked or broken file):
    // say so where the explainer would be, rather than leave "Loading…" forever.
    status.setAttribute('role', 'alert');
    status.className = 'ex-root ex-fallback';
    status.textContent = words.could_not_load.replace('{reason}', error?.message ?? error);
    root.remove();
  }
}

/** How far from the screen a widget starts: one and a half viewports above or below it, so
 * it is ready by the time a reader scrolling at a fair pace reaches it. */
const NEAR = '150% 0px';

/** What a reader does in a widget that means they want it now, before it is near. */
const WANTING = ['pointerover', 'pointerdown', 'focusin', 'touchstart'];

/** Resolves when the article's widget `element` is wanted: at once when it says
 * `loading="eager"` or the address deep-links into it; else when it comes near the screen
 * (NEAR), when the reader points at, focuses or taps something in it, or when the address
 * changes to a deep link into it. Until then nothing of the widget but this script is fetched. */
function wanted(element, { instance }) {
  const linked = () => partOf(decodeURIComponent(location.hash.slice(1)), instance, false) !== null;
  if (element.getAttribute('loading') === 'eager' || linked() || !('IntersectionObserver' in window)) {
    return Promise.resolve();
  }
  return new Promise((done) => {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) now();
    }, { rootMargin: NEAR });
    const onHash = () => {
      if (linked()) now();
    };
    function now() {
      observer.disconnect();
      for (const type of WANTING) element.removeEventListener(type, now);
      window.removeEventListener('hashchange', onHash);
      done();
    }
    observer.observe(element);
    for (const type of WANTING) element.addEventListener(type, now, { passive: true });
    window.addEventListener('hashchange', onHash);
  });
}

class EvidenceExplainer extends HTMLElement {
  connectedCallback() {
    if (this.explainerStarted) return;
    this.explainerStarted = true;
    const options = optionsOf(this);
    // From the start, so a frame is as tall as the explainer rendered into its page even
    // before the wasm arrives.
    if (options.ownPage && options.framed) speak(this);
    // On a page of its own the widget lives in the page itself: the page is ours, so there is
    // nothing to fence off, and its links and fragments work before and without script. It
    // starts at once: it is the page.
    if (options.ownPage) {
      answerShareButtons(this, options, options.tell = announce(this, this, options.instance));
      const prerendered = this.querySelector(':scope > .ex-prerendered');
      // An address asking for another file: what is rendered here is another set's.
      if (prerendered && !options.elsewhere) {
        answerSectionButtons(prerendered);
        takeOver(this, prerendered, options);
        return;
      }
      for (const child of [...this.children]) if (!child.matches('script')) child.remove();
      start(this, this, options, Promise.resolve());
      return;
    }
    // In an article the widget starts only when it is wanted (see `wanted`).
    // A shadow root is no element, so `:scope >` would match nothing in it.
    const prerendered = [...(this.shadowRoot?.children ?? [])].find((child) => child.classList.contains('ex-prerendered'));
    if (prerendered) {
      answerShareButtons(this.shadowRoot, options, options.tell = announce(this, this.shadowRoot, options.instance));
      answerSectionButtons(prerendered);
      wanted(this, options).then(() => takeOver(this, prerendered, options));
      return;
    }
    if (this.shadowRoot) return;
    // The link to this whole explainer, `#<instance>`, names no element when the widget's
    // element has no id: the page goes to it here.
    if (!this.id && partOf(decodeURIComponent(location.hash.slice(1)), options.instance, false) === '') this.scrollIntoView();
    const shadow = this.attachShadow({ mode: 'open' });
    answerShareButtons(shadow, options, options.tell = announce(this, shadow, options.instance));
    // The loading line holds the widget's place until it starts.
    const status = loadingLine(options);
    shadow.append(status);
    wanted(this, options).then(() => {
      const [style, styled] = stylesheet();
      shadow.prepend(style);
      start(this, shadow, options, styled, status);
    });
  }
}

// --- A page of its own in a frame ---------------------------------------------------------
// What a page of its own says to the page around its iframe.
//
// The page's height, whenever it changes (expand, collapse, resize, zoom), in each protocol a
// host may be listening with:
// - ours, { type: 'explainer:height', height }, which embed-frame.js applies;
// - WordPress's, { secret, message: 'height', value }, when the page's address ends in
//   `#?secret=` and up to ten letters or digits, as WordPress makes it (it adds that to the
//   address of every embed it makes from an oEmbed response; anything else there is ignored,
//   never echoed), which WordPress's embed script applies, between 200 and 1000 pixels;
// - pym.js's, `pymxPYMx<id>xPYMxheightxPYMx<height>`, when the address carries pym's
//   `childId` (a pym.Parent adds it), which the pym.Parent that made the frame applies.
// And the widget's events (see `announce`), as { type: 'explainer:event', name, detail },
// which embed-frame.js dispatches on the <iframe> element.

/** The events `announce` dispatches on the widget's element. */
const EVENTS = ['explainer:ready', 'explainer:open', 'explainer:close', 'explainer:share'];

/** Speaks to the page around the frame about the widget's `element`: its height, its events. */
function speak(element) {
  reportHeight(element);
  for (const name of EVENTS) {
    element.addEventListener(name, ({ detail }) => window.parent.postMessage({ type: 'explainer:event', name, detail }, '*'));
  }
}

/** WordPress's secret in a page address's fragment (`location.hash`), or null. */
function wordpressSecret(hash) {
  return /(?:^#|#)\?secret=([A-Za-z0-9]{1,10})$/.exec(hash)?.[1] ?? null;
}

/** pym.js's id for the frame in a page address's query (`location.search`), or null. */
function pymId(search) {
  const id = new URLSearchParams(search).get('childId');
  return id && /^[\w-]{1,200}$/.test(id) ? id : null;
}

/** Posts the page's height to the parent whenever it changes, watching `container`. Timers,
 * not animation frames: Chrome does not render an off-screen cross-origin iframe, so
 * requestAnimationFrame would never fire there and the frame would keep its default height. */
function reportHeight(container) {
  const secret = wordpressSecret(location.hash);
  const pym = pymId(location.search);
  let last = 0;
  let pending = false;
  const send = () => {
    pending = false;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'explainer:height', height }, '*');
    if (secret) window.parent.postMessage({ secret, message: 'height', value: height }, '*');
    if (pym) window.parent.postMessage(`pymxPYMx${pym}xPYMxheightxPYMx${height}`, '*');
  };
  const schedule = () => {
    if (!pending) {
      pending = true;
      setTimeout(send, 0);
    }
  };
  new ResizeObserver(schedule).observe(document.documentElement);
  new MutationObserver(schedule).observe(container, { subtree: true, childList: true, attributes: true });
  window.addEventListener('resize', schedule);
  // A host whose script starts after the page's first height asks for it: WordPress says it
  // is ready, a pym.Parent gives its width. The height is said again.
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return;
    const data = event.data;
    const asked = (secret && data?.message === 'ready' && data.secret === secret)
      || (pym && typeof data === 'string' && data.startsWith(`pymxPYMx${pym}xPYMxwidthxPYMx`));
    if (asked) {
      last = 0;
      schedule();
    }
  });
  schedule();
}

if (!customElements.get('evidence-explainer')) {
  customElements.define('evidence-explainer', EvidenceExplainer);
}
