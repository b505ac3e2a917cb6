// The page's side of the deep-link format (src/widget/deep_link.rs): embed.js's fragmentOf and
// partOf, and embed-frame.js's partOf, against the cases tests/contracts.rs holds the Rust to.
// The scripts are not modules a test can import (embed.js is also inlined in a block in the
// offline file), so each function is read from the script as written and evaluated alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';

const root = new URL('../../', import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL('tests/fixtures/deep-links.json', root), 'utf8'));

/** The function `name` as `script` (a path under www/) defines it at the top level. */
function defined(script, name) {
  const text = readFileSync(new URL(`www/${script}`, root), 'utf8');
  const start = text.indexOf(`\nfunction ${name}(`);
  assert.ok(start >= 0, `www/${script} defines no function ${name}`);
  const end = text.indexOf('\n}\n', start);
  return new Function(`${text.slice(start, end + 2)}\nreturn ${name};`)();
}

test('cases are there to test against', () => {
  assert.ok(cases.length >= 8, `only ${cases.length} cases`);
});

test("embed.js reads deep links as the widget's Rust does", () => {
  const partOf = defined('embed.js', 'partOf');
  for (const { instance, ownPage, fragment, part } of cases) {
    assert.equal(partOf(fragment, instance, ownPage), part, `reading ${JSON.stringify({ instance, ownPage, fragment })}`);
  }
});

test("embed.js makes deep links as the widget's Rust does", () => {
  const fragmentOf = defined('embed.js', 'fragmentOf');
  for (const { instance, ownPage, fragment, part, readOnly } of cases) {
    if (readOnly) continue;
    assert.equal(fragmentOf(instance, ownPage, part), fragment, `making ${JSON.stringify({ instance, ownPage, part })}`);
  }
});

test("embed-frame.js reads an article's deep links as the widget's Rust does", () => {
  const partOf = defined('embed-frame.js', 'partOf');
  for (const { instance, ownPage, fragment, part } of cases.filter((c) => !c.ownPage)) {
    assert.equal(partOf(fragment, instance), part, `reading ${JSON.stringify({ instance, ownPage, fragment })}`);
  }
});
