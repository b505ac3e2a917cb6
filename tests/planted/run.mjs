// Faults planted in a copy of dist/, each run against the end-to-end test that names the
// behaviour it breaks, in every engine: the test must fail. A fault that a test lets pass in
// some engine is a hole in the suite, which this finds before a real regression does.
//
//   node tests/planted/run.mjs [ENGINE ...]        (after trunk build --release)
//   PLANTED=takeover node tests/planted/run.mjs    (only the faults whose name says so)
//
// Prints, per fault and engine, "caught" with the first line of the test's failure, or
// "MISSED"; exits 1 when any fault was missed or could not be planted. scripts/test.sh runs it
// after the end-to-end tests.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, scratchDir } from '../e2e/support/paths.mjs';

const ENGINES = process.argv.slice(2).length ? process.argv.slice(2) : (process.env.EXPLAINER_ENGINES ?? 'chromium firefox webkit').split(/\s+/).filter(Boolean);

/** Each fault: what it breaks, the files of dist/ it changes (a pattern of names), how, the
 * test that must catch it (its file, and a pattern of its name), and what its failure must
 * say: a test that fails for another reason has not caught the fault. */
export const FAULTS = [
  {
    name: 'embed-frame.js clamps an out-of-range height to 100000 instead of ignoring it',
    files: /^embed-frame(-[0-9a-f]{16})?\.js$/,
    // The check of the upper bound gives way, and the height applied is the bound at most.
    plant: (text) => {
      const bound = /\|\|(\w+)>(1e5|100000)\)/.exec(text);
      if (!bound) return text;
      const [found, height, max] = bound;
      return text.replace(found, '||!1)').replace(`Math.ceil(${height})`, `Math.ceil(Math.min(${height},${max}))`);
    },
    test: ['embed', 'the host script takes heights only from its frame'],
    because: /only the one in range was applied|no bad height was applied/,
  },
  {
    name: 'a closed section is display:none (find in page can no longer reach it)',
    files: /^explainer(-[0-9a-f]{16})?\.css$/,
    plant: (text) => `${text}\n.ex-panel[hidden]{display:none!important}\n`,
    test: ['widget', 'find in page reaches the text of a closed section'],
    because: /explainer-panel-amazon\\?"\}? is visible|find in page finds the words/,
  },
  {
    name: 'the takeover puts a 240 px box before the widget for two frames',
    files: /^embed(-[0-9a-f]{16})?\.js$/,
    plant: (text) => text.replace(/(\w+)\.replaceWith\((\w+)\)[;,]?/, (found, _, root) => `${found.replace(/,$/, ';')}{const j=document.createElement('div');j.style.height='240px';${root}.before(j);requestAnimationFrame(()=>requestAnimationFrame(()=>j.remove()));}`),
    test: ['prerender', 'prerendered snippet: embed.js takes it over: nothing moves'],
    because: /every box where it was in frame/,
  },
  {
    name: 'the studio no longer says why it offers no offline file when the hashes come out wrong',
    files: /^studio\.js$/,
    plant: (text) => text.replace(/`The offline file could not be made: \$\{[^`]*\}\.`/, '""'),
    test: ['studio', 'an offline file whose own hashes would not let its script run is not offered'],
    because: /the studio says why/,
  },
  {
    name: 'the studio\'s share image stays the one of the text before the editor\'s last change',
    files: /^studio\.js$/,
    // After a check, the image is no longer made again (what the button and the download need
    // is still updated).
    plant: (text) => text.replace(/(\w+\.disabled=null===\w+\.current\(\)\.publishable),\w+=null,\w+\+=1,\w+&&\w+\(\)/, '$1'),
    test: ['studio', 'the share image beside the preview is explainer card'],
    because: /the share image of the Arabic example is shown/,
  },
  {
    name: 'with scripting off, closed sections stay closed',
    files: /^explainer(-[0-9a-f]{16})?\.css$/,
    plant: (text) => text.replace(/@media\s*\(scripting:\s*none\)/, '@media (scripting: initial-only)'),
    test: ['prerender', 'stand-alone page: with scripting off, every section shows open'],
    because: /with scripting off the page looks as it does with every section open|every panel shows/,
  },
];

/** `html` with `plant` applied to each of its inline stylesheets it changes, and the page's
 * policy naming the changed ones by their new hashes, as the build would have made it of the
 * changed stylesheet (pages of their own carry the widget's stylesheet inline). */
function plantedInline(html, plant) {
  const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  let page = html;
  for (const [, css] of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    const after = plant(css);
    if (after === css) continue;
    page = page.replace(`<style>${css}</style>`, `<style>${after}</style>`).replace(hash(css), hash(after));
  }
  return page;
}

/** A copy of dist/ with `fault` planted; throws when its pattern no longer matches the build. */
function planted(fault) {
  const copy = scratchDir('planted');
  cpSync(DIST, copy, { recursive: true });
  const files = readdirSync(copy).filter((name) => fault.files.test(name));
  if (!files.length) throw new Error(`no file in dist/ is named like ${fault.files}`);
  for (const name of files) {
    const before = readFileSync(join(copy, name), 'utf8');
    const after = fault.plant(before);
    if (after === before) throw new Error(`the fault could not be planted in ${name}: the build changed; update tests/planted/run.mjs`);
    writeFileSync(join(copy, name), after);
  }
  // A fault in the widget's stylesheet is in every page that carries it inline too.
  if (fault.files.test('explainer.css')) {
    for (const name of readdirSync(copy).filter((n) => n.endsWith('.html'))) {
      const before = readFileSync(join(copy, name), 'utf8');
      writeFileSync(join(copy, name), plantedInline(before, fault.plant));
    }
  }
  return copy;
}

let missed = 0;
// PLANTED=words runs only the faults whose name holds them.
for (const fault of FAULTS.filter((f) => !process.env.PLANTED || f.name.includes(process.env.PLANTED))) {
  let copy;
  try {
    copy = planted(fault);
  } catch (error) {
    console.log(`${fault.name}\n  NOT PLANTED: ${error.message}`);
    missed += 1;
    continue;
  }
  console.log(fault.name);
  const [file, pattern] = fault.test;
  for (const engine of ENGINES) {
    const run = spawnSync('node', ['--test', '--test-reporter=tap', `--test-name-pattern=${pattern}`, `tests/e2e/${file}.test.mjs`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, EXPLAINER_ENGINE: engine, EXPLAINER_DIST: copy },
      timeout: 600_000,
    });
    const out = run.stdout ?? '';
    const ran = Number(out.match(/^# pass (\d+)/m)?.[1] ?? 0) + Number(out.match(/^# fail (\d+)/m)?.[1] ?? 0);
    const failed = Number(out.match(/^# fail (\d+)/m)?.[1] ?? 0);
    const skipped = Number(out.match(/^# skipped (\d+)/m)?.[1] ?? 0);
    if (failed > 0 && fault.because.test(out)) {
      const line = out.split('\n').find((l) => fault.because.test(l)) ?? out.match(fault.because)[0];
      console.log(`  ${engine}: caught: ${line.trim().slice(0, 300)}`);
    } else if (failed > 0) {
      // The first failure's message, which the TAP output may put on the lines after "error: |-".
      const [, first, next] = out.match(/^\s*error: (.*)\n(.*)$/m) ?? [];
      const why = (/^[|>]-?$/.test(first ?? '') ? next : first)?.trim() ?? '(see the test output)';
      console.log(`  ${engine}: FAILED FOR ANOTHER REASON: ${why.slice(0, 300)}`);
      missed += 1;
    } else if (ran === 0 && skipped > 0) {
      console.log(`  ${engine}: skipped by the test (the engine cannot run it)`);
    } else {
      console.log(`  ${engine}: MISSED (${ran} ran, ${failed} failed, exit ${run.status})`);
      if (ran === 0) console.log(out.slice(-2000));
      missed += 1;
    }
  }
}
process.exit(missed ? 1 : 0);
