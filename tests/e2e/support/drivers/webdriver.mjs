// A classic WebDriver client (WebKitWebDriver's protocol): sessions, commands with deadlines,
// and the driver primitives of ../page.mjs on top of them.
import { writeFileSync } from 'node:fs';
import { EXECUTABLES } from './engines.mjs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const WEBDRIVER_KEYS = { Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', ' ': ' ' };

/** Longest a WebDriver command may take. A command waits at most for the driver's own
 * timeouts (a page load: 300 s by the standard; a script: 30 s), but a MiniBrowser whose web
 * process stops answering can leave a request open for ever: it fails instead, named. */
const COMMAND_DEADLINE = 120_000;

/** The JSON reply to a WebDriver request, or an error naming `what` when none comes in time. */
async function answer(url, what, init, deadline = COMMAND_DEADLINE) {
  try {
    const reply = await fetch(url, { ...init, signal: AbortSignal.timeout(deadline) });
    return await reply.json();
  } catch (error) {
    if (error.name === 'TimeoutError') throw new Error(`${what}: no answer from WebKitWebDriver in ${deadline / 1000} s`);
    throw error;
  }
}

/** A WebDriver session on a new MiniBrowser with `args`. */
export async function newSession(driverUrl, args) {
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: EXECUTABLES.webkit, args: ['--automation', ...args] },
  };
  // Without a display the request hangs instead of failing: give it a deadline.
  const response = await fetch(`${driverUrl}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ capabilities: { alwaysMatch: capabilities } }),
    signal: AbortSignal.timeout(30_000),
  }).then((r) => r.json());
  if (!response.value?.sessionId) throw new Error(`WebKit session not created: ${JSON.stringify(response)}`);
  const base = `${driverUrl}/session/${response.value.sessionId}`;
  const session = {
    version: response.value.capabilities.browserVersion,
    frame: [],
    pointer: { x: 0, y: 0 },
    dialogs: [],
    async cmd(method, path, body) {
      const send = () => answer(`${base}${path}`, `WebDriver ${method} ${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      let reply = await send();
      // A dialog the page opened stops the command: WebKitWebDriver dismisses it and says so
      // (the standard's "dismiss and notify"), with its text. The text is recorded (the test
      // reads it from dialogs()) and the command goes again.
      for (let tries = 0; reply.value?.error === 'unexpected alert open' && tries < 5; tries += 1) {
        session.dialogs.push(reply.value.data?.text ?? reply.value.message);
        reply = await send();
      }
      if (reply.value?.error) throw new Error(`WebDriver ${method} ${path}: ${reply.value.error}: ${reply.value.message}`);
      return reply.value;
    },
    /** Makes `path` (iframe elements from the top) the frame later commands act in. */
    async enter(path) {
      if (session.frame.length === path.length && session.frame.every((f, i) => f === path[i])) return;
      await session.cmd('POST', '/frame', { id: null });
      for (const element of path) await session.cmd('POST', '/frame', { id: element });
      session.frame = path;
    },
    /** Sizes the window so that its viewport is `width` by `height` CSS pixels; returns the
     * window's size. */
    async setViewport({ width, height }) {
      await session.enter([]);
      // The window takes its new size a frame or more after the command answers: the viewport
      // is read once two frames have passed, or the size would be corrected from a stale one.
      const viewport = () => session.cmd('POST', '/execute/sync', {
        script: 'return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done([innerWidth, innerHeight]))));',
        args: [],
      });
      let size = { width, height };
      let inner = [];
      for (let i = 0; i < 6; i += 1) {
        await session.cmd('POST', '/window/rect', size);
        inner = await viewport();
        if (inner[0] === width && inner[1] === height) return size;
        size = { width: size.width + width - inner[0], height: size.height + height - inner[1] };
      }
      // A test's bounds may depend on the size: never go on with another one.
      throw new Error(`WebKit's viewport is ${inner.join(' by ')}, not the ${width} by ${height} asked for`);
    },
    quit: () => answer(base, 'WebDriver DELETE (closing the browser)', { method: 'DELETE' }, 30_000),
  };
  return session;
}

