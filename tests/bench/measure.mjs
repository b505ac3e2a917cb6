// What the benchmarks measure, shared by bench.mjs and scale.mjs: sizes, medians, and the
// script each measured page runs before its own.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The size of `bytes`: raw, gzip -9 and brotli -q 11. */
export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** A table row: a name and its three sizes. */
export function row(name, s) {
  return `${name.padEnd(48)}${String(s.raw).padStart(10)}${String(s.gzip).padStart(10)}${String(s.brotli).padStart(10)}`;
}

/** Two sizes added. */
export function add(a, b) {
  return { raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli };
}

/** The median of a list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// Runs in the page before its own scripts: records when the question heading first has a box
// (in the first frame after it is added),
// when the widget is live (its root there and no prerendered explainer left to take over),
// when a card first exists, and when each number of questions first shows (a page with many
// widgets), wherever they are (the widget renders in a shadow root); and adds up layout
// shifts as CLS does (shifts right after input do not count).
export const observe = () => {
  const roots = [document];
  // Shadow roots the parser made (a prerendered explainer) as well as those script attaches.
  const all = () => [...new Set([...roots, ...[...document.querySelectorAll('evidence-explainer')].map((host) => host.shadowRoot).filter(Boolean)])];
  const watched = new Set([document]);
  const mark = () => {
    for (const root of all()) {
      if (!watched.has(root)) {
        watched.add(root);
        watch(root);
      }
    }
    const find = (sel) => all().map((root) => root.querySelector(sel)).find(Boolean);
    const question = find('.ex-question');
    if (window.__questionAt === undefined && question && question.getBoundingClientRect().height > 0) {
      window.__questionAt = performance.now();
    }
    if (window.__liveAt === undefined && find('.ex-root') && !find('.ex-prerendered')) window.__liveAt = performance.now();
    if (window.__cardAt === undefined && find('.ex-card')) window.__cardAt = performance.now();
    if (window.__countQuestions) {
      const shown = all().reduce((n, root) => n + [...root.querySelectorAll('.ex-question')].filter((q) => q.getBoundingClientRect().height > 0).length, 0);
      window.__questions ??= {};
      window.__questions[shown] ??= performance.now();
    }
  };
  // Boxes are read in the frame after a change, not in the change's own task: reading them
  // there would make the page lay out inside the widget's tasks, and the long tasks measured
  // would be the harness's.
  let asked = false;
  const soon = () => {
    if (asked) return;
    asked = true;
    requestAnimationFrame(() => {
      asked = false;
      mark();
    });
  };
  const watch = (root) => new MutationObserver(soon).observe(root, { childList: true, subtree: true, attributes: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const shadow = attach.call(this, init);
    roots.push(shadow);
    watch(shadow);
    return shadow;
  };
  watch(document);
  document.addEventListener('DOMContentLoaded', mark);
  window.__cls = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  // Tasks of the main thread over 50 ms (the Long Tasks API): their starts and lengths, in order.
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

// Runs in an article's page before its own scripts, and reads no layout (a script that does
// makes the page lay out while it parses, and would be measured as the article's cost): the
// main thread's long tasks (start and length), the largest contentful paint, and when a
// widget's card first exists, wherever it is.
export const observeArticle = () => {
  window.__tasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const check = () => {
    if (window.__cardAt !== undefined) return;
    const roots = [...document.querySelectorAll('evidence-explainer')].map((host) => host.shadowRoot).filter(Boolean);
    if (roots.some((root) => root.querySelector('.ex-card'))) window.__cardAt = performance.now();
  };
  const watch = (root) => new MutationObserver(check).observe(root, { childList: true, subtree: true });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const shadow = attach.call(this, init);
    watch(shadow);
    return shadow;
  };
  document.addEventListener('DOMContentLoaded', () => {
    for (const host of document.querySelectorAll('evidence-explainer')) if (host.shadowRoot) watch(host.shadowRoot);
  });
};

/** What the long tasks of a load add up to: the longest, and the total blocking time (each
 * task's time over 50 ms, added up), in ms. */
export function blocking(tasks) {
  return {
    longest: tasks.length ? Math.max(...tasks) : 0,
    tbt: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
  };
}

/** The centre of the first citation marker of the verdict, once there is one. */
export const markerCentre = () => {
  const roots = [document, ...[...document.querySelectorAll('*')].map((e) => e.shadowRoot).filter(Boolean)];
  const marker = roots.map((root) => root.querySelector('.ex-verdict .ex-marker')).find(Boolean);
  if (!marker) return null;
  const box = marker.getBoundingClientRect();
  return box.height > 0 ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
};

