// Where the end-to-end tests find the project, the built site and their output, and where
// they write what they make for a run.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The built site the tests run against: dist/, or the copy EXPLAINER_DIST names (the planted
 * faults of tests/planted/ are run against copies). */
export const DIST = process.env.EXPLAINER_DIST ? resolve(process.env.EXPLAINER_DIST) : join(ROOT, 'dist');
/** Screenshots the suite writes, one folder per engine. */
export const RESULTS = join(ROOT, 'tests/e2e/results');

/** The address in DIST of a built file Trunk names `plain` (`explainer-widget_bg.wasm`), under
 * the content-hashed name `explainer fingerprint` gave it, or its plain one if it has none (the
 * stylesheet keeps its plain name too, for snippets). */
export function built(plain) {
  const dot = plain.indexOf('_bg.') >= 0 ? plain.indexOf('_bg.') : plain.lastIndexOf('.');
  const [stem, end] = [plain.slice(0, dot), plain.slice(dot)];
  const hashed = new RegExp(`^${stem}-[0-9a-f]{16}${end.replace('.', '\\.')}$`);
  const name = readdirSync(DIST).find((n) => hashed.test(n)) ?? (existsSync(join(DIST, plain)) ? plain : undefined);
  if (!name) throw new Error(`${plain} is not in ${DIST}: build first (trunk build --release)`);
  return `/${name}`;
}

const scratchDirs = [];
process.on('exit', () => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder, `explainer-<name>-…` in the system's temporary folder, removed when the
 * test file's process exits: a run of the suite leaves nothing behind. */
export function scratchDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `explainer-${name}-`));
  scratchDirs.push(dir);
  return dir;
}
