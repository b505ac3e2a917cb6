// The three engines behind one API (page.mjs). Chromium and Firefox are driven by
// puppeteer-core: Chromium over the DevTools protocol, Firefox ESR over WebDriver BiDi, both
// from Debian's packages. WebKit (WebKitGTK's MiniBrowser, the engine behind Safari) has no
// puppeteer support and no BiDi in the version Debian ships, so it is driven over classic
// WebDriver with WebKitWebDriver, under Xvfb since it has no headless mode.
//
// What an engine's driver cannot do is done another way, named where it happens:
// - per-page emulation of the colour scheme and reduced motion exists only in Chromium; Firefox
//   gets them as preferences of a browser launched for them, WebKit as MiniBrowser's
//   --dark-mode and a GTK setting of a driver started for them;
// - a script before the page's own (the probe) exists in puppeteer; for WebKit the test server
//   puts it first in every HTML page it serves, and a page from disk gets it after loading;
// - request events exist in puppeteer; WebKit's browser uses the test server as its proxy, and
//   the server's log is the page's requests.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { probe } from './in-page.mjs';
import { Page } from './page.mjs';
import { scratchDir } from './paths.mjs';

/** Where each engine's browser is installed (scripts/setup.sh installs them). */
export const EXECUTABLES = {
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  firefox: process.env.FIREFOX || '/usr/bin/firefox-esr',
  webkit: process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

/** The flags Chromium needs on this machine: no sandbox as root, and no background network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The viewport every page has unless a test asks for another. */
export const VIEWPORT = { width: 1280, height: 720 };

const PROBE = `(${probe})()`;

/** `html` with `tag` first in its head: after the head's start tag or, where minifying left it
 * out, after the doctype; never before the doctype, which would put the page in quirks mode. */
export function putFirst(html, tag) {
  for (const start of [/<head(\s[^>]*)?>/i, /<!doctype[^>]*>/i]) {
    if (start.test(html)) return html.replace(start, (found) => found + tag);
  }
  return tag + html;
}

/** For a page from disk in an engine whose driver cannot run a script before the page's own: a
 * copy of the file beside it with the probe inline, first, and allowed by its hash in the page's
 * own policy (which otherwise holds as written). Removed when this process exits. */
function probedCopy(url) {
  const file = fileURLToPath(url);
  const source = `(${probe})();`;
  const hash = `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
  const html = readFileSync(file, 'utf8').replace(/(<meta http-equiv="Content-Security-Policy" content=")([^"]*)"/i, (_, start, policy) => {
    const directive = /(^|;)\s*script-src\b/.test(policy) ? 'script-src' : 'default-src';
    const allowed = new RegExp(`(^|;)(\\s*${directive}\\b)`);
    return `${start}${allowed.test(policy) ? policy.replace(allowed, `$1$2 ${hash}`) : policy}"`;
  });
  const copy = join(dirname(file), `.probed-${process.pid}-${basename(file)}`);
  writeFileSync(copy, putFirst(html, `<script>${source}</script>`));
  probedCopies.push(copy);
  return pathToFileURL(copy).href + new URL(url).hash;
}
const probedCopies = [];
process.on('exit', () => {
  for (const copy of probedCopies) rmSync(copy, { force: true });
});

/** Starts `engine` ("chromium", "firefox" or "webkit"). `requestLog()` returns the test
 * server's log, and `proxy` its address, for engines that see requests through it. `env` is
 * added to the environment of the browsers started (WebKit's JavaScriptCore reads its tiers'
 * switches from there). */
export async function launch(engine, { proxy, requestLog, env = {} } = {}) {
  if (engine === 'chromium' || engine === 'firefox') return launchPuppeteer(engine, env);
  if (engine === 'webkit') return launchWebKit({ proxy, requestLog, env });
  throw new Error(`unknown engine ${engine}: chromium, firefox or webkit`);
}

// ---------------------------------------------------------------------------------------------
// Chromium and Firefox, through puppeteer-core.