/** What can be done with a page whose scripting is off: a screenshot of its viewport. */
export function scriptlessDriver(session, close) {
  const none = (what) => () => {
    throw new Error(`${what}: this page's scripting is off`);
  };
  return {
    eval: none('eval'),
    element: none('element'),
    async screenshot(file) {
      writeFileSync(file, Buffer.from(await session.cmd('GET', '/screenshot'), 'base64'));
    },
    close,
  };
}

/** The driver primitives of ../page.mjs for the frame `path` (iframe elements from the top) of
 * `session`. */
export function webDriverDriver(session, path, close) {
  const run = async (method, route, body) => {
    await session.enter(path);
    return session.cmd(method, route, body);
  };
  const script = (source, args = []) => run('POST', '/execute/sync', { script: `return ${source};`, args });
  const pointer = (type, actions) => run('POST', '/actions', {
    actions: [{ type: 'pointer', id: type, parameters: { pointerType: type }, actions }],
  });
  const intoView = (element) => script('arguments[0].scrollIntoView({ block: "center", inline: "center" })', [element]);
  return {
    eval: (source) => script(source),
    // Navigation waits for the new page's load, as opening one does.
    goto: (url) => session.cmd('POST', '/url', { url }),
    // WebDriver's Print command: the page as a PDF, in base64.
    pdf: async () => Buffer.from(await session.cmd('POST', '/print', { page: { width: 21, height: 29.7 } }), 'base64'),
    async element(source) {
      const element = await script(source);
      if (!element?.[ELEMENT]) throw new Error(`not an element: ${source.slice(0, 200)}`);
      return element;
    },
    click: (element) => run('POST', `/element/${element[ELEMENT]}/click`, {}),
    async hover(element) {
      await intoView(element);
      await pointer('mouse', [{ type: 'pointerMove', origin: element, x: 0, y: 0, duration: 0 }]);
      const box = await script('arguments[0].getBoundingClientRect()', [element]);
      session.pointer = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    },
    // WebKitGTK's WebDriver has no touch input (a touch pointer acts as a mouse): a tap is
    // the pointer events a touch screen sends, dispatched on the element, then its click.
    async tap(element) {
      await intoView(element);
      await script(`(() => {
        const el = arguments[0];
        const box = el.getBoundingClientRect();
        const init = { pointerType: 'touch', isPrimary: true, bubbles: true, composed: true, cancelable: true,
          clientX: box.x + box.width / 2, clientY: box.y + box.height / 2 };
        el.dispatchEvent(new PointerEvent('pointerdown', init));
        el.dispatchEvent(new PointerEvent('pointerup', init));
        el.click();
      })()`, [element]);
    },
    async mouseMove(x, y, steps) {
      const from = session.pointer;
      const moves = [];
      for (let i = 1; i <= steps; i += 1) {
        moves.push({
          type: 'pointerMove',
          origin: 'viewport',
          x: Math.round(from.x + ((x - from.x) * i) / steps),
          y: Math.round(from.y + ((y - from.y) * i) / steps),
          duration: 0,
        });
      }
      await pointer('mouse', moves);
      session.pointer = { x, y };
    },
    async mouseClick(x, y) {
      await pointer('mouse', [
        { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ]);
      session.pointer = { x, y };
    },
    async press(key) {
      const value = WEBDRIVER_KEYS[key] ?? key;
      await run('POST', '/actions', {
        actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
      });
    },
    async screenshot(file, full) {
      // Classic WebDriver takes the viewport only: for the whole page the window grows first.
      const viewport = await script('[innerWidth, innerHeight, document.documentElement.scrollHeight]');
      if (full && viewport[2] > viewport[1]) await session.setViewport({ width: viewport[0], height: viewport[2] });
      // Two frames, so that what was just laid out is painted.
      await script('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
      const png = await run('GET', '/screenshot');
      writeFileSync(file, Buffer.from(png, 'base64'));
      if (full && viewport[2] > viewport[1]) await session.setViewport({ width: viewport[0], height: viewport[1] });
    },
    frame: async (element) => webDriverDriver(session, [...path, element], close),
    close,
  };
}
