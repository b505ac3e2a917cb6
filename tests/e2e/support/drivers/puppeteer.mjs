// Chromium and Firefox, through puppeteer-core: Chromium over the DevTools protocol, Firefox ESR
// over WebDriver BiDi.
import puppeteer from 'puppeteer-core';
import { Page } from '../page.mjs';
import { EXECUTABLES, PROBE, VIEWPORT } from './engines.mjs';

/** The flags Chromium needs on this machine: no sandbox as root, and no background network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Starts `engine` ("chromium" or "firefox") with `env` added to its environment. */
export async function launchPuppeteer(engine, env) {
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
