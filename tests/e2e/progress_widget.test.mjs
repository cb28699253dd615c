// The walking skeleton in a real browser: the reference backend serves the
// demo store under a strict CSP, the widget loads its wasm engine, fetches
// the program and the member, and renders the tier progress bar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, screenshotDir } from './store_harness.mjs';

const shots = screenshotDir;
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const env = useDemoStore('progress');

/** A fresh context per test: no shared cache, storage or routes. */
async function openStore(t, { member, viewport = VIEWPORTS.desktop, route } = {}) {
  const context = await env.browser.newContext(viewport);
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation',
      (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  if (route) await route(page);
  const response = await page.goto(`${env.server.url}${member ? `?member=${member}` : ''}`);
  return { page, response, problems };
}

const widget = (page) => page.locator('kindred-widget');
const bar = (page) => widget(page).getByRole('progressbar');

async function readProgress(page) {
  await bar(page).waitFor({ state: 'visible' });
  const progressbar = bar(page);
  return {
    tier: (await widget(page).locator('.tier-name').textContent()).trim(),
    balance: (await widget(page).locator('.balance-value').textContent()).trim(),
    min: await progressbar.getAttribute('aria-valuemin'),
    max: await progressbar.getAttribute('aria-valuemax'),
    now: await progressbar.getAttribute('aria-valuenow'),
    label: await progressbar.getAttribute('aria-label'),
    nudge: (await widget(page).locator('.nudge').textContent()).trim(),
  };
}

test('Ada, a Trailblazer, sees her progress to Summit with the next-step nudge', async (t) => {
  const { page, response, problems } = await openStore(t, { member: 'm_ada' });
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  assert.deepEqual(await readProgress(page), {
    tier: 'Trailblazer', balance: '1,240', min: '500', max: '1500', now: '1380',
    label: 'Progress to Summit',
    nudge: '120 points to Summit: spend $12 more to unlock early access to new gear.',
  });
  await page.screenshot({ path: join(shots, 'progress-ada-desktop.png'), fullPage: true });
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
});

test('switching member shows the other member, never a mix of the two', async (t) => {
  const { page, problems } = await openStore(t, { member: 'm_ada', viewport: VIEWPORTS.phone });
  await readProgress(page);
  await page.selectOption('#member-switcher', 'm_grace');
  await widget(page).locator('.tier-name', { hasText: 'Explorer' }).waitFor();
  assert.deepEqual(await readProgress(page), {
    tier: 'Explorer', balance: '340', min: '0', max: '500', now: '340',
    label: 'Progress to Trailblazer',
    nudge: '160 points to Trailblazer: spend $16 more to unlock free standard shipping.',
  });
  assert.match(await widget(page).locator('.expiring').textContent(), /^40 points expire in 5 days \(\w{3} \d{1,2}, \d{4}\)\.$/);
  assert.match(await widget(page).locator('.pending').textContent(), /^\+25 points pending$/);
  await page.screenshot({ path: join(shots, 'progress-grace-phone.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('a top-tier member sees a full bar and a thank-you', async (t) => {
  const { page } = await openStore(t, { member: 'm_alan', viewport: VIEWPORTS.phone });
  const progress = await readProgress(page);
  assert.equal(progress.tier, 'Peak');
  assert.equal(progress.now, progress.max);
  assert.equal(progress.label, 'Peak: top tier');
  assert.equal(progress.nudge, "You're a Peak member, our top tier. Thank you for being with us.");
  await page.screenshot({ path: join(shots, 'progress-alan-phone.png'), fullPage: true });
});

test('under the strict CSP the wasm runs and the widget is styled', async (t) => {
  const { page } = await openStore(t, { member: 'm_katherine' });
  await readProgress(page);
  // Styles come from a constructed stylesheet, which a style-src of 'self' allows.
  const fill = await widget(page).locator('.progress .bar-fill').evaluate((element) => getComputedStyle(element).backgroundColor);
  assert.equal(fill, 'rgb(15, 118, 110)');
  // Inherited page styles (a serif body) do not leak into the widget.
  const font = await widget(page).locator('.nudge').evaluate((element) => getComputedStyle(element).fontFamily);
  assert.doesNotMatch(font, /Georgia/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
});

test('a malformed member payload keeps the last good state and says so', async (t) => {
  const { page } = await openStore(t, { member: 'm_ada' });
  const good = await readProgress(page);
  const errors = [];
  await page.exposeFunction('__kindredError', (detail) => errors.push(detail));
  await page.evaluate(() => document.querySelector('kindred-widget')
    .addEventListener('kindred:error', (event) => window.__kindredError(event.detail)));
  await page.route('**/v1/member', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: '{"id":"m_ada","points":"lots","qualifyingPoints":1380}',
  }));
  await page.evaluate(() => document.querySelector('kindred-widget').refresh());
  const notice = widget(page).locator('.notice');
  await notice.waitFor({ state: 'visible' });
  assert.match(await notice.textContent(), /last saved details/);
  assert.deepEqual(await readProgress(page), good);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].code, 'payload');
  assert.equal(errors[0].path, 'member.points');
});

test('a failed first load shows a readable error with a way forward', async (t) => {
  const { page } = await openStore(t, {
    member: 'm_ada',
    route: (p) => p.route('**/v1/program', (route) => route.fulfill({
      status: 503, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'urn:kindred:problem:maintenance', title: 'Down for maintenance', status: 503,
        detail: 'Rewards are being updated and will be back in a few minutes.' }),
    })),
  });
  const failed = widget(page).locator('.failed');
  await failed.waitFor({ state: 'visible' });
  assert.equal(await failed.locator('.failed-text').textContent(),
    'Rewards are being updated and will be back in a few minutes.');
  await page.screenshot({ path: join(shots, 'progress-error-desktop.png') });
  await page.unroute('**/v1/program');
  await failed.getByRole('button', { name: 'Try again' }).click();
  assert.equal((await readProgress(page)).tier, 'Trailblazer');
});

