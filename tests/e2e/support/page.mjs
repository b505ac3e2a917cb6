// The one small API every end-to-end test uses, the same in every engine. A Page wraps a driver
// (drivers/) that knows only a handful of primitives: evaluate source text, get an element,
// click, hover, tap, move the pointer, press a key, take a screenshot, enter a frame. Everything
// else (queries through shadow roots, waiting for a state, the fake clock, axe) is written once
// here, in terms of those.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { activeElement, boxesOf, queryAll, queryState } from './in-page.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// @sinonjs/fake-timers is CommonJS with one dependency that names the global object.
const FAKE_TIMERS = `(() => { const module = { exports: {} }; const exports = module.exports;
const require = (name) => { if (name === '@sinonjs/commons') return { global: globalThis }; throw new Error(name); };
${readFileSync(require.resolve('@sinonjs/fake-timers'), 'utf8')}
return module.exports; })()`;
const HELPERS = [queryAll, queryState, activeElement, boxesOf].map(String).join('\n');

/** How long a wait lasts before it fails: generous, for a busy two-core machine. */
const PATIENCE = 15_000;

/** A query as the page sees it, from a target: a selector string, or
 * `{ sel, text?, nth?, visible? }` (see queryAll in in-page.mjs). */
function toQuery(target) {
  const query = typeof target === 'string' ? { sel: target } : { ...target };
  if (query.text instanceof RegExp) query.text = { source: query.text.source, flags: query.text.flags };
  return query;
}

/** Source text that calls `fn` with `args` in the page, the helpers in scope. */
function call(fn, ...args) {
  return `(async () => { ${HELPERS}\nreturn await (${fn})(...${JSON.stringify(args)}); })()`;
}

/** Resolves after one turn of the event loop: a poll's pause, never a fixed wait for a result. */
const tick = () => new Promise((done) => setTimeout(done, 16));

export class Page {
  /** `driver` does the primitives; `engine` names the browser for messages and screenshots. */
  constructor(driver, engine, extras = {}) {
    this.driver = driver;
    this.engine = engine;
    Object.assign(this, extras);
  }

  /** Calls `fn(...args)` in the page and returns its (JSON) result. */
  eval(fn, ...args) {
    return this.driver.eval(call(fn, ...args));
  }

  /** Calls `fn(element, ...args)` on the first element `target` names; fails if there is none. */
  evalOn(target, fn, ...args) {
    const wrapped = `(query, ...rest) => { const el = queryAll(query)[0];
      if (!el) throw new Error('no element for ' + JSON.stringify(query));
      return (${fn})(el, ...rest); }`;
    return this.eval(wrapped, toQuery(target), ...args);
  }

  /** Calls `fn(elements, ...args)` on every element `target` names. */
  evalAll(target, fn, ...args) {
    return this.eval(`(query, ...rest) => (${fn})(queryAll(query), ...rest)`, toQuery(target), ...args);
  }

  /** How many elements `target` names. */
  count(target) {
    return this.evalAll(target, (els) => els.length);
  }

  /** The rendered text (innerText) of the first element `target` names. */
  text(target) {
    return this.evalOn(target, (el) => el.innerText);
  }

  /** The text content of the first element `target` names. */
  textContent(target) {
    return this.evalOn(target, (el) => el.textContent);
  }

  /** An attribute of the first element `target` names (null when it has none). */
  attr(target, name) {
    return this.evalOn(target, (el, n) => el.getAttribute(n), name);
  }

  /** The first element's box in its frame's viewport, in CSS pixels. */
  box(target) {
    return this.evalOn(target, (el) => {
      const { x, y, width, height } = el.getBoundingClientRect();
      return { x, y, width, height };
    });
  }

  /** The box of every element each of `selectors` names, in that order, to a tenth of a
   * pixel: for comparing a layout before and after a change. */
  boxes(selectors) {
    return this.eval((list) => boxesOf(list), selectors);
  }

  /** Whether the first element `target` names is there and has a visible box. */
  async isVisible(target) {
    return (await this.eval((q) => queryState(q), toQuery(target))).visible;
  }

  /** Waits until the first element `target` names is in `state`: attached, visible, hidden
   * (absent or without a visible box) or detached. */
  async waitFor(target, { state = 'visible', timeout = PATIENCE } = {}) {
    const query = toQuery(target);
    const holds = (s) => ({ attached: s.attached, visible: s.visible, hidden: !s.visible, detached: !s.attached })[state];
    await this.until(async () => holds(await this.eval((q) => queryState(q), query)), `${JSON.stringify(query)} is ${state}`, timeout);
  }

