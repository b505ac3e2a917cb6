// Benchmark of the share image, run by bench.mjs: how long one takes to make, by the tool and
// by the studio's card wasm in Chromium, each beside a baseline of the same kind measured in
// the same run: `explainer check` of the same file (reading and validating it, no picture),
// and the studio's checker on the same text (what the studio runs at every pause in typing).
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { DIST, ROOT, scratchDir, serve } from '../e2e/support/harness.mjs';
import { median } from './measure.mjs';
import { tool } from './scale.mjs';

const SETS = { English: 'ice-contracts', Spanish: 'example-es', Arabic: 'example-ar' };

/** Prints the medians of `runs` cards made of each example set, natively and in Chromium. */
export async function cardTimes(browser, runs) {
  const scratch = scratchDir('bench-card');
  const rows = [];
  const texts = {};
  for (const [language, name] of Object.entries(SETS)) {
    const file = join(ROOT, 'www/evidence', `${name}.json`);
    const png = join(scratch, `${name}.png`);
    const card = [];
    const check = [];
    for (let r = 0; r < runs; r += 1) {
      card.push(tool('card', file, '-o', png).ms);
      check.push(tool('check', file).ms);
    }
    texts[language] = { authored: readFileSync(file, 'utf8'), published: tool('build', file).out };
    rows.push({ language, card: median(card), check: median(check) });
  }

  const server = await serve(DIST);
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/studio.html`, { waitUntil: 'load' });
  const browserTimes = await page.evaluate(async (sets, count) => {
    const started = async (name) => {
      const module = await import(`/${name}.js`);
      await module.default({ module_or_path: `/${name}_bg.wasm` });
      return module;
    };
    const ms = async (f) => {
      const start = performance.now();
      await f();
      return performance.now() - start;
    };
    const out = {};
    let maker;
    // The first card: the wasm fetched, compiled and started, then one image made.
    const first = await ms(async () => {
      maker = await started('explainer-card');
      maker.card(sets.English.published).free();
    });
    const checker = await started('explainer-studio');
    for (const [language, { authored, published }] of Object.entries(sets)) {
      const card = [];
      const check = [];
      for (let r = 0; r < count; r += 1) {
        card.push(await ms(() => maker.card(published).free()));
        check.push(await ms(() => checker.check(authored)));
      }
      out[language] = { card, check };
    }
    return { first, out };
  }, texts, runs);
  await context.close();
  await server.close();

  const pad = (text, width) => String(text).padStart(width);
  console.log(`\nthe share image, 1200×630 (medians of ${runs}, ms; beside the check of the same file, made in the same run)`);
  console.log(`${'set'.padEnd(10)}${pad('explainer card', 16)}${pad('explainer check', 17)}${pad('studio: card', 14)}${pad('studio: check', 15)}`);
  for (const row of rows) {
    const inBrowser = browserTimes.out[row.language];
    console.log(`${row.language.padEnd(10)}${pad(row.card.toFixed(0), 16)}${pad(row.check.toFixed(0), 17)}${pad(median(inBrowser.card).toFixed(0), 14)}${pad(median(inBrowser.check).toFixed(0), 15)}`);
  }
  console.log(`  the studio's first card, its wasm fetched, compiled and started: ${browserTimes.first.toFixed(0)} ms`);
}
