// Code that runs inside the page under test, sent as source text by every driver alike. Nothing
// here may close over Node values: each function is serialized with toString().

/** Every element a query names, looking through open shadow roots. A query is
 * `{ sel, text?, nth?, visible? }`; `sel` may chain scopes with ` >> `: "#ice >> .ex-question"
 * is every .ex-question inside the element #ice (its shadow root if it has one). `text` is a
 * string the textContent holds, or `{ source, flags }` of a regular expression it matches. */
export function queryAll(query) {
  const deepAll = (root, sel) => {
    const found = [];
    const visit = (node) => {
      found.push(...node.querySelectorAll(sel));
      for (const el of node.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(root);
    return found;
  };
  const visible = (el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  let scopes = [document];
  for (const part of query.sel.split(/\s+>>\s+/)) {
    scopes = scopes.flatMap((scope) => deepAll(scope.shadowRoot ?? scope, part));
  }
  let found = [...new Set(scopes)];
  if (query.text !== undefined) {
    const text = query.text;
    const holds = typeof text === 'string' ? (t) => t.includes(text) : (t) => new RegExp(text.source, text.flags).test(t);
    found = found.filter((el) => holds(el.textContent.replace(/\s+/g, ' ').trim()));
  }
  if (query.visible) found = found.filter(visible);
  if (query.nth !== undefined) found = query.nth === -1 ? found.slice(-1) : found.slice(query.nth, query.nth + 1);
  return found;
}

/** The box of every element each selector names, in that order, in its frame's viewport, to a
 * tenth of a pixel: for comparing a layout at two moments. */
export function boxesOf(selectors) {
  return selectors.flatMap((sel) => queryAll({ sel })).map((el) => {
    const { x, y, width, height } = el.getBoundingClientRect();
    return [x, y, width, height].map((v) => Math.round(v * 10) / 10).join(',');
  });
}

/** The state of the first element a query names: what waiting for a state asks. */
export function queryState(query) {
  const el = queryAll(query)[0];
  if (!el) return { attached: false, visible: false };
  const box = el.getBoundingClientRect();
  return { attached: true, visible: box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden' };
}

/** Installed in every page and frame before its own scripts where the driver can (see
 * browser.mjs): records uncaught errors, console errors, Content-Security-Policy violations and
 * calls to alert and its friends, which it traps, in `window.__probe`; console warnings too. */
export function probe() {
  if (window.__probe) return;
  const seen = { errors: [], warnings: [], violations: [], trapped: [] };
  Object.defineProperty(window, '__probe', { value: seen });
  if (!('__xss' in window)) window.__xss = 0;
  window.addEventListener('error', (e) => seen.errors.push(String(e.error ?? e.message)));
  window.addEventListener('unhandledrejection', (e) => seen.errors.push(String(e.reason)));
  document.addEventListener('securitypolicyviolation', (e) => {
    seen.violations.push(`${location.href}: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
  });
  const error = console.error.bind(console);
  console.error = (...args) => {
    seen.errors.push(args.map(String).join(' '));
    error(...args);
  };
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    seen.warnings.push(args.map(String).join(' '));
    warn(...args);
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { seen.trapped.push(`${name}(${args.join(',')})`); };
  }
}

/** The focused element, looking into shadow roots. */
export function activeElement() {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
