// The widget's own files cannot creep: what a reader's browser fetches for a widget (the wasm,
// its glue, embed.js, embed-frame.js and the stylesheet), brotli at quality 11 as the bench
// measures it, stays within 126 KiB. The bytes of a build are deterministic, so this is a test
// of the built dist/, not a timing. (The 90 KiB budget of an earlier round was below what Yew
// itself costs: docs/wasm-size.md.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { sizes } from '../bench/measure.mjs';
import { built, DIST } from '../e2e/support/paths.mjs';

/** The most the widget's own files may weigh together, brotli -q 11. */
const BUDGET = 126 * 1024;

const FILES = ['explainer-widget_bg.wasm', 'explainer-widget.js', 'embed.js', 'embed-frame.js', 'explainer.css'];

test(`the widget's own files stay within ${BUDGET} bytes brotli`, () => {
  const measured = FILES.map((plain) => {
    const name = built(plain).slice(1);
    return [name, sizes(readFileSync(join(DIST, name))).brotli];
  });
  const total = measured.reduce((sum, [, brotli]) => sum + brotli, 0);
  const each = measured.map(([name, brotli]) => `${name} ${brotli}`).join(', ');
  assert.ok(total <= BUDGET, `${total} bytes brotli, over ${BUDGET} by ${total - BUDGET}: ${each}`);
});
