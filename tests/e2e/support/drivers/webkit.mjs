// WebKit (WebKitGTK's MiniBrowser), through WebKitWebDriver under Xvfb: a pool of drivers, one
// session (one browser) at a time each, and the copies of pages from disk with the probe first.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { probe } from '../in-page.mjs';
import { Page } from '../page.mjs';
import { scratchDir } from '../paths.mjs';
import { putFirst, VIEWPORT } from './engines.mjs';
import { newSession, scriptlessDriver, webDriverDriver } from './webdriver.mjs';

/** For a page from disk in an engine whose driver cannot run a script before the page's own: a
 * copy of the file beside it with the probe inline and first, before any policy the page sets
 * in a <meta> (which governs only what follows it), so the page is otherwise as written.
 * Removed when this process exits. */
function probedCopy(url) {
  const file = fileURLToPath(url);
  const copy = join(dirname(file), `.probed-${process.pid}-${basename(file)}`);
  writeFileSync(copy, putFirst(readFileSync(file, 'utf8'), `<script>(${probe})();</script>`));
  probedCopies.push(copy);
  return pathToFileURL(copy).href + new URL(url).hash;
}
const probedCopies = [];
process.on('exit', () => {
  for (const copy of probedCopies) rmSync(copy, { force: true });
});

/** MiniBrowser's narrowest window: its toolbar will not shrink further. */
export const WEBKIT_MIN_WIDTH = 460;

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

/** Starts WebKit: `proxy` is the test server, whose `requestLog()` is the pages' requests;
 * `env` reaches the browsers. */
export async function launchWebKit({ proxy, requestLog, env: browserEnv }) {
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