  /** Polls `check` (a Node function) until it returns something true; fails after `timeout`. */
  async until(check, what, timeout = PATIENCE) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const value = await check();
      if (value) return value;
      assert.ok(Date.now() < deadline, `${this.engine}: timed out waiting until ${what}`);
      await tick();
    }
  }

  /** Polls `fn(...args)` in the page until it returns something true. */
  untilInPage(what, fn, ...args) {
    return this.until(() => this.eval(fn, ...args), what);
  }

  async #element(target, state = 'visible') {
    await this.waitFor(target, { state });
    return this.driver.element(call((q) => queryAll(q)[0], toQuery(target)));
  }

  /** Clicks the middle of the first visible element `target` names, scrolling it into view. */
  async click(target) {
    await this.driver.click(await this.#element(target));
  }

  /** Moves the pointer (a mouse) to the middle of the element, scrolling it into view. */
  async hover(target) {
    await this.driver.hover(await this.#element(target));
  }

  /** Taps the middle of the element with a finger. */
  async tap(target) {
    await this.driver.tap(await this.#element(target));
  }

  /** Focuses the element, as a script (or a screen reader) would. */
  async focus(target) {
    await this.waitFor(target, { state: 'attached' });
    await this.evalOn(target, (el) => el.focus());
  }

  /** Presses and releases one key: Tab, Enter, Escape, ' ' (space). */
  press(key) {
    return this.driver.press(key);
  }

  /** Moves the mouse to (x, y) of the top frame's viewport, in `steps` moves. */
  mouseMove(x, y, { steps = 1 } = {}) {
    return this.driver.mouseMove(x, y, steps);
  }

  /** Clicks the mouse at (x, y) of the top frame's viewport. */
  mouseClick(x, y) {
    return this.driver.mouseClick(x, y);
  }

  /** The page's title. */
  title() {
    return this.eval(() => document.title);
  }

  /** The Page of the iframe `target` names. */
  async frame(target) {
    const handle = await this.#element(target, 'attached');
    return new Page(await this.driver.frame(handle), this.engine, { requests: this.requests });
  }

  /** What the probe (in-page.mjs) recorded in this frame: errors, violations, trapped calls. */
  async probe() {
    const seen = await this.eval(() => window.__probe ?? null);
    assert.ok(seen, `${this.engine}: the probe is installed in ${await this.eval(() => location.href)}`);
    return seen;
  }

  /** Replaces the page's clock and timers with a fake one that moves only by `runFor`. Timers
   * set before this keep real time; the widget sets its own when a card is asked for. */
  async installClock() {
    await this.driver.eval(`(() => { const timers = ${FAKE_TIMERS};
      window.__clock = timers.withGlobal(window).install({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
      return true; })()`);
  }

  /** Moves the fake clock on by `ms`, running every timer that falls due. */
  async runFor(ms) {
    // In steps shorter than a WebDriver script timeout: WebKit's driver times the script that
    // moves the clock with a timer of the page, which the fake clock would otherwise fire.
    for (let left = Number(ms); left > 0; left -= 10_000) {
      await this.driver.eval(`(() => { window.__clock.tick(${Math.min(left, 10_000)}); return true; })()`);
    }
  }

  /** Runs axe-core on `context` (the whole document by default) with `options`, and returns its
   * results. axe is evaluated by the driver, which no page policy can refuse. */
  async axe(context = null, options = {}) {
    await this.driver.eval(`(() => { if (!window.axe) { ${AXE}\n } return true; })()`);
    const results = await this.eval((c, o) => window.axe.run(c ?? document, o), context, options);
    return results;
  }

  /** Writes a PNG of the viewport, or of the whole page with `full`. */
  screenshot(path, { full = false } = {}) {
    return this.driver.screenshot(path, full);
  }

  /** The page printed to PDF (A4), as the browser's print does it. */
  pdf() {
    return this.driver.pdf();
  }

  /** Goes to `url` in the same page (and so with the same cache), once it has loaded. */
  goto(url) {
    return this.driver.goto(url);
  }

  /** Closes the page (and its private browsing context). */
  close() {
    return this.driver.close();
  }
}