async function launchPuppeteer(engine, env) {
  const browsers = new Map();
  // Firefox takes the colour scheme and reduced motion as preferences, so each combination
  // has a browser of its own, started when first asked for.
  const browserFor = (options) => {
    const key = engine === 'firefox' ? `${options.colorScheme}|${options.reducedMotion}|${options.script}` : '';
    if (!browsers.has(key)) {
      browsers.set(key, puppeteer.launch(engine === 'firefox'
        ? {
          browser: 'firefox',
          executablePath: EXECUTABLES.firefox,
          headless: true,
          env: { ...process.env, ...env },
          extraPrefsFirefox: {
            'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
            'ui.prefersReducedMotion': options.reducedMotion === 'reduce' ? 1 : 0,
            // Scripting off, as a reader who disabled JavaScript has it.
            'javascript.enabled': options.script !== false,
          },
        }
        : { browser: 'chrome', executablePath: EXECUTABLES.chromium, headless: true, args: CHROMIUM_ARGS, env: { ...process.env, ...env } }));
    }
    return browsers.get(key);
  };
  const first = await browserFor({});
  const version = (await first.version()).replace(/^[^/]*\//, '');
  return {
    engine,
    version,
    async open(url, options = {}) {
      const browser = await browserFor(options);
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const viewport = options.viewport ?? VIEWPORT;
      await page.setViewport({
        ...viewport,
        deviceScaleFactor: options.scale ?? 1,
        hasTouch: Boolean(options.touch),
        isMobile: Boolean(options.touch),
      });
      if (engine === 'chromium') {
        await page.emulateMediaFeatures([
          { name: 'prefers-color-scheme', value: options.colorScheme ?? 'light' },
          { name: 'prefers-reduced-motion', value: options.reducedMotion ?? 'no-preference' },
        ]);
      }
      // Scripting off, as for a reader who disabled JavaScript: `(scripting: none)` matches.
      if (options.script === false && engine === 'chromium') await page.setJavaScriptEnabled(false);
      if (options.script !== false) await page.evaluateOnNewDocument(PROBE);
      const requests = [];
      const dialogs = [];
      // A data: address (the pages' empty icon) is no request to anyone: only real ones count.
      page.on('request', (request) => request.url().startsWith('data:') || requests.push(request.url()));
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss();
      });
      const driver = puppeteerDriver(page, page.mainFrame(), () => context.close());
      await page.goto(url);
      return new Page(driver, engine, { requests: () => requests, dialogs: () => dialogs });
    },
    async close() {
      for (const browser of browsers.values()) await (await browser).close();
    },
  };
}

function puppeteerDriver(page, frame, close) {
  return {
    eval: (source) => frame.evaluate(source),
    async element(source) {
      const handle = await frame.evaluateHandle(source);
      const element = handle.asElement();
      if (!element) throw new Error(`not an element: ${source.slice(0, 200)}`);
      return element;
    },
    click: (element) => element.click(),
    hover: (element) => element.hover(),
    tap: (element) => element.tap(),
    mouseMove: (x, y, steps) => page.mouse.move(x, y, { steps }),
    mouseClick: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    screenshot: (path, full) => page.screenshot({ path, fullPage: full }),
    goto: (url) => frame.goto(url),
    pdf: async () => Buffer.from(await page.pdf({ format: 'A4' })),
    async frame(element) {
      return puppeteerDriver(page, await element.contentFrame(), close);
    },
    close,
  };
}

// ---------------------------------------------------------------------------------------------
// WebKit, through WebKitWebDriver over classic WebDriver.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
/** MiniBrowser's narrowest window: its toolbar will not shrink further. */
export const WEBKIT_MIN_WIDTH = 460;
const WEBDRIVER_KEYS = { Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', ' ': ' ' };

/** A port no one listens on now, from the system: a port picked at random could be one a
 * driver of an earlier test file still holds, which would answer in the new one's place. */
function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** The temporary folder of the WebKit drivers this process starts, made on first use. */
let webKitTemp;

/** Starts WebKitWebDriver under its own X server; `env` reaches the browsers it starts. */
async function startWebKitDriver(env) {
  const port = await freePort();
  // xvfb-run cannot remove its folder when it is stopped by a signal: its folders, and the
  // browsers', go in one that is removed when this process exits.
  webKitTemp ??= scratchDir('webkit');
  const child = spawn('xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', 'WebKitWebDriver', `--port=${port}`], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, TMPDIR: webKitTemp, ...env },
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2_000) })
      .then((r) => r.json()).then((r) => r.value?.ready).catch(() => false);
    if (ready) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('WebKitWebDriver did not start');
    await new Promise((done) => setTimeout(done, 100));
  }
  return {
    url,
    stop: () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    },
  };
}

