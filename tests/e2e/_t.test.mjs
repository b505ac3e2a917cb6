import { test } from 'node:test';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, harness } from './support.mjs';
const env = harness();
test('dbg', async () => {
  const tab = await env.browser.open(process.env.SERVED ? `${env.server.url}/studio.html` : pathToFileURL(join(DIST, 'studio-offline.html')).href);
  await tab.until(async () => /^(Open a file|Your draft)/.test(await tab.text('#status')), 'ready');
  await tab.click('#sample');
  await tab.until(async () => /^No problems\./.test(await tab.text('#status')), 'checks');
  await tab.eval(() => { window.__n = 0; window.__err = []; const ce = console.error; console.error = (...a) => { window.__err.push('console: ' + a.join(' ')); ce(...a); }; window.addEventListener('unhandledrejection', (e) => window.__err.push(String(e.reason))); window.addEventListener('error', (e) => window.__err.push(String(e.message) + ' ' + (e.error && e.error.stack))); HTMLAnchorElement.prototype.click = function () { window.__n += 1; }; return true; });
  await new Promise((r) => setTimeout(r, Number(process.env.WAIT || 0)));
  await tab.evalOn('#download-offline', (b) => { b.click(); return true; });
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 500));
    console.log(JSON.stringify(await tab.eval(() => [window.__n, document.getElementById('copied').textContent, window.__err, document.getElementById('download-offline').disabled])));
  }
  await tab.click('#delete');
});
