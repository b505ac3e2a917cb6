// Every page the build writes, a page of its own at a public address (with its share image's
// tags) and a static page, checked by the W3C's Nu HTML checker (the npm package vnu-jar, run
// on the machine's Java): an oracle nobody here wrote, which knows which meta tags, attributes
// and elements HTML allows where.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { explainer } from '../e2e/support/harness.mjs';
import { DIST, ROOT, scratchDir } from '../e2e/support/paths.mjs';

const VNU = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

/** What the Nu checker says is wrong in `files`: one line a problem. */
function problems(files) {
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8' });
  assert.ok(run.stderr.trim().startsWith('{'), `the checker ran: ${run.error ?? ''} ${run.stderr.slice(0, 500)}`);
  return JSON.parse(run.stderr).messages.map((m) => `${m.url.split('/').pop()}:${m.lastLine}: ${m.message}`);
}

test('the built pages, a page at a public address and a static page are valid HTML', () => {
  const dir = scratchDir('html');
  const page = join(dir, 'library-hours.html');
  const made = explainer('page', join(DIST, 'evidence/library-hours.published.json'), '--dist', DIST,
    '-o', page, '--url', 'https://news.example/checks/library-hours.html');
  assert.equal(made.status, 0, made.stderr);
  const rendered = join(dir, 'rendered.html');
  const render = explainer('render', join(ROOT, 'www/evidence/example-ar.json'), '-o', rendered);
  assert.equal(render.status, 0, render.stderr);
  const built = readdirSync(DIST).filter((name) => name.endsWith('.html')).map((name) => join(DIST, name));
  assert.ok(built.some((name) => name.endsWith('offline.html')), 'the build wrote its pages');
  assert.deepEqual(problems([...built, page, rendered]), []);
});
