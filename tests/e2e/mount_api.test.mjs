// Kindred.mount() in Chromium, on a bare page that imports the package the
// way a single-page app does: the widget goes where it is told with the
// options given (screens, theme, token), the handle switches screens, and
// destroy() takes everything back: no wasm object or Embind handle is left,
// however often an app mounts and unmounts it across routes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, screenshotDir } from './store_harness.mjs';

const env = useDemoStore('mount');

const APP = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title></head>
<body><main id="route"></main>
<script type="module">
  import * as Kindred from '/dist/index.js';
  window.Kindred = Kindred;
  window.appReady = true;
</script></body></html>`;

async function openApp(t, { getToken } = {}) {
  const context = await env.browser.newContext(VIEWPORTS.desktop);
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.route(`${env.server.url}app.html`, (route) => route.fulfill({ contentType: 'text/html', body: APP }));
  if (getToken) await page.exposeFunction('issueToken', getToken);
  await page.goto(`${env.server.url}app.html`);
  await page.waitForFunction(() => window.appReady);
  return { page, problems };
}

async function memberToken(memberId) {
  const response = await fetch(new URL('/demo/login', env.server.url), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ memberId }),
  });
  return (await response.json()).token;
}

test('mount puts a themed widget with the chosen screens where it is told, and the handle opens them', async (t) => {
  const { page, problems } = await openApp(t);
  const token = await memberToken('m_ada');
  await page.evaluate((memberToken) => {
    window.handle = window.Kindred.mount('#route', {
      token: memberToken, screens: ['progress', 'tiers'], theme: { accent: '#7c3aed', radius: '4px' },
    });
  }, token);
  const widget = page.locator('#route kindred-widget');
  await widget.getByRole('progressbar').waitFor();
  assert.deepEqual(await widget.getByRole('tab').allTextContents(), ['Home', 'Tiers']);
  assert.equal(await widget.evaluate((element) => getComputedStyle(element.shadowRoot.querySelector('.bar-fill')).backgroundColor),
    'rgb(124, 58, 237)', 'the theme reaches the shadow DOM through its custom properties');

  await page.evaluate(() => window.handle.open('tiers'));
  await widget.locator('.hub').waitFor();
  assert.equal(await widget.getByRole('tab', { name: 'Tiers' }).getAttribute('aria-selected'), 'true');
  await page.screenshot({ path: join(screenshotDir, 'mount-themed-desktop.png') });

  const missing = await page.evaluate(() => {
    try { window.Kindred.mount('#nowhere'); return null; } catch (error) { return error.message; }
  });
  assert.equal(missing, 'Kindred.mount: no element matches "#nowhere".');
  assert.deepEqual(problems, []);
});

test('mounting and destroying across routes leaves no wasm object and no Embind handle behind', async (t) => {
  const { page, problems } = await openApp(t);
  const token = await memberToken('m_katherine');
  const baseline = await page.evaluate(async () => (await window.Kindred.loadKindredCore()).count_emval_handles());
  for (let route = 0; route < 3; route += 1) {
    const used = await page.evaluate(async (memberToken) => {
      const handle = window.Kindred.mount(document.querySelector('#route'), { token: memberToken, screen: 'games' });
      await new Promise((resolve) => handle.element.addEventListener('kindred:ready', resolve, { once: true }));
      await new Promise((resolve) => { const wait = () => (handle.element.shadowRoot.querySelector('.game-card') ? resolve() : setTimeout(wait, 20)); wait(); });
      handle.open('tiers');
      const during = handle.element.diagnostics();
      handle.destroy();
      return { during, after: handle.element.diagnostics(), attached: document.querySelectorAll('kindred-widget').length };
    }, token);
    assert.ok(used.during.engineObjects > 0, 'the widget did hold engine objects');
    assert.equal(used.after.engineObjects, 0, `route ${route}: every wasm object freed`);
    assert.equal(used.after.valueHandles, baseline, `route ${route}: the Embind handle count is back where it was`);
    assert.equal(used.attached, 0);
  }
  assert.deepEqual(problems, []);
});

test('a getToken that is told its token expired gets a fresh one, and the widget carries on', async (t) => {
  const issued = [];
  const { page } = await openApp(t, {
    getToken: async (expired) => {
      issued.push(expired);
      // The first token is signed with a secret the backend does not know: a 401.
      return expired ? memberToken('m_ada') : 'not-a-valid-token';
    },
  });
  await page.evaluate(() => {
    window.Kindred.mount('#route', { getToken: (hint) => window.issueToken(Boolean(hint?.expired)) });
  });
  await page.locator('#route kindred-widget').getByRole('progressbar').waitFor();
  assert.equal(issued[0], false);
  // Program, member and moments all got a 401 together: one fresh token for the three.
  assert.equal(issued.filter(Boolean).length, 1, `asked for a fresh token once after the 401s: ${issued}`);
});

test('a plain script tag with data- attributes mounts the widget, its token fetched from the page\'s own server', async (t) => {
  const context = await env.browser.newContext(VIEWPORTS.phone);
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const page_ = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head><body>
    <div id="rewards"></div>
    <script src="/dist/kindred.iife.js" data-target="#rewards" data-token-url="/my-account/loyalty-token"
            data-screens="progress,rewards"></script></body></html>`;
  let tokenRequests = 0;
  await page.route(`${env.server.url}shop.html`, (route) => route.fulfill({ contentType: 'text/html', body: page_ }));
  await page.route(`${env.server.url}my-account/loyalty-token`, async (route) => {
    tokenRequests += 1;
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ token: await memberToken('m_grace') }) });
  });
  await page.goto(`${env.server.url}shop.html`);
  const widget = page.locator('#rewards kindred-widget');
  await widget.getByRole('progressbar').waitFor();
  assert.deepEqual(await widget.getByRole('tab').allTextContents(), ['Home', 'Rewards']);
  await widget.getByRole('tab', { name: 'Rewards' }).click();
  await widget.locator('.reward').first().waitFor();
  assert.equal(tokenRequests, 1, 'the token is fetched once and kept while it is good');
  assert.equal(await page.evaluate(() => typeof window.Kindred.mount), 'function');
  assert.deepEqual(problems, []);
});
