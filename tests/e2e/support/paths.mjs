// Where the end-to-end tests find the project, the built site and their output.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The built site the tests run against. */
export const DIST = join(ROOT, 'dist');
/** Screenshots the suite writes, one folder per engine. */
export const RESULTS = join(ROOT, 'tests/e2e/results');
