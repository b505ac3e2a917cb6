// Benchmarks at newsroom scale, run by bench.mjs: large evidence sets (big-set.mjs) at three
// sizes, four times apart, so a step that grows faster than the set shows in the ratios; and a
// live-blog page carrying many script embeds of different sets.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { built, DIST, ROOT, scratchDir, serve } from '../e2e/support/harness.mjs';
import { bigSet } from './big-set.mjs';
import { median, observe, sizes } from './measure.mjs';

/** The release build of the tool (scripts/bench.sh builds it): its own speed is measured. */
const TOOL = join(ROOT, 'target/release/explainer');

/** Runs the tool; its output, and how long it took in ms. */
export function tool(...args) {
  const start = performance.now();
  const run = spawnSync(TOOL, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`explainer ${args.join(' ')} failed: ${run.stderr}`);
  return { out: run.stdout, ms };
}

/** The three sizes: the newsroom's big set (100 sections, 2,000 sentences, 500 sources), a
 * quarter of it and a sixteenth. Four times that would pass the format's limit of 1,000
 * sections or sources (docs/evidence-format.md), so the steps go down from it. */
const SCALES = [
  ['1/16', { sections: 25, sentences: 5, sources: 32 }],
  ['1/4', { sections: 25, sentences: 20, sources: 125 }],
  ['1', { sections: 100, sentences: 20, sources: 500 }],
];

/** The page's memory: its JS heap and the wasm's linear memory (the glue hands back the module
 * it already started, so asking for it starts nothing). */
async function memoryOf(page, base) {
  const cdp = await page.createCDPSession();
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const glue = new URL(built('explainer-widget.js'), base).href;
  return usedSize + await page.evaluate(async (address) => (await (await import(address)).default()).memory.buffer.byteLength, glue);
}

/** Opens `url` in a fresh context, at `cpu`× CPU throttling, and measures what the page
 * reaches: the question shown and, for the widget, the takeover, a card opened by focus, and
 * memory (JS heap and the wasm's linear memory). */
async function measure(browser, url, cpu, widget) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  if (cpu > 1) await page.emulateCPUThrottling(cpu);
  await page.evaluateOnNewDocument(observe);
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForFunction(() => window.__questionAt !== undefined, { timeout: 120_000 });
  const result = { question: await page.evaluate(() => window.__questionAt) };
  if (widget) {
    await page.waitForFunction(() => window.__liveAt !== undefined && document.querySelector('.ex-toggle-all'), { timeout: 120_000 });
    result.live = await page.evaluate(() => window.__liveAt);
    // The widget's longest task until it is live (the Long Tasks API), from its first file on.
    result.task = await page.evaluate(() => {
      const from = performance.getEntriesByType('resource').find((e) => /explainer-widget/.test(e.name))?.startTime ?? 0;
      return Math.max(0, ...window.__longTasks.filter((t) => t.start >= from).map((t) => t.duration));
    });
    // From focus to the card in the page with a box, as a keyboard reader opens one.
    result.card = await page.evaluate(() => new Promise((done) => {
      const marker = document.querySelector('.ex-verdict .ex-marker');
      let start;
      const seen = new MutationObserver(() => {
        const card = document.querySelector('.ex-card');
        if (card && card.getBoundingClientRect().height > 0) {
          seen.disconnect();
          done(performance.now() - start);
        }
      });
      seen.observe(document.body, { subtree: true, childList: true, attributes: true });
      start = performance.now();
      marker.focus();
    }));
    result.memory = await memoryOf(page, url);
  }
  await context.close();
  return result;
}

