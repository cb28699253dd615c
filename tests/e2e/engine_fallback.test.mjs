// When the wasm engine cannot run, the shopper still sees their balance and a
// way to their rewards, never a blank box, and the host page hears why
// through kindred:error. Each way a real page breaks it is staged in Chromium:
// a CSP without 'wasm-unsafe-eval', an HTML page served at the .wasm URL, a
// browser without WebAssembly, and a failed download (which offers a retry).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, screenshotDir, openStore, withContentSecurityPolicy } from './store_harness.mjs';

const env = useDemoStore('engine-fallback');
const WASM = '**/dist/kindred-core.wasm';

// The store with kindred:error events recorded in window.__kindredErrors.
function openStoreRecordingErrors(t, { viewport = VIEWPORTS.desktop, prepare } = {}) {
  return openStore(env, t, {
    viewport,
    async prepare(page) {
      await page.addInitScript(() => {
        window.__kindredErrors = [];
        document.addEventListener('kindred:error', (event) => window.__kindredErrors.push(event.detail));
      });
      await prepare?.(page);
    },
  });
}

async function expectFallback(page, widget, { reason, retry }) {
  await widget.locator('.fallback').waitFor();
  assert.equal((await widget.locator('.fallback-balance').textContent()).trim(), 'You have 1,240 points.');
  const link = widget.getByRole('link', { name: 'See your rewards' });
  assert.equal(await link.getAttribute('href'), `${env.server.url}rewards.html`);
  assert.equal(await widget.getByRole('button', { name: 'Try again' }).isVisible(), retry);
  assert.equal(await widget.locator('.loading').isVisible(), false, 'no spinner left turning');
  assert.equal(await widget.getByRole('tab').count(), 0, 'no tabs without an engine');
  const errors = await page.evaluate(() => window.__kindredErrors);
  assert.equal(errors.length, 1, JSON.stringify(errors));
  assert.equal(errors[0].code, 'engine');
  assert.equal(errors[0].reason, reason);
  assert.match(errors[0].message, /rewards widget/);
  return errors[0];
}

test('a page CSP without wasm-unsafe-eval: balance, a link, and reason "csp"', async (t) => {
  const { page, widget } = await openStoreRecordingErrors(t, {
    viewport: VIEWPORTS.phone,
    prepare: withContentSecurityPolicy(env, 'm_ada', "default-src 'self'; script-src 'self'"),
  });
  await expectFallback(page, widget, { reason: 'csp', retry: false });
  await page.screenshot({ path: join(screenshotDir, 'fallback-csp-phone.png'), fullPage: true });
});

test('an HTML page served at the .wasm URL: reason "not-wasm"', async (t) => {
  const { page, widget } = await openStoreRecordingErrors(t, {
    prepare: (page) => page.route(WASM, (route) => route.fulfill({
      status: 200, contentType: 'text/html', body: '<!doctype html><title>Store</title><p>Not found</p>',
    })),
  });
  await expectFallback(page, widget, { reason: 'not-wasm', retry: false });
});

test('a browser without WebAssembly: reason "unsupported"', async (t) => {
  const { page, widget } = await openStoreRecordingErrors(t, {
    prepare: (page) => page.addInitScript(() => { delete globalThis.WebAssembly; }),
  });
  await expectFallback(page, widget, { reason: 'unsupported', retry: false });
});

test('a failed download offers Try again, which brings the whole widget', async (t) => {
  const { page, widget, problems } = await openStoreRecordingErrors(t, {
    prepare: (page) => page.route(WASM, (route) => route.fulfill({ status: 503, body: 'busy' })),
  });
  const error = await expectFallback(page, widget, { reason: 'download', retry: true });
  assert.equal(error.status, 503);
  await page.screenshot({ path: join(screenshotDir, 'fallback-download-desktop.png'), fullPage: true });

  await page.unroute(WASM);
  await widget.getByRole('button', { name: 'Try again' }).click();
  await widget.getByRole('progressbar').waitFor();
  assert.equal(await widget.locator('.fallback').isVisible(), false);
  assert.equal((await widget.locator('.balance-value').textContent()).trim(), '1,240');
  assert.deepEqual(problems, []);
});

test('the right bytes with the wrong MIME type still run, compiled after download', async (t) => {
  const { page, widget, problems } = await openStoreRecordingErrors(t, {
    prepare: (page) => page.route(WASM, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
    }),
  });
  await widget.getByRole('progressbar').waitFor();
  assert.equal(await widget.locator('.fallback').isVisible(), false);
  assert.deepEqual(await page.evaluate(() => window.__kindredErrors), []);
  assert.deepEqual(problems, []);
});