async function launchWebKit({ proxy, requestLog, env: browserEnv }) {
  // WebKitWebDriver holds one session at a time, so each page open at once needs a driver of
  // its own; a driver is used again once its page is closed.
  const drivers = [];
  // Reduced motion is GTK's "enable animations" setting, read from a settings file at start,
  // so a browser that must prefer it comes from a driver started with that file.
  const acquire = (reducedMotion) => {
    const key = reducedMotion === 'reduce' ? 'reduce' : '';
    let entry = drivers.find((d) => d.key === key && !d.busy);
    if (!entry) {
      const env = { ...browserEnv };
      if (key) {
        const config = scratchDir('gtk');
        mkdirSync(join(config, 'gtk-3.0'));
        writeFileSync(join(config, 'gtk-3.0/settings.ini'), '[Settings]\ngtk-enable-animations=0\n');
        env.XDG_CONFIG_HOME = config;
      }
      entry = { key, driver: startWebKitDriver(env), busy: false };
      drivers.push(entry);
    }
    entry.busy = true;
    return entry;
  };
  const retire = async (entry) => {
    if (drivers.includes(entry)) drivers.splice(drivers.indexOf(entry), 1);
    (await entry.driver.catch(() => ({ stop: () => {} }))).stop();
  };
  /** A new session (a new MiniBrowser) with `args`, and what closes it and frees its driver.
   * Now and then a MiniBrowser does not start and the request hangs: that driver is stopped
   * and the session asked of a fresh one, twice at most. */
  const start = async (reducedMotion, args, tries = 3) => {
    const entry = acquire(reducedMotion);
    try {
      const session = await newSession((await entry.driver).url, args);
      // A browser that will not close is ended with its driver, which is not used again: the
      // page is done with either way, so no test depends on how it closed.
      const release = async () => {
        try {
          await session.quit();
          entry.busy = false;
        } catch (error) {
          process.stderr.write(`WebKit: ${error.message}; its driver is stopped and replaced\n`);
          await retire(entry);
        }
      };
      return { session, release };
    } catch (error) {
      await retire(entry);
      if (tries > 1) return start(reducedMotion, args, tries - 1);
      throw error;
    }
  };
  /** The window size that gives a viewport of `viewport`, measured in a scripted browser. */
  const windowSizes = new Map();
  const windowFor = async (viewport, args) => {
    const key = `${viewport.width}x${viewport.height}`;
    if (!windowSizes.has(key)) {
      const { session, release } = await start(undefined, args);
      try {
        windowSizes.set(key, await session.setViewport(viewport));
      } finally {
        await release();
      }
    }
    return windowSizes.get(key);
  };
  /** A page in a browser with scripting off (MiniBrowser's --enable-javascript=false, as a
   * reader who turned JavaScript off has it). Its realm runs nothing, the driver's scripts
   * included: such a page can only be loaded and looked at (its screenshot). */
  const openScriptless = async (url, args, viewport) => {
    if (viewport.width < WEBKIT_MIN_WIDTH) throw new Error(`a page with scripting off cannot be narrower than ${WEBKIT_MIN_WIDTH} px in WebKit`);
    const size = await windowFor(viewport, args);
    const { session, release } = await start(undefined, [...args, '--enable-javascript=false']);
    await session.cmd('POST', '/window/rect', size);
    await session.cmd('POST', '/url', { url });
    return new Page(scriptlessDriver(session, release), 'webkit', { requests: () => [], dialogs: () => session.dialogs });
  };
  const first = await start(undefined, []);
  await first.release();
  return {
    engine: 'webkit',
    version: first.session.version,
    async open(asked, options = {}) {
      // A page from disk gets the probe first in a copy of itself; one from the test server
      // gets it from the server.
      const url = asked.startsWith('file:') ? probedCopy(asked) : asked;
      const args = [];
      if (options.colorScheme === 'dark') args.push('--dark-mode');
      if (proxy) args.push(`--proxy=${proxy}`);
      const viewport = options.viewport ?? VIEWPORT;
      if (options.script === false) return openScriptless(url, args, viewport);
      const { session, release } = await start(options.reducedMotion, args);
      const logged = requestLog ? requestLog().length : 0;
      let top = webDriverDriver(session, [], release);
      if (viewport.width < WEBKIT_MIN_WIDTH) {
        // MiniBrowser's window cannot be that narrow: the page gets a frame of that size,
        // at the top left of the window, and the test drives the frame.
        await session.setViewport({ width: WEBKIT_MIN_WIDTH, height: viewport.height });
        const style = `body{margin:0}iframe{display:block;border:0;width:${viewport.width}px;height:${viewport.height}px}`;
        const frame = `<!doctype html><style>${style}</style><iframe src="${url}"></iframe>`;
        await session.cmd('POST', '/url', { url: `data:text/html,${encodeURIComponent(frame)}` });
        top = await top.frame(await top.element('document.querySelector("iframe")'));
        await new Page(top, 'webkit').until(() => top.eval(`document.readyState === 'complete' && location.href === ${JSON.stringify(url)}`), 'the framed page loads');
        // A click on the page's empty corner gives the frame's document focus, as a reader's
        // first touch would; without it, focusing an element there fires no focus event.
        await top.mouseClick(1, 1);
      } else {
        await session.setViewport(viewport);
        await session.cmd('POST', '/url', { url });
      }
      return new Page(top, 'webkit', {
        requests: () => (requestLog ? requestLog().slice(logged) : []),
        dialogs: () => session.dialogs,
        framedViewport: viewport.width < WEBKIT_MIN_WIDTH,
      });
    },
    async close() {
      for (const entry of drivers) (await entry.driver).stop();
    },
  };
}

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
async function newSession(driverUrl, args) {
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
      // A dialog the page opened stops every command: its text is recorded (the test reads it
      // from dialogs()), it is dismissed, and the command goes again.
      for (let tries = 0; reply.value?.error === 'unexpected alert open' && tries < 5; tries += 1) {
        const text = await answer(`${base}/alert/text`, 'WebDriver GET /alert/text', { method: 'GET' });
        session.dialogs.push(String(text.value ?? ''));
        await answer(`${base}/alert/dismiss`, 'WebDriver POST /alert/dismiss', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
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
function scriptlessDriver(session, close) {
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

function webDriverDriver(session, path, close) {
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
