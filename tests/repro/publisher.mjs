// A reduced reproduction of the studio's publisher fault in WebKit (docs/webkit-wasm-osr.md):
// a page that starts the publisher's wasm afresh, makes one offline file of the bundled set, and
// compares it with what `explainer bundle` writes. It is loaded RUNS times (100 unless given)
// in each engine and configuration, and every outcome is counted: right, wrong (with how far
// the first difference is and whether it lies in a hash), a trap, a RefCell panic, or other;
// after any outcome but the right file, what a second call on the same instance meets
// ("then …").
//
//   trunk build --release && node tests/repro/publisher.mjs [RUNS] [ENGINE ...]
//
// Configurations: the publisher as built (Binaryen without StackIR), the same module optimized
// again with StackIR (as the build was before the workaround), and in WebKit that second one
// with each of JavaScriptCore's tiers switched off in turn. Nothing here is part of the suite:
// it runs for minutes, and the fault it counts is rare.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../e2e/support/drivers/index.mjs';
import { built, DIST, ROOT, scratchDir } from '../e2e/support/paths.mjs';
import { serve } from '../e2e/support/server.mjs';

const [runsArg, ...engineArgs] = process.argv.slice(2);
const RUNS = Number(runsArg ?? 100);
const ENGINES = engineArgs.length ? engineArgs : ['chromium', 'firefox', 'webkit'];
const scratch = scratchDir('repro');

