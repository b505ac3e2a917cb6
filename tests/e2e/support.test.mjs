// The harness's own promise, checked without a browser: what a test file makes in scratch
// folders is gone when its process exits, so a run of the suite leaves nothing behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

test('a scratch folder and what was written in it are gone when the process that made it exits', () => {
  const paths = new URL('./support/paths.mjs', import.meta.url).href;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', `
    import { writeFileSync } from 'node:fs';
    import { join } from 'node:path';
    import { scratchDir } from ${JSON.stringify(paths)};
    const dir = scratchDir('probe');
    writeFileSync(join(dir, 'made.html'), 'x');
    console.log(dir);
  `], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  const dir = child.stdout.trim();
  assert.match(dir, /explainer-probe-/);
  assert.equal(existsSync(dir), false, `${dir} is still there`);
});