test('backend strings are rendered as text, never as markup', async (t) => {
  const hostile = '<img src=x onerror="window.__pwned=1">Gold<script>window.__pwned=2</script>';
  const { page } = await openStore(t, {
    member: 'm_ada',
    route: (p) => p.route('**/v1/program', async (route) => {
      const program = await (await route.fetch()).json();
      program.tiers[2].name = hostile;
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(program) });
    }),
  });
  const progress = await readProgress(page);
  assert.equal(progress.label, `Progress to ${hostile}`);
  assert.ok(progress.nudge.includes(hostile));
  assert.equal(await widget(page).locator('img:not(.brand-logo), script').count(), 0, 'only the brand logo is an image');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('while the backend is slow the widget says it is loading', async (t) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { page } = await openStore(t, {
    member: 'm_ada',
    route: (p) => p.route('**/v1/member', async (route) => { await held; await route.continue(); }),
  });
  const status = widget(page).getByRole('status');
  await status.waitFor({ state: 'visible' });
  assert.equal((await status.textContent()).trim(), 'Loading your rewards…');
  assert.equal(await bar(page).isVisible(), false);
  release();
  assert.equal((await readProgress(page)).tier, 'Trailblazer');
  assert.equal(await status.isVisible(), false);
});

test('the wasm is fetched next to the module by default, or from wasmUrl when set', async (t) => {
  const { page } = await openStore(t, { member: 'm_ada' });
  await readProgress(page);
  const wasmRequests = await page.evaluate(() => performance.getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname + new URL(entry.name).search).filter((path) => path.includes('.wasm')));
  assert.deepEqual(wasmRequests, ['/dist/kindred-core.wasm']);

  // A page that hosts the engine elsewhere (a CDN path, a cache-busting query).
  const context = await env.browser.newContext();
  t.after(() => context.close());
  const custom = await context.newPage();
  const fetched = [];
  custom.on('request', (request) => { if (request.url().includes('.wasm')) fetched.push(new URL(request.url()).search); });
  // A same-origin page with no widget yet, so nothing has loaded the engine.
  await custom.route('**/blank.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><body></body>' }));
  await custom.goto(new URL('/blank.html', env.server.url).href);
  await custom.evaluate(async () => {
    await import('/dist/index.js');
    const element = document.createElement('kindred-widget');
    element.wasmUrl = '/dist/kindred-core.wasm?from=override';
    document.body.append(element);
    const response = await fetch('/demo/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ memberId: 'm_alan' }) });
    element.token = (await response.json()).token;
  });
  await widget(custom).getByRole('progressbar').waitFor();
  assert.deepEqual(fetched, ['?from=override']);
});

test('a widget with no token yet asks the shopper to sign in instead of spinning', async (t) => {
  const context = await env.browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  await page.route('**/blank.html', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><body></body>' }));
  await page.goto(new URL('/blank.html', env.server.url).href);
  await page.evaluate(async () => {
    await import('/dist/index.js');
    document.body.append(document.createElement('kindred-widget'));
  });
  const signedOut = widget(page).locator('.signed-out');
  await signedOut.waitFor({ state: 'visible' });
  assert.equal(await signedOut.textContent(), 'Sign in to see your points and rewards.');
  assert.equal(await widget(page).getByRole('status').isVisible(), false);
});