const tool = (...args) => {
  const run = spawnSync('cargo', ['run', '--quiet', '--bin', 'explainer', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`explainer ${args[0]}: ${run.stderr}`);
  return run.stdout;
};

// The expected file: the bundled set, published and bundled by the tool.
const published = tool('build', join(ROOT, 'www/evidence/ice-contracts.json'));
writeFileSync(join(scratch, 'set.published.json'), published);
tool('bundle', '--evidence', join(scratch, 'set.published.json'), '--dist', DIST, '-o', join(scratch, 'expected.html'));
const expected = readFileSync(join(scratch, 'expected.html'), 'utf8');

// The publisher as built, and the same module optimized again with Binaryen's StackIR (its
// default for -Oz), which is what the build made before --no-stack-ir.
const asBuilt = built('explainer-publisher_bg.wasm');
const features = ['--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
  '--enable-reference-types', '--enable-sign-ext', '--enable-multivalue', '--enable-mutable-globals'];
const stackIr = join(scratch, 'stack-ir.wasm');
const opt = spawnSync(join(ROOT, 'node_modules/.bin/wasm-opt'), ['-Oz', ...features, join(DIST, asBuilt), '-o', stackIr], { encoding: 'utf8' });
if (opt.status !== 0) throw new Error(`wasm-opt: ${opt.stderr}`);

// The page: one fresh instance, one offline file, one outcome in window.__outcome.
const files = ['explainer-widget.js', 'explainer-widget_bg.wasm', 'explainer.css', 'page.css', 'embed.js'].map(built);
// After a first outcome that is not the right file, the same instance is asked once more, and
// what that second call meets is said after it: the trap's consequence.
const page = `<!doctype html><meta charset="utf-8"><title>publisher repro</title><script type="module">
let again = null;
const outcome = (value) => {
  if (window.__outcome === undefined) {
    window.__outcome = value;
    if (value !== 'right' && again) setTimeout(again);
  } else if (window.__then === null) window.__then = value;
};
window.addEventListener('error', (e) => outcome('trap or error: ' + e.message));
window.addEventListener('unhandledrejection', (e) => outcome('trap or error: ' + (e.reason?.message ?? e.reason)));
const error = console.error;
console.error = (...args) => { outcome('panic: ' + args.join(' ').split('\\n')[0]); error(...args); };
try {
  const wasm = new URLSearchParams(location.search).get('wasm');
  const glue = await import(${JSON.stringify(built('explainer-publisher.js'))});
  await glue.default({ module_or_path: wasm });
  const got = await Promise.all(${JSON.stringify(files)}.map(async (name, i) => {
    const response = await fetch(name);
    return i === 1 ? new Uint8Array(await response.arrayBuffer()) : response.text();
  }));
  const [set, expected] = await Promise.all(['/t-set.json', '/t-expected.html'].map((u) => fetch(u).then((r) => r.text())));
  again = () => {
    window.__then = null;
    glue.offlineFile(set, ...got).then((second) => outcome(second === expected ? 'right' : 'wrong'), (e) => outcome('error: ' + (e?.message ?? e)));
  };
  const made = await glue.offlineFile(set, ...got);
  if (made === expected) outcome('right');
  else {
    let at = 0;
    while (made[at] === expected[at]) at += 1;
    const inHash = /sha256-[A-Za-z0-9+/]*$/.test(made.slice(Math.max(0, at - 60), at + 1));
    outcome((inHash ? 'wrong hash' : 'wrong text') + ' at ' + at);
  }
} catch (e) {
  outcome('trap or error: ' + (e?.message ?? e));
}
</script>`;

const server = await serve(DIST, {
  '/t-repro.html': ['text/html; charset=utf-8', page],
  '/t-set.json': ['application/json', published],
  '/t-expected.html': ['text/html; charset=utf-8', expected],
  '/t-stack-ir.wasm': ['application/wasm', readFileSync(stackIr)],
});

/** Sorts an outcome into the kinds counted. */
function kind(outcome) {
  if (outcome === 'right') return 'right';
  if (outcome.startsWith('wrong hash')) return 'wrong hash';
  if (outcome.startsWith('wrong')) return 'wrong text';
  if (/out of bounds/i.test(outcome)) return 'out-of-bounds trap';
  if (/already borrowed/i.test(outcome)) return 'RefCell panic';
  return 'other';
}

const CONFIGS = [
  { name: 'as built (no StackIR)', wasm: asBuilt, env: {} },
  { name: 'with StackIR', wasm: '/t-stack-ir.wasm', env: {} },
  ...['JSC_useWasmIPIntLoopOSR', 'JSC_useWasmOSR', 'JSC_useOMGJIT', 'JSC_useBBQJIT'].map((name) => ({
    name: `with StackIR, ${name}=0`, wasm: '/t-stack-ir.wasm', env: { [name]: '0' }, only: 'webkit',
  })),
];

const rows = [];
try {
  for (const engine of ENGINES) {
    for (const config of CONFIGS.filter((c) => !c.only || c.only === engine)) {
      const browser = await launch(engine, { env: config.env });
      const counts = {};
      const firstOf = {};
      let tab;
      try {
        const url = `${server.url}/t-repro.html?wasm=${encodeURIComponent(config.wasm)}`;
        for (let run = 0; run < RUNS; run += 1) {
          if (tab) await tab.goto(`${url}&run=${run}`);
          else tab = await browser.open(url);
          const outcome = await tab.until(() => tab.eval(() => window.__outcome ?? null), 'an outcome', 60_000)
            .catch((error) => `other: no outcome (${error.message})`);
          const k = kind(outcome);
          counts[k] = (counts[k] ?? 0) + 1;
          firstOf[k] ??= outcome;
          if (k !== 'right') {
            // What the same instance's next call meets (a hang counts as none in 10 s).
            const then = await tab.until(() => tab.eval(() => window.__then ?? null), 'the second call', 10_000).catch(() => 'no answer');
            const key = `then ${kind(then === 'no answer' ? 'other' : then)}`;
            counts[key] = (counts[key] ?? 0) + 1;
            firstOf[key] ??= then;
          }
        }
      } finally {
        await tab?.close().catch(() => {});
        await browser.close();
      }
      const row = { engine, version: browser.version, config: config.name, runs: RUNS, ...counts };
      rows.push(row);
      process.stdout.write(`${JSON.stringify(row)}\n`);
      for (const [k, first] of Object.entries(firstOf)) if (k !== 'right') process.stdout.write(`  first ${k}: ${first}\n`);
    }
  }
} finally {
  await server.close();
}

const KINDS = ['right', 'wrong hash', 'wrong text', 'out-of-bounds trap', 'RefCell panic', 'other'];
const kinds = [...KINDS, ...KINDS.map((k) => `then ${k}`).filter((k) => rows.some((row) => row[k]))];
console.log(`\n| engine | configuration | loads | ${kinds.join(' | ')} |`);
console.log(`| --- | --- | --- | ${kinds.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.engine} ${row.version} | ${row.config} | ${row.runs} | ${kinds.map((k) => row[k] ?? 0).join(' | ')} |`);