/** The big-set benchmark: prints a table per size and the ratios between sizes. */
export async function bigSets(browser, runs) {
  const dir = scratchDir('big');
  const extra = {};
  const sets = [];
  for (const [name, shape] of SCALES) {
    const authored = join(dir, `big-${sets.length}.json`);
    const published = join(dir, `big-${sets.length}.published.json`);
    writeFileSync(authored, JSON.stringify(bigSet(shape), null, 2));
    const check = median([0, 1, 2].map(() => tool('check', authored).ms));
    const build = median([0, 1, 2].map(() => tool('build', authored, '-o', published).ms));
    const address = `/__big-${sets.length}.published.json`;
    const page = tool('page', published, '--src', address, '--dist', DIST).out;
    extra[address] = ['application/json', readFileSync(published)];
    extra[`/__big-${sets.length}.html`] = ['text/html; charset=utf-8', page];
    extra[`/__big-${sets.length}-static.html`] = ['text/html; charset=utf-8', tool('render', authored).out];
    sets.push({ name, shape, check, build, size: sizes(readFileSync(published)), sentences: shape.sections * shape.sentences });
  }
  const server = await serve(DIST, extra);
  for (const [i, set] of sets.entries()) {
    for (const cpu of [1, 4]) {
      const baseline = [];
      const widget = [];
      for (let r = 0; r < runs; r += 1) {
        baseline.push(await measure(browser, `${server.url}/__big-${i}-static.html`, cpu, false));
        widget.push(await measure(browser, `${server.url}/__big-${i}.html`, cpu, true));
      }
      const m = (list, key) => median(list.map((x) => x[key]));
      set[cpu] = { static: m(baseline, 'question'), question: m(widget, 'question'), live: m(widget, 'live'), task: m(widget, 'task'), card: m(widget, 'card'), memory: m(widget, 'memory') };
    }
  }
  await server.close();

  console.log(`\nbig evidence sets (medians of ${runs} loads; the page from explainer page, beside explainer render's static page)`);
  console.log(`${'size'.padEnd(6)}${'sentences'.padStart(10)}${'sources'.padStart(8)}${'published B'.padStart(12)}${'brotli'.padStart(8)}${'check ms'.padStart(9)}${'build ms'.padStart(9)}${'CPU'.padStart(5)}${'static'.padStart(8)}${'question'.padStart(9)}${'÷'.padStart(6)}${'live'.padStart(7)}${'task'.padStart(6)}${'card'.padStart(6)}${'memory MB'.padStart(10)}`);
  for (const set of sets) {
    for (const cpu of [1, 4]) {
      const t = set[cpu];
      console.log(`${set.name.padEnd(6)}${String(set.sentences).padStart(10)}${String(set.shape.sources).padStart(8)}${String(set.size.raw).padStart(12)}${String(set.size.brotli).padStart(8)}${set.check.toFixed(0).padStart(9)}${set.build.toFixed(0).padStart(9)}${`${cpu}×`.padStart(5)}${t.static.toFixed(0).padStart(8)}${t.question.toFixed(0).padStart(9)}${(t.question / t.static).toFixed(2).padStart(6)}${t.live.toFixed(0).padStart(7)}${t.task.toFixed(0).padStart(6)}${t.card.toFixed(1).padStart(6)}${(t.memory / 2 ** 20).toFixed(1).padStart(10)}`);
    }
  }
  console.log('each size against the one four times smaller (a linear step gives about 4):');
  for (let i = 1; i < sets.length; i += 1) {
    const [a, b] = [sets[i - 1], sets[i]];
    const ratio = (f) => (f(b) / f(a)).toFixed(2);
    console.log(`  ${b.name} ÷ ${a.name}: published ${ratio((s) => s.size.raw)}, check ${ratio((s) => s.check)}, build ${ratio((s) => s.build)}, `
      + `question ${ratio((s) => s[4].question)}, live ${ratio((s) => s[4].live)}, card ${ratio((s) => s[4].card)}, memory ${ratio((s) => s[4].memory)} (at 4× CPU)`);
  }
  return sets;
}

/** `count` small published sets of different content, each as [address, JSON text]. */
export function liveBlogSets(count, publish) {
  const dir = scratchDir('blog');
  return Array.from({ length: count }, (_, i) => {
    const authored = join(dir, `update-${i + 1}.json`);
    writeFileSync(authored, JSON.stringify(bigSet({ sections: 4, sentences: 3, sources: 6, seed: i + 1 })));
    return [`/__blog/update-${i + 1}.published.json`, publish(authored)];
  });
}

/** A live-blog page: one short update after another, each with a script embed of its own set. */
export function liveBlog(sets) {
  const updates = sets.map(([address], i) => `<article><h2>Update ${i + 1}</h2><p>What changed since the last update.</p>
<evidence-explainer id="update-${i + 1}" src="${address}" heading="3"></evidence-explainer></article>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live blog</title>
<link rel="icon" href="data:,"><script type="module" src="/embed.js"></script></head>
<body><main><h1>Live: the day's updates</h1>${updates}</main></body></html>`;
}

/** The busy-page benchmark: a live blog with 20 script embeds beside the same page with one. */
export async function busyPage(browser, runs) {
  const sets = liveBlogSets(20, (authored) => tool('build', authored).out);
  const extra = Object.fromEntries(sets.map(([address, json]) => [address, ['application/json', json]]));
  extra['/__blog-20.html'] = ['text/html; charset=utf-8', liveBlog(sets)];
  extra['/__blog-1.html'] = ['text/html; charset=utf-8', liveBlog(sets.slice(0, 1))];
  const server = await serve(DIST, extra);
  const wasm = built('explainer-widget_bg.wasm');
  const results = {};
  for (const count of [1, 20]) {
    const loads = [];
    for (let r = 0; r < runs; r += 1) {
      const before = server.log.length;
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.evaluateOnNewDocument(() => { window.__countQuestions = true; });
      await page.evaluateOnNewDocument(observe);
      await page.goto(`${server.url}/__blog-${count}.html`, { waitUntil: 'domcontentloaded' });
      await page.waitForFunction((n) => window.__questions?.[n] !== undefined, { timeout: 120_000 }, count);
      const all = await page.evaluate((n) => window.__questions[n], count);
      const memory = await memoryOf(page, server.url);
      const fetched = server.log.slice(before).filter((url) => url.endsWith(wasm)).length;
      loads.push({ all, memory, fetched });
      await context.close();
    }
    results[count] = { all: median(loads.map((l) => l.all)), memory: median(loads.map((l) => l.memory)), fetched: Math.max(...loads.map((l) => l.fetched)) };
  }
  await server.close();
  console.log(`\na live blog with script embeds of different sets (medians of ${runs} loads, no throttling)`);
  console.log(`${'widgets'.padEnd(9)}${'all questions shown, ms'.padStart(25)}${'memory MB'.padStart(11)}${'wasm fetched'.padStart(14)}`);
  for (const count of [1, 20]) {
    const r = results[count];
    console.log(`${String(count).padEnd(9)}${r.all.toFixed(0).padStart(25)}${(r.memory / 2 ** 20).toFixed(1).padStart(11)}${String(r.fetched).padStart(14)}`);
  }
  console.log(`  20 ÷ 1: time ${(results[20].all / results[1].all).toFixed(2)}, memory ${(results[20].memory / results[1].memory).toFixed(2)}`);
  return results;
}
